package sequelize

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strings"

	"github.com/gosequelize/sequelize/dialect"
	"github.com/gosequelize/sequelize/op"
)

// maxParams is the number of bound parameters one statement may carry on
// every supported database (PostgreSQL and MySQL allow 65535, SQLite 32766).
const maxParams = 32766

// BulkCreateOptions are Sequelize's bulkCreate options.
type BulkCreateOptions struct {
	// Fields restricts the attributes inserted.
	Fields []string
	// IgnoreDuplicates skips rows that violate a unique constraint (ON
	// CONFLICT DO NOTHING on PostgreSQL and SQLite, INSERT IGNORE on MySQL).
	// Ids are not read back then, since skipped rows break the order.
	IgnoreDuplicates bool
	// UpdateOnDuplicate lists the attributes to update when a row conflicts
	// (an empty non-nil list is an error, as in Sequelize)
	// (ON CONFLICT ... DO UPDATE, ON DUPLICATE KEY UPDATE).
	UpdateOnDuplicate []string
	// ConflictAttributes are the attributes whose unique constraint decides
	// a conflict for UpdateOnDuplicate on PostgreSQL and SQLite (default: the
	// primary key). MySQL decides by every unique key.
	ConflictAttributes []string
	// Validate validates every record first; if any fails nothing is
	// inserted and the error is an *AggregateError of *BulkRecordError, one
	// per failed record (default false, as in Sequelize).
	Validate bool
	// IndividualHooks creates the records one by one with Create, running
	// the create hooks of each (N INSERTs, in one transaction), as Sequelize.
	IndividualHooks bool
	// Include creates associated rows too, as CreateOptions.Include; the
	// instances are then created one by one, in one transaction.
	Include     []Include
	Transaction *Tx
	Logging     *slog.Logger
}

// BulkCreate inserts insts with multi-row INSERTs (Sequelize's bulkCreate),
// chunked to stay under the databases' parameter limits. Defaults and
// timestamps are applied to the structs, and generated ids are read back
// (RETURNING on PostgreSQL and SQLite; on MySQL and MariaDB from the first
// insert id, which assumes auto_increment_increment = 1, as Sequelize
// does). Without a transaction, chunks commit one by one: pass one (or a
// ctx carrying one) to make the whole insert atomic.
func (md *Model[T]) BulkCreate(ctx context.Context, insts []*T, opts ...BulkCreateOptions) error {
	md = md.at()
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	if o.UpdateOnDuplicate != nil && len(o.UpdateOnDuplicate) == 0 {
		return &QueryError{newBase("SequelizeQueryError", "updateOnDuplicate option only supports non-empty array.", nil)}
	}
	if len(insts) == 0 {
		return nil
	}
	for _, f := range slices.Concat(o.Fields, o.UpdateOnDuplicate, o.ConflictAttributes) {
		if md.m.byName[f] == nil {
			return errUnknownAttr(md.m, f)
		}
	}
	if o.IgnoreDuplicates && len(o.UpdateOnDuplicate) > 0 {
		return errors.New("sequelize: IgnoreDuplicates and UpdateOnDuplicate cannot be used together")
	}
	ev := &HookEvent[T]{Instances: insts}
	if err := md.fire(ctx, BeforeBulkCreate, ev); err != nil {
		return err
	}
	if err := md.bulkCreate(ctx, insts, o); err != nil {
		return err
	}
	return md.fire(ctx, AfterBulkCreate, ev)
}

