package sequelize

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/gosequelize/sequelize/datatypes"
	"github.com/gosequelize/sequelize/internal/naming"
)

// BelongsToManyOptions are the options of BelongsToMany: the common
// association options plus the through table's.
type BelongsToManyOptions struct {
	AssociationOptions
	// Through names the junction (Sequelize's through, required unless
	// ThroughModel is set): a model defined with that name is used as the
	// through model; any other name is a table Sequelize would generate,
	// with the two keys as a composite primary key (ON DELETE and ON
	// UPDATE CASCADE) and createdAt and updatedAt. Two BelongsToMany
	// through the same name share it.
	Through string
	// ThroughModel is a defined model used as the junction (Sequelize's
	// through: Model), for junction rows with attributes of their own. Its
	// struct needs fields for the two keys (UserID, ProjectID). Its
	// implicit id (when the struct has no ID field) is dropped and the
	// keys become the primary key; with a primary key of its own it gets
	// a composite unique key on them (see ThroughUnique). A target struct
	// field named after the through model, of type *J, receives the
	// junction row on reads, and on Add, Set and Create gives the row's
	// attributes for that target (Sequelize's target[Through.name]).
	ThroughModel AnyModel
	// OtherKey is the junction's key referring to the target (default
	// target name + "Id", "ProjectId"; for a self-association the singular
	// of As + "Id"). When not given and the reverse association through the
	// same junction exists or is defined later, it is that association's
	// ForeignKey (Sequelize's paired association), so the pair shares two
	// key columns; likewise a TargetKey not given is the reverse
	// association's SourceKey. On a through model, a default other key
	// without a struct field is an error only when the association is used
	// before its pair is defined.
	OtherKey string
	// ThroughScope adds these values to the junction rows' where and sets
	// them on the rows Add creates.
	ThroughScope Values
	// ThroughTimestamps, when Bool(false), leaves createdAt and updatedAt
	// out of a generated junction table.
	ThroughTimestamps *bool
	// ThroughParanoid gives a generated junction table a deletedAt column:
	// Remove and Set soft-delete links, reads skip them, and adding a link
	// again restores it (Sequelize's through.paranoid). A through model is
	// paranoid when its own ModelOptions say so.
	ThroughParanoid bool
	// ThroughUnique, when Bool(false), leaves out the unique key a through
	// model with its own primary key gets on the two keys (Sequelize's
	// through.unique).
	ThroughUnique *bool
	// UniqueKey names that unique key (default
	// "<through table>_<ForeignKey>_<OtherKey>_unique").
	UniqueKey string
}

// BelongsToManyAssociation is source.belongsToMany(target, {through}):
// the keys live in a junction table. Made by BelongsToMany.
type BelongsToManyAssociation[S, T any] struct {
	assocBase
	src     *Model[S]
	tgt     *Model[T]
	through *modelRef
	jops    junctionOps
	thrFld  []int // the target's field holding its junction row (*J), if any
	tscope  Values
	// k holds the keys on the junction; a paired association defined
	// later may change them (Sequelize's paired), hence the atomic.
	k atomic.Pointer[btmKeys]
	// pair is the definition state pairing reads and changes, only while
	// the DB's definition lock is held.
	pair *btmPair
}

