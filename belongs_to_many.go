package sequelize

import (
	"context"
	"fmt"
	"reflect"
	"slices"

	"github.com/gosequelize/sequelize/datatypes"
	"github.com/gosequelize/sequelize/internal/naming"
	"github.com/gosequelize/sequelize/op"
)

// BelongsToManyOptions are the options of BelongsToMany: the common
// association options plus the through table's.
type BelongsToManyOptions struct {
	AssociationOptions
	// Through is the junction table's name (required). Sequelize creates it
	// from the two keys (composite primary key, ON DELETE and ON UPDATE
	// CASCADE) with createdAt and updatedAt; two BelongsToMany through the
	// same name share it.
	Through string
	// OtherKey is the junction's key referring to the target (default
	// target name + "Id", "ProjectId"; for a self-association the singular
	// of As + "Id").
	OtherKey string
	// ThroughScope adds these values to the junction rows' where and sets
	// them on the rows Add creates.
	ThroughScope Values
	// ThroughTimestamps, when Bool(false), leaves createdAt and updatedAt
	// out of a generated junction table.
	ThroughTimestamps *bool
}

// BelongsToManyAssociation is source.belongsToMany(target, {through}):
// the keys live in a junction table. Made by BelongsToMany.
type BelongsToManyAssociation[S, T any] struct {
	assocBase
	src     *Model[S]
	tgt     *Model[T]
	through *modelMeta
	other   *attribute // junction column referring to the target
	tkey    *attribute // target attribute other refers to
	fkThr   *attribute // junction column referring to the source
	tscope  Values
}

// BelongsToMany associates source with many targets through a junction
// table (Sequelize's Model.belongsToMany). Defaults as Sequelize: alias =
// the target's plural name, foreign key = source name + "Id", other key =
// target name + "Id". A self-association needs As. It panics with an
// *AssociationError on a definition mistake (no Through, no As on a
// self-association, a duplicate alias).
func BelongsToMany[S, T any](source *Model[S], target *Model[T], opts BelongsToManyOptions) *BelongsToManyAssociation[S, T] {
	sm, tm := source.m, target.m
	if opts.Hooks {
		assocPanic("%s.belongsToMany(%s): Hooks is supported on HasOne and HasMany only", sm.name, tm.name)
	}
	if opts.Through == "" {
		assocPanic("%s.belongsToMany(%s) requires Through", sm.name, tm.name)
	}
	self := sm == tm
	if self && opts.As == "" {
		assocPanic("BelongsToMany of %s to itself requires As", sm.name)
	}
	as := opts.As
	if as == "" {
		as = tm.plural
	}
	skey := sm.primaryOrNamed(opts.SourceKey, "SourceKey")
	tkey := tm.primaryOrNamed(opts.TargetKey, "TargetKey")
	fk := opts.ForeignKey
	if fk == "" {
		fk = naming.Camelize(sm.singular + "_" + skey.name)
	}
	other := opts.OtherKey
	if other == "" {
		base := tm.singular
		if self {
			base = naming.Singularize(as)
		}
		other = naming.Camelize(base + "_" + tkey.name)
	}
	db := source.db
	thr := db.throughMeta(opts.Through, sm, skey, fk, tm, tkey, other, opts)
	a := &BelongsToManyAssociation[S, T]{src: source, tgt: target, through: thr, tkey: tkey, tscope: opts.ThroughScope}
	a.assocBase = assocBase{typ: BelongsToManyType, as: as, source: sm, target: tm, fk: fk, key: skey, sourceDB: db, scope: opts.Scope,
		targetAssn: func() map[string]Association { return tm.assocs }}
	a.fkThr, a.other = thr.byName[fk], thr.byName[other]
	a.fkAttr = a.fkThr
	a.fieldMany = true
	a.field = includeField(sm, as, tm.goType, true)
	addAssociation(sm, a)
	return a
}

