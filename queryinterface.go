package sequelize

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/gosequelize/sequelize/datatypes"
	"github.com/gosequelize/sequelize/dialect"
)

// QueryInterface changes and inspects the schema (Sequelize's
// QueryInterface). Its methods run on the DB's pool (or the transaction
// carried by ctx) and fire no model hooks. Get it from DB.QueryInterface;
// its table names are in the current schema unless WithSchema names
// another.
type QueryInterface struct {
	db     *DB
	schema string
}

// QueryInterface returns the DB's QueryInterface (Sequelize's getQueryInterface).
func (db *DB) QueryInterface() *QueryInterface { return &QueryInterface{db: db} }

// WithSchema returns a QueryInterface whose table names are in schema
// (Sequelize's {tableName, schema} arguments and options.schema), as
// ModelOptions.Schema places a model's table: a PostgreSQL schema, a
// MariaDB database, and on MySQL and SQLite, where Sequelize has no
// schemas, the prefix of the table's name ("schema.table").
func (qi *QueryInterface) WithSchema(schema string) *QueryInterface {
	return &QueryInterface{db: qi.db, schema: schema}
}

func (qi *QueryInterface) ddl() (dialect.DDL, error) {
	d, ok := qi.db.dialect.(dialect.DDL)
	if !ok {
		return nil, errQuery("the %s dialect cannot render DDL", qi.db.dialect.Name())
	}
	return d, nil
}

func (qi *QueryInterface) introspect(ctx context.Context, kind dialect.IntrospectionKind, typ QueryType, table string) (*QueryResult, error) {
	q, args := qi.db.dialect.Introspection(kind, qi.schema, table)
	var bind any
	if len(args) > 0 {
		bind = args
	}
	return qi.db.Query(ctx, q, QueryOptions{Type: typ, Bind: bind})
}

// ShowAllTables lists the tables of the current database or schema
// (Sequelize's showAllTables).
func (qi *QueryInterface) ShowAllTables(ctx context.Context) ([]string, error) {
	res, err := qi.introspect(ctx, dialect.ShowTables, QueryTypeShowTables, "")
	if err != nil {
		return nil, err
	}
	return res.Tables, nil
}

// DescribeTable describes a table's columns (Sequelize's describeTable);
// a missing table is an error.
func (qi *QueryInterface) DescribeTable(ctx context.Context, table string) (map[string]ColumnDescription, error) {
	res, err := qi.introspect(ctx, dialect.Describe, QueryTypeDescribe, table)
	if err != nil {
		return nil, err
	}
	return res.Attributes, nil
}

// ShowIndex lists a table's indexes (Sequelize's showIndex).
func (qi *QueryInterface) ShowIndex(ctx context.Context, table string) ([]IndexDescription, error) {
	res, err := qi.introspect(ctx, dialect.ShowIndexes, QueryTypeShowIndexes, table)
	if err != nil {
		return nil, err
	}
	return res.Indexes, nil
}

// GetForeignKeyReferencesForTable lists a table's foreign keys, one entry
// per column (Sequelize's getForeignKeyReferencesForTable).
func (qi *QueryInterface) GetForeignKeyReferencesForTable(ctx context.Context, table string) ([]ForeignKeyReference, error) {
	res, err := qi.introspect(ctx, dialect.ForeignKeys, QueryTypeForeignKeys, table)
	if err != nil {
		return nil, err
	}
	return res.ForeignKeys, nil
}

// ShowConstraints lists a table's constraints (Sequelize's showConstraint).
func (qi *QueryInterface) ShowConstraints(ctx context.Context, table string) ([]ConstraintDescription, error) {
	res, err := qi.introspect(ctx, dialect.ShowConstraints, QueryTypeShowConstraints, table)
	if err != nil {
		return nil, err
	}
	return res.Constraints, nil
}

