package sequelize

import (
	"bytes"
	"reflect"
	"slices"
	"sync"
	"time"
	"unsafe"
	"weak"
)

// unsafeRows views the n rows of a chunk starting at first.
func unsafeRows[T any](first *T, n int) []T { return unsafe.Slice(first, n) }

// Change tracking on plain structs.
//
// Sequelize instances carry their previous values (_previousDataValues)
// and an isNewRecord flag. Our instances are the user's own *T, with no
// hidden fields, so the model keeps that state beside them: a snapshot of
// the struct as it was last read from or written to the database. Nothing
// in it keeps an instance alive, and the state of collected instances is
// swept lazily. An instance with no snapshot is new.
//
// Single instances (Create, Save, FindOne) are keyed by a weak pointer.
// The rows of a larger result are allocated in chunks (one allocation per
// rowChunk rows), and each chunk is tracked as a slab: one weak pointer,
// its address range, and the snapshots in one slice. A weak pointer per
// row cost most of the CPU of eager loading (the runtime's per-object
// weak handles), and the chunks spare an allocation per row; the price is
// that a chunk stays in memory while any of its rows is referenced.

// rowChunk is the number of rows allocated together, and slabMin the
// smallest chunk tracked as a slab (smaller ones use weak pointers).
const (
	rowChunk = 64
	slabMin  = 8
)

// tracker holds the snapshots of one model's instances.
type tracker[T any] struct {
	mu      sync.Mutex
	states  map[weak.Pointer[T]]*T
	sweepAt int
	// slabs are sorted by base address and never overlap while alive; a
	// dead slab's range may hold new objects, which the weak pointer
	// tells apart.
	slabs     []*slab[T]
	slabSweep int
}

// slab tracks a chunk of rows allocated together.
type slab[T any] struct {
	base, end uintptr         // the chunk's address range
	wp        weak.Pointer[T] // to the chunk's first row
	snaps     []T
	gone      []bool // rows that are new records again (destroyed)
}

func addr[T any](p *T) uintptr { return reflect.ValueOf(p).Pointer() }

func sizeOf[T any]() uintptr { return reflect.TypeFor[T]().Size() }

// find returns the slab holding inst and its index; tr.mu is held.
func (tr *tracker[T]) find(inst *T) (*slab[T], int) {
	if len(tr.slabs) == 0 {
		return nil, 0
	}
	p := addr(inst)
	i, _ := slices.BinarySearchFunc(tr.slabs, p, func(s *slab[T], p uintptr) int {
		switch {
		case s.end <= p:
			return -1
		case s.base > p:
			return 1
		}
		return 0
	})
	if i == len(tr.slabs) {
		return nil, 0
	}
	s := tr.slabs[i]
	if p < s.base || p >= s.end {
		return nil, 0
	}
	first := s.wp.Value()
	if first == nil {
		return nil, 0 // the chunk is gone; p is another object
	}
	idx := int((p - s.base) / sizeOf[T]())
	if rows := unsafeRows(first, len(s.snaps)); &rows[idx] != inst {
		return nil, 0
	}
	return s, idx
}

// remember records inst's current values as its persisted state.
func (tr *tracker[T]) remember(m *modelMeta, inst *T) {
	tr.store(inst, tr.copyOf(m, inst))
}

// rememberOnly records the current values of attrs as inst's persisted
// ones; the other attributes keep their snapshot's (they were not
// written, so they stay changed). Without a snapshot it is remember.
func (tr *tracker[T]) rememberOnly(m *modelMeta, inst *T, attrs []*attribute) {
	old := tr.snapshot(inst)
	if old == nil {
		tr.remember(m, inst)
		return
	}
	snap := tr.copyOf(m, old)
	sv, iv := reflect.ValueOf(snap).Elem(), reflect.ValueOf(inst).Elem()
	for _, a := range attrs {
		if a.goIndex != nil {
			sv.FieldByIndex(a.goIndex).Set(deepCopy(iv.FieldByIndex(a.goIndex)))
		}
	}
	tr.store(inst, snap)
}

