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

// pgReaders are the ways of reaching PostgreSQL the benchmarks compare.
func pgReaders(e *pgEnv) []reader {
	return []reader{
		{
			name:     "raw-pgxpool",
			findByPK: func(ctx context.Context, id int64) (User, error) { return pgxFindByPK(ctx, e.pool, id) },
			findAll:  func(ctx context.Context) ([]User, error) { return pgxFindAll(ctx, e.pool) },
			insert: func(ctx context.Context, i int) error {
				un, fn, ln, age := insertArgs(i)
				tag, err := e.pool.Exec(ctx, insertUser, un, fn, ln, age)
				if err == nil && tag.RowsAffected() != 1 {
					err = fmt.Errorf("insert affected %d rows", tag.RowsAffected())
				}
				return err
			},
		},
		sqlReader("raw-stdlib", e.sqlDB, selectByPK, insertUser),
		seqReader("sequelize-native", e.native),
		seqReader("sequelize-stdlib", e.stdlib),
	}
}

func BenchmarkPG(b *testing.B) {
	e := pgSetup(b)
	ctx := context.Background()
	benchReaders(b, pgReaders(e), func(b *testing.B) {
		b.Run("QueryMaps100", func(b *testing.B) {
			for _, s := range []struct {
				name string
				db   *sequelize.DB
			}{{"sequelize-native", e.native}, {"sequelize-stdlib", e.stdlib}} {
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
	})
}

// TestPGSameResults checks that the four readers the benchmarks compare
// return the same users, so that the benchmarks compare equal work.
func TestPGSameResults(t *testing.T) {
	e := pgSetup(t)
	ctx := context.Background()
	sameResults(t, pgReaders(e))
	want, err := pgxFindAll(ctx, e.pool)
	if err != nil {
		t.Fatal(err)
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
