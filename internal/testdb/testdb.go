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
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "t_" + hex.EncodeToString(b)
	ctx := context.Background()
	quoted := string(a.Dialect().QuoteIdentifier(nil, name))
	if _, err := a.Query(ctx, "CREATE DATABASE "+quoted); err != nil {
		t.Fatalf("testdb: create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		drop := "DROP DATABASE IF EXISTS " + quoted
		if a.Dialect().Name() == "postgres" {
			drop += " WITH (FORCE)"
		}
		if _, err := a.Query(ctx, drop); err != nil {
			t.Errorf("testdb: drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(server)
	if err != nil {
		t.Fatalf("testdb: %s: %v", tg.Env, err)
	}
	u.Path = "/" + name
	return u.String()
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
