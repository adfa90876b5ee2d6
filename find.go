package sequelize

import (
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gosequelize/sequelize/datatypes"
	"github.com/gosequelize/sequelize/dialect"
	"github.com/gosequelize/sequelize/op"
)

// LockMode is a row lock for FindOptions.Lock (Sequelize's Transaction.LOCK).
type LockMode string

// The row locks. PostgreSQL has all four; MySQL and MariaDB have
// LockUpdate and LockShare; SQLite needs none (its transactions serialise
// writers) and ignores them, as Sequelize does.
const (
	LockUpdate      LockMode = "UPDATE"
	LockShare       LockMode = "SHARE"
	LockKeyShare    LockMode = "KEY SHARE"
	LockNoKeyUpdate LockMode = "NO KEY UPDATE"
)

// Order is an ORDER BY list (Sequelize's order): each item is an attribute
// name or an expression, optionally followed by a direction: "ASC",
// "DESC", "ASC NULLS FIRST", "DESC NULLS LAST", "NULLS FIRST", "NULLS LAST".
//
//	sequelize.Order{{"createdAt", "DESC"}, {"id"}}
//	sequelize.Order{{sequelize.Fn("lower", sequelize.Col("name")), "ASC"}}
//
// An item may also start with a path of associations, each one of the
// previous target's, and, after a BelongsToMany, its through model:
// [association..., (through model,) attribute, direction?]. A parent row
// is ordered by the value of its associated rows that sorts first in the
// item's direction (for a to-many association the smallest, or the
// largest with DESC, NULLs where the dialect sorts them): where its first
// row sorts in Sequelize's join. The values are those of the rows the
// find's Include of the association loads (its Where, Paranoid, Through
// and required nested includes filter them), or of all the associated
// rows when the association is not included; a parent without any sorts
// as NULL. A Limit keeps the first parents in this order (Sequelize
// limits its subquery by the model's own attributes only). The rows of an
// included association the item starts with are sorted by the rest of
// the item, before the include's own Order, as Sequelize's one ORDER BY
// sorts them:
//
//	sequelize.Order{{countries, people, "lastName", "DESC"}}
//	sequelize.Order{{industries, industryCountry, "numYears"}}
type Order [][]any

// ExcludeAttrs marks an Attributes list as "every attribute but these"; see
// Exclude.
type ExcludeAttrs []string

// AsExpr selects an expression (or attribute) under an alias; see As.
type AsExpr struct {
	Expr  any
	Alias string
}

// Exclude selects every attribute except names (Sequelize's attributes:
// {exclude: [...]}); other items of the same Attributes list are added to
// them (attributes: {include: [...]}).
func Exclude(names ...string) ExcludeAttrs { return ExcludeAttrs(names) }

// As selects expr, an attribute name or an expression, under alias
// (Sequelize's [expr, 'alias']). An alias that names an attribute fills
// that attribute's struct field. Other aliased values have no field:
// unlike Sequelize, which keeps them in dataValues, FindAll and FindOne
// refuse them with a *QueryError rather than drop them; read them with
// FindAllRaw, or with Aggregate.
func As(expr any, alias string) AsExpr { return AsExpr{Expr: expr, Alias: alias} }

// FindOptions are Sequelize's finder options.
type FindOptions struct {
	// Where filters the rows; see Where.
	Where any
	// Attributes picks the attributes to read: names, As(expr, alias), or
	// Exclude(...) plus extras. Default: every attribute. Reading into
	// structs, an alias must name an attribute (see As). A VIRTUAL
	// attribute selects the attributes it depends on (VIRTUAL(type,
	// fields...)). With Include, the primary key is added, as Sequelize
	// adds it to a find with includes (and to an Include's Attributes),
	// and kept in the rows returned (unlike Sequelize, which leaves it out
	// of the instance's values), so that Save and Reload find the row;
	// the other keys the includes load by (foreign keys) are read and
	// zeroed in the rows returned, as Sequelize's joins do not select
	// them. A nil list means every attribute; an empty non-nil list is a
	// *QueryError, returned before any SQL is sent (Sequelize sends a
	// SELECT with no columns, which the database refuses); only an
	// Include's empty Attributes has a meaning (filter by the association
	// without reading it).
	Attributes []any
	// Order sorts the rows.
	Order Order
	// Group is GROUP BY: attribute names or expressions.
	Group []any
	// Having filters groups, with the syntax of Where (expressions via Cond).
	Having any
	// Limit and Offset page the rows (0: none).
	Limit, Offset int
	// Lock locks the rows read (in a transaction).
	Lock LockMode
	// SkipLocked skips rows locked by others (PostgreSQL, MySQL 8, MariaDB 10.6).
	SkipLocked bool
	// Raw returns plain structs that are not tracked: as Sequelize's raw
	// objects, they are not instances (Save inserts them as new rows).
	// It saves the per-row snapshot.
	Raw bool
	// Paranoid, for paranoid models, excludes soft-deleted rows (default
	// true; Bool(false) includes them).
	Paranoid *bool
	// RejectOnEmpty makes FindOne and FindByPK return an *EmptyResultError
	// when nothing matches (and FindAll and FindAndCountAll when they find
	// no rows), with Bool(true). Unset (nil), ModelOptions.RejectOnEmpty
	// decides; Bool(false) turns the model's default off for this find, as
	// Sequelize's rejectOnEmpty: false.
	RejectOnEmpty *bool
	// Transaction runs the query in this transaction instead of the one
	// carried by the context.
	Transaction *Tx
	// Logging overrides the DB's logger for this query.
	Logging *slog.Logger
	// Include eager-loads associations (Sequelize's include): one query per
	// include level, whatever the number of rows, never a JOIN, so the
	// included models' columns are not in this query's SELECT (Order takes
	// [association, attribute] for a to-one association, Where takes
	// "$alias.attribute$"). A required include (or
	// one with a Where) keeps only the rows that have matching associated
	// rows, and Limit still counts this model's rows.
	Include []Include
	// Through shapes the junction rows of a BelongsToManyAssociation's Get
	// (Sequelize's through.where, through.paranoid and
	// joinTableAttributes); any other find refuses it.
	Through ThroughOptions
	// Scope, for an association's Get, applies these scopes of the target
	// model instead of its default scope, as Model.Scope does; an empty
	// non-nil slice applies none (Sequelize's getX({scope: 'name'}) and
	// {scope: false}). Any other find refuses it: use Model.Scope.
	Scope []any

	via       *throughJoin // BelongsToMany: join the through table, select its source key
	perParent *perParent   // an include's per-parent Limit
	aggregate bool         // rows as maps, includes only filter: select no include keys
	internal  bool         // a read the library makes for itself: ModelOptions.RejectOnEmpty does not apply
	match     *matchKey    // an include's rows: the key they are matched to their parents by
	hidden    []*attribute // keys read only to load includes, zeroed afterwards
}

