package datatypes

import (
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// ArrayType is ARRAY(element), PostgreSQL's array type. Make one with
// [Array].
type ArrayType struct{ elem DataType }

// Array is Sequelize's DataTypes.ARRAY(element); postgres only. SQL fails
// when element is nil.
func Array(element DataType) ArrayType { return ArrayType{elem: element} }

// Element is the element type, nil when none was given.
func (t ArrayType) Element() DataType { return t.elem }

// Key returns "ARRAY".
func (ArrayType) Key() string { return "ARRAY" }

// String returns "ARRAY(<element>)", or "ARRAY" without an element.
func (t ArrayType) String() string {
	if t.elem == nil {
		return "ARRAY"
	}
	return "ARRAY(" + t.elem.String() + ")"
}

//lint:ignore ST1005 this is Sequelize's message, kept word for word.
var errNoArrayType = errors.New("sequelize: ARRAY is missing type definition for its values.")

// SQL returns the element's SQL followed by "[]" ("INTEGER[]",
// "\"public\".\"enum_Users_tags\"[]" for an ENUM element); postgres only.
func (t ArrayType) SQL(c Context) (string, error) {
	if _, err := support(t, c.Dialect, postgres); err != nil {
		return "", err
	}
	if t.elem == nil {
		return "", errNoArrayType
	}
	s, err := t.elem.SQL(c)
	if err != nil {
		return "", err
	}
	return s + "[]", nil
}

// nativeArrayElements are the element types whose arrays pgx encodes from
// a []any; arrays of other element types (ENUM, HSTORE, CITEXT, ...) are
// bound as array literal text.
var nativeArrayElements = map[string]bool{
	"SMALLINT": true, "INTEGER": true, "BIGINT": true, "FLOAT": true, "REAL": true,
	"DOUBLE PRECISION": true, "DECIMAL": true, "BOOLEAN": true, "TEXT": true,
	"DATE": true, "NOW": true, "UUID": true, "UUIDV1": true, "UUIDV4": true,
}

// Bind accepts a slice or array of values the element type binds (nested
// slices for ARRAY(ARRAY(...))), or array literal text ("{1,2,3}"). It
// gives a []any of the bound elements when pgx knows the element type
// (integers, floats, DECIMAL, BOOLEAN, STRING, CHAR, TEXT, DATE, UUID),
// and PostgreSQL array literal text otherwise.
func (t ArrayType) Bind(dialect string, v any) (any, error) {
	if _, err := t.SQL(Context{Dialect: dialect, Table: "t", Column: "c"}); err != nil {
		return nil, err
	}
	return bindLoop(t.String, v, false, func(v any) (any, bool, error) {
		if s, ok := stringOf(v); ok {
			if _, err := parsePGArray(s); err != nil {
				return nil, false, err
			}
			return s, true, nil
		}
		vals, ok, err := t.bindElems(dialect, v)
		if !ok || err != nil {
			return nil, ok, err
		}
		native := nativeArrayElements[t.elem.Key()]
		if st, isString := t.elem.(StringType); isString && !st.binary {
			native = true
		}
		if native {
			return vals, true, nil
		}
		s, err := arrayLiteral(vals)
		return s, err == nil, err
	})
}

// bindElems binds each element of a slice or array.
func (t ArrayType) bindElems(dialect string, v any) ([]any, bool, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return nil, false, nil
	}
	out := make([]any, rv.Len())
	for i := range out {
		e := rv.Index(i).Interface()
		var err error
		if at, ok := t.elem.(ArrayType); ok {
			var nested []any
			var isSlice bool
			e = deref(e)
			if nested, isSlice, err = at.bindElems(dialect, e); err == nil && !isSlice && e != nil {
				err = fmt.Errorf("element %d is a %T, not a slice", i, e)
			}
			if nested != nil {
				out[i] = nested
			}
		} else {
			out[i], err = t.elem.Bind(dialect, e)
		}
		if err != nil {
			return nil, true, fmt.Errorf("element %d: %w", i, err)
		}
	}
	return out, true, nil
}