// throughMeta returns the junction model named name, creating it the way
// Sequelize does, or extending the one a paired association made.
func (db *DB) throughMeta(name string, sm *modelMeta, skey *attribute, fk string, tm *modelMeta, tkey *attribute, other string, o BelongsToManyOptions) *modelMeta {
	var m *modelMeta
	if v, ok := db.models.Load(name); ok {
		m = v.(*modelMeta)
		if m.goType != nil {
			assocPanic("Through %q names a model with a struct; use a table name for a generated junction table", name)
		}
	} else {
		m = &modelMeta{name: name, singular: naming.Singularize(name), plural: naming.Pluralize(name), table: name,
			byName: map[string]*attribute{}, byLower: map[string]*attribute{}, byField: map[string]*attribute{},
			uniqueKeys: map[string]*uniqueKey{}, opts: ModelOptions{Underscored: sm.opts.Underscored}}
	}
	key := func(name string, ref *modelMeta, refKey *attribute) {
		if m.byName[name] != nil {
			return // the paired association made it
		}
		a := &attribute{name: name, field: naming.UnderscoredIf(name, m.opts.Underscored), typ: refKey.typ,
			goType: refKey.goType, primaryKey: true, allowNull: true,
			references: &References{Table: ref.table, Schema: ref.schema, Key: refKey.field}, onDelete: "CASCADE", onUpdate: "CASCADE"}
		if o.Constraints != nil && !*o.Constraints {
			a.references = nil
		}
		m.addAttr(a)
		m.byField[a.field] = a
		m.pks = append(m.pks, a)
	}
	if m.createdAt == nil && (o.ThroughTimestamps == nil || *o.ThroughTimestamps) {
		for _, r := range []attrRole{roleCreatedAt, roleUpdatedAt} {
			n := map[attrRole]string{roleCreatedAt: "createdAt", roleUpdatedAt: "updatedAt"}[r]
			a := &attribute{name: n, field: naming.UnderscoredIf(n, m.opts.Underscored), typ: datatypes.Date(), goType: timeType, role: r}
			m.addAttr(a)
			m.byField[a.field] = a
			if r == roleCreatedAt {
				m.createdAt = a
			} else {
				m.updatedAt = a
			}
		}
	}
	key(fk, sm, skey)
	key(other, tm, tkey)
	db.register(m)
	return m
}

func (a *BelongsToManyAssociation[S, T]) join(keys []any, inc *Include) *throughJoin {
	return &throughJoin{through: a.through, alias: a.as + "->" + a.through.name, fk: a.fkThr, other: a.other, key: a.tkey,
		keys: keys, scope: a.tscope, paranoid: true}
}

func (a *BelongsToManyAssociation[S, T]) load(ctx context.Context, parents []reflect.Value, inc *Include, o *FindOptions) ([]reflect.Value, error) {
	keys := distinctKeys(parents, a.key)
	byKey := map[any][]*T{}
	var out []reflect.Value
	for _, chunk := range chunks(keys) {
		if len(chunk) == 0 {
			continue
		}
		f := FindOptions{Where: inc.Where, Order: inc.Order, Paranoid: inc.Paranoid, Raw: o.Raw, Include: inc.Include,
			Attributes: inc.Attributes, Transaction: o.Transaction, Logging: o.Logging}
		if len(a.scope) > 0 {
			f.Where = []any{Where(a.scope), inc.Where}
		}
		f.via = a.join(chunk, inc)
		rows, err := a.tgt.FindAll(ctx, f)
		if err != nil {
			return nil, err
		}
		for i, r := range rows {
			k := f.via.sources[i]
			byKey[k] = append(byKey[k], r)
			out = append(out, reflect.ValueOf(r))
		}
	}
	if a.field == nil {
		return out, nil
	}
	for _, p := range parents {
		k, _ := keyValue(p, a.key)
		rows := byKey[k]
		if rows == nil {
			rows = []*T{}
		}
		p.Elem().FieldByIndex(a.field).Set(reflect.ValueOf(rows))
	}
	return out, nil
}

func (a *BelongsToManyAssociation[S, T]) exists(s *sqlb, parentAlias string, inc *Include) {
	// EXISTS (SELECT 1 FROM through JOIN target ON ... WHERE through.fk = parent.key AND target where)
	thrAlias := a.as + "->" + a.through.name
	tc := &whereCtx{db: a.sourceDB, m: a.through, alias: thrAlias}
	c := &whereCtx{db: a.sourceDB, m: a.target, alias: a.as}
	s.w("EXISTS (SELECT 1 FROM ").table(a.through.schema, a.through.table).w(" AS ").id(thrAlias).
		w(" INNER JOIN ").table(a.target.schema, a.target.table).w(" AS ").id(a.as).w(" ON ")
	tc.writeCol(s, a.other, nil)
	s.w(" = ")
	c.writeCol(s, a.tkey, nil)
	s.w(" WHERE ")
	tc.writeCol(s, a.fkThr, nil)
	s.w(" = ").id(parentAlias).w(".").id(a.key.field)
	if a.target.deletedAt != nil && (inc.Paranoid == nil || *inc.Paranoid) {
		s.w(" AND ")
		c.writeCol(s, a.target.deletedAt, nil)
		s.w(" IS NULL")
	}
	if inc.Where != nil {
		s.w(" AND ")
		c.cond(s, inc.Where)
	}
	s.w(")")
}

func (a *BelongsToManyAssociation[S, T]) sourceKey(src *S) (any, error) {
	k, ok := keyValue(reflect.ValueOf(src), a.key)
	if !ok {
		return nil, fmt.Errorf("sequelize: the %s source has no %s: save it first", a.as, a.key.name)
	}
	return k, nil
}

