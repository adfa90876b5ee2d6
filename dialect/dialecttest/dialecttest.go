// Package dialecttest is the conformance suite every dialect package runs
// against a live database:
//
//	func TestConformance(t *testing.T) { dialecttest.Run(t, testdb.Postgres) }
//
// It checks connecting by every URI form, each QueryType, replacements and
// bind parameters with hostile strings, the error classes (triggered for
// real), the pool and transactions. Expectations that differ by database
// are keyed by the dialect's name.
package dialecttest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/dialect"
	"github.com/gosequelize/sequelize/internal/testdb"
)

// Run runs the whole suite on tg. The dialect's package must be imported
// (registered) by the caller.
func Run(t *testing.T, tg testdb.Target) {
	tests := []struct {
		name string
		fn   func(t *testing.T, tg testdb.Target)
	}{
		{"Connect", testConnect},
		{"QueryTypes", testQueryTypes},
		{"Introspection", testIntrospection},
		{"HostileParameters", testHostileParameters},
		{"ParameterErrors", testParameterErrors},
		{"QueryAs", testQueryAs},
		{"UniqueConstraintError", testUniqueError},
		{"ForeignKeyConstraintError", testForeignKeyError},
		{"Cancel", testCancel},
		{"ConnectionErrors", testConnectionErrors},
		{"AcquireTimeout", testAcquireTimeout},
		{"Logging", testLogging},
		{"Transactions", testTransactions},
		{"Savepoints", testSavepoints},
		{"Isolation", testIsolation},
		{"ReadOnly", testReadOnly},
		{"ConcurrentWrites", testConcurrentWrites},
		{"Close", testClose},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.fn(t, tg)
		})
	}
}

// must returns v, or panics on a setup failure (which aborts the test run
// with the error and its location).
func must[T any](v T, err error) T {
	if err != nil {
		panic(fmt.Sprintf("dialecttest: setup failed: %v", err))
	}
	return v
}

func exec(t testing.TB, db *sequelize.DB, sql string, opts ...sequelize.QueryOptions) *sequelize.QueryResult {
	t.Helper()
	res, err := db.Query(context.Background(), sql, opts...)
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return res
}

func q(db *sequelize.DB, name string) string { return string(db.Dialect().QuoteIdentifier(nil, name)) }

// autoPK is an auto-increment integer primary key column definition.
func autoPK(db *sequelize.DB) string {
	switch db.Dialect().Name() {
	case "postgres":
		return "id SERIAL PRIMARY KEY"
	case "sqlite":
		return "id INTEGER PRIMARY KEY AUTOINCREMENT"
	}
	return "id INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY"
}

func count(t testing.TB, db *sequelize.DB, ctx context.Context, table string) int64 {
	t.Helper()
	rows, err := sequelize.QueryAs[int64](ctx, db, "SELECT COUNT(*) FROM "+table)
	if err != nil {
		t.Fatal(err)
	}
	return rows[0]
}

func testConnect(t *testing.T, tg testdb.Target) {
	ctx := context.Background()
	if tg.Env == "" {
		dir := t.TempDir()
		wd, _ := os.Getwd()
		rel, err := filepath.Rel(wd, dir)
		if err != nil || filepath.IsAbs(rel) {
			t.Fatalf("no relative path to %s: %v", dir, err)
		}
		for _, uri := range []string{
			"sqlite::memory:",
			"sqlite:" + filepath.ToSlash(filepath.Join(rel, "rel", "dir", "app.db")),
			"sqlite:" + filepath.Join(dir, "abs.db"),
			"sqlite://" + filepath.Join(dir, "abs2.db"),
		} {
			db, err := sequelize.Open(ctx, uri)
			if err != nil {
				t.Fatalf("%s: %v", uri, err)
			}
			if err := db.Authenticate(ctx); err != nil {
				t.Fatalf("%s: %v", uri, err)
			}
			if n := db.Dialect().Name(); n != "sqlite" {
				t.Errorf("%s: dialect %q", uri, n)
			}
			exec(t, db, "CREATE TABLE t (x INTEGER)")
			exec(t, db, "INSERT INTO t VALUES (1)")
			db.Close()
		}
		if _, err := os.Stat(filepath.Join(dir, "rel", "dir", "app.db")); err != nil {
			t.Errorf("relative storage not created under the working directory: %v", err)
		}
		// Foreign keys are on for every connection.
		db := must(sequelize.Open(ctx, "sqlite::memory:"))
		defer db.Close()
		fk := must(sequelize.QueryAs[int64](ctx, db, "PRAGMA foreign_keys"))
		if fk[0] != 1 {
			t.Errorf("PRAGMA foreign_keys = %d, want 1", fk[0])
		}
		// One in-memory database, whatever connection reads it.
		exec(t, db, "CREATE TABLE shared (x INTEGER)")
		exec(t, db, "INSERT INTO shared VALUES (7)")
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				if n := count(t, db, ctx, "shared"); n != 1 {
					t.Errorf("a goroutine sees %d rows in the in-memory database, want 1", n)
				}
			})
		}
		wg.Wait()
		// A second in-memory DB is a different database.
		db2 := must(sequelize.Open(ctx, "sqlite::memory:"))
		defer db2.Close()
		if _, err := db2.Query(ctx, "SELECT * FROM shared"); err == nil {
			t.Error("a second sqlite::memory: DB sees the first one's table")
		}
		if _, err := sequelize.Open(ctx, "sqlite::memory:", sequelize.Options{Timezone: "+02:00"}); err == nil {
			t.Error("SQLite accepted a non-UTC Timezone")
		}
		return
	}

	server := tg.ServerURI(t)
	admin := must(sequelize.Open(ctx, server))
	defer admin.Close()
	name := admin.Dialect().Name()

	// A user whose password holds every awkward character.
	user := fmt.Sprintf("u_%d", time.Now().UnixNano()%1e9)
	password := `p@ss:w/rd?#%&='"\ ü`
	switch name {
	case "postgres":
		exec(t, admin, "CREATE ROLE "+user+" LOGIN PASSWORD '"+strings.ReplaceAll(password, "'", "''")+"'")
		defer admin.Query(ctx, "DROP ROLE "+user)
	default:
		lit := strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(password)
		exec(t, admin, "CREATE USER '"+user+"'@'%' IDENTIFIED BY '"+lit+"'")
		exec(t, admin, "GRANT SELECT ON *.* TO '"+user+"'@'%'")
		defer admin.Query(ctx, "DROP USER '"+user+"'@'%'")
	}
	withUser := testdb.WithURI(t, server, func(u *url.URL) { u.User = url.UserPassword(user, password) })

	var schemes []string
	var param, check, want string
	switch name {
	case "postgres":
		schemes = []string{"postgres", "postgresql"}
		param, check, want = "application_name=seq_conformance", "SHOW application_name", "seq_conformance"
	default:
		schemes = []string{"mysql", "mariadb"}
		param, check, want = "wait_timeout=4321", "SELECT @@session.wait_timeout", "4321"
	}
	for _, scheme := range schemes {
		uri := testdb.WithURI(t, withUser, func(u *url.URL) { u.Scheme = scheme; u.RawQuery = param })
		db, err := sequelize.Open(ctx, uri)
		if err != nil {
			t.Fatalf("open %s: %v", scheme, err)
		}
		if err := db.Authenticate(ctx); err != nil {
			t.Fatalf("%s with an escaped password: %v", scheme, err)
		}
		res := exec(t, db, check, sequelize.QueryOptions{Type: sequelize.QueryTypeSelect, Plain: true})
		for _, v := range res.Row {
			if fmt.Sprint(v) != want {
				t.Errorf("%s: the URI parameter did not reach the driver: %s = %v, want %s", scheme, check, v, want)
			}
		}
		wantName := map[string]string{"postgres": "postgres", "postgresql": "postgres", "mysql": "mysql", "mariadb": "mariadb"}[scheme]
		if got := db.Dialect().Name(); got != wantName {
			t.Errorf("%s:// gives dialect %q, want %q", scheme, got, wantName)
		}
		v, err := db.DatabaseVersion(ctx)
		if err != nil || v == "" {
			t.Errorf("DatabaseVersion = %q, %v", v, err)
		}
		db.Close()
	}

	// DialectOptions reach the driver too.
	opt := map[string]string{"application_name": "via_options"}
	if name != "postgres" {
		opt = map[string]string{"wait_timeout": "1234"}
	}
	db := must(sequelize.Open(ctx, server, sequelize.Options{DialectOptions: opt}))
	defer db.Close()
	res := exec(t, db, check, sequelize.QueryOptions{Plain: true})
	for _, v := range res.Row {
		if s := fmt.Sprint(v); s != "via_options" && s != "1234" {
			t.Errorf("DialectOptions did not reach the driver: %v", s)
		}
	}

	// The session time zone is UTC by default and follows Options.Timezone.
	tzq := "SELECT @@session.time_zone"
	if name == "postgres" {
		tzq = "SELECT to_char(TIMESTAMPTZ '2020-01-01 12:00:00+00', 'HH24:MI')"
	}
	for tz, wantTZ := range map[string]string{"": "+00:00", "+05:30": "+05:30"} {
		db := must(sequelize.Open(ctx, server, sequelize.Options{Timezone: tz}))
		got := must(sequelize.QueryAs[string](ctx, db, tzq))[0]
		if name == "postgres" {
			wantTZ = map[string]string{"+00:00": "12:00", "+05:30": "17:30"}[wantTZ]
		}
		if got != wantTZ {
			t.Errorf("Timezone %q: session shows %q, want %q", tz, got, wantTZ)
		}
		db.Close()
	}
}

