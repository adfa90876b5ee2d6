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

func BenchmarkSQLite(b *testing.B) {
	e := sqliteSetup(b, b.TempDir())
	ctx := context.Background()
	seqs := []struct {
		name string
		db   *sequelize.DB
	}{{"sequelize-open", e.open}, {"sequelize-new", e.wrap}}

	b.Run("FindByPK", func(b *testing.B) {
		b.Run("raw", func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				id := pkFor(i)
				i++
				u, err := sqlFindByPK(ctx, e.raw, selectByPKQ, id)
				if err != nil || u.ID != id {
					b.Fatal(err, u.ID, id)
				}
			}
		})
		for _, s := range seqs {
			b.Run(s.name, func(b *testing.B) {
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					id := pkFor(i)
					i++
					u, err := seqFindByPK(ctx, s.db, id)
					if err != nil || u.ID != id {
						b.Fatal(err, u.ID, id)
					}
				}
			})
		}
	})

	b.Run("FindAll100", func(b *testing.B) {
		check := func(b *testing.B, us []User, err error) {
			if err != nil || len(us) != findAllLimit {
				b.Fatal(err, len(us))
			}
		}
		b.Run("raw", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				us, err := sqlFindAll(ctx, e.raw)
				check(b, us, err)
			}
		})
		for _, s := range seqs {
			b.Run(s.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					us, err := seqFindAll(ctx, s.db)
					check(b, us, err)
				}
			})
		}
	})

	b.Run("Insert", func(b *testing.B) {
		b.Run("raw", func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				un, fn, ln, age := insertArgs(i)
				i++
				if _, err := e.raw.ExecContext(ctx, insertUserQ, un, fn, ln, age); err != nil {
					b.Fatal(err)
				}
			}
		})
		for _, s := range seqs {
			b.Run(s.name, func(b *testing.B) {
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					un, fn, ln, age := insertArgs(i)
					i++
					res, err := s.db.Query(ctx, insertUser, sequelize.QueryOptions{Type: sequelize.QueryTypeInsert, Bind: []any{un, fn, ln, age}})
					if err != nil || res.RowsAffected != 1 {
						b.Fatal(err)
					}
				}
			})
		}
	})
}

// TestSQLiteSameResults checks that the readers the benchmarks compare
// return the same users.
func TestSQLiteSameResults(t *testing.T) {
	e := sqliteSetup(t, t.TempDir())
	ctx := context.Background()
	for _, id := range []int64{1, 7, 10, 70, 999} {
		want, err := sqlFindByPK(ctx, e.raw, selectByPKQ, id)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkUser(want, id); err != nil {
			t.Fatal(err)
		}
		for name, db := range map[string]*sequelize.DB{"sequelize-open": e.open, "sequelize-new": e.wrap} {
			u, err := seqFindByPK(ctx, db, id)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !sameUser(u, want) {
				t.Errorf("%s: id %d: got %s, want %s", name, id, fmtUser(u), fmtUser(want))
			}
		}
	}
	want, err := sqlFindAll(ctx, e.raw)
	if err != nil || len(want) != findAllLimit {
		t.Fatal(err, len(want))
	}
	for name, db := range map[string]*sequelize.DB{"sequelize-open": e.open, "sequelize-new": e.wrap} {
		us, err := seqFindAll(ctx, db)
		if err != nil || len(us) != len(want) {
			t.Fatalf("%s: %v, %d rows", name, err, len(us))
		}
		for i := range us {
			if !sameUser(us[i], want[i]) {
				t.Errorf("%s: row %d: got %s, want %s", name, i, fmtUser(us[i]), fmtUser(want[i]))
			}
		}
		res, err := db.Query(ctx, insertUser, sequelize.QueryOptions{Type: sequelize.QueryTypeInsert, Bind: []any{"x", "y", "z", int32(3)}})
		if err != nil || res.RowsAffected != 1 || !res.HasLastInsertID {
			t.Fatalf("%s: insert: %v %+v", name, err, res)
		}
	}
}
