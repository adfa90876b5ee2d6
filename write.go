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

	"github.com/google/uuid"
	"github.com/gosequelize/sequelize/dialect"
	"github.com/gosequelize/sequelize/op"
)

// Values are attribute values for Update, Increment and Upsert, keyed by
// attribute name. A value may be an expression (Literal, Fn, Col).
type Values map[string]any

// CreateOptions are Sequelize's create (and save of a new record) options.
type CreateOptions struct {
	// Fields restricts the attributes inserted (others take their
	// database defaults; the primary key, when it has a default, and the
	// timestamps are inserted too). As Sequelize's create, which builds
	// the instance from the listed fields only, Create first clears the
	// struct fields of the attributes not listed, so the instance holds
	// what was stored on every dialect. A value a BeforeCreate hook sets
	// outside Fields is not stored: it stays in the struct, and Changed
	// lists it (a later Save writes it).
	Fields []string
	// Validate, when Bool(false), skips validation (default true).
	Validate *bool
	// Include creates the associated rows held in the instance's include
	// fields too (Sequelize's nested creation), in one transaction:
	// BelongsTo targets first (setting the foreign key), then the instance,
	// then HasOne, HasMany and BelongsToMany children (with their keys),
	// then the instance's AfterCreate and AfterSave hooks, which so see the
	// children created, as in Sequelize. Instances that are not new are
	// linked rather than created.
	Include []Include
	// Silent keeps an updatedAt the instance already holds, as Sequelize's
	// silent: true on a create; without it, or when updatedAt is zero,
	// updatedAt is the insert's time (Sequelize would leave a zero one
	// NULL, which its NOT NULL column refuses). createdAt keeps a value
	// the instance holds either way.
	Silent bool
	// Through gives the junction row's attributes when a
	// BelongsToManyAssociation's Create links the new target (Sequelize's
	// options.through); anywhere else it is an error.
	Through Values
	// Transaction runs the statement in this transaction.
	Transaction *Tx
	// Logging overrides the DB's logger.
	Logging *slog.Logger

	keepUnlisted bool // BulkCreate: Fields does not clear the other struct fields
}

// now is the timestamp written to createdAt/updatedAt/deletedAt: UTC, to
// the millisecond, as a JavaScript Date.
func now() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }

// fieldOf returns the struct field of attribute a in inst, or an invalid
// Value when a has no field.
func fieldOf(rv reflect.Value, a *attribute) reflect.Value {
	if a.goIndex == nil {
		return reflect.Value{}
	}
	return rv.FieldByIndex(a.goIndex)
}

// defaultFor computes an attribute's default for a new instance, and
// whether it has one the application computes.
func defaultFor(a *attribute, ts time.Time) (any, bool) {
	switch {
	case a.defaultFn != nil:
		return a.defaultFn(), true
	case a.defaultKey == "NOW":
		return ts, true
	case a.defaultKey == "UUIDV4":
		return uuid.NewString(), true
	case a.defaultKey == "UUIDV1":
		u, err := uuid.NewUUID()
		if err != nil {
			return nil, false
		}
		return u.String(), true
	case a.defaultValue != nil:
		return a.defaultValue, true
	}
	return nil, false
}

// setField stores v (a default or a generated value) into a struct field.
func setField(f reflect.Value, v any) error {
	if !f.IsValid() || v == nil {
		return nil
	}
	return assignGo(f, v)
}

// insertColumns computes the columns and values of an INSERT of inst,
// applying defaults and timestamps to the struct as Sequelize does to the
// instance. Zero values are inserted as they are, except where the
// attribute has a default, which then replaces the zero value (unless
// Build or Set named the attribute: see tracker.given), and for an
// auto-increment key, which the database then assigns. With silent true,
// a non-zero updatedAt is kept as createdAt is (CreateOptions.Silent, BulkCreateOptions.Silent).
func (md *Model[T]) insertColumns(inst *T, fields []string, ts time.Time, silent bool) ([]*attribute, []any, error) {
	rv := reflect.ValueOf(inst).Elem()
	given := md.tr.givenOf(inst) // attributes Build or Set named: kept as given
	cols := make([]*attribute, 0, len(md.m.attrs))
	vals := make([]any, 0, len(md.m.attrs))
	for _, a := range md.m.attrs {
		if fields != nil && !md.insertsUnlisted(a) && !slices.Contains(fields, a.name) {
			continue
		}
		f := fieldOf(rv, a)
		var v any
		zero := true
		if f.IsValid() {
			zero = f.IsZero()
			v = f.Interface()
		}
		switch a.role {
		case roleCreatedAt:
			if zero {
				v = ts
				if err := setField(f, ts); err != nil {
					return nil, nil, err
				}
			}
		case roleUpdatedAt:
			if silent && !zero {
				break // Silent keeps the instance's updatedAt
			}
			v = ts
			if err := setField(f, ts); err != nil {
				return nil, nil, err
			}
		case roleDeletedAt:
			if zero {
				if a.defaultValue == nil {
					continue
				}
				v = a.defaultValue // a paranoid model's "not deleted" value
				if err := setField(f, v); err != nil {
					return nil, nil, err
				}
			}
		default:
			if zero && given[a.name] && !a.autoIncrement {
				break // a zero (or nil) the values gave is stored as given
			}
			if zero {
				if a.autoIncrement {
					continue // the database numbers it
				}
				if a.defaultSQL != nil {
					continue // the database's DEFAULT applies
				}
				if d, ok := defaultFor(a, ts); ok {
					if f.IsValid() {
						if err := setField(f, d); err != nil {
							return nil, nil, errValue(md.m, a, d, err)
						}
						v = f.Interface()
					} else {
						v = d
					}
				} else if !f.IsValid() {
					continue
				}
			}
		}
		bv, err := bindValue(md.db, a, v)
		if err != nil {
			return nil, nil, errValue(md.m, a, v, err)
		}
		if bv == nil && md.m.opts.OmitNull {
			continue
		}
		cols = append(cols, a)
		vals = append(vals, bv)
	}
	return cols, vals, nil
}

func (md *modelCore) writeInsert(s *sqlb, cols []*attribute, rows [][]any, verb string) {
	writeInsert(s, md.db, md.m, cols, rows, verb)
}

// writeInsert writes "INSERT INTO t (cols) VALUES (...)" for rows of bound
// values; with no columns, the dialect's all-defaults form.
func writeInsert(s *sqlb, db *DB, m *modelMeta, cols []*attribute, rows [][]any, verb string) {
	s.w(verb).w(" INTO ").table(m.schema, m.table)
	if len(cols) == 0 {
		if db.dialect.Features().Has(dialect.DefaultValuesInsert) {
			s.w(" DEFAULT VALUES")
		} else {
			s.w(" () VALUES ()")
		}
		return
	}
	s.w(" (")
	for i, a := range cols {
		if i > 0 {
			s.w(",")
		}
		s.id(a.field)
	}
	s.w(") VALUES ")
	for r, vals := range rows {
		if r > 0 {
			s.w(",")
		}
		s.w("(")
		for i, v := range vals {
			if i > 0 {
				s.w(",")
			}
			if e, ok := v.(Expr); ok {
				s.expr(e, func(s *sqlb, name string) { s.failf("a column reference cannot be inserted") })
				continue
			}
			s.arg(v)
		}
		s.w(")")
	}
}

// writeReturning writes RETURNING with every column, where the dialect has it.
func (md *modelCore) writeReturning(s *sqlb) bool {
	return md.writeReturningOf(s, md.m.attrs)
}

// writeReturningOf writes RETURNING with attrs' columns, where the dialect
// has it and attrs is not empty.
func (md *modelCore) writeReturningOf(s *sqlb, attrs []*attribute) bool {
	if !md.db.dialect.Features().Has(dialect.Returning) || len(attrs) == 0 {
		return false
	}
	s.w(" RETURNING ")
	for i, a := range attrs {
		if i > 0 {
			s.w(",")
		}
		s.id(a.field)
	}
	return true
}

