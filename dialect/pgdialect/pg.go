// Package pgdialect is the PostgreSQL dialect, on github.com/jackc/pgx/v5
// and its native pool (pgxpool). Importing it registers the "postgres" and
// "postgresql" URI schemes:
//
//	import _ "github.com/gosequelize/sequelize/dialect/pgdialect"
//
//	db, err := sequelize.Open(ctx, "postgres://user:pass@localhost:5432/app?sslmode=disable")
//
// URI query parameters go to pgx: libpq's (sslmode, sslrootcert,
// connect_timeout, application_name, search_path, ...) and pgx's
// (pool_max_conns is overridden by PoolOptions). Any other parameter is
// sent to the server as a run-time setting, for example statement_timeout
// or lock_timeout.
//
// The session time zone is set to Options.Timezone (UTC by default).
//
// # Why pgx's native pool
//
// Statements go through pgxpool rather than pgx's database/sql adapter: it
// decodes values straight into Go types without database/sql's driver.Value
// boxing and conversion layer, and it reports the affected-row count of
// statements that return rows. See the project's bench/ for the figures.
// A *sql.DB opened with pgx's "pgx" driver works too, through sequelize.New.
package pgdialect

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"math"
	"net/netip"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/gosequelize/sequelize/dialect"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
)

func init() {
	d := New()
	dialect.Register("postgres", d)
	dialect.Register("postgresql", d)
}

// Dialect is the PostgreSQL dialect. The zero value is ready to use.
type Dialect struct{}

var _ dialect.Dialect = (*Dialect)(nil)

// New returns the PostgreSQL dialect, for sequelize.New.
func New() *Dialect { return &Dialect{} }

// Name returns "postgres".
func (*Dialect) Name() string { return "postgres" }

// Features returns PostgreSQL's features.
func (*Dialect) Features() dialect.Features {
	return dialect.Returning | dialect.Savepoints | dialect.Schemas | dialect.ExclusionConstraints |
		dialect.OffsetWithoutLimit | dialect.NullsOrder | dialect.OnConflict | dialect.DefaultValuesInsert | dialect.NativeTimes
}

// QuoteIdentifier quotes name with double quotes.
func (*Dialect) QuoteIdentifier(b []byte, name string) []byte {
	b = append(b, '"')
	for i := 0; i < len(name); i++ {
		if name[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, name[i])
	}
	return append(b, '"')
}

// Syntax returns PostgreSQL's lexical rules; placeholders are $1, $2, ...
func (*Dialect) Syntax() dialect.Syntax {
	return dialect.Syntax{
		Placeholder: func(b []byte, n int) []byte {
			return strconv.AppendInt(append(b, '$'), int64(n), 10)
		},
		DollarQuotes:        true,
		NestedBlockComments: true,
	}
}

// pgTimezone turns Sequelize's "±HH:MM" into a POSIX zone PostgreSQL reads
// the ISO way round (POSIX offsets are positive west of Greenwich).
func pgTimezone(tz string) string {
	switch {
	case tz == "" || tz == "+00:00" || tz == "-00:00":
		return "UTC"
	case len(tz) == 6 && (tz[0] == '+' || tz[0] == '-') && tz[3] == ':':
		inv := "-"
		if tz[0] == '-' {
			inv = "+"
		}
		return "<" + tz + ">" + inv + tz[1:]
	}
	return tz
}