// columnDef turns column options into the dialect's description.
func (qi *QueryInterface) columnDef(table, column string, ao AttributeOptions) (dialect.ColumnDef, error) {
	if ao.Type == nil {
		return dialect.ColumnDef{}, errQuery("column %s needs a Type", column)
	}
	a := &attribute{name: column, field: column, typ: ao.Type, allowNull: ao.AllowNull == nil || *ao.AllowNull,
		primaryKey: ao.PrimaryKey, autoIncrement: ao.AutoIncrement || ao.AutoIncrementIdentity, identity: ao.AutoIncrementIdentity,
		unique: ao.Unique, comment: ao.Comment, references: ao.References, onDelete: strings.ToUpper(ao.OnDelete), onUpdate: strings.ToUpper(ao.OnUpdate)}
	if err := a.setDefault(ao.DefaultValue); err != nil {
		return dialect.ColumnDef{}, asQuery(err)
	}
	m := &modelMeta{name: table, table: table, schema: qi.schema, attrs: []*attribute{a}, byName: map[string]*attribute{column: a},
		uniqueKeys: map[string]*uniqueKey{}}
	t, err := qi.db.tableDef(m)
	if err != nil {
		return dialect.ColumnDef{}, asQuery(err)
	}
	return t.Columns[0], nil
}

// AddColumn adds a column (Sequelize's addColumn).
func (qi *QueryInterface) AddColumn(ctx context.Context, table, column string, attr AttributeOptions) error {
	ddl, err := qi.ddl()
	if err != nil {
		return asQuery(err)
	}
	c, err := qi.columnDef(table, column, attr)
	if err != nil {
		return err
	}
	stmts, err := ddl.AddColumnSQL(qi.schema, table, c)
	if err != nil {
		return asQuery(err)
	}
	return qi.db.runDDL(ctx, nil, stmts)
}

// RemoveColumn removes a column (Sequelize's removeColumn); SQLite
// rebuilds the table, keeping its data.
func (qi *QueryInterface) RemoveColumn(ctx context.Context, table, column string) error {
	ddl, err := qi.ddl()
	if err != nil {
		return asQuery(err)
	}
	stmts, err := ddl.RemoveColumnSQL(qi.schema, table, column)
	if errors.Is(err, dialect.ErrRebuild) {
		return qi.rebuild(ctx, table, nil, func(cols []dialect.ColumnDef) ([]dialect.ColumnDef, error) {
			return slices.DeleteFunc(cols, func(c dialect.ColumnDef) bool { return c.Name == column }), nil
		})
	}
	if err != nil {
		return asQuery(err)
	}
	return qi.db.runDDL(ctx, nil, stmts)
}

// ChangeColumn changes a column's definition (Sequelize's changeColumn);
// SQLite rebuilds the table, keeping its data.
func (qi *QueryInterface) ChangeColumn(ctx context.Context, table, column string, attr AttributeOptions) error {
	ddl, err := qi.ddl()
	if err != nil {
		return asQuery(err)
	}
	c, err := qi.columnDef(table, column, attr)
	if err != nil {
		return err
	}
	stmts, err := ddl.ChangeColumnSQL(qi.schema, table, c)
	if errors.Is(err, dialect.ErrRebuild) {
		return qi.rebuild(ctx, table, nil, func(cols []dialect.ColumnDef) ([]dialect.ColumnDef, error) {
			for i := range cols {
				if cols[i].Name == column {
					cols[i] = c
					return cols, nil
				}
			}
			return nil, errQuery("table %s has no column %s", table, column)
		})
	}
	if err != nil {
		return err
	}
	return qi.db.runDDL(ctx, nil, stmts)
}

// changeColumnDef alters a model's column to its full definition (used to
// add a foreign key after the fact).
func (qi *QueryInterface) changeColumnDef(ctx context.Context, m *modelMeta, a *attribute, logger *slog.Logger) error {
	ddl, err := qi.ddl()
	if err != nil {
		return asQuery(err)
	}
	t, err := qi.db.tableDef(m)
	if err != nil {
		return asQuery(err)
	}
	c := t.Columns[slices.Index(m.attrs, a)]
	stmts, err := ddl.ChangeColumnSQL(m.schema, m.table, c)
	if errors.Is(err, dialect.ErrRebuild) {
		return qi.WithSchema(m.schema).rebuild(ctx, m.table, nil, func(cols []dialect.ColumnDef) ([]dialect.ColumnDef, error) {
			for i := range cols {
				if cols[i].Name == c.Name {
					cols[i].References = c.References
				}
			}
			return cols, nil
		})
	}
	if err != nil {
		return err
	}
	return qi.db.runDDL(ctx, logger, stmts)
}