func testQueryTypes(t *testing.T, tg testdb.Target) {
	ctx := context.Background()
	db := tg.Open(t)
	name := db.Dialect().Name()
	exec(t, db, "CREATE TABLE items ("+autoPK(db)+", name VARCHAR(50) NOT NULL UNIQUE, qty INTEGER, price DECIMAL(10,2))")

	// INSERT: affected count, and the id where the driver reports it.
	ins := exec(t, db, "INSERT INTO items (name, qty, price) VALUES (?, ?, ?)",
		sequelize.QueryOptions{Type: sequelize.QueryTypeInsert, Replacements: []any{"apple", 3, "1.10"}})
	if ins.RowsAffected != 1 {
		t.Errorf("INSERT RowsAffected = %d", ins.RowsAffected)
	}
	if name != "postgres" && (!ins.HasLastInsertID || ins.LastInsertID != 1) {
		t.Errorf("INSERT LastInsertID = %d (%v), want 1", ins.LastInsertID, ins.HasLastInsertID)
	}
	exec(t, db, "INSERT INTO items (name, qty, price) VALUES ('pear', 5, 2.50), ('plum', NULL, 0.99)", sequelize.QueryOptions{Type: sequelize.QueryTypeInsert})

	// SELECT: rows as maps with normalized values; DECIMAL stays exact.
	sel := exec(t, db, "SELECT id, name, qty, price FROM items ORDER BY id", sequelize.QueryOptions{Type: sequelize.QueryTypeSelect})
	if len(sel.Rows) != 3 || !reflect.DeepEqual(sel.Columns, []string{"id", "name", "qty", "price"}) {
		t.Fatalf("SELECT = %v %v", sel.Columns, sel.Rows)
	}
	r0 := sel.Rows[0]
	if r0["id"] != int64(1) || r0["name"] != "apple" || r0["qty"] != int64(3) {
		t.Errorf("row 0 = %#v", r0)
	}
	if p := fmt.Sprint(r0["price"]); p != "1.10" && p != "1.1" {
		t.Errorf("DECIMAL price = %#v", r0["price"])
	}
	if sel.Rows[2]["qty"] != nil {
		t.Errorf("NULL qty = %#v", sel.Rows[2]["qty"])
	}

	// Plain: the first row, or nil.
	plain := exec(t, db, "SELECT name FROM items WHERE name = :n", sequelize.QueryOptions{Plain: true, Replacements: map[string]any{"n": "pear"}})
	if plain.Type != sequelize.QueryTypeSelect || plain.Row["name"] != "pear" {
		t.Errorf("Plain = %v %v", plain.Type, plain.Row)
	}
	none := exec(t, db, "SELECT name FROM items WHERE name = 'none'", sequelize.QueryOptions{Plain: true})
	if none.Row != nil {
		t.Errorf("Plain with no rows = %v, want nil", none.Row)
	}

	// Nest.
	nested := exec(t, db, "SELECT name AS "+q(db, "fruit.name")+", qty AS "+q(db, "fruit.qty")+" FROM items WHERE id = 1", sequelize.QueryOptions{Nest: true})
	if f, ok := nested.Rows[0]["fruit"].(map[string]any); !ok || f["name"] != "apple" {
		t.Errorf("Nest = %#v", nested.Rows[0])
	}

	// UPDATE and BULKUPDATE: affected counts.
	up := exec(t, db, "UPDATE items SET qty = qty + 1 WHERE qty IS NOT NULL", sequelize.QueryOptions{Type: sequelize.QueryTypeBulkUpdate})
	if up.RowsAffected != 2 {
		t.Errorf("BULKUPDATE RowsAffected = %d, want 2", up.RowsAffected)
	}
	up1 := exec(t, db, "UPDATE items SET qty = 10 WHERE id = $1", sequelize.QueryOptions{Type: sequelize.QueryTypeUpdate, Bind: []any{1}})
	if up1.RowsAffected != 1 {
		t.Errorf("UPDATE RowsAffected = %d", up1.RowsAffected)
	}

	// RETURNING where the database has it.
	if name == "postgres" || name == "sqlite" {
		ret := exec(t, db, "UPDATE items SET qty = 11 WHERE id = $id RETURNING id, qty", sequelize.QueryOptions{Type: sequelize.QueryTypeUpdate, Bind: map[string]any{"id": 1}})
		if len(ret.Rows) != 1 || ret.Rows[0]["qty"] != int64(11) || ret.RowsAffected != 1 {
			t.Errorf("UPDATE RETURNING = %v (%d)", ret.Rows, ret.RowsAffected)
		}
		ri := exec(t, db, "INSERT INTO items (name) VALUES ('kiwi') RETURNING id", sequelize.QueryOptions{Type: sequelize.QueryTypeInsert})
		if len(ri.Rows) != 1 || ri.Rows[0]["id"] != int64(4) {
			t.Errorf("INSERT RETURNING = %v", ri.Rows)
		}
		exec(t, db, "DELETE FROM items WHERE name = 'kiwi'")
	}

	// UPSERT.
	var upsert string
	switch name {
	case "postgres", "sqlite":
		upsert = "INSERT INTO items (name, qty) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET qty = excluded.qty"
	default:
		upsert = "INSERT INTO items (name, qty) VALUES (?, ?) ON DUPLICATE KEY UPDATE qty = VALUES(qty)"
	}
	u1 := exec(t, db, upsert, sequelize.QueryOptions{Type: sequelize.QueryTypeUpsert, Replacements: []any{"fig", 1}})
	u2 := exec(t, db, upsert, sequelize.QueryOptions{Type: sequelize.QueryTypeUpsert, Replacements: []any{"fig", 2}})
	if testdb.IsMySQLFamily(name) {
		if u1.Created == nil || !*u1.Created || u2.Created == nil || *u2.Created {
			t.Errorf("UPSERT Created = %v, %v; want true, false", u1.Created, u2.Created)
		}
	} else if u1.Created != nil {
		t.Errorf("UPSERT Created = %v where the database does not say", *u1.Created)
	}
	if n := must(sequelize.QueryAs[int64](ctx, db, "SELECT qty FROM items WHERE name = 'fig'")); n[0] != 2 {
		t.Errorf("after UPSERT qty = %d, want 2", n[0])
	}

	// DELETE and BULKDELETE.
	d := exec(t, db, "DELETE FROM items WHERE name = ?", sequelize.QueryOptions{Type: sequelize.QueryTypeDelete, Replacements: []any{"fig"}})
	if d.RowsAffected != 1 {
		t.Errorf("DELETE RowsAffected = %d", d.RowsAffected)
	}
	bd := exec(t, db, "DELETE FROM items WHERE id IN (:ids)", sequelize.QueryOptions{Type: sequelize.QueryTypeBulkDelete, Replacements: map[string]any{"ids": []int{2, 3, 99}}})
	if bd.RowsAffected != 2 {
		t.Errorf("BULKDELETE RowsAffected = %d, want 2", bd.RowsAffected)
	}

	// VERSION.
	v := exec(t, db, db.Dialect().VersionQuery(), sequelize.QueryOptions{Type: sequelize.QueryTypeVersion})
	if v.Version == "" || v.Version[0] < '0' || v.Version[0] > '9' {
		t.Errorf("VERSION = %q", v.Version)
	}

	// RAW: DDL runs; a SELECT typed RAW returns rows.
	raw := exec(t, db, "CREATE TABLE raw_t (x INTEGER)", sequelize.QueryOptions{Type: sequelize.QueryTypeRaw})
	if raw.Rows != nil {
		t.Errorf("RAW DDL rows = %v", raw.Rows)
	}
	rawSel := exec(t, db, "SELECT 1 AS one")
	if rawSel.Type != sequelize.QueryTypeRaw || len(rawSel.Rows) != 1 || rawSel.Rows[0]["one"] != int64(1) {
		t.Errorf("RAW SELECT = %v %v", rawSel.Type, rawSel.Rows)
	}
}