// BelongsToMany associates source with many targets through a junction
// table (Sequelize's Model.belongsToMany). Defaults as Sequelize: alias =
// the target's plural name, foreign key = source name + "Id", other key =
// target name + "Id". A self-association needs As. It panics with an
// *AssociationError on a definition mistake (no Through, no As on a
// self-association, a duplicate alias), and then changes nothing. It may
// be called while queries run (see BelongsTo): the junction model's new
// definition (its keys; a generated junction is registered only now) is
// published with the source's. When the reverse BelongsToMany through the
// same junction exists, the two share its key columns as in Sequelize (see
// OtherKey): its default keys may change to this association's.
func BelongsToMany[S, T any](source *Model[S], target *Model[T], opts BelongsToManyOptions) *BelongsToManyAssociation[S, T] {
	fireAssociate(source, BelongsToManyType, target.r.name, &opts.AssociationOptions, nil)
	db := source.db
	d := db.define()
	defer d.end()
	d.source = source.r
	sm := d.draft(source.r)
	tm := d.view(target.r)
	if opts.Through == "" && opts.ThroughModel == nil {
		assocPanic("%s.belongsToMany(%s) requires Through, pass either a table name or a ThroughModel", sm.name, tm.name)
	}
	if opts.Through != "" && opts.ThroughModel != nil {
		assocPanic("%s.belongsToMany(%s): set Through or ThroughModel, not both", sm.name, tm.name)
	}
	self := sm == tm
	if self && opts.As == "" {
		assocPanic("BelongsToMany of %s to itself requires As", sm.name)
	}
	as := opts.As
	if as == "" {
		as = tm.plural
	}
	p := &btmPair{opts: opts, as: as, self: self, source: source.r, target: target.r,
		skey: sm.primaryOrNamed(opts.SourceKey, "SourceKey"), tkey: tm.primaryOrNamed(opts.TargetKey, "TargetKey"),
		fk: opts.ForeignKey, other: opts.OtherKey, tkeyDefault: opts.TargetKey == "", otherDefault: opts.OtherKey == ""}
	if p.fk == "" {
		p.fk = naming.Camelize(sm.singular + "_" + p.skey.name)
	}
	p.defaultOther(tm)
	if opts.ThroughModel != nil {
		p.through = opts.ThroughModel.ref()
	} else if r, ok := db.lookupModel(opts.Through); ok {
		p.through = r
	}
	if p.through != nil && p.through.meta().goType != nil {
		if opts.ThroughTimestamps != nil || opts.ThroughParanoid {
			assocPanic("%s.belongsToMany(%s): ThroughTimestamps and ThroughParanoid are for generated junction tables; set them in %s's ModelOptions", sm.name, tm.name, p.through.name)
		}
	}
	// Sequelize's paired association: the reverse BelongsToMany through the
	// same junction shares its two keys.
	var paired *btmPair
	var pairedAssoc btmPairable
	if p.through != nil {
		for _, x := range tm.assocs {
			if q, ok := x.(btmPairable); ok {
				if qp := q.btmPairState(); qp.target == source.r && qp.through == p.through && (paired == nil || qp.seq > paired.seq) {
					paired, pairedAssoc = qp, q
				}
			}
		}
	}
	var repaired *btmPair // paired's new state, stored when the definition is published
	if paired != nil {
		repaired = p.pairWith(d, paired)
	}
	var thr *modelMeta
	var jops junctionOps
	var pending error
	if p.through != nil && p.through.meta().goType != nil {
		thr = d.draft(p.through)
		p.pkDeleted, pending = injectThroughKeys(thr, sm, p.skey, p.fk, tm, p.tkey, p.other, p.otherDefault, false, opts)
		jops = p.through.junction
	} else {
		thr = db.throughMeta(d, opts.Through, sm, p.skey, p.fk, tm, p.tkey, p.other, opts)
		p.through = thr.ref
		jops = genJunction{db: db, r: thr.ref}
	}
	p.seq = db.btmSeq.Add(1)
	a := &BelongsToManyAssociation[S, T]{src: source, tgt: target, through: thr.ref, jops: jops, tscope: opts.ThroughScope, pair: p}
	a.assocBase = assocBase{typ: BelongsToManyType, as: as, source: source.r, target: target.r, fk: p.fk, key: p.skey, sourceDB: db, scope: opts.Scope}
	a.thrFld = throughField(tm, thr)
	k := p.keys(thr, pending)
	a.k.Store(k)
	a.fkAttr = k.fkThr
	a.fieldMany = true
	a.field = includeField(sm, as, tm.goType, true)
	addAssociation(sm, a)
	var pairedKeys *btmKeys
	if repaired != nil {
		pairedKeys = repaired.keys(thr, nil)
		*paired = *repaired
	}
	d.publish()
	if pairedKeys != nil {
		pairedAssoc.btmStoreKeys(pairedKeys)
	}
	fireAssociate(source, BelongsToManyType, target.r.name, &opts.AssociationOptions, a)
	return a
}

// btmPair is what pairing two BelongsToMany through one junction reads and
// changes (Sequelize's paired): the keys and how they were chosen.
type btmPair struct {
	opts           BelongsToManyOptions
	as             string
	self           bool
	seq            uint64 // definition order: the last paired association wins, as in Sequelize
	source, target *modelRef
	through        *modelRef
	skey, tkey     *attribute // source key, target key (on the source and target)
	fk, other      string     // junction keys referring to the source and the target
	tkeyDefault    bool       // TargetKey not given: the paired association's source key replaces it
	otherDefault   bool       // OtherKey not given: the paired association's foreign key replaces it
	pkDeleted      bool       // the through model's own primary key gave way to the keys
}

// btmKeys are the keys a BelongsToMany uses on its junction.
type btmKeys struct {
	other  *attribute   // junction column referring to the target
	tkey   *attribute   // target attribute other refers to
	fkThr  *attribute   // junction column referring to the source
	extras []*attribute // the through model's own attributes: not the two keys, an auto-increment id, timestamps or scope
	// err is set while the through model has no struct field for a
	// default other key, which a paired association may still replace.
	err error
}

// btmPairable is a BelongsToMany another can pair with.
type btmPairable interface {
	btmPairState() *btmPair
	btmStoreKeys(k *btmKeys)
}