// dropForeignKeys drops the foreign keys on column of table, if the table
// exists, so that tables referencing each other can be dropped.
func (qi *QueryInterface) dropForeignKeys(ctx context.Context, table, column string, logger *slog.Logger) error {
	tables, err := qi.ShowAllTables(ctx)
	if err != nil || !slices.Contains(tables, table) {
		return err
	}
	fks, err := qi.GetForeignKeyReferencesForTable(ctx, table)
	if err != nil {
		return err
	}
	ddl, err := qi.ddl()
	if err != nil {
		return asQuery(err)
	}
	dropper, ok := ddl.(interface {
		DropForeignKeySQL(schema, table, name string) (string, error)
	})
	for _, fk := range fks {
		if fk.ColumnName != column {
			continue
		}
		if !ok {
			return nil // the dialect drops cyclic tables without help (SQLite, CASCADE)
		}
		st, err := dropper.DropForeignKeySQL(qi.schema, table, fk.ConstraintName)
		if err != nil {
			return asQuery(err)
		}
		if st == "" {
			continue
		}
		if err := qi.db.runDDL(ctx, logger, []string{st}); err != nil {
			return err
		}
	}
	return nil
}

// RenameColumn renames a column (Sequelize's renameColumn).
func (qi *QueryInterface) RenameColumn(ctx context.Context, table, from, to string) error {
	ddl, err := qi.ddl()
	if err != nil {
		return asQuery(err)
	}
	stmts, err := ddl.RenameColumnSQL(qi.schema, table, from, to)
	if errors.Is(err, dialect.ErrRebuild) {
		return qi.rebuild(ctx, table, map[string]string{to: from}, func(cols []dialect.ColumnDef) ([]dialect.ColumnDef, error) {
			for i := range cols {
				if cols[i].Name == from {
					cols[i].Name = to
					return cols, nil
				}
			}
			return nil, errQuery("table %s has no column %s", table, from)
		})
	}
	if err != nil {
		return err
	}
	return qi.db.runDDL(ctx, nil, stmts)
}

// RenameTable renames a table (Sequelize's renameTable).
func (qi *QueryInterface) RenameTable(ctx context.Context, from, to string) error {
	ddl, err := qi.ddl()
	if err != nil {
		return asQuery(err)
	}
	return qi.db.runDDL(ctx, nil, []string{ddl.RenameTableSQL(qi.schema, from, qi.schema, to)})
}

// DropTable drops a table if it exists (Sequelize's dropTable).
func (qi *QueryInterface) DropTable(ctx context.Context, table string, opts ...DropOptions) error {
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	ddl, err := qi.ddl()
	if err != nil {
		return asQuery(err)
	}
	return qi.db.runDDL(ctx, o.Logging, ddl.DropTableSQL(dialect.TableDef{Schema: qi.schema, Name: table}, o.Cascade))
}

// AddIndex creates an index on table's columns (Sequelize's addIndex); the
// Fields of opts name columns.
func (qi *QueryInterface) AddIndex(ctx context.Context, table string, opts IndexOptions) error {
	ddl, err := qi.ddl()
	if err != nil {
		return asQuery(err)
	}
	m := &modelMeta{name: table, table: table, schema: qi.schema, byName: map[string]*attribute{}, byField: map[string]*attribute{}}
	for _, f := range opts.Fields {
		a := &attribute{name: f.Attribute, field: f.Attribute, typ: datatypes.String()}
		m.byName[f.Attribute], m.byField[f.Attribute] = a, a
		m.attrs = append(m.attrs, a)
	}
	def, err := qi.db.indexDef(m, opts)
	if err != nil {
		return asQuery(err)
	}
	st, err := ddl.AddIndexSQL(qi.schema, table, def)
	if err != nil {
		return asQuery(err)
	}
	return qi.db.runDDL(ctx, nil, []string{st})
}

// RemoveIndex drops an index by name (Sequelize's removeIndex).
func (qi *QueryInterface) RemoveIndex(ctx context.Context, table, name string) error {
	ddl, err := qi.ddl()
	if err != nil {
		return asQuery(err)
	}
	return qi.db.runDDL(ctx, nil, []string{ddl.RemoveIndexSQL(qi.schema, table, name)})
}