// insertsUnlisted reports whether an insert with Fields writes a although
// Fields does not list it, as Sequelize's save does: the timestamps and
// version, and a primary key with a default.
func (md *modelCore) insertsUnlisted(a *attribute) bool {
	switch a.role {
	case roleCreatedAt, roleUpdatedAt, roleVersion:
		return true
	}
	return a.primaryKey && (a.defaultValue != nil || a.defaultFn != nil || a.defaultKey != "")
}

// savedWith lists the attributes an insert with fields stores (or reads
// back): the listed ones, the ones insertsUnlisted adds and the primary
// key. It is nil without fields: every attribute.
func (md *modelCore) savedWith(fields []string) []*attribute {
	if fields == nil {
		return nil
	}
	out := make([]*attribute, 0, len(fields)+3)
	for _, a := range md.m.attrs {
		if a.primaryKey || md.insertsUnlisted(a) || slices.Contains(fields, a.name) {
			out = append(out, a)
		}
	}
	return out
}

// generated lists the attributes with struct fields whose values an INSERT
// of cols leaves to the database (auto-increment keys, SQL defaults,
// omitted columns): the ones worth reading back. With fields, the
// attributes it does not list (other than the key) are not read back:
// they were not written, and the instance keeps its values on every
// dialect.
func (md *modelCore) generated(cols []*attribute, fields []string) []*attribute {
	var out []*attribute
	for _, a := range md.m.attrs {
		if a.goIndex == nil {
			continue
		}
		if fields != nil && !a.primaryKey && !md.insertsUnlisted(a) && !slices.Contains(fields, a.name) {
			continue
		}
		if slices.Contains(cols, a) && !a.autoIncrement && a.defaultSQL == nil {
			continue
		}
		out = append(out, a)
	}
	return out
}

// exec runs a statement that returns no rows.
func (md *modelCore) exec(ctx context.Context, tx *Tx, logger *slog.Logger, s *sqlb) (dialect.Result, error) {
	var res dialect.Result
	if s.err != nil {
		return res, s.err
	}
	q, args := s.String(), s.args
	err := md.db.withConn(ctx, tx, dialect.AcquireWrite, q, args, func(c dialect.Conn, t *Tx) error {
		start := time.Now()
		r, err := c.Exec(ctx, q, args)
		md.db.log(ctx, logger, q, args, t, time.Since(start))
		res = r
		return err
	})
	return res, err
}

// queryRows runs a statement that returns rows of every attribute (a
// RETURNING), scanning row i into insts[i] (or new instances when insts is
// shorter), and returns the instances filled.
func (md *Model[T]) queryInto(ctx context.Context, tx *Tx, logger *slog.Logger, s *sqlb, insts []*T) ([]*T, error) {
	return md.queryIntoAttrs(ctx, tx, logger, s, insts, md.m.attrs)
}