// Open builds a pgxpool for cfg. It does not connect until a connection is
// first needed.
func (d *Dialect) Open(_ context.Context, cfg *dialect.Config) (dialect.Pool, error) {
	u := *cfg.URL
	u.RawQuery = cfg.Params.Encode()
	pc, err := pgxpool.ParseConfig(u.String())
	if err != nil {
		return nil, fmt.Errorf("sequelize: invalid PostgreSQL URI %q: %w", u.Redacted(), redact(err, &u))
	}
	pc.MaxConns = int32(cfg.Pool.Max)
	pc.MinConns = int32(cfg.Pool.Min)
	pc.MaxConnIdleTime = cfg.Pool.Idle
	pc.HealthCheckPeriod = cfg.Pool.Evict
	if cfg.Pool.MaxLifetime > 0 {
		pc.MaxConnLifetime = cfg.Pool.MaxLifetime
	} else {
		pc.MaxConnLifetime = time.Duration(math.MaxInt64)
	}
	if _, set := pc.ConnConfig.RuntimeParams["timezone"]; !set {
		pc.ConnConfig.RuntimeParams["timezone"] = pgTimezone(cfg.Timezone)
	}
	if h := cfg.Hooks; h != nil {
		pc.BeforeConnect = func(ctx context.Context, c *pgx.ConnConfig) error {
			cc := dialect.ConnConfig{Host: c.Host, Port: int(c.Port), User: c.User, Password: c.Password, Database: c.Database}
			if err := h.BeforeConnect(ctx, &cc); err != nil {
				return err
			}
			if cc.Port < 0 || cc.Port > math.MaxUint16 {
				return fmt.Errorf("sequelize: BeforeConnect set port %d", cc.Port)
			}
			c.Host, c.Port, c.User, c.Password, c.Database = cc.Host, uint16(cc.Port), cc.User, cc.Password, cc.Database
			return nil
		}
		pc.AfterConnect = func(ctx context.Context, c *pgx.Conn) error { return h.AfterConnect(ctx, c) }
		pc.BeforeClose = func(c *pgx.Conn) {
			if h.Disconnecting() {
				// pgx closes the connection after this; closing it here
				// first (Close is idempotent) lets the after-hooks run
				// once it is closed.
				_ = h.Disconnect(c, func() error {
					// pgxpool bounds its own close the same way.
					ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
					defer cancel()
					return c.Close(ctx)
				})
			}
		}
	}
	pool, err := pgxpool.NewWithConfig(context.Background(), pc)
	if err != nil {
		return nil, err
	}
	return &pgPool{d: d, pool: pool, owned: true}, nil
}

// redact hides the password field of u in err's message: the URI as
// given (u.String()) becomes u.Redacted(). pgx already shows the URI it
// could not parse with its password field replaced; only the field is
// hidden, never other text that happens to equal the password.
func redact(err error, u *url.URL) error {
	if _, ok := u.User.Password(); !ok {
		return err
	}
	if s, r := u.String(), u.Redacted(); strings.Contains(err.Error(), s) {
		return errors.New(strings.ReplaceAll(err.Error(), s, r))
	}
	return err
}

// Wrap builds a pool on a *pgxpool.Pool, or on a *sql.DB opened with pgx's
// "pgx" driver (github.com/jackc/pgx/v5/stdlib). Closing the DB leaves the
// wrapped pool open.
func (d *Dialect) Wrap(pool any) (dialect.Pool, error) {
	switch p := pool.(type) {
	case *pgxpool.Pool:
		return &pgPool{d: d, pool: p}, nil
	case *sql.DB:
		sp := dialect.NewSQLPool(d, p, nil, false)
		sp.Normalize = func(_ *sql.ColumnType, v any) any { return normalize(v) }
		return sp, nil
	}
	return nil, fmt.Errorf("sequelize: pgdialect can wrap a *pgxpool.Pool or a *sql.DB, not %T", pool)
}

type pgPool struct {
	d     *Dialect
	pool  *pgxpool.Pool
	owned bool
}

func (p *pgPool) Dialect() dialect.Dialect { return p.d }

func (p *pgPool) Acquire(ctx context.Context, _ dialect.AcquireMode) (dialect.Conn, error) {
	c, err := p.pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	return &pgConn{c: c}, nil
}

func (p *pgPool) Stats() dialect.PoolStats {
	s := p.pool.Stat()
	return dialect.PoolStats{MaxOpen: int(s.MaxConns()), Open: int(s.TotalConns()), InUse: int(s.AcquiredConns()), Idle: int(s.IdleConns())}
}

func (p *pgPool) Close() error {
	if p.owned {
		p.pool.Close()
	}
	return nil
}

type pgConn struct{ c *pgxpool.Conn }