// describedColumns reads a table back as column definitions, for rebuilds.
func (qi *QueryInterface) describedColumns(ctx context.Context, table string) ([]dialect.ColumnDef, []string, error) {
	res, err := qi.introspect(ctx, dialect.Describe, QueryTypeDescribe, table)
	if err != nil {
		return nil, nil, err
	}
	var cols []dialect.ColumnDef
	var names []string
	for _, r := range res.Rows {
		name := toString(col(r, "Field"))
		d := res.Attributes[name]
		c := dialect.ColumnDef{Name: name, Type: d.Type, TypeKey: strings.ToUpper(strings.SplitN(d.Type, "(", 2)[0]),
			AllowNull: d.AllowNull, PrimaryKey: d.PrimaryKey, AutoIncrement: d.AutoIncrement}
		if d.DefaultValue != nil {
			c.Default = toString(d.DefaultValue)
		}
		cols = append(cols, c)
		names = append(names, name)
	}
	return cols, names, nil
}

// rebuild changes a SQLite table the only way SQLite allows for most
// ALTERs: create the new table, copy the rows, drop the old one, rename
// the new one, recreate the indexes, all in one transaction with foreign
// keys checked at the end.
// renamed maps new column names to the old ones whose data they take.
func (qi *QueryInterface) rebuild(ctx context.Context, table string, renamed map[string]string, change func([]dialect.ColumnDef) ([]dialect.ColumnDef, error)) error {
	if qi.schema != "" {
		// Only SQLite rebuilds, and there a schema prefixes the name.
		return qi.db.QueryInterface().rebuild(ctx, qi.schema+"."+table, renamed, change)
	}
	ddl, err := qi.ddl()
	if err != nil {
		return asQuery(err)
	}
	cols, oldNames, err := qi.describedColumns(ctx, table)
	if err != nil {
		return err
	}
	fks, err := qi.GetForeignKeyReferencesForTable(ctx, table)
	if err != nil {
		return err
	}
	for i := range cols {
		for _, fk := range fks {
			if fk.ColumnName == cols[i].Name {
				cols[i].References = &dialect.ReferenceDef{Table: fk.ReferencedTableName, Column: fk.ReferencedColumnName,
					OnDelete: fk.OnDelete, OnUpdate: fk.OnUpdate}
			}
		}
	}
	indexes, err := qi.ShowIndex(ctx, table)
	if err != nil {
		return err
	}
	newCols, err := change(slices.Clone(cols))
	if err != nil {
		return err
	}
	tmp := table + "_sequelize_rebuild"
	stmts, err := ddl.CreateTableSQL(dialect.TableDef{Name: tmp, Columns: newCols})
	if err != nil {
		return asQuery(err)
	}
	var copyFrom, copyTo []string
	for _, c := range newCols {
		src := c.Name
		if old, ok := renamed[c.Name]; ok {
			src = old
		}
		if slices.Contains(oldNames, src) {
			copyFrom = append(copyFrom, string(qi.db.dialect.QuoteIdentifier(nil, src)))
			copyTo = append(copyTo, string(qi.db.dialect.QuoteIdentifier(nil, c.Name)))
		}
	}
	q := func(s string) string { return string(qi.db.dialect.QuoteIdentifier(nil, s)) }
	stmts = append(stmts,
		"INSERT INTO "+q(tmp)+" ("+strings.Join(copyTo, ", ")+") SELECT "+strings.Join(copyFrom, ", ")+" FROM "+q(table),
		"DROP TABLE "+q(table),
		ddl.RenameTableSQL("", tmp, "", table))
	for _, ix := range indexes {
		if ix.Primary || strings.HasPrefix(ix.Name, "sqlite_autoindex") || ix.Definition == "" {
			continue
		}
		// An index on a removed column goes with it, as on the other
		// databases; one on a renamed column is made again on the new name.
		kept, moved := true, false
		def := dialect.IndexDef{Name: ix.Name, Unique: ix.Unique}
		for _, f := range ix.Fields {
			name := f.Attribute
			for to, from := range renamed {
				if from == f.Attribute {
					name, moved = to, true
				}
			}
			kept = kept && slices.ContainsFunc(newCols, func(c dialect.ColumnDef) bool { return c.Name == name })
			def.Fields = append(def.Fields, dialect.IndexFieldDef{Name: name, Order: f.Order})
		}
		switch {
		case !kept:
		case moved:
			st, err := ddl.AddIndexSQL("", table, def)
			if err != nil {
				return asQuery(err)
			}
			stmts = append(stmts, st)
		default:
			stmts = append(stmts, ix.Definition)
		}
	}
	if _, err := qi.db.Query(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return err
	}
	defer qi.db.Query(context.WithoutCancel(ctx), "PRAGMA foreign_keys = ON")
	return qi.db.Transaction(ctx, func(ctx context.Context, tx *Tx) error {
		if err := qi.db.runDDL(ctx, nil, stmts); err != nil {
			return err
		}
		res, err := qi.db.Query(ctx, "PRAGMA foreign_key_check")
		if err != nil {
			return err
		}
		if len(res.Rows) > 0 {
			return &ForeignKeyConstraintError{DatabaseError: DatabaseError{BaseError: newBase("SequelizeForeignKeyConstraintError",
				fmt.Sprintf("rebuilding %s would break foreign keys: %v", table, res.Rows), nil), SQL: "PRAGMA foreign_key_check"}, Table: table}
		}
		return nil
	})
}