// queryIntoAttrs is queryInto for a RETURNING of attrs.
func (md *Model[T]) queryIntoAttrs(ctx context.Context, tx *Tx, logger *slog.Logger, s *sqlb, insts []*T, attrs []*attribute) ([]*T, error) {
	if s.err != nil {
		return nil, s.err
	}
	q, args := s.String(), s.args
	var out []*T
	err := md.db.withConn(ctx, tx, dialect.AcquireWrite, q, args, func(c dialect.Conn, t *Tx) error {
		start := time.Now()
		rows, err := c.Query(ctx, q, args)
		if err != nil {
			md.db.log(ctx, logger, q, args, t, time.Since(start))
			return err
		}
		defer rows.Close()
		for i := 0; rows.Next(); i++ {
			vals, err := rows.Values()
			if err != nil {
				return err
			}
			var inst *T
			if i < len(insts) {
				inst = insts[i]
			} else {
				inst = new(T)
			}
			rv := reflect.ValueOf(inst).Elem()
			for j, a := range attrs {
				if f := fieldOf(rv, a); f.IsValid() {
					if err := scanValue(md.db, a, vals[j], f); err != nil {
						return errRead(err, "%s.%s", md.m.name, a.name)
					}
				}
			}
			out = append(out, inst)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		err = rows.Close()
		md.db.log(ctx, logger, q, args, t, time.Since(start))
		return err
	})
	return out, err
}

// Create inserts inst (Sequelize's create, or build(...).save()): defaults
// and timestamps are applied to the struct, and the generated primary key
// and database defaults are read back into it (RETURNING on PostgreSQL and
// SQLite, the insert id on MySQL and MariaDB). Its time fields then hold
// what the database stored, as Reload would read them: in UTC, cut to the
// column's precision (microseconds on PostgreSQL, milliseconds on SQLite,
// and on MySQL and MariaDB the DATETIME's fractional digits: a plain DATE
// attribute is a DATETIME of whole seconds there, as in Sequelize; use
// DATE(3) or DATE(6) to keep fractions). Save, BulkCreate and
// DestroyInstance do the same for what they write. It takes at most one
// CreateOptions.
//
// A struct cannot tell a zero it was given from a field left unset, so a
// zero field of an attribute that has a default (defaultValue, a function
// or a database default) takes the default, and a zero auto-increment key
// is numbered by the database; every other zero is stored as it is. To
// store a zero over a default, use a pointer field (a *int pointing at 0
// stores 0, a nil one takes the default), or make the instance with Build
// or give it values with Set: the attributes their Values name keep the
// values given, zeros included.
func (md *Model[T]) Create(ctx context.Context, inst *T, opts ...CreateOptions) error {
	md = md.at()
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	if inst == nil {
		return errInstance("Create of a nil instance")
	}
	if o.Through != nil {
		return errQuery("CreateOptions.Through is for a BelongsToManyAssociation's Create")
	}
	for _, f := range o.Fields {
		if md.m.byName[f] == nil {
			return errUnknownAttr(md.m, f)
		}
	}
	if o.Fields != nil && !o.keepUnlisted {
		// As Sequelize's create builds the instance from the listed
		// fields only: the others are not stored, nor held.
		rv := reflect.ValueOf(inst).Elem()
		for _, a := range md.m.attrs {
			if a.goIndex != nil && a.role == roleNone && !slices.Contains(o.Fields, a.name) {
				rv.FieldByIndex(a.goIndex).SetZero()
			}
		}
	}
	if o.Validate == nil || *o.Validate {
		if err := md.validateWithHooks(ctx, inst, ValidateOptions{Fields: o.Fields}); err != nil {
			return err
		}
	}
	if len(o.Include) == 0 {
		return md.insertWithHooks(ctx, inst, o.Fields, o.Silent, o.Transaction, o.Logging)
	}
	if err := md.checkIncludes(o.Include); err != nil {
		return err
	}
	parent := reflect.ValueOf(inst)
	return md.db.Transaction(ctx, func(ctx context.Context, tx *Tx) error {
		for i := range o.Include {
			if err := o.Include[i].Association.createNested(ctx, parent, &o.Include[i], true); err != nil {
				return err
			}
		}
		// AfterCreate (and AfterSave) run once the children exist, as in
		// Sequelize: a hook sees the whole created tree.
		e := &HookEvent[T]{Instance: inst}
		if err := md.fire(ctx, BeforeCreate, e); err != nil {
			return err
		}
		if err := md.insert(ctx, inst, o.Fields, o.Silent, nil, o.Logging); err != nil {
			return err
		}
		for i := range o.Include {
			if err := o.Include[i].Association.createNested(ctx, parent, &o.Include[i], false); err != nil {
				return err
			}
		}
		return md.afterInsert(ctx, inst, e, o.Fields)
	}, TransactionOptions{Transaction: o.Transaction})
}

func (md *Model[T]) insert(ctx context.Context, inst *T, fields []string, silent bool, tx *Tx, logger *slog.Logger) error {
	return md.refine(md.insertRow(ctx, inst, fields, silent, tx, logger))
}

// insertWithHooks runs BeforeCreate (and BeforeSave), the INSERT, then
// AfterCreate (and AfterSave).
func (md *Model[T]) insertWithHooks(ctx context.Context, inst *T, fields []string, silent bool, tx *Tx, logger *slog.Logger) error {
	e := &HookEvent[T]{Instance: inst}
	if err := md.fire(ctx, BeforeCreate, e); err != nil {
		return err
	}
	if err := md.insert(ctx, inst, fields, silent, tx, logger); err != nil {
		return err
	}
	return md.afterInsert(ctx, inst, e, fields)
}

// afterInsert records inst, just inserted with fields, as persisted and
// runs AfterCreate (and AfterSave). With fields, the attributes not
// stored stay changed when they are not zero.
func (md *Model[T]) afterInsert(ctx context.Context, inst *T, e *HookEvent[T], fields []string) error {
	remember := func() {
		if saved := md.savedWith(fields); saved != nil {
			md.tr.rememberFields(md.m, inst, new(T), saved)
		} else {
			md.tr.remember(md.m, inst)
		}
	}
	if !md.hasHooks(ctx, AfterCreate) {
		remember()
		return nil
	}
	// As in Sequelize, the after hooks see a record that is no longer new
	// but whose written attributes are still changed: its state holds the
	// keys and managed timestamps as stored and the other attributes zero.
	// Changed is cleared once the hooks succeed.
	var kept []*attribute
	for _, a := range md.m.attrs {
		if a.primaryKey || a.role != roleNone {
			kept = append(kept, a)
		}
	}
	md.tr.rememberFields(md.m, inst, new(T), kept)
	if err := md.fire(ctx, AfterCreate, e); err != nil {
		return err
	}
	if !md.IsNewRecord(inst) { // unless a hook destroyed it
		remember()
	}
	return nil
}

func (md *Model[T]) insertRow(ctx context.Context, inst *T, fields []string, silent bool, tx *Tx, logger *slog.Logger) (err error) {
	cols, vals, err := md.insertColumns(inst, fields, now(), silent)
	if err != nil {
		return err
	}
	s, ret := md.cachedInsert(cols, vals, fields)
	defer func() {
		if err == nil {
			md.settle(reflect.ValueOf(inst).Elem(), cols, vals)
		}
	}()
	if ret != nil {
		if _, err := md.queryIntoAttrs(ctx, tx, logger, s, []*T{inst}, ret); err != nil {
			return err
		}
	} else {
		res, err := md.exec(ctx, tx, logger, s)
		if err != nil {
			return err
		}
		if a := md.m.autoInc; a != nil && res.HasLastInsertID {
			if f := fieldOf(reflect.ValueOf(inst).Elem(), a); f.IsValid() && f.IsZero() {
				if err := assign(f, res.LastInsertID); err != nil {
					return errRead(err, "%s.%s", md.m.name, a.name)
				}
			}
		}
	}
	return nil
}

// SaveOptions are Sequelize's save options.
type SaveOptions struct {
	// Fields restricts the attributes saved; changes to the others are
	// not written, and Changed still reports them afterwards.
	Fields []string
	// Silent leaves updatedAt unchanged on an update; on an insert it keeps
	// an updatedAt the instance holds (see CreateOptions.Silent).
	Silent bool
	// Validate, when Bool(false), skips validation (default true; an update
	// validates the changed attributes).
	Validate    *bool
	Transaction *Tx
	Logging     *slog.Logger

	noHooks bool // fire no hooks (a soft destroy's save)
}

// Save writes inst (Sequelize's instance.save()): a new record is
// inserted as by Create; a record read or saved before is updated, in the
// attributes that changed since (plus updatedAt and the version), and
// nothing is sent when nothing changed. On a versioned model a stale
// instance gives an *OptimisticLockError. Fields hold Go values, so Save
// cannot write an SQL expression as Sequelize's instance.save() can with
// an attribute set to sequelize.fn or sequelize.col: use Update with
// Values{attr: Fn(...)} on the instance's key for that. It takes at most
// one SaveOptions.
//
// A struct the model never read or wrote (decoded from JSON, built by
// hand) is new, unless its primary key is set (every key attribute
// non-zero). Then Save looks the row up by that key, in one transaction
// (locking the row where the database has row locks), and:
//
//   - when the row exists, updates it with every attribute of the struct
//     (SaveOptions.Fields restricts them), as database/sql-era ORMs do:
//     a zero field is written as zero. Timestamps and the version the
//     struct leaves zero keep the row's (and are copied into the struct);
//     a non-zero version the struct holds is checked as for a loaded
//     instance. The update hooks run, and Changed reports the attributes
//     that differ from the row. Unlike Sequelize, where
//     build({id: 5}).save() always INSERTs, this never fails with a unique
//     violation on the key;
//   - when no row has that key, inserts the struct with its key, as
//     Sequelize does. That holds for an auto-increment key set by hand
//     too (a row read earlier and deleted since is created again, not
//     lost); on PostgreSQL its sequence does not move past a key inserted
//     this way, so a later insert that lets the database number the key
//     may collide with it, as in Sequelize. Use Create to always insert.
func (md *Model[T]) Save(ctx context.Context, inst *T, opts ...SaveOptions) error {
	md = md.at()
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	if inst == nil {
		return errInstance("Save of a nil instance")
	}
	for _, f := range o.Fields {
		if md.m.byName[f] == nil {
			return errUnknownAttr(md.m, f)
		}
	}
	snap := md.tr.snapshot(inst)
	validate := o.Validate == nil || *o.Validate
	if snap == nil {
		if md.keySet(reflect.ValueOf(inst).Elem()) {
			return md.saveDetached(ctx, inst, o)
		}
		return md.saveNew(ctx, inst, o)
	}
	changed := md.Changed(inst)
	if o.Fields != nil {
		changed = slices.DeleteFunc(changed, func(n string) bool { return !slices.Contains(o.Fields, n) })
	}
	if len(changed) == 0 {
		return nil
	}
	fire, validateFn := md.fire, md.validateWithHooks
	if o.noHooks {
		fire = func(context.Context, HookType, *HookEvent[T]) error { return nil }
		validateFn = func(ctx context.Context, inst *T, o ValidateOptions) error { return md.Validate(ctx, inst, o) }
	}
	if validate {
		if err := validateFn(ctx, inst, ValidateOptions{Fields: changed}); err != nil {
			return err
		}
	}
	ev := &HookEvent[T]{Instance: inst}
	var beforeHooks *T
	if validate && !o.noHooks && md.hasHooks(ctx, BeforeUpdate) {
		beforeHooks = md.tr.copyOf(md.m, inst)
	}
	if err := fire(ctx, BeforeUpdate, ev); err != nil {
		return err
	}
	// Hooks may have changed more attributes: save those too. The
	// attributes whose values the hooks changed are validated again
	// (without firing the validation hooks again, unlike Sequelize's
	// double run), as Sequelize does.
	if more := md.Changed(inst); o.Fields == nil {
		changed = more
	}
	if beforeHooks != nil {
		if hookChanged := md.differing(beforeHooks, inst, changed); len(hookChanged) > 0 {
			if err := md.Validate(ctx, inst, ValidateOptions{Fields: hookChanged}); err != nil {
				return err
			}
		}
	}
	rv, sv := reflect.ValueOf(inst).Elem(), reflect.ValueOf(snap).Elem()
	var set []*attribute
	for _, n := range changed {
		a := md.m.byName[n]
		if a.role == roleVersion || a.role == roleUpdatedAt && !o.Silent {
			continue
		}
		set = append(set, a)
	}
	if len(set) == 0 {
		return nil
	}
	where, err := md.instanceWhere(sv, true)
	if err != nil {
		return err
	}
	ts := now()
	values := make([]any, 0, len(set)+2)
	for _, a := range set {
		fv := rv.FieldByIndex(a.goIndex).Interface()
		v, err := bindValue(md.db, a, fv)
		if err != nil {
			return errValue(md.m, a, fv, err)
		}
		values = append(values, v)
	}
	if a := md.m.updatedAt; a != nil && !o.Silent {
		set = append(set, a)
		values = append(values, md.timeArg(a, ts))
	}
	var version int64
	if a := md.m.version; a != nil {
		if f := fieldOf(sv, a); f.IsValid() {
			version, _ = toInt64(reflectInt(f))
			where[a.name] = version
		}
		set = append(set, a)
		values = append(values, Literal("")) // placeholder replaced below
	}
	s := newSQLB(md.db)
	s.w("UPDATE ").table(md.m.schema, md.m.table).w(" SET ")
	c := &whereCtx{db: md.db, m: md.m}
	for i, a := range set {
		if i > 0 {
			s.w(",")
		}
		s.id(a.field).w("=")
		if a.role == roleVersion {
			s.id(a.field).w(" + 1")
			continue
		}
		s.arg(values[i])
	}
	s.w(" WHERE ")
	c.cond(s, where)
	res, err := md.exec(ctx, o.Transaction, o.Logging, s)
	if err != nil {
		return md.refine(err)
	}
	if md.m.version != nil && res.RowsAffected == 0 {
		return &OptimisticLockError{BaseError: newBase("SequelizeOptimisticLockError", "Attempting to update a stale model instance: "+md.m.name, nil),
			ModelName: md.m.name, Where: where}
	}
	md.settle(rv, set, values)
	var managed []*attribute
	if a := md.m.updatedAt; a != nil && !o.Silent {
		managed = append(managed, a)
	}
	if a := md.m.version; a != nil {
		_ = setField(fieldOf(rv, a), version+1)
		managed = append(managed, a)
	}
	if !o.noHooks && md.hasHooks(ctx, AfterUpdate) {
		// As in Sequelize, the after hooks still see the saved attributes
		// as changed (Changed, Previous); only updatedAt and the version
		// are already current. They are cleared once the hooks succeed.
		md.tr.rememberFields(md.m, inst, snap, managed)
		if err := fire(ctx, AfterUpdate, ev); err != nil {
			return err
		}
		if snap = md.tr.snapshot(inst); snap == nil {
			return nil // a hook destroyed it
		}
	}
	// Only the attributes saved stop being changed: with Fields, the
	// others keep their previous values, as in Sequelize.
	md.tr.rememberFields(md.m, inst, snap, set)
	return nil
}

// saveNew inserts inst for Save.
func (md *Model[T]) saveNew(ctx context.Context, inst *T, o SaveOptions) error {
	if o.Validate == nil || *o.Validate {
		if err := md.validateWithHooks(ctx, inst, ValidateOptions{Fields: o.Fields}); err != nil {
			return err
		}
	}
	return md.insertWithHooks(ctx, inst, o.Fields, o.Silent, o.Transaction, o.Logging)
}

// keySet reports whether every primary-key attribute of the struct value
// rv holds a non-zero value.
func (md *modelCore) keySet(rv reflect.Value) bool {
	if len(md.m.pks) == 0 {
		return false
	}
	for _, a := range md.m.pks {
		if f := fieldOf(rv, a); !f.IsValid() || f.IsZero() {
			return false
		}
	}
	return true
}

// saveDetached saves an instance the model never read or wrote whose
// primary key is set (decoded from JSON, built by hand): in one
// transaction, it reads the row with that key (locked FOR UPDATE where
// the database has row locks) and, when there is one, saves inst as an
// instance loaded from it; otherwise it inserts inst with its key.
func (md *Model[T]) saveDetached(ctx context.Context, inst *T, o SaveOptions) error {
	run := func(ctx context.Context, tx *Tx) error {
		o.Transaction = tx
		w, err := md.instanceWhere(reflect.ValueOf(inst).Elem(), false)
		if err != nil {
			return err
		}
		fo := FindOptions{Where: w, Paranoid: Bool(false), Raw: true, Lock: LockUpdate, Transaction: tx, Logging: o.Logging}
		plan, err := md.buildSelect(&fo, true)
		if err != nil {
			return err
		}
		rows, err := md.run(ctx, plan, &fo)
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return md.saveNew(ctx, inst, o)
		}
		md.adopt(inst, rows[0])
		return md.Save(ctx, inst, o)
	}
	tx, err := md.db.txFor(ctx, o.Transaction)
	if err != nil {
		return err
	}
	if tx != nil {
		return run(ctx, tx)
	}
	return md.db.Transaction(ctx, run, TransactionOptions{Logging: o.Logging})
}

