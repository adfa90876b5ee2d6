package datatypes

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// StringType is STRING (a VARCHAR) or CHAR, with a length and an optional
// BINARY flag. Make one with [String] or [Char].
type StringType struct {
	key    string
	length int
	binary bool
}

// String is Sequelize's DataTypes.STRING: VARCHAR(length), 255 by default
// (a length of 0 or less also means 255).
func String(length ...int) StringType { return StringType{key: "STRING", length: firstLength(length)} }

// Char is Sequelize's DataTypes.CHAR: CHAR(length), 255 by default.
func Char(length ...int) StringType { return StringType{key: "CHAR", length: firstLength(length)} }

func firstLength(l []int) int {
	if len(l) > 0 && l[0] > 0 {
		return l[0]
	}
	return 255
}

// Binary returns the type with Sequelize's BINARY flag (STRING.BINARY):
// BYTEA on postgres, "VARCHAR(n) BINARY" on mysql.
func (t StringType) Binary() StringType { t.binary = true; return t }

// Length is the declared length.
func (t StringType) Length() int { return t.length }

// IsBinary reports whether the BINARY flag is set.
func (t StringType) IsBinary() bool { return t.binary }

// Key returns "STRING" or "CHAR".
func (t StringType) Key() string { return t.key }

// String returns the tag form: "STRING", "STRING(64)", "CHAR(10).BINARY".
func (t StringType) String() string {
	s := t.key
	if t.length != 255 {
		s += "(" + strconv.Itoa(t.length) + ")"
	}
	if t.binary {
		s += ".BINARY"
	}
	return s
}

func (t StringType) sqlName() string {
	if t.key == "CHAR" {
		return "CHAR"
	}
	return "VARCHAR"
}

// SQL returns VARCHAR(n) or CHAR(n); with BINARY: BYTEA on postgres,
// "VARCHAR(n) BINARY" on mysql and mariadb, "VARCHAR BINARY(n)" on sqlite.
func (t StringType) SQL(c Context) (string, error) {
	fam, err := dialectOf(c.Dialect)
	if err != nil {
		return "", err
	}
	n := strconv.Itoa(t.length)
	switch {
	case !t.binary:
		return t.sqlName() + "(" + n + ")", nil
	case fam == postgres:
		return "BYTEA", nil
	case fam == sqlite:
		return t.sqlName() + " BINARY(" + n + ")", nil
	}
	return t.sqlName() + "(" + n + ") BINARY", nil
}

// Bind accepts strings (of any string kind), []byte, integers, floats and
// fmt.Stringer values, and gives a string ([]byte for a BINARY type on
// postgres, whose column is BYTEA).
func (t StringType) Bind(dialect string, v any) (any, error) {
	fam, err := dialectOf(dialect)
	if err != nil {
		return nil, err
	}
	bytea := t.binary && fam == postgres
	if _, ok := v.(string); ok && !bytea {
		return v, nil // fast path: no re-boxing
	}
	return bindLoop(t.String, v, true, func(v any) (any, bool, error) {
		if b, ok := v.([]byte); ok {
			if bytea {
				return b, true, nil
			}
			return string(b), true, nil
		}
		s, ok := textValue(v)
		if !ok {
			return nil, false, nil
		}
		if bytea {
			return []byte(s), true, nil
		}
		return s, true, nil
	})
}

// textValue converts a Go string, integer or float to text.
func textValue(v any) (string, bool) {
	if s, ok := stringOf(v); ok {
		return s, true
	}
	if n, u, unsigned, ok := intOf(v); ok {
		if unsigned {
			return strconv.FormatUint(u, 10), true
		}
		return strconv.FormatInt(n, 10), true
	}
	if f, ok := floatOf(v); ok {
		return strconv.FormatFloat(f, 'f', -1, 64), true
	}
	return "", false
}

// Scan stores text into strings, []byte, sql.Scanner and
// encoding.TextUnmarshaler values, and numbers written as text into
// integer and float fields.
func (t StringType) Scan(dialect string, src any, dst reflect.Value) error {
	return textSpec(t.String()).scan(src, dst)
}