func (c *pgConn) Query(ctx context.Context, query string, args []any) (dialect.Rows, error) {
	rows, err := c.c.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	fds := rows.FieldDescriptions()
	cols := make([]string, len(fds))
	for i, fd := range fds {
		cols[i] = fd.Name
	}
	return &pgRows{rows: rows, cols: cols}, nil
}

func (c *pgConn) Exec(ctx context.Context, query string, args []any) (dialect.Result, error) {
	tag, err := c.c.Exec(ctx, query, args...)
	if err != nil {
		return dialect.Result{}, err
	}
	return dialect.Result{RowsAffected: tag.RowsAffected()}, nil
}

func (c *pgConn) Release(broken error) {
	if broken != nil {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		_ = c.c.Conn().Close(ctx)
		cancel()
	}
	c.c.Release()
}

type pgRows struct {
	rows pgx.Rows
	cols []string
}

func (r *pgRows) Columns() []string      { return r.cols }
func (r *pgRows) Next() bool             { return r.rows.Next() }
func (r *pgRows) Scan(dest ...any) error { return r.rows.Scan(dest...) }
func (r *pgRows) Err() error             { return r.rows.Err() }
func (r *pgRows) Close() error           { r.rows.Close(); return r.rows.Err() }
func (r *pgRows) RowsAffected() int64    { return r.rows.CommandTag().RowsAffected() }

func (r *pgRows) Values() ([]any, error) {
	vals, err := r.rows.Values()
	if err != nil {
		return nil, err
	}
	for i, v := range vals {
		vals[i] = normalize(v)
	}
	return vals, nil
}

// normalize maps pgx's decoded values to the small set of Go types rows
// carry: exact numerics, UUIDs, intervals, times of day and network types
// as strings; narrower integers and floats widened; arrays element-wise.
func normalize(v any) any {
	switch t := v.(type) {
	case nil, int64, float64, bool, string, []byte, time.Time, map[string]any:
		return v
	case int32:
		return int64(t)
	case int16:
		return int64(t)
	case int8:
		return int64(t)
	case float32:
		return float64(t)
	case [16]byte:
		return fmt.Sprintf("%x-%x-%x-%x-%x", t[0:4], t[4:6], t[6:8], t[8:10], t[10:16])
	case netip.Prefix:
		if t.Bits() == t.Addr().BitLen() {
			return t.Addr().String()
		}
		return t.String()
	case []any:
		for i, e := range t {
			t[i] = normalize(e)
		}
		return t
	case driver.Valuer:
		dv, err := t.Value()
		if err != nil {
			return v
		}
		return normalize(dv)
	}
	return v
}

// SQLSTATE codes.
const (
	stateUniqueViolation     = "23505"
	stateForeignKeyViolation = "23503"
	stateExclusionViolation  = "23P01"
	stateUndefinedObject     = "42704"
	stateLockNotAvailable    = "55P03"
	stateQueryCanceled       = "57014"
	stateInvalidPassword     = "28P01"
	stateInvalidAuthSpec     = "28000"
	stateInvalidCatalogName  = "3D000"
	stateTooManyConnections  = "53300"
	stateCannotConnectNow    = "57P03"
)

var keyDetail = regexp.MustCompile(`^Key \((.*)\)=\((.*)\) (already exists|is not present in table "([^"]*)"|is still referenced from table "([^"]*)")`)