// store records snap as inst's persisted state.
func (tr *tracker[T]) store(inst *T, snap *T) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if s, i := tr.find(inst); s != nil {
		s.snaps[i], s.gone[i] = *snap, false
		return
	}
	tr.put(weak.Make(inst), snap)
}

// rememberAll records a batch of instances under one lock: chunks of at
// least slabMin rows (from rows) as slabs, the others one by one.
func (tr *tracker[T]) rememberAll(m *modelMeta, insts []*T, chunks [][]T) {
	if chunks == nil {
		snaps := make([]*T, len(insts))
		for i, inst := range insts {
			snaps[i] = tr.copyOf(m, inst)
		}
		tr.mu.Lock()
		for i, inst := range insts {
			tr.put(weak.Make(inst), snaps[i])
		}
		tr.mu.Unlock()
		return
	}
	var slabs []*slab[T]
	var singles []*T
	for _, c := range chunks {
		if len(c) < slabMin {
			for i := range c {
				singles = append(singles, &c[i])
			}
			continue
		}
		s := &slab[T]{base: addr(&c[0]), snaps: slices.Clone(c), gone: make([]bool, len(c)), wp: weak.Make(&c[0])}
		s.end = s.base + uintptr(len(c))*sizeOf[T]()
		if m.hasRefFields {
			for i := range s.snaps {
				deepCopyFields(m, reflect.ValueOf(&s.snaps[i]).Elem())
			}
		}
		slabs = append(slabs, s)
	}
	if len(singles) > 0 {
		tr.rememberAll(m, singles, nil)
	}
	if len(slabs) == 0 {
		return
	}
	tr.mu.Lock()
	defer tr.mu.Unlock()
	for _, s := range slabs {
		tr.addSlab(s)
	}
}

// addSlab inserts s in address order, dropping dead slabs it overlaps;
// tr.mu is held.
func (tr *tracker[T]) addSlab(s *slab[T]) {
	i, _ := slices.BinarySearchFunc(tr.slabs, s.base, func(x *slab[T], p uintptr) int {
		if x.base < p {
			return -1
		}
		if x.base > p {
			return 1
		}
		return 0
	})
	// Live slabs never overlap a new chunk; dead ones may.
	j := i
	for i > 0 && tr.slabs[i-1].end > s.base {
		i--
	}
	for j < len(tr.slabs) && tr.slabs[j].base < s.end {
		j++
	}
	tr.slabs = slices.Replace(tr.slabs, i, j, s)
	if len(tr.slabs) >= tr.slabSweep {
		tr.slabs = slices.DeleteFunc(tr.slabs, func(x *slab[T]) bool { return x.wp.Value() == nil })
		tr.slabSweep = max(64, 2*len(tr.slabs))
	}
}

func (tr *tracker[T]) copyOf(m *modelMeta, inst *T) *T {
	snap := new(T)
	*snap = *inst
	if m.hasRefFields {
		deepCopyFields(m, reflect.ValueOf(snap).Elem())
	}
	return snap
}

// put stores a snapshot; tr.mu is held.
func (tr *tracker[T]) put(key weak.Pointer[T], snap *T) {
	if tr.states == nil {
		tr.states = map[weak.Pointer[T]]*T{}
		tr.sweepAt = 1024
	}
	tr.states[key] = snap
	if len(tr.states) >= tr.sweepAt {
		for k := range tr.states {
			if k.Value() == nil {
				delete(tr.states, k)
			}
		}
		tr.sweepAt = max(1024, 2*len(tr.states))
	}
}

// forget drops inst's state: it becomes a new record.
func (tr *tracker[T]) forget(inst *T) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if s, i := tr.find(inst); s != nil {
		s.gone[i] = true
		return
	}
	delete(tr.states, weak.Make(inst))
}

// snapshot returns inst's persisted values, or nil for a new record.
func (tr *tracker[T]) snapshot(inst *T) *T {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if s, i := tr.find(inst); s != nil {
		if s.gone[i] {
			return nil
		}
		return &s.snaps[i] // read-only for callers; remember replaces it
	}
	if len(tr.states) == 0 {
		return nil
	}
	return tr.states[weak.Make(inst)]
}

