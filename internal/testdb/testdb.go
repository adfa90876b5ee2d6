// Package testdb gives tests a fresh database on each dialect they ask for.
//
// SQLite always runs (a new in-memory database per call). PostgreSQL and
// MySQL/MariaDB come from the environment variables SEQUELIZE_TEST_POSTGRES
// and SEQUELIZE_TEST_MYSQL, URIs of a server and of a user that may create
// databases (scripts/db-up.sh starts both and prints them). When a variable
// is missing the test skips with a message naming it, except under CI=true,
// where it fails: nothing silently skips in CI.
//
// Each Fresh call creates its own database (named t_<random>) and drops it
// when the test ends, so tests may run in parallel.
package testdb

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
)

// Target is one dialect under test.
type Target struct {
	// Name is the dialect's name as DB.Dialect().Name() reports it:
	// "sqlite", "postgres" or "mariadb" (the MySQL variable may also name a
	// MySQL server with a mysql:// URI).
	Name string
	// Env is the environment variable that gives the server, "" for SQLite.
	Env string
}

// The targets.
var (
	SQLite   = Target{Name: "sqlite"}
	Postgres = Target{Name: "postgres", Env: "SEQUELIZE_TEST_POSTGRES"}
	MySQL    = Target{Name: "mysql", Env: "SEQUELIZE_TEST_MYSQL"}
)

// All lists every target.
var All = []Target{SQLite, Postgres, MySQL}

// ServerURI returns the server URI of t's variable, or skips (fails under
// CI=true) when it is not set. It returns "" for SQLite.
func (tg Target) ServerURI(t testing.TB) string {
	t.Helper()
	if tg.Env == "" {
		return ""
	}
	uri := os.Getenv(tg.Env)
	if uri == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set: under CI=true every dialect must run (scripts/test.sh starts the servers)", tg.Env)
		}
		t.Skipf("%s is not set: skipping %s (run scripts/test.sh, or scripts/db-up.sh and source its env file)", tg.Env, tg.Name)
	}
	return uri
}

// Each runs fn as a parallel subtest, named after the target, for every
// target in All.
func Each(t *testing.T, fn func(t *testing.T, tg Target)) {
	for _, tg := range All {
		t.Run(tg.Name, func(t *testing.T) {
			t.Parallel()
			fn(t, tg)
		})
	}
}

var (
	adminMu sync.Mutex
	admins  = map[string]*sequelize.DB{}
)

func admin(t testing.TB, uri string) *sequelize.DB {
	t.Helper()
	adminMu.Lock()
	defer adminMu.Unlock()
	if db, ok := admins[uri]; ok {
		return db
	}
	db, err := sequelize.Open(context.Background(), uri, sequelize.Options{Pool: sequelize.PoolOptions{Max: 4}})
	if err != nil {
		t.Fatalf("testdb: open admin connection: %v", err)
	}
	admins[uri] = db
	return db
}

// Fresh returns the URI of a new, empty database on tg, dropped when the
// test ends. For SQLite it is "sqlite::memory:" (every Open of it is a new
// database).
func (tg Target) Fresh(t testing.TB) string {
	t.Helper()
	if tg.Env == "" {
		return "sqlite::memory:"
	}
	server := tg.ServerURI(t)
	a := admin(t, server)
	if name, ok := reused.take(server); ok {
		t.Cleanup(func() { reused.put(t, a, server, name) })
		return withDatabase(t, tg, server, name)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "t_" + hex.EncodeToString(b)
	ctx := context.Background()
	quoted := string(a.Dialect().QuoteIdentifier(nil, name))
	if _, err := a.Query(ctx, "CREATE DATABASE "+quoted); err != nil {
		t.Fatalf("testdb: create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		if reused.enabled(a) {
			reused.put(t, a, server, name)
			return
		}
		dropDatabase(t, a, name)
	})
	return withDatabase(t, tg, server, name)
}

func withDatabase(t testing.TB, tg Target, server, name string) string {
	u, err := url.Parse(server)
	if err != nil {
		t.Fatalf("testdb: %s: %v", tg.Env, err)
	}
	u.Path = "/" + name
	return u.String()
}

