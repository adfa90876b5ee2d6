// Package sqlitedialect is the SQLite dialect, on the pure-Go driver
// modernc.org/sqlite (no cgo). Importing it registers the "sqlite" URI
// scheme:
//
//	import _ "github.com/gosequelize/sequelize/dialect/sqlitedialect"
//
//	db, err := sequelize.Open(ctx, "sqlite::memory:")
//	db, err := sequelize.Open(ctx, "sqlite:data/app.db")
//
// # Connections
//
// Every connection has foreign keys ON (PRAGMA foreign_keys), as Sequelize
// does, and a busy timeout of 5 seconds. Add modernc.org/sqlite parameters
// to the URI to change them ("?_pragma=busy_timeout(100)",
// "?_pragma=foreign_keys(0)").
//
// Writes never fail with SQLITE_BUSY because of one another: all writes and
// all transactions go through a single writer connection, so writers queue
// in the pool (bounded by PoolOptions.Acquire) instead of racing for
// SQLite's one write lock, where a deferred transaction that upgrades from
// reading to writing fails at once, whatever the busy timeout. Plain reads
// outside transactions use up to PoolOptions.Max read-only connections
// (PRAGMA query_only). File databases use WAL, so readers and the writer
// never block each other. Another process holding the write lock longer
// than the busy timeout still yields a *sequelize.TimeoutError.
//
// "sqlite::memory:" is one database that every connection of the DB sees
// (SQLite's memdb VFS; a private in-memory database per connection would
// lose data when the pool closes a connection). It lives until the DB is
// closed. In-memory databases cannot use WAL: while a write transaction is
// open, reads outside it wait for it to end (up to the busy timeout). Use a
// file for long write transactions with concurrent readers.
//
// # Transactions
//
// BEGIN DEFERRED (the default), IMMEDIATE or EXCLUSIVE. SQLite transactions
// are always SERIALIZABLE, which satisfies every isolation level, so every
// level is accepted and none needs a statement. Read-only transactions run
// on a query_only connection.
//
// # Time zone
//
// Only UTC, as in Sequelize: Open fails for any other Options.Timezone.
package sqlitedialect

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"

	"github.com/gosequelize/sequelize/dialect"
	"modernc.org/sqlite"
)

func init() {
	dialect.Register("sqlite", New())
}

// Dialect is the SQLite dialect. The zero value is ready to use.
type Dialect struct{}

var _ dialect.Dialect = (*Dialect)(nil)

// New returns the SQLite dialect, for sequelize.New.
func New() *Dialect { return &Dialect{} }

// Name returns "sqlite".
func (*Dialect) Name() string { return "sqlite" }

// Features returns SQLite's features.
func (*Dialect) Features() dialect.Features {
	return dialect.Returning | dialect.LastInsertID | dialect.Savepoints | dialect.TransactionTypes | dialect.OnConflict | dialect.DefaultValuesInsert |
		dialect.SingleWriter
}

// QuoteIdentifier quotes name with backticks, as Sequelize does for SQLite.
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

// Syntax returns SQLite's lexical rules; placeholders are "?".
func (*Dialect) Syntax() dialect.Syntax {
	return dialect.Syntax{
		Placeholder:         func(b []byte, _ int) []byte { return append(b, '?') },
		BacktickIdentifiers: true,
		BracketIdentifiers:  true,
	}
}

var memSeq atomic.Uint64

