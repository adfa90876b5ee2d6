package sequelize

import (
	"database/sql/driver"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/gosequelize/sequelize/op"
)

// Where is a condition on a model's attributes (Sequelize's where object):
// each key is an attribute name and each value one of
//
//   - a value: attr = value;
//   - nil: attr IS NULL;
//   - a slice (other than []byte): attr IN (...);
//   - an operator from package op: op.Gt(5), op.Like("a%"), op.Or(1, op.Gt(10)), ...;
//   - an expression: Col, Fn, Literal, Cast.
//
// Keys combine with AND, rendered in sorted order so that the same Where
// always gives the same SQL. A key "attr.path.to.key" on a JSON attribute
// compares the value at that path; a nested Where as the value of a JSON
// attribute does the same for each leaf. An unknown attribute is an error.
// Conditions combine with op.And, op.Or and op.Not, which also accept
// Literal and Cond expressions.
type Where map[string]any

// whereCtx compiles conditions for one model.
type whereCtx struct {
	db      *DB
	m       *modelMeta
	alias   string     // table alias to qualify columns with; "" for none
	curAttr *attribute // the attribute whose operators op.And/op.Or combine
}

// colRef writes the column of an attribute (or a JSON path inside one).
func (c *whereCtx) colRef(s *sqlb, name string) {
	a, path := c.resolve(name)
	if a == nil {
		s.failf("unknown attribute %q in a query of model %s", name, c.m.name)
		return
	}
	c.writeCol(s, a, path)
}

// writeLive writes the condition that a paranoid model's deletedAt a
// marks a row that is not soft-deleted: IS NULL, or, when the attribute
// has a default value (Sequelize's custom deletedAt default), = that value.
func (c *whereCtx) writeLive(s *sqlb, a *attribute) {
	c.writeCol(s, a, nil)
	if a.defaultValue == nil {
		s.w(" IS NULL")
		return
	}
	v, err := bindValue(c.db, a, a.defaultValue)
	if err != nil {
		s.fail(err)
		return
	}
	s.w(" = ").arg(v)
}

func (c *whereCtx) writeCol(s *sqlb, a *attribute, path []string) {
	if len(path) == 0 {
		if c.alias != "" {
			s.id(c.alias).w(".")
		}
		s.id(a.field)
		return
	}
	c.writeJSON(s, a, path, false)
}

// writeJSON writes the extraction of the value at path inside JSON
// attribute a: as text, or, when asBool, as a boolean expression that
// compares with a bound bool (see dialect.JSONBool).
func (c *whereCtx) writeJSON(s *sqlb, a *attribute, path []string, asBool bool) {
	col := newSQLB(c.db)
	c.writeCol(col, a, nil)
	expr, arg, ok := c.db.dialect.JSONPath(col.String(), path)
	if !ok {
		s.failf("%s cannot query inside JSON attribute %s", c.db.dialect.Name(), a.name)
		return
	}
	if asBool {
		expr = c.db.dialect.JSONBool(expr)
	}
	i := strings.LastIndexByte(expr, '?')
	s.w(expr[:i]).arg(arg).w(expr[i+1:])
}

// jsonBoolLeaf reports whether v, the value of a JSON leaf in a where,
// compares with a bool: a bool, or an eq, ne, not or is of one.
func jsonBoolLeaf(v any) bool {
	switch x := v.(type) {
	case bool:
		return true
	case op.Op:
		switch x.Name {
		case "eq", "ne", "not", "is":
			_, ok := x.Value.(bool)
			return ok
		}
	}
	return false
}

// resolve finds an attribute by name, or by "attr.path" for JSON paths.
func (c *whereCtx) resolve(name string) (*attribute, []string) {
	if a := c.m.byName[name]; a != nil {
		return a, nil
	}
	if head, rest, ok := strings.Cut(name, "."); ok {
		if a := c.m.byName[head]; a != nil && isJSONType(a) {
			return a, strings.Split(rest, ".")
		}
		// "Model.attr": the attribute qualified by the model's name, the
		// alias its table has in the query (Sequelize's col('Model.attr')).
		if head == c.m.name && (c.alias == "" || c.alias == head) {
			if a := c.m.byName[rest]; a != nil {
				return a, nil
			}
		}
	}
	return nil, nil
}

func isJSONType(a *attribute) bool {
	k := a.typ.Key()
	return k == "JSON" || k == "JSONB"
}

