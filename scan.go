package sequelize

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/gosequelize/sequelize/dialect"
)

// QueryAs runs a raw SELECT like DB.Query and scans each row into a T:
//
//   - a struct (or pointer to struct): each column goes to the exported
//     field whose `sequelize:"field:name"` tag names it, else whose
//     attribute name (lowerCamel of the field name) or field name matches
//     it, ignoring case and underscores (so first_name fills FirstName);
//     columns without a field are ignored;
//   - map[string]any: the row keyed by column name;
//   - any other type (int64, string, time.Time, ...): the single column.
//
// NULL leaves a non-pointer field at its zero value and a pointer field
// nil. Values are converted between compatible kinds (int64 to int32 with
// an overflow check, text to time.Time, JSON text to a struct or map).
// With Plain only the first row is returned. QueryAs takes at most one
// QueryOptions.
func QueryAs[T any](ctx context.Context, db *DB, query string, opts ...QueryOptions) ([]T, error) {
	o, err := oneOption(opts)
	if err != nil {
		return nil, err
	}
	if o.Type == QueryTypeDefault {
		o.Type = QueryTypeSelect
	}
	q, args, err := db.prepare(query, o)
	if err != nil {
		return nil, err
	}
	var out []T
	err = db.withConn(ctx, o.Transaction, modeFor(o.Type), q, args, func(c dialect.Conn, tx *Tx) error {
		start := time.Now()
		rows, err := c.Query(ctx, q, args)
		if err != nil {
			db.log(ctx, o.Logging, q, args, tx, time.Since(start))
			return err
		}
		defer rows.Close()
		plan, err := planFor(reflect.TypeFor[T](), rows.Columns())
		if err != nil {
			return err
		}
		for rows.Next() {
			vals, err := rows.Values()
			if err != nil {
				return err
			}
			var zero T
			out = append(out, zero)
			if err := plan.fill(reflect.ValueOf(&out[len(out)-1]).Elem(), rows.Columns(), vals); err != nil {
				return err
			}
			if o.Plain {
				break
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		err = rows.Close()
		db.log(ctx, o.Logging, q, args, tx, time.Since(start))
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// scanPlan maps result columns to the destination's fields. Plans are
// cached by destination type and column list.
type scanPlan struct {
	kind   int     // planStruct, planMap, planScalar
	ptr    bool    // the destination is a pointer to a struct
	fields [][]int // per column: field index path, nil to skip
}

const (
	planStruct = iota
	planMap
	planScalar
)

type planKey struct {
	t    reflect.Type
	cols string
}

var plans sync.Map // planKey -> *scanPlan

func planFor(t reflect.Type, cols []string) (*scanPlan, error) {
	key := planKey{t, strings.Join(cols, "\x00")}
	if p, ok := plans.Load(key); ok {
		return p.(*scanPlan), nil
	}
	p := &scanPlan{}
	st := t
	if st.Kind() == reflect.Pointer && st.Elem().Kind() == reflect.Struct {
		st, p.ptr = st.Elem(), true
	}
	switch {
	case st.Kind() == reflect.Struct && st != reflect.TypeFor[time.Time]() && !reflect.PointerTo(st).Implements(scannerType):
		p.kind = planStruct
		byName := map[string][]int{}
		var walk func(t reflect.Type, index []int)
		walk = func(t reflect.Type, index []int) {
			for i := range t.NumField() {
				f := t.Field(i)
				path := append(append([]int(nil), index...), i)
				if f.Anonymous && f.Type.Kind() == reflect.Struct && f.Tag.Get("sequelize") == "" {
					walk(f.Type, path)
					continue
				}
				if !f.IsExported() {
					continue
				}
				tag := f.Tag.Get("sequelize")
				if tag == "-" {
					continue
				}
				if name := tagField(tag); name != "" {
					byName[normalizeName(name)] = path
					continue
				}
				for _, n := range []string{f.Name, lowerCamel(f.Name)} {
					if _, dup := byName[normalizeName(n)]; !dup {
						byName[normalizeName(n)] = path
					}
				}
			}
		}
		walk(st, nil)
		p.fields = make([][]int, len(cols))
		for i, c := range cols {
			p.fields[i] = byName[normalizeName(c)]
		}
	case st.Kind() == reflect.Map && st.Key().Kind() == reflect.String:
		p.kind = planMap
	default:
		if len(cols) != 1 {
			return nil, fmt.Errorf("sequelize: cannot scan %d columns into %s: scan into a struct or a map", len(cols), t)
		}
		p.kind = planScalar
	}
	plans.Store(key, p)
	return p, nil
}

var scannerType = reflect.TypeFor[sql.Scanner]()

// tagField returns the field:NAME option of a sequelize tag.
func tagField(tag string) string {
	for _, part := range strings.Split(tag, ";") {
		if k, v, ok := strings.Cut(strings.TrimSpace(part), ":"); ok && strings.EqualFold(k, "field") {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func normalizeName(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, "_", ""))
}

// lowerCamel is Sequelize's attribute name for a Go field name: the name
// split into words (a run of capitals is one word, an initialism), the first
// word lower-cased and each later one capitalised: "ID" → "id", "GroupID" →
// "groupId", "HTTPServer" → "httpServer", "FirstName" → "firstName".
func lowerCamel(s string) string {
	r := []rune(s)
	var b strings.Builder
	word := 0
	for i := 0; i < len(r); {
		j := i + 1
		if unicode.IsUpper(r[i]) {
			for j < len(r) && unicode.IsUpper(r[j]) {
				j++
			}
			if j-i > 1 && j < len(r) && unicode.IsLower(r[j]) {
				j-- // the last capital starts the next word
			}
		}
		for j < len(r) && !unicode.IsUpper(r[j]) {
			j++
		}
		w := strings.ToLower(string(r[i:j]))
		if word > 0 {
			wr := []rune(w)
			wr[0] = unicode.ToUpper(wr[0])
			w = string(wr)
		}
		b.WriteString(w)
		word++
		i = j
	}
	return b.String()
}

func (p *scanPlan) fill(dst reflect.Value, cols []string, vals []any) error {
	switch p.kind {
	case planMap:
		m := reflect.MakeMapWithSize(dst.Type(), len(cols))
		et := dst.Type().Elem()
		for i, c := range cols {
			ev := reflect.New(et).Elem()
			if err := assign(ev, vals[i]); err != nil {
				return fmt.Errorf("sequelize: column %q: %w", c, err)
			}
			m.SetMapIndex(reflect.ValueOf(c).Convert(dst.Type().Key()), ev)
		}
		dst.Set(m)
		return nil
	case planScalar:
		if err := assign(dst, vals[0]); err != nil {
			return fmt.Errorf("sequelize: column %q: %w", cols[0], err)
		}
		return nil
	}
	if p.ptr {
		if dst.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
		}
		dst = dst.Elem()
	}
	for i, path := range p.fields {
		if path == nil {
			continue
		}
		f := dst.FieldByIndex(path)
		if err := assign(f, vals[i]); err != nil {
			return fmt.Errorf("sequelize: column %q into field %s: %w", cols[i], dst.Type().FieldByIndex(path).Name, err)
		}
	}
	return nil
}

var timeType = reflect.TypeFor[time.Time]()

var scanners sync.Map // reflect.Type -> bool

// implementsScanner reports whether t implements sql.Scanner, cached per
// type: the check runs for every value of every row.
func implementsScanner(t reflect.Type) bool {
	if v, ok := scanners.Load(t); ok {
		return v.(bool)
	}
	ok := t.Implements(scannerType)
	scanners.Store(t, ok)
	return ok
}

// timeLayouts are the text forms of timestamps the databases print.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999 -07:00",
	"2006-01-02 15:04:05.999999999-07",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02",
	"15:04:05.999999999",
}

// widenNumber returns a Go number of any integer or float kind (int,
// int32, uint16, float32, a named type such as type Status int) as the
// int64, uint64 (above math.MaxInt64 only) or float64 that assign's
// conversions take, and any other value unchanged: a value the user sets
// (Build, Set, FindOrCreate's Where and Defaults) is rarely an int64.
func widenNumber(sv reflect.Value, src any) any {
	switch sv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return sv.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u := sv.Uint()
		if u <= math.MaxInt64 {
			return int64(u)
		}
		return u
	case reflect.Float32, reflect.Float64:
		return sv.Float()
	}
	return src
}

// assign stores src, a value read from the database (or given to Set),
// into dst.
func assign(dst reflect.Value, src any) error {
	if src == nil {
		dst.SetZero()
		return nil
	}
	if dst.Kind() == reflect.Pointer {
		if implementsScanner(dst.Type()) {
			if dst.IsNil() {
				dst.Set(reflect.New(dst.Type().Elem()))
			}
			return dst.Interface().(sql.Scanner).Scan(src)
		}
		v := reflect.New(dst.Type().Elem())
		if err := assign(v.Elem(), src); err != nil {
			return err
		}
		dst.Set(v)
		return nil
	}
	if dst.CanAddr() && implementsScanner(reflect.PointerTo(dst.Type())) {
		return dst.Addr().Interface().(sql.Scanner).Scan(src)
	}
	sv := reflect.ValueOf(src)
	if dst.Kind() == reflect.Interface {
		if sv.Type().AssignableTo(dst.Type()) {
			dst.Set(sv)
			return nil
		}
		return fmt.Errorf("cannot assign %T to %s", src, dst.Type())
	}
	if sv.Type().AssignableTo(dst.Type()) {
		if b, ok := src.([]byte); ok {
			dst.SetBytes(append([]byte(nil), b...))
			return nil
		}
		dst.Set(sv)
		return nil
	}
	src = widenNumber(sv, src)
	if dst.Type() == timeType {
		s := toString(src)
		for _, l := range timeLayouts {
			if t, err := time.Parse(l, s); err == nil {
				dst.Set(reflect.ValueOf(t))
				return nil
			}
		}
		return fmt.Errorf("cannot parse %q as a time", s)
	}
	switch dst.Kind() {
	case reflect.String:
		dst.SetString(toString(src))
		return nil
	case reflect.Slice:
		if dst.Type().Elem().Kind() == reflect.Uint8 {
			switch s := src.(type) {
			case string:
				dst.SetBytes([]byte(s))
				return nil
			}
		}
	case reflect.Bool:
		switch s := src.(type) {
		case int64:
			dst.SetBool(s != 0)
			return nil
		case string, []byte:
			b, err := strconv.ParseBool(toString(s))
			if err != nil {
				return fmt.Errorf("cannot parse %q as a bool", toString(s))
			}
			dst.SetBool(b)
			return nil
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		var n int64
		switch s := src.(type) {
		case int64:
			n = s
		case float64:
			if s != math.Trunc(s) {
				return fmt.Errorf("cannot store %v in %s without losing its fraction", s, dst.Type())
			}
			n = int64(s)
		case bool:
			if s {
				n = 1
			}
		case string, []byte:
			v, err := strconv.ParseInt(strings.TrimSpace(toString(s)), 10, 64)
			if err != nil {
				return fmt.Errorf("cannot parse %q as %s", toString(s), dst.Type())
			}
			n = v
		default:
			return fmt.Errorf("cannot assign %T to %s", src, dst.Type())
		}
		if dst.OverflowInt(n) {
			return fmt.Errorf("%d overflows %s", n, dst.Type())
		}
		dst.SetInt(n)
		return nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		var n uint64
		switch s := src.(type) {
		case int64:
			if s < 0 {
				return fmt.Errorf("%d overflows %s", s, dst.Type())
			}
			n = uint64(s)
		case uint64:
			n = s
		case string, []byte:
			v, err := strconv.ParseUint(strings.TrimSpace(toString(s)), 10, 64)
			if err != nil {
				return fmt.Errorf("cannot parse %q as %s", toString(s), dst.Type())
			}
			n = v
		default:
			switch {
			case sv.CanUint():
				n = sv.Uint()
			case sv.CanInt() && sv.Int() >= 0:
				n = uint64(sv.Int())
			case sv.CanInt():
				return fmt.Errorf("%d overflows %s", sv.Int(), dst.Type())
			default:
				return fmt.Errorf("cannot assign %T to %s", src, dst.Type())
			}
		}
		if dst.OverflowUint(n) {
			return fmt.Errorf("%d overflows %s", n, dst.Type())
		}
		dst.SetUint(n)
		return nil
	case reflect.Float32, reflect.Float64:
		switch s := src.(type) {
		case int64:
			dst.SetFloat(float64(s))
			return nil
		case float64:
			dst.SetFloat(s)
			return nil
		case string, []byte:
			f, err := strconv.ParseFloat(strings.TrimSpace(toString(s)), 64)
			if err != nil {
				return fmt.Errorf("cannot parse %q as %s", toString(s), dst.Type())
			}
			dst.SetFloat(f)
			return nil
		}
		switch {
		case sv.CanFloat():
			dst.SetFloat(sv.Float())
			return nil
		case sv.CanInt():
			dst.SetFloat(float64(sv.Int()))
			return nil
		case sv.CanUint():
			dst.SetFloat(float64(sv.Uint()))
			return nil
		}
	}
	switch dst.Kind() {
	case reflect.Struct, reflect.Map, reflect.Slice, reflect.Array:
		var data []byte
		switch s := src.(type) {
		case string:
			data = []byte(s)
		case []byte:
			data = s
		default: // decoded JSON (PostgreSQL): re-encode
			b, err := json.Marshal(s)
			if err != nil {
				return fmt.Errorf("cannot assign %T to %s", src, dst.Type())
			}
			data = b
		}
		if err := json.Unmarshal(data, dst.Addr().Interface()); err != nil {
			return fmt.Errorf("cannot decode JSON into %s: %w", dst.Type(), err)
		}
		return nil
	}
	if sv.Type().ConvertibleTo(dst.Type()) && sv.Kind() == dst.Kind() {
		dst.Set(sv.Convert(dst.Type()))
		return nil
	}
	return fmt.Errorf("cannot assign %T to %s", src, dst.Type())
}