// canonText converts a driver value of a text column to string or []byte.
func canonText(src any) (any, error) {
	switch x := normalizeDriver(src).(type) {
	case string, []byte:
		return x, nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case uint64:
		return strconv.FormatUint(x, 10), nil
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), nil
	case bool:
		return strconv.FormatBool(x), nil
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano), nil
	case fmt.Stringer:
		return x.String(), nil
	}
	return nil, fmt.Errorf("sequelize: scan: cannot read %T as text", src)
}

func textSpec(name string) *scanSpec {
	return cachedSpec("textSpec", name, buildTextSpec)
}

func buildTextSpec(name string) *scanSpec {
	return &scanSpec{name: name, canon: canonText, iface: func(v any) (any, error) {
		if b, ok := v.([]byte); ok {
			return string(b), nil
		}
		return v, nil
	}}
}

// TextType is TEXT (with an optional size), CITEXT or TSVECTOR. Make one
// with [Text], [CIText] or [TSVector].
type TextType struct {
	key  string
	size string
}

// Text is Sequelize's DataTypes.TEXT; size is "tiny", "medium" or "long"
// (mysql and mariadb only: TINYTEXT, MEDIUMTEXT, LONGTEXT; other dialects
// use TEXT).
func Text(size ...string) TextType {
	t := TextType{key: "TEXT"}
	if len(size) > 0 {
		t.size = strings.ToLower(size[0])
	}
	return t
}

// CIText is Sequelize's DataTypes.CITEXT: case-insensitive text, CITEXT on
// postgres (extension citext) and "TEXT COLLATE NOCASE" on sqlite; mysql
// and mariadb do not support it.
func CIText() TextType { return TextType{key: "CITEXT"} }

// TSVector is Sequelize's DataTypes.TSVECTOR, a text-search document;
// postgres only.
func TSVector() TextType { return TextType{key: "TSVECTOR"} }

// Key returns "TEXT", "CITEXT" or "TSVECTOR".
func (t TextType) Key() string { return t.key }

// Size returns the TEXT size ("tiny", "medium", "long"), or "".
func (t TextType) Size() string { return t.size }

// String returns the tag form: "TEXT", "TEXT('long')", "CITEXT", "TSVECTOR".
func (t TextType) String() string {
	if t.size != "" {
		return t.key + "(" + quoteTag(t.size) + ")"
	}
	return t.key
}

func validSize(s string) bool { return s == "" || s == "tiny" || s == "medium" || s == "long" }

// SQL returns TEXT (TINYTEXT, MEDIUMTEXT, LONGTEXT on mysql with a size),
// CITEXT or TSVECTOR.
func (t TextType) SQL(c Context) (string, error) {
	switch t.key {
	case "CITEXT":
		fam, err := support(t, c.Dialect, postgres, sqlite)
		if err != nil {
			return "", err
		}
		if fam == sqlite {
			return "TEXT COLLATE NOCASE", nil
		}
		return "CITEXT", nil
	case "TSVECTOR":
		if _, err := support(t, c.Dialect, postgres); err != nil {
			return "", err
		}
		return "TSVECTOR", nil
	}
	fam, err := dialectOf(c.Dialect)
	if err != nil {
		return "", err
	}
	if !validSize(t.size) {
		return "", fmt.Errorf("sequelize: invalid TEXT size %q (want tiny, medium or long)", t.size)
	}
	if fam == mysql && t.size != "" {
		return strings.ToUpper(t.size) + "TEXT", nil
	}
	return "TEXT", nil
}

// Bind accepts strings (of any string kind), []byte, integers, floats and
// fmt.Stringer values, and gives a string.
func (t TextType) Bind(dialect string, v any) (any, error) {
	if err := t.check(dialect); err != nil {
		return nil, err
	}
	return bindLoop(t.String, v, true, func(v any) (any, bool, error) {
		if b, ok := v.([]byte); ok {
			return string(b), true, nil
		}
		s, ok := textValue(v)
		return s, ok, nil
	})
}

func (t TextType) check(dialect string) error {
	_, err := t.SQL(Context{Dialect: dialect})
	return err
}

// Scan stores text into strings, []byte, sql.Scanner and
// encoding.TextUnmarshaler values.
func (t TextType) Scan(dialect string, src any, dst reflect.Value) error {
	return textSpec(t.String()).scan(src, dst)
}