// matchKey records, row by row, the value of the attribute an include's
// rows are matched to their parents by: the loader reads it here, since the
// field itself is zeroed when Attributes leave it out.
type matchKey struct {
	attr *attribute
	vals []any
}

// perParent limits rows per value of attr with a window function.
type perParent struct {
	attr string
	n    int
}

// expandAll replaces each Include{All: true} with one Include per
// association of m that has a struct field for its rows (of AllTypes, when
// set), sorted by alias, skipping the associations another include of the
// list names, as Sequelize's include all does.
func expandAll(m *modelMeta, includes []Include) ([]Include, error) {
	named := map[Association]bool{}
	for _, inc := range includes {
		if !inc.All {
			named[inc.Association] = true
		} else if inc.Association != nil || inc.Where != nil || len(inc.Include) > 0 {
			return nil, &EagerLoadingError{newBase("SequelizeEagerLoadingError", "Include{All: true} takes no Association, Where or nested Include", nil)}
		}
	}
	var out []Include
	for _, inc := range includes {
		if !inc.All {
			if len(inc.AllTypes) > 0 || inc.Nested {
				return nil, &EagerLoadingError{newBase("SequelizeEagerLoadingError", "Include.AllTypes and Include.Nested go with All", nil)}
			}
			out = append(out, inc)
			continue
		}
		out = append(out, expandAllOf(m.assocs, inc, named, []string{m.name})...)
		for _, x := range out {
			named[x.Association] = true
		}
	}
	return out, nil
}

// expandAllOf returns the includes inc (an All include) makes of the
// associations assocs, those of the model at the end of path.
func expandAllOf(assocs map[string]Association, inc Include, skip map[Association]bool, path []string) []Include {
	aliases := make([]string, 0, len(assocs))
	for a := range assocs {
		aliases = append(aliases, a)
	}
	slices.Sort(aliases)
	var out []Include
	for _, alias := range aliases {
		a := assocs[alias]
		if !a.hasField() || skip[a] || len(inc.AllTypes) > 0 && !slices.Contains(inc.AllTypes, a.Type()) {
			continue
		}
		if inc.Nested && slices.Contains(path, a.TargetName()) {
			continue
		}
		child := inc
		child.Association, child.All, child.AllTypes, child.Nested, child.Include = a, false, nil, false, nil
		if a.Type() != BelongsToManyType {
			child.Through = ThroughOptions{}
		}
		if inc.Nested {
			child.Include = expandAllOf(a.targetAssociations(), inc, nil, append(slices.Clone(path), a.TargetName()))
		}
		out = append(out, child)
	}
	return out
}

// throughJoin joins a BelongsToMany through table to the target's SELECT
// and selects the through row's source key, for stitching.
type throughJoin struct {
	through  *modelMeta
	alias    string
	fk       *attribute // through column referring to the source
	other    *attribute // through column referring to the target
	key      *attribute // target attribute other refers to
	keys     []any      // source keys to load
	scope    Values
	where    any
	paranoid bool
	noSource bool         // an aggregate: select no source key or junction columns
	field    []int        // the target's field receiving the junction row, or nil
	attrs    []*attribute // the junction attributes read into it
	sources  []any        // out: the source key of each returned row
}

// selectPlan is a compiled SELECT: its SQL, arguments and the attributes
// each result column fills.
type selectPlan struct {
	sql   string
	args  []any
	attrs []*attribute // per column; nil for expression columns
	names []string     // per column: attribute name or alias
	// thrStart is the first of the junction columns a BelongsToMany read
	// selects (FindOptions.via.attrs).
	thrStart int
	// unread are the aliases of selected expressions that name no
	// attribute with a struct field: rows as maps carry them, structs
	// cannot, so reading into structs refuses them.
	unread []string
}

func (md *modelCore) paranoidOn(p *bool) bool {
	return md.m.deletedAt != nil && (p == nil || *p)
}