func (a *BelongsToManyAssociation[S, T]) btmPairState() *btmPair  { return a.pair }
func (a *BelongsToManyAssociation[S, T]) btmStoreKeys(k *btmKeys) { a.k.Store(k) }

// defaultOther names the other key when OtherKey is not given: the target
// name (for a self-association the singular of As) + the target key.
func (p *btmPair) defaultOther(tm *modelMeta) {
	if !p.otherDefault {
		return
	}
	base := tm.singular
	if p.self {
		base = naming.Singularize(p.as)
	}
	p.other = naming.Camelize(base + "_" + p.tkey.name)
}

// pairWith reconciles p (being defined, source sm) with q, the reverse
// association through the same junction, as Sequelize's constructor does:
// each side's default target key becomes the other's source key, and each
// side's default other key the other's foreign key, so that the junction
// has two key columns, not four. It returns q's new state (nil when q is
// unchanged), whose keys it has injected into the junction's draft.
func (p *btmPair) pairWith(d *defineSession, q *btmPair) *btmPair {
	sm, tm := d.view(p.source), d.view(p.target)
	if p.tkeyDefault {
		p.tkey = tm.byName[q.skey.name]
		p.defaultOther(tm)
	}
	n := *q
	changed := false
	thr := d.view(q.through)
	drop := func(name string) {
		if thr.byName[name] != nil {
			thr = d.draft(q.through)
			dropJunctionKey(thr, name)
		}
	}
	if q.tkeyDefault && q.tkey.name != p.skey.name {
		drop(q.other)
		n.tkey = sm.byName[p.skey.name]
		n.defaultOther(sm)
		changed = true
	}
	if p.otherDefault {
		p.other = q.fk
	}
	if q.otherDefault && n.other != p.fk {
		drop(n.other)
		n.other = p.fk
		changed = true
	}
	if !changed {
		return nil
	}
	if thr.goType != nil {
		thr = d.draft(q.through)
		n.pkDeleted, _ = injectThroughKeys(thr, tm, n.skey, n.fk, sm, n.tkey, n.other, false, q.pkDeleted, n.opts)
	} else {
		d.db.throughMeta(d, q.through.name, tm, n.skey, n.fk, sm, n.tkey, n.other, n.opts)
	}
	return &n
}

// keys returns the association's keys on thr (its junction's draft).
func (p *btmPair) keys(thr *modelMeta, pending error) *btmKeys {
	k := &btmKeys{fkThr: thr.byName[p.fk], other: thr.byName[p.other], tkey: p.tkey, err: pending}
	if k.other == nil {
		// A placeholder while pending: never written to the junction.
		k.other = &attribute{name: p.other, field: p.other}
	}
	for _, x := range thr.attrs {
		if x.goIndex != nil && x != k.fkThr && x != k.other && !(x.primaryKey && x.autoIncrement) && x.role == roleNone && p.opts.ThroughScope[x.name] == nil {
			k.extras = append(k.extras, x)
		}
	}
	return k
}

// dropJunctionKey removes a key a paired association replaces from a
// junction's draft: a generated column goes; a through model's struct
// field stays, as a plain attribute.
func dropJunctionKey(m *modelMeta, name string) {
	a := m.byName[name]
	m.pks = slices.DeleteFunc(m.pks, func(x *attribute) bool { return x == a })
	dropped := map[string]bool{}
	for n, uk := range m.uniqueKeys {
		if slices.Contains(uk.fields, name) {
			delete(m.uniqueKeys, n)
			m.ukOrder = slices.DeleteFunc(m.ukOrder, func(x string) bool { return x == n })
			dropped[n] = true
		}
	}
	if a.goIndex == nil {
		m.attrs = slices.DeleteFunc(m.attrs, func(x *attribute) bool { return x == a })
		delete(m.byName, a.name)
		delete(m.byLower, strings.ToLower(a.name))
		delete(m.byField, a.field)
		return
	}
	a = m.mut(a)
	a.primaryKey, a.references, a.onDelete, a.onUpdate = false, nil, "", ""
	if dropped[a.unique] {
		a.unique = ""
	}
}

