package sequelize

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"time"

	"github.com/gosequelize/sequelize/dialect"
	"github.com/gosequelize/sequelize/internal/sqlparams"
)

// QueryType tells Query what a statement is and so what it returns
// (Sequelize's QueryTypes).
type QueryType int

// The query types. The zero value, QueryTypeDefault, means RAW, or SELECT
// when Plain or Nest is set, as in Sequelize.
const (
	QueryTypeDefault QueryType = iota
	QueryTypeSelect
	QueryTypeInsert
	QueryTypeUpdate
	QueryTypeBulkUpdate
	QueryTypeBulkDelete
	QueryTypeDelete
	QueryTypeUpsert
	QueryTypeVersion
	QueryTypeShowTables
	QueryTypeShowIndexes
	QueryTypeDescribe
	QueryTypeRaw
	QueryTypeForeignKeys
	QueryTypeShowConstraints
)

var queryTypeNames = [...]string{"", "SELECT", "INSERT", "UPDATE", "BULKUPDATE", "BULKDELETE", "DELETE",
	"UPSERT", "VERSION", "SHOWTABLES", "SHOWINDEXES", "DESCRIBE", "RAW", "FOREIGNKEYS", "SHOWCONSTRAINTS"}

// String returns Sequelize's name of the type ("SELECT", "BULKUPDATE", ...).
func (t QueryType) String() string {
	if t >= 0 && int(t) < len(queryTypeNames) {
		return queryTypeNames[t]
	}
	return fmt.Sprintf("QueryType(%d)", int(t))
}

// QueryOptions configures DB.Query and QueryAs.
type QueryOptions struct {
	// Type says what the statement is and shapes the QueryResult.
	Type QueryType
	// Replacements fills "?" (with a slice) or ":name" (with a
	// map[string]any) in the SQL. Unlike Sequelize, which escapes and
	// inlines them, they are sent as bound parameters, so they cannot
	// inject SQL; a slice value expands to a list ("IN (:ids)"), an empty
	// slice to NULL. Parameters found inside strings, quoted identifiers and
	// comments are left alone. Places where a database refuses parameters
	// (DDL) cannot take replacements.
	Replacements any
	// Bind fills "$1", "$2", ... (with a slice) or "$name" (with a map) with
	// bound parameters; "$$" is a literal "$". Replacements and Bind cannot
	// be used together.
	Bind any
	// Plain returns only the first row, in QueryResult.Row (SELECT).
	Plain bool
	// Raw is Sequelize's raw. Query has no model, so its rows are always
	// raw maps; it is accepted so that ported options compile, and changes
	// nothing.
	Raw bool
	// Nest turns keys such as "group.name" into nested maps, as
	// Sequelize's nest (implies SELECT).
	Nest bool
	// Transaction runs the statement in this transaction instead of the one
	// carried by the context, if any.
	Transaction *Tx
	// Logging overrides the DB's logger for this statement.
	Logging *slog.Logger
}

// Row is one result row, keyed by column name. Values are nil, int64,
// float64, bool, string, []byte or time.Time; DECIMAL and NUMERIC are
// strings (exact); PostgreSQL arrays are []any and its JSON is decoded.
type Row map[string]any

// QueryResult is what Query returns. Which fields are set depends on the
// QueryType:
//
//	SELECT                     Rows (Row with Plain)
//	RAW                        Rows when the statement returns rows, RowsAffected, LastInsertID
//	INSERT                     RowsAffected, LastInsertID (SQLite, MySQL), Rows with RETURNING
//	UPDATE, BULKUPDATE         RowsAffected, Rows with RETURNING
//	DELETE, BULKDELETE         RowsAffected, Rows with RETURNING
//	UPSERT                     RowsAffected, Created (MySQL, MariaDB), Rows with RETURNING
//	VERSION                    Version
//	SHOWTABLES                 Tables
//	SHOWINDEXES                Indexes
//	DESCRIBE                   Attributes
//	FOREIGNKEYS                ForeignKeys
//	SHOWCONSTRAINTS            Constraints
type QueryResult struct {
	// Type is the type the statement ran as.
	Type QueryType
	// Columns are the result's column names, in order.
	Columns []string
	// Rows are the rows returned.
	Rows []Row
	// Row is the first row with Plain, or nil when there is none.
	Row Row
	// RowsAffected is the number of rows the statement changed (or
	// returned, for statements that return rows), or -1 when unknown.
	RowsAffected int64
	// LastInsertID is the auto-increment id of an INSERT where the driver
	// reports it (SQLite, MySQL, MariaDB); HasLastInsertID tells whether it did.
	LastInsertID    int64
	HasLastInsertID bool
	// Created tells, for an UPSERT on MySQL and MariaDB, whether a row was
	// inserted (1 affected row) rather than updated (2) or left unchanged
	// (0). Nil where the database does not say (PostgreSQL and SQLite: use
	// RETURNING there, for example "RETURNING (xmax = 0) AS created").
	Created *bool
	// Version is the server version (VERSION).
	Version string
	// Tables are the table names (SHOWTABLES).
	Tables []string
	// Indexes are the indexes (SHOWINDEXES).
	Indexes []IndexDescription
	// Attributes describes the columns by name (DESCRIBE).
	Attributes map[string]ColumnDescription
	// ForeignKeys are the foreign-key references (FOREIGNKEYS).
	ForeignKeys []ForeignKeyReference
	// Constraints are the constraints (SHOWCONSTRAINTS).
	Constraints []ConstraintDescription
}

