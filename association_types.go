package sequelize

import (
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strings"

	"github.com/gosequelize/sequelize/internal/naming"
	"github.com/gosequelize/sequelize/op"
)

// BelongsToAssociation is source.belongsTo(target): the foreign key is on
// the source. Made by BelongsTo.
type BelongsToAssociation[S, T any] struct {
	assocBase
	src *Model[S]
	tgt *Model[T]
}

// BelongsTo associates source with target, the foreign key on source
// (Sequelize's Model.belongsTo): by default alias = the target's name,
// foreign key = alias + "Id" ("UserId"), referencing the target's primary
// key, ON DELETE SET NULL (NO ACTION when the key is NOT NULL), ON UPDATE
// CASCADE. It panics with an *AssociationError on a definition mistake,
// and then changes nothing.
//
// Associations are usually made at start-up, after Define and before
// Sync, but may be made at any time, as in Sequelize, also while other
// goroutines run queries on the same models: the association publishes the
// new definitions of the models it changes (the source, which lists it;
// the model holding the foreign key) copy-on-write, whole, once it is
// complete, and a query already running keeps reading the definition it
// started with. The same holds for HasOne, HasMany and BelongsToMany.
// Associations of one DB are made one at a time (their BeforeAssociate
// and AfterAssociate hooks run outside that lock).
func BelongsTo[S, T any](source *Model[S], target *Model[T], opts ...AssociationOptions) *BelongsToAssociation[S, T] {
	o := oneAssocOption(opts)
	fireAssociate(source, BelongsToType, target.r.name, &o, nil)
	d := source.db.define()
	defer d.end()
	d.source = source.r
	sm := d.draft(source.r)
	tm := d.view(target.r)
	as := o.As
	if as == "" {
		as = tm.singular
	}
	key := tm.primaryOrNamed(o.TargetKey, "TargetKey")
	fk := o.ForeignKey
	if fk == "" {
		fk = naming.Camelize(as + "_" + key.name)
	}
	onDelete := "SET NULL"
	if a := sm.fkNamed(fk); a != nil && !a.allowNull {
		onDelete = "NO ACTION"
	}
	a := &BelongsToAssociation[S, T]{src: source, tgt: target}
	a.assocBase = assocBase{typ: BelongsToType, as: as, source: source.r, target: target.r, fk: fk, key: key, sourceDB: source.db}
	a.fkAttr = fkAttribute(sm, fk, tm, key, o, onDelete)
	a.field = includeField(sm, as, tm.goType, false)
	addAssociation(sm, a)
	d.publish()
	fireAssociate(source, BelongsToType, target.r.name, &o, a)
	return a
}

func oneAssocOption(opts []AssociationOptions) AssociationOptions {
	if len(opts) > 1 {
		assocPanic("an association takes at most one AssociationOptions")
	}
	if len(opts) == 1 {
		return opts[0]
	}
	return AssociationOptions{}
}

// primaryOrNamed returns the attribute named by name, or the primary key.
func (m *modelMeta) primaryOrNamed(name, option string) *attribute {
	if name != "" {
		a := m.byName[name]
		if a == nil {
			assocPanic("%s %q is not an attribute of %s", option, name, m.name)
		}
		return a
	}
	if len(m.pks) != 1 {
		assocPanic("%s has no single primary key: set %s", m.name, option)
	}
	return m.pks[0]
}

func (a *BelongsToAssociation[S, T]) load(ctx context.Context, parents []reflect.Value, inc *Include, o *FindOptions) ([]reflect.Value, error) {
	keys := distinctKeys(parents, a.fkAttr)
	byKey := map[any]*T{}
	var out []reflect.Value
	for _, chunk := range chunks(keys) {
		if len(chunk) == 0 {
			continue
		}
		tgt, err := withScope(a.tgt, inc.Scope)
		if err != nil {
			return nil, err
		}
		f := includeFind(inc, o, a.key, chunk, nil)
		rows, err := tgt.FindAll(ctx, f)
		if err != nil {
			return nil, err
		}
		for i, r := range rows {
			k := childKey(&f, len(rows), i, reflect.ValueOf(r), a.key)
			byKey[k] = r
			out = append(out, reflect.ValueOf(r))
		}
	}
	if a.field == nil {
		return out, nil
	}
	for _, p := range parents {
		f := p.Elem().FieldByIndex(a.field)
		if k, ok := keyValue(p, a.fkAttr); ok && byKey[k] != nil {
			f.Set(reflect.ValueOf(byKey[k]))
		} else {
			f.SetZero()
		}
	}
	return out, nil
}

