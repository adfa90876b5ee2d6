package sequelize

import (
	"reflect"
	"time"
)

// binder and scanner are the value-mapping methods of the data types in
// package datatypes.
type binder interface {
	Bind(dialect string, v any) (any, error)
}

type valueScanner interface {
	Scan(dialect string, src any, dst reflect.Value) error
}

// bindValue converts a Go value for attribute a's column. Expressions pass
// through to be rendered as SQL.
func bindValue(db *DB, a *attribute, v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	if _, ok := v.(Expr); ok {
		return v, nil
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return nil, nil
		}
		v = rv.Elem().Interface()
	}
	if b, ok := a.typ.(binder); ok {
		return b.Bind(db.dialect.Name(), v)
	}
	return v, nil
}

// scanValue stores a value read from a's column into the field dst.
func scanValue(db *DB, a *attribute, src any, dst reflect.Value) error {
	if t, ok := src.(time.Time); ok {
		src = t.UTC()
	}
	if s, ok := a.typ.(valueScanner); ok {
		return s.Scan(db.dialect.Name(), src, dst)
	}
	return assign(dst, src)
}

// assignGo stores v, a Go value the caller gave (Set, Build, a through
// row, a default), into the field dst: a pointer is followed, nil (or a
// nil pointer) gives the zero value, so an *int field takes an int or an
// *int, an int field takes an *int, and a pointer is copied rather than
// shared with the caller. The value it points to, or a value that is not
// a pointer, is converted by assign, as a value read from the database.
func assignGo(dst reflect.Value, v any) error {
	sv := reflect.ValueOf(v)
	if sv.Kind() != reflect.Pointer || dst.Kind() == reflect.Interface {
		return assign(dst, v)
	}
	if sv.IsNil() {
		dst.SetZero()
		return nil
	}
	if sv.Type() == dst.Type() {
		c := reflect.New(sv.Type().Elem())
		c.Elem().Set(sv.Elem())
		dst.Set(c)
		return nil
	}
	return assignGo(dst, sv.Elem().Interface())
}
