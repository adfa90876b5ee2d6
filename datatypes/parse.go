package datatypes

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Parse reads a data type as written in a tag, case-insensitively:
//
//	STRING  STRING(64)  STRING.BINARY  CHAR(10)  TEXT  TEXT('long')  TEXT(long)  CITEXT  TSVECTOR
//	TINYINT SMALLINT MEDIUMINT INTEGER BIGINT, each with (length), .UNSIGNED, .ZEROFILL
//	FLOAT  REAL  DOUBLE  DOUBLE PRECISION, each with (length) or (length,decimals)
//	DECIMAL  NUMERIC  DECIMAL(10)  DECIMAL(10,2)
//	BOOLEAN  DATE  DATE(6)  DATEONLY  TIME  NOW  UUID  UUIDV1  UUIDV4
//	BLOB  BLOB('long')  JSON  JSONB  HSTORE  CIDR  INET  MACADDR
//	ENUM('a','b')  ARRAY(INTEGER)  ARRAY(ENUM('a','b'))  RANGE  RANGE(DATE)
//	GEOMETRY  GEOMETRY('POINT')  GEOMETRY('POINT', 4326)  GEOGRAPHY(...)
//	VIRTUAL  VIRTUAL(INTEGER)  VIRTUAL(INTEGER, 'a', 'b')
//
// Modifiers may also follow a space ("INTEGER(11) UNSIGNED ZEROFILL").
// String arguments are quoted with ' or " (a doubled quote stands for
// itself) and may contain commas; simple words need no quotes. Unknown
// names give the error `sequelize: unrecognized data type "X"`. For every
// DataType t of this package, Parse(t.String()) returns a value Equal to t.
func Parse(s string) (DataType, error) {
	p := &parser{s: s}
	t, err := p.typ(0)
	if err != nil {
		return nil, err
	}
	p.skip()
	if p.i != len(p.s) {
		return nil, p.fail("unexpected %q", p.rest())
	}
	return t, nil
}

type parser struct {
	s string
	i int
}

type argKind int

const (
	argNum argKind = iota
	argStr
	argWord
	argType
)

type arg struct {
	kind argKind
	n    int
	s    string
	t    DataType
}

func (p *parser) fail(format string, a ...any) error {
	return fmt.Errorf("sequelize: invalid data type %q: %s", p.s, fmt.Sprintf(format, a...))
}

func (p *parser) unrecognized() error {
	return fmt.Errorf("sequelize: unrecognized data type %q", strings.TrimSpace(p.s))
}

func (p *parser) rest() string {
	r := p.s[p.i:]
	if len(r) > 20 {
		r = r[:20] + "..."
	}
	return r
}

func (p *parser) skip() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
}