// buildSelect compiles a SELECT for o.
func (md *modelCore) buildSelect(o *FindOptions, limitOne bool) (*selectPlan, error) {
	if o.via == nil && o.Through.set() {
		return nil, errQuery("FindOptions.Through is for a BelongsToManyAssociation's Get")
	}
	if o.Scope != nil {
		return nil, &QueryError{newBase("SequelizeQueryError", "FindOptions.Scope is for an association's Get; scope a model with Model.Scope", nil)}
	}
	m := md.m
	s := newSQLB(md.db)
	c := &whereCtx{db: md.db, m: m, alias: m.name}
	plan := &selectPlan{}
	if o.Include != nil {
		var err error
		if o.Include, err = expandAll(m, o.Include); err != nil {
			return nil, err
		}
	}
	if err := md.checkIncludes(o.Include); err != nil {
		return nil, err
	}
	pushOrder(o)
	s.w("SELECT ")
	cols, err := md.selectColumns(o.Attributes)
	if err != nil {
		return nil, err
	}
	o.hidden = nil
	if len(o.Attributes) > 0 && !o.aggregate {
		// The includes load by these keys, and an include's rows are
		// matched to their parents by o.match's: read them. Primary keys
		// stay in the rows; the others are read for loading only and
		// zeroed in the rows returned (see run), as Sequelize's joins do
		// not select them.
		var need []*attribute
		if len(o.Include) > 0 || o.match != nil {
			// Sequelize adds the primary key to a find with includes and
			// to an include's attributes.
			need = append(need, m.pks...)
		}
		for i := range o.Include {
			inc := &o.Include[i]
			if inc.Attributes != nil && len(inc.Attributes) == 0 {
				continue // filter only
			}
			need = append(need, inc.Association.parentKey())
		}
		if o.match != nil {
			need = append(need, o.match.attr)
		}
		for _, k := range need {
			// The association holds the attribute of the version it was
			// made on: select this version's.
			if cur := m.byName[k.name]; cur != nil {
				k = cur
			}
			if slices.ContainsFunc(cols, func(c selectCol) bool { return c.attr == k }) || slices.Contains(o.hidden, k) {
				continue
			}
			if k.primaryKey {
				cols = append(cols, selectCol{attr: k, name: k.name})
			} else {
				o.hidden = append(o.hidden, k)
			}
		}
	}
	for i, col := range cols {
		if i > 0 {
			s.w(", ")
		}
		if col.attr != nil {
			c.writeCol(s, col.attr, nil)
			if col.name != col.attr.field {
				s.w(" AS ").id(col.name)
			}
			plan.attrs = append(plan.attrs, col.attr)
		} else {
			s.expr(col.expr, c.colRef)
			s.w(" AS ").id(col.name)
			// An alias naming an attribute fills that attribute's field,
			// as Sequelize sets dataValues[alias]; another alias has no
			// field (see selectPlan.unread).
			into := m.byName[col.name]
			if into == nil || into.goIndex == nil {
				plan.unread = append(plan.unread, col.name)
				into = nil
			}
			plan.attrs = append(plan.attrs, into)
		}
		plan.names = append(plan.names, col.name)
	}
	for _, a := range o.hidden {
		s.w(", ")
		c.writeCol(s, a, nil)
		plan.attrs = append(plan.attrs, a)
		plan.names = append(plan.names, a.name)
	}
	if v := o.via; v != nil && !v.noSource {
		plan.thrStart = len(plan.attrs)
		for _, a := range v.attrs {
			s.w(", ").id(v.alias).w(".").id(a.field).w(" AS ").id(v.through.name + "." + a.name)
			plan.attrs = append(plan.attrs, nil)
			plan.names = append(plan.names, v.through.name+"."+a.name)
		}
		s.w(", ").id(v.alias).w(".").id(v.fk.field).w(" AS ").id("__source")
		plan.attrs = append(plan.attrs, nil)
		plan.names = append(plan.names, "__source")
	}
	if pp := o.perParent; pp != nil {
		s.w(", ROW_NUMBER() OVER (PARTITION BY ")
		c.colRef(s, pp.attr)
		order := o.Order
		if len(order) == 0 {
			for _, pk := range m.pks {
				order = append(order, []any{pk.name})
			}
		}
		md.writeOrder(s, c, order, nil, o.Include)
		s.w(") AS ").id("__rn")
		plan.attrs = append(plan.attrs, nil)
		plan.names = append(plan.names, "__rn")
	}
	s.w(" FROM ").table(m.schema, m.table).w(" AS ").id(m.name)
	if v := o.via; v != nil {
		tc := &whereCtx{db: md.db, m: v.through, alias: v.alias}
		s.w(" INNER JOIN ").table(v.through.schema, v.through.table).w(" AS ").id(v.alias).w(" ON ")
		tc.writeCol(s, v.other, nil)
		s.w(" = ")
		c.writeCol(s, v.key, nil)
		s.w(" AND ")
		tc.cond(s, Where{v.fk.name: v.keys})
		if len(v.scope) > 0 {
			s.w(" AND ")
			tc.cond(s, Where(v.scope))
		}
		if v.where != nil {
			s.w(" AND ")
			tc.cond(s, v.where)
		}
		if v.paranoid && v.through.deletedAt != nil {
			s.w(" AND ")
			tc.writeLive(s, v.through.deletedAt)
		}
	}
	md.writeWhere(s, c, o.Where, md.paranoidOn(o.Paranoid), o.Include...)
	if len(o.Group) > 0 {
		s.w(" GROUP BY ")
		for i, g := range o.Group {
			if i > 0 {
				s.w(", ")
			}
			md.writeRef(s, c, g)
		}
	}
	if o.Having != nil {
		s.w(" HAVING ")
		c.cond(s, o.Having)
	}
	md.writeOrder(s, c, o.Order, o.via, o.Include)
	limit := o.Limit
	if limitOne {
		limit = 1
	}
	md.writeLimit(s, limit, o.Offset)
	if o.Lock != "" {
		lock, err := md.db.dialect.Lock(string(o.Lock), o.SkipLocked)
		if err != nil {
			return nil, errQueryWrap(err, "Lock")
		}
		if lock != "" {
			s.w(" ").w(lock)
		}
	} else if o.SkipLocked {
		return nil, errQuery("SkipLocked needs a Lock")
	}
	if s.err != nil {
		return nil, s.err
	}
	plan.sql, plan.args = s.String(), s.args
	if o.perParent != nil {
		w := newSQLB(md.db)
		w.w("SELECT * FROM (").w(plan.sql).w(") AS ").id(m.name).w(" WHERE ").id("__rn").w(" <= ").w(strconv.Itoa(o.perParent.n)).w(" ORDER BY ").id("__rn")
		plan.sql = w.String()
	}
	return plan, nil
}

type selectCol struct {
	attr *attribute
	expr any
	name string
}

func (md *modelCore) selectColumns(list []any) ([]selectCol, error) {
	m := md.m
	all := func(except []string) []selectCol {
		var out []selectCol
		for _, a := range m.attrs {
			if !contains(except, a.name) {
				out = append(out, selectCol{attr: a, name: a.name})
			}
		}
		return out
	}
	if list == nil {
		return all(nil), nil
	}
	if len(list) == 0 {
		// Sequelize sends "SELECT  FROM" and fails in the database.
		return nil, &QueryError{newBase("SequelizeQueryError", "attempted a SELECT query for model "+m.name+" without selecting any columns: Attributes is empty (leave it nil to read every attribute)", nil)}
	}
	var cols []selectCol
	for _, it := range list {
		if ex, ok := it.(ExcludeAttrs); ok {
			for _, n := range ex {
				if m.byName[n] == nil {
					return nil, errUnknownAttr(m, n)
				}
			}
			cols = append(all(ex), cols...)
		}
	}
	for _, it := range list {
		switch x := it.(type) {
		case ExcludeAttrs:
		case string:
			a := m.byName[x]
			if a == nil {
				v := m.virtual(x)
				if v == nil {
					return nil, errUnknownAttr(m, x)
				}
				// A VIRTUAL attribute is no column: select the attributes
				// its getter needs (VIRTUAL(type, fields...)).
				vt, _ := v.typ.(datatypes.VirtualType)
				for _, dep := range vt.Fields() {
					d := m.byName[dep]
					if d == nil {
						return nil, &QueryError{newBase("SequelizeQueryError", fmt.Sprintf("%s.%s: the VIRTUAL attribute depends on %q, which is not an attribute", m.name, v.name, dep), nil)}
					}
					if !slices.ContainsFunc(cols, func(c selectCol) bool { return c.attr == d }) {
						cols = append(cols, selectCol{attr: d, name: d.name})
					}
				}
				continue
			}
			if slices.ContainsFunc(cols, func(c selectCol) bool { return c.attr == a }) {
				continue // named twice, or by Exclude's complement too
			}
			cols = append(cols, selectCol{attr: a, name: a.name})
		case AsExpr:
			if name, ok := x.Expr.(string); ok {
				a := m.byName[name]
				if a == nil {
					return nil, errUnknownAttr(m, name)
				}
				cols = append(cols, selectCol{expr: Col(name), name: x.Alias})
				continue
			}
			cols = append(cols, selectCol{expr: x.Expr, name: x.Alias})
		case Expr:
			return nil, &QueryError{newBase("SequelizeQueryError", fmt.Sprintf("attribute expression %T needs an alias: use sequelize.As(expr, \"alias\")", x), nil)}
		default:
			return nil, &QueryError{newBase("SequelizeQueryError", fmt.Sprintf("invalid attribute %v (%T): use a name, sequelize.As or sequelize.Exclude", it, it), nil)}
		}
	}
	if len(cols) == 0 {
		return nil, &QueryError{newBase("SequelizeQueryError", "attempted a SELECT query for model "+m.name+" without selecting any columns", nil)}
	}
	return cols, nil
}