func testIntrospection(t *testing.T, tg testdb.Target) {
	ctx := context.Background()
	db := tg.Open(t)
	d := db.Dialect()
	exec(t, db, "CREATE TABLE parents ("+autoPK(db)+", code VARCHAR(10) NOT NULL, note VARCHAR(20) DEFAULT 'hi', CONSTRAINT parents_code_uk UNIQUE (code))")
	exec(t, db, "CREATE TABLE children ("+autoPK(db)+", parent_id INTEGER NOT NULL, label VARCHAR(30), "+
		"CONSTRAINT children_parent_fk FOREIGN KEY (parent_id) REFERENCES parents (id) ON DELETE CASCADE ON UPDATE CASCADE)")
	exec(t, db, "CREATE INDEX children_label ON children (label)")

	run := func(kind sequelize.QueryType, ik int, table string) *sequelize.QueryResult {
		sql, args := d.Introspection(introspectionKinds[ik], "", table)
		res, err := db.Query(ctx, sql, sequelize.QueryOptions{Type: kind, Bind: bindOf(args)})
		if err != nil {
			t.Fatalf("%v: %v", kind, err)
		}
		return res
	}

	tables := run(sequelize.QueryTypeShowTables, 0, "").Tables
	if !reflect.DeepEqual(tables, []string{"children", "parents"}) {
		t.Errorf("SHOWTABLES = %v", tables)
	}

	idx := run(sequelize.QueryTypeShowIndexes, 1, "children").Indexes
	var label *sequelize.IndexDescription
	for i := range idx {
		if idx[i].Name == "children_label" {
			label = &idx[i]
		}
	}
	if label == nil || label.Unique || len(label.Fields) != 1 || label.Fields[0].Attribute != "label" || label.Fields[0].Order != "ASC" {
		t.Errorf("SHOWINDEXES = %+v", idx)
	}
	pidx := run(sequelize.QueryTypeShowIndexes, 1, "parents").Indexes
	foundUnique := false
	for _, ix := range pidx {
		if ix.Unique && len(ix.Fields) == 1 && ix.Fields[0].Attribute == "code" {
			foundUnique = true
		}
	}
	if !foundUnique {
		t.Errorf("SHOWINDEXES parents has no unique index on code: %+v", pidx)
	}

	desc := run(sequelize.QueryTypeDescribe, 2, "parents").Attributes
	id, code, note := desc["id"], desc["code"], desc["note"]
	if !id.PrimaryKey || !id.AutoIncrement || id.AllowNull {
		t.Errorf("DESCRIBE id = %+v", id)
	}
	if code.AllowNull || code.PrimaryKey || !strings.HasPrefix(code.Type, "VARCHAR(10)") && code.Type != "CHARACTER VARYING(10)" {
		t.Errorf("DESCRIBE code = %+v", code)
	}
	if !note.AllowNull || !strings.Contains(fmt.Sprint(note.DefaultValue), "hi") {
		t.Errorf("DESCRIBE note = %+v", note)
	}
	if len(desc) != 3 {
		t.Errorf("DESCRIBE has %d columns: %v", len(desc), desc)
	}
	sql, args := d.Introspection(introspectionKinds[2], "", "missing_table")
	if _, err := db.Query(ctx, sql, sequelize.QueryOptions{Type: sequelize.QueryTypeDescribe, Bind: bindOf(args)}); err == nil {
		t.Error("DESCRIBE of a missing table did not fail")
	}

	fks := run(sequelize.QueryTypeForeignKeys, 3, "children").ForeignKeys
	if len(fks) != 1 || fks[0].ColumnName != "parent_id" || fks[0].ReferencedTableName != "parents" ||
		fks[0].ReferencedColumnName != "id" || fks[0].OnDelete != "CASCADE" || fks[0].OnUpdate != "CASCADE" || fks[0].TableName != "children" {
		t.Errorf("FOREIGNKEYS = %+v", fks)
	}
	if d.Name() != "sqlite" && fks[0].ConstraintName != "children_parent_fk" {
		t.Errorf("FOREIGNKEYS constraint name = %q", fks[0].ConstraintName)
	}

	cons := run(sequelize.QueryTypeShowConstraints, 4, "parents").Constraints
	types := map[string][]string{}
	for _, c := range cons {
		types[c.ConstraintType] = append(types[c.ConstraintType], strings.Join(c.Columns, ","))
	}
	if !reflect.DeepEqual(types["PRIMARY KEY"], []string{"id"}) || !reflect.DeepEqual(types["UNIQUE"], []string{"code"}) {
		t.Errorf("SHOWCONSTRAINTS parents = %+v", cons)
	}
	ccons := run(sequelize.QueryTypeShowConstraints, 4, "children").Constraints
	var fk *sequelize.ConstraintDescription
	for i := range ccons {
		if ccons[i].ConstraintType == "FOREIGN KEY" {
			fk = &ccons[i]
		}
	}
	if fk == nil || fk.ReferencedTableName != "parents" || !reflect.DeepEqual(fk.Columns, []string{"parent_id"}) || fk.OnDelete != "CASCADE" {
		t.Errorf("SHOWCONSTRAINTS children = %+v", ccons)
	}
}