// ClassifyError maps SQLSTATE codes: 23505 unique (columns and values from
// the error's detail), 23503 foreign key, 23P01 exclusion, 42704 on a
// constraint or index to an unknown constraint, 55P03 (lock_timeout) and
// 57014 (statement_timeout, cancellation) to timeouts, 28P01 and 28000 to
// access denied, 3D000, 53300 and 57P03 to connection errors.
func (*Dialect) ClassifyError(err error) dialect.ErrorInfo {
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) {
		var ce *pgconn.ConnectError
		if errors.As(err, &ce) && errors.Is(err, context.DeadlineExceeded) {
			return dialect.ErrorInfo{Kind: dialect.KindConnectionTimedOut, Message: err.Error()}
		}
		return dialect.ErrorInfo{Kind: dialect.KindDatabase}
	}
	info := dialect.ErrorInfo{Kind: dialect.KindDatabase, Message: pgErr.Message, Table: pgErr.TableName, Constraint: pgErr.ConstraintName}
	if pgErr.Detail != "" {
		info.Message += ": " + pgErr.Detail
	}
	parseKey := func() {
		if m := keyDetail.FindStringSubmatch(pgErr.Detail); m != nil {
			info.Fields = splitList(m[1])
			info.Values = splitList(m[2])
			switch {
			case m[4] != "":
				info.RelType, info.ReferencedTable = "child", m[4]
			case m[5] != "":
				info.RelType = "parent"
			}
		}
	}
	switch pgErr.Code {
	case stateUniqueViolation:
		info.Kind = dialect.KindUniqueConstraint
		parseKey()
	case stateForeignKeyViolation:
		info.Kind = dialect.KindForeignKey
		parseKey()
	case stateExclusionViolation:
		info.Kind = dialect.KindExclusion
		parseKey()
	case stateUndefinedObject:
		if m := strings.ToLower(pgErr.Message); strings.HasPrefix(m, "constraint") || strings.HasPrefix(m, "index") {
			info.Kind = dialect.KindUnknownConstraint
		}
	case stateLockNotAvailable, stateQueryCanceled:
		info.Kind = dialect.KindTimeout
	case stateInvalidPassword, stateInvalidAuthSpec:
		info.Kind = dialect.KindAccessDenied
	case stateInvalidCatalogName, stateTooManyConnections, stateCannotConnectNow:
		info.Kind = dialect.KindConnection
	}
	return info
}

func splitList(s string) []string {
	parts := strings.Split(s, ", ")
	for i, p := range parts {
		parts[i] = strings.Trim(p, `"`)
	}
	return parts
}

// VersionQuery returns SHOW server_version.
func (*Dialect) VersionQuery() string { return "SHOW server_version" }

// BeginStatements returns START TRANSACTION with the isolation level and
// READ ONLY when asked.
func (*Dialect) BeginStatements(opts dialect.TxOptions) ([]string, error) {
	if opts.Type != "" {
		return nil, fmt.Errorf("sequelize: transaction type %s is SQLite-only; PostgreSQL has none", opts.Type)
	}
	s := "START TRANSACTION"
	if opts.Isolation != "" {
		s += " ISOLATION LEVEL " + opts.Isolation
	}
	if opts.ReadOnly {
		s += " READ ONLY"
	}
	return []string{s}, nil
}

const fkAction = `CASE %s WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END`

// Introspection returns PostgreSQL's introspection statements over the
// catalogs of schema (default: the current schema).
func (d *Dialect) Introspection(kind dialect.IntrospectionKind, schema, table string) (string, []any) {
	q, args := d.introspection(kind, table)
	return dialect.InSchema(q, args, "current_schema()", schema)
}