// writeWhere writes the WHERE clause: the paranoid filter and the user's
// condition.
func (md *modelCore) writeWhere(s *sqlb, c *whereCtx, w any, paranoid bool, includes ...Include) {
	required := false
	for i := range includes {
		required = required || includes[i].Association != nil && includes[i].required()
	}
	if !paranoid && w == nil && !required {
		return
	}
	s.w(" WHERE ")
	and := false
	if paranoid {
		c.writeLive(s, md.m.deletedAt)
		and = true
	}
	if w != nil {
		if and {
			s.w(" AND ")
		}
		c.cond(s, w)
		and = true
	}
	if required {
		if and {
			s.w(" AND ")
		}
		writeRequired(s, c.alias, includes)
	}
}

// writeRef writes an attribute name or an expression.
func (md *modelCore) writeRef(s *sqlb, c *whereCtx, v any) {
	switch x := v.(type) {
	case string:
		c.colRef(s, x)
	case Expr:
		s.expr(x, c.colRef)
	default:
		s.failf("invalid reference %v (%T): use an attribute name or an expression", v, v)
	}
}

var directions = map[string]bool{"ASC": true, "DESC": true, "ASC NULLS FIRST": true, "ASC NULLS LAST": true,
	"DESC NULLS FIRST": true, "DESC NULLS LAST": true, "NULLS FIRST": true, "NULLS LAST": true}

// writeOrder writes the ORDER BY clause; via is the junction a
// BelongsToMany read joins (else nil), includes the find's includes, whose
// filters an item on an association's values applies.
func (md *modelCore) writeOrder(s *sqlb, c *whereCtx, order Order, via *throughJoin, includes []Include) {
	if len(order) == 0 {
		return
	}
	s.w(" ORDER BY ")
	for i, item := range order {
		if i > 0 {
			s.w(", ")
		}
		if len(item) > 0 {
			if m, ok := item[0].(AnyModel); ok && via != nil && m.Name() == via.through.name {
				// [Through, attribute, direction?]: a BelongsToMany read
				// ordered by its junction rows' attribute.
				attr, _ := item[min(1, len(item)-1)].(string)
				if len(item) < 2 || attr == "" || len(item) > 3 {
					s.failf("an Order item on a through model is [through model, attribute, direction?], got %v", item)
					return
				}
				tc := &whereCtx{db: md.db, m: via.through, alias: via.alias}
				tc.colRef(s, attr)
				item = append([]any{nil}, item[2:]...)
				if len(item) == 1 {
					continue
				}
				goto direction
			}
			if _, ok := item[0].(Association); ok {
				path, rest, ok := md.orderPath(s, item)
				if !ok {
					return
				}
				// The value of the associated row (of the rows the
				// include of the path loads, when it is included) that
				// sorts first in the item's direction, which is where the
				// parent's first row sorts in Sequelize's join.
				dir := "ASC"
				if rest != nil {
					if dir, ok = md.orderDir(s, rest); !ok {
						return
					}
				}
				writeOrderFirst(s, c.alias, path, dir, "", includes)
				if rest != nil {
					s.w(" ").w(dir)
				}
				continue
			}
		}
		if len(item) == 0 || len(item) > 2 {
			s.failf("an Order item is [attribute or expression] or [attribute or expression, direction], got %v", item)
			return
		}
		md.writeRef(s, c, item[0])
	direction:
		if len(item) == 2 {
			dir, ok := md.orderDir(s, item[1])
			if !ok {
				return
			}
			s.w(" ").w(dir)
		}
	}
}

// orderDir checks an Order item's direction and returns it in upper case.
func (md *modelCore) orderDir(s *sqlb, v any) (string, bool) {
	dir, ok := v.(string)
	dir = strings.ToUpper(strings.TrimSpace(dir))
	if !ok || !directions[dir] {
		s.failf("invalid order direction %v: use ASC, DESC, optionally with NULLS FIRST or NULLS LAST", v)
		return "", false
	}
	if strings.Contains(dir, "NULLS") && !md.db.dialect.Features().Has(dialect.NullsOrder) {
		s.failf("%s has no NULLS FIRST/LAST ordering", md.db.dialect.Name())
		return "", false
	}
	return dir, true
}

// orderPath is an Order item's path of associations: [a1, a2, ...,
// (Through,) attribute, direction?].
type orderPath struct {
	assocs  []Association
	through string // the junction model named after the last association
	attr    string
}