var introspectionKinds = []dialect.IntrospectionKind{dialect.ShowTables, dialect.ShowIndexes, dialect.Describe, dialect.ForeignKeys, dialect.ShowConstraints}

func bindOf(args []any) any {
	if args == nil {
		return nil
	}
	return args
}

// hostile are strings that break naive escaping, placeholder scanning or
// encodings. Each must round-trip unchanged and inject nothing.
var hostile = []string{
	`'`, `''`, `\`, `\'`, `\\'`, `"`, "`", `$1`, `$$`, `$tag$`, `?`, `??`, `:x`, `::int`, `:name`,
	`'; DROP TABLE victims; --`, `" OR 1=1 --`, `/* comment */`, `-- comment`, `# hash`,
	"line1\nline2\r\n\ttab", `%_[]^`, "日本語 ✓ 🚀 ü", `\x00`, `0x41`, `E'\\'`,
}

func testHostileParameters(t *testing.T, tg testdb.Target) {
	ctx := context.Background()
	db := tg.Open(t)
	exec(t, db, "CREATE TABLE victims (id INTEGER PRIMARY KEY, s TEXT)")
	for i, s := range hostile {
		// Positional replacements in, named bind out.
		exec(t, db, "INSERT INTO victims (id, s) VALUES (?, ?)", sequelize.QueryOptions{Replacements: []any{i, s}})
		got := exec(t, db, "SELECT id, s FROM victims WHERE s = $s AND id = $id", sequelize.QueryOptions{Type: sequelize.QueryTypeSelect, Bind: map[string]any{"s": s, "id": i}})
		if len(got.Rows) != 1 || got.Rows[0]["s"] != s {
			t.Errorf("%q did not round-trip through replacement and bind: %v", s, got.Rows)
		}
		// Named replacements and positional bind, echoed straight back.
		echo := exec(t, db, "SELECT :v AS v, '?:x$1' AS lit", sequelize.QueryOptions{Plain: true, Replacements: map[string]any{"v": s}})
		if echo.Row["v"] != s || echo.Row["lit"] != "?:x$1" {
			t.Errorf("named replacement %q echoed as %#v", s, echo.Row)
		}
		echo2 := exec(t, db, "SELECT $1 AS v /* $2 ? :x */", sequelize.QueryOptions{Plain: true, Bind: []any{s}})
		if echo2.Row["v"] != s {
			t.Errorf("positional bind %q echoed as %#v", s, echo2.Row)
		}
	}
	if n := count(t, db, ctx, "victims"); n != int64(len(hostile)) {
		t.Errorf("victims has %d rows, want %d", n, len(hostile))
	}
}

func testParameterErrors(t *testing.T, tg testdb.Target) {
	ctx := context.Background()
	db := tg.Open(t)
	cases := []struct {
		sql  string
		opts sequelize.QueryOptions
		want string
	}{
		{"SELECT ?, ?", sequelize.QueryOptions{Replacements: []any{1}}, "no value"},
		{"SELECT ?", sequelize.QueryOptions{Replacements: []any{1, 2}}, "only 1"},
		{"SELECT :a", sequelize.QueryOptions{Replacements: map[string]any{"b": 1}}, `":a"`},
		{"SELECT $2", sequelize.QueryOptions{Bind: []any{1}}, `"$2"`},
		{"SELECT 1", sequelize.QueryOptions{Bind: []any{1}, Replacements: []any{1}}, "together"},
		{"SELECT 1", sequelize.QueryOptions{Replacements: 42}, "must be a slice"},
	}
	for _, c := range cases {
		_, err := db.Query(ctx, c.sql, c.opts)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "sequelize: ") {
			t.Errorf("%s %+v: err = %v, want one mentioning %s", c.sql, c.opts, err, c.want)
		}
	}
}

type scanned struct {
	ID        int64
	FirstName string
	Nickname  *string
	Score     float64
	Active    bool
	Born      time.Time
	Tags      []string `sequelize:"field:tags_json"`
	Ignored   string   `sequelize:"-"`
}

