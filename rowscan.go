package sequelize

import (
	"reflect"
	"time"

	"github.com/gosequelize/sequelize/dialect"
)

// rowScanner reads rows into struct fields. Columns of plain types (text,
// integers, floats, booleans, timestamps) that cannot be NULL, and pointer
// fields of those types, are scanned by the driver straight into the
// field: no boxing, no per-value conversion. The other columns go through
// a reusable holder and the data type's Scan.
type rowScanner struct {
	db      *DB
	attrs   []*attribute
	direct  []bool
	holders []any
	dests   []any
	times   [][]int // fields to normalise to UTC after a direct scan
}

// directKinds are the data types whose driver values scan natively into
// the Go kinds below on every supported driver.
var directKinds = map[string]bool{"STRING": true, "CHAR": true, "TEXT": true, "INTEGER": true, "BIGINT": true,
	"SMALLINT": true, "TINYINT": true, "MEDIUMINT": true, "FLOAT": true, "DOUBLE PRECISION": true, "REAL": true,
	"BOOLEAN": true, "DATE": true}

func directType(db *DB, a *attribute, t reflect.Type) bool {
	if !directKinds[a.typ.Key()] {
		return false
	}
	if a.typ.Key() == "DATE" && !db.dialect.Features().Has(dialect.NativeTimes) {
		return false
	}
	if implementsScanner(reflect.PointerTo(t)) {
		return false
	}
	switch a.typ.Key() {
	case "STRING", "CHAR", "TEXT":
		return t.Kind() == reflect.String
	case "BOOLEAN":
		return t.Kind() == reflect.Bool
	case "FLOAT", "DOUBLE PRECISION", "REAL":
		return t.Kind() == reflect.Float64 || t.Kind() == reflect.Float32
	case "DATE":
		return t == timeType
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int16, reflect.Int32, reflect.Int64:
		return true
	}
	return false
}

func newRowScanner(db *DB, attrs []*attribute) *rowScanner {
	sc := &rowScanner{db: db, attrs: attrs, direct: make([]bool, len(attrs)), holders: make([]any, len(attrs)), dests: make([]any, len(attrs))}
	for i, a := range attrs {
		if a == nil || a.goIndex == nil {
			sc.dests[i] = &sc.holders[i]
			continue
		}
		t := a.goType
		notNull := !a.allowNull || a.primaryKey
		switch {
		case t.Kind() == reflect.Pointer && directType(db, a, t.Elem()):
			sc.direct[i] = true
		case t.Kind() != reflect.Pointer && notNull && directType(db, a, t):
			sc.direct[i] = true
		default:
			sc.dests[i] = &sc.holders[i]
		}
		if sc.direct[i] && a.typ.Key() == "DATE" {
			sc.times = append(sc.times, a.goIndex)
		}
	}
	return sc
}

// scan reads the current row into v, a struct value.
func (sc *rowScanner) scan(rows dialect.Rows, v reflect.Value) error {
	for i, a := range sc.attrs {
		if sc.direct[i] {
			sc.dests[i] = v.FieldByIndex(a.goIndex).Addr().Interface()
		}
	}
	if err := rows.Scan(sc.dests...); err != nil {
		return err
	}
	for i, a := range sc.attrs {
		if sc.direct[i] || a == nil || a.goIndex == nil {
			continue
		}
		if err := scanValue(sc.db, a, sc.holders[i], v.FieldByIndex(a.goIndex)); err != nil {
			return errRead(err, "%s", a.name)
		}
	}
	for _, idx := range sc.times {
		f := v.FieldByIndex(idx)
		var p *time.Time
		if f.Kind() == reflect.Pointer {
			if f.IsNil() {
				continue
			}
			p = f.Interface().(*time.Time)
		} else {
			p = f.Addr().Interface().(*time.Time)
		}
		if p.Location() != time.UTC {
			*p = p.UTC()
		}
	}
	return nil
}
