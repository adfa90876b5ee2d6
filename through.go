package sequelize

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/gosequelize/sequelize/internal/naming"
)

// AnyModel is implemented by every *Model[T] whatever its T, so an option
// can name a model of any type (BelongsToManyOptions.ThroughModel).
type AnyModel interface {
	// Name is the model's name.
	Name() string
	// TableName is its table.
	TableName() string
	ref() *modelRef
}

func (md *modelCore) ref() *modelRef { return md.r }

// ThroughOptions shape the junction rows of a BelongsToMany include
// (Sequelize's include.through).
type ThroughOptions struct {
	// Attributes picks the through model's attributes read into the
	// targets' through field; an empty non-nil slice reads none and leaves
	// the field nil (Sequelize's joinTableAttributes: []). Default: all of
	// them, when the target struct has the field.
	Attributes []string
	// Where filters the junction rows (and so the targets); like Where, it
	// makes the include required unless Required says otherwise.
	Where any
	// Paranoid, for a paranoid junction, skips soft-deleted links
	// (default true).
	Paranoid *bool
}

func (t ThroughOptions) set() bool { return t.Attributes != nil || t.Where != nil || t.Paranoid != nil }

// junctionOps are the operations the BelongsToMany mixins run on junction
// rows, given and returned as Values keyed by attribute name: through a
// through model (its hooks and validation run, as in Sequelize), or as
// plain statements on a generated junction table.
type junctionOps interface {
	// findJunction returns every row matching where, soft-deleted ones
	// included.
	findJunction(ctx context.Context, where Where, o SetOptions) ([]Values, error)
	createJunction(ctx context.Context, rows []Values, o SetOptions) error
	updateJunction(ctx context.Context, values Values, where Where, o SetOptions) error
	destroyJunction(ctx context.Context, where Where, o SetOptions) error
	restoreJunction(ctx context.Context, where Where, o SetOptions) error
	// normalizeJunction converts values to the attributes' Go types (what
	// findJunction returns), refusing unknown attributes.
	normalizeJunction(values Values) (Values, error)
}

func (md *Model[T]) findJunction(ctx context.Context, where Where, o SetOptions) ([]Values, error) {
	md = md.at()
	rows, err := md.Unscoped().FindAll(ctx, FindOptions{Where: where, Paranoid: Bool(false), Raw: true, Logging: o.Logging, internal: true})
	if err != nil {
		return nil, err
	}
	out := make([]Values, len(rows))
	for i, r := range rows {
		out[i] = md.valuesOf(reflect.ValueOf(r).Elem())
	}
	return out, nil
}

// valuesOf reads the attribute fields of a struct value.
func (md *modelCore) valuesOf(rv reflect.Value) Values {
	v := Values{}
	for _, a := range md.m.attrs {
		if a.goIndex != nil {
			v[a.name] = rv.FieldByIndex(a.goIndex).Interface()
		}
	}
	return v
}

func (md *Model[T]) createJunction(ctx context.Context, rows []Values, o SetOptions) error {
	insts := make([]*T, len(rows))
	for i, r := range rows {
		inst, err := md.Build(r)
		if err != nil {
			return err
		}
		insts[i] = inst
	}
	return md.BulkCreate(ctx, insts, BulkCreateOptions{Validate: true, Logging: o.Logging})
}

func (md *Model[T]) updateJunction(ctx context.Context, values Values, where Where, o SetOptions) error {
	_, err := md.Unscoped().Update(ctx, values, UpdateOptions{Where: where, Logging: o.Logging})
	return err
}

func (md *Model[T]) destroyJunction(ctx context.Context, where Where, o SetOptions) error {
	_, err := md.Unscoped().Destroy(ctx, DestroyOptions{Where: where, Logging: o.Logging})
	return err
}

func (md *Model[T]) restoreJunction(ctx context.Context, where Where, o SetOptions) error {
	_, err := md.Unscoped().Restore(ctx, RestoreOptions{Where: where, Logging: o.Logging})
	return err
}

func (md *Model[T]) normalizeJunction(values Values) (Values, error) {
	md = md.at()
	inst := new(T)
	if err := md.setValues(inst, values, false); err != nil {
		return nil, err
	}
	all := md.valuesOf(reflect.ValueOf(inst).Elem())
	out := Values{}
	for n := range values {
		out[n] = all[n]
	}
	return out, nil
}

// genJunction runs the junction operations on a generated junction table
// (BelongsToManyOptions.Through naming no model), which has no Go type and
// no hooks.
type genJunction struct {
	db *DB
	r  *modelRef
}