func (a *BelongsToAssociation[S, T]) exists(s *sqlb, parentAlias string, inc *Include) {
	writeExists(s, a.sourceDB, a.target.meta(), a.as, a.key, parentAlias, a.fkAttr, inc, nil)
}

// writeExists writes EXISTS (SELECT 1 FROM target AS alias WHERE
// alias.col = parent.parentCol AND where [AND nested required]).
func writeExists(s *sqlb, db *DB, target *modelMeta, alias string, col *attribute, parentAlias string, parentCol *attribute, inc *Include, scope Values) {
	c := &whereCtx{db: db, m: target, alias: alias}
	s.w("EXISTS (SELECT 1 FROM ").table(target.schema, target.table).w(" AS ").id(alias).w(" WHERE ")
	c.writeCol(s, col, nil)
	s.w(" = ").id(parentAlias).w(".").id(parentCol.field)
	if target.deletedAt != nil && (inc.Paranoid == nil || *inc.Paranoid) {
		s.w(" AND ")
		c.writeLive(s, target.deletedAt)
	}
	if len(scope) > 0 {
		s.w(" AND ")
		c.cond(s, Where(scope))
	}
	if inc.Where != nil {
		s.w(" AND ")
		c.cond(s, inc.Where)
	}
	for i := range inc.Include {
		n := &inc.Include[i]
		if n.Association != nil && n.required() {
			s.w(" AND ")
			n.Association.exists(s, alias, n)
		}
	}
	s.w(")")
}

// Get returns the target row src points to, or nil (Sequelize's getX).
// The target's default scope applies unless FindOptions.Scope names
// others.
func (a *BelongsToAssociation[S, T]) Get(ctx context.Context, src *S, opts ...FindOptions) (*T, error) {
	o, err := oneOption(opts)
	if err != nil {
		return nil, err
	}
	k, ok := keyValue(reflect.ValueOf(src), a.fkAttr)
	if !ok {
		return nil, nil
	}
	w := Where{a.key.name: k}
	if o.Where != nil {
		o.Where = []any{w, o.Where}
	} else {
		o.Where = w
	}
	tgt, err := getScope(a.tgt, &o)
	if err != nil {
		return nil, err
	}
	return tgt.FindOne(ctx, o)
}

// Set points src at target, an instance (*T), a primary-key value, or nil,
// and saves src's foreign key (Sequelize's setX); with Save Bool(false) it
// only sets the field.
func (a *BelongsToAssociation[S, T]) Set(ctx context.Context, src *S, target any, opts ...SetOptions) error {
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	if err := o.check("BelongsTo.Set", true, false); err != nil {
		return err
	}
	f := fieldOf(reflect.ValueOf(src).Elem(), a.fkAttr)
	switch t := target.(type) {
	case nil:
		f.SetZero()
	case *T:
		if t == nil {
			f.SetZero()
			break
		}
		k := reflect.ValueOf(t).Elem().FieldByIndex(a.key.goIndex).Interface()
		if err := assignGo(f, k); err != nil {
			return errValue(a.src.m, a.fkAttr, k, err)
		}
	default:
		if err := assignGo(f, target); err != nil {
			return errValue(a.src.m, a.fkAttr, target, err)
		}
	}
	if o.Save != nil && !*o.Save {
		return nil
	}
	return a.src.Save(ctx, src, SaveOptions{Fields: []string{a.fk}, Transaction: o.Transaction, Logging: o.Logging})
}

// Create creates target and points src at it (Sequelize's createX).
func (a *BelongsToAssociation[S, T]) Create(ctx context.Context, src *S, target *T, opts ...CreateOptions) error {
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	return a.src.db.Transaction(ctx, func(ctx context.Context, tx *Tx) error {
		co := o
		co.Transaction = nil // the ctx carries it
		if err := a.tgt.Create(ctx, target, co); err != nil {
			return err
		}
		return a.Set(ctx, src, target, SetOptions{Logging: o.Logging})
	}, TransactionOptions{Transaction: o.Transaction})
}