func dropDatabase(t testing.TB, a *sequelize.DB, name string) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	drop := "DROP DATABASE IF EXISTS " + string(a.Dialect().QuoteIdentifier(nil, name))
	if a.Dialect().Name() == "postgres" {
		drop += " WITH (FORCE)"
	}
	if _, err := a.Query(ctx, drop); err != nil {
		t.Errorf("testdb: drop database %s: %v", name, err)
	}
}

// reused holds the emptied PostgreSQL databases kept for later tests when
// ReuseDatabases is on.
var reused reusePool

type reusePool struct {
	mu    sync.Mutex
	on    bool
	free  map[string][]string // server URI -> database names
	all   map[string][]string // every kept database, for Drop
	admin map[string]*sequelize.DB
}

// ReuseDatabases makes Fresh keep the PostgreSQL databases of finished tests,
// emptied (every schema dropped and public made again), and hand them to
// later tests of the process instead of creating one per test: CREATE
// DATABASE costs PostgreSQL a checkpoint-sized copy of the template (half a
// second on a busy machine), the reset a few milliseconds. Call it from
// TestMain before m.Run, and call the function it returns after m.Run to drop
// the kept databases. Other dialects create databases cheaply and are
// unaffected.
func ReuseDatabases() (drop func()) {
	reused.mu.Lock()
	reused.on = true
	reused.free = map[string][]string{}
	reused.all = map[string][]string{}
	reused.admin = map[string]*sequelize.DB{}
	reused.mu.Unlock()
	return func() {
		reused.mu.Lock()
		defer reused.mu.Unlock()
		for server, names := range reused.all {
			a := reused.admin[server]
			for _, name := range names {
				ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
				_, _ = a.Query(ctx, "DROP DATABASE IF EXISTS "+string(a.Dialect().QuoteIdentifier(nil, name))+" WITH (FORCE)")
				cancel()
			}
		}
		reused.on = false
	}
}

func (p *reusePool) enabled(a *sequelize.DB) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.on && a.Dialect().Name() == "postgres"
}

func (p *reusePool) take(server string) (string, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.on || len(p.free[server]) == 0 {
		return "", false
	}
	n := len(p.free[server]) - 1
	name := p.free[server][n]
	p.free[server] = p.free[server][:n]
	return name, true
}

// resetSQL empties a PostgreSQL database: every schema a test made, and
// public with what it held (tables, types, sequences, functions).
const resetSQL = `DO $$ DECLARE s text; BEGIN
FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\_toast%' AND nspname NOT LIKE 'pg\_temp%' LOOP
EXECUTE format('DROP SCHEMA %I CASCADE', s);
END LOOP;
CREATE SCHEMA public;
END $$`

// put empties a finished test's database and keeps it; a database that
// cannot be emptied quickly (a connection the test left open holds a lock)
// is dropped instead.
func (p *reusePool) put(t testing.TB, a *sequelize.DB, server, name string) {
	uri := withDatabase(t, Postgres, server, name)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	db, err := sequelize.Open(ctx, uri, sequelize.Options{Pool: sequelize.PoolOptions{Max: 1}})
	if err == nil {
		_, err = db.Query(ctx, resetSQL)
		db.Close()
	}
	if err != nil {
		dropDatabase(t, a, name)
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.on {
		dropDatabase(t, a, name)
		return
	}
	p.free[server] = append(p.free[server], name)
	if !slices.Contains(p.all[server], name) {
		p.all[server] = append(p.all[server], name)
	}
	p.admin[server] = a
}

// Open opens a fresh database on tg (see Fresh) and closes it when the test
// ends. It takes at most one Options.
func (tg Target) Open(t testing.TB, opts ...sequelize.Options) *sequelize.DB {
	t.Helper()
	db, err := sequelize.Open(context.Background(), tg.Fresh(t), opts...)
	if err != nil {
		t.Fatalf("testdb: open %s: %v", tg.Name, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// WithURI returns uri with its user info, host or query changed by fn; a
// helper for connection tests.
func WithURI(t testing.TB, uri string, fn func(u *url.URL)) string {
	t.Helper()
	u, err := url.Parse(uri)
	if err != nil {
		t.Fatal(err)
	}
	fn(u)
	return u.String()
}

// IsMySQLFamily reports whether name is "mysql" or "mariadb".
func IsMySQLFamily(name string) bool { return name == "mysql" || strings.HasPrefix(name, "maria") }
