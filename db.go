package sequelize

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gosequelize/sequelize/dialect"
)

// DB is a database handle: Sequelize's Sequelize instance. It holds the
// dialect, a connection pool and the options every operation inherits.
//
// A DB is safe for concurrent use by multiple goroutines. Close it when done;
// every method afterwards returns ErrClosed.
type DB struct {
	btmSeq  atomic.Uint64 // BelongsToMany definition order, for pairing
	dialect dialect.Dialect
	pool    dialect.Pool
	name    string // database name, for SyncOptions.Match
	opts    Options
	syntax  dialect.Syntax
	closed  atomic.Bool
	wrapped bool // the pool was given to New
	txSeq   atomic.Uint64
	models  sync.Map // model name -> *modelRef; order lists the names in definition order
	order   []string
	orderMu sync.Mutex
	defMu   sync.Mutex // serialises the associations' changes of definitions (see defineSession)
	hooks   hookSet    // global hooks
	// writer is the read-write transaction holding the writer connection
	// of a dialect with a single writer (SQLite), for the acquire
	// timeout's message.
	writer atomic.Pointer[Tx]
}

// Options configures a DB. The zero value gives Sequelize's defaults.
type Options struct {
	// Pool configures the connection pool. Its zero value gives Sequelize's
	// defaults (max 5, min 0, idle 10s, acquire 60s, evict 1s).
	Pool PoolOptions
	// Logging receives one record per statement (message "sequelize: query",
	// attributes "sql", and "parameters" and "elapsed" when asked for).
	// Nil logs nothing: unlike Sequelize, whose default is console.log, a Go
	// library stays silent unless given a logger.
	Logging *slog.Logger
	// LogQueryParameters adds the bound values to each log record.
	LogQueryParameters bool
	// Benchmark adds the statement's elapsed time to each log record.
	Benchmark bool
	// Timezone is the session time zone: "+00:00" (the default, UTC, as in
	// Sequelize), another "±HH:MM" offset, or an IANA name such as
	// "Europe/Paris". SQLite accepts only UTC, as Sequelize does.
	Timezone string
	// DialectOptions are passed to the driver, merged over the URI's query
	// parameters (PostgreSQL: any libpq/pgx parameter such as
	// "application_name", "sslmode", "connect_timeout", "statement_timeout";
	// MySQL: any go-sql-driver/mysql DSN parameter such as "timeout", "tls",
	// or a session variable; SQLite: modernc.org/sqlite parameters such as
	// "_pragma=busy_timeout(100)").
	DialectOptions map[string]string
	// IsolationLevel is the default isolation level of new transactions
	// (default: the database's own).
	IsolationLevel IsolationLevel
	// TransactionType is the default SQLite transaction type (default DEFERRED).
	TransactionType TransactionType
	// Define holds the ModelOptions every model inherits (Sequelize's
	// define option); a model's own options win field by field.
	Define ModelOptions
	// Hooks are global hooks registered (unnamed) before the DB opens its
	// pool, as Sequelize's hooks option: the place for BeforeConnect and
	// AfterConnect, which must see the first connection.
	Hooks map[HookType][]GlobalHook
}

// PoolOptions are Sequelize's pool options. A zero field takes Sequelize's
// default.
type PoolOptions struct {
	// Max is the maximum number of open connections (default 5). SQLite
	// writes always go through one connection; Max bounds its readers, so
	// a SQLite DB opens up to Max+1 connections (Stats().MaxOpen).
	Max int
	// Min is the number of idle connections kept open (default 0).
	Min int
	// Idle is how long a connection may stay idle before it is closed
	// (default 10s).
	Idle time.Duration
	// Acquire is how long an operation waits for a connection before it
	// fails with *ConnectionAcquireTimeoutError (default 60s). It includes
	// the time spent opening a new connection. A context deadline that
	// comes sooner ends the wait first, with the context's error itself
	// (context.DeadlineExceeded, or context.Canceled), since no SQL was sent.
	Acquire time.Duration
	// Evict is how often idle connections are checked (default 1s). pgx's
	// pool honours it as its health-check period; database/sql checks on its
	// own schedule, so it has no effect on SQLite and MySQL pools.
	Evict time.Duration
	// MaxLifetime closes connections older than this (default: no limit).
	MaxLifetime time.Duration
}