// HasManyAssociation is source.hasMany(target): the foreign key is on the
// target. Made by HasMany.
type HasManyAssociation[S, T any] struct {
	assocBase
	src *Model[S]
	tgt *Model[T]
}

// HasOneAssociation is source.hasOne(target): the foreign key is on the
// target. Made by HasOne. Its mixins are Get, Set and Create.
type HasOneAssociation[S, T any] struct {
	h *HasManyAssociation[S, T]
}

// Type returns HasOneType.
func (a *HasOneAssociation[S, T]) Type() AssociationType { return a.h.typ }

// As returns the alias.
func (a *HasOneAssociation[S, T]) As() string { return a.h.as }

// ForeignKey returns the foreign-key attribute (on the target).
func (a *HasOneAssociation[S, T]) ForeignKey() string { return a.h.fk }

// SourceName returns the source model's name.
func (a *HasOneAssociation[S, T]) SourceName() string { return a.h.source.name }

// TargetName returns the target model's name.
func (a *HasOneAssociation[S, T]) TargetName() string { return a.h.target.name }

func (a *HasOneAssociation[S, T]) load(ctx context.Context, parents []reflect.Value, inc *Include, o *FindOptions) ([]reflect.Value, error) {
	return a.h.load(ctx, parents, inc, o)
}
func (a *HasOneAssociation[S, T]) exists(s *sqlb, parentAlias string, inc *Include) {
	a.h.exists(s, parentAlias, inc)
}
func (a *HasOneAssociation[S, T]) hasField() bool { return a.h.field != nil }

func (a *HasOneAssociation[S, T]) parentKey() *attribute { return a.h.parentKey() }

func (a *HasOneAssociation[S, T]) sourceField() []int { return a.h.field }

func (a *HasOneAssociation[S, T]) targetAssociations() map[string]Association {
	return a.h.targetAssociations()
}

// Set makes target (an instance, a primary key, or nil) the row
// associated with src, unlinking the previous one (Sequelize's setX): in
// one transaction, the previous row, when it is another, is saved with a
// NULL foreign key (its Fields only), then target is saved with src's key,
// so the target model's update (or, for a new instance, create) hooks run
// for each, and an error in one of them undoes both. A primary key is
// read as the row it names first (nothing is linked when no row has it).
// Nothing is saved when target is already the associated row.
func (a *HasOneAssociation[S, T]) Set(ctx context.Context, src *S, target any, opts ...SetOptions) error {
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	if err := o.check(a.h.typ.String()+".Set", false, false); err != nil {
		return err
	}
	tm := a.h.target.meta()
	items, err := targetItems[T](tm, tm.pks[0], target)
	if err != nil {
		return err
	}
	if len(items) > 1 {
		return errQuery("%s.Set takes one target, not %d", a.h.typ, len(items))
	}
	w, _, err := a.h.where(src, nil)
	if err != nil {
		return err
	}
	return a.h.src.db.Transaction(ctx, func(ctx context.Context, _ *Tx) error {
		old, err := a.h.tgt.Unscoped().FindOne(ctx, FindOptions{Where: w, Logging: o.Logging})
		if err != nil {
			return err
		}
		if old != nil {
			if len(items) == 1 {
				if k, ok := keyValue(reflect.ValueOf(old), tm.pks[0]); ok && fmt.Sprint(k) == fmt.Sprint(items[0].key) {
					return nil // already associated
				}
			}
			a.h.setFK(old, nil)
			if err := a.h.tgt.Save(ctx, old, SaveOptions{Fields: []string{a.h.fk}, Logging: o.Logging}); err != nil {
				return err
			}
		}
		if len(items) == 0 {
			return nil
		}
		t := items[0].inst
		if t == nil {
			if t, err = a.h.tgt.Unscoped().FindByPK(ctx, items[0].key, FindOptions{Logging: o.Logging}); err != nil || t == nil {
				return err
			}
		}
		if err := a.h.tgt.setValues(t, Values(w), false); err != nil {
			return err
		}
		return a.h.tgt.Save(ctx, t, SaveOptions{Logging: o.Logging})
	}, TransactionOptions{Transaction: o.Transaction})
}

// Create creates target associated with src (Sequelize's createX), as
// HasManyAssociation.Create does.
func (a *HasOneAssociation[S, T]) Create(ctx context.Context, src *S, target *T, opts ...CreateOptions) error {
	return a.h.Create(ctx, src, target, opts...)
}