func deref(v any) any {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			return nil
		}
		rv = rv.Elem()
	}
	if !rv.IsValid() {
		return nil
	}
	return rv.Interface()
}

// arrayVal is the canonical ARRAY value.
type arrayVal []any

func (a arrayVal) literal() string {
	s, err := arrayLiteral(a)
	if err != nil {
		return fmt.Sprint([]any(a))
	}
	return s
}

// arrayLiteral formats values as PostgreSQL array literal text.
func arrayLiteral(vals []any) (string, error) {
	var b strings.Builder
	if err := appendArray(&b, vals); err != nil {
		return "", err
	}
	return b.String(), nil
}

func appendArray(b *strings.Builder, vals []any) error {
	b.WriteByte('{')
	for i, v := range vals {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := appendArrayElem(b, v); err != nil {
			return err
		}
	}
	b.WriteByte('}')
	return nil
}

func appendArrayElem(b *strings.Builder, v any) error {
	switch x := v.(type) {
	case nil:
		b.WriteString("NULL")
	case string:
		b.WriteString(quoteElem(x))
	case []byte:
		b.WriteString(quoteElem(`\x` + hex.EncodeToString(x)))
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case uint64:
		b.WriteString(strconv.FormatUint(x, 10))
	case float64:
		switch {
		case math.IsNaN(x):
			b.WriteString("NaN")
		case math.IsInf(x, 1):
			b.WriteString("Infinity")
		case math.IsInf(x, -1):
			b.WriteString("-Infinity")
		default:
			b.WriteString(strconv.FormatFloat(x, 'g', -1, 64))
		}
	case bool:
		if x {
			b.WriteByte('t')
		} else {
			b.WriteByte('f')
		}
	case time.Time:
		b.WriteString(quoteElem(x.Format(pgTimestamp)))
	case []any:
		return appendArray(b, x)
	case arrayVal:
		return appendArray(b, x)
	case literaler:
		b.WriteString(quoteElem(x.literal()))
	default:
		return fmt.Errorf("cannot write %T in an array literal", v)
	}
	return nil
}

// pgTimestamp is the timestamp form used in literals.
const pgTimestamp = "2006-01-02 15:04:05.999999999-07:00"

// quoteElem quotes an array or range element.
func quoteElem(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// parsePGArray parses PostgreSQL array literal text into []any of string
// and nil elements, and []any for nested arrays.
func parsePGArray(s string) ([]any, error) {
	p := &literalParser{s: strings.TrimSpace(s)}
	if strings.HasPrefix(p.s, "[") { // dimension decoration: [1:3]={...}
		i := strings.Index(p.s, "=")
		if i < 0 {
			return nil, fmt.Errorf("invalid array literal %q", truncate(s))
		}
		p.i = i + 1
	}
	v, err := p.array(0)
	if err != nil {
		return nil, fmt.Errorf("invalid array literal %q: %w", truncate(s), err)
	}
	p.skip()
	if p.i != len(p.s) {
		return nil, fmt.Errorf("invalid array literal %q: text after the array", truncate(s))
	}
	return v, nil
}

type literalParser struct {
	s string
	i int
}

func (p *literalParser) skip() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
}

func (p *literalParser) array(depth int) ([]any, error) {
	if depth > 32 {
		return nil, errors.New("nested too deeply")
	}
	p.skip()
	if p.i >= len(p.s) || p.s[p.i] != '{' {
		return nil, errors.New(`expected "{"`)
	}
	p.i++
	out := []any{}
	p.skip()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return out, nil
	}
	for {
		p.skip()
		if p.i >= len(p.s) {
			return nil, errors.New("unexpected end")
		}
		switch p.s[p.i] {
		case '{':
			a, err := p.array(depth + 1)
			if err != nil {
				return nil, err
			}
			out = append(out, a)
		case '"':
			s, err := p.quoted()
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		default:
			start := p.i
			for p.i < len(p.s) && p.s[p.i] != ',' && p.s[p.i] != '}' {
				if p.s[p.i] == '"' || p.s[p.i] == '{' {
					return nil, fmt.Errorf("unexpected %q", p.s[p.i])
				}
				p.i++
			}
			w := strings.TrimSpace(p.s[start:p.i])
			if w == "" {
				return nil, errors.New("empty element")
			}
			if strings.EqualFold(w, "NULL") {
				out = append(out, nil)
			} else {
				out = append(out, w)
			}
		}
		p.skip()
		if p.i >= len(p.s) {
			return nil, errors.New("unexpected end")
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case '}':
			p.i++
			return out, nil
		default:
			return nil, fmt.Errorf("unexpected %q", p.s[p.i])
		}
	}
}