func (g genJunction) findJunction(ctx context.Context, where Where, o SetOptions) ([]Values, error) {
	m := g.r.meta()
	s := newSQLB(g.db)
	c := &whereCtx{db: g.db, m: m}
	s.w("SELECT ")
	for i, a := range m.attrs {
		if i > 0 {
			s.w(", ")
		}
		s.id(a.field)
	}
	s.w(" FROM ").table(m.schema, m.table).w(" WHERE ")
	c.cond(s, where)
	if s.err != nil {
		return nil, s.err
	}
	res, err := g.db.run(ctx, s.String(), s.args, QueryOptions{Type: QueryTypeSelect, Logging: o.Logging})
	if err != nil {
		return nil, err
	}
	out := make([]Values, len(res.Rows))
	for i, r := range res.Rows {
		v := Values{}
		for _, a := range m.attrs {
			x := r[a.field]
			if a.primaryKey {
				if k, ok := rowKey(g.db, a, x); ok {
					x = k
				}
			}
			v[a.name] = x
		}
		out[i] = v
	}
	return out, nil
}

func (g genJunction) createJunction(ctx context.Context, rows []Values, o SetOptions) error {
	m := g.r.meta()
	if len(rows) == 0 {
		return nil
	}
	ts := now()
	var cols []*attribute
	for _, a := range m.attrs {
		if _, given := rows[0][a.name]; given || a.role == roleCreatedAt || a.role == roleUpdatedAt {
			cols = append(cols, a)
		}
	}
	per := max(1, maxParams/len(cols))
	for start := 0; start < len(rows); start += per {
		batch := rows[start:min(start+per, len(rows))]
		vals := make([][]any, len(batch))
		for r, row := range batch {
			vals[r] = make([]any, len(cols))
			for i, col := range cols {
				v := row[col.name]
				if col.role == roleCreatedAt || col.role == roleUpdatedAt {
					v = ts
				}
				bv, err := bindValue(g.db, col, v)
				if err != nil {
					return errValue(m, col, v, err)
				}
				vals[r][i] = bv
			}
		}
		s := newSQLB(g.db)
		writeInsert(s, g.db, m, cols, vals, "INSERT")
		if s.err != nil {
			return s.err
		}
		if _, err := g.db.run(ctx, s.String(), s.args, QueryOptions{Type: QueryTypeInsert, Logging: o.Logging}); err != nil {
			return err
		}
	}
	return nil
}

// set runs UPDATE junction SET values WHERE where.
func (g genJunction) set(ctx context.Context, values Values, where any, o SetOptions) error {
	m := g.r.meta()
	s := newSQLB(g.db)
	c := &whereCtx{db: g.db, m: m}
	s.w("UPDATE ").table(m.schema, m.table).w(" SET ")
	names := make([]string, 0, len(values))
	for n := range values {
		names = append(names, n)
	}
	slices.Sort(names)
	for i, n := range names {
		a := m.byName[n]
		if a == nil {
			return errUnknownAttr(m, n)
		}
		if i > 0 {
			s.w(",")
		}
		bv, err := bindValue(g.db, a, values[n])
		if err != nil {
			return errValue(m, a, values[n], err)
		}
		s.id(a.field).w("=").arg(bv)
	}
	s.w(" WHERE ")
	c.cond(s, where)
	if s.err != nil {
		return s.err
	}
	_, err := g.db.run(ctx, s.String(), s.args, QueryOptions{Type: QueryTypeBulkUpdate, Logging: o.Logging})
	return err
}

func (g genJunction) updateJunction(ctx context.Context, values Values, where Where, o SetOptions) error {
	m := g.r.meta()
	v := Values{}
	for n, x := range values {
		v[n] = x
	}
	if m.updatedAt != nil {
		v[m.updatedAt.name] = now()
	}
	return g.set(ctx, v, where, o)
}

func (g genJunction) destroyJunction(ctx context.Context, where Where, o SetOptions) error {
	m := g.r.meta()
	if d := m.deletedAt; d != nil {
		return g.set(ctx, Values{d.name: now()}, []any{where, Where{d.name: nil}}, o)
	}
	s := newSQLB(g.db)
	c := &whereCtx{db: g.db, m: m}
	s.w("DELETE FROM ").table(m.schema, m.table).w(" WHERE ")
	c.cond(s, where)
	if s.err != nil {
		return s.err
	}
	_, err := g.db.run(ctx, s.String(), s.args, QueryOptions{Type: QueryTypeBulkDelete, Logging: o.Logging})
	return err
}

func (g genJunction) restoreJunction(ctx context.Context, where Where, o SetOptions) error {
	m := g.r.meta()
	return g.set(ctx, Values{m.deletedAt.name: nil}, where, o)
}

func (g genJunction) normalizeJunction(values Values) (Values, error) {
	m := g.r.meta()
	for n := range values {
		if m.byName[n] == nil {
			return nil, errUnknownAttr(m, n)
		}
	}
	return values, nil
}