// alterTable changes an existing table to match m: missing columns are
// added, extra ones removed (unless NoDrop), changed ones altered, missing
// indexes created. Columns are compared with what the database reports,
// so an unchanged model issues no DDL.
func (db *DB) alterTable(ctx context.Context, m *modelMeta, o SyncOptions) error {
	qi := db.QueryInterface().WithSchema(m.schema)
	ddl, err := qi.ddl()
	if err != nil {
		return asQuery(err)
	}
	existing, err := qi.DescribeTable(ctx, m.table)
	if err != nil {
		return err
	}
	want, err := db.tableDef(m)
	if err != nil {
		return asQuery(err)
	}
	for i, a := range m.attrs {
		c := want.Columns[i]
		got, ok := existing[a.field]
		if !ok {
			stmts, err := ddl.AddColumnSQL(m.schema, m.table, c)
			if err != nil {
				return asQuery(err)
			}
			if err := db.runDDL(ctx, o.Logging, stmts); err != nil {
				return err
			}
			continue
		}
		if a.primaryKey || sameColumn(c, got) {
			continue
		}
		stmts, err := ddl.ChangeColumnSQL(m.schema, m.table, c)
		if errors.Is(err, dialect.ErrRebuild) {
			c := c
			err = qi.rebuild(ctx, m.table, nil, func(cols []dialect.ColumnDef) ([]dialect.ColumnDef, error) {
				for i := range cols {
					if cols[i].Name == c.Name {
						cols[i] = c
					}
				}
				return cols, nil
			})
			if err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return err
		}
		if err := db.runDDL(ctx, o.Logging, stmts); err != nil {
			return err
		}
	}
	if !o.NoDrop {
		for name := range existing {
			if m.byField[name] == nil {
				if err := qi.RemoveColumn(ctx, m.table, name); err != nil {
					return err
				}
			}
		}
	}
	have, err := qi.ShowIndex(ctx, m.table)
	if err != nil {
		return err
	}
	for _, ix := range m.indexes {
		def, err := db.indexDef(m, ix)
		if err != nil {
			return asQuery(err)
		}
		if slices.ContainsFunc(have, func(h IndexDescription) bool { return h.Name == def.Name }) {
			continue
		}
		st, err := ddl.AddIndexSQL(m.schema, m.table, def)
		if err != nil {
			return asQuery(err)
		}
		if err := db.runDDL(ctx, o.Logging, []string{st}); err != nil {
			return err
		}
	}
	return nil
}

// typeAliases maps the spellings databases report back to the ones the
// data types write, for comparing a model with a described table.
var typeAliases = strings.NewReplacer(
	"CHARACTER VARYING", "VARCHAR",
	"CHARACTER", "CHAR",
	"TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ",
	"TIME WITHOUT TIME ZONE", "TIME",
	"DOUBLE PRECISION", "DOUBLE",
	"NUMERIC", "DECIMAL",
	"INT(11)", "INTEGER", "INT(10) UNSIGNED", "INTEGER UNSIGNED", "BIGINT(20)", "BIGINT",
	"TINYINT(4)", "TINYINT", "SMALLINT(6)", "SMALLINT", " BINARY", "",
	"INT", "INTEGER",
)