// cond writes a whole condition.
func (c *whereCtx) cond(s *sqlb, w any) {
	switch v := w.(type) {
	case nil:
		s.w("1 = 1")
	case Where:
		c.where(s, v)
	case map[string]any:
		c.where(s, Where(v))
	case op.Op:
		c.combinator(s, v, nil)
	case []Where:
		parts := make([]any, len(v))
		for i := range v {
			parts[i] = v[i]
		}
		c.join(s, "AND", parts, nil)
	case []any:
		c.join(s, "AND", v, nil)
	case LiteralExpr:
		s.w("(").w(v.SQL).w(")")
	case CondExpr:
		lhs := func() { s.expr(v.Left, c.colRef) }
		if _, isExpr := v.Left.(Expr); !isExpr {
			s.failf("the left side of Cond must be an expression (Col, Fn, Literal, Cast, JSON), not %T", v.Left)
			return
		}
		c.value(s, lhs, nil, v.Right)
	default:
		s.failf("unsupported where condition %T: use sequelize.Where, an op.And/op.Or/op.Not, Literal or Cond", w)
	}
}

func (c *whereCtx) where(s *sqlb, w Where) {
	if len(w) == 0 {
		s.w("1 = 1")
		return
	}
	keys := make([]string, 0, len(w))
	for k := range w {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if len(keys) > 1 {
		s.w("(")
	}
	for i, k := range keys {
		if i > 0 {
			s.w(" AND ")
		}
		c.attrCond(s, k, w[k])
	}
	if len(keys) > 1 {
		s.w(")")
	}
}

// combinator writes op.And, op.Or and op.Not at condition level; attr is
// set when they combine one attribute's operators.
func (c *whereCtx) combinator(s *sqlb, o op.Op, attrLHS func()) {
	switch o.Name {
	case "and", "or":
		parts, _ := o.Value.([]any)
		c.join(s, strings.ToUpper(o.Name), parts, attrLHS)
	case "not":
		s.w("NOT (")
		c.cond(s, o.Value)
		s.w(")")
	default:
		s.failf("operator %s needs an attribute: write Where{\"attr\": op.%s(...)}", o.Name, strings.ToUpper(o.Name[:1])+o.Name[1:])
	}
}

// join writes parts joined by AND or OR. Empty AND is true; empty OR is
// false, as in Sequelize.
func (c *whereCtx) join(s *sqlb, kw string, parts []any, attrLHS func()) {
	if len(parts) == 0 {
		if kw == "OR" {
			s.w("0 = 1")
		} else {
			s.w("1 = 1")
		}
		return
	}
	s.w("(")
	for i, p := range parts {
		if i > 0 {
			s.w(" ").w(kw).w(" ")
		}
		if attrLHS != nil {
			c.value(s, attrLHS, c.curAttr, p)
		} else {
			c.cond(s, p)
		}
	}
	s.w(")")
}

func (c *whereCtx) attrCond(s *sqlb, key string, v any) {
	if len(key) > 2 && key[0] == '$' && key[len(key)-1] == '$' {
		c.nestedCond(s, key, v)
		return
	}
	a, path := c.resolve(key)
	if a == nil {
		s.failf("unknown attribute %q in the where of model %s (attributes: %s)", key, c.m.name, strings.Join(attrNames(c.m), ", "))
		return
	}
	if nested, ok := v.(Where); ok && isJSONType(a) {
		c.jsonLeaves(s, a, path, nested)
		return
	}
	if nested, ok := v.(map[string]any); ok && isJSONType(a) {
		c.jsonLeaves(s, a, path, Where(nested))
		return
	}
	lhs := func() { c.writeCol(s, a, path) }
	if len(path) > 0 && jsonBoolLeaf(v) {
		lhs = func() { c.writeJSON(s, a, path, true) }
	}
	prev := c.curAttr
	c.curAttr = a
	if len(path) > 0 {
		c.curAttr = nil // JSON leaves are bound as plain values
	}
	c.value(s, lhs, c.curAttr, v)
	c.curAttr = prev
}

// jsonLeaves compares each leaf of a nested Where inside a JSON attribute.
func (c *whereCtx) jsonLeaves(s *sqlb, a *attribute, path []string, w Where) {
	keys := make([]string, 0, len(w))
	for k := range w {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	s.w("(")
	for i, k := range keys {
		if i > 0 {
			s.w(" AND ")
		}
		p := append(slices.Clone(path), strings.Split(k, ".")...)
		if nested, ok := w[k].(Where); ok {
			c.jsonLeaves(s, a, p, nested)
			continue
		}
		if nested, ok := w[k].(map[string]any); ok {
			c.jsonLeaves(s, a, p, Where(nested))
			continue
		}
		asBool := jsonBoolLeaf(w[k])
		c.value(s, func() { c.writeJSON(s, a, p, asBool) }, nil, w[k])
	}
	s.w(")")
}

func attrNames(m *modelMeta) []string {
	out := make([]string, len(m.attrs))
	for i, a := range m.attrs {
		out[i] = a.name
	}
	return out
}

// bindFor converts a Go value for attr's column, or returns it unchanged
// for conditions on expressions.
func (c *whereCtx) bindFor(s *sqlb, a *attribute, v any) any {
	if a == nil {
		return v
	}
	bv, err := bindValue(c.db, a, v)
	if err != nil {
		s.fail(errValue(c.m, a, v, err))
	}
	return bv
}

// isList reports whether v is a list for IN: a slice or array other than
// bytes, that does not encode itself as one value.
func isList(v any) bool {
	if v == nil {
		return false
	}
	if _, ok := v.(driver.Valuer); ok {
		return false
	}
	rv := reflect.ValueOf(v)
	return (rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array) && rv.Type().Elem().Kind() != reflect.Uint8
}

func toList(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	rv := reflect.ValueOf(v)
	out := make([]any, rv.Len())
	for i := range out {
		out[i] = rv.Index(i).Interface()
	}
	return out
}

// value writes "lhs <comparison>" for one value or operator.
func (c *whereCtx) value(s *sqlb, lhs func(), a *attribute, v any) {
	switch x := v.(type) {
	case nil:
		lhs()
		s.w(" IS NULL")
		return
	case op.Op:
		c.operator(s, lhs, a, x)
		return
	case Expr:
		lhs()
		s.w(" = ")
		s.expr(x, c.colRef)
		return
	}
	if isList(v) && (a == nil || a.typ.Key() != "ARRAY") {
		c.operator(s, lhs, a, op.In(v))
		return
	}
	lhs()
	s.w(" = ").arg(c.bindFor(s, a, v))
}

var comparisons = map[string]string{"eq": "=", "ne": "!=", "gt": ">", "gte": ">=", "lt": "<", "lte": "<=",
	"like": "LIKE", "notLike": "NOT LIKE"}

// likeEscaper escapes LIKE wildcards with '!' (valid on every dialect,
// unlike a backslash, which MySQL strings would eat).
var likeEscaper = strings.NewReplacer("!", "!!", "%", "!%", "_", "!_")

func (c *whereCtx) operator(s *sqlb, lhs func(), a *attribute, o op.Op) {
	switch o.Name {
	case "and", "or":
		c.curAttr = a
		c.combinator(s, o, lhs)
		return
	case "not":
		switch x := o.Value.(type) {
		case nil:
			lhs()
			s.w(" IS NOT NULL")
		case bool:
			lhs()
			if x {
				s.w(" IS NOT TRUE")
			} else {
				s.w(" IS NOT FALSE")
			}
		case op.Op:
			s.w("NOT (")
			c.operator(s, lhs, a, x)
			s.w(")")
		case Where, map[string]any, LiteralExpr, CondExpr:
			s.w("NOT (")
			c.cond(s, x)
			s.w(")")
		default:
			if isList(x) {
				c.operator(s, lhs, a, op.NotIn(x))
				return
			}
			c.operator(s, lhs, a, op.Ne(x))
		}
		return
	case "eq", "ne":
		if o.Value == nil {
			lhs()
			if o.Name == "eq" {
				s.w(" IS NULL")
			} else {
				s.w(" IS NOT NULL")
			}
			return
		}
	case "is":
		lhs()
		switch o.Value {
		case nil:
			s.w(" IS NULL")
		case true:
			s.w(" IS TRUE")
		case false:
			s.w(" IS FALSE")
		default:
			s.failf("op.Is takes nil, true or false, not %v", o.Value)
		}
		return
	case "between", "notBetween":
		pair, _ := o.Value.([]any)
		lhs()
		if o.Name == "notBetween" {
			s.w(" NOT")
		}
		s.w(" BETWEEN ")
		s.operand(c.bindFor(s, a, pair[0]), c.colRef)
		s.w(" AND ")
		s.operand(c.bindFor(s, a, pair[1]), c.colRef)
		return
	case "in", "notIn":
		if lit, ok := o.Value.(LiteralExpr); ok {
			lhs()
			if o.Name == "notIn" {
				s.w(" NOT")
			}
			s.w(" IN (").w(lit.SQL).w(")")
			return
		}
		items := toList(o.Value)
		if len(items) == 0 {
			if o.Name == "in" {
				s.w("0 = 1")
			} else {
				s.w("1 = 1")
			}
			return
		}
		lhs()
		if o.Name == "notIn" {
			s.w(" NOT")
		}
		s.w(" IN (")
		for i, it := range items {
			if i > 0 {
				s.w(", ")
			}
			s.operand(c.bindFor(s, a, it), c.colRef)
		}
		s.w(")")
		return
	case "startsWith", "endsWith", "substring":
		str, _ := o.Value.(string)
		str = likeEscaper.Replace(str)
		switch o.Name {
		case "startsWith":
			str += "%"
		case "endsWith":
			str = "%" + str
		default:
			str = "%" + str + "%"
		}
		lhs()
		s.w(" LIKE ").arg(str).w(" ESCAPE '!'")
		return
	case "col":
		name, _ := o.Value.(string)
		lhs()
		s.w(" = ")
		c.colRef(s, name)
		return
	}
	sqlOp, portable := comparisons[o.Name]
	if !portable {
		var ok bool
		sqlOp, ok = c.db.dialect.Operator(o.Name)
		if !ok {
			s.failf("operator %s is not supported by %s", o.Name, c.db.dialect.Name())
			return
		}
	}
	if o.Name == "any" || o.Name == "all" {
		lhs()
		s.w(" = ").w(sqlOp).w(" (").arg(toList(o.Value)).w(")")
		return
	}
	lhs()
	s.w(" ").w(sqlOp).w(" ")
	if inner, ok := o.Value.(op.Op); ok && (inner.Name == "any" || inner.Name == "all") {
		kw, ok := c.db.dialect.Operator(inner.Name)
		if !ok {
			s.failf("operator %s is not supported by %s", inner.Name, c.db.dialect.Name())
			return
		}
		s.w(kw).w(" (").arg(toList(inner.Value)).w(")")
		return
	}
	switch o.Name {
	case "like", "notLike", "iLike", "notILike", "regexp", "notRegexp", "iRegexp", "notIRegexp", "match":
		s.operand(o.Value, c.colRef) // patterns are text, not the attribute's type
	default:
		s.operand(c.bindFor(s, a, o.Value), c.colRef)
	}
}

// compileWhere renders w for m, qualified by alias, and returns the error.
func compileWhere(s *sqlb, db *DB, m *modelMeta, alias string, w any) {
	c := &whereCtx{db: db, m: m, alias: alias}
	c.cond(s, w)
}

// errUnknownAttr reports an unknown attribute.
func errUnknownAttr(m *modelMeta, name string) error {
	return &QueryError{newBase("SequelizeQueryError", fmt.Sprintf("unknown attribute %q of model %s", name, m.name), nil)}
}

// nestedCond compiles a "$alias.attr$" (or "$a.b.attr$") key: a condition
// on an associated model's column, as Sequelize allows in a top-level
// where. It becomes EXISTS (associated rows matching it), which keeps it
// right under Limit (the rows counted are this model's) and inside op.Or.
func (c *whereCtx) nestedCond(s *sqlb, key string, v any) {
	parts := strings.Split(key[1:len(key)-1], ".")
	if len(parts) < 2 {
		s.failf("%s: a nested reference is $alias.attribute$", key)
		return
	}
	assocs := c.m.assocs
	var chain []Association
	for _, alias := range parts[:len(parts)-1] {
		a, ok := assocs[alias]
		if !ok {
			s.failf("%s: there is no association %q (on %s)", key, alias, c.m.name)
			return
		}
		chain = append(chain, a)
		assocs = a.targetAssociations()
	}
	inc := Include{Association: chain[len(chain)-1], Where: Where{parts[len(parts)-1]: v}, Required: Bool(true)}
	for i := len(chain) - 2; i >= 0; i-- {
		inc = Include{Association: chain[i], Include: []Include{inc}, Required: Bool(true)}
	}
	parent := c.alias
	if parent == "" {
		parent = c.m.table
	}
	inc.Association.exists(s, parent, &inc)
}
