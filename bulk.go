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
	// (ON CONFLICT ... DO UPDATE, ON DUPLICATE KEY UPDATE); an empty
	// non-nil list is an error, as in Sequelize.
	UpdateOnDuplicate []string
	// ConflictAttributes are the attributes whose unique constraint decides
	// a conflict for UpdateOnDuplicate on PostgreSQL and SQLite (default,
	// as Sequelize infers it: the model's unique key, the first by name
	// when it has several, else the primary key). MySQL decides by every
	// unique key.
	ConflictAttributes []string
	// ConflictWhere is the WHERE of a partial unique index that
	// UpdateOnDuplicate's conflict target names (Sequelize's conflictWhere):
	// ON CONFLICT (ConflictAttributes) WHERE ConflictWhere DO UPDATE, so that
	// a row conflicts only with the rows the index covers. Its values are
	// written as literals, as Sync writes the index's own WHERE: the database
	// matches the two when it plans the statement. PostgreSQL and SQLite
	// only: on MySQL and MariaDB it is a *QueryError, as in Sequelize, and so
	// is ConflictWhere without UpdateOnDuplicate (Sequelize ignores it then).
	ConflictWhere any
	// Validate validates every record first; if any fails nothing is
	// inserted and the error is an *AggregateError of *BulkRecordError, one
	// per failed record (default false, as in Sequelize). With
	// IndividualHooks the validation hooks run for each record too.
	Validate bool
	// Silent is accepted for Sequelize's silent: true. BulkCreate keeps the
	// createdAt and updatedAt each record has with or without it (a zero
	// one is set to now), as Sequelize's bulkCreate does. It cannot be
	// combined with IndividualHooks or Include yet (a *QueryError), which
	// create through Create, where a given updatedAt is replaced by now.
	Silent bool
	// IndividualHooks creates the records one by one with Create, running
	// the create hooks of each (N INSERTs, in one transaction), as Sequelize;
	// the records are validated (Validate) before the first is created.
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
// ctx carrying one) to make the whole insert atomic. Zero fields follow
// Create's rule: a zero field of an attribute with a default takes the
// default, unless the field is a pointer (a pointer to a zero stores the
// zero) or the instance was made by Build (or given values by Set), whose
// Values keep their zeros.
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
		return errQuery("IgnoreDuplicates and UpdateOnDuplicate cannot be used together")
	}
	if o.Silent && (o.IndividualHooks || len(o.Include) > 0) {
		return &QueryError{newBase("SequelizeQueryError", "BulkCreate's Silent cannot be combined with IndividualHooks or Include, which create through Create", nil)}
	}
	if o.ConflictWhere != nil {
		if err := md.checkConflictWhere(); err != nil {
			return err
		}
		if len(o.UpdateOnDuplicate) == 0 {
			return &QueryError{newBase("SequelizeQueryError", "BulkCreate's ConflictWhere needs UpdateOnDuplicate (it is the WHERE of the conflict target)", nil)}
		}
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
	if o.Validate {
		// Every record is validated first, also before IndividualHooks'
		// creates (with the validation hooks then, as Sequelize's
		// validate option hooks: individualHooks), so that one failing
		// record gives the AggregateError of all and nothing is inserted.
		var errs []error
		for i, inst := range insts {
			if inst == nil {
				continue
			}
			var err error
			if o.IndividualHooks {
				err = md.validateWithHooks(ctx, inst, ValidateOptions{Fields: o.Fields})
			} else {
				err = md.m.validate(ctx, inst, reflect.ValueOf(inst).Elem(), ValidateOptions{Fields: o.Fields}, reflect.Value{})
			}
			if err != nil {
				errs = append(errs, &BulkRecordError{BaseError: newBase("SequelizeBulkRecordError",
					fmt.Sprintf("record %d: %s", i, strings.TrimPrefix(err.Error(), "sequelize: ")), err), Record: inst})
			}
		}
		if len(errs) > 0 {
			return NewAggregateError(errs)
		}
	}
	if o.IndividualHooks {
		return md.db.Transaction(ctx, func(ctx context.Context, tx *Tx) error {
			for _, inst := range insts {
				if err := md.Create(ctx, inst, CreateOptions{Fields: o.Fields, Include: o.Include, Validate: Bool(false), Logging: o.Logging, keepUnlisted: true}); err != nil {
					return err
				}
			}
			return nil
		}, TransactionOptions{Transaction: o.Transaction})
	}
	if len(o.Include) > 0 {
		if o.IgnoreDuplicates || len(o.UpdateOnDuplicate) > 0 {
			return errQuery("BulkCreate with Include cannot also ignore or update duplicates")
		}
		return md.db.Transaction(ctx, func(ctx context.Context, tx *Tx) error {
			for _, inst := range insts {
				if err := md.Create(ctx, inst, CreateOptions{Fields: o.Fields, Include: o.Include, Logging: o.Logging, Validate: Bool(false), keepUnlisted: true}); err != nil {
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
			return errInstance("BulkCreate of a nil instance")
		}
		// A given updatedAt is kept, Silent or not, as Sequelize's
		// bulkCreate keeps it.
		cols, vals, err := md.insertColumns(inst, o.Fields, ts, true)
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
	if saved := md.savedWith(o.Fields); saved != nil {
		// the values outside Fields were not stored: they stay changed
		var zero T
		for _, inst := range insts {
			md.tr.rememberFields(md.m, inst, &zero, saved)
		}
	}
	return nil
}

func (md *Model[T]) insertChunk(ctx context.Context, cols []*attribute, rows [][]any, insts []*T, o BulkCreateOptions) (err error) {
	defer func() {
		if err == nil {
			for i, inst := range insts {
				md.settle(reflect.ValueOf(inst).Elem(), cols, rows[i])
			}
		}
	}()
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
		md.writeOnConflictUpdate(s, o.UpdateOnDuplicate, o.ConflictAttributes, o.ConflictWhere)
	}
	if gen := md.generated(cols, o.Fields); !o.IgnoreDuplicates && md.writeReturningOf(s, gen) {
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
					return errRead(err, "%s.%s", md.m.name, a.name)
				}
			}
		}
	}
	return nil
}