func testQueryAs(t *testing.T, tg testdb.Target) {
	ctx := context.Background()
	db := tg.Open(t)
	exec(t, db, "CREATE TABLE people (id INTEGER PRIMARY KEY, first_name VARCHAR(20), nickname VARCHAR(20), score FLOAT, active BOOLEAN, born DATE, tags_json TEXT)")
	exec(t, db, "INSERT INTO people VALUES (1, 'Ann', NULL, 2.5, TRUE, '1990-05-06', '[\"a\",\"b\"]'), (2, NULL, 'bo', 0, FALSE, NULL, NULL)")
	rows, err := sequelize.QueryAs[scanned](ctx, db, "SELECT * FROM people ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	born := time.Date(1990, 5, 6, 0, 0, 0, 0, time.UTC)
	want0 := scanned{ID: 1, FirstName: "Ann", Score: 2.5, Active: true, Born: born, Tags: []string{"a", "b"}}
	if len(rows) != 2 || !reflect.DeepEqual(rows[0], want0) {
		t.Errorf("row 0 = %+v, want %+v", rows[0], want0)
	}
	if r := rows[1]; r.FirstName != "" || r.Nickname == nil || *r.Nickname != "bo" || !r.Born.IsZero() || r.Tags != nil {
		t.Errorf("row 1 (NULLs) = %+v", r)
	}
	ptrs, err := sequelize.QueryAs[*scanned](ctx, db, "SELECT id FROM people WHERE id = ?", sequelize.QueryOptions{Replacements: []any{2}})
	if err != nil || len(ptrs) != 1 || ptrs[0].ID != 2 {
		t.Errorf("QueryAs[*T] = %v, %v", ptrs, err)
	}
	maps, err := sequelize.QueryAs[map[string]any](ctx, db, "SELECT id, nickname FROM people ORDER BY id")
	if err != nil || len(maps) != 2 || maps[1]["nickname"] != "bo" {
		t.Errorf("QueryAs[map] = %v, %v", maps, err)
	}
	if _, err := sequelize.QueryAs[int64](ctx, db, "SELECT id, nickname FROM people"); err == nil {
		t.Error("QueryAs of two columns into an int64 did not fail")
	}
	if _, err := sequelize.QueryAs[int8](ctx, db, "SELECT 1000"); err == nil || !strings.Contains(err.Error(), "overflows") {
		t.Errorf("overflow into int8: %v", err)
	}
	first, err := sequelize.QueryAs[int64](ctx, db, "SELECT id FROM people ORDER BY id", sequelize.QueryOptions{Plain: true})
	if err != nil || len(first) != 1 || first[0] != 1 {
		t.Errorf("Plain QueryAs = %v, %v", first, err)
	}
}

func testUniqueError(t *testing.T, tg testdb.Target) {
	ctx := context.Background()
	db := tg.Open(t)
	exec(t, db, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, email VARCHAR(50), CONSTRAINT accounts_email_uk UNIQUE (email))")
	exec(t, db, "INSERT INTO accounts VALUES (1, 'a@b.c')")
	query := "INSERT INTO accounts VALUES (?, ?)"
	_, err := db.Query(ctx, query, sequelize.QueryOptions{Type: sequelize.QueryTypeInsert, Replacements: []any{2, "a@b.c"}})
	var uniq *sequelize.UniqueConstraintError
	if !errors.As(err, &uniq) {
		t.Fatalf("duplicate email: %T %v, want *UniqueConstraintError", err, err)
	}
	var verr *sequelize.ValidationError
	var base *sequelize.BaseError
	if !errors.As(err, &verr) || !errors.As(err, &base) || base.Name != "SequelizeUniqueConstraintError" {
		t.Errorf("UniqueConstraintError is not a ValidationError and BaseError: %v %v", verr, base)
	}
	if !strings.HasPrefix(err.Error(), "sequelize: ") || uniq.SQL == "" || uniq.Parent == nil || errors.Unwrap(err) == nil && base.Unwrap() == nil {
		t.Errorf("error lost its SQL or driver error: %q sql=%q parent=%v", err, uniq.SQL, uniq.Parent)
	}
	switch db.Dialect().Name() {
	case "postgres":
		if uniq.Fields["email"] != "a@b.c" || uniq.Constraint != "accounts_email_uk" || uniq.Table != "accounts" {
			t.Errorf("postgres Fields = %v constraint %q table %q", uniq.Fields, uniq.Constraint, uniq.Table)
		}
	case "sqlite":
		if _, ok := uniq.Fields["email"]; !ok || uniq.Table != "accounts" {
			t.Errorf("sqlite Fields = %v table %q", uniq.Fields, uniq.Table)
		}
	default:
		if uniq.Fields["accounts_email_uk"] != "a@b.c" || uniq.Constraint != "accounts_email_uk" {
			t.Errorf("mysql Fields = %v constraint %q", uniq.Fields, uniq.Constraint)
		}
	}
	if len(uniq.Errors) != 1 || uniq.Errors[0].Type != "unique violation" || uniq.Errors[0].ValidatorKey != "not_unique" {
		t.Errorf("items = %+v", uniq.Errors)
	}
	// A duplicate primary key is a unique violation too.
	_, err = db.Query(ctx, "INSERT INTO accounts VALUES (1, 'x@y.z')")
	if !errors.As(err, &uniq) {
		t.Errorf("duplicate primary key: %T %v", err, err)
	}
}

func testForeignKeyError(t *testing.T, tg testdb.Target) {
	ctx := context.Background()
	db := tg.Open(t)
	exec(t, db, "CREATE TABLE owners (id INTEGER PRIMARY KEY)")
	exec(t, db, "CREATE TABLE pets (id INTEGER PRIMARY KEY, owner_id INTEGER, CONSTRAINT pets_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id))")
	exec(t, db, "INSERT INTO owners VALUES (1)")
	exec(t, db, "INSERT INTO pets VALUES (1, 1)")
	name := db.Dialect().Name()

	_, err := db.Query(ctx, "INSERT INTO pets VALUES (2, 42)")
	var fk *sequelize.ForeignKeyConstraintError
	if !errors.As(err, &fk) {
		t.Fatalf("dangling foreign key: %T %v, want *ForeignKeyConstraintError", err, err)
	}
	var dbErr *sequelize.DatabaseError
	if !errors.As(err, &dbErr) || dbErr.SQL != "INSERT INTO pets VALUES (2, 42)" {
		t.Errorf("ForeignKeyConstraintError is not a DatabaseError with its SQL: %v", dbErr)
	}
	if name != "sqlite" {
		if fk.RelType != "child" || fk.Index != "pets_owner_fk" || !reflect.DeepEqual(fk.Fields, []string{"owner_id"}) || fk.Table != "pets" {
			t.Errorf("child violation = reltype %q index %q fields %v table %q", fk.RelType, fk.Index, fk.Fields, fk.Table)
		}
	}
	_, err = db.Query(ctx, "DELETE FROM owners WHERE id = 1")
	if !errors.As(err, &fk) {
		t.Fatalf("deleting a referenced row: %T %v", err, err)
	}
	if name != "sqlite" && fk.RelType != "parent" {
		t.Errorf("parent violation reltype = %q", fk.RelType)
	}

	// A RESTRICT action's violation (on SQLite, raised by the trigger
	// program of the action rather than by the constraint check).
	exec(t, db, "CREATE TABLE leashes (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES owners (id) ON DELETE RESTRICT ON UPDATE RESTRICT)")
	exec(t, db, "INSERT INTO owners VALUES (2)")
	exec(t, db, "INSERT INTO leashes VALUES (1, 2)")
	for _, stmt := range []string{"DELETE FROM owners WHERE id = 2", "UPDATE owners SET id = 3 WHERE id = 2"} {
		if _, err = db.Query(ctx, stmt); !errors.As(err, &fk) {
			t.Errorf("%s under ON ... RESTRICT: %T %v, want *ForeignKeyConstraintError", stmt, err, err)
		}
	}
	// A trigger's own RAISE is not a foreign-key violation.
	if name == "sqlite" {
		exec(t, db, "CREATE TRIGGER no_pets BEFORE INSERT ON pets BEGIN SELECT RAISE(ABORT, 'no more pets'); END")
		if _, err = db.Query(ctx, "INSERT INTO pets VALUES (3, 1)"); err == nil || errors.As(err, &fk) {
			t.Errorf("a trigger's RAISE: %T %v, want an error other than *ForeignKeyConstraintError", err, err)
		}
	}
}

func testCancel(t *testing.T, tg testdb.Target) {
	db := tg.Open(t)
	var slow string
	switch db.Dialect().Name() {
	case "postgres":
		slow = "SELECT pg_sleep(10)"
	case "sqlite":
		slow = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) FROM c"
	default:
		slow = "SELECT SLEEP(10)"
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(150*time.Millisecond, cancel)
	start := time.Now()
	_, err := db.Query(ctx, slow, sequelize.QueryOptions{Type: sequelize.QueryTypeSelect})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled query: %T %v; errors.Is(err, context.Canceled) is false", err, err)
	}
	if time.Since(start) > 8*time.Second {
		t.Errorf("cancel did not stop the query")
	}
	ctx2, cancel2 := context.WithTimeout(context.Background(), 150*time.Millisecond)
	defer cancel2()
	_, err = db.Query(ctx2, slow, sequelize.QueryOptions{Type: sequelize.QueryTypeSelect})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("timed-out query: %T %v; errors.Is(err, context.DeadlineExceeded) is false", err, err)
	}
	// The DB still works afterwards.
	if err := db.Authenticate(context.Background()); err != nil {
		t.Errorf("after cancellation: %v", err)
	}

	// Lock and statement timeouts are TimeoutErrors.
	bg := context.Background()
	exec(t, db, "CREATE TABLE locked (id INTEGER PRIMARY KEY)")
	exec(t, db, "INSERT INTO locked VALUES (1)")
	switch db.Dialect().Name() {
	case "sqlite":
		testBusy(t)
	case "postgres":
		db2 := must(sequelize.Open(bg, tg.ServerURI(t), sequelize.Options{DialectOptions: map[string]string{"statement_timeout": "100"}}))
		defer db2.Close()
		_, err := db2.Query(bg, "SELECT pg_sleep(2)", sequelize.QueryOptions{Type: sequelize.QueryTypeSelect})
		var te *sequelize.TimeoutError
		if !errors.As(err, &te) {
			t.Errorf("statement_timeout: %T %v, want *TimeoutError", err, err)
		}
		lockTimeout(t, db, "SET LOCAL lock_timeout = '100ms'")
	default:
		lockTimeout(t, db, "SET SESSION innodb_lock_wait_timeout = 1")
	}
}

