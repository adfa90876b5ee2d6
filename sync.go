package sequelize

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"slices"
	"strings"

	"github.com/gosequelize/sequelize/datatypes"
	"github.com/gosequelize/sequelize/dialect"
	"github.com/gosequelize/sequelize/internal/naming"
)

// SyncOptions are Sequelize's sync options.
type SyncOptions struct {
	// Force drops each table (and its PostgreSQL ENUM types) before
	// creating it.
	Force bool
	// Alter changes existing tables to match their models: missing
	// columns are added, extra columns removed (unless NoDrop), changed
	// columns altered, missing indexes created. A second run with no model
	// change issues no DDL.
	Alter bool
	// NoDrop keeps extra columns during Alter (Sequelize's alter: {drop: false}).
	NoDrop bool
	// Match must match the database's name, or Sync refuses to run (a guard
	// against syncing production with Force).
	Match *regexp.Regexp
	// Logging overrides the DB's logger for the DDL.
	Logging *slog.Logger

	skip []*attribute // foreign keys left out of CREATE TABLE (cycles)
}

// DropOptions are Sequelize's drop options.
type DropOptions struct {
	// Cascade drops dependent objects too (PostgreSQL).
	Cascade bool
	Logging *slog.Logger
}

// tableDef describes m's table for the dialect.
func (db *DB) tableDef(m *modelMeta) (dialect.TableDef, error) {
	dn := db.dialect.Name()
	t := dialect.TableDef{Schema: m.schema, Name: m.table, Comment: m.opts.Comment, Engine: m.opts.Engine,
		Charset: m.opts.Charset, Collate: m.opts.Collate, InitialAutoIncrement: m.opts.InitialAutoIncrement}
	singleUnique := map[string]bool{}
	for _, a := range m.attrs {
		typ, err := a.typ.SQL(datatypes.Context{Dialect: dn, Table: m.table, Column: a.field, Schema: m.schema})
		if err != nil {
			return t, fmt.Errorf("sequelize: %s.%s: %w", m.name, a.name, err)
		}
		c := dialect.ColumnDef{Name: a.field, Type: typ, TypeKey: a.typ.Key(), AllowNull: a.allowNull,
			PrimaryKey: a.primaryKey, AutoIncrement: a.autoIncrement, AutoIncrementIdentity: a.identity, Comment: a.comment}
		if e, ok := a.typ.(datatypes.EnumType); ok {
			c.EnumValues = e.Values()
			// A dialect with named ENUM types (PostgreSQL) creates one.
			if _, err := e.CreateTypeSQL(datatypes.Context{Dialect: dn, Table: m.table, Column: a.field, Schema: m.schema}); err == nil {
				c.EnumType = typ
			}
		}
		if def, err := db.defaultSQL(a); err != nil {
			return t, fmt.Errorf("sequelize: %s.%s default: %w", m.name, a.name, err)
		} else {
			c.Default = def
		}
		if a.unique == "true" {
			c.Unique = true
			singleUnique[naming.UniqueKeyName(m.table, a.name)] = true
		}
		if r := a.references; r != nil {
			key := r.Key
			if key == "" {
				key = "id"
			}
			c.References = &dialect.ReferenceDef{Schema: r.Schema, Table: r.Table, Column: key, OnDelete: a.onDelete, OnUpdate: a.onUpdate}
		}
		t.Columns = append(t.Columns, c)
	}
	for _, name := range m.ukOrder {
		uk := m.uniqueKeys[name]
		if singleUnique[name] || isIndexName(m, name) {
			continue
		}
		cols := make([]string, len(uk.fields))
		for i, f := range uk.fields {
			cols[i] = m.byName[f].field
		}
		t.UniqueKeys = append(t.UniqueKeys, dialect.UniqueKeyDef{Name: name, Columns: cols})
	}
	return t, nil
}

func isIndexName(m *modelMeta, name string) bool {
	for _, ix := range m.indexes {
		if ix.Name == name {
			return true
		}
	}
	return false
}

// defaultSQL renders an attribute's DDL default, or "" when the default is
// computed by the application (functions, NOW, UUIDs), as Sequelize does.
func (db *DB) defaultSQL(a *attribute) (string, error) {
	switch {
	case a.defaultSQL != nil:
		s := newSQLB(db)
		s.expr(a.defaultSQL, func(s *sqlb, name string) { s.failf("a default cannot reference column %q", name) })
		if len(s.args) > 0 {
			return "", errors.New("a function default cannot take bound values: use Literal")
		}
		return s.String(), s.err
	case a.defaultValue != nil:
		v := a.defaultValue
		switch v.(type) {
		case bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64, string:
			// Written as Sequelize escapes the JavaScript value.
		default:
			var err error
			if v, err = bindValue(db, a, v); err != nil {
				return "", err
			}
		}
		b, err := db.dialect.Literal(nil, v)
		return string(b), err
	}
	return "", nil
}

