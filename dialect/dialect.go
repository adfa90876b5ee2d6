// Package dialect is the contract between package sequelize and the database
// dialects (SQLite, PostgreSQL, MySQL/MariaDB). It is meant for dialect
// authors; applications use package sequelize and import a dialect package
// only for its side effect of registering its URI schemes:
//
//	import _ "github.com/gosequelize/sequelize/dialect/sqlitedialect"
//
// # Data first
//
// Dialects differ by data before behaviour: a [Features] set, the identifier
// quote, the placeholder syntax, the lexical rules of their SQL ([Syntax]) and
// an error classifier that maps driver errors, by code, to an [ErrorInfo].
// Package sequelize holds no "if dialect == ..." and this package imports no
// driver.
//
// # Connections
//
// A dialect opens a [Pool] from a parsed URI ([Config]). Package sequelize
// acquires a [Conn] from it for each statement (or for the lifetime of a
// transaction) and releases it afterwards, so that it can enforce Sequelize's
// acquire timeout and carry transactions in a context. [SQLPool] adapts any
// *sql.DB; dialects with a native pool (pgx) implement [Pool] themselves.
//
// # Registration
//
// Each dialect package calls [Register] from its init function for every URI
// scheme it serves ("sqlite", "postgres", "postgresql", "mysql", "mariadb").
package dialect

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Dialect describes one database dialect. Implementations are immutable and
// safe for concurrent use.
type Dialect interface {
	// Name is Sequelize's dialect name: "sqlite", "postgres", "mysql" or "mariadb".
	Name() string
	// Features lists what the dialect supports (Sequelize's "supports").
	Features() Features
	// QuoteIdentifier appends name quoted as an identifier.
	QuoteIdentifier(b []byte, name string) []byte
	// Syntax gives the lexical rules used to find parameters in raw SQL.
	Syntax() Syntax
	// Open opens a pool for cfg. It need not connect yet.
	Open(ctx context.Context, cfg *Config) (Pool, error)
	// Wrap builds a Pool on a pool the caller already owns (*sql.DB, or a
	// driver-native pool the dialect documents). The caller keeps ownership:
	// closing the returned Pool does not close it.
	Wrap(pool any) (Pool, error)
	// ClassifyError maps a driver error to an ErrorInfo by its code. It
	// returns Kind KindDatabase for errors it does not recognise.
	ClassifyError(err error) ErrorInfo
	// VersionQuery is the SQL that returns the server version as one text column.
	VersionQuery() string
	// BeginStatements are the statements that start a transaction with opts.
	// An error names an option the dialect cannot honour.
	BeginStatements(opts TxOptions) ([]string, error)
	// Lock returns the row-locking clause for mode ("UPDATE", "SHARE",
	// "KEY SHARE", "NO KEY UPDATE"), with SKIP LOCKED when asked, or "" when
	// the dialect has no row locks (SQLite, whose transactions already
	// serialise writers). An error names a mode the dialect lacks.
	Lock(mode string, skipLocked bool) (string, error)
	// TruncateStatements returns the statements that empty table (already
	// quoted), with CASCADE and RESTART IDENTITY semantics where asked; an
	// error names an option the dialect cannot honour.
	TruncateStatements(table, rawTable string, cascade, restartIdentity bool) ([]string, []any, error)
	// Literal appends v as an SQL literal, for DDL (DEFAULT clauses) where
	// databases accept no parameters. v is nil, a bool, an integer, a float
	// or a string.
	Literal(b []byte, v any) ([]byte, error)
	// Operator returns the SQL of a dialect-specific where operator, named
	// as in package op ("iLike", "regexp", "contains", ...), and false when
	// the dialect has none. Portable operators (=, <, LIKE, IN, ...) are not
	// asked for.
	Operator(name string) (string, bool)
	// JSONPath returns the SQL that extracts, as text, the value at path
	// inside the JSON column expression col, with one bind placeholder
	// written as "?" for the path, and the path's argument. ok is false when
	// the dialect cannot query JSON.
	JSONPath(col string, path []string) (sql string, arg any, ok bool)
	// JSONBool returns a boolean SQL expression of extract (the SQL of
	// JSONPath): true where the JSON value there is true, false where it
	// is false, so that a where compares it with a bound bool (Sequelize
	// casts the extracted text to boolean on PostgreSQL and compares it
	// with 'true' on MySQL).
	JSONBool(extract string) string
	// Introspection returns the statement, with its bind arguments, that
	// lists what kind asks for, for table (empty for ShowTables), in schema
	// ("" for the current one; dialects whose schemas are only a prefix of
	// the table name, MySQL and SQLite, are given ""). The statement uses
	// Sequelize's bind syntax ($1), to be run with QueryOptions.Bind; its
	// result columns carry the canonical aliases documented on
	// IntrospectionKind.
	Introspection(kind IntrospectionKind, schema, table string) (string, []any)
}