// Open opens the writer and reader pools for cfg.Storage.
func (d *Dialect) Open(ctx context.Context, cfg *dialect.Config) (dialect.Pool, error) {
	if cfg.Timezone != "" && cfg.Timezone != "+00:00" {
		return nil, fmt.Errorf("sequelize: setting a custom timezone is not supported by SQLite, dates are always returned as UTC; remove Timezone %q", cfg.Timezone)
	}
	params := url.Values{}
	for k, v := range cfg.Params {
		params[k] = append([]string(nil), v...)
	}
	pragmas := strings.ToLower(strings.Join(params["_pragma"], ","))
	if !strings.Contains(pragmas, "foreign_keys") {
		params.Add("_pragma", "foreign_keys(1)")
	}
	if !strings.Contains(pragmas, "busy_timeout") {
		params.Add("_pragma", "busy_timeout(5000)")
	}
	memory := cfg.Storage == ":memory:"
	var name string
	if memory {
		name = fmt.Sprintf("file:/sequelize-memdb-%d-%d", os.Getpid(), memSeq.Add(1))
		params.Set("vfs", "memdb")
	} else {
		path := cfg.Storage
		if dir := filepath.Dir(path); dir != "." && dir != "" {
			// Sequelize creates the storage's directory.
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, fmt.Errorf("sequelize: create the directory of SQLite storage %q: %w", path, err)
			}
		}
		name = "file:" + (&url.URL{Path: path}).EscapedPath()
		if !strings.Contains(pragmas, "journal_mode") {
			params.Add("_pragma", "journal_mode(WAL)")
		}
	}
	dsn := name + "?" + params.Encode()
	readParams := url.Values{}
	for k, v := range params {
		readParams[k] = v
	}
	readParams.Add("_pragma", "query_only(1)")
	readDSN := name + "?" + readParams.Encode()

	var closers []func() error
	if memory {
		// The keeper holds the memdb database open for the DB's lifetime:
		// SQLite frees it when its last connection closes, and the pools
		// may close idle connections.
		keeper, err := sql.Open("sqlite", dsn)
		if err != nil {
			return nil, err
		}
		kc, err := keeper.Conn(ctx)
		if err != nil {
			keeper.Close()
			return nil, err
		}
		closers = append(closers, func() error { return errors.Join(kc.Close(), keeper.Close()) })
	}
	open := func(dsn string) (*sql.DB, error) {
		if cfg.Hooks == nil {
			return sql.Open("sqlite", dsn)
		}
		base, err := sqlite.NewConnector(dsn)
		if err != nil {
			return nil, err
		}
		return sql.OpenDB(dialect.HookConnector(&connector{base: base, storage: cfg.Storage, hooks: cfg.Hooks}, cfg.Hooks)), nil
	}
	write, err := open(dsn)
	if err != nil {
		return nil, err
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(cfg.Pool.MaxLifetime)
	read, err := open(readDSN)
	if err != nil {
		write.Close()
		return nil, err
	}
	read.SetMaxOpenConns(cfg.Pool.Max)
	read.SetMaxIdleConns(max(cfg.Pool.Min, 1))
	read.SetConnMaxIdleTime(cfg.Pool.Idle)
	read.SetConnMaxLifetime(cfg.Pool.MaxLifetime)
	return dialect.NewSQLPool(d, write, read, true, closers...), nil
}

// connector opens SQLite connections after running BeforeConnect, which
// sees the storage as the database and may not change anything: a SQLite
// connection has no host, user or password, and one pool is one file.
type connector struct {
	base    driver.Connector // modernc's, on the driver registered as "sqlite"
	storage string
	hooks   *dialect.ConnHooks
}

func (c *connector) Connect(ctx context.Context) (driver.Conn, error) {
	cc := dialect.ConnConfig{Database: c.storage}
	if err := c.hooks.BeforeConnect(ctx, &cc); err != nil {
		return nil, err
	}
	if cc != (dialect.ConnConfig{Database: c.storage}) {
		return nil, errors.New("sequelize: a BeforeConnect hook cannot change a SQLite connection (it has only its storage, which the pool fixes)")
	}
	return c.base.Connect(ctx)
}

func (c *connector) Driver() driver.Driver { return c.base.Driver() }

// Wrap builds a pool on a *sql.DB opened with the "sqlite" driver of
// modernc.org/sqlite. Reads and writes both use it; its DSN decides foreign
// keys, busy timeout and journal mode, and SetMaxOpenConns(1) gives the
// single writer described in the package doc.
func (d *Dialect) Wrap(pool any) (dialect.Pool, error) {
	db, ok := pool.(*sql.DB)
	if !ok {
		return nil, fmt.Errorf("sequelize: sqlitedialect can wrap a *sql.DB, not %T", pool)
	}
	return dialect.NewSQLPool(d, db, nil, false), nil
}

// SQLite result codes (https://sqlite.org/rescode.html).
const (
	codeBusy           = 5
	codeLocked         = 6
	codeCantOpen       = 14
	codeConstraint     = 19
	codeNotADB         = 26
	codeConstraintFK   = 787
	codeConstraintTrig = 1811
	codeConstraintPK   = 1555
	codeConstraintUniq = 2067
)

// fkRestrictMsg is the message of a RESTRICT foreign-key action.
const fkRestrictMsg = "FOREIGN KEY constraint failed"

var uniqueMsg = regexp.MustCompile(`UNIQUE constraint failed: ([^()]+?)(?: \(\d+\))?$`)