func (md *Model[T]) bulkCreate(ctx context.Context, insts []*T, o BulkCreateOptions) error {
	if o.IndividualHooks {
		return md.db.Transaction(ctx, func(ctx context.Context, tx *Tx) error {
			for _, inst := range insts {
				if err := md.Create(ctx, inst, CreateOptions{Fields: o.Fields, Include: o.Include, Validate: Bool(o.Validate), Logging: o.Logging}); err != nil {
					return err
				}
			}
			return nil
		}, TransactionOptions{Transaction: o.Transaction})
	}
	if o.Validate {
		var errs []error
		for i, inst := range insts {
			if inst == nil {
				continue
			}
			if err := md.m.validate(ctx, inst, reflect.ValueOf(inst).Elem(), ValidateOptions{Fields: o.Fields}, reflect.Value{}); err != nil {
				errs = append(errs, &BulkRecordError{BaseError: newBase("SequelizeBulkRecordError",
					fmt.Sprintf("record %d: %s", i, strings.TrimPrefix(err.Error(), "sequelize: ")), err), Record: inst})
			}
		}
		if len(errs) > 0 {
			return NewAggregateError(errs)
		}
	}
	if len(o.Include) > 0 {
		if o.IgnoreDuplicates || len(o.UpdateOnDuplicate) > 0 {
			return errors.New("sequelize: BulkCreate with Include cannot also ignore or update duplicates")
		}
		return md.db.Transaction(ctx, func(ctx context.Context, tx *Tx) error {
			for _, inst := range insts {
				if err := md.Create(ctx, inst, CreateOptions{Fields: o.Fields, Include: o.Include, Logging: o.Logging, Validate: Bool(false)}); err != nil {
					return err
				}
			}
			return nil
		}, TransactionOptions{Transaction: o.Transaction})
	}
	ts := now()
	type group struct {
		cols  []*attribute
		rows  [][]any
		insts []*T
	}
	var groups []*group
	byKey := map[string]*group{}
	for _, inst := range insts {
		if inst == nil {
			return errors.New("sequelize: BulkCreate of a nil instance")
		}
		cols, vals, err := md.insertColumns(inst, o.Fields, ts)
		if err != nil {
			return err
		}
		var g *group
		if n := len(groups); n > 0 && slices.Equal(groups[n-1].cols, cols) {
			g = groups[n-1] // the usual case: the same columns as the last row
		} else {
			var key strings.Builder
			for _, c := range cols {
				key.WriteString(c.name)
				key.WriteByte(0)
			}
			if g = byKey[key.String()]; g == nil {
				g = &group{cols: cols}
				byKey[key.String()] = g
				groups = append(groups, g)
			}
		}
		g.rows = append(g.rows, vals)
		g.insts = append(g.insts, inst)
	}
	run := func(ctx context.Context) error {
		for _, g := range groups {
			per := max(1, maxParams/max(1, len(g.cols)))
			if len(g.cols) == 0 {
				per = 1 // an all-defaults INSERT (DEFAULT VALUES) writes one row
			}
			for start := 0; start < len(g.rows); start += per {
				end := min(start+per, len(g.rows))
				if err := md.insertChunk(ctx, g.cols, g.rows[start:end], g.insts[start:end], o); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := run(ctx); err != nil {
		return md.refine(err)
	}
	md.tr.rememberAll(md.m, insts, nil)
	return nil
}

func (md *Model[T]) insertChunk(ctx context.Context, cols []*attribute, rows [][]any, insts []*T, o BulkCreateOptions) error {
	f := md.db.dialect.Features()
	s := newSQLB(md.db)
	verb := "INSERT"
	if o.IgnoreDuplicates && !f.Has(dialect.OnConflict) {
		verb = "INSERT IGNORE"
	}
	md.writeInsert(s, cols, rows, verb)
	switch {
	case o.IgnoreDuplicates && f.Has(dialect.OnConflict):
		s.w(" ON CONFLICT DO NOTHING")
	case len(o.UpdateOnDuplicate) > 0:
		md.writeOnConflictUpdate(s, o.UpdateOnDuplicate, o.ConflictAttributes)
	}
	if gen := md.generated(cols); !o.IgnoreDuplicates && md.writeReturningOf(s, gen) {
		_, err := md.queryIntoAttrs(ctx, o.Transaction, o.Logging, s, insts, gen)
		return err
	}
	res, err := md.exec(ctx, o.Transaction, o.Logging, s)
	if err != nil {
		return err
	}
	if a := md.m.autoInc; a != nil && res.HasLastInsertID && !o.IgnoreDuplicates && len(o.UpdateOnDuplicate) == 0 {
		for i, inst := range insts {
			if fv := fieldOf(reflect.ValueOf(inst).Elem(), a); fv.IsValid() && fv.IsZero() {
				if err := assign(fv, res.LastInsertID+int64(i)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// writeOnConflictUpdate writes the upsert clause updating attrs.
func (md *Model[T]) writeOnConflictUpdate(s *sqlb, attrs, conflict []string) {
	if md.db.dialect.Features().Has(dialect.OnConflict) {
		if len(conflict) == 0 {
			for _, a := range md.m.pks {
				conflict = append(conflict, a.name)
			}
		}
		s.w(" ON CONFLICT (")
		for i, n := range conflict {
			if i > 0 {
				s.w(",")
			}
			s.id(md.m.byName[n].field)
		}
		s.w(") DO UPDATE SET ")
		for i, n := range attrs {
			if i > 0 {
				s.w(",")
			}
			f := md.m.byName[n].field
			s.id(f).w("=EXCLUDED.").id(f)
		}
		return
	}
	s.w(" ON DUPLICATE KEY UPDATE ")
	for i, n := range attrs {
		if i > 0 {
			s.w(",")
		}
		f := md.m.byName[n].field
		s.id(f).w("=VALUES(").id(f).w(")")
	}
}

// UpsertOptions are Sequelize's upsert options.
type UpsertOptions struct {
	// Fields are the attributes updated when the row exists (default:
	// every attribute with a struct field except the primary key and
	// createdAt).
	Fields []string
	// ConflictFields are the attributes whose unique constraint decides
	// whether the row exists (default: the primary key when inst has one
	// set, else the first unique key whose attributes are all set).
	ConflictFields []string
	// Validate, when Bool(false), skips validation (default true).
	Validate    *bool
	Transaction *Tx
	Logging     *slog.Logger
}

// Upsert inserts inst, or updates the existing row with the same key
// (Sequelize's upsert), then fills inst with the row as stored and reports
// whether it was created. Unlike Sequelize, which returns created = null on
// PostgreSQL and SQLite and no row on MySQL, both are given on every
// dialect.
func (md *Model[T]) Upsert(ctx context.Context, inst *T, opts ...UpsertOptions) (created bool, err error) {
	md = md.at()
	o, err := oneOption(opts)
	if err != nil {
		return false, err
	}
	if inst == nil {
		return false, errors.New("sequelize: Upsert of a nil instance")
	}
	rv := reflect.ValueOf(inst).Elem()
	// A primary key with a default the application computes (UUIDV4, a
	// func) gets it now, as Sequelize's build does: the new row's key.
	ts := now()
	for _, a := range md.m.pks {
		if f := fieldOf(rv, a); f.IsValid() && f.IsZero() && !a.autoIncrement {
			if d, ok := defaultFor(a, ts); ok {
				if err := setField(f, d); err != nil {
					return false, fmt.Errorf("sequelize: %s.%s default: %w", md.m.name, a.name, err)
				}
			}
		}
	}
	if o.Validate == nil || *o.Validate {
		if err := md.validateWithHooks(ctx, inst, ValidateOptions{}); err != nil {
			return false, err
		}
	}
	ev := &HookEvent[T]{Instance: inst}
	if err := md.fire(ctx, BeforeUpsert, ev); err != nil {
		return false, err
	}
	conflict := o.ConflictFields
	if len(conflict) == 0 {
		conflict = md.conflictKey(rv)
		if conflict == nil {
			return false, fmt.Errorf("sequelize: Upsert of %s needs its primary key or a unique key set, or ConflictFields", md.m.name)
		}
	}
	for _, n := range slices.Concat(conflict, o.Fields) {
		if md.m.byName[n] == nil {
			return false, errUnknownAttr(md.m, n)
		}
	}
	update := o.Fields
	if update == nil {
		for _, a := range md.m.attrs {
			if a.goIndex != nil && !a.primaryKey && a.role != roleCreatedAt && !slices.Contains(conflict, a.name) {
				update = append(update, a.name)
			}
		}
	}
	if a := md.m.updatedAt; a != nil && !slices.Contains(update, a.name) {
		update = append(update, a.name)
	}
	key := Where{}
	for _, n := range conflict {
		f := fieldOf(rv, md.m.byName[n])
		if !f.IsValid() {
			return false, fmt.Errorf("sequelize: conflict attribute %s has no struct field", n)
		}
		key[n] = f.Interface()
	}
	feats := md.db.dialect.Features()
	createdExpr := ""
	if ce, ok := md.db.dialect.(interface{ UpsertCreatedSQL() string }); ok {
		createdExpr = ce.UpsertCreatedSQL()
	}
	err = md.db.Transaction(ctx, func(ctx context.Context, tx *Tx) error {
		// Where the statement cannot tell (SQLite), look first: the single
		// writer connection this transaction holds serialises it.
		if !feats.Has(dialect.UpsertAffectedRows) && createdExpr == "" {
			existing, err := md.FindOne(ctx, FindOptions{Where: key, Paranoid: Bool(false), Raw: true, Logging: o.Logging})
			if err != nil {
				return err
			}
			created = existing == nil
		}
		cols, vals, err := md.insertColumns(inst, nil, now())
		if err != nil {
			return err
		}
		s := newSQLB(md.db)
		md.writeInsert(s, cols, [][]any{vals}, "INSERT")
		upd := slices.DeleteFunc(slices.Clone(update), func(n string) bool {
			return !slices.ContainsFunc(cols, func(a *attribute) bool { return a.name == n })
		})
		if len(upd) == 0 {
			upd = []string{conflict[0]}
		}
		md.writeOnConflictUpdate(s, upd, conflict)
		switch {
		case createdExpr != "":
			s.w(" RETURNING ").w(createdExpr).w(" AS ").id("created")
			res, err := md.db.run(ctx, s.String(), s.args, QueryOptions{Type: QueryTypeUpsert, Logging: o.Logging})
			if err != nil {
				return err
			}
			created = len(res.Rows) == 1 && toBool(res.Rows[0]["created"])
		case feats.Has(dialect.UpsertAffectedRows):
			res, err := md.exec(ctx, nil, o.Logging, s)
			if err != nil {
				return err
			}
			created = res.RowsAffected == 1
		default:
			if _, err := md.exec(ctx, nil, o.Logging, s); err != nil {
				return err
			}
		}
		row, err := md.FindOne(ctx, FindOptions{Where: key, Paranoid: Bool(false), Raw: true, Logging: o.Logging})
		if err != nil {
			return err
		}
		if row == nil {
			return fmt.Errorf("sequelize: the upserted %s row was not found by %v", md.m.name, key)
		}
		*inst = *row
		return nil
	}, TransactionOptions{Transaction: o.Transaction})
	if err != nil {
		return false, err
	}
	md.tr.remember(md.m, inst)
	ev.Created = created
	return created, md.fire(ctx, AfterUpsert, ev)
}

// conflictKey picks the attributes that identify inst's row: the primary
// key when set, else the first unique key (by name) whose attributes are
// all set.
func (md *Model[T]) conflictKey(rv reflect.Value) []string {
	set := func(names []string) bool {
		for _, n := range names {
			f := fieldOf(rv, md.m.byName[n])
			if !f.IsValid() || f.IsZero() {
				return false
			}
		}
		return len(names) > 0
	}
	var pk []string
	for _, a := range md.m.pks {
		pk = append(pk, a.name)
	}
	if set(pk) {
		return pk
	}
	names := make([]string, 0, len(md.m.uniqueKeys))
	for n := range md.m.uniqueKeys {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		if uk := md.m.uniqueKeys[n]; set(uk.fields) {
			return uk.fields
		}
	}
	return nil
}

// Build returns a new, unsaved instance with values set and defaults
// applied to the attributes values leaves unset (Sequelize's build).
func (md *Model[T]) Build(values Values) (*T, error) {
	md = md.at()
	inst := new(T)
	if err := md.Set(inst, values); err != nil {
		return nil, err
	}
	rv := reflect.ValueOf(inst).Elem()
	ts := now()
	for _, a := range md.m.attrs {
		if _, given := values[a.name]; given || a.goIndex == nil || a.role != roleNone {
			continue
		}
		if d, ok := defaultFor(a, ts); ok {
			if err := setField(rv.FieldByIndex(a.goIndex), d); err != nil {
				return nil, err
			}
		}
	}
	return inst, nil
}

// Set assigns values to inst's fields by attribute name (Sequelize's
// instance.set with an object), VIRTUAL attributes included. Values are
// converted to the fields' types as values read from the database are
// (any Go number to a numeric field, "true" or 1 to a bool, ...). It is
// all or nothing: an unknown attribute (or a column name), an attribute
// without a struct field or a value that does not convert is an error,
// and inst is left unchanged. Unlike Sequelize's set, which ignores
// unknown keys and, on a saved instance, the primary key and timestamps,
// Set assigns what it is given, as assigning the fields would; a value
// cannot be an SQL expression (use Update with Values).
func (md *Model[T]) Set(inst *T, values Values) error {
	md = md.at()
	rv := reflect.ValueOf(inst).Elem()
	cp := reflect.New(rv.Type()).Elem()
	cp.Set(rv)
	for k, v := range values {
		a := md.m.byName[k]
		if a == nil {
			a = md.m.virtual(k)
		}
		if a == nil {
			return errUnknownAttr(md.m, k)
		}
		f := fieldOf(cp, a)
		if !f.IsValid() {
			return fmt.Errorf("sequelize: %s.%s has no struct field to set", md.m.name, k)
		}
		if err := assign(f, v); err != nil {
			return fmt.Errorf("sequelize: %s.%s: %w", md.m.name, k, err)
		}
	}
	rv.Set(cp)
	return nil
}

// FindOrCreateOptions are Sequelize's findOrCreate options.
type FindOrCreateOptions struct {
	// Where finds the row; its plain values also fill a created one.
	// FindOrCreate requires it; an empty Where{} matches any row, as
	// Sequelize's where: {}.
	Where Where
	// Defaults are the other values of a created row.
	Defaults    Values
	Transaction *Tx
	Logging     *slog.Logger
}

// plainValues returns the attributes of w set to plain values.
func plainValues(w Where) Values {
	out := Values{}
	for k, v := range w {
		switch v.(type) {
		case nil, op.Op, Expr, Where, map[string]any:
			continue
		}
		if isList(v) {
			continue
		}
		out[k] = v
	}
	return out
}

// FindOrCreate returns the row matching opts.Where, creating it from the
// where's values and Defaults when none exists (Sequelize's findOrCreate),
// and whether it was created. It is safe under concurrency when the where
// attributes carry a unique constraint: of two goroutines racing for the
// same row, one creates it and the other finds it, and neither gets an
// error. The insert uses ON CONFLICT DO NOTHING (INSERT IGNORE on MySQL),
// so a transaction it runs in is never aborted by the race. An unknown
// attribute in Defaults is a *QueryError before any query (Sequelize
// warns and drops it).
func (md *Model[T]) FindOrCreate(ctx context.Context, opts FindOrCreateOptions) (*T, bool, error) {
	md = md.at()
	if opts.Where == nil {
		return nil, false, errors.New("sequelize: FindOrCreate needs a Where (Where{} matches any row)")
	}
	find := FindOptions{Where: opts.Where, Transaction: opts.Transaction, Logging: opts.Logging}
	if row, err := md.FindOne(ctx, find); err != nil || row != nil {
		return row, false, err
	}
	values := plainValues(opts.Where)
	for k, v := range opts.Defaults {
		values[k] = v
	}
	inst, err := md.Build(values)
	if err != nil {
		return nil, false, err
	}
	if err := md.Validate(ctx, inst); err != nil {
		return nil, false, err
	}
	cols, vals, err := md.insertColumns(inst, nil, now())
	if err != nil {
		return nil, false, err
	}
	s := newSQLB(md.db)
	verb := "INSERT"
	if !md.db.dialect.Features().Has(dialect.OnConflict) {
		verb = "INSERT IGNORE"
	}
	md.writeInsert(s, cols, [][]any{vals}, verb)
	if md.db.dialect.Features().Has(dialect.OnConflict) {
		s.w(" ON CONFLICT DO NOTHING")
	}
	res, err := md.exec(ctx, opts.Transaction, opts.Logging, s)
	if err != nil {
		return nil, false, err
	}
	row, err := md.FindOne(ctx, find)
	if err != nil {
		return nil, false, err
	}
	if row == nil {
		return nil, false, fmt.Errorf("sequelize: FindOrCreate inserted a %s row that its Where does not find; make the Where match the created values", md.m.name)
	}
	return row, res.RowsAffected == 1, nil
}

// FindOrBuild returns the row matching where, or a new unsaved instance
// built from the where's values and defaults (Sequelize's findOrBuild),
// and whether it was built.
func (md *Model[T]) FindOrBuild(ctx context.Context, opts FindOrCreateOptions) (*T, bool, error) {
	md = md.at()
	row, err := md.FindOne(ctx, FindOptions{Where: opts.Where, Transaction: opts.Transaction, Logging: opts.Logging})
	if err != nil || row != nil {
		return row, false, err
	}
	values := plainValues(opts.Where)
	for k, v := range opts.Defaults {
		values[k] = v
	}
	inst, err := md.Build(values)
	return inst, err == nil, err
}

// FindCreateFind finds the row, creates it when missing, and on a unique
// violation (another writer won the race) finds it again (Sequelize's
// findCreateFind). It is cheaper than FindOrCreate but, like Sequelize's,
// its failed INSERT aborts an enclosing PostgreSQL transaction.
func (md *Model[T]) FindCreateFind(ctx context.Context, opts FindOrCreateOptions) (*T, bool, error) {
	md = md.at()
	find := FindOptions{Where: opts.Where, Transaction: opts.Transaction, Logging: opts.Logging}
	if row, err := md.FindOne(ctx, find); err != nil || row != nil {
		return row, false, err
	}
	values := plainValues(opts.Where)
	for k, v := range opts.Defaults {
		values[k] = v
	}
	inst, err := md.Build(values)
	if err != nil {
		return nil, false, err
	}
	err = md.Create(ctx, inst, CreateOptions{Transaction: opts.Transaction, Logging: opts.Logging})
	var uniq *UniqueConstraintError
	if errors.As(err, &uniq) {
		row, err := md.FindOne(ctx, find)
		return row, false, err
	}
	if err != nil {
		return nil, false, err
	}
	return inst, true, nil
}