// Features is the set of optional capabilities of a dialect.
type Features uint64

// The feature flags. They mirror the "supports" object of Sequelize's dialects.
const (
	// Returning: INSERT/UPDATE/DELETE ... RETURNING.
	Returning Features = 1 << iota
	// LastInsertID: the driver reports the auto-increment id of an INSERT.
	LastInsertID
	// Savepoints: SAVEPOINT / ROLLBACK TO SAVEPOINT / RELEASE SAVEPOINT.
	Savepoints
	// TransactionTypes: BEGIN DEFERRED / IMMEDIATE / EXCLUSIVE (SQLite).
	TransactionTypes
	// UpsertAffectedRows: an INSERT ... ON DUPLICATE KEY UPDATE reports 1
	// affected row for an insert and 2 for an update (MySQL, MariaDB).
	UpsertAffectedRows
	// Schemas: CREATE SCHEMA namespaces (PostgreSQL).
	Schemas
	// ExclusionConstraints: EXCLUDE constraints (PostgreSQL).
	ExclusionConstraints
	// OffsetWithoutLimit: OFFSET may appear without LIMIT (PostgreSQL).
	OffsetWithoutLimit
	// NullsOrder: ORDER BY ... NULLS FIRST/LAST (PostgreSQL).
	NullsOrder
	// OnConflict: INSERT ... ON CONFLICT (PostgreSQL, SQLite); otherwise
	// ON DUPLICATE KEY UPDATE (MySQL, MariaDB).
	OnConflict
	// DefaultValuesInsert: INSERT ... DEFAULT VALUES (PostgreSQL, SQLite);
	// otherwise INSERT ... VALUES ().
	DefaultValuesInsert
	// NativeTimes: the driver scans DATE (timestamp) columns into
	// time.Time itself (PostgreSQL, MySQL); SQLite keeps Sequelize's text.
	NativeTimes
	// SingleWriter: every write and every read-write transaction goes
	// through one connection (SQLite), so a write waits for a transaction
	// in progress to end.
	SingleWriter
	// UpdateLimit: UPDATE ... LIMIT n (MySQL, MariaDB; Sequelize's
	// "LIMIT ON UPDATE").
	UpdateLimit
)

// Has reports whether all flags in f2 are set in f.
func (f Features) Has(f2 Features) bool { return f&f2 == f2 }

// Syntax gives the lexical rules of a dialect's SQL that matter when looking
// for parameters and keywords in raw SQL.
type Syntax struct {
	// Placeholder appends the placeholder for the n-th (1-based) argument.
	Placeholder func(b []byte, n int) []byte
	// BackslashEscapes: backslash escapes inside string literals (MySQL).
	BackslashEscapes bool
	// DoubleQuotedStrings: "..." is a string, not an identifier (MySQL).
	DoubleQuotedStrings bool
	// BacktickIdentifiers: `...` quotes identifiers (MySQL, SQLite).
	BacktickIdentifiers bool
	// DollarQuotes: $tag$...$tag$ strings, E'...' strings and :: casts (PostgreSQL).
	DollarQuotes bool
	// HashComments: '#' starts a comment (MySQL).
	HashComments bool
	// NestedBlockComments: block comments nest (PostgreSQL).
	NestedBlockComments bool
	// BracketIdentifiers: [...] quotes identifiers (SQLite).
	BracketIdentifiers bool
}