func normType(t string) string {
	t = strings.ToUpper(strings.TrimSpace(t))
	t = typeAliases.Replace(t)
	return strings.ReplaceAll(strings.ReplaceAll(t, "INTEGEREGER", "INTEGER"), " ", "")
}

// sameColumn compares a wanted column with a described one: type (after
// normalisation), nullability and default.
func sameColumn(c dialect.ColumnDef, got ColumnDescription) bool {
	if c.AllowNull != got.AllowNull {
		return false
	}
	if c.EnumType != "" || c.AutoIncrement {
		return true // named ENUM types are reconciled separately; serials report nextval defaults
	}
	if normType(c.Type) != normType(got.Type) {
		return false
	}
	gotDef := ""
	if got.DefaultValue != nil {
		gotDef = toString(got.DefaultValue)
	}
	return normDefault(c.Default) == normDefault(gotDef)
}

func normDefault(d string) string {
	d = strings.TrimSpace(d)
	if i := strings.Index(d, "::"); i > 0 {
		d = d[:i] // PostgreSQL reports 'x'::character varying
	}
	d = strings.Trim(d, "()")
	d = strings.Trim(d, "'")
	switch strings.ToLower(d) {
	case "null":
		return ""
	case "true":
		return "1"
	case "false":
		return "0"
	}
	return d
}

// ConstraintOptions are Sequelize's addConstraint options.
type ConstraintOptions struct {
	// Type is "unique", "check", "primary key" or "foreign key".
	Type string
	// Fields are the constrained columns.
	Fields []string
	// Name is the constraint's name (default: table_fields_uk, _ck, _pk, or
	// table_fields_referencedTable_fk, as Sequelize names them).
	Name string
	// Where is a CHECK constraint's condition on the fields.
	Where Where
	// References is a foreign key's target.
	References *References
	// OnDelete and OnUpdate are a foreign key's actions.
	OnDelete, OnUpdate string
}

func (qi *QueryInterface) constraintDDL() (dialect.ConstraintDDL, error) {
	d, ok := qi.db.dialect.(dialect.ConstraintDDL)
	if !ok {
		return nil, errQuery("the %s dialect cannot render constraints", qi.db.dialect.Name())
	}
	return d, nil
}

// AddConstraint adds a constraint to table (Sequelize's addConstraint). On
// SQLite a unique constraint is a unique index and a foreign key is added
// by rebuilding the table; CHECK and PRIMARY KEY constraints cannot be
// added to an existing SQLite table.
func (qi *QueryInterface) AddConstraint(ctx context.Context, table string, o ConstraintOptions) error {
	cd, err := qi.constraintDDL()
	if err != nil {
		return asQuery(err)
	}
	typ := strings.ToUpper(strings.TrimSpace(o.Type))
	if len(o.Fields) == 0 && typ != "CHECK" {
		return errQuery("AddConstraint needs Fields")
	}
	c := dialect.ConstraintDef{Type: typ, Name: o.Name, Columns: o.Fields}
	suffix := map[string]string{"UNIQUE": "uk", "CHECK": "ck", "PRIMARY KEY": "pk", "FOREIGN KEY": "fk"}[typ]
	if suffix == "" {
		return errQuery("unknown constraint type %q: use unique, check, primary key or foreign key", o.Type)
	}
	if c.Name == "" {
		parts := append([]string{table}, o.Fields...)
		if typ == "FOREIGN KEY" && o.References != nil {
			parts = append(parts, o.References.Table)
		}
		c.Name = strings.Join(append(parts, suffix), "_")
	}
	switch typ {
	case "CHECK":
		if o.Where == nil {
			return errQuery("a check constraint needs Where")
		}
		m := &modelMeta{name: table, table: table, schema: qi.schema, byName: map[string]*attribute{}, byField: map[string]*attribute{}}
		for k := range o.Where {
			a := &attribute{name: k, field: k, typ: datatypes.String()}
			m.byName[k], m.byField[k] = a, a
		}
		s := newSQLB(qi.db)
		compileWhere(s, qi.db, m, "", o.Where)
		if s.err != nil {
			return s.err
		}
		check, err := inlineArgs(qi.db, s)
		if err != nil {
			return asQuery(err)
		}
		c.Check = check
	case "FOREIGN KEY":
		if o.References == nil || o.References.Table == "" {
			return errQuery("a foreign key constraint needs References")
		}
		key := o.References.Key
		if key == "" {
			key = "id"
		}
		c.References = &dialect.ReferenceDef{Table: o.References.Table, Column: key,
			OnDelete: strings.ToUpper(o.OnDelete), OnUpdate: strings.ToUpper(o.OnUpdate)}
	}
	st, err := cd.AddConstraintSQL(qi.schema, table, c)
	if errors.Is(err, dialect.ErrRebuild) {
		if typ != "FOREIGN KEY" || len(o.Fields) != 1 {
			return errQuery("%s cannot add a %s constraint to an existing table", qi.db.dialect.Name(), typ)
		}
		return qi.rebuild(ctx, table, nil, func(cols []dialect.ColumnDef) ([]dialect.ColumnDef, error) {
			for i := range cols {
				if cols[i].Name == o.Fields[0] {
					cols[i].References = c.References
					return cols, nil
				}
			}
			return nil, errQuery("table %s has no column %s", table, o.Fields[0])
		})
	}
	if err != nil {
		return err
	}
	return qi.db.runDDL(ctx, nil, []string{st})
}