// Get returns src's associated rows (Sequelize's getXs), with one query
// joining the junction table.
func (a *BelongsToManyAssociation[S, T]) Get(ctx context.Context, src *S, opts ...FindOptions) ([]*T, error) {
	o, err := oneOption(opts)
	if err != nil {
		return nil, err
	}
	k, err := a.sourceKey(src)
	if err != nil {
		return nil, err
	}
	if len(a.scope) > 0 {
		o.Where = []any{Where(a.scope), o.Where}
	}
	o.via = a.join([]any{k}, nil)
	return a.tgt.FindAll(ctx, o)
}

// Count counts src's associated rows (Sequelize's countXs).
func (a *BelongsToManyAssociation[S, T]) Count(ctx context.Context, src *S) (int64, error) {
	rows, err := a.Get(ctx, src, FindOptions{Raw: true, Attributes: []any{a.tkey.name}})
	return int64(len(rows)), err
}

// Has reports whether every target (an instance, a key, or a slice of
// either) is associated with src (Sequelize's hasX / hasXs).
func (a *BelongsToManyAssociation[S, T]) Has(ctx context.Context, src *S, target any) (bool, error) {
	keys, err := targetKeys[T](a.target, target)
	if err != nil || len(keys) == 0 {
		return false, err
	}
	rows, err := a.Get(ctx, src, FindOptions{Raw: true, Attributes: []any{a.tkey.name}, Where: Where{a.tkey.name: keys}})
	return len(rows) == len(slices.Compact(slices.Clone(keys))), err
}

// linked returns the target keys src is linked to among keys (all when
// keys is nil).
func (a *BelongsToManyAssociation[S, T]) linked(ctx context.Context, sk any, keys []any) (map[any]bool, error) {
	s := newSQLB(a.sourceDB)
	c := &whereCtx{db: a.sourceDB, m: a.through}
	s.w("SELECT ").id(a.other.field).w(" FROM ").table(a.through.schema, a.through.table).w(" WHERE ")
	w := Where{a.fkThr.name: sk}
	for n, v := range a.tscope {
		w[n] = v
	}
	if keys != nil {
		w[a.other.name] = keys
	}
	c.cond(s, w)
	if s.err != nil {
		return nil, s.err
	}
	res, err := a.sourceDB.run(ctx, s.String(), s.args, QueryOptions{Type: QueryTypeSelect})
	if err != nil {
		return nil, err
	}
	out := map[any]bool{}
	for _, r := range res.Rows {
		k, _ := keyOf(reflect.ValueOf(r[a.other.field]))
		out[k] = true
	}
	return out, nil
}

// Add links targets (an instance, a key, or a slice of either) to src,
// inserting the missing junction rows in one statement (Sequelize's addX
// / addXs).
func (a *BelongsToManyAssociation[S, T]) Add(ctx context.Context, src *S, target any, opts ...SetOptions) error {
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	keys, err := targetKeys[T](a.target, target)
	if err != nil || len(keys) == 0 {
		return err
	}
	sk, err := a.sourceKey(src)
	if err != nil {
		return err
	}
	return a.src.db.Transaction(ctx, func(ctx context.Context, tx *Tx) error {
		have, err := a.linked(ctx, sk, keys)
		if err != nil {
			return err
		}
		var missing []any
		for _, k := range keys {
			if !have[k] && !slices.Contains(missing, k) {
				missing = append(missing, k)
			}
		}
		return a.insertLinks(ctx, sk, missing, o)
	}, TransactionOptions{Transaction: o.Transaction})
}

func (a *BelongsToManyAssociation[S, T]) insertLinks(ctx context.Context, sk any, keys []any, o SetOptions) error {
	if len(keys) == 0 {
		return nil
	}
	thr := a.through
	ts := now()
	cols := []*attribute{a.fkThr, a.other}
	scopeNames := make([]string, 0, len(a.tscope))
	for n := range a.tscope {
		scopeNames = append(scopeNames, n)
	}
	slices.Sort(scopeNames)
	for _, n := range scopeNames {
		if attr := thr.byName[n]; attr != nil {
			cols = append(cols, attr)
		}
	}
	if thr.createdAt != nil {
		cols = append(cols, thr.createdAt, thr.updatedAt)
	}
	for _, chunk := range chunksOf(keys, maxParams/len(cols)) {
		s := newSQLB(a.sourceDB)
		s.w("INSERT INTO ").table(thr.schema, thr.table).w(" (")
		for i, col := range cols {
			if i > 0 {
				s.w(",")
			}
			s.id(col.field)
		}
		s.w(") VALUES ")
		for r, k := range chunk {
			if r > 0 {
				s.w(",")
			}
			s.w("(")
			for i, col := range cols {
				if i > 0 {
					s.w(",")
				}
				var v any
				switch {
				case col == a.fkThr:
					v = sk
				case col == a.other:
					v = k
				case col.role == roleCreatedAt || col.role == roleUpdatedAt:
					v = ts
				default:
					v = a.tscope[col.name]
				}
				bv, err := bindValue(a.sourceDB, col, v)
				if err != nil {
					return err
				}
				s.arg(bv)
			}
			s.w(")")
		}
		if _, err := a.sourceDB.run(ctx, s.String(), s.args, QueryOptions{Type: QueryTypeInsert, Logging: o.Logging}); err != nil {
			return err
		}
	}
	return nil
}