// Config is a parsed connection URI plus the options package sequelize
// passes on to the dialect.
type Config struct {
	// URL is the parsed URI. For SQLite, URL.Opaque or URL.Path holds the
	// storage and Storage has it resolved.
	URL *url.URL
	// Scheme is the URI scheme the dialect was chosen by ("mariadb", ...).
	Scheme string
	// Storage is the SQLite file path, or ":memory:".
	Storage string
	// Params are the URI query parameters merged with the dialect options;
	// they are passed to the driver.
	Params url.Values
	// Pool configures the connection pool.
	Pool PoolConfig
	// Timezone is "+00:00" (the default), another "±HH:MM" offset, or an
	// IANA zone name. Sessions are set to it where the database supports it.
	Timezone string
	// Hooks, when set, are run around each connection the pool opens and
	// closes.
	Hooks *ConnHooks
}

// PoolConfig is the dialect-side copy of sequelize.PoolOptions, with
// Sequelize's defaults already applied.
type PoolConfig struct {
	Max         int
	Min         int
	Idle        time.Duration
	MaxLifetime time.Duration
	Evict       time.Duration
}

// TxOptions are the options that shape a transaction's BEGIN.
type TxOptions struct {
	Isolation string // "", "READ UNCOMMITTED", "READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"
	Type      string // "", "DEFERRED", "IMMEDIATE", "EXCLUSIVE" (SQLite)
	ReadOnly  bool
}

// AcquireMode tells a Pool what a connection is for, so that it can route
// reads to read connections (SQLite's readers, later replicas).
type AcquireMode int

const (
	// AcquireWrite asks for a connection that may write.
	AcquireWrite AcquireMode = iota
	// AcquireRead asks for a connection that is only read from.
	AcquireRead
)

// String returns "write" or "read".
func (m AcquireMode) String() string {
	if m == AcquireRead {
		return "read"
	}
	return "write"
}

// Pool is a connection pool. It is safe for concurrent use.
type Pool interface {
	// Dialect is the pool's dialect.
	Dialect() Dialect
	// Acquire takes a connection from the pool, waiting until ctx is done.
	Acquire(ctx context.Context, mode AcquireMode) (Conn, error)
	// Stats reports the pool's state.
	Stats() PoolStats
	// Close closes the pool (or, for a wrapped pool, only releases what the
	// wrapper holds).
	Close() error
}

// PoolStats is a snapshot of a pool's counters.
type PoolStats struct {
	MaxOpen int // maximum number of open connections
	Open    int // open connections, in use or idle
	InUse   int // connections in use
	Idle    int // idle connections
}

// Conn is one connection taken from a Pool. It is used by one goroutine at a
// time and must be released exactly once.
type Conn interface {
	// Query runs a statement that returns rows. The Rows must be closed
	// before the next statement runs on the connection.
	Query(ctx context.Context, sql string, args []any) (Rows, error)
	// Exec runs a statement that returns no rows.
	Exec(ctx context.Context, sql string, args []any) (Result, error)
	// Release returns the connection to its pool. A non-nil broken error
	// says the connection's state is unknown (a failed ROLLBACK, say): the
	// pool then discards it instead of reusing it.
	Release(broken error)
}

// Rows is the result set of a query.
type Rows interface {
	// Columns are the result's column names.
	Columns() []string
	// Next advances to the next row.
	Next() bool
	// Scan copies the current row's columns into dest, as the driver does.
	Scan(dest ...any) error
	// Values returns the current row as Go values: nil, int64, float64,
	// bool, string, []byte, time.Time, or a dialect-documented type
	// (PostgreSQL arrays and JSON). Exact numerics (DECIMAL) are strings.
	Values() ([]any, error)
	// Err is the error, if any, that ended the iteration.
	Err() error
	// Close closes the rows. It is safe to call more than once.
	Close() error
	// RowsAffected is the count the server reported for the statement, or
	// -1 when the driver does not report one for queries. Valid after Close.
	RowsAffected() int64
}

// Result is what an Exec reports.
type Result struct {
	RowsAffected    int64
	LastInsertID    int64
	HasLastInsertID bool
}

// ErrorKind classifies a driver error into the families of Sequelize's errors.
type ErrorKind int

