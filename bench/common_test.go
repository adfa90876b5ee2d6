package bench

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
)

// User is the row every benchmark reads. QueryAs fills it by column name
// (first_name → FirstName); the raw benchmarks scan it by position.
type User struct {
	ID        int64
	Username  string
	FirstName *string
	LastName  *string
	Age       *int32
	CreatedAt time.Time
}

// poolSize is the maximum number of connections of every pool (the
// benchmarks run on one goroutine, so they use one connection at a time).
const poolSize = 4

// seedRows is the number of rows in bench_users before any Insert benchmark.
const seedRows = 1000

// Statements shared by every database. Bind parameters use Sequelize's $1
// syntax, which package sequelize rewrites to ? for SQLite; the raw SQLite
// benchmarks use the ? form themselves.
const (
	selectByPK   = `SELECT id, username, first_name, last_name, age, created_at FROM bench_users WHERE id = $1`
	selectFirst  = `SELECT id, username, first_name, last_name, age, created_at FROM bench_users ORDER BY id LIMIT 100`
	insertUser   = `INSERT INTO bench_users (username, first_name, last_name, age) VALUES ($1, $2, $3, $4)`
	selectByPKQ  = `SELECT id, username, first_name, last_name, age, created_at FROM bench_users WHERE id = ?`
	insertUserQ  = `INSERT INTO bench_users (username, first_name, last_name, age) VALUES (?, ?, ?, ?)`
	findAllLimit = 100
)

// pkFor returns the primary key the i-th iteration reads: 1..seedRows.
func pkFor(i int) int64 { return int64(i%seedRows + 1) }

// insertArgs returns the four bind values of the i-th insert. The strings
// are constants so that the loop itself allocates nothing.
func insertArgs(i int) (string, string, string, int32) {
	return "bench", "Ada", "Lovelace", int32(20 + i%50)
}

// checkUser fails fast when a benchmark read something other than row id.
func checkUser(u User, id int64) error {
	if u.ID != id || u.Username == "" || u.CreatedAt.IsZero() {
		return fmt.Errorf("read %+v for id %d", u, id)
	}
	return nil
}

// closers release what the setups opened, after every test and benchmark.
var closers []func() error

func TestMain(m *testing.M) {
	code := m.Run()
	for i := len(closers) - 1; i >= 0; i-- {
		_ = closers[i]()
	}
	os.Exit(code)
}

// sameUser compares two users field by field (times by instant).
func sameUser(a, b User) bool {
	eqStr := func(x, y *string) bool { return x == nil && y == nil || x != nil && y != nil && *x == *y }
	eqInt := func(x, y *int32) bool { return x == nil && y == nil || x != nil && y != nil && *x == *y }
	return a.ID == b.ID && a.Username == b.Username && eqStr(a.FirstName, b.FirstName) &&
		eqStr(a.LastName, b.LastName) && eqInt(a.Age, b.Age) && a.CreatedAt.Equal(b.CreatedAt)
}

func fmtUser(u User) string {
	s := func(p *string) any {
		if p == nil {
			return nil
		}
		return *p
	}
	n := func(p *int32) any {
		if p == nil {
			return nil
		}
		return *p
	}
	return fmt.Sprintf("{%d %q %v %v %v %s}", u.ID, u.Username, s(u.FirstName), s(u.LastName), n(u.Age), u.CreatedAt.Format(time.RFC3339Nano))
}

// reader is one way of running the benchmarked statements: hand-written
// driver code or package sequelize. Every reader runs the same SQL.
type reader struct {
	name     string
	findByPK func(ctx context.Context, id int64) (User, error)
	findAll  func(ctx context.Context) ([]User, error)
	insert   func(ctx context.Context, i int) error
}

// seqReader reads through package sequelize's raw queries on db.
func seqReader(name string, db *sequelize.DB) reader {
	return reader{
		name:     name,
		findByPK: func(ctx context.Context, id int64) (User, error) { return seqFindByPK(ctx, db, id) },
		findAll:  func(ctx context.Context) ([]User, error) { return seqFindAll(ctx, db) },
		insert: func(ctx context.Context, i int) error {
			un, fn, ln, age := insertArgs(i)
			res, err := db.Query(ctx, insertUser, sequelize.QueryOptions{Type: sequelize.QueryTypeInsert, Bind: []any{un, fn, ln, age}})
			if err == nil && res.RowsAffected != 1 {
				err = fmt.Errorf("insert affected %d rows", res.RowsAffected)
			}
			return err
		},
	}
}

// sqlReader reads through database/sql on db, with the statements in the
// driver's placeholder syntax.
func sqlReader(name string, db *sql.DB, byPK, insert string) reader {
	return reader{
		name:     name,
		findByPK: func(ctx context.Context, id int64) (User, error) { return sqlFindByPK(ctx, db, byPK, id) },
		findAll:  func(ctx context.Context) ([]User, error) { return sqlFindAll(ctx, db) },
		insert: func(ctx context.Context, i int) error {
			un, fn, ln, age := insertArgs(i)
			_, err := db.ExecContext(ctx, insert, un, fn, ln, age)
			return err
		},
	}
}

// benchReaders runs FindByPK and FindAll100 for every reader, each as a
// sub-benchmark named after it, then extra (if any), then Insert.
func benchReaders(b *testing.B, rs []reader, extra func(b *testing.B)) {
	ctx := context.Background()
	each := func(op string, loop func(b *testing.B, r reader)) {
		b.Run(op, func(b *testing.B) {
			for _, r := range rs {
				b.Run(r.name, func(b *testing.B) {
					b.ReportAllocs()
					loop(b, r)
				})
			}
		})
	}
	each("FindByPK", func(b *testing.B, r reader) {
		i := 0
		for b.Loop() {
			id := pkFor(i)
			i++
			u, err := r.findByPK(ctx, id)
			if err != nil || u.ID != id {
				b.Fatal(err, u.ID, id)
			}
		}
	})
	each("FindAll100", func(b *testing.B, r reader) {
		for b.Loop() {
			us, err := r.findAll(ctx)
			if err != nil || len(us) != findAllLimit {
				b.Fatal(err, len(us))
			}
		}
	})
	if extra != nil {
		extra(b)
	}
	each("Insert", func(b *testing.B, r reader) {
		i := 0
		for b.Loop() {
			if err := r.insert(ctx, i); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// sameResults checks that every reader returns what the first one does,
// so that the benchmarks compare equal work.
func sameResults(t *testing.T, rs []reader) {
	ctx := context.Background()
	ref, others := rs[0], rs[1:]
	for _, id := range []int64{1, 7, 10, 70, 999} { // 7, 70: NULL age; 10, 70: NULL first name
		want, err := ref.findByPK(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkUser(want, id); err != nil {
			t.Fatal(err)
		}
		for _, r := range others {
			u, err := r.findByPK(ctx, id)
			if err != nil {
				t.Fatalf("%s: %v", r.name, err)
			}
			if !sameUser(u, want) {
				t.Errorf("%s: id %d: got %s, want %s", r.name, id, fmtUser(u), fmtUser(want))
			}
		}
	}
	want, err := ref.findAll(ctx)
	if err != nil || len(want) != findAllLimit {
		t.Fatal(err, len(want))
	}
	for _, r := range others {
		us, err := r.findAll(ctx)
		if err != nil || len(us) != len(want) {
			t.Fatalf("%s: %v, %d rows", r.name, err, len(us))
		}
		for i := range us {
			if !sameUser(us[i], want[i]) {
				t.Errorf("%s: row %d: got %s, want %s", r.name, i, fmtUser(us[i]), fmtUser(want[i]))
			}
		}
	}
}