// injectThroughKeys makes a through model (a draft) the junction of an association:
// Sequelize's _injectAttributes. The implicit id (no struct field) is
// dropped and the two keys become the primary key; a model with its own
// primary key gets a composite unique key on them instead (unless
// ThroughUnique is Bool(false)). pkDeleted says an earlier injection of
// the same association dropped that id; the result says whether this one
// (or that one) did. When other is a default name (otherDefault) without a
// struct field, it returns an *AssociationError instead of panicking: a
// paired association defined later may replace that key with one of its
// own (Sequelize's paired).
func injectThroughKeys(m *modelMeta, sm *modelMeta, skey *attribute, fk string, tm *modelMeta, tkey *attribute, other string, otherDefault, pkDeleted bool, o BelongsToManyOptions) (bool, error) {
	for _, a := range slices.Clone(m.attrs) {
		if !a.primaryKey || !a.autoGenerated {
			continue
		}
		pkDeleted = true
		m.attrs = slices.DeleteFunc(m.attrs, func(x *attribute) bool { return x == a })
		delete(m.byName, a.name)
		delete(m.byLower, strings.ToLower(a.name))
		delete(m.byField, a.field)
		m.pks = slices.DeleteFunc(m.pks, func(x *attribute) bool { return x == a })
		if m.autoInc == a {
			m.autoInc = nil
		}
	}
	// After a paired association the keys may already be the primary key.
	// (A self-association may name both keys alike: then one column.)
	keyNames := slices.Compact([]string{fk, other})
	if !pkDeleted && len(m.pks) == len(keyNames) && m.byName[fk] != nil && m.byName[other] != nil &&
		m.byName[fk].primaryKey && m.byName[other].primaryKey {
		pkDeleted = true
	}
	key := func(name string, ref *modelMeta, refKey *attribute, source bool) *attribute {
		// A key a paired association injected keeps its place, as in
		// Sequelize; a first injection moves it last.
		pos := -1
		prev := m.byName[name]
		if prev != nil && prev.references != nil {
			pos = slices.Index(m.attrs, prev)
		}
		ao := AssociationOptions{Constraints: o.Constraints, OnDelete: o.OnDelete, OnUpdate: o.OnUpdate}
		if !source && prev != nil && prev.references != nil {
			// The target key's actions a paired association set first
			// win; for the source key these options do (as in Sequelize).
			ao.OnDelete, ao.OnUpdate = "", ""
		}
		a := fkAttribute(m, name, ref, refKey, ao, "CASCADE")
		if pos >= 0 {
			m.attrs = slices.Insert(slices.DeleteFunc(m.attrs, func(x *attribute) bool { return x == a }), pos, a)
		}
		if pkDeleted && !a.primaryKey {
			a.primaryKey = true
			m.pks = append(m.pks, a)
		}
		return a
	}
	fa := key(fk, sm, skey, true)
	if otherDefault && m.fkNamed(other) == nil {
		return pkDeleted, &AssociationError{newBase("SequelizeAssociationError", fmt.Sprintf(
			"%s.belongsToMany(%s): %s has no struct field for the other key %q: add a field %s (type %s or a pointer to it), set OtherKey, or define the paired association through %s, whose foreign key becomes this key",
			sm.name, tm.name, m.name, other, strings.ToUpper(other[:1])+other[1:], tkey.goType, m.name), nil)}
	}
	oa := key(other, tm, tkey, false)
	if !pkDeleted && (o.ThroughUnique == nil || *o.ThroughUnique) {
		name := o.UniqueKey
		if name == "" {
			name = strings.Join([]string{m.table, fk, other, "unique"}, "_")
		}
		// A paired association renames the key, as in Sequelize, where the
		// last association to inject its attributes names it.
		for n, uk := range m.uniqueKeys {
			if len(uk.fields) == len(keyNames) && slices.Contains(uk.fields, fk) && slices.Contains(uk.fields, other) {
				delete(m.uniqueKeys, n)
				m.ukOrder = slices.DeleteFunc(m.ukOrder, func(x string) bool { return x == n })
			}
		}
		fa.unique, oa.unique = name, name
		m.uniqueKeys[name] = &uniqueKey{name: name, fields: keyNames}
		m.ukOrder = append(m.ukOrder, name)
	}
	return pkDeleted, nil
}

// throughField finds the target struct's field holding a junction row:
// named after the through model (Sequelize's target[Through.name]), of type
// *J.
func throughField(tm *modelMeta, through *modelMeta) []int {
	if tm.goType == nil || through.goType == nil {
		return nil
	}
	for _, name := range []string{through.name, naming.Singularize(through.name)} {
		if f, ok := tm.goType.FieldByNameFunc(func(n string) bool { return strings.EqualFold(n, name) }); ok {
			if f.Type != reflect.PointerTo(through.goType) {
				assocPanic("%s.%s must be of type %s to hold the %s junction row", tm.name, f.Name, reflect.PointerTo(through.goType), through.name)
			}
			return f.Index
		}
	}
	return nil
}