// ClassifyError maps SQLite's extended result codes: UNIQUE and PRIMARY KEY
// constraints to unique violations (columns from the message, which carries
// no values), FOREIGN KEY to foreign-key violations (SQLite reports no
// details), BUSY and LOCKED to timeouts, CANTOPEN and NOTADB to connection
// errors. An ON DELETE or ON UPDATE RESTRICT action fails inside the
// trigger program SQLite compiles for it, as CONSTRAINT_TRIGGER with
// SQLite's fixed message "FOREIGN KEY constraint failed": that one pairing
// of code and message is a foreign-key violation too (the code alone would
// take in every RAISE of a user's trigger).
func (*Dialect) ClassifyError(err error) dialect.ErrorInfo {
	var coder interface{ Code() int }
	if !errors.As(err, &coder) {
		return dialect.ErrorInfo{Kind: dialect.KindDatabase}
	}
	code := coder.Code()
	msg := err.Error()
	var se *sqlite.Error
	if errors.As(err, &se) {
		msg = strings.TrimSuffix(se.Error(), fmt.Sprintf(" (%d)", code))
	}
	info := dialect.ErrorInfo{Kind: dialect.KindDatabase, Message: msg}
	switch {
	case code == codeConstraintUniq || code == codeConstraintPK:
		info.Kind = dialect.KindUniqueConstraint
		if m := uniqueMsg.FindStringSubmatch(msg); m != nil {
			for _, tc := range strings.Split(m[1], ", ") {
				table, column, ok := strings.Cut(strings.TrimSpace(tc), ".")
				if !ok {
					column = table
				} else {
					info.Table = table
				}
				info.Fields = append(info.Fields, column)
			}
		}
	case code == codeConstraintFK, code == codeConstraintTrig && (msg == fkRestrictMsg || strings.HasSuffix(msg, ": "+fkRestrictMsg)):
		info.Kind = dialect.KindForeignKey
	case code&0xff == codeBusy || code&0xff == codeLocked:
		info.Kind = dialect.KindTimeout
	case code&0xff == codeCantOpen || code&0xff == codeNotADB:
		info.Kind = dialect.KindConnection
	}
	return info
}

// VersionQuery returns SELECT sqlite_version().
func (*Dialect) VersionQuery() string { return "SELECT sqlite_version() AS version" }

// BeginStatements returns BEGIN DEFERRED|IMMEDIATE|EXCLUSIVE TRANSACTION.
func (*Dialect) BeginStatements(opts dialect.TxOptions) ([]string, error) {
	typ := opts.Type
	if typ == "" {
		typ = "DEFERRED"
	}
	switch typ {
	case "DEFERRED", "IMMEDIATE", "EXCLUSIVE":
	default:
		return nil, fmt.Errorf("sequelize: unknown SQLite transaction type %q", typ)
	}
	return []string{"BEGIN " + typ + " TRANSACTION"}, nil
}

// Introspection returns SQLite's introspection statements, built on the
// table-valued pragma functions so that the table name is a bind parameter.
// A schema is a prefix of the table's name, as Sequelize names it.
func (d *Dialect) Introspection(kind dialect.IntrospectionKind, schema, table string) (string, []any) {
	if schema != "" && table != "" {
		table = schema + "." + table
	}
	return d.introspection(kind, table)
}

func (*Dialect) introspection(kind dialect.IntrospectionKind, table string) (string, []any) {
	switch kind {
	case dialect.ShowTables:
		return "SELECT name AS `tableName` FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name", nil
	case dialect.ShowIndexes:
		return "SELECT il.name AS `name`, il.origin = 'pk' AS `primary`, il.`unique` AS `unique`, ii.name AS `attribute`, " +
			"CASE WHEN ii.`desc` THEN 'DESC' ELSE 'ASC' END AS `order`, NULL AS `length`, NULL AS `type`, m.sql AS `definition` " +
			"FROM pragma_index_list($1) AS il JOIN pragma_index_xinfo(il.name) AS ii ON ii.key = 1 " +
			"LEFT JOIN sqlite_master AS m ON m.type = 'index' AND m.name = il.name ORDER BY il.seq DESC, ii.seqno", []any{table}
	case dialect.Describe:
		return "SELECT name AS `Field`, type AS `Type`, `notnull` = 0 AND pk = 0 AS `Null`, dflt_value AS `Default`, pk > 0 AS `PrimaryKey`, " +
			"(pk > 0 AND upper(type) = 'INTEGER' AND (SELECT count(*) FROM pragma_table_info($1) WHERE pk > 0) = 1) AS `AutoIncrement`, " +
			"'' AS `Comment` FROM pragma_table_info($1) ORDER BY cid", []any{table}
	case dialect.ForeignKeys:
		return "SELECT 'fk_' || $1 || '_' || id AS `constraintName`, $1 AS `tableName`, `from` AS `columnName`, `table` AS `referencedTableName`, " +
			"`to` AS `referencedColumnName`, on_update AS `onUpdate`, on_delete AS `onDelete` " +
			"FROM pragma_foreign_key_list($1) ORDER BY id, seq", []any{table}
	case dialect.ShowConstraints:
		return "SELECT il.name AS `constraintName`, CASE il.origin WHEN 'pk' THEN 'PRIMARY KEY' ELSE 'UNIQUE' END AS `constraintType`, " +
			"$1 AS `tableName`, ii.name AS `columnName`, NULL AS `referencedTableName`, NULL AS `referencedColumnName`, NULL AS `onUpdate`, NULL AS `onDelete` " +
			"FROM pragma_index_list($1) AS il JOIN pragma_index_info(il.name) AS ii WHERE il.origin IN ('u', 'pk') OR (il.origin = 'c' AND il.`unique`) " +
			"UNION ALL SELECT 'PRIMARY', 'PRIMARY KEY', $1, name, NULL, NULL, NULL, NULL FROM pragma_table_info($1) " +
			"WHERE pk > 0 AND NOT EXISTS (SELECT 1 FROM pragma_index_list($1) WHERE origin = 'pk') " +
			"UNION ALL SELECT 'fk_' || $1 || '_' || id, 'FOREIGN KEY', $1, `from`, `table`, `to`, on_update, on_delete FROM pragma_foreign_key_list($1)", []any{table}
	}
	return "", nil
}

