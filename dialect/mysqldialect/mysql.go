// Package mysqldialect is the MySQL and MariaDB dialect, on
// github.com/go-sql-driver/mysql. Importing it registers the "mysql" and
// "mariadb" URI schemes; "mariadb://" selects the MariaDB flavour where the
// two differ (its Name is "mariadb"):
//
//	import _ "github.com/gosequelize/sequelize/dialect/mysqldialect"
//
//	db, err := sequelize.Open(ctx, "mysql://user:pass@localhost:3306/app")
//	db, err := sequelize.Open(ctx, "mariadb://user:pass@localhost:3306/app")
//
// URI query parameters are go-sql-driver/mysql DSN parameters (timeout,
// readTimeout, tls, charset, collation, multiStatements, ...); any other
// parameter is set as a session system variable on connect, as the driver
// does. Dates are read as time.Time (parseTime) in Options.Timezone, and the
// session time_zone is set to it (UTC by default).
package mysqldialect

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/gosequelize/sequelize/dialect"
)

func init() {
	dialect.Register("mysql", New())
	dialect.Register("mariadb", NewMariaDB())
}

// Dialect is the MySQL or MariaDB dialect.
type Dialect struct {
	mariadb bool
}

var _ dialect.Dialect = (*Dialect)(nil)

// New returns the MySQL dialect, for sequelize.New.
func New() *Dialect { return &Dialect{} }

// NewMariaDB returns the MariaDB flavour, for sequelize.New.
func NewMariaDB() *Dialect { return &Dialect{mariadb: true} }

// Name returns "mysql" or "mariadb".
func (d *Dialect) Name() string {
	if d.mariadb {
		return "mariadb"
	}
	return "mysql"
}

// Features returns the features of MySQL and MariaDB.
func (*Dialect) Features() dialect.Features {
	return dialect.LastInsertID | dialect.Savepoints | dialect.UpsertAffectedRows | dialect.NativeTimes
}

// QuoteIdentifier quotes name with backticks.
func (*Dialect) QuoteIdentifier(b []byte, name string) []byte {
	b = append(b, '`')
	for i := 0; i < len(name); i++ {
		if name[i] == '`' {
			b = append(b, '`')
		}
		b = append(b, name[i])
	}
	return append(b, '`')
}

// Syntax returns MySQL's lexical rules; placeholders are "?".
func (*Dialect) Syntax() dialect.Syntax {
	return dialect.Syntax{
		Placeholder:         func(b []byte, _ int) []byte { return append(b, '?') },
		BackslashEscapes:    true,
		DoubleQuotedStrings: true,
		BacktickIdentifiers: true,
		HashComments:        true,
	}
}