func (p *parser) peek(c byte) bool {
	p.skip()
	return p.i < len(p.s) && p.s[p.i] == c
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

func (p *parser) ident() string {
	p.skip()
	if p.i >= len(p.s) || !isLetter(p.s[p.i]) {
		return ""
	}
	start := p.i
	for p.i < len(p.s) && (isLetter(p.s[p.i]) || isDigit(p.s[p.i]) || p.s[p.i] == '_') {
		p.i++
	}
	return p.s[start:p.i]
}

var typeNames = map[string]bool{
	"STRING": true, "CHAR": true, "TEXT": true, "CITEXT": true, "TSVECTOR": true,
	"TINYINT": true, "SMALLINT": true, "MEDIUMINT": true, "INTEGER": true, "BIGINT": true,
	"FLOAT": true, "REAL": true, "DOUBLE": true, "DECIMAL": true, "NUMERIC": true,
	"BOOLEAN": true, "DATE": true, "DATEONLY": true, "TIME": true, "NOW": true,
	"UUID": true, "UUIDV1": true, "UUIDV4": true, "BLOB": true, "JSON": true, "JSONB": true,
	"HSTORE": true, "ENUM": true, "ARRAY": true, "RANGE": true, "GEOMETRY": true,
	"GEOGRAPHY": true, "CIDR": true, "INET": true, "MACADDR": true, "VIRTUAL": true,
}

func (p *parser) typ(depth int) (DataType, error) {
	if depth > 16 {
		return nil, p.fail("nested too deeply")
	}
	name := strings.ToUpper(p.ident())
	if !typeNames[name] {
		return nil, p.unrecognized()
	}
	if name == "DOUBLE" {
		save := p.i
		if !strings.EqualFold(p.ident(), "PRECISION") {
			p.i = save
		}
	}
	var args []arg
	hasArgs := p.peek('(')
	if hasArgs {
		var err error
		if args, err = p.args(name, depth); err != nil {
			return nil, err
		}
	}
	mods, err := p.modifiers()
	if err != nil {
		return nil, err
	}
	return p.build(name, args, mods)
}

var modifierNames = map[string]bool{"UNSIGNED": true, "ZEROFILL": true, "BINARY": true}

func (p *parser) modifiers() (map[string]bool, error) {
	mods := map[string]bool{}
	for {
		save := p.i
		if p.peek('.') {
			p.i++
			m := strings.ToUpper(p.ident())
			if !modifierNames[m] {
				return nil, p.fail("unknown modifier %q", m)
			}
			mods[m] = true
			continue
		}
		m := strings.ToUpper(p.ident())
		if !modifierNames[m] {
			p.i = save
			return mods, nil
		}
		mods[m] = true
	}
}

func (p *parser) args(name string, depth int) ([]arg, error) {
	p.i++ // "("
	var out []arg
	if p.peek(')') {
		p.i++
		return out, nil
	}
	for {
		p.skip()
		if p.i >= len(p.s) {
			return nil, p.fail("missing \")\"")
		}
		c := p.s[p.i]
		switch {
		case c == '\'' || c == '"':
			s, err := p.quoted(c)
			if err != nil {
				return nil, err
			}
			out = append(out, arg{kind: argStr, s: s})
		case isDigit(c):
			start := p.i
			for p.i < len(p.s) && isDigit(p.s[p.i]) {
				p.i++
			}
			n, err := strconv.Atoi(p.s[start:p.i])
			if err != nil || n > math.MaxInt32 {
				return nil, p.fail("number %s out of range", p.s[start:p.i])
			}
			out = append(out, arg{kind: argNum, n: n})
		case isLetter(c):
			if name == "ARRAY" || name == "RANGE" || (name == "VIRTUAL" && len(out) == 0) {
				t, err := p.typ(depth + 1)
				if err != nil {
					return nil, err
				}
				out = append(out, arg{kind: argType, t: t})
			} else {
				out = append(out, arg{kind: argWord, s: p.ident()})
			}
		default:
			return nil, p.fail("unexpected %q", p.rest())
		}
		p.skip()
		if p.i >= len(p.s) {
			return nil, p.fail("missing \")\"")
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case ')':
			p.i++
			return out, nil
		default:
			return nil, p.fail("unexpected %q", p.rest())
		}
	}
}

func (p *parser) quoted(q byte) (string, error) {
	p.i++
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == q {
			if p.i+1 < len(p.s) && p.s[p.i+1] == q {
				b.WriteByte(q)
				p.i += 2
				continue
			}
			p.i++
			return b.String(), nil
		}
		b.WriteByte(c)
		p.i++
	}
	return "", p.fail("unterminated string")
}