// quoted reads a double-quoted element with backslash escapes.
func (p *literalParser) quoted() (string, error) {
	p.i++ // opening quote
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '\\' && p.i+1 < len(p.s):
			b.WriteByte(p.s[p.i+1])
			p.i += 2
		case c == '"' && p.i+1 < len(p.s) && p.s[p.i+1] == '"':
			b.WriteByte('"')
			p.i += 2
		case c == '"':
			p.i++
			return b.String(), nil
		default:
			b.WriteByte(c)
			p.i++
		}
	}
	return "", errors.New("unterminated quoted element")
}

// Scan stores an array (the []any pgx gives, or array literal text) into a
// slice or array of any element type the element DataType scans into,
// element by element; into a string (array literal text), an interface
// ([]any of the scanned elements) or an sql.Scanner (array literal text).
func (t ArrayType) Scan(dialect string, src any, dst reflect.Value) error {
	name := t.String()
	if t.elem == nil {
		return errNoArrayType
	}
	return (&scanSpec{
		name: name,
		canon: func(src any) (any, error) {
			switch x := src.(type) {
			case []any:
				if _, nested := t.elem.(ArrayType); nested {
					for _, e := range x {
						if e == nil {
							continue
						}
						if _, isSlice := e.([]any); !isSlice {
							return nil, fmt.Errorf("sequelize: scan %s: the driver returned a flat array (pgx drops the dimensions of multi-dimensional arrays); select the column as text (v::text)", name)
						}
						break
					}
				}
				return arrayVal(x), nil
			case string, []byte:
				a, err := parsePGArray(asString(x))
				if err != nil {
					return nil, fmt.Errorf("sequelize: scan %s: %w", name, err)
				}
				return arrayVal(a), nil
			}
			rv := reflect.ValueOf(src)
			if rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array {
				a := make(arrayVal, rv.Len())
				for i := range a {
					a[i] = rv.Index(i).Interface()
				}
				return a, nil
			}
			return nil, fmt.Errorf("sequelize: scan %s: cannot read %T as an array", name, src)
		},
		special: func(v any, dst reflect.Value) (bool, error) {
			a := v.(arrayVal)
			switch dst.Kind() {
			case reflect.Slice:
				out := reflect.MakeSlice(dst.Type(), len(a), len(a))
				for i, e := range a {
					if err := t.elem.Scan(dialect, e, out.Index(i)); err != nil {
						return true, fmt.Errorf("%w (element %d)", err, i)
					}
				}
				dst.Set(out)
				return true, nil
			case reflect.Array:
				if dst.Len() != len(a) {
					return true, fmt.Errorf("sequelize: scan %s: %d elements do not fit %s", name, len(a), dst.Type())
				}
				for i, e := range a {
					if err := t.elem.Scan(dialect, e, dst.Index(i)); err != nil {
						return true, fmt.Errorf("%w (element %d)", err, i)
					}
				}
				return true, nil
			}
			return false, nil
		},
		iface: func(v any) (any, error) {
			a := v.(arrayVal)
			out := make([]any, len(a))
			for i, e := range a {
				if err := t.elem.Scan(dialect, e, reflect.ValueOf(&out[i]).Elem()); err != nil {
					return nil, err
				}
			}
			return out, nil
		},
	}).scan(src, dst)
}