// Open builds a database/sql pool on go-sql-driver/mysql for cfg. It does
// not connect until a connection is first needed.
func (d *Dialect) Open(_ context.Context, cfg *dialect.Config) (dialect.Pool, error) {
	u := cfg.URL
	params := cfg.Params.Encode()
	mc, err := mysql.ParseDSN("tcp(127.0.0.1:3306)/?" + params)
	if err != nil {
		return nil, fmt.Errorf("sequelize: invalid MySQL URI parameters %q: %w", params, err)
	}
	mc.User = u.User.Username()
	mc.Passwd, _ = u.User.Password()
	mc.Net = "tcp"
	host, port := u.Hostname(), u.Port()
	if host == "" {
		host = "localhost"
	}
	if port == "" {
		port = "3306"
	}
	mc.Addr = net.JoinHostPort(host, port)
	mc.DBName = strings.TrimPrefix(u.Path, "/")
	mc.ParseTime = true
	loc := time.UTC
	tz := cfg.Timezone
	if tz != "" && tz != "+00:00" {
		if len(tz) == 6 && (tz[0] == '+' || tz[0] == '-') {
			h, _ := strconv.Atoi(tz[1:3])
			m, _ := strconv.Atoi(tz[4:6])
			off := h*3600 + m*60
			if tz[0] == '-' {
				off = -off
			}
			loc = time.FixedZone(tz, off)
		} else if loc, err = time.LoadLocation(tz); err != nil {
			return nil, err
		}
	}
	if cfg.Params.Get("loc") == "" {
		mc.Loc = loc
	}
	if mc.Params == nil {
		mc.Params = map[string]string{}
	}
	if _, set := mc.Params["time_zone"]; !set {
		if tz == "" {
			tz = "+00:00"
		}
		mc.Params["time_zone"] = "'" + tz + "'"
	}
	if h := cfg.Hooks; h != nil {
		err := mc.Apply(mysql.BeforeConnect(func(ctx context.Context, c *mysql.Config) error {
			host, port, _ := net.SplitHostPort(c.Addr)
			cc := dialect.ConnConfig{Host: host, User: c.User, Password: c.Passwd, Database: c.DBName}
			cc.Port, _ = strconv.Atoi(port)
			if err := h.BeforeConnect(ctx, &cc); err != nil {
				return err
			}
			c.User, c.Passwd, c.DBName = cc.User, cc.Password, cc.Database
			c.Addr = net.JoinHostPort(cc.Host, strconv.Itoa(cc.Port))
			return nil
		}))
		if err != nil {
			return nil, err
		}
	}
	var conn driver.Connector
	conn, err = mysql.NewConnector(mc)
	if err != nil {
		return nil, err
	}
	if cfg.Hooks != nil {
		conn = dialect.HookConnector(conn, cfg.Hooks)
	}
	db := sql.OpenDB(conn)
	db.SetMaxOpenConns(cfg.Pool.Max)
	db.SetMaxIdleConns(cfg.Pool.Max)
	db.SetConnMaxIdleTime(cfg.Pool.Idle)
	db.SetConnMaxLifetime(cfg.Pool.MaxLifetime)
	p := dialect.NewSQLPool(d, db, nil, true)
	p.Normalize, p.NormalizeUsesTypes = normalize, true
	return p, nil
}

// Wrap builds a pool on a *sql.DB opened with go-sql-driver/mysql. Open it
// with parseTime=true to read dates as time.Time.
func (d *Dialect) Wrap(pool any) (dialect.Pool, error) {
	db, ok := pool.(*sql.DB)
	if !ok {
		return nil, fmt.Errorf("sequelize: mysqldialect can wrap a *sql.DB, not %T", pool)
	}
	p := dialect.NewSQLPool(d, db, nil, false)
	p.Normalize, p.NormalizeUsesTypes = normalize, true
	return p, nil
}

// normalize turns the driver's []byte into strings for text and numeric
// columns (binary columns stay []byte) and narrows unsigned integers.
func normalize(ct *sql.ColumnType, v any) any {
	switch t := v.(type) {
	case []byte:
		switch ct.DatabaseTypeName() {
		case "BLOB", "TINYBLOB", "MEDIUMBLOB", "LONGBLOB", "BINARY", "VARBINARY", "BIT", "GEOMETRY":
			return t
		}
		return string(t)
	case uint64:
		if t <= 1<<63-1 {
			return int64(t)
		}
		return strconv.FormatUint(t, 10)
	case int32:
		return int64(t)
	case float32:
		return float64(t)
	}
	return v
}

// MySQL and MariaDB error numbers.
const (
	erDupEntry              = 1062
	erRowIsReferenced       = 1451
	erNoReferencedRow       = 1452
	erRowIsReferencedOld    = 1217
	erNoReferencedRowOld    = 1216
	erLockWaitTimeout       = 1205
	erQueryTimeoutMySQL     = 3024
	erStatementTimeoutMaria = 1969
	erQueryInterrupted      = 1317
	erAccessDenied          = 1045
	erDBAccessDenied        = 1044
	erAccessDeniedNoPass    = 1698
	erBadDB                 = 1049
	erConCount              = 1040
	erCantDropFieldOrKey    = 1091
)

var (
	dupEntry = regexp.MustCompile(`(?s)^Duplicate entry '(.*)' for key '?(.*?)'?$`)
	fkDetail = regexp.MustCompile("CONSTRAINT `([^`]*)` FOREIGN KEY \\(([^)]*)\\) REFERENCES `([^`]*)` \\(([^)]*)\\)")
	fkTable  = regexp.MustCompile("\\((?:`[^`]*`\\.)?`([^`]*)`, CONSTRAINT")
)