// adopt makes row, read from the database, the persisted state of the
// detached instance inst: inst's zero timestamps (createdAt, updatedAt,
// deletedAt) and zero version take the row's, so that Save keeps them; a
// version inst holds is the one the update checks.
func (md *Model[T]) adopt(inst, row *T) {
	rv, fv := reflect.ValueOf(inst).Elem(), reflect.ValueOf(row).Elem()
	for _, a := range []*attribute{md.m.createdAt, md.m.updatedAt, md.m.deletedAt, md.m.version} {
		if a == nil || a.goIndex == nil {
			continue
		}
		if f := rv.FieldByIndex(a.goIndex); f.IsZero() {
			f.Set(fv.FieldByIndex(a.goIndex))
		} else if a == md.m.version {
			fv.FieldByIndex(a.goIndex).Set(f)
		}
	}
	md.tr.rememberAs(md.m, inst, row)
}

func reflectInt(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return int64(v.Uint())
	}
	return nil
}

// instanceWhere is the primary-key Where of an instance's values. A zero
// key is refused as unset, unless the instance is persisted (read or
// saved before): then it is the row's real key, such as an id of 0.
func (md *modelCore) instanceWhere(rv reflect.Value, persisted bool) (Where, error) {
	if len(md.m.pks) == 0 {
		return nil, errInstance("%s has no primary key, so an instance cannot name its row", md.m.name)
	}
	w := Where{}
	for _, a := range md.m.pks {
		f := fieldOf(rv, a)
		if !f.IsValid() {
			return nil, &InstanceError{newBase("SequelizeInstanceError",
				"the primary key "+md.m.name+"."+a.name+" has no struct field, so an instance cannot name its row: add a field for it", nil)}
		}
		if f.IsZero() && !persisted {
			return nil, &InstanceError{newBase("SequelizeInstanceError",
				"You attempted to save an instance with no primary key, this is not allowed since it would result in a global update ("+md.m.name+"."+a.name+" is unset)", nil)}
		}
		w[a.name] = f.Interface()
	}
	return w, nil
}

// Reload reads inst's row again and overwrites its fields (Sequelize's
// instance.reload()); unless opts.Attributes picks some attributes, it
// also resets VIRTUAL fields to their zero values, as Sequelize does. With
// opts.Attributes only the attributes read are overwritten and stop being
// changed; the other fields keep their values (and their changes), as in
// Sequelize. The row is read through the model's scope (the default
// scope, or the scopes of a Scope view), and the include fields of the
// scope's and opts' Include are replaced by the rows loaded now. Unlike
// Sequelize, which remembers the includes of the find that loaded the
// instance, a struct carries no such options: include fields that the
// scope and opts do not name are left as they are. The key is the
// instance's, whatever opts.Where says; soft-deleted rows are read too. A
// row that no longer exists (or that the scope's where excludes) gives an
// *InstanceError.
func (md *Model[T]) Reload(ctx context.Context, inst *T, opts ...FindOptions) error {
	md = md.at()
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	w, err := md.instanceWhere(reflect.ValueOf(inst).Elem(), !md.IsNewRecord(inst))
	if err != nil {
		return err
	}
	o.Where = w
	o.Paranoid = Bool(false)
	fresh, err := md.FindOne(ctx, o) // through the model's scope, as Sequelize's reload
	if err != nil {
		return err
	}
	includes, err := expandAll(md.m, md.scoped(o).Include)
	if err != nil {
		return err
	}
	if fresh == nil {
		return &InstanceError{newBase("SequelizeInstanceError", "Instance could not be reloaded because it does not exist anymore (find call returned null)", nil)}
	}
	rv, fv := reflect.ValueOf(inst).Elem(), reflect.ValueOf(fresh).Elem()
	var read []*attribute // the attributes read, with opts.Attributes
	if o.Attributes == nil {
		for _, a := range md.m.attrs {
			if a.goIndex != nil {
				rv.FieldByIndex(a.goIndex).Set(fv.FieldByIndex(a.goIndex))
			}
		}
	} else {
		// Only the attributes read are overwritten (and stop being
		// changed); the others keep their values, as in Sequelize.
		cols, err := md.selectColumns(o.Attributes)
		if err != nil {
			return err
		}
		read = make([]*attribute, 0, len(cols))
		for _, c := range cols {
			if a := c.attr; a != nil && a.goIndex != nil {
				rv.FieldByIndex(a.goIndex).Set(fv.FieldByIndex(a.goIndex))
				read = append(read, a)
			}
		}
	}
	for _, inc := range includes {
		// the included rows, as loaded now (nil or empty when none is left)
		if inc.Association != nil {
			if f := inc.Association.sourceField(); f != nil {
				rv.FieldByIndex(f).Set(fv.FieldByIndex(f))
			}
		}
	}
	if o.Attributes != nil {
		base := md.tr.snapshot(inst)
		if base == nil {
			base = inst
		}
		md.tr.rememberFields(md.m, inst, base, read)
		return nil
	}
	// the instance becomes the row: VIRTUAL values, which the row does
	// not hold, are reset, as Sequelize's reload resets them
	for _, a := range md.m.virtuals {
		if a.goIndex != nil {
			rv.FieldByIndex(a.goIndex).SetZero()
		}
	}
	md.tr.remember(md.m, inst)
	return nil
}