// HasMany associates source with many targets, the foreign key on target
// (Sequelize's Model.hasMany): by default alias = the target's plural
// name, foreign key = source name + "Id" ("UserId"), referencing the
// source's primary key, ON DELETE SET NULL (CASCADE when NOT NULL), ON
// UPDATE CASCADE. It panics with an *AssociationError on a mistake, and
// then changes nothing. It may be called while queries run (see
// BelongsTo).
func HasMany[S, T any](source *Model[S], target *Model[T], opts ...AssociationOptions) *HasManyAssociation[S, T] {
	o := oneAssocOption(opts)
	fireAssociate(source, HasManyType, target.r.name, &o, nil)
	d := source.db.define()
	defer d.end()
	a := hasAssoc(d, source, target, o, HasManyType)
	addAssociation(d.draft(source.r), a)
	d.publish()
	fireAssociate(source, HasManyType, target.r.name, &o, a)
	return a
}

// HasOne associates source with one target, the foreign key on target
// (Sequelize's Model.hasOne); defaults as HasMany, with a singular alias.
// It may be called while queries run (see BelongsTo).
func HasOne[S, T any](source *Model[S], target *Model[T], opts ...AssociationOptions) *HasOneAssociation[S, T] {
	o := oneAssocOption(opts)
	fireAssociate(source, HasOneType, target.r.name, &o, nil)
	d := source.db.define()
	defer d.end()
	a := &HasOneAssociation[S, T]{hasAssoc(d, source, target, o, HasOneType)}
	addAssociation(d.draft(source.r), a)
	d.publish()
	fireAssociate(source, HasOneType, target.r.name, &o, a)
	return a
}

// hasAssoc makes the HasMany (or HasOne's) association in session d: the
// foreign key on the target's draft; the caller registers it on the
// source's.
func hasAssoc[S, T any](d *defineSession, source *Model[S], target *Model[T], o AssociationOptions, typ AssociationType) *HasManyAssociation[S, T] {
	d.source = source.r
	tm := d.draft(target.r)
	sm := d.view(source.r)
	as := o.As
	if as == "" {
		as = tm.plural
		if typ == HasOneType {
			as = tm.singular
		}
	}
	key := sm.primaryOrNamed(o.SourceKey, "SourceKey")
	fk := o.ForeignKey
	if fk == "" {
		base := sm.singular
		if typ == HasOneType && o.As != "" {
			base = naming.Singularize(o.As)
		}
		fk = naming.Camelize(base + "_" + key.name)
	}
	onDelete := "SET NULL"
	if a := tm.fkNamed(fk); a != nil && !a.allowNull {
		onDelete = "CASCADE"
	}
	eff := onDelete
	if o.OnDelete != "" {
		eff = o.OnDelete
	}
	a := &HasManyAssociation[S, T]{src: source, tgt: target}
	a.assocBase = assocBase{typ: typ, as: as, source: source.r, target: target.r, fk: fk, key: key, sourceDB: source.db, scope: o.Scope}
	a.fkAttr = fkAttribute(tm, fk, sm, key, o, onDelete)
	a.fieldMany = typ == HasManyType
	a.field = includeField(sm, as, tm.goType, a.fieldMany)
	if o.Hooks && strings.EqualFold(eff, "CASCADE") {
		sm := d.draft(source.r)
		sm.cascades = append(sm.cascades, func(ctx context.Context, parent any, force bool, logger *slog.Logger) error {
			children, err := a.Get(ctx, parent.(*S), FindOptions{Logging: logger})
			if err != nil {
				return err
			}
			for _, c := range children {
				if err := target.DestroyInstance(ctx, c, DestroyOptions{Force: force, Logging: logger}); err != nil {
					return err
				}
			}
			return nil
		})
	}
	return a
}

