package sequelize

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/gosequelize/sequelize/dialect"
)

// Expr is an SQL expression usable where a value is: in a Where, as an
// attribute, in Order and Group, and as a value in Create and Update. The
// expressions are ColExpr, FnExpr, LiteralExpr, CastExpr, JSONExpr and
// CondExpr, made by Col, Fn, Literal, Cast, JSON and Cond.
type Expr interface{ isExpr() }

// ColExpr names a column; see Col.
type ColExpr struct{ Name string }

// FnExpr calls an SQL function; see Fn.
type FnExpr struct {
	Name string
	Args []any
}

// LiteralExpr is raw SQL; see Literal.
type LiteralExpr struct{ SQL string }

// CastExpr is CAST(value AS type); see Cast.
type CastExpr struct {
	Value any
	Type  string
}

// JSONExpr is a path inside a JSON attribute; see JSON.
type JSONExpr struct{ Path string }

// CondExpr compares an expression with a value or operator; see Cond.
type CondExpr struct {
	Left  any
	Right any
}

func (ColExpr) isExpr()     {}
func (FnExpr) isExpr()      {}
func (LiteralExpr) isExpr() {}
func (CastExpr) isExpr()    {}
func (JSONExpr) isExpr()    {}
func (CondExpr) isExpr()    {}

// Col names a column (Sequelize's sequelize.col): an attribute of the
// model, the same qualified by the model's name ("Product.id"),
// "Alias.attribute" for an included model's, or "*". It is quoted as an
// identifier.
func Col(name string) ColExpr { return ColExpr{Name: name} }

// Fn calls the SQL function name with args (Sequelize's sequelize.fn):
// Fn("lower", Col("name")), Fn("COUNT", Col("id")). Arguments that are
// expressions are rendered as such; other values are bound parameters. The
// name must be an identifier (letters, digits, _ and .), which keeps it
// from carrying SQL.
func Fn(name string, args ...any) FnExpr { return FnExpr{Name: name, Args: args} }

// Literal is raw SQL inserted verbatim (Sequelize's sequelize.literal). It
// is the only way to put unchecked SQL in a query: never build it from
// user input. Use bound parameters (Where values, Replacements, Bind)
// for values.
func Literal(sql string) LiteralExpr { return LiteralExpr{SQL: sql} }

// Cast is CAST(value AS typ) (Sequelize's sequelize.cast). value may be an
// expression or a value (then bound). typ must be one of Sequelize's
// allowed cast types (integer, bigint, float, double precision, decimal,
// numeric, boolean, text, char, varchar, date, timestamp, timestamptz,
// datetime, json, jsonb, signed, unsigned, ...), optionally with a length
// like varchar(20).
func Cast(value any, typ string) CastExpr { return CastExpr{Value: value, Type: typ} }

// JSON is the value at a dotted path inside a JSON attribute, as text
// (Sequelize's sequelize.json("meta.video.url")).
func JSON(path string) JSONExpr { return JSONExpr{Path: path} }

// Cond compares an expression with a value or an operator (Sequelize's
// sequelize.where(left, op, right)): Cond(Fn("lower", Col("name")),
// op.Like("abc%")). A plain right value means equality.
func Cond(left, right any) CondExpr { return CondExpr{Left: left, Right: right} }

var (
	fnName      = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.]*$`)
	castPattern = regexp.MustCompile(`^(?i)(integer|int|smallint|bigint|float|real|double precision|decimal|numeric|boolean|bool|text|char|varchar|nvarchar|date|time|timestamp|timestamptz|timestamp with time zone|datetime|json|jsonb|signed|unsigned|signed integer|unsigned integer|binary|uuid)(\s*\(\s*\d+\s*(,\s*\d+\s*)?\))?$`)
)

// sqlb builds one statement: SQL text appended to a buffer, with bound
// arguments numbered as they are added.
type sqlb struct {
	d    dialect.Dialect
	ph   func([]byte, int) []byte
	b    []byte
	args []any
	err  error
}

func newSQLB(db *DB) *sqlb {
	return &sqlb{d: db.dialect, ph: db.syntax.Placeholder, b: make([]byte, 0, 256)}
}

func (s *sqlb) w(str string) *sqlb { s.b = append(s.b, str...); return s }

func (s *sqlb) id(name string) *sqlb { s.b = s.d.QuoteIdentifier(s.b, name); return s }

// table writes a table name, schema-qualified when schema is set.
func (s *sqlb) table(schema, name string) *sqlb {
	if schema == "" {
		return s.id(name)
	}
	if q, ok := s.d.(interface {
		QuoteTable(b []byte, schema, name string) []byte
	}); ok {
		s.b = q.QuoteTable(s.b, schema, name)
		return s
	}
	return s.id(schema).w(".").id(name)
}

// arg binds v and writes its placeholder.
func (s *sqlb) arg(v any) *sqlb {
	s.args = append(s.args, v)
	s.b = s.ph(s.b, len(s.args))
	return s
}

func (s *sqlb) fail(err error) {
	if s.err == nil {
		s.err = err
	}
}

func (s *sqlb) failf(format string, a ...any) {
	s.fail(&QueryError{newBase("SequelizeQueryError", fmt.Sprintf(format, a...), nil)})
}

func (s *sqlb) String() string { return string(s.b) }

// expr writes an expression; colRef resolves column names (Col and JSON).
func (s *sqlb) expr(e any, colRef func(s *sqlb, name string)) {
	switch x := e.(type) {
	case ColExpr:
		if x.Name == "*" {
			s.w("*")
			return
		}
		colRef(s, x.Name)
	case LiteralExpr:
		s.w(x.SQL)
	case FnExpr:
		if !fnName.MatchString(x.Name) {
			s.failf("invalid function name %q: it must be an identifier", x.Name)
			return
		}
		s.w(x.Name).w("(")
		for i, a := range x.Args {
			if i > 0 {
				s.w(", ")
			}
			s.operand(a, colRef)
		}
		s.w(")")
	case CastExpr:
		t := strings.TrimSpace(x.Type)
		if !castPattern.MatchString(t) {
			s.failf("invalid cast type %q: not one of the allowed cast types", x.Type)
			return
		}
		s.w("CAST(")
		s.operand(x.Value, colRef)
		s.w(" AS ").w(strings.ToUpper(t)).w(")")
	case JSONExpr:
		colRef(s, x.Path)
	case distinctExpr:
		s.w("DISTINCT ")
		s.operand(x.e, colRef)
	case CondExpr:
		s.failf("a condition (Cond) cannot be used as a value")
	default:
		s.failf("unsupported expression %T", e)
	}
}

// operand writes an expression, or binds a plain value.
func (s *sqlb) operand(v any, colRef func(s *sqlb, name string)) {
	if e, ok := v.(Expr); ok {
		s.expr(e, colRef)
		return
	}
	s.arg(v)
}