// ClassifyError maps error numbers: 1062 unique (key name and value from
// the message), 1451/1217 foreign key (parent), 1452/1216 foreign key
// (child), 1205 (lock wait), 3024 and 1969 (statement timeouts) and 1317
// (interrupted) to timeouts, 1045/1044/1698 to access denied, 1049 and 1040
// to connection errors, 1091 to an unknown constraint.
func (*Dialect) ClassifyError(err error) dialect.ErrorInfo {
	var me *mysql.MySQLError
	if !errors.As(err, &me) {
		if errors.Is(err, mysql.ErrInvalidConn) || errors.Is(err, driver.ErrBadConn) {
			return dialect.ErrorInfo{Kind: dialect.KindConnection, Message: err.Error()}
		}
		return dialect.ErrorInfo{Kind: dialect.KindDatabase}
	}
	info := dialect.ErrorInfo{Kind: dialect.KindDatabase, Message: me.Message}
	switch me.Number {
	case erDupEntry:
		info.Kind = dialect.KindUniqueConstraint
		if m := dupEntry.FindStringSubmatch(me.Message); m != nil {
			key := m[2]
			if i := strings.LastIndexByte(key, '.'); i >= 0 {
				info.Table, key = key[:i], key[i+1:]
			}
			info.Constraint = key
			info.Fields = []string{key}
			info.Values = []string{m[1]}
		}
	case erRowIsReferenced, erRowIsReferencedOld, erNoReferencedRow, erNoReferencedRowOld:
		info.Kind = dialect.KindForeignKey
		info.RelType = "child"
		if me.Number == erRowIsReferenced || me.Number == erRowIsReferencedOld {
			info.RelType = "parent"
		}
		if m := fkDetail.FindStringSubmatch(me.Message); m != nil {
			info.Constraint = m[1]
			info.Fields = unquoteList(m[2])
			info.ReferencedTable = m[3]
		}
		if m := fkTable.FindStringSubmatch(me.Message); m != nil {
			info.Table = m[1]
		}
	case erLockWaitTimeout, erQueryTimeoutMySQL, erStatementTimeoutMaria, erQueryInterrupted:
		info.Kind = dialect.KindTimeout
	case erAccessDenied, erDBAccessDenied, erAccessDeniedNoPass:
		info.Kind = dialect.KindAccessDenied
	case erBadDB, erConCount:
		info.Kind = dialect.KindConnection
	case erCantDropFieldOrKey:
		info.Kind = dialect.KindUnknownConstraint
	}
	return info
}

func unquoteList(s string) []string {
	parts := strings.Split(s, ",")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), "`")
	}
	return parts
}

// VersionQuery returns SELECT VERSION().
func (*Dialect) VersionQuery() string { return "SELECT VERSION() AS `version`" }

// BeginStatements returns SET TRANSACTION ISOLATION LEVEL (which MySQL
// applies to the next transaction) before START TRANSACTION, as Sequelize
// does, and READ ONLY when asked.
func (*Dialect) BeginStatements(opts dialect.TxOptions) ([]string, error) {
	if opts.Type != "" {
		return nil, fmt.Errorf("sequelize: transaction type %s is SQLite-only; MySQL and MariaDB have none", opts.Type)
	}
	var stmts []string
	if opts.Isolation != "" {
		stmts = append(stmts, "SET TRANSACTION ISOLATION LEVEL "+opts.Isolation)
	}
	s := "START TRANSACTION"
	if opts.ReadOnly {
		s += " READ ONLY"
	}
	return append(stmts, s), nil
}

// Introspection returns MySQL's introspection statements over
// information_schema for schema (on MariaDB a database, default the current
// one; on MySQL a prefix of the table's name, as Sequelize names it).
func (d *Dialect) Introspection(kind dialect.IntrospectionKind, schema, table string) (string, []any) {
	if schema != "" && !d.mariadb {
		// Sequelize's MySQL names a schema'd table "schema.table".
		if table != "" {
			table = schema + "." + table
		}
		schema = ""
	}
	q, args := d.introspection(kind, table)
	return dialect.InSchema(q, args, "DATABASE()", schema)
}