func (p *parser) build(name string, args []arg, mods map[string]bool) (DataType, error) {
	allowMods := func(allowed ...string) error {
		for m := range mods {
			ok := false
			for _, a := range allowed {
				ok = ok || a == m
			}
			if !ok {
				return p.fail("%s does not take %s", name, m)
			}
		}
		return nil
	}
	nums := func(maxN int, minFirst int) ([]int, error) {
		if len(args) > maxN {
			return nil, p.fail("%s takes at most %d arguments", name, maxN)
		}
		out := make([]int, len(args))
		for i, a := range args {
			if a.kind != argNum {
				return nil, p.fail("%s takes numbers", name)
			}
			if i == 0 && a.n < minFirst {
				return nil, p.fail("%s(%d) is out of range", name, a.n)
			}
			out[i] = a.n
		}
		return out, nil
	}
	text := func() (string, bool, error) {
		switch {
		case len(args) == 0:
			return "", false, nil
		case len(args) > 1:
			return "", false, p.fail("%s takes one argument", name)
		case args[0].kind != argStr && args[0].kind != argWord:
			return "", false, p.fail("%s takes a word", name)
		}
		return args[0].s, true, nil
	}
	noArgs := func() error {
		if len(args) > 0 {
			return p.fail("%s takes no arguments", name)
		}
		return allowMods()
	}
	switch name {
	case "STRING", "CHAR":
		if err := allowMods("BINARY"); err != nil {
			return nil, err
		}
		n, err := nums(1, 1)
		if err != nil {
			return nil, err
		}
		t := String(n...)
		if name == "CHAR" {
			t = Char(n...)
		}
		if mods["BINARY"] {
			t = t.Binary()
		}
		return t, nil
	case "TEXT", "BLOB":
		if err := allowMods(); err != nil {
			return nil, err
		}
		s, _, err := text()
		if err != nil {
			return nil, err
		}
		if s = strings.ToLower(s); !validSize(s) {
			return nil, p.fail("%s size must be tiny, medium or long", name)
		}
		if name == "BLOB" {
			return Blob(s), nil
		}
		return Text(s), nil
	case "TINYINT", "SMALLINT", "MEDIUMINT", "INTEGER", "BIGINT":
		if err := allowMods("UNSIGNED", "ZEROFILL"); err != nil {
			return nil, err
		}
		n, err := nums(1, 1)
		if err != nil {
			return nil, err
		}
		t := IntegerType{key: name, length: optLength(n)}
		t.unsigned, t.zerofill = mods["UNSIGNED"], mods["ZEROFILL"]
		return t, nil
	case "FLOAT", "REAL", "DOUBLE":
		if err := allowMods("UNSIGNED", "ZEROFILL"); err != nil {
			return nil, err
		}
		n, err := nums(2, 1)
		if err != nil {
			return nil, err
		}
		key := name
		if key == "DOUBLE" {
			key = "DOUBLE PRECISION"
		}
		t := newFloat(key, n)
		t.unsigned, t.zerofill = mods["UNSIGNED"], mods["ZEROFILL"]
		return t, nil
	case "DECIMAL", "NUMERIC":
		if err := allowMods("UNSIGNED", "ZEROFILL"); err != nil {
			return nil, err
		}
		n, err := nums(2, 1)
		if err != nil {
			return nil, err
		}
		t := Decimal(n...)
		t.unsigned, t.zerofill = mods["UNSIGNED"], mods["ZEROFILL"]
		return t, nil
	case "DATE":
		if err := allowMods(); err != nil {
			return nil, err
		}
		n, err := nums(1, 0)
		if err != nil {
			return nil, err
		}
		return Date(n...), nil
	case "ENUM":
		if err := allowMods(); err != nil {
			return nil, err
		}
		vals := make([]string, len(args))
		for i, a := range args {
			if a.kind != argStr && a.kind != argWord {
				return nil, p.fail("ENUM values must be strings")
			}
			vals[i] = a.s
		}
		return Enum(vals...), nil
	case "ARRAY", "RANGE":
		if err := allowMods(); err != nil {
			return nil, err
		}
		var elem DataType
		switch len(args) {
		case 0:
		case 1:
			elem = args[0].t
		default:
			return nil, p.fail("%s takes one type", name)
		}
		if name == "RANGE" {
			return Range(elem), nil
		}
		return Array(elem), nil
	case "GEOMETRY", "GEOGRAPHY":
		if err := allowMods(); err != nil {
			return nil, err
		}
		if len(args) > 2 {
			return nil, p.fail("%s takes a type and an SRID", name)
		}
		var t GeometryType
		if name == "GEOGRAPHY" {
			t = Geography()
		}
		if len(args) > 0 {
			if args[0].kind != argStr && args[0].kind != argWord {
				return nil, p.fail("%s takes a geometry type first", name)
			}
			t.typ = strings.ToUpper(strings.TrimSpace(args[0].s))
			if !validGeoType(t.typ) {
				return nil, p.fail("invalid geometry type %q", args[0].s)
			}
		}
		if len(args) > 1 {
			if args[1].kind != argNum {
				return nil, p.fail("%s takes a numeric SRID", name)
			}
			t = t.WithSRID(args[1].n)
		}
		return t, nil
	case "VIRTUAL":
		if err := allowMods(); err != nil {
			return nil, err
		}
		var ret DataType
		var fields []string
		for i, a := range args {
			switch {
			case i == 0 && a.kind == argType:
				ret = a.t
			case a.kind == argStr:
				fields = append(fields, a.s)
			default:
				return nil, p.fail("VIRTUAL takes a type and quoted field names")
			}
		}
		return Virtual(ret, fields...), nil
	}
	if err := noArgs(); err != nil {
		return nil, err
	}
	switch name {
	case "CITEXT":
		return CIText(), nil
	case "TSVECTOR":
		return TSVector(), nil
	case "BOOLEAN":
		return Boolean(), nil
	case "DATEONLY":
		return DateOnly(), nil
	case "TIME":
		return Time(), nil
	case "NOW":
		return Now(), nil
	case "UUID":
		return UUID(), nil
	case "UUIDV1":
		return UUIDV1(), nil
	case "UUIDV4":
		return UUIDV4(), nil
	case "JSON":
		return JSON(), nil
	case "JSONB":
		return JSONB(), nil
	case "HSTORE":
		return HStore(), nil
	case "CIDR":
		return CIDR(), nil
	case "INET":
		return INET(), nil
	case "MACADDR":
		return MACADDR(), nil
	}
	return nil, p.unrecognized()
}