// The error kinds. Each maps to one error type of package sequelize.
const (
	KindDatabase           ErrorKind = iota // DatabaseError
	KindUniqueConstraint                    // UniqueConstraintError
	KindForeignKey                          // ForeignKeyConstraintError
	KindExclusion                           // ExclusionConstraintError
	KindUnknownConstraint                   // UnknownConstraintError
	KindTimeout                             // TimeoutError
	KindConnection                          // ConnectionError
	KindConnectionRefused                   // ConnectionRefusedError
	KindAccessDenied                        // AccessDeniedError
	KindHostNotFound                        // HostNotFoundError
	KindHostNotReachable                    // HostNotReachableError
	KindConnectionTimedOut                  // ConnectionTimedOutError
	KindInvalidConnection                   // InvalidConnectionError
)

var kindNames = [...]string{"Database", "UniqueConstraint", "ForeignKey", "Exclusion", "UnknownConstraint",
	"Timeout", "Connection", "ConnectionRefused", "AccessDenied", "HostNotFound", "HostNotReachable",
	"ConnectionTimedOut", "InvalidConnection"}

// String returns the kind's name.
func (k ErrorKind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("ErrorKind(%d)", int(k))
}

// IsConnection reports whether k belongs to the connection family.
func (k ErrorKind) IsConnection() bool { return k >= KindConnection }

// ErrorInfo is what a dialect learned from a driver error.
type ErrorInfo struct {
	Kind ErrorKind
	// Message is the driver's message without its decorations.
	Message string
	// Table is the table the database names, if any.
	Table string
	// Constraint is the constraint or index name the database names.
	Constraint string
	// Fields are the columns involved, in order, when reported.
	Fields []string
	// Values are the values of Fields, as the database printed them, when
	// reported (unique violations).
	Values []string
	// RelType is "parent" when a referenced row was deleted or updated, and
	// "child" when a referencing row points to nothing (foreign keys).
	RelType string
	// ReferencedTable is the table a foreign key points to, when reported.
	ReferencedTable string
}

// IntrospectionKind selects an introspection statement.
type IntrospectionKind int

// The introspection statements and the column aliases their results carry.
const (
	// ShowTables: one row per table, column "tableName".
	ShowTables IntrospectionKind = iota
	// ShowIndexes: one row per index column, in order: "name", "primary"
	// (bool), "unique" (bool), "attribute", "order" ("ASC"/"DESC"),
	// "length" (int or NULL), "type", "definition".
	ShowIndexes
	// Describe: one row per column: "Field", "Type", "Null" (bool),
	// "Default", "PrimaryKey" (bool), "AutoIncrement" (bool), "Comment".
	Describe
	// ForeignKeys: one row per column of each foreign key: "constraintName",
	// "tableName", "columnName", "referencedTableName",
	// "referencedColumnName", "onUpdate", "onDelete".
	ForeignKeys
	// ShowConstraints: one row per column of each constraint:
	// "constraintName", "constraintType", "tableName", "columnName",
	// "referencedTableName", "referencedColumnName", "onUpdate", "onDelete".
	ShowConstraints
)

var (
	regMu    sync.RWMutex
	registry = map[string]Dialect{}
)

// Register makes d available for URIs with the given scheme. It panics when
// the scheme is registered twice, like database/sql.Register.
func Register(scheme string, d Dialect) {
	regMu.Lock()
	defer regMu.Unlock()
	if d == nil {
		panic("sequelize/dialect: Register dialect is nil")
	}
	if _, dup := registry[scheme]; dup {
		panic("sequelize/dialect: Register called twice for scheme " + scheme)
	}
	registry[scheme] = d
}

// Lookup returns the dialect registered for scheme.
func Lookup(scheme string) (Dialect, bool) {
	regMu.RLock()
	defer regMu.RUnlock()
	d, ok := registry[scheme]
	return d, ok
}

// Schemes lists the registered schemes, sorted.
func Schemes() []string {
	regMu.RLock()
	defer regMu.RUnlock()
	s := make([]string, 0, len(registry))
	for k := range registry {
		s = append(s, k)
	}
	sort.Strings(s)
	return s
}

// InSchema rewrites an introspection statement that looks in the current
// schema (the expression current) to look in schema instead, bound as the
// next parameter; with schema "" it returns the statement unchanged.
func InSchema(q string, args []any, current, schema string) (string, []any) {
	if schema == "" {
		return q, args
	}
	args = append(args, schema)
	return strings.ReplaceAll(q, current, "$"+strconv.Itoa(len(args))), args
}