// throughMeta returns the draft of the junction model named name in
// session d, creating it the way Sequelize does, or extending the one a
// paired association made.
func (db *DB) throughMeta(d *defineSession, name string, sm *modelMeta, skey *attribute, fk string, tm *modelMeta, tkey *attribute, other string, o BelongsToManyOptions) *modelMeta {
	var m *modelMeta
	if r, ok := db.lookupModel(name); ok {
		if r.meta().goType != nil {
			assocPanic("Through %q names a model with a struct; use a table name for a generated junction table", name)
		}
		m = d.draft(r)
	} else {
		m = &modelMeta{name: name, singular: naming.Singularize(name), plural: naming.Pluralize(name), table: name,
			byName: map[string]*attribute{}, byLower: map[string]*attribute{}, byField: map[string]*attribute{},
			uniqueKeys: map[string]*uniqueKey{}, opts: ModelOptions{Underscored: sm.opts.Underscored}, stmts: new(sync.Map)}
		d.add(m)
	}
	key := func(name string, ref *modelMeta, refKey *attribute) {
		if m.byName[name] != nil {
			return // the paired association made it
		}
		a := &attribute{name: name, field: naming.UnderscoredIf(name, m.opts.Underscored), typ: refKey.typ,
			goType: refKey.goType, primaryKey: true, allowNull: true,
			references: &References{Table: ref.table, Schema: ref.schema, Key: refKey.field}, onDelete: "CASCADE", onUpdate: "CASCADE"}
		if o.Constraints != nil && !*o.Constraints {
			a.references = nil
		}
		m.addAttr(a)
		m.byField[a.field] = a
		m.pks = append(m.pks, a)
	}
	if m.createdAt == nil && (o.ThroughTimestamps == nil || *o.ThroughTimestamps) {
		for _, r := range []attrRole{roleCreatedAt, roleUpdatedAt} {
			n := map[attrRole]string{roleCreatedAt: "createdAt", roleUpdatedAt: "updatedAt"}[r]
			a := &attribute{name: n, field: naming.UnderscoredIf(n, m.opts.Underscored), typ: datatypes.Date(), goType: timeType, role: r}
			m.addAttr(a)
			m.byField[a.field] = a
			if r == roleCreatedAt {
				m.createdAt = a
			} else {
				m.updatedAt = a
			}
		}
	}
	if o.ThroughParanoid && m.deletedAt == nil {
		if m.createdAt == nil {
			assocPanic("ThroughParanoid needs the junction's timestamps")
		}
		a := &attribute{name: "deletedAt", field: naming.UnderscoredIf("deletedAt", m.opts.Underscored), typ: datatypes.Date(),
			goType: timeType, role: roleDeletedAt, allowNull: true}
		m.addAttr(a)
		m.byField[a.field] = a
		m.deletedAt = a
	}
	key(fk, sm, skey)
	key(other, tm, tkey)
	return m
}

func (a *BelongsToManyAssociation[S, T]) join(keys []any, inc *Include) (*throughJoin, error) {
	k := a.k.Load()
	if k.err != nil {
		return nil, k.err
	}
	thr := a.through.meta()
	j := &throughJoin{through: thr, alias: a.as + "->" + a.through.name, fk: k.fkThr, other: k.other, key: k.tkey,
		keys: keys, scope: a.tscope, paranoid: true}
	var t ThroughOptions
	if inc != nil {
		t = inc.Through
	}
	j.where = t.Where
	if t.Paranoid != nil {
		j.paranoid = *t.Paranoid
	}
	if a.thrFld == nil {
		if len(t.Attributes) > 0 {
			return nil, &EagerLoadingError{newBase("SequelizeEagerLoadingError", fmt.Sprintf(
				"Include.Through.Attributes: %s has no field for the %s junction row (add %s *%s)", a.target.name, a.through.name, a.through.name, a.through.name), nil)}
		}
		return j, nil
	}
	if t.Attributes != nil && len(t.Attributes) == 0 {
		return j, nil // no junction columns: the through field stays nil
	}
	j.field = a.thrFld
	if t.Attributes == nil {
		for _, x := range thr.attrs {
			if x.goIndex != nil {
				j.attrs = append(j.attrs, x)
			}
		}
		return j, nil
	}
	for _, n := range t.Attributes {
		x := thr.byName[n]
		if x == nil || x.goIndex == nil {
			return nil, errUnknownAttr(thr, n)
		}
		j.attrs = append(j.attrs, x)
	}
	return j, nil
}

func (a *BelongsToManyAssociation[S, T]) load(ctx context.Context, parents []reflect.Value, inc *Include, o *FindOptions) ([]reflect.Value, error) {
	keys := distinctKeys(parents, a.key)
	byKey := map[any][]*T{}
	var out []reflect.Value
	for _, chunk := range chunks(keys) {
		if len(chunk) == 0 {
			continue
		}
		f := FindOptions{Where: inc.Where, Order: inc.Order, Paranoid: inc.Paranoid, Raw: o.Raw, Include: inc.Include,
			Attributes: inc.Attributes, Transaction: o.Transaction, Logging: o.Logging, internal: true}
		if len(a.scope) > 0 {
			f.Where = []any{Where(a.scope), inc.Where}
		}
		var err error
		if f.via, err = a.join(chunk, inc); err != nil {
			return nil, err
		}
		tgt, err := withScope(a.tgt, inc.Scope)
		if err != nil {
			return nil, err
		}
		rows, err := tgt.FindAll(ctx, f)
		if err != nil {
			return nil, err
		}
		for i, r := range rows {
			k := f.via.sources[i]
			byKey[k] = append(byKey[k], r)
			out = append(out, reflect.ValueOf(r))
		}
	}
	if a.field == nil {
		return out, nil
	}
	for _, p := range parents {
		k, _ := keyValue(p, a.key)
		rows := byKey[k]
		if rows == nil {
			rows = []*T{}
		}
		p.Elem().FieldByIndex(a.field).Set(reflect.ValueOf(rows))
	}
	return out, nil
}

