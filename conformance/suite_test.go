package conformance_test

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/gosequelize/sequelize"
	_ "github.com/gosequelize/sequelize/dialect/mysqldialect"
	_ "github.com/gosequelize/sequelize/dialect/pgdialect"
	_ "github.com/gosequelize/sequelize/dialect/sqlitedialect"
	"github.com/gosequelize/sequelize/internal/testdb"
)

var update = flag.Bool("update", false, "rewrite README.md's generated tables from this run")

// A suite is one ported JS file, or a describe block inside it.
type suite struct {
	t      *testing.T
	file   string // under test/integration/, e.g. "instance/increment.test.js"
	prefix string // the describe path, "" or "increment/"
}

// port starts the port of a JS file; its cases are registered with it,
// differs and cannot.
func port(t *testing.T, file string) *suite {
	t.Helper()
	registerFile(file)
	return &suite{t: t, file: file}
}

// describe runs fn with a suite whose case titles are prefixed with name,
// as a JS describe block.
func (s *suite) describe(name string, fn func(s *suite)) {
	fn(&suite{t: s.t, file: s.file, prefix: s.prefix + name + "/"})
}

// it ports one it(title) case: fn runs once per dialect, on a fresh database.
func (s *suite) it(title string, fn func(c *C)) {
	s.t.Helper()
	s.run(title, fn)
}

// differs ports a case where this package deliberately behaves otherwise:
// fn asserts what it does instead, and the difference must be listed in
// differences (and so in README.md).
func (s *suite) differs(title string, fn func(c *C)) {
	s.t.Helper()
	d := lookup(s.t, s.file, s.prefix+title, deliberate)
	s.run(title, func(c *C) {
		if d.Dialects != "" && !slices.Contains(strings.Fields(d.Dialects), c.Dialect) {
			c.Skipf("the difference concerns %s only; the JS case does not run here", d.Dialects)
		}
		fn(c)
	})
}

// differsOn ports a case that deliberately differs on the dialects its
// listed difference names and behaves as Sequelize's elsewhere: fn runs on
// every dialect and asserts each one's behaviour itself.
func (s *suite) differsOn(title string, fn func(c *C)) {
	s.t.Helper()
	d := lookup(s.t, s.file, s.prefix+title, deliberate)
	if d.Dialects == "" {
		s.t.Fatalf("%s %q: differsOn needs the difference's Dialects", s.file, title)
	}
	s.run(title, fn)
}

// cannot records a case that JavaScript can say and Go cannot (a string in
// an INTEGER attribute): it is listed in differences and not ported.
func (s *suite) cannot(title string) {
	s.t.Helper()
	d := lookup(s.t, s.file, s.prefix+title, goCannot)
	s.run(title, func(c *C) { c.Skip("not portable: " + d.Why) })
}

func (s *suite) run(title string, fn func(c *C)) {
	name := s.prefix + title
	s.t.Run(name, func(t *testing.T) {
		for _, tg := range testdb.All {
			t.Run(tg.Name, func(t *testing.T) {
				t.Parallel()
				c := newCase(t, tg)
				c.file, c.title = s.file, name
				t.Cleanup(func() { tally(s.file, c.Dialect, t) })
				fn(c)
			})
		}
	})
}

// C is one case on one dialect: a fresh database and a DB on it whose
// statements are recorded in Log.
type C struct {
	*testing.T
	// Ctx is the test's context.
	Ctx context.Context
	// DB is opened on the case's fresh database.
	DB *sequelize.DB
	// Dialect is DB.Dialect().Name(): "sqlite", "postgres", "mysql" or
	// "mariadb".
	Dialect string
	// Log records every statement DB runs.
	Log *stmtLog

	target      testdb.Target
	uri         string
	file, title string
}

func newCase(t *testing.T, tg testdb.Target) *C {
	c := &C{T: t, Ctx: t.Context(), target: tg, Log: &stmtLog{}}
	c.uri = tg.Fresh(t)
	c.DB = c.open(sequelize.Options{})
	c.Dialect = c.DB.Dialect().Name()
	return c
}

func (c *C) open(o sequelize.Options) *sequelize.DB {
	c.Helper()
	if o.Logging == nil {
		o.Logging = slog.New(c.Log)
	}
	db, err := sequelize.Open(context.Background(), c.uri, o)
	if err != nil {
		c.Fatalf("open %s: %v", c.target.Name, err)
	}
	c.Cleanup(func() { db.Close() })
	return db
}

