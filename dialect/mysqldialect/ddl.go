package mysqldialect

// DDL rendering, ported from Sequelize 6.37.8's MySQL query generator
// (lib/dialects/mysql/query-generator.js: attributeToSQL, createTableQuery,
// addColumnQuery, changeColumnQuery, ...; MariaDB's generator inherits
// them) and the abstract one (addIndexQuery, renameTableQuery). The text is
// Sequelize's byte for byte, odd spacing included (`id` INTEGER NOT NULL
// auto_increment ,); every statement returned ends with ";", as Sequelize's
// logged DDL does (testdata/oracle), and each is a single statement.
//
// The two flavours differ in how a schema qualifies a table, as in
// Sequelize: MariaDB's dialect supports schemas (`schema`.`table`), MySQL's
// does not and names the table `schema.table` in the current database.

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/gosequelize/sequelize/dialect"
)

var _ dialect.DDL = (*Dialect)(nil)

// ddlContext is attributeToSQL's options.context.
type ddlContext int

const (
	ctxCreateTable ddlContext = iota
	ctxAddColumn
	ctxChangeColumn
)

func (d *Dialect) qi(name string) string { return string(d.QuoteIdentifier(nil, name)) }

// quoteTable is Sequelize's quoteTable: `schema`.`table` on MariaDB,
// `schema.table` on MySQL, `table` without a schema.
// QuoteTable implements dialect.DDL.
func (d *Dialect) QuoteTable(b []byte, schema, name string) []byte {
	return append(b, d.quoteTable(schema, name)...)
}