func (a *BelongsToManyAssociation[S, T]) exists(s *sqlb, parentAlias string, inc *Include) {
	k := a.k.Load()
	// EXISTS (SELECT 1 FROM through JOIN target ON ... WHERE through.fk = parent.key AND target where)
	thr, tgt := a.through.meta(), a.target.meta()
	thrAlias := a.as + "->" + thr.name
	tc := &whereCtx{db: a.sourceDB, m: thr, alias: thrAlias}
	c := &whereCtx{db: a.sourceDB, m: tgt, alias: a.as}
	s.w("EXISTS (SELECT 1 FROM ").table(thr.schema, thr.table).w(" AS ").id(thrAlias).
		w(" INNER JOIN ").table(tgt.schema, tgt.table).w(" AS ").id(a.as).w(" ON ")
	tc.writeCol(s, k.other, nil)
	s.w(" = ")
	c.writeCol(s, k.tkey, nil)
	s.w(" WHERE ")
	tc.writeCol(s, k.fkThr, nil)
	s.w(" = ").id(parentAlias).w(".").id(a.key.field)
	if tgt.deletedAt != nil && (inc.Paranoid == nil || *inc.Paranoid) {
		s.w(" AND ")
		c.writeLive(s, tgt.deletedAt)
	}
	if inc.Where != nil {
		s.w(" AND ")
		c.cond(s, inc.Where)
	}
	if len(a.tscope) > 0 {
		s.w(" AND ")
		tc.cond(s, Where(a.tscope))
	}
	if inc.Through.Where != nil {
		s.w(" AND ")
		tc.cond(s, inc.Through.Where)
	}
	if thr.deletedAt != nil && (inc.Through.Paranoid == nil || *inc.Through.Paranoid) {
		s.w(" AND ")
		tc.writeLive(s, thr.deletedAt)
	}
	// Required includes of the targets: a target counts only with them.
	for i := range inc.Include {
		if n := &inc.Include[i]; n.Association != nil && n.required() {
			s.w(" AND ")
			n.Association.exists(s, a.as, n)
		}
	}
	s.w(")")
}

func (a *BelongsToManyAssociation[S, T]) sourceKey(src *S) (any, error) {
	k, ok := keyValue(reflect.ValueOf(src), a.key)
	if !ok {
		return nil, errInstance("the %s source has no %s: save it first", a.as, a.key.name)
	}
	return k, nil
}

// Get returns src's associated rows (Sequelize's getXs), with one query
// joining the junction table; FindOptions.Through filters the junction
// rows and picks the through attributes read into the targets. The
// target's default scope applies unless FindOptions.Scope names others.
func (a *BelongsToManyAssociation[S, T]) Get(ctx context.Context, src *S, opts ...FindOptions) ([]*T, error) {
	o, err := oneOption(opts)
	if err != nil {
		return nil, err
	}
	k, err := a.sourceKey(src)
	if err != nil {
		return nil, err
	}
	if len(a.scope) > 0 {
		o.Where = []any{Where(a.scope), o.Where}
	}
	if o.via, err = a.join([]any{k}, &Include{Through: o.Through}); err != nil {
		return nil, err
	}
	o.Through = ThroughOptions{}
	tgt, err := getScope(a.tgt, &o)
	if err != nil {
		return nil, err
	}
	return tgt.FindAll(ctx, o)
}

// Count counts src's associated rows with one COUNT joining the junction
// table (Sequelize's countXs); CountOptions filter the targets, and
// CountOptions.Through the junction rows.
func (a *BelongsToManyAssociation[S, T]) Count(ctx context.Context, src *S, opts ...CountOptions) (int64, error) {
	o, err := oneOption(opts)
	if err != nil {
		return 0, err
	}
	if o.Through.Attributes != nil {
		return 0, errQuery("CountOptions.Through.Attributes: a count reads no junction attributes")
	}
	k, err := a.sourceKey(src)
	if err != nil {
		return 0, err
	}
	if len(a.scope) > 0 {
		o.Where = []any{Where(a.scope), o.Where}
	}
	if o.via, err = a.join([]any{k}, &Include{Through: o.Through}); err != nil {
		return 0, err
	}
	o.via.noSource = true
	return a.tgt.Count(ctx, o)
}

