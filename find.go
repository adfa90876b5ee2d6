package sequelize

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

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
// (Sequelize's [expr, 'alias']). Aliased values are not struct fields:
// read them with FindAllRaw, or with Aggregate.
func As(expr any, alias string) AsExpr { return AsExpr{Expr: expr, Alias: alias} }

// FindOptions are Sequelize's finder options.
type FindOptions struct {
	// Where filters the rows; see Where.
	Where any
	// Attributes picks the attributes to read: names, As(expr, alias), or
	// Exclude(...) plus extras. Default: every attribute. With Include, the
	// keys the includes are loaded by (the primary key, a BelongsTo's
	// foreign key) are read even when left out, and zeroed in the rows
	// returned, as Sequelize hides the keys it adds for its joins.
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
	// when nothing matches (and FindAll when it finds no rows).
	RejectOnEmpty bool
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

	via       *throughJoin // BelongsToMany: join the through table, select its source key
	perParent *perParent   // an include's per-parent Limit
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

// includeKeys sets o.hidden: the keys that o's includes need (on these
// rows, or to match these rows to their parents) and that o.Attributes
// leaves out. They are read, used, and zeroed before the rows are
// returned, as Sequelize hides the keys it adds for its joins.
func (md *Model[T]) includeKeys(o *FindOptions) error {
	o.hidden = nil
	if len(o.Attributes) == 0 {
		return nil
	}
	if o.Include != nil {
		var err error
		if o.Include, err = expandAll(md.m, o.Include); err != nil {
			return err
		}
	}
	var need []*attribute
	for i := range o.Include {
		inc := &o.Include[i]
		if inc.Association == nil || (inc.Attributes != nil && len(inc.Attributes) == 0) {
			continue // refused later, or filter only (EXISTS): no key read
		}
		need = append(need, inc.Association.parentKey())
	}
	if o.match != nil {
		need = append(need, o.match.attr)
	}
	for _, a := range need {
		if a != nil && !selects(md.m, o.Attributes, a) && !slices.Contains(o.hidden, a) {
			o.hidden = append(o.hidden, a)
		}
	}
	return nil
}

// selects reports whether an Attributes list selects attribute a into its
// field.
func selects(m *modelMeta, list []any, a *attribute) bool {
	for _, it := range list {
		switch x := it.(type) {
		case ExcludeAttrs:
			if !contains(x, a.name) {
				return true
			}
		case string:
			if x == a.name {
				return true
			}
		}
	}
	return false
}

// perParent limits rows per value of attr with a window function.
type perParent struct {
	attr string
	n    int
}

// expandAll replaces Include{All: true} with one Include per association
// of m that has a struct field for its rows, sorted by alias.
func expandAll(m *modelMeta, includes []Include) ([]Include, error) {
	var out []Include
	for _, inc := range includes {
		if !inc.All {
			out = append(out, inc)
			continue
		}
		if inc.Association != nil || inc.Where != nil || len(inc.Include) > 0 {
			return nil, &EagerLoadingError{newBase("SequelizeEagerLoadingError", "Include{All: true} takes no Association, Where or nested Include", nil)}
		}
		aliases := make([]string, 0, len(m.assocs))
		for a := range m.assocs {
			aliases = append(aliases, a)
		}
		slices.Sort(aliases)
		for _, a := range aliases {
			if m.assocs[a].hasField() && !slices.ContainsFunc(out, func(i Include) bool { return i.Association == m.assocs[a] }) {
				out = append(out, Include{Association: m.assocs[a], Required: inc.Required, Paranoid: inc.Paranoid})
			}
		}
	}
	return out, nil
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
}

func (md *Model[T]) paranoidOn(p *bool) bool {
	return md.m.deletedAt != nil && (p == nil || *p)
}

// buildSelect compiles a SELECT for o.
func (md *Model[T]) buildSelect(o *FindOptions, limitOne bool) (*selectPlan, error) {
	if o.via == nil && o.Through.set() {
		return nil, errors.New("sequelize: FindOptions.Through is for a BelongsToManyAssociation's Get")
	}
	m := md.m
	s := newSQLB(md.db)
	c := &whereCtx{db: md.db, m: m, alias: m.name}
	plan := &selectPlan{}
	s.w("SELECT ")
	cols, err := md.selectColumns(o.Attributes)
	if err != nil {
		return nil, err
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
		} else {
			s.expr(col.expr, c.colRef)
			s.w(" AS ").id(col.name)
		}
		plan.attrs = append(plan.attrs, col.attr)
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
		md.writeOrder(s, c, order)
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
	if o.Include != nil {
		var err error
		if o.Include, err = expandAll(m, o.Include); err != nil {
			return nil, err
		}
	}
	if err := md.checkIncludes(o.Include); err != nil {
		return nil, err
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
	md.writeOrder(s, c, o.Order)
	limit := o.Limit
	if limitOne {
		limit = 1
	}
	md.writeLimit(s, limit, o.Offset)
	if o.Lock != "" {
		lock, err := md.db.dialect.Lock(string(o.Lock), o.SkipLocked)
		if err != nil {
			return nil, err
		}
		if lock != "" {
			s.w(" ").w(lock)
		}
	} else if o.SkipLocked {
		return nil, fmt.Errorf("sequelize: SkipLocked needs a Lock")
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

func (md *Model[T]) selectColumns(list []any) ([]selectCol, error) {
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
	if len(list) == 0 {
		return all(nil), nil
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
				return nil, errUnknownAttr(m, x)
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
func (md *Model[T]) writeWhere(s *sqlb, c *whereCtx, w any, paranoid bool, includes ...Include) {
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
func (md *Model[T]) writeRef(s *sqlb, c *whereCtx, v any) {
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

func (md *Model[T]) writeOrder(s *sqlb, c *whereCtx, order Order) {
	if len(order) == 0 {
		return
	}
	s.w(" ORDER BY ")
	for i, item := range order {
		if i > 0 {
			s.w(", ")
		}
		if len(item) > 0 {
			if a, ok := item[0].(Association); ok {
				// [association, attribute, direction?]: order by an included
				// model's column (to-one associations).
				attr, _ := item[min(1, len(item)-1)].(string)
				if len(item) < 2 || attr == "" || len(item) > 3 {
					s.failf("an Order item on an association is [association, attribute, direction?], got %v", item)
					return
				}
				if md.m.assocs[a.As()] != a {
					s.failf("Order names association %s, which %s does not have", a.As(), md.m.name)
					return
				}
				a.orderExpr(s, c.alias, attr)
				item = append([]any{nil}, item[2:]...)
				if len(item) == 1 {
					continue
				}
				goto direction
			}
		}
		if len(item) == 0 || len(item) > 2 {
			s.failf("an Order item is [attribute or expression] or [attribute or expression, direction], got %v", item)
			return
		}
		md.writeRef(s, c, item[0])
	direction:
		if len(item) == 2 {
			dir, ok := item[1].(string)
			dir = strings.ToUpper(strings.TrimSpace(dir))
			if !ok || !directions[dir] {
				s.failf("invalid order direction %v: use ASC, DESC, optionally with NULLS FIRST or NULLS LAST", item[1])
				return
			}
			if strings.Contains(dir, "NULLS") && !md.db.dialect.Features().Has(dialect.NullsOrder) {
				s.failf("%s has no NULLS FIRST/LAST ordering", md.db.dialect.Name())
				return
			}
			s.w(" ").w(dir)
		}
	}
}

func (md *Model[T]) writeLimit(s *sqlb, limit, offset int) {
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
				return fmt.Errorf("%s: %w", md.m.name, err)
			}
			if v := o.via; v != nil {
				k, _ := keyOf(reflect.ValueOf(sc.holders[len(sc.holders)-1]))
				v.sources = append(v.sources, k)
				if v.field != nil {
					j := reflect.New(v.through.goType)
					for i, a := range v.attrs {
						if err := scanValue(db, a, sc.holders[plan.thrStart+i], j.Elem().FieldByIndex(a.goIndex)); err != nil {
							return fmt.Errorf("%s.%s: %w", v.through.name, a.name, err)
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
func (md *Model[T]) checkIncludes(includes []Include) error {
	for i := range includes {
		inc := &includes[i]
		if inc.Association == nil {
			return &EagerLoadingError{newBase("SequelizeEagerLoadingError", "an Include needs its Association", nil)}
		}
		if a, ok := md.m.assocs[inc.Association.As()]; !ok || a != inc.Association {
			return &EagerLoadingError{newBase("SequelizeEagerLoadingError",
				fmt.Sprintf("%s is not associated to %s!", inc.Association.TargetName(), md.m.name), nil)}
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
	if err := md.includeKeys(&o); err != nil {
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
	if len(rows) == 0 && o.RejectOnEmpty {
		return nil, md.emptyError()
	}
	return rows, nil
}

func (md *Model[T]) emptyError() error {
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
	if err := md.includeKeys(&o); err != nil {
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
		if o.RejectOnEmpty || md.m.opts.RejectOnEmpty {
			return nil, md.emptyError()
		}
		return nil, nil
	}
	return rows[0], nil
}

// pinsUnique reports whether w sets the primary key, or a single-column
// unique attribute, to a plain value.
func (md *Model[T]) pinsUnique(w any) bool {
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
				return nil, fmt.Errorf("sequelize: %s: the primary key needs %s", md.m.name, a.name)
			}
		}
		return w, nil
	}
	if len(md.m.pks) != 1 {
		return nil, fmt.Errorf("sequelize: %s has a composite primary key: pass a sequelize.Where of %s", md.m.name, strings.Join(md.PrimaryKeyAttributes(), ", "))
	}
	return Where{md.m.pks[0].name: pk}, nil
}

// CountOptions are Sequelize's count options.
type CountOptions struct {
	Where any
	// Distinct counts distinct values of Col (default the primary key).
	Distinct bool
	// Col is the attribute counted (default *, or the primary key with Distinct).
	Col string
	// Group counts per group; use CountGroups.
	Group []any
	// Paranoid, for paranoid models, excludes soft-deleted rows (default true).
	Paranoid *bool
	// Include: required includes (or ones with a Where) count only the rows
	// that have matching associated rows; the count is of this model's rows.
	Include     []Include
	Transaction *Tx
	Logging     *slog.Logger

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
		return 0, fmt.Errorf("sequelize: Count with Group returns one count per group: use CountGroups")
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
		return nil, fmt.Errorf("sequelize: CountGroups needs Group")
	}
	return md.count(ctx, opts)
}

func (md *Model[T]) count(ctx context.Context, o CountOptions) ([]Row, error) {
	o.Where = md.scopedWhere(o.Where)
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
			return nil, fmt.Errorf("sequelize: CountGroups groups by attribute names")
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
func (md *Model[T]) aggregateRows(ctx context.Context, o FindOptions) ([]Row, error) {
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
// associated rows with the association's Count, or use DB.Query.
func (md *Model[T]) FindAllRaw(ctx context.Context, opts ...FindOptions) ([]Row, error) {
	md = md.at()
	o, err := oneOption(opts)
	if err != nil {
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
// transaction when there is one.
func (md *Model[T]) FindAndCountAll(ctx context.Context, opts ...FindOptions) ([]*T, int64, error) {
	md = md.at()
	o, err := oneOption(opts)
	if err != nil {
		return nil, 0, err
	}
	n, err := md.Count(ctx, CountOptions{Where: o.Where, Paranoid: o.Paranoid, Include: o.Include, Transaction: o.Transaction, Logging: o.Logging})
	if err != nil {
		return nil, 0, err
	}
	if n == 0 {
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
// "count", ...) to attr over the matching rows (Sequelize's aggregate) and
// scans the result into dst, a pointer (for example *int64, *float64,
// *string for exact decimals, *time.Time, or a pointer to a pointer, which
// stays nil when there are no rows). It takes at most one AggregateOptions.
func (md *Model[T]) Aggregate(ctx context.Context, attr, fn string, dst any, opts ...AggregateOptions) error {
	md = md.at()
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	if md.m.byName[attr] == nil {
		return errUnknownAttr(md.m, attr)
	}
	var arg any = Col(attr)
	if o.Distinct {
		arg = distinctExpr{arg}
	}
	rows, err := md.aggregateRows(ctx, FindOptions{Where: md.scopedWhere(o.Where), Attributes: []any{As(Fn(fn, arg), fn)},
		Paranoid: o.Paranoid, Transaction: o.Transaction, Logging: o.Logging})
	if err != nil {
		return err
	}
	rv := reflect.ValueOf(dst)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("sequelize: Aggregate needs a non-nil pointer, not %T", dst)
	}
	return assign(rv.Elem(), rows[0][fn])
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

func (md *Model[T]) hasFindHooks() bool {
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
		return nil, err
	}
	plan := &selectPlan{sql: cached.sql, args: make([]any, len(cached.args)), attrs: cached.attrs, names: cached.names}
	copy(plan.args, cached.args)
	plan.args[len(plan.args)-1] = arg
	rows, err := md.run(ctx, plan, o)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		if o.RejectOnEmpty || md.m.opts.RejectOnEmpty {
			return nil, md.emptyError()
		}
		return nil, nil
	}
	return rows[0], nil
}