func (d *Dialect) introspection(kind dialect.IntrospectionKind, table string) (string, []any) {
	switch kind {
	case dialect.ShowTables:
		return "SELECT TABLE_NAME AS `tableName` FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME", nil
	case dialect.ShowIndexes:
		return "SELECT INDEX_NAME AS `name`, INDEX_NAME = 'PRIMARY' AS `primary`, NON_UNIQUE = 0 AS `unique`, COLUMN_NAME AS `attribute`, " +
			"CASE COLLATION WHEN 'D' THEN 'DESC' ELSE 'ASC' END AS `order`, SUB_PART AS `length`, INDEX_TYPE AS `type`, NULL AS `definition` " +
			"FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = $1 ORDER BY INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME, SEQ_IN_INDEX", []any{table}
	case dialect.Describe:
		def := "COLUMN_DEFAULT"
		if d.mariadb {
			// MariaDB prints a NULL default as the string NULL and quotes text defaults.
			def = "CASE WHEN COLUMN_DEFAULT = 'NULL' THEN NULL ELSE COLUMN_DEFAULT END"
		}
		return "SELECT COLUMN_NAME AS `Field`, UPPER(COLUMN_TYPE) AS `Type`, IS_NULLABLE = 'YES' AS `Null`, " + def + " AS `Default`, " +
			"COLUMN_KEY = 'PRI' AS `PrimaryKey`, EXTRA LIKE '%auto_increment%' AS `AutoIncrement`, COLUMN_COMMENT AS `Comment` " +
			"FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = $1 ORDER BY ORDINAL_POSITION", []any{table}
	case dialect.ForeignKeys:
		return "SELECT k.CONSTRAINT_NAME AS `constraintName`, k.TABLE_NAME AS `tableName`, k.COLUMN_NAME AS `columnName`, " +
			"k.REFERENCED_TABLE_NAME AS `referencedTableName`, k.REFERENCED_COLUMN_NAME AS `referencedColumnName`, " +
			"r.UPDATE_RULE AS `onUpdate`, r.DELETE_RULE AS `onDelete` FROM information_schema.KEY_COLUMN_USAGE k " +
			"JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME " +
			"WHERE k.TABLE_SCHEMA = DATABASE() AND k.TABLE_NAME = $1 AND k.REFERENCED_TABLE_NAME IS NOT NULL ORDER BY k.CONSTRAINT_NAME, k.ORDINAL_POSITION", []any{table}
	case dialect.ShowConstraints:
		return "SELECT tc.CONSTRAINT_NAME AS `constraintName`, tc.CONSTRAINT_TYPE AS `constraintType`, tc.TABLE_NAME AS `tableName`, " +
			"k.COLUMN_NAME AS `columnName`, k.REFERENCED_TABLE_NAME AS `referencedTableName`, k.REFERENCED_COLUMN_NAME AS `referencedColumnName`, " +
			"r.UPDATE_RULE AS `onUpdate`, r.DELETE_RULE AS `onDelete` FROM information_schema.TABLE_CONSTRAINTS tc " +
			"LEFT JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME AND k.TABLE_NAME = tc.TABLE_NAME " +
			"LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = tc.CONSTRAINT_NAME AND r.TABLE_NAME = tc.TABLE_NAME " +
			"WHERE tc.TABLE_SCHEMA = DATABASE() AND tc.TABLE_NAME = $1 ORDER BY tc.CONSTRAINT_NAME, k.ORDINAL_POSITION", []any{table}
	}
	return "", nil
}

// Operator returns MySQL's REGEXP and NOT REGEXP.
func (*Dialect) Operator(name string) (string, bool) {
	switch name {
	case "regexp":
		return "REGEXP", true
	case "notRegexp":
		return "NOT REGEXP", true
	}
	return "", false
}

// JSONPath extracts text with json_unquote(json_extract(col, '$."a"."b"')),
// the path bound as a parameter.
func (*Dialect) JSONPath(col string, path []string) (string, any, bool) {
	return "json_unquote(json_extract(" + col + ", ?))", jsonPath(path), true
}

// jsonPath renders a MySQL JSON path with every key quoted.
func jsonPath(path []string) string {
	var b strings.Builder
	b.WriteByte('$')
	for _, p := range path {
		b.WriteString(`."`)
		b.WriteString(strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(p))
		b.WriteByte('"')
	}
	return b.String()
}