func (d *Dialect) quoteTable(schema, name string) string {
	switch {
	case schema == "":
		return d.qi(name)
	case d.mariadb:
		return d.qi(schema) + "." + d.qi(name)
	default:
		return d.qi(schema + "." + name)
	}
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

// escape is Sequelize's escape of a string for MySQL and MariaDB
// (sql-string.js): quotes, backslashes and control characters are
// backslash-escaped, so "it's" is 'it\'s'.
func escape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('\'')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case 0:
			b.WriteString(`\0`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case 0x1a:
			b.WriteString(`\Z`)
		case '\\', '\'', '"':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// joinSQLFragments is Sequelize's joinSQLFragments: empty fragments
// dropped, each trimmed, joined with single spaces except before ";", ","
// or ")" and after "(".
func joinSQLFragments(parts ...string) string {
	var b strings.Builder
	skip := true
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if !skip && !strings.ContainsAny(p[:1], ";,)") {
			b.WriteByte(' ')
		}
		b.WriteString(p)
		skip = strings.HasSuffix(p, "(")
	}
	return b.String()
}

// typeWithoutDefault are the types MySQL gives no DEFAULT in Sequelize.
var typeWithoutDefault = map[string]bool{"BLOB": true, "TEXT": true, "GEOMETRY": true, "JSON": true}

// isBinary reports Sequelize's attribute.type._binary: STRING.BINARY and
// CHAR.BINARY, whose SQL ends in " BINARY" (UUID's CHAR(36) BINARY is not
// one).
func isBinary(c dialect.ColumnDef) bool {
	return strings.HasSuffix(c.Type, " BINARY") && !strings.EqualFold(c.TypeKey, "UUID")
}

// attributeToSQL is Sequelize's attributeToSQL for MySQL. table is the
// table name, which names the constraint of a column added with a
// reference.
func (d *Dialect) attributeToSQL(c dialect.ColumnDef, ctx ddlContext, table string) (string, error) {
	if c.Type == "" {
		return "", fmt.Errorf("sequelize: column %q has no type", c.Name)
	}
	sql := c.Type
	if !c.AllowNull {
		sql += " NOT NULL"
	}
	if c.AutoIncrement {
		sql += " auto_increment"
	}
	if c.Default != "" && !typeWithoutDefault[c.Type] && !isBinary(c) {
		sql += " DEFAULT " + c.Default
	}
	if c.Unique {
		sql += " UNIQUE"
	}
	if c.PrimaryKey {
		sql += " PRIMARY KEY"
	}
	if c.Comment != "" {
		sql += " COMMENT " + escape(c.Comment)
	}
	if r := c.References; r != nil {
		if r.Table == "" {
			return "", fmt.Errorf("sequelize: column %q references no table", c.Name)
		}
		if ctx == ctxAddColumn {
			sql += ", ADD CONSTRAINT " + d.qi(table+"_"+c.Name+"_foreign_idx") + " FOREIGN KEY (" + d.qi(c.Name) + ")"
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

// reReferences splits a definition at its (last) REFERENCES, as
// createTableQuery's /^(.+) (REFERENCES.*)$/.
var reReferences = regexp.MustCompile(`^(.+) (REFERENCES.*)$`)

// CreateTableSQL renders Sequelize's createTableQuery: the columns, the
// named unique keys (UNIQUE `name` (...)), PRIMARY KEY (...), then one
// FOREIGN KEY (...) REFERENCES ... clause per referencing column, and the
// table options ENGINE= (InnoDB by default), COMMENT, DEFAULT CHARSET=,
// COLLATE and AUTO_INCREMENT=.
func (d *Dialect) CreateTableSQL(t dialect.TableDef) ([]string, error) {
	if t.Name == "" {
		return nil, errors.New("sequelize: CREATE TABLE needs a table name")
	}
	var pks []string
	type fk struct{ col, ref string }
	var fks []fk
	attrStr := make([]string, 0, len(t.Columns))
	for _, c := range t.Columns {
		a, err := d.attributeToSQL(c, ctxCreateTable, t.Name)
		if err != nil {
			return nil, err
		}
		col := d.qi(c.Name)
		isPK := strings.Contains(a, "PRIMARY KEY")
		if isPK {
			pks = append(pks, col)
		}
		if strings.Contains(a, "REFERENCES") {
			m := reReferences.FindStringSubmatch(a)
			if m == nil {
				return nil, fmt.Errorf("sequelize: cannot split the reference of %q", a)
			}
			if isPK {
				m[1] = strings.Replace(m[1], "PRIMARY KEY", "", 1)
			}
			attrStr = append(attrStr, col+" "+m[1])
			fks = append(fks, fk{col, m[2]})
			continue
		}
		if isPK {
			a = strings.Replace(a, "PRIMARY KEY", "", 1)
		}
		attrStr = append(attrStr, col+" "+a)
	}
	clause := strings.Join(attrStr, ", ")
	for _, uk := range t.UniqueKeys {
		name := uk.Name
		if name == "" {
			name = "uniq_" + t.Name + "_" + strings.Join(uk.Columns, "_")
		}
		cols := make([]string, len(uk.Columns))
		for i, col := range uk.Columns {
			cols[i] = d.qi(col)
		}
		clause += ", UNIQUE " + d.qi(name) + " (" + strings.Join(cols, ", ") + ")"
	}
	if len(pks) > 0 {
		clause += ", PRIMARY KEY (" + strings.Join(pks, ", ") + ")"
	}
	for _, f := range fks {
		clause += ", FOREIGN KEY (" + f.col + ") " + f.ref
	}
	engine := t.Engine
	if engine == "" {
		engine = "InnoDB"
	}
	var comment, charset, collate, autoInc string
	if t.Comment != "" {
		comment = "COMMENT " + escape(t.Comment)
	}
	if t.Charset != "" {
		charset = "DEFAULT CHARSET=" + t.Charset
	}
	if t.Collate != "" {
		collate = "COLLATE " + t.Collate
	}
	if t.InitialAutoIncrement != 0 {
		autoInc = "AUTO_INCREMENT=" + strconv.FormatInt(t.InitialAutoIncrement, 10)
	}
	return []string{joinSQLFragments("CREATE TABLE IF NOT EXISTS", d.quoteTable(t.Schema, t.Name), "("+clause+")",
		"ENGINE="+engine, comment, charset, collate, autoInc, ";")}, nil
}

// DropTableSQL renders Sequelize's dropTableQuery, DROP TABLE IF EXISTS
// `table`;. MySQL's CASCADE is a no-op, and Sequelize does not write it.
func (d *Dialect) DropTableSQL(t dialect.TableDef, _ bool) []string {
	return []string{"DROP TABLE IF EXISTS " + d.quoteTable(t.Schema, t.Name) + ";"}
}

// AddIndexSQL renders Sequelize's addIndexQuery for MySQL: ALTER TABLE
// `table` ADD [UNIQUE] [FULLTEXT|SPATIAL] INDEX `name` [USING method]
// (`col`(length) [ASC|DESC], ...) [WITH PARSER parser];. Where,
// Concurrently, Collate and Operator, which Sequelize's MySQL dialect does
// not support, are ignored as Sequelize ignores them.
func (d *Dialect) AddIndexSQL(schema, table string, ix dialect.IndexDef) (string, error) {
	fields, err := dialect.IndexFields(d.Name(), ix, mysqlIndexSupport, d.qi)
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
	parts := []string{"ALTER TABLE", quotedTable, "ADD"}
	typ := ix.Type
	if ix.Unique || strings.EqualFold(typ, "UNIQUE") {
		parts = append(parts, "UNIQUE")
		if strings.EqualFold(typ, "UNIQUE") {
			typ = ""
		}
	}
	if typ != "" {
		parts = append(parts, typ)
	}
	parts = append(parts, "INDEX", d.quoteIdentifiers(name))
	if ix.Using != "" {
		parts = append(parts, "USING "+ix.Using)
	}
	parts = append(parts, fields)
	if ix.Parser != "" {
		parts = append(parts, "WITH PARSER "+ix.Parser)
	}
	return strings.Join(parts, " ") + ";", nil
}

// RemoveIndexSQL renders Sequelize's removeIndexQuery, DROP INDEX `name`
// ON `table`;.
func (d *Dialect) RemoveIndexSQL(schema, table, name string) string {
	return "DROP INDEX " + d.qi(name) + " ON " + d.quoteTable(schema, table) + ";"
}

// AddColumnSQL renders Sequelize's addColumnQuery, ALTER TABLE `table` ADD
// `column` definition; (with ", ADD CONSTRAINT `table_column_foreign_idx`
// FOREIGN KEY ..." for a reference).
func (d *Dialect) AddColumnSQL(schema, table string, c dialect.ColumnDef) ([]string, error) {
	a, err := d.attributeToSQL(c, ctxAddColumn, table)
	if err != nil {
		return nil, err
	}
	return []string{joinSQLFragments("ALTER TABLE", d.quoteTable(schema, table), "ADD", d.qi(c.Name), a, ";")}, nil
}

// RemoveColumnSQL renders Sequelize's removeColumnQuery, ALTER TABLE
// `table` DROP `column`;.
func (d *Dialect) RemoveColumnSQL(schema, table, column string) ([]string, error) {
	return []string{joinSQLFragments("ALTER TABLE", d.quoteTable(schema, table), "DROP", d.qi(column), ";")}, nil
}

// ChangeColumnSQL renders Sequelize's changeColumnQuery: ALTER TABLE
// `table` CHANGE `column` `column` definition;, or, for a column with a
// reference, ALTER TABLE `table` ADD FOREIGN KEY (`column`) REFERENCES ...;
// (Sequelize then leaves the column's type alone).
func (d *Dialect) ChangeColumnSQL(schema, table string, c dialect.ColumnDef) ([]string, error) {
	a, err := d.attributeToSQL(c, ctxChangeColumn, table)
	if err != nil {
		return nil, err
	}
	col := d.qi(c.Name)
	var change string
	if i := strings.Index(a, "REFERENCES"); i >= 0 {
		if i > 0 {
			a = a[i:]
		}
		change = "ADD FOREIGN KEY (" + col + ") " + a
	} else {
		change = "CHANGE " + col + " " + col + " " + a
	}
	return []string{joinSQLFragments("ALTER TABLE", d.quoteTable(schema, table), change, ";")}, nil
}

// RenameColumnSQL renders ALTER TABLE `table` RENAME COLUMN `from` TO
// `to`; (MySQL 8.0, MariaDB 10.5.2 and later). Sequelize instead writes
// CHANGE `from` `to` <definition>, with a definition it rebuilds from
// DESCRIBE (type, nullability and default only); this contract does not
// carry the column's definition, and RENAME COLUMN keeps all of it.
func (d *Dialect) RenameColumnSQL(schema, table, from, to string) ([]string, error) {
	return []string{"ALTER TABLE " + d.quoteTable(schema, table) + " RENAME COLUMN " + d.qi(from) + " TO " + d.qi(to) + ";"}, nil
}

// RenameTableSQL renders Sequelize's renameTableQuery, ALTER TABLE `from`
// RENAME TO `to`;.
func (d *Dialect) RenameTableSQL(schema, from, toSchema, to string) string {
	return "ALTER TABLE " + d.quoteTable(schema, from) + " RENAME TO " + d.quoteTable(toSchema, to) + ";"
}

// mysqlIndexSupport is what MySQL and MariaDB indexes take (Sequelize's
// supports.index for mysql and mariadb: no partial indexes, no collations
// or operator classes per field).
var mysqlIndexSupport = dialect.IndexSupport{Length: true, Using: true, Parser: true, Type: true}