// lockTimeout holds a row lock in one transaction and waits for it in another.
func lockTimeout(t *testing.T, db *sequelize.DB, setTimeout string) {
	bg := context.Background()
	holder := must(db.Begin(bg))
	defer holder.Rollback(bg)
	exec(t, db, "UPDATE locked SET id = 1 WHERE id = 1", sequelize.QueryOptions{Transaction: holder})
	err := db.Transaction(bg, func(ctx context.Context, tx *sequelize.Tx) error {
		if _, err := db.Query(ctx, setTimeout); err != nil {
			return err
		}
		_, err := db.Query(ctx, "UPDATE locked SET id = 1 WHERE id = 1")
		return err
	})
	var te *sequelize.TimeoutError
	if !errors.As(err, &te) {
		t.Errorf("lock wait timeout: %T %v, want *TimeoutError", err, err)
	}
}

// testBusy holds SQLite's write lock from another DB on the same file.
func testBusy(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "busy.db")
	a := must(sequelize.Open(ctx, "sqlite:"+path))
	defer a.Close()
	exec(t, a, "CREATE TABLE b (x INTEGER)")
	b := must(sequelize.Open(ctx, "sqlite:"+path+"?_pragma=busy_timeout(100)"))
	defer b.Close()
	holder := must(a.Begin(ctx, sequelize.TransactionOptions{Type: sequelize.TransactionExclusive}))
	defer holder.Rollback(ctx)
	_, err := b.Query(ctx, "INSERT INTO b VALUES (1)")
	var te *sequelize.TimeoutError
	if !errors.As(err, &te) {
		t.Errorf("busy SQLite: %T %v, want *TimeoutError", err, err)
	}
}

// freePort returns a loopback port nothing listens on.
func freePort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	return fmt.Sprint(port)
}

func testConnectionErrors(t *testing.T, tg testdb.Target) {
	ctx := context.Background()
	if tg.Env == "" {
		// A directory cannot be opened as a database.
		db := must(sequelize.Open(ctx, "sqlite:"+t.TempDir()))
		defer db.Close()
		err := db.Authenticate(ctx)
		var ce *sequelize.ConnectionError
		if !errors.As(err, &ce) {
			t.Errorf("unopenable SQLite file: %T %v, want *ConnectionError", err, err)
		}
		return
	}
	server := tg.ServerURI(t)
	check := func(what, uri string, target any) {
		t.Helper()
		db, err := sequelize.Open(ctx, uri, sequelize.Options{Pool: sequelize.PoolOptions{Acquire: 10 * time.Second}})
		if err == nil {
			defer db.Close()
			err = db.Authenticate(ctx)
		}
		if !errors.As(err, target) {
			t.Errorf("%s: %T %v, want %T", what, err, err, reflect.ValueOf(target).Elem().Interface())
		}
		var ce *sequelize.ConnectionError
		if !errors.As(err, &ce) {
			t.Errorf("%s: %T is not a *ConnectionError", what, err)
		} else if ce.Parent == nil {
			t.Errorf("%s: the driver's error is lost", what)
		}
		if strings.Contains(err.Error(), "pg_pw") || strings.Contains(err.Error(), "orm_pw") {
			t.Errorf("%s: the error shows the password: %v", what, err)
		}
	}
	var refused *sequelize.ConnectionRefusedError
	check("refused port", testdb.WithURI(t, server, func(u *url.URL) { u.Host = "127.0.0.1:" + freePort(t) }), &refused)
	var denied *sequelize.AccessDeniedError
	check("wrong password", testdb.WithURI(t, server, func(u *url.URL) { u.User = url.UserPassword(u.User.Username(), "wrong") }), &denied)
	var notFound *sequelize.HostNotFoundError
	check("unknown host", testdb.WithURI(t, server, func(u *url.URL) { u.Host = "no-such-host.invalid:5432" }), &notFound)
}

func testAcquireTimeout(t *testing.T, tg testdb.Target) {
	ctx := context.Background()
	db := tg.Open(t, sequelize.Options{Pool: sequelize.PoolOptions{Max: 1, Acquire: 200 * time.Millisecond}})
	exec(t, db, "CREATE TABLE a (x INTEGER)")
	tx := must(db.Begin(ctx))
	defer tx.Rollback(ctx)
	// The only (writer) connection is held by tx: a write outside it waits.
	start := time.Now()
	_, err := db.Query(ctx, "INSERT INTO a VALUES (1)")
	var ate *sequelize.ConnectionAcquireTimeoutError
	if !errors.As(err, &ate) {
		t.Fatalf("acquire with the pool exhausted: %T %v", err, err)
	}
	var ce *sequelize.ConnectionError
	if !errors.As(err, &ce) {
		t.Error("ConnectionAcquireTimeoutError is not a ConnectionError")
	}
	if el := time.Since(start); el < 150*time.Millisecond {
		t.Errorf("acquire gave up after %v", el)
	}
	// A caller's deadline after the acquire timeout: the timeout still wins.
	lctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if _, err := db.Query(lctx, "INSERT INTO a VALUES (1)"); !errors.As(err, &ate) {
		t.Errorf("acquire under a later caller deadline: %T %v", err, err)
	}
	// A caller's deadline before it: the caller's deadline ends the wait.
	sctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if _, err := db.Query(sctx, "INSERT INTO a VALUES (1)"); !errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ate) {
		t.Errorf("acquire under an earlier caller deadline: %T %v", err, err)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	exec(t, db, "INSERT INTO a VALUES (1)")
	if s := db.Stats(); s.InUse != 0 {
		t.Errorf("connections still in use after the statements ended: %+v", s)
	}
}