func (a *HasManyAssociation[S, T]) load(ctx context.Context, parents []reflect.Value, inc *Include, o *FindOptions) ([]reflect.Value, error) {
	keys := distinctKeys(parents, a.key)
	byKey := map[any][]*T{}
	var out []reflect.Value
	for _, chunk := range chunks(keys) {
		if len(chunk) == 0 {
			continue
		}
		tgt, err := withScope(a.tgt, inc.Scope)
		if err != nil {
			return nil, err
		}
		f := includeFind(inc, o, a.fkAttr, chunk, a.scope)
		rows, err := tgt.FindAll(ctx, f)
		if err != nil {
			return nil, err
		}
		for i, r := range rows {
			k := childKey(&f, len(rows), i, reflect.ValueOf(r), a.fkAttr)
			byKey[k] = append(byKey[k], r)
			out = append(out, reflect.ValueOf(r))
		}
	}
	if a.field == nil {
		return out, nil
	}
	for _, p := range parents {
		f := p.Elem().FieldByIndex(a.field)
		k, _ := keyValue(p, a.key)
		rows := byKey[k]
		if a.fieldMany {
			if rows == nil {
				rows = []*T{}
			}
			f.Set(reflect.ValueOf(rows))
		} else if len(rows) > 0 {
			f.Set(reflect.ValueOf(rows[0]))
		} else {
			f.SetZero()
		}
	}
	return out, nil
}

func (a *HasManyAssociation[S, T]) exists(s *sqlb, parentAlias string, inc *Include) {
	writeExists(s, a.sourceDB, a.target.meta(), a.as, a.fkAttr, parentAlias, a.key, inc, a.scope)
}

func (a *HasManyAssociation[S, T]) where(src *S, extra any) (Where, any, error) {
	k, ok := keyValue(reflect.ValueOf(src), a.key)
	if !ok {
		return nil, nil, errInstance("the %s source has no %s: save it first", a.as, a.key.name)
	}
	w := Where{a.fk: k}
	for n, v := range a.scope {
		w[n] = v
	}
	if extra != nil {
		return w, []any{w, extra}, nil
	}
	return w, w, nil
}

// Get returns src's associated rows (Sequelize's getXs), filtered and
// ordered by opts. The target's default scope applies unless
// FindOptions.Scope names others.
func (a *HasManyAssociation[S, T]) Get(ctx context.Context, src *S, opts ...FindOptions) ([]*T, error) {
	o, err := oneOption(opts)
	if err != nil {
		return nil, err
	}
	_, o.Where, err = a.where(src, o.Where)
	if err != nil {
		return nil, err
	}
	tgt, err := getScope(a.tgt, &o)
	if err != nil {
		return nil, err
	}
	return tgt.FindAll(ctx, o)
}

// Count counts src's associated rows (Sequelize's countXs).
func (a *HasManyAssociation[S, T]) Count(ctx context.Context, src *S, opts ...CountOptions) (int64, error) {
	o, err := oneOption(opts)
	if err != nil {
		return 0, err
	}
	_, o.Where, err = a.where(src, o.Where)
	if err != nil {
		return 0, err
	}
	return a.tgt.Count(ctx, o)
}

// targetKeys turns a mixin's target argument (an instance, a key, a slice
// of either) into primary-key values.
func targetKeys[T any](m *modelMeta, target any) ([]any, error) {
	items, err := targetItems[T](m, m.pks[0], target)
	keys := make([]any, len(items))
	for i, it := range items {
		keys[i] = it.key
	}
	return keys, err
}

// linkTarget is a mixin's target: its key, and the instance when one was
// given.
type linkTarget[T any] struct {
	key  any
	inst *T
}

// targetItems reads a mixin's target argument: an instance, a key value,
// a slice of either, or nil; key is the attribute an instance gives.
func targetItems[T any](m *modelMeta, key *attribute, target any) ([]linkTarget[T], error) {
	one := func(v any) (linkTarget[T], error) {
		if t, ok := v.(*T); ok {
			k, ok := keyValue(reflect.ValueOf(t), key)
			if !ok {
				return linkTarget[T]{}, errInstance("an associated %s instance has no %s: save it first", m.name, key.name)
			}
			return linkTarget[T]{key: k, inst: t}, nil
		}
		if k, ok := keyOf(reflect.ValueOf(v)); ok {
			return linkTarget[T]{key: k}, nil
		}
		return linkTarget[T]{}, errQuery("%v is neither a *%s nor a primary key", v, m.name)
	}
	if target == nil {
		return nil, nil
	}
	rv := reflect.ValueOf(target)
	if rv.Kind() == reflect.Slice && rv.Type().Elem().Kind() != reflect.Uint8 {
		out := make([]linkTarget[T], 0, rv.Len())
		for i := range rv.Len() {
			it, err := one(rv.Index(i).Interface())
			if err != nil {
				return nil, err
			}
			out = append(out, it)
		}
		return out, nil
	}
	it, err := one(target)
	if err != nil {
		return nil, err
	}
	return []linkTarget[T]{it}, nil
}