// Has reports whether every target (an instance, a key, or a slice of
// either) is associated with src (Sequelize's hasX / hasXs), with one
// COUNT, whatever the target model's scope. It takes at most one
// CountOptions: its Transaction and Logging apply, its Where further
// filters the targets and its Through the junction rows (Through.Paranoid
// Bool(false) counts soft-deleted links of a paranoid junction).
func (a *BelongsToManyAssociation[S, T]) Has(ctx context.Context, src *S, target any, opts ...CountOptions) (bool, error) {
	k := a.k.Load()
	if k.err != nil {
		return false, k.err
	}
	o, err := oneOption(opts)
	if err != nil {
		return false, err
	}
	if o.Through.Attributes != nil {
		return false, errQuery("CountOptions.Through.Attributes: a count reads no junction attributes")
	}
	items, err := targetItems[T](a.target.meta(), k.tkey, target)
	if err != nil || len(items) == 0 {
		return false, err
	}
	keys := make([]any, 0, len(items))
	for _, it := range items {
		if !slices.Contains(keys, it.key) {
			keys = append(keys, it.key)
		}
	}
	sk, err := a.sourceKey(src)
	if err != nil {
		return false, err
	}
	var w any = Where{k.tkey.name: keys}
	if len(a.scope) > 0 {
		w = []any{Where(a.scope), w}
	}
	if o.Where != nil {
		o.Where = []any{w, o.Where}
	} else {
		o.Where = w
	}
	if o.via, err = a.join([]any{sk}, &Include{Through: o.Through}); err != nil {
		return false, err
	}
	o.via.noSource = true
	// Unscoped, as Sequelize's hasX ({scope: false}): the link is what
	// counts, not whether the target's scope shows the row.
	n, err := a.tgt.Unscoped().Count(ctx, o)
	return n == int64(len(keys)), err
}

// linkWhere selects src's junction rows (with ThroughScope).
func (a *BelongsToManyAssociation[S, T]) linkWhere(sk any) Where {
	k := a.k.Load()
	w := Where{k.fkThr.name: sk}
	for n, v := range a.tscope {
		w[n] = v
	}
	return w
}

// desired returns the junction attributes wanted for a target: those of
// its through field when set, else through (SetOptions.Through), or nil.
func (a *BelongsToManyAssociation[S, T]) desired(t linkTarget[T], through Values) (Values, error) {
	k := a.k.Load()
	if t.inst != nil && a.thrFld != nil {
		if f := reflect.ValueOf(t.inst).Elem().FieldByIndex(a.thrFld); !f.IsNil() {
			v := Values{}
			for _, x := range k.extras {
				v[x.name] = f.Elem().FieldByIndex(x.goIndex).Interface()
			}
			return v, nil
		}
	}
	if len(through) == 0 {
		return nil, nil
	}
	for n := range through {
		if n == k.fkThr.name || n == k.other.name {
			return nil, errQuery("Through sets %s, a key of the %s junction, which the association sets itself", n, a.through.name)
		}
		if _, ok := a.tscope[n]; ok {
			return nil, errQuery("Through sets %s, which ThroughScope sets", n)
		}
		if x := a.through.meta().byName[n]; x != nil && (x.role != roleNone || x.primaryKey && x.autoIncrement) {
			return nil, errQuery("Through sets %s, which the %s junction sets itself (key or timestamp)", n, a.through.name)
		}
	}
	return a.jops.normalizeJunction(through)
}

func (a *BelongsToManyAssociation[S, T]) deleted(row Values) bool {
	d := a.through.meta().deletedAt
	if d == nil {
		return false
	}
	v := reflect.ValueOf(row[d.name])
	return v.IsValid() && !v.IsZero()
}

// sameJunctionValue compares a wanted junction value with a stored one.
func sameJunctionValue(x, y any) bool {
	vx, vy := reflect.ValueOf(x), reflect.ValueOf(y)
	if !vx.IsValid() || !vy.IsValid() || vx.Type() != vy.Type() {
		return vx.IsValid() == vy.IsValid() && !vx.IsValid()
	}
	return sameValue(vx, vy)
}

// inScope keeps the keys of the targets the association's Scope matches:
// Set unlinks only the targets Get would return, not those of another
// association through the same junction with another Scope (Sequelize
// unlinks those too, so that its setTags, say, drops the links of a
// categories association scoped on the same tags).
func (a *BelongsToManyAssociation[S, T]) inScope(ctx context.Context, keys []any, o SetOptions) ([]any, error) {
	tkey := a.k.Load().tkey
	rows, err := a.tgt.Unscoped().FindAll(ctx, FindOptions{Attributes: []any{tkey.name}, Logging: o.Logging,
		Where: []any{Where(a.scope), Where{tkey.name: keys}}})
	if err != nil {
		return nil, err
	}
	out := make([]any, 0, len(rows))
	for _, r := range rows {
		if k, ok := keyValue(reflect.ValueOf(r), tkey); ok {
			out = append(out, k)
		}
	}
	return out, nil
}

