package datatypes

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// RangeType is RANGE(subtype), PostgreSQL's range types. Make one with
// [Range]. Its Go value is a [RangeValue].
type RangeType struct{ subtype DataType }

// Range is Sequelize's DataTypes.RANGE(subtype); postgres only. A nil
// subtype means INTEGER. The subtypes PostgreSQL has ranges of are
// INTEGER (int4range), BIGINT (int8range), DECIMAL (numrange), DATE
// (tstzrange) and DATEONLY (daterange).
func Range(subtype DataType) RangeType {
	if subtype == nil {
		subtype = Integer()
	}
	return RangeType{subtype: subtype}
}

// Subtype is the type of the bounds.
func (t RangeType) Subtype() DataType { return t.subtype }

// Key returns "RANGE".
func (RangeType) Key() string { return "RANGE" }

// String returns "RANGE(<subtype>)".
func (t RangeType) String() string { return "RANGE(" + t.subtype.String() + ")" }

var rangeNames = map[string]string{
	"INTEGER":  "int4range",
	"BIGINT":   "int8range",
	"DECIMAL":  "numrange",
	"DATE":     "tstzrange",
	"DATEONLY": "daterange",
}

// SQL returns int4range, int8range, numrange, tstzrange or daterange;
// postgres only.
func (t RangeType) SQL(c Context) (string, error) {
	if _, err := support(t, c.Dialect, postgres); err != nil {
		return "", err
	}
	name, ok := rangeNames[t.subtype.Key()]
	if !ok {
		return "", &UnsupportedError{Type: t.String(), Dialect: c.Dialect,
			Reason: "a RANGE subtype must be INTEGER, BIGINT, DECIMAL, DATE or DATEONLY"}
	}
	return name, nil
}

// RangeValue is the Go value of a RANGE column (Sequelize's
// [{value, inclusive}, {value, inclusive}]). A nil bound is unbounded
// (infinite); Empty is the empty range, whose other fields are ignored.
// It is an sql.Scanner and a driver.Valuer (PostgreSQL range literal
// text), so it also works without this package.
type RangeValue[T any] struct {
	Lower, Upper                   *T
	LowerInclusive, UpperInclusive bool
	Empty                          bool
}

// NewRange returns the range [lower, upper), Sequelize's default bounds
// for a [lower, upper] pair.
func NewRange[T any](lower, upper T) RangeValue[T] {
	return RangeValue[T]{Lower: &lower, Upper: &upper, LowerInclusive: true}
}

// rangeParts is the canonical RANGE value: bounds as driver or bound
// values.
type rangeParts struct {
	empty              bool
	lower, upper       any
	hasLower, hasUpper bool
	lowerInc, upperInc bool
}

func (p rangeParts) literal() string {
	if p.empty {
		return "empty"
	}
	var b strings.Builder
	if p.lowerInc && p.hasLower {
		b.WriteByte('[')
	} else {
		b.WriteByte('(')
	}
	if p.hasLower {
		b.WriteString(rangeBound(p.lower))
	}
	b.WriteByte(',')
	if p.hasUpper {
		b.WriteString(rangeBound(p.upper))
	}
	if p.upperInc && p.hasUpper {
		b.WriteByte(']')
	} else {
		b.WriteByte(')')
	}
	return b.String()
}

// rangeBound formats one bound of a range literal.
func rangeBound(v any) string {
	var s string
	switch x := deref(v).(type) {
	case string:
		s = x
	case []byte:
		s = string(x)
	case time.Time:
		return quoteElem(x.Format(pgTimestamp))
	case bool:
		s = strconv.FormatBool(x)
	case float64:
		s = strconv.FormatFloat(x, 'g', -1, 64)
	case float32:
		s = strconv.FormatFloat(float64(x), 'g', -1, 32)
	case fmt.Stringer:
		s = x.String()
	default:
		if n, u, unsigned, ok := intOf(x); ok {
			if unsigned {
				return strconv.FormatUint(u, 10)
			}
			return strconv.FormatInt(n, 10)
		}
		s = fmt.Sprint(x)
	}
	if s == "" || strings.ContainsAny(s, "\"\\,()[] \t\n\r") {
		return quoteElem(s)
	}
	return s
}

type rangeSource interface{ rangeParts() rangeParts }

type rangeTarget interface {
	setRange(p rangeParts, scan func(src any, dst reflect.Value) error) error
}