// orderPath parses an Order item that starts with an association, each
// association one of the previous target's, and returns it with the
// direction (nil when none).
func (md *modelCore) orderPath(s *sqlb, item []any) (orderPath, any, bool) {
	var p orderPath
	assocs := md.m.assocs
	from := md.m.name
	i := 0
	for ; i < len(item); i++ {
		a, ok := item[i].(Association)
		if !ok {
			break
		}
		if assocs[a.As()] != a {
			s.failf("Order names association %s, which %s does not have", a.As(), from)
			return p, nil, false
		}
		p.assocs = append(p.assocs, a)
		assocs, from = a.targetAssociations(), a.TargetName()
	}
	if i < len(item) {
		if m, ok := item[i].(AnyModel); ok {
			last := p.assocs[len(p.assocs)-1]
			t, isBTM := last.(interface{ throughName() string })
			if !isBTM || t.throughName() != m.Name() {
				s.failf("Order names model %s after association %s, which is not its through model", m.Name(), last.As())
				return p, nil, false
			}
			p.through = m.Name()
			i++
		}
	}
	rest := item[i:]
	if len(rest) > 0 {
		p.attr, _ = rest[0].(string)
	}
	if p.attr == "" || len(rest) > 2 {
		s.failf("an Order item on an association is [association..., (through model,) attribute, direction?], got %v", item)
		return p, nil, false
	}
	if len(rest) == 2 {
		return p, rest[1], true
	}
	return p, nil, true
}

func isToOne(a Association) bool { return a.Type() == BelongsToType || a.Type() == HasOneType }

// writeOrderFirst writes the value of p's attribute, reached from the row
// aliased parentAlias, that sorts first in direction dir: one correlated
// subquery per association of the path, each ordered by the value of the
// level below (the first of the firsts is the first of them all). The
// first Include of includes naming an association of the path filters its
// rows as it filters the rows it loads (Where, Paranoid, Through, required
// nested includes).
func writeOrderFirst(s *sqlb, parentAlias string, p orderPath, dir, prefix string, includes []Include) {
	a := p.assocs[0]
	alias := prefix + a.As()
	inc := &Include{}
	for i := range includes {
		if includes[i].Association == a {
			inc = &includes[i]
			break
		}
	}
	a.orderFirst(s, parentAlias, alias, dir, inc, func(s *sqlb, target, through *whereCtx) {
		switch {
		case len(p.assocs) > 1:
			writeOrderFirst(s, alias, orderPath{assocs: p.assocs[1:], through: p.through, attr: p.attr}, dir, alias+"->", inc.Include)
		case p.through != "":
			through.colRef(s, p.attr)
		default:
			target.colRef(s, p.attr)
		}
	})
}

// pushOrder gives each include the part of o's Order that sorts its rows:
// an item [association, rest...] becomes [rest...] in the include of that
// association, before the include's own Order, as Sequelize's one ORDER
// BY sorts the joined rows too (a to-one association's item only when its
// rest goes on to another association: its one row needs no order).
// o.Include is copied first.
func pushOrder(o *FindOptions) {
	copied := false
	for _, item := range o.Order {
		if len(item) < 2 {
			continue
		}
		a, ok := item[0].(Association)
		if !ok {
			continue
		}
		if _, next := item[1].(Association); isToOne(a) && !next {
			continue
		}
		for i := range o.Include {
			if o.Include[i].Association != a {
				continue
			}
			if !copied {
				o.Include, copied = slices.Clone(o.Include), true
			}
			o.Include[i].Order = append(Order{item[1:]}, o.Include[i].Order...)
		}
	}
}

func (md *modelCore) writeLimit(s *sqlb, limit, offset int) {
	if limit < 0 || offset < 0 {
		s.failf("Limit and Offset cannot be negative")
		return
	}
	switch {
	case limit > 0:
		s.w(" LIMIT ").w(strconv.Itoa(limit))
	case offset > 0 && !md.db.dialect.Features().Has(dialect.OffsetWithoutLimit):
		s.w(" LIMIT 10000000000000")
	}
	if offset > 0 {
		s.w(" OFFSET ").w(strconv.Itoa(offset))
	}
}