// RemoveConstraint drops the constraint name from table (Sequelize's
// removeConstraint); its type is read from the database first.
func (qi *QueryInterface) RemoveConstraint(ctx context.Context, table, name string) error {
	cd, err := qi.constraintDDL()
	if err != nil {
		return asQuery(err)
	}
	cons, err := qi.ShowConstraints(ctx, table)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(cons, func(c ConstraintDescription) bool { return c.ConstraintName == name })
	if i < 0 {
		return &UnknownConstraintError{DatabaseError: DatabaseError{BaseError: newBase("SequelizeUnknownConstraintError",
			fmt.Sprintf("constraint %q does not exist on %s", name, table), nil)}, Constraint: name, Table: table}
	}
	c := cons[i]
	st, err := cd.RemoveConstraintSQL(qi.schema, table, name, c.ConstraintType)
	if errors.Is(err, dialect.ErrRebuild) {
		if c.ConstraintType != "FOREIGN KEY" {
			return errQuery("%s cannot drop a %s constraint from an existing table", qi.db.dialect.Name(), c.ConstraintType)
		}
		return qi.rebuild(ctx, table, nil, func(cols []dialect.ColumnDef) ([]dialect.ColumnDef, error) {
			for i := range cols {
				if slices.Contains(c.Columns, cols[i].Name) {
					cols[i].References = nil
				}
			}
			return cols, nil
		})
	}
	if err != nil {
		return err
	}
	return qi.db.runDDL(ctx, nil, []string{st})
}

// DropAllTablesOptions are Sequelize's dropAllTables options.
type DropAllTablesOptions struct {
	// Skip lists tables to keep.
	Skip    []string
	Logging *slog.Logger
}

// DropAllTables drops every table of the database, whatever their foreign
// keys (Sequelize's dropAllTables).
func (qi *QueryInterface) DropAllTables(ctx context.Context, opts ...DropAllTablesOptions) error {
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	cd, err := qi.constraintDDL()
	if err != nil {
		return asQuery(err)
	}
	tables, err := qi.ShowAllTables(ctx)
	if err != nil {
		return err
	}
	tables = slices.DeleteFunc(tables, func(t string) bool { return slices.Contains(o.Skip, t) })
	if len(tables) == 0 {
		return nil
	}
	// The statements switch foreign-key checks off for their connection,
	// so they run on one.
	conn, err := qi.db.acquire(ctx, dialect.AcquireWrite)
	if err != nil {
		return err
	}
	var runErr error
	for _, st := range cd.DropAllTablesSQL(tables) {
		runErr = qi.db.aroundQuery(ctx, ctx, st, nil, func() error {
			start := time.Now()
			_, err := conn.Exec(ctx, st, nil)
			qi.db.log(ctx, o.Logging, st, nil, nil, time.Since(start))
			if err != nil {
				return qi.db.classify(ctx, err, st, nil)
			}
			return nil
		})
		if runErr != nil {
			break
		}
	}
	conn.Release(runErr)
	return runErr
}