// setFK sets the foreign key of the instances among targets, in memory.
func (a *HasManyAssociation[S, T]) setFK(target any, v any) {
	each := func(x any) {
		if t, ok := x.(*T); ok && t != nil {
			if f := fieldOf(reflect.ValueOf(t).Elem(), a.fkAttr); f.IsValid() {
				if v == nil {
					f.SetZero()
				} else {
					_ = assignGo(f, v)
				}
			}
		}
	}
	rv := reflect.ValueOf(target)
	if rv.IsValid() && rv.Kind() == reflect.Slice {
		for i := range rv.Len() {
			each(rv.Index(i).Interface())
		}
		return
	}
	each(target)
}

// Has reports whether every target (an instance, a key, or a slice of
// either) is associated with src (Sequelize's hasX / hasXs), whatever
// the target model's scope.
func (a *HasManyAssociation[S, T]) Has(ctx context.Context, src *S, target any, opts ...CountOptions) (bool, error) {
	o, err := oneOption(opts)
	if err != nil {
		return false, err
	}
	keys, err := targetKeys[T](a.target.meta(), target)
	if err != nil || len(keys) == 0 {
		return false, err
	}
	w, _, err := a.where(src, nil)
	if err != nil {
		return false, err
	}
	w[a.target.meta().pks[0].name] = keys
	o.Where = w
	// Unscoped, as Sequelize's hasX ({scope: false}): the link is what
	// counts, not whether the target's scope shows the row.
	n, err := a.tgt.Unscoped().Count(ctx, o)
	return n == int64(len(slices.Compact(keys))), err
}

// Add associates targets (an instance, a key, or a slice of either) with
// src in one UPDATE (Sequelize's addX / addXs), whatever the target
// model's scope, as in Sequelize.
func (a *HasManyAssociation[S, T]) Add(ctx context.Context, src *S, target any, opts ...SetOptions) error {
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	if err := o.check(a.typ.String()+".Add", false, false); err != nil {
		return err
	}
	keys, err := targetKeys[T](a.target.meta(), target)
	if err != nil || len(keys) == 0 {
		return err
	}
	w, _, err := a.where(src, nil)
	if err != nil {
		return err
	}
	values := Values{}
	for k, v := range w {
		values[k] = v
	}
	if _, err := a.tgt.Unscoped().Update(ctx, values, UpdateOptions{Where: Where{a.target.meta().pks[0].name: keys}, Transaction: o.Transaction, Logging: o.Logging}); err != nil {
		return err
	}
	a.setFK(target, w[a.fk])
	return nil
}

// Remove dissociates targets from src in one UPDATE, setting their foreign
// key to NULL (Sequelize's removeX / removeXs), whatever the target
// model's scope.
func (a *HasManyAssociation[S, T]) Remove(ctx context.Context, src *S, target any, opts ...SetOptions) error {
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	if err := o.check(a.typ.String()+".Remove", false, false); err != nil {
		return err
	}
	keys, err := targetKeys[T](a.target.meta(), target)
	if err != nil || len(keys) == 0 {
		return err
	}
	w, _, err := a.where(src, nil)
	if err != nil {
		return err
	}
	w[a.target.meta().pks[0].name] = keys
	if _, err := a.tgt.Unscoped().Update(ctx, Values{a.fk: nil}, UpdateOptions{Where: w, Transaction: o.Transaction, Logging: o.Logging}); err != nil {
		return err
	}
	a.setFK(target, nil)
	return nil
}