// indexDef describes one of m's indexes for the dialect.
func (db *DB) indexDef(m *modelMeta, ix IndexOptions) (dialect.IndexDef, error) {
	d := dialect.IndexDef{Name: ix.Name, Unique: ix.Unique, Type: strings.ToUpper(ix.Type), Using: strings.ToUpper(ix.Using)}
	cols := make([]string, 0, len(ix.Fields))
	for _, f := range ix.Fields {
		a := m.attrOrField(f.Attribute)
		if a == nil {
			return d, errUnknownAttr(m, f.Attribute)
		}
		cols = append(cols, a.field)
		d.Fields = append(d.Fields, dialect.IndexFieldDef{Name: a.field, Order: strings.ToUpper(f.Order), Length: f.Length,
			Collate: f.Collate, Operator: f.Operator})
	}
	if d.Name == "" {
		d.Name = naming.IndexName(m.table, cols)
	}
	if ix.Where != nil {
		s := newSQLB(db)
		compileWhere(s, db, m, "", ix.Where)
		if s.err != nil {
			return d, s.err
		}
		if len(s.args) > 0 {
			// DDL takes no parameters: inline the values as literals.
			out, err := inlineArgs(db, s)
			if err != nil {
				return d, err
			}
			d.Where = out
		} else {
			d.Where = s.String()
		}
	}
	return d, nil
}

// inlineArgs renders a built statement with its arguments as literals,
// for DDL, where databases accept no parameters. It works on statements
// whose placeholders the builder wrote, counting them in order.
func inlineArgs(db *DB, s *sqlb) (string, error) {
	var out []byte
	q := s.String()
	n := 0
	for i := 0; i < len(q); {
		ph := db.syntax.Placeholder(nil, n+1)
		if n < len(s.args) && strings.HasPrefix(q[i:], string(ph)) {
			var err error
			out, err = db.dialect.Literal(out, s.args[n])
			if err != nil {
				return "", err
			}
			i += len(ph)
			n++
			continue
		}
		out = append(out, q[i])
		i++
	}
	return string(out), nil
}

// runDDL executes DDL statements one by one, outside any transaction.
func (db *DB) runDDL(ctx context.Context, logger *slog.Logger, stmts []string) error {
	for _, st := range stmts {
		if _, err := db.Query(ctx, st, QueryOptions{Type: QueryTypeRaw, Logging: logger}); err != nil {
			return err
		}
	}
	return nil
}

// Sync creates the tables of every model defined on db that do not exist
// yet (Sequelize's sequelize.sync), in foreign-key order: referenced tables
// first. With Force it drops them first; with Alter it changes existing
// tables to match their models. It takes at most one SyncOptions.
func (db *DB) Sync(ctx context.Context, opts ...SyncOptions) error {
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	if err := db.checkMatch(o.Match); err != nil {
		return err
	}
	models, deferred := db.sortModels()
	if err := db.fireGlobal(ctx, BeforeBulkSync); err != nil {
		return err
	}
	if o.Force {
		if err := db.dropModels(ctx, models, deferred, false, o.Logging); err != nil {
			return err
		}
	}
	for _, m := range models {
		if err := db.syncModel(ctx, m, SyncOptions{Alter: o.Alter, NoDrop: o.NoDrop, Logging: o.Logging, skip: deferredOf(m, deferred)}); err != nil {
			return err
		}
	}
	// Foreign keys that close a cycle are added once both tables exist, as
	// Sequelize does (ALTER TABLE ... ADD FOREIGN KEY; a rebuild on SQLite).
	for _, d := range deferred {
		fks, err := db.QueryInterface().WithSchema(d.m.schema).GetForeignKeyReferencesForTable(ctx, d.m.table)
		if err != nil {
			return err
		}
		if slices.ContainsFunc(fks, func(f ForeignKeyReference) bool { return f.ColumnName == d.a.field }) {
			continue
		}
		if err := db.QueryInterface().changeColumnDef(ctx, d.m, d.a, o.Logging); err != nil {
			return err
		}
	}
	return db.fireGlobal(ctx, AfterBulkSync)
}