// link links targets to src: Add (set false) or Set (set true, which also
// unlinks the others). It reads src's current junction rows once, then
// deletes the obsolete links in one statement, restores soft-deleted
// ones, updates those whose through attributes differ and inserts the
// missing ones in one statement.
func (a *BelongsToManyAssociation[S, T]) link(ctx context.Context, src *S, target any, o SetOptions, set bool) error {
	k := a.k.Load()
	if k.err != nil {
		return k.err
	}
	items, err := targetItems[T](a.target.meta(), k.tkey, target)
	if err != nil || (!set && len(items) == 0) {
		return err
	}
	sk, err := a.sourceKey(src)
	if err != nil {
		return err
	}
	keys := make([]any, len(items))
	for i, it := range items {
		keys[i] = it.key
	}
	return a.src.db.Transaction(ctx, func(ctx context.Context, tx *Tx) error {
		w := a.linkWhere(sk)
		if !set {
			w[k.other.name] = keys
		}
		rows, err := a.jops.findJunction(ctx, w, o)
		if err != nil {
			return err
		}
		cur := map[any]Values{}
		var obsolete []any
		for _, r := range rows {
			k, _ := keyOf(reflect.ValueOf(r[k.other.name]))
			cur[k] = r
			if set && !slices.Contains(keys, k) && !a.deleted(r) {
				obsolete = append(obsolete, k)
			}
		}
		if len(obsolete) > 0 && len(a.scope) > 0 {
			if obsolete, err = a.inScope(ctx, obsolete, o); err != nil {
				return err
			}
		}
		if len(obsolete) > 0 {
			w := a.linkWhere(sk)
			w[k.other.name] = obsolete
			if err := a.jops.destroyJunction(ctx, w, o); err != nil {
				return err
			}
		}
		var create []Values
		var restore []any
		seen := map[any]bool{}
		for _, it := range items {
			if seen[it.key] {
				continue
			}
			seen[it.key] = true
			want, err := a.desired(it, o.Through)
			if err != nil {
				return err
			}
			r, ok := cur[it.key]
			if !ok {
				row := Values{k.fkThr.name: sk, k.other.name: it.key}
				for n, v := range want {
					row[n] = v
				}
				for n, v := range a.tscope {
					row[n] = v
				}
				create = append(create, row)
				continue
			}
			if a.deleted(r) {
				restore = append(restore, it.key)
			}
			changed := Values{}
			for n, v := range want {
				if !sameJunctionValue(v, r[n]) {
					changed[n] = v
				}
			}
			if len(changed) > 0 {
				w := a.linkWhere(sk)
				w[k.other.name] = it.key
				if err := a.jops.updateJunction(ctx, changed, w, o); err != nil {
					return err
				}
			}
		}
		if len(restore) > 0 {
			w := a.linkWhere(sk)
			w[k.other.name] = restore
			if err := a.jops.restoreJunction(ctx, w, o); err != nil {
				return err
			}
		}
		if len(create) > 0 {
			return a.jops.createJunction(ctx, create, o)
		}
		return nil
	}, TransactionOptions{Transaction: o.Transaction})
}

// Add links targets (an instance, a key, or a slice of either) to src
// (Sequelize's addX / addXs): the missing junction rows are inserted in one
// statement, with SetOptions.Through (or the target's through field) as
// their attributes; existing links whose attributes differ are updated; a
// soft-deleted link (paranoid junction) is restored. Unlike Sequelize's
// addX, which resolves to the junction rows it wrote, Add returns only an
// error: read those rows with the through model.
func (a *BelongsToManyAssociation[S, T]) Add(ctx context.Context, src *S, target any, opts ...SetOptions) error {
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	if err := o.check("BelongsToMany.Add", false, true); err != nil {
		return err
	}
	return a.link(ctx, src, target, o, false)
}

// Remove unlinks targets from src with one DELETE of junction rows (an
// UPDATE of deletedAt on a paranoid junction) (Sequelize's removeX /
// removeXs). Unlike Sequelize, the where includes ThroughScope, so a
// polymorphic junction loses only this association's links.
func (a *BelongsToManyAssociation[S, T]) Remove(ctx context.Context, src *S, target any, opts ...SetOptions) error {
	k := a.k.Load()
	if k.err != nil {
		return k.err
	}
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	if err := o.check("BelongsToMany.Remove", false, false); err != nil {
		return err
	}
	keys, err := targetKeys[T](a.target.meta(), target)
	if err != nil || len(keys) == 0 {
		return err
	}
	sk, err := a.sourceKey(src)
	if err != nil {
		return err
	}
	w := a.linkWhere(sk)
	w[k.other.name] = keys
	return a.src.db.Transaction(ctx, func(ctx context.Context, tx *Tx) error {
		return a.jops.destroyJunction(ctx, w, o)
	}, TransactionOptions{Transaction: o.Transaction})
}

