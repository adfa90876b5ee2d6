package bench

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/dialect/pgdialect"
	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// pgEnv holds the four ways of reaching PostgreSQL that the benchmarks
// compare. The sequelize DBs wrap the very pools the raw benchmarks use.
type pgEnv struct {
	pool   *pgxpool.Pool   // pgx's native pool
	sqlDB  *sql.DB         // pgx's database/sql adapter (driver "pgx")
	native *sequelize.DB   // sequelize.New(pgdialect.New(), pool)
	stdlib *sequelize.DB   // sequelize.New(pgdialect.New(), sqlDB)
	all    []*sequelize.DB // native, stdlib
}

var (
	pgOnce sync.Once
	pgE    *pgEnv
	pgErr  error
)

// pgSetup skips b when SEQUELIZE_TEST_POSTGRES is unset; otherwise it
// opens the pools and seeds bench_users, once per process.
func pgSetup(tb testing.TB) *pgEnv {
	tb.Helper()
	dsn := os.Getenv("SEQUELIZE_TEST_POSTGRES")
	if dsn == "" {
		tb.Skip("SEQUELIZE_TEST_POSTGRES is not set: skipping the PostgreSQL benchmarks " +
			"(set it to a postgres:// URI of a database where table bench_users may be created)")
	}
	pgOnce.Do(func() { pgE, pgErr = openPG(context.Background(), dsn) })
	if pgErr != nil {
		tb.Fatal(pgErr)
	}
	return pgE
}