func (*Dialect) introspection(kind dialect.IntrospectionKind, table string) (string, []any) {
	switch kind {
	case dialect.ShowTables:
		return `SELECT table_name AS "tableName" FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`, nil
	case dialect.ShowIndexes:
		return `SELECT i.relname AS "name", ix.indisprimary AS "primary", ix.indisunique AS "unique", a.attname AS "attribute", ` +
			`CASE WHEN ix.indoption[k.ord - 1] & 1 = 1 THEN 'DESC' ELSE 'ASC' END AS "order", NULL::int AS "length", am.amname AS "type", ` +
			`pg_get_indexdef(ix.indexrelid) AS "definition" ` +
			`FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid ` +
			`JOIN pg_am am ON am.oid = i.relam JOIN pg_namespace n ON n.oid = t.relnamespace ` +
			`CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) ` +
			`LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ` +
			`WHERE t.relname = $1 AND n.nspname = current_schema() ORDER BY i.relname, k.ord`, []any{table}
	case dialect.Describe:
		return `SELECT c.column_name AS "Field", ` +
			`CASE WHEN c.data_type = 'USER-DEFINED' THEN c.udt_name WHEN c.data_type = 'ARRAY' THEN upper(substr(c.udt_name, 2)) || '[]' ` +
			`WHEN c.character_maximum_length IS NOT NULL THEN upper(c.data_type) || '(' || c.character_maximum_length || ')' ELSE upper(c.data_type) END AS "Type", ` +
			`c.is_nullable = 'YES' AS "Null", c.column_default AS "Default", ` +
			`EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conrelid = cl.oid AND con.contype = 'p' AND c.ordinal_position::int2 = ANY (con.conkey)) AS "PrimaryKey", ` +
			`coalesce(c.column_default LIKE 'nextval(%', false) OR c.is_identity = 'YES' AS "AutoIncrement", ` +
			`coalesce(col_description(cl.oid, c.ordinal_position::int), '') AS "Comment" ` +
			`FROM information_schema.columns c JOIN pg_class cl ON cl.relname = c.table_name ` +
			`JOIN pg_namespace n ON n.oid = cl.relnamespace AND n.nspname = c.table_schema ` +
			`WHERE c.table_schema = current_schema() AND c.table_name = $1 ORDER BY c.ordinal_position`, []any{table}
	case dialect.ForeignKeys:
		return `SELECT con.conname AS "constraintName", cl.relname AS "tableName", att.attname AS "columnName", ` +
			`fcl.relname AS "referencedTableName", fatt.attname AS "referencedColumnName", ` +
			fmt.Sprintf(fkAction, "con.confupdtype") + ` AS "onUpdate", ` + fmt.Sprintf(fkAction, "con.confdeltype") + ` AS "onDelete" ` +
			`FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace ` +
			`JOIN pg_class fcl ON fcl.oid = con.confrelid ` +
			`CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, fattnum, ord) ` +
			`JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = k.attnum ` +
			`JOIN pg_attribute fatt ON fatt.attrelid = con.confrelid AND fatt.attnum = k.fattnum ` +
			`WHERE con.contype = 'f' AND cl.relname = $1 AND n.nspname = current_schema() ORDER BY con.conname, k.ord`, []any{table}
	case dialect.ShowConstraints:
		return `SELECT con.conname AS "constraintName", ` +
			`CASE con.contype WHEN 'p' THEN 'PRIMARY KEY' WHEN 'u' THEN 'UNIQUE' WHEN 'f' THEN 'FOREIGN KEY' WHEN 'c' THEN 'CHECK' WHEN 'x' THEN 'EXCLUDE' END AS "constraintType", ` +
			`cl.relname AS "tableName", att.attname AS "columnName", fcl.relname AS "referencedTableName", fatt.attname AS "referencedColumnName", ` +
			fmt.Sprintf(fkAction, "con.confupdtype") + ` AS "onUpdate", ` + fmt.Sprintf(fkAction, "con.confdeltype") + ` AS "onDelete" ` +
			`FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace ` +
			`LEFT JOIN pg_class fcl ON fcl.oid = con.confrelid ` +
			`LEFT JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, fattnum, ord) ON true ` +
			`LEFT JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = k.attnum ` +
			`LEFT JOIN pg_attribute fatt ON fatt.attrelid = con.confrelid AND fatt.attnum = k.fattnum ` +
			`WHERE cl.relname = $1 AND n.nspname = current_schema() AND con.contype IN ('p', 'u', 'f', 'c', 'x') ` +
			`ORDER BY con.conname, k.ord`, []any{table}
	}
	return "", nil
}

var _ = stdlib.GetDefaultDriver // the "pgx" database/sql driver, for Wrap's *sql.DB

var pgOperators = map[string]string{
	"iLike": "ILIKE", "notILike": "NOT ILIKE", "regexp": "~", "notRegexp": "!~", "iRegexp": "~*", "notIRegexp": "!~*",
	"overlap": "&&", "contains": "@>", "contained": "<@", "adjacent": "-|-", "strictLeft": "<<", "strictRight": ">>",
	"noExtendRight": "&<", "noExtendLeft": "&>", "match": "@@", "any": "ANY", "all": "ALL",
}

// Operator returns PostgreSQL's operators: ILIKE, the regular expression,
// array, range, JSONB and full-text operators, ANY and ALL.
func (*Dialect) Operator(name string) (string, bool) {
	s, ok := pgOperators[name]
	return s, ok
}

