package bench

import (
	"fmt"
	"os"
	"testing"
	"time"
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