func (r RangeValue[T]) rangeParts() rangeParts {
	if r.Empty {
		return rangeParts{empty: true}
	}
	p := rangeParts{lowerInc: r.LowerInclusive, upperInc: r.UpperInclusive}
	if r.Lower != nil {
		p.lower, p.hasLower = *r.Lower, true
	}
	if r.Upper != nil {
		p.upper, p.hasUpper = *r.Upper, true
	}
	return p
}

func (r *RangeValue[T]) setRange(p rangeParts, scan func(src any, dst reflect.Value) error) error {
	*r = RangeValue[T]{Empty: p.empty}
	if p.empty {
		return nil
	}
	if p.hasLower {
		var x T
		if err := scan(p.lower, reflect.ValueOf(&x).Elem()); err != nil {
			return err
		}
		r.Lower, r.LowerInclusive = &x, p.lowerInc
	}
	if p.hasUpper {
		var x T
		if err := scan(p.upper, reflect.ValueOf(&x).Elem()); err != nil {
			return err
		}
		r.Upper, r.UpperInclusive = &x, p.upperInc
	}
	return nil
}

// String returns the PostgreSQL range literal, such as "[1,10)" or
// "empty". Bounds are formatted from their Go values; RangeType.Bind
// formats them through the subtype instead.
func (r RangeValue[T]) String() string { return r.rangeParts().literal() }

// Value implements driver.Valuer: the range literal text.
func (r RangeValue[T]) Value() (driver.Value, error) { return r.String(), nil }

// Scan implements sql.Scanner: it reads range literal text, or the range
// value pgx returns, converting each bound to T (integers, floats, strings,
// time.Time, *big.Rat, ...).
func (r *RangeValue[T]) Scan(src any) error {
	if src == nil {
		*r = RangeValue[T]{}
		return nil
	}
	p, null, err := rangeOf(src)
	if err != nil {
		return err
	}
	if null {
		*r = RangeValue[T]{}
		return nil
	}
	return r.setRange(p, genericSpec.scan)
}

// genericSpec scans driver values with the generic conversions only.
var genericSpec = &scanSpec{name: "value", canon: func(src any) (any, error) { return normalizeDriver(src), nil }}

// rangeOf reads a range from literal text or from a struct shaped like
// pgx's pgtype.Range (Lower, Upper, LowerType, UpperType, Valid). null is
// set for an invalid (NULL) pgx range.
func rangeOf(src any) (p rangeParts, null bool, err error) {
	if s, ok := textOf(src); ok {
		p, err = parseRange(s)
		return p, false, err
	}
	rv := reflect.ValueOf(src)
	if rv.Kind() == reflect.Struct {
		lower, upper := rv.FieldByName("Lower"), rv.FieldByName("Upper")
		lt, ut, valid := rv.FieldByName("LowerType"), rv.FieldByName("UpperType"), rv.FieldByName("Valid")
		if lower.IsValid() && upper.IsValid() && lt.IsValid() && lt.Kind() == reflect.Uint8 &&
			ut.IsValid() && ut.Kind() == reflect.Uint8 && valid.IsValid() && valid.Kind() == reflect.Bool {
			if !valid.Bool() {
				return p, true, nil
			}
			lb, ub := byte(lt.Uint()), byte(ut.Uint())
			if lb == 'E' || ub == 'E' {
				return rangeParts{empty: true}, false, nil
			}
			if lb != 'U' {
				p.lower, p.hasLower, p.lowerInc = boundValue(lower), true, lb == 'i'
			}
			if ub != 'U' {
				p.upper, p.hasUpper, p.upperInc = boundValue(upper), true, ub == 'i'
			}
			return p, false, nil
		}
	}
	return p, false, fmt.Errorf("sequelize: cannot read %T as a range", src)
}

func boundValue(v reflect.Value) any {
	if !v.CanInterface() {
		return nil
	}
	return normalizeDriver(v.Interface())
}

