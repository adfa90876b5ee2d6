package datatypes

import (
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// JSONType is JSON or JSONB. Make one with [JSON] or [JSONB].
type JSONType struct{ binary bool }

// JSON is Sequelize's DataTypes.JSON: JSON in every dialect (text on
// sqlite, a LONGTEXT alias on mariadb).
func JSON() JSONType { return JSONType{} }

// JSONB is Sequelize's DataTypes.JSONB; postgres only.
func JSONB() JSONType { return JSONType{binary: true} }

// Key returns "JSON" or "JSONB".
func (t JSONType) Key() string {
	if t.binary {
		return "JSONB"
	}
	return "JSON"
}

// String returns the key.
func (t JSONType) String() string { return t.Key() }

// SQL returns JSON, or JSONB on postgres.
func (t JSONType) SQL(c Context) (string, error) {
	if t.binary {
		if _, err := support(t, c.Dialect, postgres); err != nil {
			return "", err
		}
		return "JSONB", nil
	}
	if _, err := dialectOf(c.Dialect); err != nil {
		return "", err
	}
	return "JSON", nil
}

// Bind gives the JSON text of v as a string. json.RawMessage and []byte
// are JSON text already (validated); a driver.Valuer's value, when text,
// is JSON text too; anything else goes through json.Marshal, so a Go
// string becomes a JSON string, as Sequelize's JSON.stringify does.
func (t JSONType) Bind(dialect string, v any) (any, error) {
	if _, err := t.SQL(Context{Dialect: dialect}); err != nil {
		return nil, err
	}
	return bindLoop(t.String, v, false, func(v any) (any, bool, error) {
		raw := func(b []byte) (any, bool, error) {
			if !json.Valid(b) {
				return nil, false, errors.New("invalid JSON text")
			}
			return string(b), true, nil
		}
		switch x := v.(type) {
		case json.RawMessage:
			return raw(x)
		case []byte:
			return raw(x)
		case driver.Valuer:
			dv, err := x.Value()
			if err != nil {
				return nil, false, err
			}
			switch y := dv.(type) {
			case nil:
				return nil, true, nil
			case string:
				return raw([]byte(y))
			case []byte:
				return raw(y)
			}
			v = dv
		}
		b, err := json.Marshal(v)
		if err != nil {
			return nil, false, err
		}
		return string(b), true, nil
	})
}

// Scan decodes the JSON value into dst with encoding/json (maps, structs,
// slices, strings for a JSON string, ...), resetting dst first;
// json.RawMessage and []byte receive the JSON text, sql.Scanner values
// the JSON text as []byte, and an interface the decoded value. On
// postgres the driver has decoded the value already (maps, []any,
// float64, string, bool); elsewhere it is text.
func (t JSONType) Scan(dialect string, src any, dst reflect.Value) error {
	return jsonSpec(t.String(), dialect == postgres).scan(src, dst)
}

func jsonSpec(name string, decoded bool) *scanSpec {
	return &scanSpec{
		name: name,
		canon: func(src any) (any, error) {
			switch x := src.(type) {
			case []byte:
				if json.Valid(x) {
					return x, nil
				}
			case string:
				if !decoded {
					if !json.Valid([]byte(x)) {
						return nil, fmt.Errorf("sequelize: scan %s: invalid JSON text %q", name, truncate(x))
					}
					return []byte(x), nil
				}
			}
			b, err := json.Marshal(normalizeDriver(src))
			if err != nil {
				return nil, fmt.Errorf("sequelize: scan %s: %w", name, err)
			}
			return b, nil
		},
		special: func(v any, dst reflect.Value) (bool, error) {
			text := v.([]byte)
			if dst.Type() == rawMessageType || (dst.Kind() == reflect.Slice && dst.Type().Elem().Kind() == reflect.Uint8 &&
				!reflect.PointerTo(dst.Type()).Implements(jsonUnmarshalerType)) {
				dst.SetBytes(append([]byte{}, text...))
				return true, nil
			}
			if dst.Kind() == reflect.Interface {
				return false, nil
			}
			dst.SetZero()
			if err := json.Unmarshal(text, dst.Addr().Interface()); err != nil {
				return true, fmt.Errorf("sequelize: scan %s into %s: %w", name, dst.Type(), err)
			}
			return true, nil
		},
		iface: func(v any) (any, error) {
			var x any
			if err := json.Unmarshal(v.([]byte), &x); err != nil {
				return nil, fmt.Errorf("sequelize: scan %s: %w", name, err)
			}
			return x, nil
		},
	}
}

var jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()

func truncate(s string) string {
	if len(s) > 64 {
		return s[:64] + "..."
	}
	return s
}

// HStoreType is HSTORE, PostgreSQL's key-value type (extension hstore).
// Make one with [HStore].
type HStoreType struct{}

// HStore is Sequelize's DataTypes.HSTORE; postgres only.
func HStore() HStoreType { return HStoreType{} }

// Key returns "HSTORE".
func (HStoreType) Key() string { return "HSTORE" }

// String returns "HSTORE".
func (HStoreType) String() string { return "HSTORE" }

// SQL returns HSTORE on postgres.
func (t HStoreType) SQL(c Context) (string, error) {
	if _, err := support(t, c.Dialect, postgres); err != nil {
		return "", err
	}
	return "HSTORE", nil
}

// Bind accepts a map with string keys and values of type string, *string
// (nil for NULL) or any (nil or a string), or hstore text, and gives the
// hstore text ("a"=>"1", "b"=>NULL), keys sorted.
func (t HStoreType) Bind(dialect string, v any) (any, error) {
	if _, err := t.SQL(Context{Dialect: dialect}); err != nil {
		return nil, err
	}
	return bindLoop(constName("HSTORE").name, v, false, func(v any) (any, bool, error) {
		if s, ok := stringOf(v); ok {
			if _, err := parseHStore(s); err != nil {
				return nil, false, err
			}
			return s, true, nil
		}
		m, ok, err := hstoreOf(v)
		if !ok || err != nil {
			return nil, ok, err
		}
		return m.literal(), true, nil
	})
}

// hstoreMap is the canonical HSTORE value.
type hstoreMap map[string]*string

func (m hstoreMap) literal() string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(hstoreQuote(k))
		b.WriteString("=>")
		if v := m[k]; v == nil {
			b.WriteString("NULL")
		} else {
			b.WriteString(hstoreQuote(*v))
		}
	}
	return b.String()
}

func hstoreQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// hstoreOf converts a Go map to an hstoreMap.
func hstoreOf(v any) (hstoreMap, bool, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Map || rv.Type().Key().Kind() != reflect.String {
		return nil, false, nil
	}
	m := make(hstoreMap, rv.Len())
	for it := rv.MapRange(); it.Next(); {
		k, e := it.Key().String(), it.Value()
		for e.Kind() == reflect.Interface || e.Kind() == reflect.Pointer {
			if e.IsNil() {
				break
			}
			e = e.Elem()
		}
		switch {
		case (e.Kind() == reflect.Interface || e.Kind() == reflect.Pointer) && e.IsNil():
			m[k] = nil
		case e.Kind() == reflect.String:
			s := e.String()
			m[k] = &s
		default:
			return nil, true, fmt.Errorf("HSTORE value of key %q is a %s, not a string", k, e.Type())
		}
	}
	return m, true, nil
}

// parseHStore parses hstore text: "k"=>"v", "k2"=>NULL (unquoted words
// allowed, as PostgreSQL allows them).
func parseHStore(s string) (hstoreMap, error) {
	m := hstoreMap{}
	i := 0
	skip := func() {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			i++
		}
	}
	word := func() (string, bool, error) {
		skip()
		if i >= len(s) {
			return "", false, errors.New("unexpected end of hstore text")
		}
		if s[i] == '"' {
			i++
			var b strings.Builder
			for i < len(s) && s[i] != '"' {
				if s[i] == '\\' && i+1 < len(s) {
					i++
				}
				b.WriteByte(s[i])
				i++
			}
			if i >= len(s) {
				return "", false, errors.New("unterminated string in hstore text")
			}
			i++
			return b.String(), true, nil
		}
		start := i
		for i < len(s) && s[i] != ',' && s[i] != '=' && s[i] != ' ' && s[i] != '"' {
			i++
		}
		if start == i {
			return "", false, fmt.Errorf("unexpected %q in hstore text", s[i])
		}
		return s[start:i], false, nil
	}
	skip()
	for i < len(s) {
		k, _, err := word()
		if err != nil {
			return nil, err
		}
		skip()
		if !strings.HasPrefix(s[i:], "=>") {
			return nil, errors.New(`missing "=>" in hstore text`)
		}
		i += 2
		v, quoted, err := word()
		if err != nil {
			return nil, err
		}
		if !quoted && strings.EqualFold(v, "NULL") {
			m[k] = nil
		} else {
			m[k] = &v
		}
		skip()
		if i < len(s) {
			if s[i] != ',' {
				return nil, fmt.Errorf("unexpected %q in hstore text", s[i])
			}
			i++
			skip()
			if i >= len(s) {
				return nil, errors.New("unexpected end of hstore text")
			}
		}
	}
	return m, nil
}

// Scan stores an hstore into map[string]string (NULL values become ""),
// map[string]*string, map[string]any (nil for NULL), strings (hstore text)
// and sql.Scanner values (hstore text).
func (t HStoreType) Scan(dialect string, src any, dst reflect.Value) error {
	return (&scanSpec{
		name: "HSTORE",
		canon: func(src any) (any, error) {
			if s, ok := textOf(src); ok {
				m, err := parseHStore(s)
				if err != nil {
					return nil, fmt.Errorf("sequelize: scan HSTORE: %w", err)
				}
				return m, nil
			}
			m, ok, err := hstoreOf(src)
			if !ok {
				err = fmt.Errorf("cannot read %T as an hstore", src)
			}
			if err != nil {
				return nil, fmt.Errorf("sequelize: scan HSTORE: %w", err)
			}
			return m, nil
		},
		special: func(v any, dst reflect.Value) (bool, error) {
			m := v.(hstoreMap)
			if dst.Kind() != reflect.Map || dst.Type().Key().Kind() != reflect.String {
				return false, nil
			}
			et := dst.Type().Elem()
			out := reflect.MakeMapWithSize(dst.Type(), len(m))
			for k, p := range m {
				e := reflect.New(et).Elem()
				switch {
				case et.Kind() == reflect.String:
					if p != nil {
						e.SetString(*p)
					}
				case et.Kind() == reflect.Pointer && et.Elem().Kind() == reflect.String:
					if p != nil {
						s := reflect.New(et.Elem())
						s.Elem().SetString(*p)
						e.Set(s)
					}
				case et.Kind() == reflect.Interface && et.NumMethod() == 0:
					if p != nil {
						e.Set(reflect.ValueOf(*p))
					}
				default:
					return true, fmt.Errorf("sequelize: scan HSTORE: cannot store into %s", dst.Type())
				}
				out.SetMapIndex(reflect.ValueOf(k).Convert(dst.Type().Key()), e)
			}
			dst.Set(out)
			return true, nil
		},
		iface: func(v any) (any, error) { return map[string]*string(v.(hstoreMap)), nil },
	}).scan(src, dst)
}