// IndexDescription describes an index (Sequelize's showIndex result).
type IndexDescription struct {
	Name       string
	Primary    bool
	Unique     bool
	Fields     []IndexField
	Type       string // the access method or MySQL index type, when reported
	Definition string // the CREATE INDEX statement, when reported (PostgreSQL)
}

// IndexField is one field of an index: in an IndexDescription, as the
// database reports it; in IndexOptions, as it is to be created.
type IndexField struct {
	// Attribute is the attribute (or column) name.
	Attribute string
	// Order is "ASC" or "DESC".
	Order string
	// Length is a prefix length (MySQL), 0 when none.
	Length int
	// Collate is the field's collation, when set.
	Collate string
	// Operator is a PostgreSQL operator class, when set.
	Operator string
}

// ColumnDescription describes a column (Sequelize's describeTable result).
type ColumnDescription struct {
	Type          string
	AllowNull     bool
	DefaultValue  any // the default as the database prints it, or nil
	PrimaryKey    bool
	AutoIncrement bool
	Comment       string
}

// ForeignKeyReference is one column of a foreign key (Sequelize's
// getForeignKeyReferencesForTable result).
type ForeignKeyReference struct {
	ConstraintName       string
	TableName            string
	ColumnName           string
	ReferencedTableName  string
	ReferencedColumnName string
	OnUpdate             string
	OnDelete             string
}

// ConstraintDescription describes a constraint (Sequelize's showConstraint result).
type ConstraintDescription struct {
	ConstraintName      string
	ConstraintType      string // "PRIMARY KEY", "UNIQUE", "FOREIGN KEY", "CHECK"
	TableName           string
	Columns             []string
	ReferencedTableName string
	ReferencedColumns   []string
	OnUpdate            string
	OnDelete            string
}

// Query runs a raw SQL statement (Sequelize's sequelize.query). The
// statement runs in the transaction carried by ctx or named in
// opts.Transaction, else on a pooled connection. See QueryResult for what
// each QueryType returns and QueryAs to scan rows into structs. Query takes
// at most one QueryOptions.
func (db *DB) Query(ctx context.Context, query string, opts ...QueryOptions) (*QueryResult, error) {
	o, err := oneOption(opts)
	if err != nil {
		return nil, err
	}
	q, args, err := db.prepare(query, o)
	if err != nil {
		return nil, err
	}
	return db.run(ctx, q, args, o)
}

