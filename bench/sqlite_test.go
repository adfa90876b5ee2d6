package bench

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/dialect/sqlitedialect"
	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

// sqlitePragmas are the raw handle's connection settings: those that
// sequelize.Open sets for a file database.
const sqlitePragmas = "_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)"

// sqliteEnv holds the ways of reaching one SQLite file that the benchmarks
// compare.
type sqliteEnv struct {
	raw  *sql.DB       // database/sql on modernc.org/sqlite
	open *sequelize.DB // sequelize.Open(ctx, "sqlite:"+path): its own writer and reader pools
	wrap *sequelize.DB // sequelize.New(sqlitedialect.New(), raw): our layer on the raw handle
}

// sqliteSetup creates bench_users with seedRows rows in a new file under
// dir and opens the handles; tb's cleanup closes them.
func sqliteSetup(tb testing.TB, dir string) *sqliteEnv {
	tb.Helper()
	ctx := context.Background()
	path := filepath.Join(dir, "bench.db")
	raw, err := sql.Open("sqlite", "file:"+path+"?"+sqlitePragmas)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { raw.Close() })
	raw.SetMaxOpenConns(poolSize)
	raw.SetMaxIdleConns(poolSize)
	if _, err := raw.ExecContext(ctx, `CREATE TABLE bench_users (id INTEGER PRIMARY KEY AUTOINCREMENT, username TEXT NOT NULL,
		first_name TEXT, last_name TEXT, age INTEGER, created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)`); err != nil {
		tb.Fatal(err)
	}
	tx, err := raw.BeginTx(ctx, nil)
	if err != nil {
		tb.Fatal(err)
	}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for g := 1; g <= seedRows; g++ {
		var first, age any
		if g%10 != 0 {
			first = fmt.Sprintf("First%d", g)
		}
		if g%7 != 0 {
			age = 18 + g%60
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO bench_users (username, first_name, last_name, age, created_at) VALUES (?, ?, ?, ?, ?)`,
			fmt.Sprintf("user%d", g), first, fmt.Sprintf("Last%d", g), age, base.Add(-time.Duration(g)*time.Minute)); err != nil {
			tb.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
	if err := raw.PingContext(ctx); err != nil {
		tb.Fatal(err)
	}

	open, err := sequelize.Open(ctx, "sqlite:"+path, sequelize.Options{Pool: sequelize.PoolOptions{Max: poolSize}})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { open.Close() })
	wrap, err := sequelize.New(sqlitedialect.New(), raw)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { wrap.Close() })
	// Open the reader and the writer connections now, so that no benchmark
	// pays for opening one.
	for _, db := range []*sequelize.DB{open, wrap} {
		if err := db.Authenticate(ctx); err != nil {
			tb.Fatal(err)
		}
		if _, err := db.Query(ctx, "SELECT 1", sequelize.QueryOptions{Type: sequelize.QueryTypeRaw}); err != nil {
			tb.Fatal(err)
		}
	}
	return &sqliteEnv{raw: raw, open: open, wrap: wrap}
}

// sqliteReaders are the ways of reaching SQLite the benchmarks compare.
func sqliteReaders(e *sqliteEnv) []reader {
	return []reader{
		sqlReader("raw", e.raw, selectByPKQ, insertUserQ),
		seqReader("sequelize-open", e.open),
		seqReader("sequelize-new", e.wrap),
	}
}

func BenchmarkSQLite(b *testing.B) {
	benchReaders(b, sqliteReaders(sqliteSetup(b, b.TempDir())), nil)
}

// TestSQLiteSameResults checks that the readers the benchmarks compare
// return the same users.
func TestSQLiteSameResults(t *testing.T) {
	e := sqliteSetup(t, t.TempDir())
	ctx := context.Background()
	sameResults(t, sqliteReaders(e))
	for name, db := range map[string]*sequelize.DB{"sequelize-open": e.open, "sequelize-new": e.wrap} {
		res, err := db.Query(ctx, insertUser, sequelize.QueryOptions{Type: sequelize.QueryTypeInsert, Bind: []any{"x", "y", "z", int32(3)}})
		if err != nil || res.RowsAffected != 1 || !res.HasLastInsertID {
			t.Fatalf("%s: insert: %v %+v", name, err, res)
		}
	}
}