// Lock returns FOR UPDATE or LOCK IN SHARE MODE (MySQL and MariaDB have no
// KEY SHARE or NO KEY UPDATE locks), with SKIP LOCKED when asked (MySQL 8,
// MariaDB 10.6).
func (*Dialect) Lock(mode string, skipLocked bool) (string, error) {
	var s string
	switch mode {
	case "UPDATE":
		s = "FOR UPDATE"
	case "SHARE":
		if skipLocked {
			s = "FOR SHARE"
		} else {
			s = "LOCK IN SHARE MODE"
		}
	default:
		return "", fmt.Errorf("sequelize: lock %q is PostgreSQL-only", mode)
	}
	if skipLocked {
		s += " SKIP LOCKED"
	}
	return s, nil
}

// Literal appends a MySQL literal as Sequelize writes it: quotes and
// backslashes escaped with a backslash, booleans as true and false, times
// as 'YYYY-MM-DD HH:MM:SS.sss' in UTC (a DATETIME literal takes no offset).
func (*Dialect) Literal(b []byte, v any) ([]byte, error) {
	if t, ok := v.(time.Time); ok {
		v = t.UTC().Format("2006-01-02 15:04:05.000")
	}
	return dialect.AppendLiteral(b, v, true, false)
}

// TruncateStatements returns TRUNCATE, which always restarts AUTO_INCREMENT
// on MySQL and MariaDB; they have no TRUNCATE ... CASCADE.
func (*Dialect) TruncateStatements(table, _ string, cascade, _ bool) ([]string, []any, error) {
	if cascade {
		return nil, nil, fmt.Errorf("sequelize: MySQL and MariaDB have no TRUNCATE ... CASCADE")
	}
	return []string{"TRUNCATE " + table}, nil, nil
}

// DropForeignKeySQL drops a foreign key by name, as Sequelize does before
// dropping tables that reference each other.
func (d *Dialect) DropForeignKeySQL(schema, table, name string) (string, error) {
	b := []byte("ALTER TABLE ")
	if schema != "" {
		b = append(d.QuoteIdentifier(b, schema), '.')
	}
	b = d.QuoteIdentifier(b, table)
	b = append(b, " DROP FOREIGN KEY "...)
	b = d.QuoteIdentifier(b, name)
	return string(append(b, ';')), nil
}

var _ dialect.ConstraintDDL = (*Dialect)(nil)

func (d *Dialect) qualified(schema, table string) string {
	var b []byte
	if schema != "" {
		b = append(d.QuoteIdentifier(b, schema), '.')
	}
	return string(d.QuoteIdentifier(b, table))
}

// AddConstraintSQL returns ALTER TABLE ... ADD CONSTRAINT.
func (d *Dialect) AddConstraintSQL(schema, table string, c dialect.ConstraintDef) (string, error) {
	return dialect.StandardAddConstraint(d.QuoteIdentifier, d.qualified(schema, table), c), nil
}

// RemoveConstraintSQL drops by type, as MySQL needs: DROP INDEX for a
// unique constraint, DROP FOREIGN KEY, DROP PRIMARY KEY, DROP CHECK.
func (d *Dialect) RemoveConstraintSQL(schema, table, name, typ string) (string, error) {
	q := string(d.QuoteIdentifier(nil, name))
	var clause string
	switch strings.ToUpper(typ) {
	case "UNIQUE":
		clause = "DROP INDEX " + q
	case "FOREIGN KEY":
		clause = "DROP FOREIGN KEY " + q
	case "PRIMARY KEY":
		clause = "DROP PRIMARY KEY"
	case "CHECK":
		clause = "DROP CONSTRAINT " + q
	default:
		return "", fmt.Errorf("sequelize: unknown constraint type %q of %s", typ, name)
	}
	return "ALTER TABLE " + d.qualified(schema, table) + " " + clause + ";", nil
}

// DropAllTablesSQL drops every table with foreign-key checks off on the
// connection.
func (d *Dialect) DropAllTablesSQL(tables []string) []string {
	out := []string{"SET FOREIGN_KEY_CHECKS = 0;"}
	for _, t := range tables {
		out = append(out, "DROP TABLE IF EXISTS "+string(d.QuoteIdentifier(nil, t))+";")
	}
	return append(out, "SET FOREIGN_KEY_CHECKS = 1;")
}