// deepCopyFields copies the attribute fields whose values share memory
// (slices, maps, pointers to values) so that in-place changes are seen.
func deepCopyFields(m *modelMeta, v reflect.Value) {
	for _, a := range m.attrs {
		if a.goIndex == nil {
			continue
		}
		f := v.FieldByIndex(a.goIndex)
		switch f.Kind() {
		case reflect.Slice, reflect.Map, reflect.Pointer:
			if !f.IsNil() {
				f.Set(deepCopy(f))
			}
		}
	}
}

func deepCopy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			c.Index(i).Set(deepCopy(v.Index(i)))
		}
		return c
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			c.SetMapIndex(it.Key(), deepCopy(it.Value()))
		}
		return c
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(deepCopy(v.Elem()))
		return c
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		c := reflect.New(v.Type()).Elem()
		c.Set(deepCopy(v.Elem()))
		return c
	}
	return v
}

// sameValue reports whether two field values are equal for change
// tracking: times by instant, byte slices by content, the rest deeply.
func sameValue(a, b reflect.Value) bool {
	if a.Type() == timeType {
		return timeOf(a).Equal(timeOf(b))
	}
	if a.Kind() == reflect.Pointer && a.Type().Elem() == timeType {
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return a.Interface().(*time.Time).Equal(*b.Interface().(*time.Time))
	}
	if a.Kind() == reflect.Pointer {
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return sameValue(a.Elem(), b.Elem())
	}
	if a.Kind() == reflect.Slice && a.Type().Elem().Kind() == reflect.Uint8 {
		if a.IsNil() != b.IsNil() {
			return false
		}
		return bytes.Equal(a.Bytes(), b.Bytes())
	}
	if a.Kind() != reflect.Interface && a.Type().Comparable() {
		return a.Equal(b)
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}

// timeOf reads a time.Time field without boxing it when it is addressable.
func timeOf(v reflect.Value) time.Time {
	if v.CanAddr() {
		return *v.Addr().Interface().(*time.Time)
	}
	return v.Interface().(time.Time)
}

// IsNewRecord reports whether inst has not been read from or saved to the
// database through this model (Sequelize's instance.isNewRecord).
func (md *Model[T]) IsNewRecord(inst *T) bool { return md.tr.snapshot(inst) == nil }

// Changed returns the attributes of inst whose values differ from the ones
// last read or saved (Sequelize's instance.changed()). For a new record it
// returns every attribute with a struct field.
func (md *Model[T]) Changed(inst *T) []string {
	md = md.at()
	var out []string
	cur := reflect.ValueOf(inst).Elem()
	snap := md.tr.snapshot(inst)
	for _, a := range md.m.attrs {
		if a.goIndex == nil {
			continue
		}
		if snap == nil || !sameValue(cur.FieldByIndex(a.goIndex), reflect.ValueOf(snap).Elem().FieldByIndex(a.goIndex)) {
			out = append(out, a.name)
		}
	}
	return out
}

// differing returns the attributes among names whose values differ
// between a and b.
func (md *Model[T]) differing(a, b *T, names []string) []string {
	av, bv := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	var out []string
	for _, n := range names {
		if at := md.m.byName[n]; at != nil && at.goIndex != nil && !sameValue(av.FieldByIndex(at.goIndex), bv.FieldByIndex(at.goIndex)) {
			out = append(out, n)
		}
	}
	return out
}

// IsChanged reports whether attr of inst differs from its last read or
// saved value (Sequelize's instance.changed(key)).
func (md *Model[T]) IsChanged(inst *T, attr string) bool {
	for _, c := range md.Changed(inst) {
		if c == attr {
			return true
		}
	}
	return false
}

// Previous returns the value attr had when inst was last read or saved
// (Sequelize's instance.previous(key)), and false for a new record or an
// attribute without a struct field: unlike Sequelize's build, Build
// remembers nothing, so a built instance has no previous values until it
// is saved.
func (md *Model[T]) Previous(inst *T, attr string) (any, bool) {
	md = md.at()
	a := md.m.byName[attr]
	snap := md.tr.snapshot(inst)
	if a == nil || a.goIndex == nil || snap == nil {
		return nil, false
	}
	return reflect.ValueOf(snap).Elem().FieldByIndex(a.goIndex).Interface(), true
}