// UpdateOptions are Sequelize's update options.
type UpdateOptions struct {
	// Where selects the rows; required (an empty Where{} updates all rows)
	// unless the model view's scope has a where, which it is merged with.
	Where any
	// Fields restricts which of the values are written.
	Fields []string
	// Silent leaves updatedAt unchanged.
	Silent bool
	// Paranoid, for paranoid models, skips soft-deleted rows (default true).
	Paranoid *bool
	// Validate, when Bool(false), skips validating the values (default true).
	Validate *bool
	// IndividualHooks loads the matching rows and saves them one by one,
	// running BeforeUpdate/AfterUpdate (and the save hooks) for each, in one
	// transaction; only rows the values change are written.
	IndividualHooks bool
	// Limit, when positive, updates at most that many of the matching rows
	// (UPDATE ... LIMIT; with IndividualHooks, that many rows are loaded).
	// MySQL and MariaDB only, as Sequelize's limit: on PostgreSQL and SQLite,
	// where Sequelize ignores it and updates every matching row, it is a
	// *QueryError and nothing is written. A negative Limit is a *QueryError.
	Limit       int
	Transaction *Tx
	Logging     *slog.Logger
}

// Update sets values on the rows matching opts.Where and returns how many
// rows changed (Sequelize's Model.update). updatedAt is set unless Silent.
// A value for an unknown attribute is a *QueryError and nothing is sent
// (Sequelize drops such values, and with none left reports 0 rows).
// The version attribute is not checked, as in Sequelize.
func (md *Model[T]) Update(ctx context.Context, values Values, opts UpdateOptions) (int64, error) {
	md = md.at()
	opts.Where = md.scopedWhere(opts.Where) // a scope's where is a where, as in Sequelize
	if opts.Where == nil {
		return 0, errQuery("Missing where attribute in the options parameter of Update (use sequelize.Where{} to update every row)")
	}
	if values == nil {
		values = Values{}
	}
	if err := md.checkUpdateLimit(opts.Limit); err != nil {
		return 0, err
	}
	ev := &HookEvent[T]{Values: values, Where: &opts.Where}
	if err := md.fire(ctx, BeforeBulkUpdate, ev); err != nil {
		return 0, err
	}
	values = ev.Values
	var n int64
	if opts.IndividualHooks {
		err := md.db.Transaction(ctx, func(ctx context.Context, tx *Tx) error {
			rows, err := md.FindAll(ctx, FindOptions{Where: opts.Where, Paranoid: opts.Paranoid, Limit: opts.Limit, Logging: opts.Logging, internal: true})
			if err != nil {
				return err
			}
			for _, r := range rows {
				if err := md.setValues(r, values, false); err != nil {
					return err
				}
				if err := md.Save(ctx, r, SaveOptions{Silent: opts.Silent, Validate: opts.Validate, Logging: opts.Logging}); err != nil {
					return err
				}
			}
			n = int64(len(rows))
			return nil
		}, TransactionOptions{Transaction: opts.Transaction})
		if err != nil {
			return 0, err
		}
	} else {
		s, err := md.buildUpdate(ctx, values, opts)
		if err != nil {
			return 0, err
		}
		if s != nil {
			res, err := md.exec(ctx, opts.Transaction, opts.Logging, s)
			if err != nil {
				return 0, md.refine(err)
			}
			n = res.RowsAffected
		}
	}
	return n, md.fire(ctx, AfterBulkUpdate, ev)
}

// UpdateReturning is Update that also returns the updated rows, where the
// database has RETURNING (PostgreSQL, SQLite); elsewhere it fails (use
// Update then FindAll).
func (md *Model[T]) UpdateReturning(ctx context.Context, values Values, opts UpdateOptions) ([]*T, error) {
	md = md.at()
	if !md.db.dialect.Features().Has(dialect.Returning) {
		return nil, errQuery("%s has no UPDATE ... RETURNING", md.db.dialect.Name())
	}
	opts.Where = md.scopedWhere(opts.Where)
	s, err := md.buildUpdate(ctx, values, opts)
	if err != nil || s == nil {
		return nil, err
	}
	md.writeReturning(s)
	rows, err := md.queryInto(ctx, opts.Transaction, opts.Logging, s, nil)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		md.tr.remember(md.m, r)
	}
	return rows, nil
}