// Set makes targets (an instance, a key, a slice of either, or nil) the
// only rows linked to src (Sequelize's setXs): one DELETE of the others'
// junction rows and one INSERT of the missing ones, with through
// attributes as Add. With a Scope, only the linked targets it matches
// are unlinked (one more SELECT), where Sequelize unlinks every target
// of the junction rows, those of a sibling association with another
// Scope included.
func (a *BelongsToManyAssociation[S, T]) Set(ctx context.Context, src *S, target any, opts ...SetOptions) error {
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	if err := o.check("BelongsToMany.Set", false, true); err != nil {
		return err
	}
	return a.link(ctx, src, target, o, true)
}

// Create creates target and links it to src (Sequelize's createX);
// CreateOptions.Through gives the junction row's attributes. The
// association's Scope attributes are set on target and, when
// CreateOptions.Fields restricts the insert, added to Fields.
func (a *BelongsToManyAssociation[S, T]) Create(ctx context.Context, src *S, target *T, opts ...CreateOptions) error {
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	return a.src.db.Transaction(ctx, func(ctx context.Context, tx *Tx) error {
		if len(a.scope) > 0 {
			if err := a.tgt.setValues(target, a.scope, false); err != nil {
				return err
			}
		}
		if err := a.tgt.Create(ctx, target, CreateOptions{Fields: withFields(o.Fields, a.scope), Validate: o.Validate, Include: o.Include, Logging: o.Logging}); err != nil {
			return err
		}
		return a.link(ctx, src, target, SetOptions{Through: o.Through, Logging: o.Logging}, false)
	}, TransactionOptions{Transaction: o.Transaction})
}

func (a *BelongsToManyAssociation[S, T]) createNested(ctx context.Context, parent reflect.Value, inc *Include, before bool) error {
	if before || a.field == nil {
		return nil
	}
	children, _ := parent.Elem().FieldByIndex(a.field).Interface().([]*T)
	for _, c := range children {
		if a.tgt.IsNewRecord(c) {
			if err := a.tgt.Create(ctx, c, CreateOptions{Include: inc.Include}); err != nil {
				return err
			}
		}
	}
	if len(children) == 0 {
		return nil
	}
	return a.Add(ctx, parent.Interface().(*S), children)
}

func (a *BelongsToManyAssociation[S, T]) orderFirst(s *sqlb, parentAlias, alias, dir string, inc *Include, inner func(s *sqlb, target, through *whereCtx)) {
	k := a.k.Load()
	thr, tgt := a.through.meta(), a.target.meta()
	thrAlias := alias + "->" + thr.name
	tc := &whereCtx{db: a.sourceDB, m: thr, alias: thrAlias}
	c := &whereCtx{db: a.sourceDB, m: tgt, alias: alias}
	s.w("(SELECT ")
	inner(s, c, tc)
	s.w(" FROM ").table(tgt.schema, tgt.table).w(" AS ").id(alias).
		w(" INNER JOIN ").table(thr.schema, thr.table).w(" AS ").id(thrAlias).w(" ON ")
	tc.writeCol(s, k.other, nil)
	s.w(" = ")
	c.writeCol(s, k.tkey, nil)
	s.w(" WHERE ")
	tc.writeCol(s, k.fkThr, nil)
	s.w(" = ").id(parentAlias).w(".").id(a.key.field)
	if len(a.tscope) > 0 {
		s.w(" AND ")
		tc.cond(s, Where(a.tscope))
	}
	if len(a.scope) > 0 {
		s.w(" AND ")
		c.cond(s, Where(a.scope))
	}
	if inc.Through.Where != nil {
		s.w(" AND ")
		tc.cond(s, inc.Through.Where)
	}
	if thr.deletedAt != nil && (inc.Through.Paranoid == nil || *inc.Through.Paranoid) {
		s.w(" AND ")
		tc.writeLive(s, thr.deletedAt)
	}
	writeIncludeFilter(s, c, alias, inc)
	s.w(" ORDER BY 1 ").w(dir).w(" LIMIT 1)")
}

// throughName is the junction model's name, which an Order path names
// (Sequelize's order: [[Target, Through, 'attr']]).
func (a *BelongsToManyAssociation[S, T]) throughName() string { return a.through.name }