// parseRange parses range literal text: "empty", or a bracket, two
// optional bounds (quoted with double quotes when needed) and a bracket.
func parseRange(s string) (rangeParts, error) {
	var p rangeParts
	t := strings.TrimSpace(s)
	if strings.EqualFold(t, "empty") {
		p.empty = true
		return p, nil
	}
	bad := func(why string) error { return fmt.Errorf("sequelize: invalid range literal %q: %s", truncate(s), why) }
	if len(t) < 3 || (t[0] != '[' && t[0] != '(') {
		return p, bad(`want "[" or "("`)
	}
	p.lowerInc = t[0] == '['
	lp := &literalParser{s: t, i: 1}
	bound := func(stop string) (string, bool, error) {
		if lp.i < len(lp.s) && lp.s[lp.i] == '"' {
			q, err := lp.quoted()
			return q, true, err
		}
		start := lp.i
		for lp.i < len(lp.s) && !strings.ContainsRune(stop, rune(lp.s[lp.i])) {
			lp.i++
		}
		return lp.s[start:lp.i], lp.i > start, nil
	}
	lower, has, err := bound(",")
	if err != nil {
		return p, bad(err.Error())
	}
	p.lower, p.hasLower = lower, has
	if lp.i >= len(lp.s) || lp.s[lp.i] != ',' {
		return p, bad(`want ","`)
	}
	lp.i++
	upper, has, err := bound(")]")
	if err != nil {
		return p, bad(err.Error())
	}
	p.upper, p.hasUpper = upper, has
	if lp.i != len(lp.s)-1 || (lp.s[lp.i] != ']' && lp.s[lp.i] != ')') {
		return p, bad(`want "]" or ")" at the end`)
	}
	p.upperInc = lp.s[lp.i] == ']'
	if !p.hasLower {
		p.lowerInc = false
	}
	if !p.hasUpper {
		p.upperInc = false
	}
	return p, nil
}

// Bind accepts a RangeValue of any bound type, a two-element slice or
// array [lower, upper] (Sequelize's form: bounds [lower, upper), a nil
// element unbounded; an empty slice is the empty range) or range literal
// text, and gives range literal text, with the bounds converted by the
// subtype's Bind (so a DATEONLY bound may be a time.Time).
func (t RangeType) Bind(dialect string, v any) (any, error) {
	if _, err := t.SQL(Context{Dialect: dialect}); err != nil {
		return nil, err
	}
	return bindLoop(t.String, v, false, func(v any) (any, bool, error) {
		var p rangeParts
		switch x := v.(type) {
		case rangeSource:
			p = x.rangeParts()
		default:
			if s, ok := stringOf(v); ok {
				if _, err := parseRange(s); err != nil {
					return nil, false, err
				}
				return s, true, nil
			}
			rv := reflect.ValueOf(v)
			if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
				return nil, false, nil
			}
			switch rv.Len() {
			case 0:
				return "empty", true, nil
			case 2:
			default:
				return nil, false, fmt.Errorf("a range needs 2 bounds, not %d", rv.Len())
			}
			p.lower, p.upper = deref(rv.Index(0).Interface()), deref(rv.Index(1).Interface())
			p.hasLower, p.hasUpper, p.lowerInc = p.lower != nil, p.upper != nil, true
		}
		if !p.empty {
			for _, b := range []*any{&p.lower, &p.upper} {
				if *b == nil {
					continue
				}
				bv, err := t.subtype.Bind(dialect, *b)
				if err != nil {
					return nil, false, err
				}
				if f, ok := bv.(float64); ok && math.IsInf(f, 0) {
					return nil, false, errors.New("use a nil bound for an unbounded range")
				}
				*b = bv
			}
		}
		return p.literal(), true, nil
	})
}

// Scan stores a range (the value pgx returns, or range literal text) into
// a RangeValue of any bound type the subtype scans into (RangeValue[int64],
// RangeValue[time.Time], RangeValue[string] for DATEONLY, RangeValue[*big.Rat]
// ...), a string (range literal text), an interface (a RangeValue[any]) or
// an sql.Scanner (range literal text).
func (t RangeType) Scan(dialect string, src any, dst reflect.Value) error {
	name := t.String()
	if src != nil {
		if _, null, err := rangeOf(src); err == nil && null {
			src = nil
		}
	}
	scanBound := func(src any, dst reflect.Value) error { return t.subtype.Scan(dialect, src, dst) }
	return (&scanSpec{
		name: name,
		canon: func(src any) (any, error) {
			p, _, err := rangeOf(src)
			if err != nil {
				return nil, fmt.Errorf("sequelize: scan %s: %w", name, err)
			}
			return p, nil
		},
		pre: func(v any, dst reflect.Value) (bool, error) {
			if rt, ok := dst.Addr().Interface().(rangeTarget); ok {
				if err := rt.setRange(v.(rangeParts), scanBound); err != nil {
					return true, fmt.Errorf("%w (range bound)", err)
				}
				return true, nil
			}
			return false, nil
		},
		iface: func(v any) (any, error) {
			var r RangeValue[any]
			err := r.setRange(v.(rangeParts), scanBound)
			return r, err
		},
	}).scan(src, dst)
}