func (md *modelCore) buildUpdate(ctx context.Context, values Values, o UpdateOptions) (*sqlb, error) {
	if o.Where == nil {
		return nil, errQuery("Missing where attribute in the options parameter of Update (use sequelize.Where{} to update every row)")
	}
	if o.Validate == nil || *o.Validate {
		if err := md.m.validateValues(ctx, values); err != nil {
			return nil, err
		}
	}
	keys := make([]string, 0, len(values))
	for k := range values {
		if md.m.byName[k] == nil {
			if md.m.virtual(k) != nil {
				return nil, errQuery("%s.%s is a VIRTUAL attribute: Update cannot write it (it has no column; Sequelize drops the value)", md.m.name, k)
			}
			return nil, errUnknownAttr(md.m, k)
		}
		if o.Fields != nil && !slices.Contains(o.Fields, k) {
			continue
		}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if len(keys) == 0 {
		return nil, nil
	}
	s := newSQLB(md.db)
	c := &whereCtx{db: md.db, m: md.m}
	s.w("UPDATE ").table(md.m.schema, md.m.table).w(" SET ")
	for i, k := range keys {
		a := md.m.byName[k]
		if i > 0 {
			s.w(",")
		}
		s.id(a.field).w("=")
		v, err := bindValue(md.db, a, values[k])
		if err != nil {
			return nil, errValue(md.m, a, values[k], err)
		}
		s.operand(v, c.colRef)
	}
	if a := md.m.updatedAt; a != nil && !o.Silent && !slices.Contains(keys, a.name) {
		s.w(",").id(a.field).w("=").arg(md.timeArg(a, now()))
	}
	md.writeWhere(s, c, o.Where, md.paranoidOn(o.Paranoid))
	if err := md.checkUpdateLimit(o.Limit); err != nil {
		return nil, err
	}
	if o.Limit > 0 {
		s.w(" LIMIT ").w(strconv.Itoa(o.Limit))
	}
	return s, s.err
}

// checkUpdateLimit refuses an UpdateOptions.Limit the dialect cannot
// render (no UPDATE ... LIMIT) or a negative one.
func (md *modelCore) checkUpdateLimit(limit int) error {
	switch {
	case limit < 0:
		return &QueryError{newBase("SequelizeQueryError", "Update's Limit cannot be negative", nil)}
	case limit > 0 && !md.db.dialect.Features().Has(dialect.UpdateLimit):
		return &QueryError{newBase("SequelizeQueryError", "Update's Limit needs UPDATE ... LIMIT, which "+md.db.dialect.Name()+
			" does not have (Sequelize ignores limit there and updates every matching row)", nil)}
	}
	return nil
}

// IncrementOptions are Sequelize's increment and decrement options.
type IncrementOptions struct {
	// Where selects the rows; required, unless the model view's scope
	// has a where (Model.Scope), which then selects them.
	Where any
	// Silent leaves updatedAt unchanged.
	Silent      bool
	Transaction *Tx
	Logging     *slog.Logger
}

// Increment adds amounts to attributes of the matching rows in one atomic
// statement, SET a = a + n (Sequelize's Model.increment with an object of
// amounts); the version attribute is incremented too. It returns the
// number of rows changed.
func (md *Model[T]) Increment(ctx context.Context, amounts Values, opts IncrementOptions) (int64, error) {
	md = md.at()
	return md.arith(ctx, amounts, opts, "+")
}

// Decrement subtracts amounts (Sequelize's Model.decrement).
func (md *Model[T]) Decrement(ctx context.Context, amounts Values, opts IncrementOptions) (int64, error) {
	md = md.at()
	return md.arith(ctx, amounts, opts, "-")
}

func (md *modelCore) arith(ctx context.Context, amounts Values, o IncrementOptions, sign string) (int64, error) {
	o.Where = md.scopedWhere(o.Where) // a scope's where counts as the required one
	if o.Where == nil {
		return 0, errQuery("Increment and Decrement need a Where")
	}
	keys := make([]string, 0, len(amounts))
	for k := range amounts {
		if md.m.byName[k] == nil {
			return 0, errUnknownAttr(md.m, k)
		}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	s := newSQLB(md.db)
	c := &whereCtx{db: md.db, m: md.m}
	s.w("UPDATE ").table(md.m.schema, md.m.table).w(" SET ")
	for i, k := range keys {
		a := md.m.byName[k]
		if i > 0 {
			s.w(",")
		}
		s.id(a.field).w("=").id(a.field).w(" " + sign + " ").arg(amounts[k])
	}
	if a := md.m.version; a != nil && !slices.Contains(keys, a.name) {
		s.w(",").id(a.field).w("=").id(a.field).w(" + 1")
	}
	if a := md.m.updatedAt; a != nil && !o.Silent {
		s.w(",").id(a.field).w("=").arg(md.timeArg(a, now()))
	}
	md.writeWhere(s, c, o.Where, md.m.deletedAt != nil)
	res, err := md.exec(ctx, o.Transaction, o.Logging, s)
	return res.RowsAffected, err
}

// IncrementInstance increments attributes of inst's row atomically and
// reloads them into inst (Sequelize's instance.increment, which does not
// reload; reading the new values back avoids a stale struct).
func (md *Model[T]) IncrementInstance(ctx context.Context, inst *T, amounts Values, opts ...IncrementOptions) error {
	md = md.at()
	return md.instanceArith(ctx, inst, amounts, opts, md.Unscoped().Increment)
}

// DecrementInstance decrements attributes of inst's row atomically and
// reloads them into inst (Sequelize's instance.decrement).
func (md *Model[T]) DecrementInstance(ctx context.Context, inst *T, amounts Values, opts ...IncrementOptions) error {
	md = md.at()
	return md.instanceArith(ctx, inst, amounts, opts, md.Unscoped().Decrement)
}

func (md *Model[T]) instanceArith(ctx context.Context, inst *T, amounts Values, opts []IncrementOptions,
	fn func(context.Context, Values, IncrementOptions) (int64, error)) error {
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	w, err := md.instanceWhere(reflect.ValueOf(inst).Elem(), !md.IsNewRecord(inst))
	if err != nil {
		return err
	}
	if o.Where != nil {
		// Sequelize combines options.where with the instance's key
		o.Where = op.And(w, o.Where)
	} else {
		o.Where = w
	}
	if _, err := fn(ctx, amounts, o); err != nil {
		return err
	}
	// read the row as stored, whatever the view's scope selects or filters
	return md.Unscoped().Reload(ctx, inst, FindOptions{Transaction: o.Transaction, Logging: o.Logging})
}

// DestroyOptions are Sequelize's destroy options.
type DestroyOptions struct {
	// Where selects the rows; required unless Truncate, or unless the
	// model view's scope has a where, which it is merged with (as in
	// Sequelize, which injects the scope before checking).
	Where any
	// Force deletes the rows of a paranoid model instead of soft-deleting them.
	Force bool
	// Truncate empties the table with TRUNCATE (DELETE FROM on SQLite),
	// whatever Where says; on a paranoid model it soft-deletes every row
	// instead, unless Force, as Sequelize's destroy({truncate: true}). The
	// bulk destroy hooks run as for any Destroy. With IndividualHooks the
	// rows are destroyed one by one, running their hooks, in one
	// transaction (Cascade and RestartIdentity are then a *QueryError).
	Truncate bool
	// Cascade truncates tables referencing this one (PostgreSQL).
	Cascade bool
	// RestartIdentity restarts the auto-increment sequence (PostgreSQL).
	RestartIdentity bool
	// IndividualHooks loads the matching rows and destroys them one by one,
	// running BeforeDestroy and AfterDestroy for each (in one transaction).
	IndividualHooks bool
	Transaction     *Tx
	Logging         *slog.Logger
}

// Destroy deletes the rows matching opts.Where (Sequelize's Model.destroy)
// and returns how many it deleted. On a paranoid model it sets deletedAt
// instead, unless Force.
func (md *Model[T]) Destroy(ctx context.Context, opts DestroyOptions) (int64, error) {
	md = md.at()
	opts.Where = md.scopedWhere(opts.Where) // a scope's where is a where, as in Sequelize
	if opts.Where == nil && !opts.Truncate {
		return 0, errQuery("Missing where or truncate attribute in the options parameter of Destroy")
	}
	if opts.Truncate && opts.IndividualHooks && (opts.Cascade || opts.RestartIdentity) {
		return 0, errQuery("Destroy with Truncate and IndividualHooks destroys the rows one by one: Cascade and RestartIdentity need the TRUNCATE statement")
	}
	ev := &HookEvent[T]{Where: &opts.Where}
	if err := md.fire(ctx, BeforeBulkDestroy, ev); err != nil {
		return 0, err
	}
	var n int64
	if opts.IndividualHooks {
		err := md.db.Transaction(ctx, func(ctx context.Context, tx *Tx) error {
			rows, err := md.FindAll(ctx, FindOptions{Where: opts.Where, Logging: opts.Logging, internal: true})
			if err != nil {
				return err
			}
			for _, r := range rows {
				if err := md.DestroyInstance(ctx, r, DestroyOptions{Force: opts.Force, Logging: opts.Logging}); err != nil {
					return err
				}
			}
			n = int64(len(rows))
			return nil
		}, TransactionOptions{Transaction: opts.Transaction})
		if err != nil {
			return 0, err
		}
	} else {
		var err error
		if n, err = md.destroyRows(ctx, opts); err != nil {
			return 0, err
		}
	}
	return n, md.fire(ctx, AfterBulkDestroy, ev)
}

// destroyRows runs the DELETE (or soft-delete UPDATE) of Destroy.
func (md *modelCore) destroyRows(ctx context.Context, opts DestroyOptions) (int64, error) {
	if opts.Truncate && (md.m.deletedAt == nil || opts.Force) {
		return 0, md.truncate(ctx, opts)
	}
	if opts.Where == nil && !opts.Truncate {
		return 0, errQuery("Missing where or truncate attribute in the options parameter of Destroy")
	}
	s := newSQLB(md.db)
	c := &whereCtx{db: md.db, m: md.m}
	if md.m.deletedAt != nil && !opts.Force {
		s.w("UPDATE ").table(md.m.schema, md.m.table).w(" SET ").id(md.m.deletedAt.field).w("=").arg(md.timeArg(md.m.deletedAt, now()))
		md.writeWhere(s, c, opts.Where, true)
	} else {
		s.w("DELETE FROM ").table(md.m.schema, md.m.table)
		md.writeWhere(s, c, opts.Where, false)
	}
	res, err := md.exec(ctx, opts.Transaction, opts.Logging, s)
	return res.RowsAffected, err
}

// Truncate empties the table (Sequelize's Model.truncate): Destroy with
// DestroyOptions.Truncate, so on a paranoid model it soft-deletes every
// row unless Force, and the bulk destroy hooks run.
func (md *Model[T]) Truncate(ctx context.Context, opts ...DestroyOptions) error {
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	o.Truncate = true
	_, err = md.Destroy(ctx, o)
	return err
}

func (md *modelCore) truncate(ctx context.Context, o DestroyOptions) error {
	tbl := newSQLB(md.db)
	tbl.table(md.m.schema, md.m.table)
	stmts, args, err := md.db.dialect.TruncateStatements(tbl.String(), md.m.table, o.Cascade, o.RestartIdentity && md.m.autoInc != nil)
	if err != nil {
		return errQueryWrap(err, "Truncate")
	}
	for i, stmt := range stmts {
		s := newSQLB(md.db)
		s.w(stmt)
		if i == len(stmts)-1 && len(args) > 0 {
			s.b = s.b[:0]
			// the dialect's statement uses "?" for its arguments
			parts := strings.Split(stmt, "?")
			for j, p := range parts {
				s.w(p)
				if j < len(parts)-1 {
					s.arg(args[j])
				}
			}
		}
		if _, err := md.exec(ctx, o.Transaction, o.Logging, s); err != nil {
			return err
		}
	}
	return nil
}

// RestoreOptions are Sequelize's restore options.
type RestoreOptions struct {
	// Where selects the rows; nil restores every soft-deleted row.
	Where any
	// IndividualHooks (Restore only) loads the matching soft-deleted rows
	// and runs BeforeRestore for each (all of them, the first error then
	// stopping the restore) before the UPDATE and AfterRestore
	// for each after it (with their deletedAt cleared), all in one
	// transaction. Sequelize also runs them for matching rows that are not
	// deleted, which Restore leaves alone.
	IndividualHooks bool
	Transaction     *Tx
	Logging         *slog.Logger
}

// Restore clears deletedAt (sets it to its default value, when it has
// one) on the matching soft-deleted rows of a paranoid model (Sequelize's
// Model.restore) and returns how many it restored. On a model that is not
// paranoid it returns a *QueryError.
func (md *Model[T]) Restore(ctx context.Context, opts ...RestoreOptions) (int64, error) {
	md = md.at()
	o, err := oneOption(opts)
	if err != nil {
		return 0, err
	}
	if md.m.deletedAt == nil {
		return 0, errQuery("Model is not paranoid")
	}
	ev := &HookEvent[T]{Where: &o.Where}
	if err := md.fire(ctx, BeforeBulkRestore, ev); err != nil {
		return 0, err
	}
	var n int64
	if o.IndividualHooks {
		err = md.db.Transaction(ctx, func(ctx context.Context, tx *Tx) error {
			n, err = md.restoreEach(ctx, tx, o)
			return err
		}, TransactionOptions{Transaction: o.Transaction})
	} else {
		n, err = md.restoreRows(ctx, o)
	}
	if err != nil {
		return 0, err
	}
	return n, md.fire(ctx, AfterBulkRestore, ev)
}

// restoreEach is Restore with IndividualHooks, inside tx.
func (md *Model[T]) restoreEach(ctx context.Context, tx *Tx, o RestoreOptions) (int64, error) {
	rows, err := md.FindAll(ctx, FindOptions{Where: o.Where, Paranoid: Bool(false), Transaction: tx, Logging: o.Logging})
	if err != nil {
		return 0, err
	}
	var deleted []*T
	for _, r := range rows {
		if f := fieldOf(reflect.ValueOf(r).Elem(), md.m.deletedAt); f.IsValid() && !md.live(f) {
			deleted = append(deleted, r)
		}
	}
	// Every BeforeRestore runs, as Sequelize runs them all at once; the
	// first error stops the restore.
	var first error
	for _, r := range deleted {
		if err := md.fire(ctx, BeforeRestore, &HookEvent[T]{Instance: r}); err != nil && first == nil {
			first = err
		}
	}
	if first != nil {
		return 0, first
	}
	o.Transaction = tx
	n, err := md.restoreRows(ctx, o)
	if err != nil {
		return 0, err
	}
	for _, r := range deleted {
		f := fieldOf(reflect.ValueOf(r).Elem(), md.m.deletedAt)
		f.SetZero()
		if err := setField(f, md.m.deletedAt.defaultValue); err != nil {
			return 0, err
		}
		md.tr.remember(md.m, r)
	}
	for _, r := range deleted {
		if err := md.fire(ctx, AfterRestore, &HookEvent[T]{Instance: r}); err != nil {
			return 0, err
		}
	}
	return n, nil
}

// restoreRows runs Restore's UPDATE.
func (md *modelCore) restoreRows(ctx context.Context, o RestoreOptions) (int64, error) {
	if md.m.deletedAt == nil {
		return 0, errQuery("Model is not paranoid")
	}
	s := newSQLB(md.db)
	c := &whereCtx{db: md.db, m: md.m}
	da := md.m.deletedAt
	s.w("UPDATE ").table(md.m.schema, md.m.table).w(" SET ").id(da.field).w("=")
	if da.defaultValue == nil {
		s.w("NULL WHERE ")
		c.writeCol(s, da, nil)
		s.w(" IS NOT NULL")
	} else {
		v, err := bindValue(md.db, da, da.defaultValue)
		if err != nil {
			return 0, err
		}
		s.arg(v).w(" WHERE ")
		c.writeCol(s, da, nil)
		s.w(" <> ").arg(v)
	}
	if o.Where != nil {
		s.w(" AND ")
		c.cond(s, o.Where)
	}
	res, err := md.exec(ctx, o.Transaction, o.Logging, s)
	return res.RowsAffected, err
}

// DestroyInstance deletes inst's row (Sequelize's instance.destroy()). On
// a paranoid model, unless Force, it soft-deletes it as Sequelize does:
// deletedAt is set (also in inst) unless it already is, and the instance
// is saved, its other changes included, without the save and update hooks.
// The version is checked on versioned models.
func (md *Model[T]) DestroyInstance(ctx context.Context, inst *T, opts ...DestroyOptions) error {
	md = md.at()
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	rv := reflect.ValueOf(inst).Elem()
	w, err := md.instanceWhere(rv, !md.IsNewRecord(inst))
	if err != nil {
		return err
	}
	if a := md.m.version; a != nil {
		if f := fieldOf(rv, a); f.IsValid() {
			w[a.name] = f.Interface()
		}
	}
	o.Where = w
	ev := &HookEvent[T]{Instance: inst}
	if err := md.fire(ctx, BeforeDestroy, ev); err != nil {
		return err
	}
	if da := md.m.deletedAt; da != nil && !o.Force {
		ts := now()
		f := fieldOf(rv, da)
		if f.IsValid() && !md.IsNewRecord(inst) {
			// As Sequelize: deletedAt is set unless it already is, and the
			// instance is saved, other changes included, without the save
			// hooks (and so a second destroy changes no deletedAt).
			if md.live(f) {
				if err := setField(f, ts); err != nil {
					return err
				}
			}
			if err := md.Save(ctx, inst, SaveOptions{Transaction: o.Transaction, Logging: o.Logging, noHooks: true}); err != nil {
				return err
			}
			return md.fire(ctx, AfterDestroy, ev)
		}
		if f.IsValid() && !md.live(f) {
			return md.fire(ctx, AfterDestroy, ev) // soft-deleted already
		}
		s := newSQLB(md.db)
		c := &whereCtx{db: md.db, m: md.m}
		s.w("UPDATE ").table(md.m.schema, md.m.table).w(" SET ").id(da.field).w("=").arg(md.timeArg(da, ts))
		md.writeWhere(s, c, w, true)
		if _, err := md.exec(ctx, o.Transaction, o.Logging, s); err != nil {
			return err
		}
		md.settle(rv, []*attribute{md.m.deletedAt}, []any{md.timeArg(md.m.deletedAt, ts)})
		md.tr.remember(md.m, inst)
		return md.fire(ctx, AfterDestroy, ev)
	}
	var n int64
	if len(md.m.cascades) == 0 {
		n, err = md.destroyRows(ctx, DestroyOptions{Where: w, Force: true, Transaction: o.Transaction, Logging: o.Logging})
	} else {
		// Association Hooks: destroy the children one by one (their hooks
		// run), then the row, all or nothing.
		err = md.db.Transaction(ctx, func(ctx context.Context, tx *Tx) error {
			for _, cascade := range md.m.cascades {
				if err := cascade(ctx, inst, o.Force, o.Logging); err != nil {
					return err
				}
			}
			var err error
			n, err = md.destroyRows(ctx, DestroyOptions{Where: w, Force: true, Logging: o.Logging})
			return err
		}, TransactionOptions{Transaction: o.Transaction})
	}
	if err != nil {
		return err
	}
	if n == 0 && md.m.version != nil {
		return &OptimisticLockError{BaseError: newBase("SequelizeOptimisticLockError", "Attempting to update a stale model instance: "+md.m.name, nil),
			ModelName: md.m.name, Where: w}
	}
	md.tr.forget(inst)
	return md.fire(ctx, AfterDestroy, ev)
}

// RestoreInstance clears inst's deletedAt, or sets it to its default
// value (Sequelize's instance.restore()). On a model that is not paranoid
// it returns an *InstanceError.
func (md *Model[T]) RestoreInstance(ctx context.Context, inst *T, opts ...RestoreOptions) error {
	md = md.at()
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	if md.m.deletedAt == nil {
		return errInstance("Model is not paranoid")
	}
	rv := reflect.ValueOf(inst).Elem()
	w, err := md.instanceWhere(rv, !md.IsNewRecord(inst))
	if err != nil {
		return err
	}
	o.Where = w
	ev := &HookEvent[T]{Instance: inst}
	if err := md.fire(ctx, BeforeRestore, ev); err != nil {
		return err
	}
	if _, err := md.restoreRows(ctx, o); err != nil {
		return err
	}
	if f := fieldOf(rv, md.m.deletedAt); f.IsValid() {
		f.SetZero()
		if err := setField(f, md.m.deletedAt.defaultValue); err != nil {
			return err
		}
	}
	md.tr.remember(md.m, inst)
	return md.fire(ctx, AfterRestore, ev)
}

// IsSoftDeleted reports whether inst's deletedAt is set (Sequelize's
// instance.isSoftDeleted()); it is false for models that are not paranoid.
func (md *Model[T]) IsSoftDeleted(inst *T) bool {
	md = md.at()
	if md.m.deletedAt == nil {
		return false
	}
	f := fieldOf(reflect.ValueOf(inst).Elem(), md.m.deletedAt)
	return f.IsValid() && !md.live(f)
}

// live reports whether a deletedAt field's value marks a row that is not
// soft-deleted: the zero value, or the attribute's default when it has one.
func (md *modelCore) live(f reflect.Value) bool {
	if f.IsZero() {
		return true
	}
	d := md.m.deletedAt.defaultValue
	if d == nil {
		return false
	}
	dv := reflect.New(f.Type()).Elem()
	if err := assign(dv, d); err != nil {
		return false
	}
	return sameValue(f, dv)
}

// refine makes a driver-level error model-aware: a UniqueConstraintError's
// columns (or, on MySQL, its key name) become attribute names, and the
// unique key's message, when it has one, becomes the items' and the
// error's message, as Sequelize does.
func (md *modelCore) refine(err error) error {
	var u *UniqueConstraintError
	if err == nil || !errors.As(err, &u) {
		return err
	}
	m := md.m
	// The columns of the violated key, as attribute names.
	var attrs []string
	values := map[string]any{}
	for col, v := range u.Fields {
		if a := m.byField[col]; a != nil {
			attrs = append(attrs, a.name)
			values[a.name] = v
			continue
		}
		if uk := m.uniqueKeys[col]; uk != nil { // MySQL reports the key's name
			attrs = append(attrs, uk.fields...)
			vals := strings.Split(fmt.Sprint(v), "-")
			for i, f := range uk.fields {
				if i < len(vals) && len(vals) == len(uk.fields) {
					values[f] = vals[i]
				} else {
					values[f] = v
				}
			}
			continue
		}
		return err
	}
	slices.Sort(attrs)
	var msg string
	for _, name := range m.ukOrder {
		uk := m.uniqueKeys[name]
		fields := slices.Sorted(slices.Values(uk.fields))
		if slices.Equal(fields, attrs) {
			msg = uk.msg
			break
		}
	}
	u.Fields = map[string]any{}
	u.Errors = u.Errors[:0]
	for _, a := range attrs {
		u.Fields[a] = values[a]
		itemMsg := msg
		if itemMsg == "" {
			itemMsg = a + " must be unique"
		}
		u.Errors = append(u.Errors, ValidationErrorItem{Message: itemMsg, Type: "unique violation", Path: a, Value: values[a],
			Origin: OriginDB, ValidatorKey: "not_unique"})
	}
	if msg != "" {
		u.Message = msg
	}
	return err
}

// settle sets the time fields of rv among attrs to what the database
// stored for vals, their bound values, after a successful write: what a
// reload would read. Databases keep less than Go's nanoseconds (MySQL and
// MariaDB the column's fractional digits, whole seconds for a plain
// DATETIME; PostgreSQL microseconds; SQLite, in Sequelize's text form,
// milliseconds), and the data types' Bind already cut the value to that;
// reading it back through Scan gives the instance the stored value, in UTC.
func (md *modelCore) settle(rv reflect.Value, attrs []*attribute, vals []any) {
	for i, a := range attrs {
		f := fieldOf(rv, a)
		if !f.IsValid() || i >= len(vals) || vals[i] == nil {
			continue
		}
		if t := f.Type(); t != timeType && (t.Kind() != reflect.Pointer || t.Elem() != timeType) {
			continue
		}
		if _, isExpr := vals[i].(Expr); isExpr {
			continue
		}
		_ = scanValue(md.db, a, vals[i], f)
	}
}

// timeArg binds a managed timestamp through its attribute's type, as every
// other value is (SQLite stores Sequelize's text form).
func (md *modelCore) timeArg(a *attribute, ts time.Time) any {
	v, err := bindValue(md.db, a, ts)
	if err != nil {
		return ts
	}
	return v
}

// insertStmt is an INSERT built once per model and column set.
type insertStmt struct {
	sql       string
	returning []*attribute // the columns read back, nil for none
}

// cachedInsert returns the single-row INSERT for cols, built once per
// column set (only values change between calls), bound to vals. Values
// that are SQL expressions bypass the cache.
func (md *modelCore) cachedInsert(cols []*attribute, vals []any, fields []string) (*sqlb, []*attribute) {
	returning := func(s *sqlb) []*attribute {
		gen := md.generated(cols, fields)
		if md.writeReturningOf(s, gen) {
			return gen
		}
		return nil
	}
	for _, v := range vals {
		if _, ok := v.(Expr); ok {
			s := newSQLB(md.db)
			md.writeInsert(s, cols, [][]any{vals}, "INSERT")
			return s, returning(s)
		}
	}
	var kb strings.Builder
	kb.WriteString("insert")
	for _, c := range cols {
		kb.WriteByte(0)
		kb.WriteString(c.name)
	}
	if fields != nil { // what is read back depends on fields too
		kb.WriteByte(1)
		for _, f := range fields {
			kb.WriteByte(0)
			kb.WriteString(f)
		}
	}
	key := kb.String()
	v, ok := md.m.stmts.Load(key)
	if !ok {
		s := newSQLB(md.db)
		md.writeInsert(s, cols, [][]any{vals}, "INSERT")
		ret := returning(s)
		v, _ = md.m.stmts.LoadOrStore(key, &insertStmt{sql: s.String(), returning: ret})
	}
	st := v.(*insertStmt)
	s := newSQLB(md.db)
	s.b = append(s.b[:0], st.sql...)
	s.args = vals
	return s, st.returning
}