func openPG(ctx context.Context, dsn string) (*pgEnv, error) {
	// The same session time zone for every pool (sequelize.Open would set
	// UTC itself; New leaves the pool's session alone).
	if !strings.Contains(dsn, "timezone=") {
		sep := "?"
		if strings.Contains(dsn, "?") {
			sep = "&"
		}
		dsn += sep + "timezone=UTC"
	}
	pc, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	pc.MaxConns = poolSize
	pool, err := pgxpool.NewWithConfig(ctx, pc)
	if err != nil {
		return nil, err
	}
	closers = append(closers, func() error { pool.Close(); return nil })
	sqlDB, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(poolSize)
	sqlDB.SetMaxIdleConns(poolSize)
	closers = append(closers, sqlDB.Close)

	for _, stmt := range []string{
		`DROP TABLE IF EXISTS bench_users`,
		`CREATE TABLE bench_users (id SERIAL PRIMARY KEY, username TEXT NOT NULL, first_name TEXT, last_name TEXT, age INTEGER, created_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
		// Every tenth first name and every seventh age are NULL, so that
		// the pointer fields see both cases.
		fmt.Sprintf(`INSERT INTO bench_users (username, first_name, last_name, age, created_at)
			SELECT 'user' || g, CASE WHEN g %% 10 = 0 THEN NULL ELSE 'First' || g END, 'Last' || g,
			CASE WHEN g %% 7 = 0 THEN NULL ELSE 18 + g %% 60 END, now() - g * interval '1 minute'
			FROM generate_series(1, %d) AS g`, seedRows),
		`ANALYZE bench_users`,
	} {
		if _, err := pool.Exec(ctx, stmt); err != nil {
			return nil, fmt.Errorf("seed bench_users: %w", err)
		}
	}
	// Open the connections now, so that no benchmark pays for a dial.
	if err := pool.Ping(ctx); err != nil {
		return nil, err
	}
	if err := sqlDB.PingContext(ctx); err != nil {
		return nil, err
	}
	native, err := sequelize.New(pgdialect.New(), pool)
	if err != nil {
		return nil, err
	}
	std, err := sequelize.New(pgdialect.New(), sqlDB)
	if err != nil {
		return nil, err
	}
	closers = append(closers, native.Close, std.Close)
	return &pgEnv{pool: pool, sqlDB: sqlDB, native: native, stdlib: std, all: []*sequelize.DB{native, std}}, nil
}

// The hand-written readers, shared by the benchmarks and the test below.

func pgxFindByPK(ctx context.Context, pool *pgxpool.Pool, id int64) (User, error) {
	var u User
	err := pool.QueryRow(ctx, selectByPK, id).Scan(&u.ID, &u.Username, &u.FirstName, &u.LastName, &u.Age, &u.CreatedAt)
	return u, err
}

func pgxFindAll(ctx context.Context, pool *pgxpool.Pool) ([]User, error) {
	rows, err := pool.Query(ctx, selectFirst)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var users []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Username, &u.FirstName, &u.LastName, &u.Age, &u.CreatedAt); err != nil {
			return nil, err
		}
		users = append(users, u)
	}
	return users, rows.Err()
}

func sqlFindByPK(ctx context.Context, db *sql.DB, query string, id int64) (User, error) {
	var u User
	err := db.QueryRowContext(ctx, query, id).Scan(&u.ID, &u.Username, &u.FirstName, &u.LastName, &u.Age, &u.CreatedAt)
	return u, err
}

func sqlFindAll(ctx context.Context, db *sql.DB) ([]User, error) {
	rows, err := db.QueryContext(ctx, selectFirst)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var users []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Username, &u.FirstName, &u.LastName, &u.Age, &u.CreatedAt); err != nil {
			return nil, err
		}
		users = append(users, u)
	}
	return users, rows.Err()
}

func seqFindByPK(ctx context.Context, db *sequelize.DB, id int64) (User, error) {
	us, err := sequelize.QueryAs[User](ctx, db, selectByPK, sequelize.QueryOptions{Type: sequelize.QueryTypeSelect, Bind: []any{id}})
	if err != nil {
		return User{}, err
	}
	if len(us) != 1 {
		return User{}, fmt.Errorf("got %d rows for id %d", len(us), id)
	}
	return us[0], nil
}

func seqFindAll(ctx context.Context, db *sequelize.DB) ([]User, error) {
	return sequelize.QueryAs[User](ctx, db, selectFirst, sequelize.QueryOptions{Type: sequelize.QueryTypeSelect})
}

func BenchmarkPG(b *testing.B) {
	e := pgSetup(b)
	ctx := context.Background()
	seqs := []struct {
		name string
		db   *sequelize.DB
	}{{"sequelize-native", e.native}, {"sequelize-stdlib", e.stdlib}}

	b.Run("FindByPK", func(b *testing.B) {
		b.Run("raw-pgxpool", func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				id := pkFor(i)
				i++
				u, err := pgxFindByPK(ctx, e.pool, id)
				if err != nil || u.ID != id {
					b.Fatal(err, u.ID, id)
				}
			}
		})
		b.Run("raw-stdlib", func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				id := pkFor(i)
				i++
				u, err := sqlFindByPK(ctx, e.sqlDB, selectByPK, id)
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
		b.Run("raw-pgxpool", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				us, err := pgxFindAll(ctx, e.pool)
				check(b, us, err)
			}
		})
		b.Run("raw-stdlib", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				us, err := sqlFindAll(ctx, e.sqlDB)
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

	b.Run("QueryMaps100", func(b *testing.B) {
		for _, s := range seqs {
			b.Run(s.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					res, err := s.db.Query(ctx, selectFirst, sequelize.QueryOptions{Type: sequelize.QueryTypeSelect})
					if err != nil || len(res.Rows) != findAllLimit {
						b.Fatal(err)
					}
				}
			})
		}
	})

	b.Run("Insert", func(b *testing.B) {
		b.Run("raw-pgxpool", func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				un, fn, ln, age := insertArgs(i)
				i++
				tag, err := e.pool.Exec(ctx, insertUser, un, fn, ln, age)
				if err != nil || tag.RowsAffected() != 1 {
					b.Fatal(err)
				}
			}
		})
		b.Run("raw-stdlib", func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				un, fn, ln, age := insertArgs(i)
				i++
				if _, err := e.sqlDB.ExecContext(ctx, insertUser, un, fn, ln, age); err != nil {
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

// TestPGSameResults checks that the four readers the benchmarks compare
// return the same users, so that the benchmarks compare equal work.
func TestPGSameResults(t *testing.T) {
	e := pgSetup(t)
	ctx := context.Background()
	for _, id := range []int64{1, 7, 10, 70, 999} { // 7, 70: NULL age; 10, 70: NULL first name
		want, err := pgxFindByPK(ctx, e.pool, id)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkUser(want, id); err != nil {
			t.Fatal(err)
		}
		got := map[string]func() (User, error){
			"raw-stdlib":       func() (User, error) { return sqlFindByPK(ctx, e.sqlDB, selectByPK, id) },
			"sequelize-native": func() (User, error) { return seqFindByPK(ctx, e.native, id) },
			"sequelize-stdlib": func() (User, error) { return seqFindByPK(ctx, e.stdlib, id) },
		}
		for name, f := range got {
			u, err := f()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !sameUser(u, want) {
				t.Errorf("%s: id %d: got %s, want %s", name, id, fmtUser(u), fmtUser(want))
			}
		}
	}
	want, err := pgxFindAll(ctx, e.pool)
	if err != nil || len(want) != findAllLimit {
		t.Fatal(err, len(want))
	}
	for name, f := range map[string]func() ([]User, error){
		"raw-stdlib":       func() ([]User, error) { return sqlFindAll(ctx, e.sqlDB) },
		"sequelize-native": func() ([]User, error) { return seqFindAll(ctx, e.native) },
		"sequelize-stdlib": func() ([]User, error) { return seqFindAll(ctx, e.stdlib) },
	} {
		us, err := f()
		if err != nil || len(us) != len(want) {
			t.Fatalf("%s: %v, %d rows", name, err, len(us))
		}
		for i := range us {
			if !sameUser(us[i], want[i]) {
				t.Errorf("%s: row %d: got %s, want %s", name, i, fmtUser(us[i]), fmtUser(want[i]))
			}
		}
	}
	for _, db := range e.all {
		res, err := db.Query(ctx, selectFirst, sequelize.QueryOptions{Type: sequelize.QueryTypeSelect})
		if err != nil || len(res.Rows) != findAllLimit {
			t.Fatal(err)
		}
		if id, ok := res.Rows[0]["id"].(int64); !ok || id != want[0].ID {
			t.Errorf("maps: first id %#v, want %d", res.Rows[0]["id"], want[0].ID)
		}
	}
}