// run executes a SELECT plan and scans the rows into new instances.
func (md *Model[T]) run(ctx context.Context, plan *selectPlan, o *FindOptions) ([]*T, error) {
	if len(plan.unread) > 0 {
		return nil, &QueryError{newBase("SequelizeQueryError", fmt.Sprintf(
			"%s has no attribute %q for the aliased attribute to fill: a struct holds attributes only; read aliased values with FindAllRaw", md.m.name, plan.unread[0]), nil)}
	}
	var out []*T
	var chunks [][]T // rows after the first, allocated together (see tracker)
	db := md.db
	err := db.withConn(ctx, o.Transaction, dialect.AcquireRead, plan.sql, plan.args, func(c dialect.Conn, tx *Tx) error {
		start := time.Now()
		rows, err := c.Query(ctx, plan.sql, plan.args)
		if err != nil {
			db.log(ctx, o.Logging, plan.sql, plan.args, tx, time.Since(start))
			return err
		}
		defer rows.Close()
		sc := newRowScanner(db, plan.attrs)
		var chunk []T
		for rows.Next() {
			var inst *T
			if out == nil {
				inst = new(T)
			} else {
				if len(chunk) == cap(chunk) {
					chunk = make([]T, 0, min(rowChunk, max(slabMin, 2*cap(chunk))))
					chunks = append(chunks, nil)
				}
				chunk = chunk[:len(chunk)+1]
				chunks[len(chunks)-1] = chunk
				inst = &chunk[len(chunk)-1]
			}
			if err := sc.scan(rows, reflect.ValueOf(inst).Elem()); err != nil {
				return errRead(err, "%s", md.m.name)
			}
			if v := o.via; v != nil {
				k, _ := rowKey(db, v.fk, sc.holders[len(sc.holders)-1])
				v.sources = append(v.sources, k)
				if v.field != nil {
					j := reflect.New(v.through.goType)
					for i, a := range v.attrs {
						if err := scanValue(db, a, sc.holders[plan.thrStart+i], j.Elem().FieldByIndex(a.goIndex)); err != nil {
							return errRead(err, "%s.%s", v.through.name, a.name)
						}
					}
					reflect.ValueOf(inst).Elem().FieldByIndex(v.field).Set(j)
				}
			}
			if mk := o.match; mk != nil {
				k, _ := keyValue(reflect.ValueOf(inst), mk.attr)
				mk.vals = append(mk.vals, k)
			}
			out = append(out, inst)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		err = rows.Close()
		db.log(ctx, o.Logging, plan.sql, plan.args, tx, time.Since(start))
		return err
	})
	if err != nil {
		return nil, err
	}
	remember := func() {
		if !o.Raw && len(out) > 0 {
			md.tr.rememberAll(md.m, out[:1], nil)
			md.tr.rememberAll(md.m, nil, chunks)
		}
	}
	if len(o.hidden) == 0 {
		remember()
	}
	if len(o.Include) > 0 {
		parents := make([]reflect.Value, len(out))
		for i, inst := range out {
			parents[i] = reflect.ValueOf(inst)
		}
		if err := loadIncludes(ctx, parents, o.Include, md.m.assocs, md.m.name, o); err != nil {
			return nil, err
		}
	}
	if len(o.hidden) > 0 {
		// The keys read only for the includes are not part of the result,
		// nor of the state Save compares with.
		for _, inst := range out {
			rv := reflect.ValueOf(inst).Elem()
			for _, a := range o.hidden {
				if f := fieldOf(rv, a); f.IsValid() {
					f.SetZero()
				}
			}
		}
		remember()
	}
	return out, nil
}

// checkIncludes refuses includes of associations the model does not have.
func (md *modelCore) checkIncludes(includes []Include) error {
	for i := range includes {
		inc := &includes[i]
		if inc.Association == nil {
			return &EagerLoadingError{newBase("SequelizeEagerLoadingError", "an Include needs its Association", nil)}
		}
		if a, ok := md.m.assocs[inc.Association.As()]; !ok || a != inc.Association {
			return errNotAssociated(inc.Association, md.m.name)
		}
		if t := inc.Through; inc.Association.Type() != BelongsToManyType && (t.Attributes != nil || t.Where != nil || t.Paranoid != nil) {
			return &EagerLoadingError{newBase("SequelizeEagerLoadingError",
				fmt.Sprintf("Include.Through is for BelongsToMany; %s is a %s", inc.Association.As(), inc.Association.Type()), nil)}
		}
	}
	return nil
}

// FindAll returns the rows matching opts (Sequelize's findAll). It takes at
// most one FindOptions.
func (md *Model[T]) FindAll(ctx context.Context, opts ...FindOptions) ([]*T, error) {
	md = md.at()
	o, err := oneOption(opts)
	if err != nil {
		return nil, err
	}
	o = md.scoped(o)
	if err := md.beforeFind(ctx, &o); err != nil {
		return nil, err
	}
	plan, err := md.buildSelect(&o, false)
	if err != nil {
		return nil, err
	}
	rows, err := md.run(ctx, plan, &o)
	if err != nil {
		return nil, err
	}
	if err := md.fire(ctx, AfterFind, &HookEvent[T]{Instances: rows, Find: &o}); err != nil {
		return nil, err
	}
	if len(rows) == 0 && md.rejectsEmpty(&o) {
		return nil, md.emptyError()
	}
	return rows, nil
}

// rejectsEmpty reports whether a find with o that finds nothing fails:
// o.RejectOnEmpty, or the model's, unless the library reads for itself
// (eager loading, junction rows, individual hooks).
func (md *modelCore) rejectsEmpty(o *FindOptions) bool {
	if o.RejectOnEmpty != nil {
		return *o.RejectOnEmpty
	}
	return md.m.opts.RejectOnEmpty && !o.internal
}

func (md *modelCore) emptyError() error {
	return &EmptyResultError{newBase("SequelizeEmptyResultError", "no "+md.m.name+" matches the query (RejectOnEmpty)", nil)}
}

// FindOne returns the first row matching opts, or (nil, nil) when none
// does (Sequelize's findOne). It adds LIMIT 1 unless the where pins the
// primary key or a single-column unique attribute to a value, as
// Sequelize does. It takes at most one FindOptions.
func (md *Model[T]) FindOne(ctx context.Context, opts ...FindOptions) (*T, error) {
	md = md.at()
	o, err := oneOption(opts)
	if err != nil {
		return nil, err
	}
	o = md.scoped(o)
	if err := md.beforeFind(ctx, &o); err != nil {
		return nil, err
	}
	plan, err := md.buildSelect(&o, o.Limit == 0 && !md.pinsUnique(o.Where))
	if err != nil {
		return nil, err
	}
	rows, err := md.run(ctx, plan, &o)
	if err != nil {
		return nil, err
	}
	if err := md.fire(ctx, AfterFind, &HookEvent[T]{Instances: rows, Find: &o}); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		if md.rejectsEmpty(&o) {
			return nil, md.emptyError()
		}
		return nil, nil
	}
	return rows[0], nil
}

// pinsUnique reports whether w sets the primary key, or a single-column
// unique attribute, to a plain value.
func (md *modelCore) pinsUnique(w any) bool {
	where, ok := w.(Where)
	if !ok {
		return false
	}
	plain := func(v any) bool {
		if v == nil || isList(v) {
			return false
		}
		switch v.(type) {
		case Expr, Where, map[string]any, op.Op:
			return false
		}
		return true
	}
	if len(md.m.pks) > 0 {
		all := true
		for _, pk := range md.m.pks {
			v, ok := where[pk.name]
			all = all && ok && plain(v)
		}
		if all {
			return true
		}
	}
	for _, uk := range md.m.uniqueKeys {
		if len(uk.fields) == 1 {
			if v, ok := where[uk.fields[0]]; ok && plain(v) {
				return true
			}
		}
	}
	return false
}

// FindByPK returns the row whose primary key is pk, or (nil, nil) (Sequelize's
// findByPk). For a composite key pass a Where of its attributes. It takes
// at most one FindOptions, whose Where is ANDed in.
func (md *Model[T]) FindByPK(ctx context.Context, pk any, opts ...FindOptions) (*T, error) {
	md = md.at()
	o, err := oneOption(opts)
	if err != nil {
		return nil, err
	}
	if pk == nil {
		return nil, nil
	}
	if isPlainFind(&o) && len(md.m.pks) == 1 && !md.hasFindHooks() && md.scope == nil {
		if _, composite := pk.(Where); !composite {
			return md.findByPKCached(ctx, pk, &o)
		}
	}
	w, err := md.pkWhere(pk)
	if err != nil {
		return nil, err
	}
	if o.Where != nil {
		o.Where = []any{w, o.Where}
	} else {
		o.Where = w
	}
	return md.FindOne(ctx, o)
}

// pkWhere turns a primary-key value (or a Where for a composite key) into
// a Where.
func (md *Model[T]) pkWhere(pk any) (Where, error) {
	if w, ok := pk.(Where); ok {
		for _, a := range md.m.pks {
			if _, ok := w[a.name]; !ok {
				return nil, errQuery("%s: the primary key needs %s", md.m.name, a.name)
			}
		}
		return w, nil
	}
	if len(md.m.pks) != 1 {
		return nil, errQuery("%s has a composite primary key: pass a sequelize.Where of %s", md.m.name, strings.Join(md.PrimaryKeyAttributes(), ", "))
	}
	return Where{md.m.pks[0].name: pk}, nil
}