// Set makes targets (an instance, a key, a slice of either, or nil) the
// only rows associated with src: two UPDATEs, one unlinking the others,
// one linking these (Sequelize's setXs; for HasOne, setX). Like
// Sequelize's, they ignore the target model's scope, but not the
// association's Scope: only the rows Get would return are unlinked.
func (a *HasManyAssociation[S, T]) Set(ctx context.Context, src *S, target any, opts ...SetOptions) error {
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	if err := o.check(a.typ.String()+".Set", false, false); err != nil {
		return err
	}
	keys, err := targetKeys[T](a.target.meta(), target)
	if err != nil {
		return err
	}
	w, _, err := a.where(src, nil)
	if err != nil {
		return err
	}
	return a.src.db.Transaction(ctx, func(ctx context.Context, tx *Tx) error {
		// Only the rows Get reads (the foreign key and the association's
		// Scope) are unlinked, as in Sequelize: a polymorphic sibling
		// association's rows under the same key stay linked.
		unlink := w
		if len(keys) > 0 {
			unlink[a.target.meta().pks[0].name] = op.NotIn(keys)
		}
		if _, err := a.tgt.Unscoped().Update(ctx, Values{a.fk: nil}, UpdateOptions{Where: unlink, Logging: o.Logging}); err != nil {
			return err
		}
		if len(keys) == 0 {
			return nil
		}
		return a.Add(ctx, src, target, SetOptions{Logging: o.Logging})
	}, TransactionOptions{Transaction: o.Transaction})
}

// Create creates target associated with src (Sequelize's createX). The
// foreign key and the association's Scope attributes are set on target
// and, when CreateOptions.Fields restricts the insert, added to Fields.
func (a *HasManyAssociation[S, T]) Create(ctx context.Context, src *S, target *T, opts ...CreateOptions) error {
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	w, _, err := a.where(src, nil)
	if err != nil {
		return err
	}
	if err := a.tgt.setValues(target, Values(w), false); err != nil {
		return err
	}
	o.Fields = withFields(o.Fields, Values(w))
	return a.tgt.Create(ctx, target, o)
}

// withFields adds the attributes of values to a Fields list (nil stays
// nil: every attribute), without changing the caller's slice.
func withFields(fields []string, values Values) []string {
	if fields == nil {
		return nil
	}
	out := slices.Clone(fields)
	var add []string
	for n := range values {
		if !slices.Contains(out, n) {
			add = append(add, n)
		}
	}
	slices.Sort(add)
	return append(out, add...)
}

// Get returns src's associated row, or nil (Sequelize's getX). The
// target's default scope applies unless FindOptions.Scope names others.
func (a *HasOneAssociation[S, T]) Get(ctx context.Context, src *S, opts ...FindOptions) (*T, error) {
	o, err := oneOption(opts)
	if err != nil {
		return nil, err
	}
	_, o.Where, err = a.h.where(src, o.Where)
	if err != nil {
		return nil, err
	}
	tgt, err := getScope(a.h.tgt, &o)
	if err != nil {
		return nil, err
	}
	return tgt.FindOne(ctx, o)
}

func (a *BelongsToAssociation[S, T]) createNested(ctx context.Context, parent reflect.Value, inc *Include, before bool) error {
	if !before || a.field == nil {
		return nil
	}
	t, _ := parent.Elem().FieldByIndex(a.field).Interface().(*T)
	if t == nil {
		return nil
	}
	if a.tgt.IsNewRecord(t) {
		if err := a.tgt.Create(ctx, t, CreateOptions{Include: inc.Include}); err != nil {
			return err
		}
	}
	return a.Set(ctx, parent.Interface().(*S), t, SetOptions{Save: Bool(false)})
}

func (a *HasManyAssociation[S, T]) createNested(ctx context.Context, parent reflect.Value, inc *Include, before bool) error {
	if before || a.field == nil {
		return nil
	}
	var children []*T
	switch v := parent.Elem().FieldByIndex(a.field).Interface().(type) {
	case []*T:
		children = v
	case *T:
		if v != nil {
			children = []*T{v}
		}
	}
	src := parent.Interface().(*S)
	for _, c := range children {
		if !a.tgt.IsNewRecord(c) {
			if err := a.Add(ctx, src, c); err != nil {
				return err
			}
			continue
		}
		w, _, err := a.where(src, nil)
		if err != nil {
			return err
		}
		if err := a.tgt.setValues(c, Values(w), false); err != nil {
			return err
		}
		if err := a.tgt.Create(ctx, c, CreateOptions{Include: inc.Include}); err != nil {
			return err
		}
	}
	return nil
}

func (a *HasOneAssociation[S, T]) createNested(ctx context.Context, parent reflect.Value, inc *Include, before bool) error {
	return a.h.createNested(ctx, parent, inc, before)
}

func (a *HasOneAssociation[S, T]) orderFirst(s *sqlb, parentAlias, alias, dir string, inc *Include, inner func(s *sqlb, target, through *whereCtx)) {
	a.h.orderFirst(s, parentAlias, alias, dir, inc, inner)
}
