package sqlitedialect

// DDL rendering, ported from Sequelize 6.37.8's SQLite query generator
// (lib/dialects/sqlite/query-generator.js: attributesToSQL,
// createTableQuery, addColumnQuery, replaceBooleanDefaults, ...) and the
// abstract one (addIndexQuery, renameTableQuery). The text is Sequelize's
// byte for byte; every statement returned ends with ";", as Sequelize's
// logged DDL does (testdata/oracle), and each is a single statement.
//
// SQLite alters little in place. Sequelize's changeColumn, removeColumn
// and renameColumn rebuild the table from its description: those methods
// return dialect.ErrRebuild and package sequelize rebuilds.
//
// Sequelize's SQLite dialect has no schemas: a schema becomes part of the
// table's name (`schema.table`), as Sequelize's quoteTable writes it.

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/gosequelize/sequelize/dialect"
)

var _ dialect.DDL = (*Dialect)(nil)

func (d *Dialect) qi(name string) string { return string(d.QuoteIdentifier(nil, name)) }

// quoteTable is Sequelize's quoteTable for a dialect without schemas:
// `schema.table`, or `table`.
// QuoteTable implements dialect.DDL.
func (d *Dialect) QuoteTable(b []byte, schema, name string) []byte {
	return append(b, d.quoteTable(schema, name)...)
}

func (d *Dialect) quoteTable(schema, name string) string {
	if schema != "" {
		return d.qi(schema + "." + name)
	}
	return d.qi(name)
}

// quoteIdentifiers is Sequelize's quoteIdentifiers: a dotted name is split
// into a qualified one ("a.b.c" gives `a->b`.`c`).
func (d *Dialect) quoteIdentifiers(s string) string {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		head := strings.ReplaceAll(s[:i], ".", "->")
		return d.qi(head) + "." + d.qi(s[i+1:])
	}
	return d.qi(s)
}

var (
	reDefaultFalse = regexp.MustCompile(`DEFAULT '?false'?`)
	reDefaultTrue  = regexp.MustCompile(`DEFAULT '?true'?`)
)

// replaceBooleanDefaults is Sequelize's: DEFAULT false / 'false' becomes
// DEFAULT 0, and true 1, anywhere in the statement.
func replaceBooleanDefaults(sql string) string {
	sql = reDefaultFalse.ReplaceAllLiteralString(sql, "DEFAULT 0")
	return reDefaultTrue.ReplaceAllLiteralString(sql, "DEFAULT 1")
}

// attributeToSQL is Sequelize's attributesToSQL for one SQLite column.
// SQLite's dialect ignores comments and DEFERRABLE, as Sequelize's does.
func (d *Dialect) attributeToSQL(c dialect.ColumnDef) (string, error) {
	if c.Type == "" {
		return "", fmt.Errorf("sequelize: column %q has no type", c.Name)
	}
	sql := c.Type
	if !c.AllowNull {
		sql += " NOT NULL"
	}
	if c.Default != "" {
		sql += " DEFAULT " + c.Default
	}
	if c.Unique {
		sql += " UNIQUE"
	}
	if c.PrimaryKey {
		sql += " PRIMARY KEY"
		if c.AutoIncrement {
			sql += " AUTOINCREMENT"
		}
	}
	if r := c.References; r != nil {
		if r.Table == "" {
			return "", fmt.Errorf("sequelize: column %q references no table", c.Name)
		}
		key := r.Column
		if key == "" {
			key = "id"
		}
		sql += " REFERENCES " + d.quoteTable(r.Schema, r.Table) + " (" + d.qi(key) + ")"
		if r.OnDelete != "" {
			sql += " ON DELETE " + strings.ToUpper(r.OnDelete)
		}
		if r.OnUpdate != "" {
			sql += " ON UPDATE " + strings.ToUpper(r.OnUpdate)
		}
	}
	return sql, nil
}