// checkConflictWhere refuses a ConflictWhere where the dialect has no ON
// CONFLICT target to put it on (MySQL, MariaDB), as Sequelize does.
func (md *modelCore) checkConflictWhere() error {
	if md.db.dialect.Features().Has(dialect.OnConflict) {
		return nil
	}
	return &QueryError{newBase("SequelizeQueryError", "conflictWhere not supported for dialect "+md.db.dialect.Name(), nil)}
}

// writeOnConflictUpdate writes the upsert clause updating attrs, on the
// conflict target conflict (default: the primary key) with the index
// predicate where, if any.
func (md *modelCore) writeOnConflictUpdate(s *sqlb, attrs, conflict []string, where any) {
	if md.db.dialect.Features().Has(dialect.OnConflict) {
		if len(conflict) == 0 {
			conflict = md.defaultConflict()
		}
		s.w(" ON CONFLICT (")
		for i, n := range conflict {
			if i > 0 {
				s.w(",")
			}
			s.id(md.m.byName[n].field)
		}
		s.w(")")
		if where != nil {
			// The predicate must match the partial index's when the
			// statement is planned: literals, as in the index's DDL.
			ws := newSQLB(md.db)
			compileWhere(ws, md.db, md.m, "", where)
			if ws.err != nil {
				s.fail(ws.err)
				return
			}
			pred, err := inlineArgs(md.db, ws)
			if err != nil {
				s.fail(err)
				return
			}
			s.w(" WHERE ").w(pred)
		}
		s.w(" DO UPDATE SET ")
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

// defaultConflict is BulkCreate's conflict target when ConflictAttributes
// is not given, as Sequelize infers it: a unique key of the model (a
// unique attribute or a unique index without a Where), else the primary
// key. Of several unique keys it takes the first by name (Sequelize
// concatenates the fields of every unique index and of the first unique
// attribute, which the database accepts only when they form one key).
func (md *modelCore) defaultConflict() []string {
	names := make([]string, 0, len(md.m.uniqueKeys))
	for n, uk := range md.m.uniqueKeys {
		if len(uk.fields) > 0 {
			names = append(names, n)
		}
	}
	if len(names) > 0 {
		slices.Sort(names)
		return md.m.uniqueKeys[names[0]].fields
	}
	conflict := make([]string, 0, len(md.m.pks))
	for _, a := range md.m.pks {
		conflict = append(conflict, a.name)
	}
	return conflict
}

// UpsertOptions are Sequelize's upsert options.
type UpsertOptions struct {
	// Fields are the attributes updated when the row exists (default:
	// every attribute with a struct field except the primary key,
	// createdAt and the attributes left zero that have a default: a
	// default is written by the insert only, as in Sequelize).
	Fields []string
	// ConflictFields are the attributes whose unique constraint decides
	// whether the row exists (default: the primary key when inst has one
	// set, else the first unique key whose attributes are all set; with
	// ConflictWhere, the partial unique indexes count as unique keys too).
	ConflictFields []string
	// ConflictWhere is the WHERE of the partial unique index that decides
	// whether the row exists (Sequelize's conflictWhere): INSERT ... ON
	// CONFLICT (ConflictFields) WHERE ConflictWhere DO UPDATE, so only the
	// rows the index covers conflict. Its values are written as literals,
	// as Sync writes the index's own WHERE: the database matches the two
	// when it plans the statement. The row written is then read back by its
	// primary key. PostgreSQL and SQLite only: on MySQL and MariaDB it is a
	// *QueryError, as in Sequelize.
	ConflictWhere any
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
		return false, errInstance("Upsert of a nil instance")
	}
	rv := reflect.ValueOf(inst).Elem()
	// A primary key with a default the application computes (UUIDV4, a
	// func) gets it now, as Sequelize's build does: the new row's key.
	ts := now()
	for _, a := range md.m.pks {
		if f := fieldOf(rv, a); f.IsValid() && f.IsZero() && !a.autoIncrement {
			if d, ok := defaultFor(a, ts); ok {
				if err := setField(f, d); err != nil {
					return false, errValue(md.m, a, d, err)
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
	if o.ConflictWhere != nil {
		if err := md.checkConflictWhere(); err != nil {
			return false, err
		}
	}
	conflict := o.ConflictFields
	if len(conflict) == 0 {
		conflict = md.conflictKey(rv, o.ConflictWhere != nil)
		if conflict == nil {
			return false, errInstance("Upsert of %s needs its primary key or a unique key set, or ConflictFields", md.m.name)
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
	if o.Fields == nil {
		// A default belongs to the insert only, as in Sequelize (whose
		// update side lists only the values given): an attribute left
		// zero that the insert fills with its default keeps the stored
		// value of an existing row.
		for _, a := range md.m.attrs {
			if a.role != roleNone || a.primaryKey || (a.defaultValue == nil && a.defaultFn == nil && a.defaultKey == "") {
				continue
			}
			if f := fieldOf(rv, a); f.IsValid() && f.IsZero() {
				update = slices.DeleteFunc(update, func(n string) bool { return n == a.name })
			}
		}
	}
	key := Where{}
	for _, n := range conflict {
		f := fieldOf(rv, md.m.byName[n])
		if !f.IsValid() {
			return false, errQuery("conflict attribute %s has no struct field", n)
		}
		key[n] = f.Interface()
	}
	feats := md.db.dialect.Features()
	createdExpr := ""
	if ce, ok := md.db.dialect.(interface{ UpsertCreatedSQL() string }); ok {
		createdExpr = ce.UpsertCreatedSQL()
	}
	// With ConflictWhere the conflict key alone may match other rows (the
	// ones the partial index leaves out): the statement returns the key of
	// the row it wrote, which is read back by it.
	var byPK []*attribute
	if o.ConflictWhere != nil && feats.Has(dialect.Returning) {
		byPK = md.m.pks
	}
	lookup := any(key)
	if o.ConflictWhere != nil {
		lookup = op.And(key, o.ConflictWhere)
	}
	err = md.db.Transaction(ctx, func(ctx context.Context, tx *Tx) error {
		// Where the statement cannot tell (SQLite), look first: the single
		// writer connection this transaction holds serialises it.
		var existing *T
		if !feats.Has(dialect.UpsertAffectedRows) && createdExpr == "" {
			var err error
			existing, err = md.FindOne(ctx, FindOptions{Where: lookup, Paranoid: Bool(false), Raw: true, Logging: o.Logging})
			if err != nil {
				return err
			}
			created = existing == nil
		}
		cols, vals, err := md.insertColumns(inst, nil, now(), false)
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
		md.writeOnConflictUpdate(s, upd, conflict, o.ConflictWhere)
		if s.err != nil {
			return s.err
		}
		reread := lookup
		// returning writes the RETURNING list after first and runs the
		// statement, keeping the written row's primary key for reread.
		returning := func(first string) (*QueryResult, error) {
			s.w(" RETURNING ").w(first)
			for i, a := range byPK {
				if i > 0 || first != "" {
					s.w(",")
				}
				s.id(a.field)
			}
			res, err := md.db.run(ctx, s.String(), s.args, QueryOptions{Type: QueryTypeUpsert, Logging: o.Logging})
			if err != nil || len(byPK) == 0 {
				return res, err
			}
			if len(res.Rows) != 1 {
				return nil, errInstance("the upsert of %s returned %d rows", md.m.name, len(res.Rows))
			}
			pk := Where{}
			for _, a := range byPK {
				pk[a.name] = res.Rows[0][a.field]
			}
			reread = pk
			return res, nil
		}
		switch {
		case createdExpr != "":
			res, err := returning(createdExpr + " AS " + string(md.db.dialect.QuoteIdentifier(nil, "created")))
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
		case len(byPK) > 0:
			if _, err := returning(""); err != nil {
				return err
			}
		default:
			if _, err := md.exec(ctx, nil, o.Logging, s); err != nil {
				return err
			}
		}
		row, err := md.FindOne(ctx, FindOptions{Where: reread, Paranoid: Bool(false), Raw: true, Logging: o.Logging})
		if err != nil {
			return err
		}
		if row == nil {
			return errInstance("the upserted %s row was not found by %v", md.m.name, reread)
		}
		if existing != nil && len(byPK) > 0 {
			// The row found first was updated only if it is the one written
			// (a row the partial index leaves out is inserted beside it).
			created = !md.samePK(existing, row)
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

// samePK reports whether a and b have the same primary key values.
func (md *Model[T]) samePK(a, b *T) bool {
	ra, rb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	for _, k := range md.m.pks {
		fa, fb := fieldOf(ra, k), fieldOf(rb, k)
		if !fa.IsValid() || !fb.IsValid() || !reflect.DeepEqual(fa.Interface(), fb.Interface()) {
			return false
		}
	}
	return true
}

// conflictKey picks the attributes that identify inst's row: the primary
// key when set, else the first unique key (by name) whose attributes are
// all set, else (when partial is true: the caller gives the ConflictWhere
// they need) the first partial unique index whose attributes are all set.
func (md *modelCore) conflictKey(rv reflect.Value, partial bool) []string {
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
	if partial {
		for _, ix := range md.m.indexes {
			if !ix.Unique || ix.Where == nil {
				continue
			}
			names := make([]string, 0, len(ix.Fields))
			for _, f := range ix.Fields {
				if a := md.m.attrOrField(f.Attribute); a != nil {
					names = append(names, a.name)
				}
			}
			if len(names) == len(ix.Fields) && set(names) {
				return names
			}
		}
	}
	return nil
}

// Build returns a new, unsaved instance with values set and defaults
// applied to the attributes values leaves unset (Sequelize's build). The
// instance remembers which attributes values named: when it is inserted
// (Save, Create, BulkCreate, Upsert), those keep the values given, zero
// values and nil included, where a zero field of a plain struct would take
// the attribute's default. Build(Values{"stock": 0}) stores 0 even when
// stock defaults to 5.
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
				return nil, errValue(md.m, a, d, err)
			}
		}
	}
	return inst, nil
}

// Set assigns values to inst's fields by attribute name (Sequelize's
// instance.set with an object), VIRTUAL attributes included. Values are
// converted to the fields' types as values read from the database are
// (any Go number to a numeric field, "true" or 1 to a bool, ...), and a
// value may be the field's type or a pointer to it, either way round: an
// *int field takes 3 or an *int (copied, not shared), an int field takes
// an *int, and nil or a nil pointer stores the zero value (nil for a
// pointer field). It is all or nothing: an unknown attribute (or a column
// name), an attribute without a struct field or a value that does not
// convert is an error, and inst is left unchanged (Sequelize ignores
// unknown keys). A value cannot be an SQL expression (use Update with
// Values).
//
// As Sequelize's set, it ignores a primary key attribute whose field is
// already set (on any instance), and, on an instance read from or saved
// to the database, the managed attributes createdAt, updatedAt, deletedAt
// and the version, which Save, Destroy and Restore maintain. Assigning the
// struct fields directly bypasses these rules.
//
// On a new record, as with Build, the attributes values names keep their
// values, zero or not, when the instance is inserted, instead of taking
// defaults.
func (md *Model[T]) Set(inst *T, values Values) error {
	md = md.at()
	return md.setValues(inst, values, true)
}

// setValues is Set; guard applies Sequelize's set rules (primary key,
// managed attributes), which the library's own writes of values skip.
func (md *Model[T]) setValues(inst *T, values Values, guard bool) error {
	md = md.at()
	rv := reflect.ValueOf(inst).Elem()
	cp := reflect.New(rv.Type()).Elem()
	cp.Set(rv)
	names := make([]string, 0, len(values))
	saved := -1 // unknown until a managed attribute is set
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
			return errQuery("%s.%s has no struct field to set", md.m.name, k)
		}
		if guard {
			if a.primaryKey && !f.IsZero() {
				continue
			}
			if a.role != roleNone {
				if saved < 0 {
					saved = 0
					if !md.IsNewRecord(inst) {
						saved = 1
					}
				}
				if saved == 1 {
					continue
				}
			}
		}
		if err := assignGo(f, v); err != nil {
			return errValue(md.m, a, v, err)
		}
		if a.role == roleNone && md.m.byName[k] != nil {
			names = append(names, k)
		}
	}
	rv.Set(cp)
	if len(names) > 0 && md.tr.snapshot(inst) == nil {
		md.tr.markGiven(inst, names)
	}
	return nil
}

// FindOrCreateOptions are the options of FindOrCreate, FindOrBuild and
// FindCreateFind (Sequelize's findOrCreate, findOrBuild and
// findCreateFind options).
type FindOrCreateOptions struct {
	// Where finds the row, as FindOptions.Where: a Where, or any
	// combination of op.And, op.Or, Cond, ... (Sequelize's where). It is
	// required: nil is an error, and an empty Where{} matches any row, as
	// Sequelize's where: {}.
	//
	// A created or built row takes its values from Defaults and from the
	// plain equality entries of a top-level Where map: an entry whose
	// value is a value, not nil, a list, an operator, a nested Where or an
	// expression. Nothing else in the where gives a value: an op.Or or
	// op.And where gives none at all, as in Sequelize, which merges only a
	// plain-object where into the values ("supports .or() (only using
	// default values)"); give the values in Defaults.
	Where any
	// Defaults are the other values of a created or built row. A key in
	// both Defaults and Where takes the Defaults value, as in Sequelize.
	// An unknown attribute is a *QueryError before any query (Sequelize
	// logs a warning and drops it).
	Defaults Values
	// Include eager-loads the associations of the row found, as
	// FindOptions.Include. A created or built instance has them unloaded
	// (Sequelize creates from the values and loads nothing either).
	Include []Include
	// Lock locks the row found, as FindOptions.Lock.
	Lock LockMode
	// Transaction runs the calls in this transaction instead of the one
	// carried by the context.
	Transaction *Tx
	// Logging overrides the DB's logger.
	Logging *slog.Logger
}

// plainValues returns the attributes of a top-level Where map set to
// plain values; any other where gives none.
func plainValues(where any) Values {
	out := Values{}
	w, ok := where.(Where)
	if !ok {
		if m, isMap := where.(map[string]any); isMap {
			w = m
		}
	}
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

// focFind returns the find of a FindOrCreate, FindOrBuild or
// FindCreateFind.
func (o *FindOrCreateOptions) focFind() FindOptions {
	return FindOptions{Where: o.Where, Include: o.Include, Lock: o.Lock, Transaction: o.Transaction, Logging: o.Logging}
}

// focBuild checks the options of a FindOrCreate, FindOrBuild or
// FindCreateFind (named by verb) and builds the instance it would create:
// the where's plain values, then Defaults.
func (md *Model[T]) focBuild(verb string, o *FindOrCreateOptions) (*T, error) {
	values := plainValues(o.Where)
	for k, v := range o.Defaults {
		if md.m.byName[k] == nil && md.m.virtual(k) == nil {
			return nil, errUnknownAttr(md.m, k)
		}
		values[k] = v
	}
	inst, err := md.Build(values)
	var be *BaseError
	if errors.As(err, &be) {
		return nil, err
	}
	if err != nil {
		return nil, &QueryError{newBase("SequelizeQueryError", verb+": "+strings.TrimPrefix(err.Error(), "sequelize: "), err)}
	}
	return inst, nil
}

// focMissingWhere is the error of a FindOrCreate, FindOrBuild or
// FindCreateFind without a Where.
func focMissingWhere(verb string) error {
	return errQuery("%s needs a Where (Where{} matches any row)", verb)
}

// FindOrCreate returns the row matching opts.Where, creating it when none
// exists (Sequelize's findOrCreate), and whether it was created.
//
// It finds the row with FindOne; when there is none, it builds the
// instance from the where's plain values and Defaults (see
// FindOrCreateOptions.Where) and creates it with Create, so the create
// hooks run as in Sequelize: BeforeValidate, AfterValidate (or
// ValidationFailed), BeforeCreate, BeforeSave, then AfterCreate and
// AfterSave. Inside a transaction (opts.Transaction, or one carried by
// ctx) the INSERT runs in a savepoint, so a failed INSERT leaves the
// transaction usable, on PostgreSQL too (Sequelize wraps its INSERT in a
// PL/pgSQL function for this). Without a transaction, the find and the
// INSERT are separate statements (Sequelize opens a transaction of its
// own): a racing writer's row is found again below all the same.
//
// When the INSERT violates a unique constraint (*UniqueConstraintError),
// as Sequelize does:
//   - if the violated attributes are all absent from the where and some
//     are in Defaults, the UniqueConstraintError is returned (the defaults
//     collide with another row);
//   - if a violated attribute has a plain value in the where that differs
//     from the value created (a BeforeCreate hook changed it), a
//     *BaseError names the attribute and both values;
//   - otherwise another writer created the row since the find: it is
//     found again (with a share lock inside a transaction, so that a
//     REPEATABLE READ snapshot on MySQL and MariaDB sees it) and returned
//     with created false; if that find finds nothing, the
//     UniqueConstraintError is returned.
//
// So goroutines racing to create the same row, when the where's
// attributes carry a unique constraint, all get it without error, one of
// them with created true. Unlike Sequelize, an unknown attribute in
// Defaults is a *QueryError before any query (Sequelize logs a warning and
// drops it). A created instance is returned as Create leaves it; it is not
// read back through the where.
func (md *Model[T]) FindOrCreate(ctx context.Context, opts FindOrCreateOptions) (*T, bool, error) {
	md = md.at()
	if opts.Where == nil {
		return nil, false, focMissingWhere("FindOrCreate")
	}
	tx, err := md.db.txFor(ctx, opts.Transaction)
	if err != nil {
		return nil, false, err
	}
	find := opts.focFind()
	if row, err := md.FindOne(ctx, find); err != nil || row != nil {
		return row, false, err
	}
	inst, err := md.focBuild("FindOrCreate", &opts)
	if err != nil {
		return nil, false, err
	}
	if tx != nil {
		err = md.db.Transaction(ctx, func(ctx context.Context, sp *Tx) error {
			return md.Create(ctx, inst, CreateOptions{Transaction: sp, Logging: opts.Logging})
		}, TransactionOptions{Transaction: tx, Logging: opts.Logging})
	} else {
		err = md.Create(ctx, inst, CreateOptions{Logging: opts.Logging})
	}
	if err == nil {
		return inst, true, nil
	}
	var uniq *UniqueConstraintError
	if !errors.As(err, &uniq) {
		return nil, false, err
	}
	if err := md.focConflict(inst, &opts, uniq); err != nil {
		return nil, false, err
	}
	if tx != nil && find.Lock == "" {
		find.Lock = LockShare
	}
	row, ferr := md.FindOne(ctx, find)
	if ferr != nil {
		return nil, false, ferr
	}
	if row == nil {
		return nil, false, err
	}
	return row, false, nil
}

// focConflict classifies the unique violation of FindOrCreate's INSERT
// as Sequelize does: it returns uniq when the violated attributes are
// all outside the where and some are in Defaults, an error naming the
// attribute when the where and the created instance disagree on a
// violated attribute, and nil when the row is to be found again.
func (md *Model[T]) focConflict(inst *T, o *FindOrCreateOptions, uniq *UniqueConstraintError) error {
	var violated []string
	for k := range uniq.Fields {
		switch {
		case md.m.byName[k] != nil:
			violated = append(violated, k)
		case md.m.byField[k] != nil:
			violated = append(violated, md.m.byField[k].name)
		case md.m.uniqueKeys[k] != nil:
			violated = append(violated, md.m.uniqueKeys[k].fields...)
		}
	}
	slices.Sort(violated)
	inWhere := map[string]bool{}
	focWhereAttrs(o.Where, inWhere)
	inDefaults := false
	for _, v := range violated {
		if _, ok := o.Defaults[v]; ok {
			inDefaults = true
		}
	}
	if !slices.ContainsFunc(violated, func(v string) bool { return inWhere[v] }) {
		if inDefaults {
			return uniq
		}
		return nil
	}
	plain := plainValues(o.Where)
	rv := reflect.ValueOf(inst).Elem()
	for _, v := range violated {
		want, ok := plain[v]
		if !ok {
			continue
		}
		f := fieldOf(rv, md.m.byName[v])
		if !f.IsValid() {
			continue
		}
		for f.Kind() == reflect.Pointer && !f.IsNil() {
			f = f.Elem()
		}
		got := f.Interface()
		if f.Kind() == reflect.Pointer { // nil
			got = nil
		}
		wv := reflect.ValueOf(want)
		for wv.Kind() == reflect.Pointer && !wv.IsNil() {
			wv = wv.Elem()
		}
		if wv.IsValid() {
			want = wv.Interface()
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			b := newBase("SequelizeBaseError", fmt.Sprintf("%s#findOrCreate: value used for %s was not equal for both the find and the create calls, '%v' vs '%v'",
				md.m.name, v, want, got), nil)
			return &b
		}
	}
	return nil
}

// focWhereAttrs adds to out the attribute names a where refers to, at
// any depth (Sequelize flattens the where to find them).
func focWhereAttrs(where any, out map[string]bool) {
	switch w := where.(type) {
	case Where:
		for k, v := range w {
			name, _, _ := strings.Cut(k, ".")
			out[strings.Trim(name, "$")] = true
			focWhereAttrs(v, out)
		}
	case map[string]any:
		focWhereAttrs(Where(w), out)
	case op.Op:
		focWhereAttrs(w.Value, out)
	case []any:
		for _, x := range w {
			focWhereAttrs(x, out)
		}
	case []Where:
		for _, x := range w {
			focWhereAttrs(x, out)
		}
	}
}

// FindOrBuild returns the row matching opts.Where, or a new unsaved
// instance built from the where's plain values and Defaults (see
// FindOrCreateOptions.Where), and whether it was built (Sequelize's
// findOrBuild). Include eager-loads the found row's associations.
func (md *Model[T]) FindOrBuild(ctx context.Context, opts FindOrCreateOptions) (*T, bool, error) {
	md = md.at()
	if opts.Where == nil {
		return nil, false, focMissingWhere("FindOrBuild")
	}
	row, err := md.FindOne(ctx, opts.focFind())
	if err != nil || row != nil {
		return row, false, err
	}
	inst, err := md.focBuild("FindOrBuild", &opts)
	if err != nil {
		return nil, false, err
	}
	return inst, true, nil
}

// FindCreateFind finds the row, creates it with Create (hooks included)
// when missing, and on a unique violation (another writer won the race)
// finds it again, returning the UniqueConstraintError when that find
// finds nothing (Sequelize's findCreateFind). It is cheaper than
// FindOrCreate but, like Sequelize's, its failed INSERT aborts an
// enclosing PostgreSQL transaction, and it does not tell a collision of
// Defaults with another row from a race.
func (md *Model[T]) FindCreateFind(ctx context.Context, opts FindOrCreateOptions) (*T, bool, error) {
	md = md.at()
	if opts.Where == nil {
		return nil, false, focMissingWhere("FindCreateFind")
	}
	find := opts.focFind()
	if row, err := md.FindOne(ctx, find); err != nil || row != nil {
		return row, false, err
	}
	inst, err := md.focBuild("FindCreateFind", &opts)
	if err != nil {
		return nil, false, err
	}
	err = md.Create(ctx, inst, CreateOptions{Transaction: opts.Transaction, Logging: opts.Logging})
	var uniq *UniqueConstraintError
	if errors.As(err, &uniq) {
		row, ferr := md.FindOne(ctx, find)
		if ferr != nil {
			return nil, false, ferr
		}
		if row == nil {
			return nil, false, err
		}
		return row, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return inst, true, nil
}