// run executes a statement whose placeholders are already the dialect's.
func (db *DB) run(ctx context.Context, q string, args []any, o QueryOptions) (*QueryResult, error) {
	typ := o.effectiveType()
	res := &QueryResult{Type: typ, RowsAffected: -1}
	err := db.withConn(ctx, o.Transaction, modeFor(typ), q, args, func(c dialect.Conn, tx *Tx) error {
		start := time.Now()
		if !returnsRows(typ, q, db.syntax) {
			r, err := c.Exec(ctx, q, args)
			db.log(ctx, o.Logging, q, args, tx, time.Since(start))
			if err != nil {
				return err
			}
			res.RowsAffected, res.LastInsertID, res.HasLastInsertID = r.RowsAffected, r.LastInsertID, r.HasLastInsertID
			return nil
		}
		rows, err := c.Query(ctx, q, args)
		if err != nil {
			db.log(ctx, o.Logging, q, args, tx, time.Since(start))
			return err
		}
		defer rows.Close()
		res.Columns = rows.Columns()
		for rows.Next() {
			vals, err := rows.Values()
			if err != nil {
				return err
			}
			row := make(Row, len(vals))
			for i, v := range vals {
				row[res.Columns[i]] = v
			}
			res.Rows = append(res.Rows, row)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		err = rows.Close()
		db.log(ctx, o.Logging, q, args, tx, time.Since(start))
		if n := rows.RowsAffected(); n >= 0 {
			res.RowsAffected = n
		} else {
			res.RowsAffected = int64(len(res.Rows))
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return res, db.shape(res, o)
}

func (o QueryOptions) effectiveType() QueryType {
	if o.Type != QueryTypeDefault {
		return o.Type
	}
	if o.Plain || o.Nest {
		return QueryTypeSelect
	}
	return QueryTypeRaw
}

// shape fills the type-specific fields of res.
func (db *DB) shape(res *QueryResult, o QueryOptions) error {
	if o.Nest {
		for i, r := range res.Rows {
			res.Rows[i] = nest(r)
		}
	}
	switch res.Type {
	case QueryTypeSelect:
		if o.Plain && len(res.Rows) > 0 {
			res.Row = res.Rows[0]
		}
	case QueryTypeUpsert:
		if db.dialect.Features().Has(dialect.UpsertAffectedRows) && res.RowsAffected >= 0 {
			created := res.RowsAffected == 1
			res.Created = &created
		}
	case QueryTypeVersion:
		if len(res.Rows) > 0 && len(res.Columns) > 0 {
			res.Version = toString(res.Rows[0][res.Columns[0]])
		}
	case QueryTypeShowTables:
		res.Tables = formatTables(res)
	case QueryTypeShowIndexes:
		res.Indexes = formatIndexes(res.Rows)
	case QueryTypeDescribe:
		if len(res.Rows) == 0 {
			return &DatabaseError{BaseError: newBase("SequelizeDatabaseError", "no description found: the table does not exist or has no columns", nil)}
		}
		res.Attributes = formatDescribe(res.Rows)
	case QueryTypeForeignKeys:
		res.ForeignKeys = formatForeignKeys(res.Rows)
	case QueryTypeShowConstraints:
		res.Constraints = formatConstraints(res.Rows)
	}
	return nil
}

// prepare rewrites replacements or bind parameters into the dialect's
// placeholders.
func (db *DB) prepare(query string, o QueryOptions) (string, []any, error) {
	if o.Replacements != nil && o.Bind != nil {
		return "", nil, errors.New("sequelize: Replacements and Bind cannot be used together")
	}
	syn := sqlparams.Syntax(db.syntax)
	switch {
	case o.Replacements != nil:
		pos, named, err := paramsOf("Replacements", o.Replacements)
		if err != nil {
			return "", nil, err
		}
		return sqlparams.Replace(query, pos, named, syn)
	case o.Bind != nil:
		pos, named, err := paramsOf("Bind", o.Bind)
		if err != nil {
			return "", nil, err
		}
		return sqlparams.Bind(query, pos, named, syn)
	}
	return query, nil, nil
}

// paramsOf splits a Replacements or Bind value into its positional or
// named form.
func paramsOf(what string, v any) ([]any, map[string]any, error) {
	switch t := v.(type) {
	case []any:
		return t, nil, nil
	case map[string]any:
		return nil, t, nil
	case Row:
		return nil, t, nil
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		if rv.Type().Elem().Kind() != reflect.Uint8 {
			out := make([]any, rv.Len())
			for i := range out {
				out[i] = rv.Index(i).Interface()
			}
			return out, nil, nil
		}
	case reflect.Map:
		if rv.Type().Key().Kind() == reflect.String {
			out := make(map[string]any, rv.Len())
			for it := rv.MapRange(); it.Next(); {
				out[it.Key().String()] = it.Value().Interface()
			}
			return nil, out, nil
		}
	}
	return nil, nil, fmt.Errorf("sequelize: %s must be a slice (positional) or a map with string keys (named), not %T", what, v)
}

func modeFor(t QueryType) dialect.AcquireMode {
	switch t {
	case QueryTypeSelect, QueryTypeVersion, QueryTypeShowTables, QueryTypeShowIndexes,
		QueryTypeDescribe, QueryTypeForeignKeys, QueryTypeShowConstraints:
		return dialect.AcquireRead
	}
	return dialect.AcquireWrite
}

// withConn runs fn on the connection of the statement's transaction, or on
// a pooled connection taken for it, and classifies the error.
func (db *DB) withConn(ctx context.Context, explicit *Tx, mode dialect.AcquireMode, query string, args []any, fn func(c dialect.Conn, tx *Tx) error) error {
	if db.closed.Load() {
		return ErrClosed
	}
	// Statements the query hooks run do not fire them again. They run
	// outside the statement's transaction lock, so they may use it.
	return db.aroundQuery(ctx, ctx, query, args, func() error {
		return db.runOnConn(ctx, explicit, mode, query, args, fn)
	})
}

type queryHookKey struct{}

// aroundQuery runs the statement run between the BeforeQuery and
// AfterQuery hooks, which get hctx.
func (db *DB) aroundQuery(ctx, hctx context.Context, query string, args []any, run func() error) error {
	// One load of the hook table: the fast path when no query hooks
	// exist, and the same hooks before and after the statement.
	tab := db.hooks.load()
	if tab == nil || !tab.query || ctx.Value(queryHookKey{}) != nil || hooksOff(ctx) {
		return run()
	}
	hctx = context.WithValue(hctx, queryHookKey{}, true)
	if err := tab.fireQuery(hctx, BeforeQuery, query, args, nil); err != nil {
		return err
	}
	err := run()
	if herr := tab.fireQuery(hctx, AfterQuery, query, args, err); herr != nil && err == nil {
		return herr
	}
	return err
}

func (tab *hookTable) fireQuery(ctx context.Context, t HookType, query string, args []any, err error) error {
	for _, h := range tab.get(t) {
		if herr := h.fn.(GlobalHook)(ctx, &GlobalHookEvent{Type: t, SQL: query, Args: args, Err: err}); herr != nil {
			return herr
		}
	}
	return nil
}

func (db *DB) runOnConn(ctx context.Context, explicit *Tx, mode dialect.AcquireMode, query string, args []any, fn func(c dialect.Conn, tx *Tx) error) error {
	tx, err := db.txFor(ctx, explicit)
	if err != nil {
		return err
	}
	if tx != nil {
		tx.mu.Lock()
		defer tx.mu.Unlock()
		if s := tx.finishedLocked(); s != "" {
			return &txDoneError{state: s, sql: query}
		}
		return db.classify(ctx, fn(tx.conn, tx), query, args)
	}
	c, err := db.acquire(ctx, mode)
	if err != nil {
		return err
	}
	defer c.Release(nil)
	return db.classify(ctx, fn(c, nil), query, args)
}

// returnsRows decides between Query and Exec for a statement.
func returnsRows(t QueryType, query string, syn dialect.Syntax) bool {
	switch t {
	case QueryTypeSelect, QueryTypeVersion, QueryTypeShowTables, QueryTypeShowIndexes,
		QueryTypeDescribe, QueryTypeForeignKeys, QueryTypeShowConstraints:
		return true
	}
	first := true
	rows := false
	scanWords(query, syn, func(w string) bool {
		if first {
			first = false
			switch strings.ToUpper(w) {
			case "SELECT", "WITH", "PRAGMA", "SHOW", "DESCRIBE", "DESC", "EXPLAIN", "VALUES", "TABLE":
				rows = true
				return false
			}
		}
		if strings.EqualFold(w, "RETURNING") {
			rows = true
			return false
		}
		return true
	})
	return rows
}

// scanWords calls fn for each bare word of query outside strings, quoted
// identifiers and comments, until fn returns false.
func scanWords(q string, syn dialect.Syntax, fn func(string) bool) {
	isWord := func(c byte) bool {
		return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
	}
	skipQuoted := func(i int, quote byte, backslash bool) int {
		for i++; i < len(q); i++ {
			switch {
			case backslash && q[i] == '\\':
				i++
			case q[i] == quote:
				if i+1 < len(q) && q[i+1] == quote {
					i++
					continue
				}
				return i + 1
			}
		}
		return len(q)
	}
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == '\'':
			i = skipQuoted(i, '\'', syn.BackslashEscapes)
		case c == '"':
			i = skipQuoted(i, '"', syn.BackslashEscapes && syn.DoubleQuotedStrings)
		case c == '`' && syn.BacktickIdentifiers:
			i = skipQuoted(i, '`', false)
		case c == '-' && i+1 < len(q) && q[i+1] == '-', c == '#' && syn.HashComments:
			for i < len(q) && q[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(q) && q[i+1] == '*':
			if j := strings.Index(q[i+2:], "*/"); j >= 0 {
				i += j + 4
			} else {
				i = len(q)
			}
		case isWord(c):
			j := i
			for j < len(q) && isWord(q[j]) {
				j++
			}
			if !fn(q[i:j]) {
				return
			}
			i = j
		default:
			i++
		}
	}
}

// nest turns "a.b" keys into nested maps.
func nest(r Row) Row {
	out := make(Row, len(r))
	for k, v := range r {
		if !strings.Contains(k, ".") {
			out[k] = v
			continue
		}
		parts := strings.Split(k, ".")
		m := map[string]any(out)
		for _, p := range parts[:len(parts)-1] {
			next, ok := m[p].(map[string]any)
			if !ok {
				next = map[string]any{}
				m[p] = next
			}
			m = next
		}
		m[parts[len(parts)-1]] = v
	}
	return out
}