func chunksOf(keys []any, per int) [][]any {
	per = max(per, 1)
	var out [][]any
	for len(keys) > per {
		out = append(out, keys[:per])
		keys = keys[per:]
	}
	return append(out, keys)
}

// unlink deletes src's junction rows, for the keys given or (nil) for
// every key except keep.
func (a *BelongsToManyAssociation[S, T]) unlink(ctx context.Context, sk any, keys []any, keep []any, o SetOptions) error {
	s := newSQLB(a.sourceDB)
	c := &whereCtx{db: a.sourceDB, m: a.through}
	s.w("DELETE FROM ").table(a.through.schema, a.through.table).w(" WHERE ")
	conds := []any{Where{a.fkThr.name: sk}}
	if keys != nil {
		conds = append(conds, Where{a.other.name: keys})
	}
	if len(keep) > 0 {
		conds = append(conds, Where{a.other.name: op.NotIn(keep)})
	}
	c.cond(s, conds)
	if s.err != nil {
		return s.err
	}
	_, err := a.sourceDB.run(ctx, s.String(), s.args, QueryOptions{Type: QueryTypeBulkDelete, Logging: o.Logging})
	return err
}

// Remove unlinks targets from src with one DELETE of junction rows
// (Sequelize's removeX / removeXs).
func (a *BelongsToManyAssociation[S, T]) Remove(ctx context.Context, src *S, target any, opts ...SetOptions) error {
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	keys, err := targetKeys[T](a.target, target)
	if err != nil || len(keys) == 0 {
		return err
	}
	sk, err := a.sourceKey(src)
	if err != nil {
		return err
	}
	return a.unlink(ctx, sk, keys, nil, o)
}

// Set makes targets (an instance, a key, a slice of either, or nil) the
// only rows linked to src: one DELETE of the others' junction rows and
// one INSERT of the missing ones (Sequelize's setXs).
func (a *BelongsToManyAssociation[S, T]) Set(ctx context.Context, src *S, target any, opts ...SetOptions) error {
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	keys, err := targetKeys[T](a.target, target)
	if err != nil {
		return err
	}
	sk, err := a.sourceKey(src)
	if err != nil {
		return err
	}
	return a.src.db.Transaction(ctx, func(ctx context.Context, tx *Tx) error {
		if err := a.unlink(ctx, sk, nil, keys, o); err != nil {
			return err
		}
		have, err := a.linked(ctx, sk, keys)
		if err != nil {
			return err
		}
		var missing []any
		for _, k := range keys {
			if !have[k] && !slices.Contains(missing, k) {
				missing = append(missing, k)
			}
		}
		return a.insertLinks(ctx, sk, missing, o)
	}, TransactionOptions{Transaction: o.Transaction})
}

// Create creates target and links it to src (Sequelize's createX).
func (a *BelongsToManyAssociation[S, T]) Create(ctx context.Context, src *S, target *T, opts ...CreateOptions) error {
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	return a.src.db.Transaction(ctx, func(ctx context.Context, tx *Tx) error {
		if len(a.scope) > 0 {
			if err := a.tgt.Set(target, a.scope); err != nil {
				return err
			}
		}
		if err := a.tgt.Create(ctx, target, CreateOptions{Logging: o.Logging}); err != nil {
			return err
		}
		return a.Add(ctx, src, target, SetOptions{Logging: o.Logging})
	}, TransactionOptions{Transaction: o.Transaction})
}

func (a *BelongsToManyAssociation[S, T]) createNested(ctx context.Context, parent reflect.Value, inc *Include, before bool) error {
	if before || a.field == nil {
		return nil
	}
	children, _ := parent.Elem().FieldByIndex(a.field).Interface().([]*T)
	for _, c := range children {
		if a.tgt.IsNewRecord(c) {
			if err := a.tgt.Create(ctx, c, CreateOptions{Include: inc.Include}); err != nil {
				return err
			}
		}
	}
	if len(children) == 0 {
		return nil
	}
	return a.Add(ctx, parent.Interface().(*S), children)
}

func (a *BelongsToManyAssociation[S, T]) orderExpr(s *sqlb, _, _ string) {
	s.failf("cannot order %s rows by a column of their many %s: order the include itself (Include.Order)", a.source.name, a.as)
}