// CountOptions are Sequelize's count options.
type CountOptions struct {
	Where any
	// Distinct counts distinct values of Col (default the primary key).
	// Includes never multiply the rows counted (see Include), so unlike
	// Sequelize's joined count, Distinct changes nothing there.
	Distinct bool
	// Col is the attribute counted (default *, or the primary key with Distinct).
	Col string
	// Group counts per group; use CountGroups.
	Group []any
	// Paranoid, for paranoid models, excludes soft-deleted rows (default true).
	Paranoid *bool
	// Include: required includes (or ones with a Where) count only the rows
	// that have matching associated rows; the count is of this model's rows.
	// The includes of the model view's scope apply too (merged by
	// association, these winning), as do its where and Paranoid.
	Include     []Include
	Transaction *Tx
	Logging     *slog.Logger
	// Through filters the junction rows of a BelongsToMany's Count and Has
	// (Sequelize's countXs({through}) and hasX(target, {through})): its
	// Where and Paranoid apply; Attributes is refused. Elsewhere it is
	// refused with a *QueryError.
	Through ThroughOptions

	via *throughJoin // BelongsToMany Count: join the through table
}

// Count returns the number of rows matching opts (Sequelize's count). It
// takes at most one CountOptions; Group is refused (use CountGroups).
func (md *Model[T]) Count(ctx context.Context, opts ...CountOptions) (int64, error) {
	md = md.at()
	o, err := oneOption(opts)
	if err != nil {
		return 0, err
	}
	if len(o.Group) > 0 {
		return 0, errQuery("Count with Group returns one count per group: use CountGroups")
	}
	rows, err := md.count(ctx, o)
	if err != nil {
		return 0, err
	}
	n, _ := toInt64(rows[0]["count"])
	return n, nil
}

// CountGroups returns one row per group: the Group attributes and "count"
// (Sequelize's count with group).
func (md *Model[T]) CountGroups(ctx context.Context, opts CountOptions) ([]Row, error) {
	md = md.at()
	if len(opts.Group) == 0 {
		return nil, errQuery("CountGroups needs Group")
	}
	return md.count(ctx, opts)
}

func (md *Model[T]) count(ctx context.Context, o CountOptions) ([]Row, error) {
	if o.via == nil && o.Through.set() {
		return nil, errQuery("CountOptions.Through is for a BelongsToMany's Count and Has")
	}
	o.Where, o.Include, o.Paranoid = md.scopedAggregate(o.Where, o.Include, o.Paranoid)
	if err := md.fire(ctx, BeforeCount, &HookEvent[T]{Count: &o}); err != nil {
		return nil, err
	}
	var target any = Literal("*")
	if o.Col != "" || o.Distinct {
		name := o.Col
		if name == "" && len(md.m.pks) > 0 {
			name = md.m.pks[0].name
		}
		target = Col(name)
	}
	fn := Fn("count", target)
	if o.Distinct {
		fn = Fn("count", distinctExpr{target})
	}
	attrs := make([]any, 0, len(o.Group)+1)
	for _, g := range o.Group {
		if name, ok := g.(string); ok {
			attrs = append(attrs, As(name, name))
		} else {
			return nil, errQuery("CountGroups groups by attribute names")
		}
	}
	attrs = append(attrs, As(fn, "count"))
	return md.aggregateRows(ctx, FindOptions{Where: o.Where, Group: o.Group, Attributes: attrs, Paranoid: o.Paranoid,
		Include: o.Include, Transaction: o.Transaction, Logging: o.Logging, via: o.via})
}

// distinctExpr renders DISTINCT expr inside count().
type distinctExpr struct{ e any }

func (distinctExpr) isExpr() {}