// fireGlobal runs the DB's hooks of type t that concern no model.
func (db *DB) fireGlobal(ctx context.Context, t HookType) error {
	if hooksOff(ctx) {
		return nil
	}
	for _, h := range db.hooks.get(t) {
		if err := h.fn.(GlobalHook)(ctx, &GlobalHookEvent{Type: t}); err != nil {
			return err
		}
	}
	return nil
}

func deferredOf(m *modelMeta, deferred []deferredFK) []*attribute {
	var out []*attribute
	for _, d := range deferred {
		if d.m == m {
			out = append(out, d.a)
		}
	}
	return out
}

// dropModels drops models, referencing tables first. Tables in a
// foreign-key cycle first lose the cycle's keys (PostgreSQL drops with
// CASCADE instead).
func (db *DB) dropModels(ctx context.Context, models []*modelMeta, deferred []deferredFK, cascade bool, logger *slog.Logger) error {
	for _, d := range deferred {
		if err := db.QueryInterface().WithSchema(d.m.schema).dropForeignKeys(ctx, d.m.table, d.a.field, logger); err != nil {
			return err
		}
	}
	for i := len(models) - 1; i >= 0; i-- {
		if err := db.dropModel(ctx, models[i], cascade, logger); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) checkMatch(re *regexp.Regexp) error {
	if re == nil {
		return nil
	}
	if !re.MatchString(db.name) {
		return fmt.Errorf("sequelize: Database %q does not match sync match parameter %q", db.name, re.String())
	}
	return nil
}

// deferredFK is a foreign key that closes a cycle: its table is created
// without it and it is added once every table exists.
type deferredFK struct {
	m *modelMeta
	a *attribute
}

// sortedModels orders the models so that every table comes after the
// tables it references, and returns the foreign keys that close cycles.
func (db *DB) sortedModels() ([]*modelMeta, error) {
	models, _ := db.sortModels()
	return models, nil
}

func (db *DB) sortModels() ([]*modelMeta, []deferredFK) {
	models := db.modelMetas()
	byTable := map[string]*modelMeta{}
	for _, m := range models {
		byTable[m.table] = m
	}
	var out []*modelMeta
	var deferred []deferredFK
	state := map[*modelMeta]int{} // 1 visiting, 2 done
	var visit func(m *modelMeta)
	visit = func(m *modelMeta) {
		if state[m] != 0 {
			return
		}
		state[m] = 1
		for _, a := range m.attrs {
			if a.references == nil {
				continue
			}
			dep := byTable[a.references.Table]
			switch {
			case dep == nil || dep == m:
			case state[dep] == 1:
				deferred = append(deferred, deferredFK{m, a})
			default:
				visit(dep)
			}
		}
		state[m] = 2
		out = append(out, m)
	}
	for _, m := range models {
		visit(m)
	}
	return out, deferred
}

// Sync creates the model's table if it does not exist (Sequelize's
// Model.sync); Force drops it first; Alter changes it to match the model.
func (md *Model[T]) Sync(ctx context.Context, opts ...SyncOptions) error {
	md = md.at()
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	if err := md.db.checkMatch(o.Match); err != nil {
		return err
	}
	if o.Force {
		if err := md.db.dropModel(ctx, md.m, false, o.Logging); err != nil {
			return err
		}
	}
	return md.db.syncModel(ctx, md.m, o)
}

func (db *DB) syncModel(ctx context.Context, m *modelMeta, o SyncOptions) error {
	if m.ref.fireSync != nil {
		if err := m.ref.fireSync(ctx, BeforeSync); err != nil {
			return err
		}
	}
	if err := db.syncTable(ctx, m, o); err != nil {
		return err
	}
	if m.ref.fireSync != nil {
		return m.ref.fireSync(ctx, AfterSync)
	}
	return nil
}

func (db *DB) syncTable(ctx context.Context, m *modelMeta, o SyncOptions) error {
	ddl, ok := db.dialect.(dialect.DDL)
	if !ok {
		return fmt.Errorf("sequelize: the %s dialect cannot render DDL", db.dialect.Name())
	}
	exists, err := db.tableExists(ctx, m)
	if err != nil {
		return err
	}
	if exists {
		// Sequelize reconciles PostgreSQL ENUM types on every sync.
		if err := db.reconcileEnums(ctx, m, o.Logging); err != nil {
			return err
		}
	}
	if exists && o.Alter {
		return db.alterTable(ctx, m, o)
	}
	if exists {
		return nil
	}
	t, err := db.tableDef(m)
	if err != nil {
		return err
	}
	for i, a := range m.attrs {
		if slices.Contains(o.skip, a) {
			t.Columns[i].References = nil
		}
	}
	stmts, err := ddl.CreateTableSQL(t)
	if err != nil {
		return err
	}
	if err := db.runDDL(ctx, o.Logging, stmts); err != nil {
		return err
	}
	for _, ix := range m.indexes {
		def, err := db.indexDef(m, ix)
		if err != nil {
			return err
		}
		st, err := ddl.AddIndexSQL(m.schema, m.table, def)
		if err != nil {
			return err
		}
		if err := db.runDDL(ctx, o.Logging, []string{st}); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) tableExists(ctx context.Context, m *modelMeta) (bool, error) {
	if m.schema != "" && db.schemaIsReal() {
		res, err := db.Query(ctx, "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
			QueryOptions{Type: QueryTypeSelect, Replacements: []any{m.schema, m.table}})
		if err != nil {
			return false, err
		}
		return len(res.Rows) > 0, nil
	}
	tables, err := db.QueryInterface().ShowAllTables(ctx)
	if err != nil {
		return false, err
	}
	name := m.table
	if m.schema != "" {
		name = m.schema + "." + m.table
	}
	return slices.Contains(tables, name), nil
}

// schemaIsReal reports whether the dialect has schemas (PostgreSQL) or
// qualifies tables by database (MariaDB). On MySQL and SQLite Sequelize
// names a model with a Schema "schema.table" in the current database.
func (db *DB) schemaIsReal() bool {
	n := db.dialect.Name()
	return n == "postgres" || n == "mariadb"
}

// Drop drops the tables of every model defined on db (Sequelize's
// sequelize.drop), referencing tables first. It takes at most one
// DropOptions.
func (db *DB) Drop(ctx context.Context, opts ...DropOptions) error {
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	models, deferred := db.sortModels()
	return db.dropModels(ctx, models, deferred, o.Cascade, o.Logging)
}

// Drop drops the model's table (Sequelize's Model.drop).
func (md *Model[T]) Drop(ctx context.Context, opts ...DropOptions) error {
	md = md.at()
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	return md.db.dropModel(ctx, md.m, o.Cascade, o.Logging)
}

func (db *DB) dropModel(ctx context.Context, m *modelMeta, cascade bool, logger *slog.Logger) error {
	ddl, ok := db.dialect.(dialect.DDL)
	if !ok {
		return fmt.Errorf("sequelize: the %s dialect cannot render DDL", db.dialect.Name())
	}
	t, err := db.tableDef(m)
	if err != nil {
		return err
	}
	return db.runDDL(ctx, logger, ddl.DropTableSQL(t, cascade))
}

// enumDDL is what a dialect with named ENUM types offers.
type enumDDL interface {
	EnumValuesSQL(enumType string) (string, []any)
	AddEnumValueSQL(enumType, value, before, after string) (string, error)
}

// reconcileEnums adds the values a model's ENUM attributes gained to their
// named types (ALTER TYPE ... ADD VALUE, in the model's order), as
// Sequelize's ensureEnums does. Values are never removed.
func (db *DB) reconcileEnums(ctx context.Context, m *modelMeta, logger *slog.Logger) error {
	ed, ok := db.dialect.(enumDDL)
	if !ok {
		return nil
	}
	t, err := db.tableDef(m)
	if err != nil {
		return err
	}
	for _, c := range t.Columns {
		if c.EnumType == "" || len(c.EnumValues) == 0 {
			continue
		}
		q, args := ed.EnumValuesSQL(c.EnumType)
		res, err := db.Query(ctx, q, QueryOptions{Type: QueryTypeSelect, Bind: args, Logging: logger})
		if err != nil {
			return err
		}
		have := make([]string, 0, len(res.Rows))
		for _, r := range res.Rows {
			have = append(have, toString(r["label"]))
		}
		if len(have) == 0 {
			continue // the type does not exist yet: CREATE TABLE's statements make it
		}
		for i, v := range c.EnumValues {
			if slices.Contains(have, v) {
				continue
			}
			var before, after string
			if i > 0 {
				after = c.EnumValues[i-1]
			} else {
				before = have[0]
			}
			st, err := ed.AddEnumValueSQL(c.EnumType, v, before, after)
			if err != nil {
				return err
			}
			if err := db.runDDL(ctx, logger, []string{st}); err != nil {
				return err
			}
			have = append(have, v)
		}
	}
	return nil
}