// Reopen replaces DB by one opened with o on the same database (on SQLite
// in memory, a new empty one: call it before defining anything).
func (c *C) Reopen(o sequelize.Options) *sequelize.DB {
	c.Helper()
	c.DB.Close()
	c.DB = c.open(o)
	return c.DB
}

// File moves an SQLite case to a database file, so that Second can open
// another handle on it; elsewhere it does nothing. Call it first.
func (c *C) File() {
	c.Helper()
	if c.Dialect == "sqlite" {
		c.DB.Close()
		c.uri = "sqlite:" + filepath.Join(c.TempDir(), "db.sqlite")
		c.DB = c.open(sequelize.Options{})
	}
}

// Second opens another DB (another pool) on the case's database: Sequelize's
// tests that use two sequelize instances, or prepareTransactionTest.
func (c *C) Second(o sequelize.Options) *sequelize.DB {
	c.Helper()
	if c.uri == "sqlite::memory:" {
		c.Fatal("Second on in-memory SQLite: call c.File() first")
	}
	return c.open(o)
}

// Only skips the case unless the dialect is one of dialects: the JS case
// runs on those only (a dialect.supports check or a dialect switch).
func (c *C) Only(dialects ...string) {
	c.Helper()
	for _, d := range dialects {
		if d == c.Dialect || (d == "mysql" && testdb.IsMySQLFamily(c.Dialect)) {
			return
		}
	}
	c.Skipf("the JS case runs on %s only", strings.Join(dialects, ", "))
}

// Not skips the case on the given dialects, where the JS case does not run.
func (c *C) Not(dialects ...string) {
	c.Helper()
	for _, d := range dialects {
		if d == c.Dialect || (d == "mysql" && testdb.IsMySQLFamily(c.Dialect)) {
			c.Skipf("the JS case does not run on %s", c.Dialect)
		}
	}
}

// Bug skips the case as a known bug of this package, listed in README.md
// until it is fixed: a port in progress, never a final state.
func (c *C) Bug(what string) {
	c.Helper()
	knownBug(c.file, c.title, c.Dialect, what)
	c.Skip("KNOWN BUG: " + what)
}

// MySQLFamily reports whether the case runs on MySQL or MariaDB.
func (c *C) MySQLFamily() bool { return testdb.IsMySQLFamily(c.Dialect) }

// Must fails the case when err is not nil.
func (c *C) Must(err error) {
	c.Helper()
	if err != nil {
		c.Fatal(err)
	}
}

// Sync creates the tables of every model defined on DB (sync({force: true})).
func (c *C) Sync() {
	c.Helper()
	c.Must(c.DB.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
}

// Eq fails the case unless got equals want (compared with fmt's %v of both
// after reflect.DeepEqual fails, so 3 and int64(3) differ).
func (c *C) Eq(what string, got, want any) {
	c.Helper()
	if !equal(got, want) {
		c.Fatalf("%s = %#v, want %#v", what, got, want)
	}
}

// ErrAs fails the case unless errors.As(err, target) holds.
func (c *C) ErrAs(err error, target any) {
	c.Helper()
	if err == nil {
		c.Fatalf("err = nil, want %T", target)
	}
	if !errorsAs(err, target) {
		c.Fatalf("err = %v (%T), want %T", err, err, target)
	}
}

// stmtLog records the statements a DB runs.
type stmtLog struct {
	mu    sync.Mutex
	stmts []string
}

func (l *stmtLog) Enabled(context.Context, slog.Level) bool { return true }
func (l *stmtLog) Handle(_ context.Context, r slog.Record) error {
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "sql" {
			l.mu.Lock()
			l.stmts = append(l.stmts, a.Value.String())
			l.mu.Unlock()
		}
		return true
	})
	return nil
}
func (l *stmtLog) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l *stmtLog) WithGroup(string) slog.Handler      { return l }

// Reset forgets the recorded statements and returns them.
func (l *stmtLog) Reset() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.stmts
	l.stmts = nil
	return s
}

// Count returns how many recorded statements match the regular expression
// re (case-insensitive), e.g. `^SELECT`.
func (l *stmtLog) Count(re string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	rx := regexp.MustCompile("(?i)" + re)
	n := 0
	for _, s := range l.stmts {
		if rx.MatchString(s) {
			n++
		}
	}
	return n
}

// All returns the recorded statements.
func (l *stmtLog) All() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.stmts)
}

func (l *stmtLog) String() string { return fmt.Sprintf("%q", l.All()) }