// aggregateRows runs a SELECT of expressions and returns raw rows.
func (md *modelCore) aggregateRows(ctx context.Context, o FindOptions) ([]Row, error) {
	o.aggregate = true
	plan, err := md.buildSelect(&o, false)
	if err != nil {
		return nil, err
	}
	res := []Row{}
	db := md.db
	err = db.withConn(ctx, o.Transaction, dialect.AcquireRead, plan.sql, plan.args, func(c dialect.Conn, tx *Tx) error {
		start := time.Now()
		rows, err := c.Query(ctx, plan.sql, plan.args)
		if err != nil {
			db.log(ctx, o.Logging, plan.sql, plan.args, tx, time.Since(start))
			return err
		}
		defer rows.Close()
		for rows.Next() {
			vals, err := rows.Values()
			if err != nil {
				return err
			}
			r := make(Row, len(vals))
			for i, v := range vals {
				r[plan.names[i]] = v
			}
			res = append(res, r)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		err = rows.Close()
		db.log(ctx, o.Logging, plan.sql, plan.args, tx, time.Since(start))
		return err
	})
	return res, err
}

// FindAllRaw returns the rows matching opts as maps keyed by attribute
// name, and by alias for As(...) attributes (Sequelize's findAll({raw:
// true})). Values are as the driver returns them (see Row). It refuses an
// Include with an *EagerLoadingError: includes load with one query per
// level, never a JOIN, so an included model's columns cannot be selected or
// aggregated here (unlike Sequelize's raw findAll with include); count
// associated rows with the association's Count, or use DB.Query. The
// model's scopes apply and the BeforeFind hooks run, as for FindAll;
// AfterFind does not, its event holding instances, not maps.
func (md *Model[T]) FindAllRaw(ctx context.Context, opts ...FindOptions) ([]Row, error) {
	md = md.at()
	o, err := oneOption(opts)
	if err != nil {
		return nil, err
	}
	o = md.scoped(o)
	if err := md.beforeFind(ctx, &o); err != nil {
		return nil, err
	}
	if len(o.Include) > 0 {
		return nil, &EagerLoadingError{newBase("SequelizeEagerLoadingError", "FindAllRaw loads no includes: use FindAll", nil)}
	}
	return md.aggregateRows(ctx, o)
}

// FindAndCountAll returns the rows matching opts and the count of all rows
// matching its Where, ignoring Limit and Offset (Sequelize's
// findAndCountAll). The two queries run one after the other in the same
// transaction when there is one. With Group, Sequelize's count is one
// count per group, which an int64 cannot hold: FindAndCountAll refuses
// Group with a *QueryError (use FindAll and CountGroups).
func (md *Model[T]) FindAndCountAll(ctx context.Context, opts ...FindOptions) ([]*T, int64, error) {
	md = md.at()
	o, err := oneOption(opts)
	if err != nil {
		return nil, 0, err
	}
	if len(o.Group) > 0 {
		return nil, 0, &QueryError{newBase("SequelizeQueryError", "FindAndCountAll with Group counts per group: use FindAll and CountGroups", nil)}
	}
	n, err := md.Count(ctx, CountOptions{Where: o.Where, Paranoid: o.Paranoid, Include: o.Include, Transaction: o.Transaction, Logging: o.Logging})
	if err != nil {
		return nil, 0, err
	}
	if n == 0 {
		if md.rejectsEmpty(&o) {
			return nil, 0, md.emptyError()
		}
		return []*T{}, 0, nil
	}
	rows, err := md.FindAll(ctx, o)
	return rows, n, err
}

// AggregateOptions are the options of Aggregate, Max, Min and Sum.
type AggregateOptions struct {
	Where       any
	Distinct    bool
	Paranoid    *bool
	Transaction *Tx
	Logging     *slog.Logger
}

// Aggregate applies the SQL function fn ("max", "min", "sum", "avg",
// "count", ...) to attr, an attribute or "*", over the matching rows
// (Sequelize's aggregate) and scans the result into dst, a pointer (for
// example *int64, *float64, *string for exact decimals, *time.Time, or a
// pointer to a pointer, which stays nil when there are no rows). It takes
// at most one AggregateOptions.
func (md *Model[T]) Aggregate(ctx context.Context, attr, fn string, dst any, opts ...AggregateOptions) error {
	md = md.at()
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	var arg any = Col(attr)
	switch {
	case attr == "*":
		arg = Literal("*") // aggregate('*', 'count')
	case md.m.byName[attr] == nil:
		return errUnknownAttr(md.m, attr)
	}
	if o.Distinct {
		arg = distinctExpr{arg}
	}
	where, incs, paranoid := md.scopedAggregate(o.Where, nil, o.Paranoid)
	rows, err := md.aggregateRows(ctx, FindOptions{Where: where, Include: incs, Attributes: []any{As(Fn(fn, arg), fn)},
		Paranoid: paranoid, Transaction: o.Transaction, Logging: o.Logging})
	if err != nil {
		return err
	}
	rv := reflect.ValueOf(dst)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return errQuery("Aggregate needs a non-nil pointer, not %T", dst)
	}
	if err := assign(rv.Elem(), rows[0][fn]); err != nil {
		return errRead(err, "Aggregate into %T", dst)
	}
	return nil
}

// Max returns the largest value of attr (Sequelize's max), as the
// attribute's Go type; the zero value when there are no rows.
func (md *Model[T]) Max(ctx context.Context, attr string, opts ...AggregateOptions) (any, error) {
	md = md.at()
	return md.typedAggregate(ctx, attr, "max", opts)
}

// Min returns the smallest value of attr (Sequelize's min).
func (md *Model[T]) Min(ctx context.Context, attr string, opts ...AggregateOptions) (any, error) {
	md = md.at()
	return md.typedAggregate(ctx, attr, "min", opts)
}

// Sum returns the sum of attr (Sequelize's sum), as the attribute's Go type.
func (md *Model[T]) Sum(ctx context.Context, attr string, opts ...AggregateOptions) (any, error) {
	md = md.at()
	return md.typedAggregate(ctx, attr, "sum", opts)
}

func (md *Model[T]) typedAggregate(ctx context.Context, attr, fn string, opts []AggregateOptions) (any, error) {
	a := md.m.byName[attr]
	if a == nil {
		return nil, errUnknownAttr(md.m, attr)
	}
	t := a.goType
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	dst := reflect.New(t)
	if err := md.Aggregate(ctx, attr, fn, dst.Interface(), opts...); err != nil {
		return nil, err
	}
	return dst.Elem().Interface(), nil
}

// beforeFind runs the three before-find hooks, which may change o.
func (md *Model[T]) beforeFind(ctx context.Context, o *FindOptions) error {
	for _, t := range []HookType{BeforeFind, BeforeFindAfterExpandIncludeAll, BeforeFindAfterOptions} {
		if err := md.fire(ctx, t, &HookEvent[T]{Find: o}); err != nil {
			return err
		}
	}
	return nil
}

func (md *modelCore) hasFindHooks() bool {
	for _, t := range []HookType{BeforeFind, BeforeFindAfterExpandIncludeAll, BeforeFindAfterOptions, AfterFind} {
		if md.r.hooks.has(t) || md.db.hooks.has(t) {
			return true
		}
	}
	return false
}

// isPlainFind reports whether o only carries options that do not change
// the SQL of a lookup by primary key.
func isPlainFind(o *FindOptions) bool {
	return o.Where == nil && o.Attributes == nil && o.Order == nil && o.Group == nil && o.Having == nil &&
		o.Limit == 0 && o.Offset == 0 && o.Lock == "" && !o.SkipLocked && o.Paranoid == nil && o.Include == nil && o.via == nil
}

// findByPKCached runs the lookup by primary key from a statement built once
// per model: only the key's value changes between calls.
func (md *Model[T]) findByPKCached(ctx context.Context, pk any, o *FindOptions) (*T, error) {
	const key = "findByPK"
	v, ok := md.m.stmts.Load(key)
	if !ok {
		plan, err := md.buildSelect(&FindOptions{Where: Where{md.m.pks[0].name: pk}}, false)
		if err != nil {
			return nil, err
		}
		v, _ = md.m.stmts.LoadOrStore(key, plan)
	}
	cached := v.(*selectPlan)
	arg, err := bindValue(md.db, md.m.pks[0], pk)
	if err != nil {
		return nil, errValue(md.m, md.m.pks[0], pk, err)
	}
	plan := &selectPlan{sql: cached.sql, args: make([]any, len(cached.args)), attrs: cached.attrs, names: cached.names}
	copy(plan.args, cached.args)
	plan.args[len(plan.args)-1] = arg
	rows, err := md.run(ctx, plan, o)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		if md.rejectsEmpty(o) {
			return nil, md.emptyError()
		}
		return nil, nil
	}
	return rows[0], nil
}
