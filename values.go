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