// Operator reports that SQLite has no dialect-specific operators: it has
// no ILIKE, REGEXP function, arrays or ranges.
func (*Dialect) Operator(string) (string, bool) { return "", false }

// JSONPath extracts with json_extract(col, '$."a"."b"'), the path bound as
// a parameter.
func (*Dialect) JSONPath(col string, path []string) (string, any, bool) {
	var b strings.Builder
	b.WriteByte('$')
	for _, p := range path {
		b.WriteString(`."`)
		b.WriteString(strings.ReplaceAll(p, `"`, `""`))
		b.WriteByte('"')
	}
	return "json_extract(" + col + ", ?)", b.String(), true
}

// JSONBool returns extract unchanged: json_extract returns 1 for true
// and 0 for false, which compare with a bound bool.
func (*Dialect) JSONBool(extract string) string { return extract }

// Lock returns "": SQLite has no row locks, and its transactions already
// serialise writers (all writes go through one connection).
func (*Dialect) Lock(mode string, _ bool) (string, error) {
	switch mode {
	case "UPDATE", "SHARE", "KEY SHARE", "NO KEY UPDATE":
		return "", nil
	}
	return "", fmt.Errorf("sequelize: unknown lock %q", mode)
}

// Literal appends a SQLite literal (booleans as 1 and 0).
func (*Dialect) Literal(b []byte, v any) ([]byte, error) {
	return dialect.AppendLiteral(b, v, false, true)
}

// TruncateStatements returns DELETE FROM (SQLite has no TRUNCATE), and with
// restartIdentity also resets the table's AUTOINCREMENT counter (ask only
// for tables with an AUTOINCREMENT key, which create sqlite_sequence). SQLite
// cannot cascade: foreign keys with ON DELETE CASCADE do that work.
func (*Dialect) TruncateStatements(table, rawTable string, cascade, restartIdentity bool) ([]string, []any, error) {
	if cascade {
		return nil, nil, fmt.Errorf("sequelize: SQLite has no TRUNCATE ... CASCADE (declare ON DELETE CASCADE foreign keys)")
	}
	stmts := []string{"DELETE FROM " + table}
	if !restartIdentity {
		return stmts, nil, nil
	}
	return append(stmts, "DELETE FROM sqlite_sequence WHERE name = ?"), []any{rawTable}, nil
}

var _ dialect.ConstraintDDL = (*Dialect)(nil)

// AddConstraintSQL makes a UNIQUE constraint a unique index (SQLite cannot
// ALTER TABLE ... ADD CONSTRAINT); other types need a rebuild.
func (d *Dialect) AddConstraintSQL(schema, table string, c dialect.ConstraintDef) (string, error) {
	if !strings.EqualFold(c.Type, "UNIQUE") {
		return "", dialect.ErrRebuild
	}
	b := []byte("CREATE UNIQUE INDEX ")
	b = d.QuoteIdentifier(b, c.Name)
	b = append(b, " ON "...)
	b = d.QuoteIdentifier(b, table)
	b = append(b, " ("...)
	for i, col := range c.Columns {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = d.QuoteIdentifier(b, col)
	}
	return string(append(b, ");"...)), nil
}

// RemoveConstraintSQL drops a unique constraint's index; other types need
// a rebuild.
func (d *Dialect) RemoveConstraintSQL(schema, table, name, typ string) (string, error) {
	if !strings.EqualFold(typ, "UNIQUE") {
		return "", dialect.ErrRebuild
	}
	return "DROP INDEX " + string(d.QuoteIdentifier(nil, name)) + ";", nil
}

// DropAllTablesSQL drops every table with foreign keys off on the connection.
func (d *Dialect) DropAllTablesSQL(tables []string) []string {
	out := []string{"PRAGMA foreign_keys = OFF;"}
	for _, t := range tables {
		out = append(out, "DROP TABLE IF EXISTS "+string(d.QuoteIdentifier(nil, t))+";")
	}
	return append(out, "PRAGMA foreign_keys = ON;")
}