// JSONPath extracts text with #>> and a text[] path parameter.
func (*Dialect) JSONPath(col string, path []string) (string, any, bool) {
	return "(" + col + " #>> ?)", path, true
}

// JSONBool casts the extracted text ('true' or 'false') to boolean.
func (*Dialect) JSONBool(extract string) string {
	return "CAST(" + extract + " AS BOOLEAN)"
}

// Lock returns FOR UPDATE, FOR SHARE, FOR KEY SHARE or FOR NO KEY UPDATE,
// with SKIP LOCKED when asked.
func (*Dialect) Lock(mode string, skipLocked bool) (string, error) {
	switch mode {
	case "UPDATE", "SHARE", "KEY SHARE", "NO KEY UPDATE":
	default:
		return "", fmt.Errorf("sequelize: unknown lock %q", mode)
	}
	s := "FOR " + mode
	if skipLocked {
		s += " SKIP LOCKED"
	}
	return s, nil
}

// Literal appends a PostgreSQL literal (standard_conforming_strings on).
func (*Dialect) Literal(b []byte, v any) ([]byte, error) {
	return dialect.AppendLiteral(b, v, false, false)
}

// TruncateStatements returns TRUNCATE with RESTART IDENTITY and CASCADE.
func (*Dialect) TruncateStatements(table, _ string, cascade, restartIdentity bool) ([]string, []any, error) {
	s := "TRUNCATE " + table
	if restartIdentity {
		s += " RESTART IDENTITY"
	}
	if cascade {
		s += " CASCADE"
	}
	return []string{s}, nil, nil
}

// DropForeignKeySQL drops a foreign key constraint by name, as Sequelize
// does before dropping tables that reference each other.
func (d *Dialect) DropForeignKeySQL(schema, table, name string) (string, error) {
	b := []byte("ALTER TABLE ")
	if schema != "" {
		b = append(d.QuoteIdentifier(b, schema), '.')
	}
	b = d.QuoteIdentifier(b, table)
	b = append(b, " DROP CONSTRAINT "...)
	b = d.QuoteIdentifier(b, name)
	return string(append(b, ';')), nil
}

// EnumValuesSQL lists the labels of a named ENUM type (quoted and
// schema-qualified), in order, in the column "label"; no rows when the type
// does not exist.
func (*Dialect) EnumValuesSQL(enumType string) (string, []any) {
	return `SELECT e.enumlabel AS "label" FROM pg_enum e WHERE e.enumtypid = to_regtype($1) ORDER BY e.enumsortorder`, []any{enumType}
}

// AddEnumValueSQL adds value to a named ENUM type, BEFORE or AFTER an
// existing label as Sequelize's ensureEnums places it.
func (d *Dialect) AddEnumValueSQL(enumType, value, before, after string) (string, error) {
	b := []byte("ALTER TYPE " + enumType + " ADD VALUE ")
	b, err := d.Literal(b, value)
	if err != nil {
		return "", err
	}
	switch {
	case after != "":
		b = append(b, " AFTER "...)
		b, err = d.Literal(b, after)
	case before != "":
		b = append(b, " BEFORE "...)
		b, err = d.Literal(b, before)
	}
	return string(b), err
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

// RemoveConstraintSQL returns ALTER TABLE ... DROP CONSTRAINT.
func (d *Dialect) RemoveConstraintSQL(schema, table, name, _ string) (string, error) {
	return "ALTER TABLE " + d.qualified(schema, table) + " DROP CONSTRAINT " + string(d.QuoteIdentifier(nil, name)) + ";", nil
}

// DropAllTablesSQL drops every table with CASCADE.
func (d *Dialect) DropAllTablesSQL(tables []string) []string {
	out := make([]string, len(tables))
	for i, t := range tables {
		out[i] = "DROP TABLE IF EXISTS " + string(d.QuoteIdentifier(nil, t)) + " CASCADE;"
	}
	return out
}

// UpsertCreatedSQL is the RETURNING expression that tells an upsert's
// insert from its update: a row inserted by this transaction has xmax 0.
func (*Dialect) UpsertCreatedSQL() string { return "(xmax = 0)" }