type recorder struct {
	mu   sync.Mutex
	recs []slog.Record
}

func (r *recorder) Enabled(context.Context, slog.Level) bool { return true }
func (r *recorder) Handle(_ context.Context, rec slog.Record) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.recs = append(r.recs, rec.Clone())
	return nil
}
func (r *recorder) WithAttrs([]slog.Attr) slog.Handler { return r }
func (r *recorder) WithGroup(string) slog.Handler      { return r }
func (r *recorder) attrs() []map[string]any {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []map[string]any
	for _, rec := range r.recs {
		m := map[string]any{"msg": rec.Message}
		rec.Attrs(func(a slog.Attr) bool { m[a.Key] = a.Value.Any(); return true })
		out = append(out, m)
	}
	return out
}

func testLogging(t *testing.T, tg testdb.Target) {
	ctx := context.Background()
	quiet := &recorder{}
	db := tg.Open(t, sequelize.Options{Logging: slog.New(quiet)})
	exec(t, db, "SELECT ? AS v", sequelize.QueryOptions{Replacements: []any{"secret"}})
	recs := quiet.attrs()
	if len(recs) != 1 || !strings.Contains(fmt.Sprint(recs[0]["sql"]), "AS v") {
		t.Fatalf("records = %v", recs)
	}
	if _, ok := recs[0]["parameters"]; ok {
		t.Error("parameters logged without LogQueryParameters")
	}
	if _, ok := recs[0]["elapsed"]; ok {
		t.Error("elapsed logged without Benchmark")
	}
	loud := &recorder{}
	db2 := tg.Open(t, sequelize.Options{Logging: slog.New(loud), LogQueryParameters: true, Benchmark: true})
	exec(t, db2, "SELECT ? AS v", sequelize.QueryOptions{Replacements: []any{"shown"}})
	recs = loud.attrs()
	if len(recs) != 1 || !strings.Contains(fmt.Sprint(recs[0]["parameters"]), "shown") {
		t.Errorf("parameters not logged: %v", recs)
	}
	if _, ok := recs[0]["elapsed"].(time.Duration); !ok {
		t.Errorf("elapsed not logged: %v", recs)
	}
	// Per-query logger.
	per := &recorder{}
	exec(t, db, "SELECT 1", sequelize.QueryOptions{Logging: slog.New(per)})
	if len(per.attrs()) != 1 || len(quiet.attrs()) != 1 {
		t.Errorf("per-query Logging: per=%d db=%d", len(per.attrs()), len(quiet.attrs()))
	}
	// Transaction statements are logged with the transaction's name.
	_ = db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
		_, err := db.Query(ctx, "SELECT 2")
		return err
	})
	var sawBegin, sawCommit bool
	for _, r := range quiet.attrs() {
		s := fmt.Sprint(r["sql"])
		if strings.HasPrefix(s, "BEGIN") || strings.HasPrefix(s, "START TRANSACTION") {
			sawBegin = r["transaction"] != nil
		}
		if s == "COMMIT" {
			sawCommit = true
		}
	}
	if !sawBegin || !sawCommit {
		t.Errorf("transaction statements not logged: %v", quiet.attrs())
	}
}

func testTransactions(t *testing.T, tg testdb.Target) {
	ctx := context.Background()
	db := openWAL(t, tg)
	exec(t, db, "CREATE TABLE ledger (id INTEGER PRIMARY KEY, note VARCHAR(20))")

	// Commit: visible afterwards; inside, the ctx carries the transaction.
	err := db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
		if db.TxFromContext(ctx) != tx {
			t.Error("the callback's ctx does not carry the transaction")
		}
		if _, err := db.Query(ctx, "INSERT INTO ledger VALUES (1, 'a')"); err != nil {
			return err
		}
		if n := count(t, db, ctx, "ledger"); n != 1 {
			t.Errorf("inside the transaction count = %d", n)
		}
		if n := count(t, db, context.Background(), "ledger"); n != 0 {
			t.Errorf("outside the transaction an uncommitted row is visible (%d)", n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, ctx, "ledger"); n != 1 {
		t.Fatalf("after commit count = %d", n)
	}

	// Rollback on error.
	boom := errors.New("boom")
	err = db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
		exec(t, db, "INSERT INTO ledger VALUES (2, 'b')", sequelize.QueryOptions{Transaction: tx})
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("Transaction returned %v, want the callback's error", err)
	}
	if n := count(t, db, ctx, "ledger"); n != 1 {
		t.Errorf("after rollback count = %d", n)
	}

	// Rollback on panic, then the panic goes on.
	func() {
		defer func() {
			if p := recover(); p != "kaboom" {
				t.Errorf("recovered %v, want the panic", p)
			}
		}()
		_ = db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
			_, _ = db.Query(ctx, "INSERT INTO ledger VALUES (3, 'c')")
			panic("kaboom")
		})
	}()
	if n := count(t, db, ctx, "ledger"); n != 1 {
		t.Errorf("after panic count = %d", n)
	}

	// Unmanaged Begin/Commit, and a finished transaction refuses work.
	tx := must(db.Begin(ctx))
	exec(t, db, "INSERT INTO ledger VALUES (4, 'd')", sequelize.QueryOptions{Transaction: tx})
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if tx.Finished() != "commit" {
		t.Errorf("Finished = %q", tx.Finished())
	}
	_, err = db.Query(ctx, "SELECT 1", sequelize.QueryOptions{Transaction: tx})
	if !errors.Is(err, sequelize.ErrTxDone) || !errors.Is(err, sql.ErrTxDone) || !strings.Contains(err.Error(), "commit has been called") {
		t.Errorf("statement on a committed transaction: %v", err)
	}
	if err := tx.Commit(ctx); !errors.Is(err, sequelize.ErrTxDone) {
		t.Errorf("second Commit: %v", err)
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Errorf("Rollback after Commit should be a no-op, got %v", err)
	}
	if n := count(t, db, ctx, "ledger"); n != 2 {
		t.Errorf("after unmanaged commit count = %d", n)
	}
	// The pool got every connection back.
	if s := db.Stats(); s.InUse != 0 {
		t.Errorf("connections in use after the transactions: %+v", s)
	}
}