func (p PoolOptions) withDefaults() PoolOptions {
	if p.Max <= 0 {
		p.Max = 5
	}
	if p.Min < 0 {
		p.Min = 0
	}
	if p.Min > p.Max {
		p.Min = p.Max
	}
	if p.Idle <= 0 {
		p.Idle = 10 * time.Second
	}
	if p.Acquire <= 0 {
		p.Acquire = 60 * time.Second
	}
	if p.Evict <= 0 {
		p.Evict = time.Second
	}
	return p
}

var tzOffset = regexp.MustCompile(`^[+-]\d{2}:\d{2}$`)

func (o Options) withDefaults() (Options, error) {
	o.Pool = o.Pool.withDefaults()
	switch tz := o.Timezone; {
	case tz == "" || tz == "Z" || strings.EqualFold(tz, "UTC"):
		o.Timezone = "+00:00"
	case tzOffset.MatchString(tz):
	default:
		if _, err := time.LoadLocation(tz); err != nil {
			return o, errInvalidConn(nil, "invalid Timezone %q: want \"±HH:MM\" or an IANA zone name", tz)
		}
	}
	return o, nil
}

// Open opens a DB for a Sequelize connection URI:
//
//	sqlite::memory:                 one in-memory database shared by every connection
//	sqlite:path/to/file.db          a file, relative to the working directory
//	sqlite:/abs/path.db, sqlite:///abs/path.db
//	postgres://user:pass@host:5432/db?sslmode=disable   (also postgresql://)
//	mysql://user:pass@host:3306/db
//	mariadb://user:pass@host:3306/db
//
// User and password may hold any character, URL-escaped. Query parameters
// are passed to the driver. The dialect must be registered by importing its
// package (for example github.com/gosequelize/sequelize/dialect/sqlitedialect).
// A URI without one of these schemes (such as "127.0.0.1:5432" or a bare
// file path) is an [*InvalidConnectionError] naming the forms above.
// Open does not connect; use Authenticate to check the connection.
// Open takes at most one Options.
func Open(ctx context.Context, uri string, opts ...Options) (*DB, error) {
	o, err := oneOption(opts)
	if err != nil {
		return nil, err
	}
	for _, h := range o.Hooks[BeforeInit] {
		hooks := o.Hooks
		if err := h(ctx, &GlobalHookEvent{Type: BeforeInit, InitURI: &uri, InitOptions: &o}); err != nil {
			return nil, err
		}
		o.Hooks = hooks
	}
	if o, err = o.withDefaults(); err != nil {
		return nil, err
	}
	scheme, rest, ok := strings.Cut(uri, ":")
	noScheme := !ok || !uriScheme.MatchString(scheme)
	scheme = strings.ToLower(scheme)
	d, ok := dialect.Lookup(scheme)
	if !ok && dialectPackages[scheme] == "" && isPort(rest) {
		noScheme = true // "host:port"
	}
	if noScheme {
		return nil, errInvalidConn(nil, "invalid URI %q: it has no scheme; %s", redactURI(uri), uriForms)
	}
	if !ok {
		if pkg, known := dialectPackages[scheme]; known {
			return nil, errInvalidConn(nil, "no dialect is registered for %q (registered: %s); import its package: _ \"github.com/gosequelize/sequelize/dialect/%s\"",
				scheme, strings.Join(dialect.Schemes(), ", "), pkg)
		}
		return nil, errInvalidConn(nil, "invalid URI %q: unknown scheme %q (registered: %s); %s",
			redactURI(uri), scheme, strings.Join(dialect.Schemes(), ", "), uriForms)
	}
	cfg, err := parseURI(uri, scheme)
	if err != nil {
		return nil, err
	}
	for k, v := range o.DialectOptions {
		cfg.Params.Set(k, v)
	}
	cfg.Pool = dialect.PoolConfig{Max: o.Pool.Max, Min: o.Pool.Min, Idle: o.Pool.Idle, MaxLifetime: o.Pool.MaxLifetime, Evict: o.Pool.Evict}
	cfg.Timezone = o.Timezone
	db := newDB(d, o)
	cfg.Hooks = db.connHooks()
	pool, err := d.Open(ctx, cfg)
	if err != nil {
		if isBase(err) {
			return nil, err
		}
		// A dialect's Open fails on a bad setting (an invalid URI
		// parameter, an unsupported time zone), or on a connection error
		// when it connects early.
		if cerr := db.classify(ctx, err, "", nil); isConnErr(cerr) {
			return nil, cerr
		}
		return nil, errInvalidConn(err, "open %s", d.Name())
	}
	db.pool = pool
	db.name = strings.TrimPrefix(cfg.URL.Path, "/")
	if cfg.Storage != "" {
		db.name = cfg.Storage
	}
	if err := db.fireDB(ctx, AfterInit, &GlobalHookEvent{DB: db}); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// uriScheme is RFC 3986's scheme syntax.
var uriScheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*$`)

// isPort reports whether s, what follows the first ':' of a URI, is a port
// number: the URI is then a "host:port" with no scheme.
func isPort(s string) bool {
	port, _, _ := strings.Cut(s, "/")
	if port == "" {
		return false
	}
	for _, c := range port {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// uriForms names the URIs Open accepts, for its errors.
const uriForms = "Open takes sqlite::memory:, sqlite:path/to/file.db, postgres://user:pass@host:5432/db " +
	"(or postgresql://), mysql://user:pass@host:3306/db or mariadb://user:pass@host:3306/db"

// dialectPackages maps the schemes of this module's dialects to their
// packages, for the hint when one is not imported.
var dialectPackages = map[string]string{"sqlite": "sqlitedialect", "postgres": "pgdialect",
	"postgresql": "pgdialect", "mysql": "mysqldialect", "mariadb": "mysqldialect"}

// New builds a DB on a connection pool the caller already owns: a *sql.DB
// opened with the dialect's driver, or a dialect's native pool
// (*pgxpool.Pool for pgdialect). d is the dialect, for example
// pgdialect.New(). The caller keeps the pool: DB.Close does not close it,
// and PoolOptions cannot be given (configure the pool itself); Acquire is
// still honoured.
func New(d dialect.Dialect, pool any, opts ...Options) (*DB, error) {
	o, err := oneOption(opts)
	if err != nil {
		return nil, err
	}
	if o.Pool.Max != 0 || o.Pool.Min != 0 || o.Pool.Idle != 0 || o.Pool.Evict != 0 || o.Pool.MaxLifetime != 0 {
		return nil, errInvalidConn(nil, "New: PoolOptions other than Acquire apply only to pools that Open creates; configure your own pool directly")
	}
	if len(o.DialectOptions) > 0 {
		return nil, errInvalidConn(nil, "New: DialectOptions apply only to connections that Open creates; configure your own pool directly")
	}
	if o, err = o.withDefaults(); err != nil {
		return nil, err
	}
	if o.Timezone != "+00:00" {
		return nil, errInvalidConn(nil, "New: Timezone applies only to connections that Open creates; set the session time zone on your own pool")
	}
	for t := range o.Hooks {
		if t.connection() || t == BeforeInit || t == AfterInit {
			return nil, errInvalidConn(nil, "New: %s runs only for pools Open creates; hook your own pool directly", t)
		}
	}
	p, err := d.Wrap(pool)
	if err != nil {
		return nil, errInvalidConn(err, "New")
	}
	db := newDB(p.Dialect(), o)
	db.pool, db.wrapped = p, true
	return db, nil
}

// newDB makes a DB without its pool, with Options.Hooks registered.
func newDB(d dialect.Dialect, o Options) *DB {
	db := &DB{dialect: d, opts: o, syntax: d.Syntax()}
	types := make([]HookType, 0, len(o.Hooks))
	for t := range o.Hooks {
		types = append(types, t)
	}
	slices.Sort(types)
	for _, t := range types {
		for _, fn := range o.Hooks[t] {
			db.hooks.add(t, "", fn)
		}
	}
	return db
}

func oneOption[O any](opts []O) (O, error) {
	var zero O
	switch len(opts) {
	case 0:
		return zero, nil
	case 1:
		return opts[0], nil
	}
	return zero, errQuery("at most one %T may be given, got %d", zero, len(opts))
}

func parseURI(uri, scheme string) (*dialect.Config, error) {
	cfg := &dialect.Config{Scheme: scheme, Params: url.Values{}}
	if scheme == "sqlite" {
		rest := uri[len("sqlite:"):]
		rest, query, _ := strings.Cut(rest, "?")
		params, err := url.ParseQuery(query)
		if err != nil {
			return nil, errInvalidConn(err, "invalid query in URI %q", uri)
		}
		cfg.Params = params
		switch {
		case rest == ":memory:" || rest == "" || rest == "//:memory:" || rest == "///:memory:":
			cfg.Storage = ":memory:"
		case strings.HasPrefix(rest, "///"):
			cfg.Storage = rest[2:]
		case strings.HasPrefix(rest, "//"):
			cfg.Storage = rest[2:]
		default:
			cfg.Storage = rest
		}
		if cfg.Storage != ":memory:" {
			s, err := url.PathUnescape(cfg.Storage)
			if err != nil {
				return nil, errInvalidConn(err, "invalid SQLite path in URI %q", uri)
			}
			cfg.Storage = s
		}
		cfg.URL = &url.URL{Scheme: "sqlite", Opaque: rest, RawQuery: query}
		return cfg, nil
	}
	u, err := url.Parse(uri)
	if err != nil {
		return nil, errInvalidConn(redactErr(err, uri), "invalid URI %q", redactURI(uri))
	}
	cfg.URL = u
	cfg.Params = u.Query()
	return cfg, nil
}

// redactURI hides the password of a URI for messages.
func redactURI(uri string) string {
	if u, err := url.Parse(uri); err == nil && u.User != nil {
		return u.Redacted()
	}
	// Unparsable: hide all of the userinfo, up to the last "@" (a
	// password may hold an unescaped "@").
	if i := strings.LastIndex(uri, "@"); i > 0 {
		if j := strings.Index(uri, "://"); j > 0 && j < i {
			return uri[:j+3] + "xxxxx" + uri[i:]
		}
	}
	return uri
}

// redactErr hides the password of uri in err, an error of url.Parse
// (which quotes the URI it could not parse): the URI is replaced as a
// whole, never text that happens to equal the password.
func redactErr(err error, uri string) error {
	r := redactURI(uri)
	if r == uri {
		return err
	}
	var ue *url.Error
	if errors.As(err, &ue) && ue.URL == uri {
		return &url.Error{Op: ue.Op, URL: r, Err: ue.Err}
	}
	return errors.New(strings.ReplaceAll(err.Error(), uri, r))
}

// Dialect returns the DB's dialect. Its Name is Sequelize's getDialect():
// "sqlite", "postgres", "mysql" or "mariadb".
func (db *DB) Dialect() dialect.Dialect { return db.dialect }

// Stats reports the connection pool's counters. On SQLite, MaxOpen counts
// PoolOptions.Max read-only connections plus the single writer connection
// that every write and read-write transaction uses (so 6 by default).
func (db *DB) Stats() dialect.PoolStats { return db.pool.Stats() }

// Close closes the pool (unless it was given to New). Statements in flight
// may fail; transactions not yet finished are rolled back by the database
// when their connection closes. Close is idempotent.
func (db *DB) Close() error {
	if db.closed.Swap(true) {
		return nil
	}
	return db.pool.Close()
}

// Authenticate checks that the database can be reached and logged into by
// running Sequelize's test query, SELECT 1+1 AS result. Errors are of the
// connection family (*ConnectionRefusedError, *AccessDeniedError, ...).
func (db *DB) Authenticate(ctx context.Context) error {
	_, err := db.Query(ctx, "SELECT 1+1 AS result", QueryOptions{Type: QueryTypeSelect})
	return err
}

// DatabaseVersion returns the server's version string.
func (db *DB) DatabaseVersion(ctx context.Context) (string, error) {
	res, err := db.Query(ctx, db.dialect.VersionQuery(), QueryOptions{Type: QueryTypeVersion})
	if err != nil {
		return "", err
	}
	return res.Version, nil
}

// acquire takes a connection for mode, waiting at most Pool.Acquire.
func (db *DB) acquire(ctx context.Context, mode dialect.AcquireMode) (dialect.Conn, error) {
	if db.closed.Load() {
		return nil, ErrClosed
	}
	// One load of the hook table: the fast path when no pool hooks exist,
	// and the same hooks before and after the acquisition.
	tab := db.hooks.load()
	hooks := tab != nil && tab.pool && !hooksOff(ctx)
	if hooks {
		if err := tab.fireDB(ctx, BeforePoolAcquire, &GlobalHookEvent{}); err != nil {
			return nil, err
		}
	}
	// A caller's deadline that comes first already bounds the wait; only
	// a later one (or none) needs the acquire timeout's own context.
	actx := ctx
	if dl, ok := ctx.Deadline(); !ok || time.Until(dl) > db.opts.Pool.Acquire {
		var cancel context.CancelFunc
		actx, cancel = context.WithTimeoutCause(ctx, db.opts.Pool.Acquire, errAcquireTimeout)
		defer cancel()
	}
	c, err := db.pool.Acquire(actx, mode)
	if err == nil {
		if hooks {
			if err := tab.fireDB(ctx, AfterPoolAcquire, &GlobalHookEvent{Connection: c}); err != nil {
				c.Release(nil)
				return nil, err
			}
		}
		return c, nil
	}
	if err := ctx.Err(); err != nil {
		// The caller's context ended before a connection came: no SQL
		// was sent, and the context's error is the result.
		return nil, err
	}
	if errors.Is(context.Cause(actx), errAcquireTimeout) {
		msg := fmt.Sprintf("no connection became free within %s (PoolOptions.Acquire); stats: %+v", db.opts.Pool.Acquire, db.pool.Stats())
		if tx := db.writer.Load(); tx != nil && mode == dialect.AcquireWrite {
			msg += fmt.Sprintf("; the single writer connection of %s is held by transaction %s of this DB: "+
				"inside a DB.Transaction callback, make every call with the ctx the callback receives (or set the "+
				"options' Transaction field), or it waits for the transaction, which waits for it", db.dialect.Name(), tx.name)
		}
		e := &ConnectionAcquireTimeoutError{ConnectionError{newBase("SequelizeConnectionAcquireTimeoutError", msg, err)}}
		return nil, e
	}
	cerr := db.classify(ctx, err, "", nil)
	if dbe, ok := cerr.(*DatabaseError); ok {
		// Failing to get a connection is a connection error, whatever
		// the driver's error.
		ce := &ConnectionError{dbe.BaseError}
		ce.Name = "SequelizeConnectionError"
		return nil, ce
	}
	return nil, cerr
}

var errAcquireTimeout = errors.New("sequelize: connection acquire timeout")

// classify turns a driver error into the error types of this package.
func (db *DB) classify(ctx context.Context, err error, query string, args []any) error {
	if err == nil {
		return nil
	}
	var be *BaseError
	if errors.As(err, &be) {
		// A value read that the Go destination cannot hold (errRead)
		// gets the statement here.
		if dbe, ok := err.(*DatabaseError); ok && dbe.SQL == "" && query != "" {
			dbe.SQL, dbe.Parameters = query, args
		}
		return err
	}
	info := db.dialect.ClassifyError(err)
	if info.Kind == dialect.KindDatabase {
		if k, ok := dialect.ClassifyNetError(err); ok {
			info.Kind = k
		}
	}
	msg := info.Message
	if msg == "" {
		msg = err.Error()
	}
	dbErr := func(name string) DatabaseError {
		return DatabaseError{BaseError: newBase(name, msg, err), SQL: query, Parameters: args}
	}
	conn := func(name string) ConnectionError {
		return ConnectionError{newBase(name, msg, err)}
	}
	var out error
	var base *BaseError
	switch info.Kind {
	case dialect.KindUniqueConstraint:
		fields := make(map[string]any, len(info.Fields))
		items := make([]ValidationErrorItem, 0, len(info.Fields))
		for i, f := range info.Fields {
			var v any
			if i < len(info.Values) {
				v = info.Values[i]
			}
			fields[f] = v
			items = append(items, ValidationErrorItem{Message: f + " must be unique", Type: "unique violation",
				Path: f, Value: v, Origin: OriginDB, ValidatorKey: "not_unique"})
		}
		e := &UniqueConstraintError{ValidationError: ValidationError{BaseError: newBase("SequelizeUniqueConstraintError", msg, err), Errors: items},
			Fields: fields, Constraint: info.Constraint, Table: info.Table, SQL: query, Parameters: args}
		out, base = e, &e.BaseError
	case dialect.KindForeignKey:
		e := &ForeignKeyConstraintError{DatabaseError: dbErr("SequelizeForeignKeyConstraintError"), Table: info.Table,
			Fields: info.Fields, Index: info.Constraint, RelType: info.RelType}
		if len(info.Values) > 0 {
			e.Value = info.Values[0]
		}
		out, base = e, &e.BaseError
	case dialect.KindExclusion:
		e := &ExclusionConstraintError{DatabaseError: dbErr("SequelizeExclusionConstraintError"), Constraint: info.Constraint, Fields: info.Fields, Table: info.Table}
		out, base = e, &e.BaseError
	case dialect.KindUnknownConstraint:
		e := &UnknownConstraintError{DatabaseError: dbErr("SequelizeUnknownConstraintError"), Constraint: info.Constraint, Fields: info.Fields, Table: info.Table}
		out, base = e, &e.BaseError
	case dialect.KindTimeout:
		e := &TimeoutError{dbErr("SequelizeTimeoutError")}
		out, base = e, &e.BaseError
	case dialect.KindConnection:
		e := &ConnectionError{newBase("SequelizeConnectionError", msg, err)}
		out, base = e, &e.BaseError
	case dialect.KindConnectionRefused:
		e := &ConnectionRefusedError{conn("SequelizeConnectionRefusedError")}
		out, base = e, &e.BaseError
	case dialect.KindAccessDenied:
		e := &AccessDeniedError{conn("SequelizeAccessDeniedError")}
		out, base = e, &e.BaseError
	case dialect.KindHostNotFound:
		e := &HostNotFoundError{conn("SequelizeHostNotFoundError")}
		out, base = e, &e.BaseError
	case dialect.KindHostNotReachable:
		e := &HostNotReachableError{conn("SequelizeHostNotReachableError")}
		out, base = e, &e.BaseError
	case dialect.KindConnectionTimedOut:
		e := &ConnectionTimedOutError{conn("SequelizeConnectionTimedOutError")}
		out, base = e, &e.BaseError
	case dialect.KindInvalidConnection:
		e := &InvalidConnectionError{conn("SequelizeInvalidConnectionError")}
		out, base = e, &e.BaseError
	default:
		e := &DatabaseError{BaseError: newBase("SequelizeDatabaseError", msg, err), SQL: query, Parameters: args}
		out, base = e, &e.BaseError
	}
	if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
		base.cause = cerr
	}
	return out
}

// log writes one record for a statement, if logging is on.
func (db *DB) log(ctx context.Context, l *slog.Logger, query string, args []any, tx *Tx, elapsed time.Duration) {
	if l == nil {
		l = db.opts.Logging
		if l == nil {
			return
		}
	}
	attrs := make([]slog.Attr, 0, 4)
	attrs = append(attrs, slog.String("sql", query))
	if tx != nil {
		attrs = append(attrs, slog.String("transaction", tx.name))
	}
	if db.opts.LogQueryParameters && len(args) > 0 {
		attrs = append(attrs, slog.Any("parameters", args))
	}
	if db.opts.Benchmark {
		attrs = append(attrs, slog.Duration("elapsed", elapsed))
	}
	l.LogAttrs(ctx, slog.LevelInfo, "sequelize: query", attrs...)
}