// CreateTableSQL renders Sequelize's createTableQuery. A single integer
// primary key becomes `id` INTEGER PRIMARY KEY [AUTOINCREMENT] (its other
// clauses dropped, its reference kept, as Sequelize does); a composite key
// becomes NOT NULL columns and a PRIMARY KEY (...) clause; unique keys are
// unnamed UNIQUE (...) clauses.
func (d *Dialect) CreateTableSQL(t dialect.TableDef) ([]string, error) {
	if t.Name == "" {
		return nil, errors.New("sequelize: CREATE TABLE needs a table name")
	}
	defs := make([]string, len(t.Columns))
	nPK := 0
	for i, c := range t.Columns {
		a, err := d.attributeToSQL(c)
		if err != nil {
			return nil, err
		}
		defs[i] = a
		if strings.Contains(a, "PRIMARY KEY") {
			nPK++
		}
	}
	multiplePKs := nPK > 1
	var pks []string
	attrs := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		dataType := defs[i]
		s := dataType
		if strings.Contains(dataType, "PRIMARY KEY") {
			if strings.Contains(dataType, "INT") {
				s = "INTEGER PRIMARY KEY"
				if strings.Contains(dataType, "AUTOINCREMENT") {
					s = "INTEGER PRIMARY KEY AUTOINCREMENT"
				}
				if j := strings.Index(dataType, " REFERENCES"); j >= 0 {
					s += dataType[j:]
				}
			}
			if multiplePKs {
				pks = append(pks, d.qi(c.Name))
				if strings.Contains(dataType, "NOT NULL") {
					s = strings.Replace(dataType, " PRIMARY KEY", "", 1)
				} else {
					s = strings.Replace(dataType, "PRIMARY KEY", "NOT NULL", 1)
				}
			}
		}
		attrs[i] = d.qi(c.Name) + " " + s
	}
	clause := strings.Join(attrs, ", ")
	for _, uk := range t.UniqueKeys {
		cols := make([]string, len(uk.Columns))
		for i, col := range uk.Columns {
			cols[i] = d.qi(col)
		}
		clause += ", UNIQUE (" + strings.Join(cols, ", ") + ")"
	}
	if len(pks) > 0 {
		clause += ", PRIMARY KEY (" + strings.Join(pks, ", ") + ")"
	}
	return []string{replaceBooleanDefaults("CREATE TABLE IF NOT EXISTS " + d.quoteTable(t.Schema, t.Name) + " (" + clause + ");")}, nil
}

// DropTableSQL renders Sequelize's dropTableQuery, DROP TABLE IF EXISTS
// `table`;. SQLite has no CASCADE.
func (d *Dialect) DropTableSQL(t dialect.TableDef, _ bool) []string {
	return []string{"DROP TABLE IF EXISTS " + d.quoteTable(t.Schema, t.Name) + ";"}
}

// AddIndexSQL renders Sequelize's addIndexQuery for SQLite: CREATE
// [UNIQUE] INDEX `name` ON `table` (`col` [COLLATE `c`] [ASC|DESC], ...)
// [WHERE predicate];. Type, Using, Concurrently, Length, Operator and
// Parser, which Sequelize's SQLite dialect does not support, are ignored
// as Sequelize ignores them.
func (d *Dialect) AddIndexSQL(schema, table string, ix dialect.IndexDef) (string, error) {
	fields, err := dialect.IndexFields(d.Name(), ix, sqliteIndexSupport, d.qi)
	if err != nil {
		return "", err
	}
	name, err := dialect.IndexName(table, ix)
	if err != nil {
		return "", err
	}
	quotedTable := d.quoteIdentifiers(table)
	if schema != "" {
		quotedTable = d.quoteTable(schema, table)
	}
	parts := []string{"CREATE"}
	if ix.Unique || strings.EqualFold(ix.Type, "UNIQUE") {
		parts = append(parts, "UNIQUE")
	}
	parts = append(parts, "INDEX", d.quoteIdentifiers(name), "ON "+quotedTable, fields)
	if ix.Where != "" {
		parts = append(parts, "WHERE "+ix.Where)
	}
	return strings.Join(parts, " ") + ";", nil
}

// RemoveIndexSQL renders Sequelize's removeIndexQuery, DROP INDEX IF
// EXISTS `name`;.
func (d *Dialect) RemoveIndexSQL(_, _, name string) string {
	return "DROP INDEX IF EXISTS " + d.qi(name) + ";"
}

// AddColumnSQL renders Sequelize's addColumnQuery, ALTER TABLE `table` ADD
// `column` definition;.
func (d *Dialect) AddColumnSQL(schema, table string, c dialect.ColumnDef) ([]string, error) {
	a, err := d.attributeToSQL(c)
	if err != nil {
		return nil, err
	}
	return []string{replaceBooleanDefaults("ALTER TABLE " + d.quoteTable(schema, table) + " ADD " + d.qi(c.Name) + " " + a + ";")}, nil
}

// RemoveColumnSQL returns dialect.ErrRebuild: Sequelize rebuilds the table.
func (d *Dialect) RemoveColumnSQL(_, _, _ string) ([]string, error) {
	return nil, dialect.ErrRebuild
}

// ChangeColumnSQL returns dialect.ErrRebuild: Sequelize rebuilds the table.
func (d *Dialect) ChangeColumnSQL(_, _ string, _ dialect.ColumnDef) ([]string, error) {
	return nil, dialect.ErrRebuild
}

// RenameColumnSQL returns dialect.ErrRebuild: Sequelize's SQLite
// renameColumn rebuilds the table (it does not use SQLite's RENAME COLUMN).
func (d *Dialect) RenameColumnSQL(_, _, _, _ string) ([]string, error) {
	return nil, dialect.ErrRebuild
}

// RenameTableSQL renders Sequelize's renameTableQuery, ALTER TABLE `from`
// RENAME TO `to`;.
func (d *Dialect) RenameTableSQL(schema, from, toSchema, to string) string {
	return "ALTER TABLE " + d.quoteTable(schema, from) + " RENAME TO " + d.quoteTable(toSchema, to) + ";"
}

// sqliteIndexSupport is what SQLite indexes take (Sequelize's
// supports.index for sqlite).
var sqliteIndexSupport = dialect.IndexSupport{Collate: true, Where: true}