func testSavepoints(t *testing.T, tg testdb.Target) {
	ctx := context.Background()
	db := tg.Open(t)
	exec(t, db, "CREATE TABLE sp (id INTEGER PRIMARY KEY)")
	err := db.Transaction(ctx, func(ctx context.Context, outer *sequelize.Tx) error {
		exec(t, db, "INSERT INTO sp VALUES (1)", sequelize.QueryOptions{Transaction: outer})
		// A nested Transaction on the ctx is a savepoint; its failure rolls back only its own work.
		inner := db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
			if tx.Parent() != outer {
				t.Error("the nested transaction is not a savepoint of the outer one")
			}
			if _, err := db.Query(ctx, "INSERT INTO sp VALUES (2)"); err != nil {
				return err
			}
			return errors.New("undo the savepoint")
		})
		if inner == nil {
			t.Error("the nested transaction's error was lost")
		}
		// A committed savepoint keeps its work.
		if err := db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
			_, err := db.Query(ctx, "INSERT INTO sp VALUES (3)")
			return err
		}); err != nil {
			return err
		}
		// Two levels deep.
		return db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
			return db.Transaction(ctx, func(ctx context.Context, tx2 *sequelize.Tx) error {
				if tx2.Parent() != tx {
					t.Error("second-level savepoint has the wrong parent")
				}
				_, err := db.Query(ctx, "INSERT INTO sp VALUES (4)")
				return err
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	ids := must(sequelize.QueryAs[int64](ctx, db, "SELECT id FROM sp ORDER BY id"))
	if !reflect.DeepEqual(ids, []int64{1, 3, 4}) {
		t.Errorf("ids = %v, want [1 3 4]", ids)
	}
	// A savepoint cannot change isolation.
	_ = db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
		if _, err := db.Begin(ctx, sequelize.TransactionOptions{IsolationLevel: sequelize.IsolationSerializable}); err == nil {
			t.Error("a savepoint accepted an isolation level")
		}
		return nil
	})
}

func testIsolation(t *testing.T, tg testdb.Target) {
	ctx := context.Background()
	db := tg.Open(t, sequelize.Options{Pool: sequelize.PoolOptions{Max: 4}})
	exec(t, db, "CREATE TABLE iso (id INTEGER PRIMARY KEY)")
	exec(t, db, "INSERT INTO iso VALUES (1)")
	name := db.Dialect().Name()
	levels := []sequelize.IsolationLevel{sequelize.IsolationReadUncommitted, sequelize.IsolationReadCommitted,
		sequelize.IsolationRepeatableRead, sequelize.IsolationSerializable}
	for _, level := range levels {
		if err := db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
			_, err := db.Query(ctx, "SELECT * FROM iso")
			return err
		}, sequelize.TransactionOptions{IsolationLevel: level}); err != nil {
			t.Errorf("%v: %v", level, err)
		}
	}
	if name == "sqlite" {
		for _, typ := range []sequelize.TransactionType{sequelize.TransactionDeferred, sequelize.TransactionImmediate, sequelize.TransactionExclusive} {
			if err := db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
				_, err := db.Query(ctx, "INSERT INTO iso VALUES (10 + ?)", sequelize.QueryOptions{Replacements: []any{int(typ)}})
				return err
			}, sequelize.TransactionOptions{Type: typ}); err != nil {
				t.Errorf("%v: %v", typ, err)
			}
		}
		return
	}
	if _, err := db.Begin(ctx, sequelize.TransactionOptions{Type: sequelize.TransactionImmediate}); err == nil {
		t.Error("a SQLite-only transaction type was accepted")
	}
	// READ COMMITTED sees another transaction's commit; REPEATABLE READ does not.
	for _, c := range []struct {
		level sequelize.IsolationLevel
		sees  bool
	}{{sequelize.IsolationReadCommitted, true}, {sequelize.IsolationRepeatableRead, false}} {
		err := db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
			before := count(t, db, ctx, "iso")
			exec(t, db, "INSERT INTO iso SELECT COALESCE(MAX(id), 0) + 1 FROM iso")
			after := count(t, db, ctx, "iso")
			if (after != before) != c.sees {
				t.Errorf("%v: before %d after %d (sees concurrent commit: %v, want %v)", c.level, before, after, after != before, c.sees)
			}
			return nil
		}, sequelize.TransactionOptions{IsolationLevel: c.level})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// openWAL opens a fresh database where readers outside a transaction do
// not wait for it: a SQLite file (WAL) rather than memory.
func openWAL(t *testing.T, tg testdb.Target) *sequelize.DB {
	if tg.Env != "" {
		return tg.Open(t)
	}
	db := must(sequelize.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "wal.db")))
	t.Cleanup(func() { db.Close() })
	return db
}

func testReadOnly(t *testing.T, tg testdb.Target) {
	ctx := context.Background()
	db := openWAL(t, tg)
	exec(t, db, "CREATE TABLE ro (id INTEGER PRIMARY KEY)")
	exec(t, db, "INSERT INTO ro VALUES (1)")
	err := db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
		if n := count(t, db, ctx, "ro"); n != 1 {
			t.Errorf("read-only read = %d", n)
		}
		_, err := db.Query(ctx, "INSERT INTO ro VALUES (2)")
		return err
	}, sequelize.TransactionOptions{ReadOnly: true})
	var dbErr *sequelize.DatabaseError
	if !errors.As(err, &dbErr) {
		t.Errorf("write in a read-only transaction: %T %v", err, err)
	}
	if n := count(t, db, ctx, "ro"); n != 1 {
		t.Errorf("after the read-only transaction count = %d", n)
	}
}

func testConcurrentWrites(t *testing.T, tg testdb.Target) {
	ctx := context.Background()
	run := func(t *testing.T, db *sequelize.DB) {
		exec(t, db, "CREATE TABLE cw ("+autoPK(db)+", g INTEGER)")
		var wg sync.WaitGroup
		var mu sync.Mutex
		var errs []error
		for g := range 8 {
			wg.Go(func() {
				for i := range 25 {
					var err error
					if i%5 == 0 {
						err = db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
							if _, err := db.Query(ctx, "SELECT COUNT(*) FROM cw", sequelize.QueryOptions{Type: sequelize.QueryTypeSelect}); err != nil {
								return err
							}
							_, err := db.Query(ctx, "INSERT INTO cw (g) VALUES (?)", sequelize.QueryOptions{Replacements: []any{g}})
							return err
						})
					} else {
						_, err = db.Query(ctx, "INSERT INTO cw (g) VALUES (?)", sequelize.QueryOptions{Replacements: []any{g}})
						if err == nil {
							_, err = db.Query(ctx, "SELECT COUNT(*) FROM cw", sequelize.QueryOptions{Type: sequelize.QueryTypeSelect})
						}
					}
					if err != nil {
						mu.Lock()
						errs = append(errs, err)
						mu.Unlock()
					}
				}
			})
		}
		wg.Wait()
		for _, err := range errs[:min(len(errs), 3)] {
			t.Errorf("concurrent write failed: %T %v", err, err)
		}
		if n := count(t, db, ctx, "cw"); n != 200 {
			t.Errorf("count = %d, want 200", n)
		}
	}
	if tg.Env == "" {
		t.Run("memory", func(t *testing.T) { run(t, tg.Open(t)) })
		t.Run("file", func(t *testing.T) {
			db := must(sequelize.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "cw.db")))
			defer db.Close()
			run(t, db)
		})
		return
	}
	run(t, tg.Open(t, sequelize.Options{Pool: sequelize.PoolOptions{Max: 8}}))
}

func testClose(t *testing.T, tg testdb.Target) {
	ctx := context.Background()
	db := must(sequelize.Open(ctx, tg.Fresh(t)))
	if err := db.Authenticate(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := db.Query(ctx, "SELECT 1"); !errors.Is(err, sequelize.ErrClosed) {
		t.Errorf("Query after Close: %v", err)
	}
}
