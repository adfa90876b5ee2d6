// Package harness runs the conformance suite's ports of Sequelize's
// integration tests: each conformance package's TestMain calls Main, each
// ported JS file starts with Port, and each case runs once per dialect on a
// fresh database. It is internal to the suite and has no stable API.
package harness

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	_ "github.com/gosequelize/sequelize/dialect/mysqldialect"
	_ "github.com/gosequelize/sequelize/dialect/pgdialect"
	_ "github.com/gosequelize/sequelize/dialect/sqlitedialect"
	"github.com/gosequelize/sequelize/internal/testdb"
)

// Main runs a conformance package's tests: call it from the package's
// TestMain. After a full run (no -run filter, every dialect) it checks the
// package's README.md against what the run measured, or rewrites it with
// -update.
func Main(m *testing.M) {
	flag.Parse()
	// The cases wait on databases, not on the CPU: run more of them at once
	// than GOMAXPROCS unless -parallel says otherwise.
	if !flagSet("test.parallel") {
		_ = flag.Set("test.parallel", "8")
	}
	drop := testdb.ReuseDatabases()
	code := m.Run()
	drop()
	if code == 0 && fullRun() {
		if err := checkREADME(); err != nil {
			fmt.Fprintln(os.Stderr, "conformance:", err)
			code = 1
		}
	}
	os.Exit(code)
}

func flagSet(name string) bool {
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// fullRun reports whether every case ran: no -run, -skip or -list filter,
// and each of the three databases answered.
func fullRun() bool {
	for _, f := range []string{"test.run", "test.skip", "test.list"} {
		if fl := flag.Lookup(f); fl != nil && fl.Value.String() != "" {
			return false
		}
	}
	mu.Lock()
	defer mu.Unlock()
	ran := map[string]bool{}
	for _, byDialect := range counts {
		for d, n := range byDialect {
			if n.pass+n.fail > 0 {
				ran[d] = true
			}
		}
	}
	return len(ran) == 3
}

// Kind tells how a listed case differs.
type Kind int

const (
	// Deliberate: ported, and asserting what this package does instead.
	Deliberate Kind = iota + 1
	// GoCannot: JavaScript can say it and Go cannot; not ported.
	GoCannot
)

// A Difference is one listed JS case (see Listed).
type Difference struct {
	File  string // the JS file under test/integration/
	Title string // the describe path and it title, joined by "/"
	Kind  Kind
	// Dialects limits a Deliberate difference to these dialects
	// (space-separated, as Dialect names them); "" is every dialect.
	Dialects string
	// Instead is what this package does (Deliberate only).
	Instead string
	// Why is the reason.
	Why string
}

type count struct{ pass, fail, skip int }

type bug struct{ file, title, dialect, what string }

var (
	mu       sync.Mutex
	files    = map[string]bool{}
	counts   = map[string]map[string]*count{} // file -> dialect -> count
	used     = map[string]bool{}              // difference keys referenced
	dialects = map[string]bool{}
	bugs     []bug
)

func knownBug(file, title, dialect, what string) {
	mu.Lock()
	defer mu.Unlock()
	bugs = append(bugs, bug{file, title, dialect, what})
}

func bugsTable() string {
	if len(bugs) == 0 {
		return "None.\n"
	}
	type key struct{ file, title, what string }
	byCase := map[key][]string{}
	var keys []key
	for _, b := range bugs {
		k := key{b.file, b.title, b.what}
		if byCase[k] == nil {
			keys = append(keys, k)
		}
		byCase[k] = append(byCase[k], b.dialect)
	}
	slices.SortFunc(keys, func(a, b key) int { return strings.Compare(a.file+a.title+a.what, b.file+b.title+b.what) })
	var b strings.Builder
	b.WriteString("| JS test | dialects | bug |\n|---|---|---|\n")
	for _, k := range keys {
		ds := byCase[k]
		slices.Sort(ds)
		fmt.Fprintf(&b, "| `%s` › %s | %s | %s |\n", k.file, strings.ReplaceAll(k.title, "/", " › "), strings.Join(ds, " "), cell(k.what))
	}
	return b.String()
}

func registerFile(file string) {
	mu.Lock()
	defer mu.Unlock()
	files[file] = true
}

func lookup(t *testing.T, file, title string, k Kind) Difference {
	t.Helper()
	for _, d := range differences {
		if d.File == file && d.Title == title {
			if d.Kind != k {
				t.Fatalf("differences lists %s %q with another kind", file, title)
			}
			mu.Lock()
			used[file+"\x00"+title] = true
			mu.Unlock()
			return d
		}
	}
	t.Fatalf("%s %q is not listed: add it with harness.Listed next to the case", file, title)
	return Difference{}
}

func tally(file, dialect string, t *testing.T) {
	mu.Lock()
	defer mu.Unlock()
	if counts[file] == nil {
		counts[file] = map[string]*count{}
	}
	n := counts[file][dialect]
	if n == nil {
		n = &count{}
		counts[file][dialect] = n
	}
	dialects[dialect] = true
	switch {
	case t.Failed():
		n.fail++
	case t.Skipped():
		n.skip++
	default:
		n.pass++
	}
}

// dialectOrder lists the dialects that ran in the README's column order.
func dialectOrder() []string {
	var out []string
	for _, d := range []string{"sqlite", "postgres", "mysql", "mariadb"} {
		if dialects[d] {
			out = append(out, d)
		}
	}
	return out
}

var dialectTitle = map[string]string{"sqlite": "SQLite", "postgres": "PostgreSQL", "mysql": "MySQL", "mariadb": "MariaDB"}

func countsTable() string {
	var b strings.Builder
	order := dialectOrder()
	b.WriteString("| JS file (test/integration/) | cases | not portable |")
	for _, d := range order {
		b.WriteString(" " + dialectTitle[d] + " |")
	}
	b.WriteString("\n|---|--:|--:|")
	for range order {
		b.WriteString("--:|")
	}
	b.WriteString("\n")
	names := make([]string, 0, len(files))
	for f := range files {
		names = append(names, f)
	}
	slices.Sort(names)
	cannot := map[string]int{}
	for _, d := range differences {
		if d.Kind == GoCannot {
			cannot[d.File]++
		}
	}
	total := map[string]int{}
	var totalCases, totalCannot int
	for _, f := range names {
		cases := 0
		for _, n := range counts[f] {
			cases = max(cases, n.pass+n.fail+n.skip)
		}
		cases -= cannot[f]
		totalCases += cases
		totalCannot += cannot[f]
		fmt.Fprintf(&b, "| `%s` | %d | %d |", f, cases, cannot[f])
		for _, d := range order {
			n := counts[f][d]
			if n == nil {
				n = &count{}
			}
			total[d] += n.pass
			fmt.Fprintf(&b, " %d |", n.pass)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "| **all** | **%d** | **%d** |", totalCases, totalCannot)
	for _, d := range order {
		fmt.Fprintf(&b, " **%d** |", total[d])
	}
	b.WriteString("\n")
	return b.String()
}

func differencesTable(k Kind) string {
	var b strings.Builder
	if k == Deliberate {
		b.WriteString("| JS test | dialects | what we do instead | why |\n|---|---|---|---|\n")
	} else {
		b.WriteString("| JS test | why it cannot be said in Go |\n|---|---|\n")
	}
	list := slices.Clone(differences)
	slices.SortStableFunc(list, func(a, b Difference) int {
		return strings.Compare(a.File+"\x00"+a.Title, b.File+"\x00"+b.Title)
	})
	for _, d := range list {
		if d.Kind != k {
			continue
		}
		title := "`" + d.File + "` › " + strings.ReplaceAll(d.Title, "/", " › ")
		if k == Deliberate {
			ds := d.Dialects
			if ds == "" {
				ds = "all"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", title, ds, cell(d.Instead), cell(d.Why))
		} else {
			fmt.Fprintf(&b, "| %s | %s |\n", title, cell(d.Why))
		}
	}
	return b.String()
}

func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// checkREADME compares README.md's generated sections with this run (or,
// with -update, rewrites them), and checks that every listed difference is
// used by a case.
func checkREADME() error {
	mu.Lock()
	defer mu.Unlock()
	var unused []string
	for _, d := range differences {
		if !used[d.File+"\x00"+d.Title] {
			unused = append(unused, d.File+" "+d.Title)
		}
	}
	if len(unused) > 0 {
		return fmt.Errorf("differences lists cases no test names (port them, or remove the entries):\n  %s", strings.Join(unused, "\n  "))
	}
	old, err := os.ReadFile("README.md")
	if err != nil {
		return err
	}
	out := old
	for _, sec := range []struct{ name, body string }{
		{"counts", countsTable()},
		{"differences", differencesTable(Deliberate)},
		{"cannot", differencesTable(GoCannot)},
		{"bugs", bugsTable()},
	} {
		out, err = replaceSection(out, sec.name, sec.body)
		if err != nil {
			return err
		}
	}
	if bytes.Equal(out, old) {
		return nil
	}
	if *update {
		return os.WriteFile("README.md", out, 0o644)
	}
	return errors.New("README.md does not match this run's counts and differences; run: go test ./conformance/... -update (with every database)")
}

func replaceSection(doc []byte, name, body string) ([]byte, error) {
	begin := []byte("<!-- begin " + name + " -->\n")
	end := []byte("<!-- end " + name + " -->")
	i := bytes.Index(doc, begin)
	j := bytes.Index(doc, end)
	if i < 0 || j < i {
		return nil, fmt.Errorf("README.md lacks the %q markers", name)
	}
	var out []byte
	out = append(out, doc[:i+len(begin)]...)
	out = append(out, body...)
	out = append(out, doc[j:]...)
	return out, nil
}

// equal is reflect.DeepEqual, except that numbers of any Go type compare
// by value (a JS test compares values: 2 and int64(2) are equal).
func equal(got, want any) bool {
	if reflect.DeepEqual(got, want) {
		return true
	}
	g, ok1 := number(got)
	w, ok2 := number(want)
	return ok1 && ok2 && g.Cmp(w) == 0
}

func number(v any) (*big.Float, bool) {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
	}
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return new(big.Float).SetInt64(rv.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return new(big.Float).SetUint64(rv.Uint()), true
	case reflect.Float32, reflect.Float64:
		if f := rv.Float(); !math.IsNaN(f) {
			return big.NewFloat(f), true
		}
	}
	return nil, false
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }

var update = flag.Bool("update", false, "rewrite README.md's generated tables from this run")

// A Suite is one ported JS file, or a describe block inside it.
type Suite struct {
	t      *testing.T
	file   string // under test/integration/, e.g. "instance/increment.test.js"
	prefix string // the describe path, "" or "increment/"
}

// Port starts the port of a JS file; its cases are registered with It,
// Differs, DiffersOn and Cannot.
func Port(t *testing.T, file string) *Suite {
	t.Helper()
	registerFile(file)
	return &Suite{t: t, file: file}
}

// Describe runs fn with a suite whose case titles are prefixed with name,
// as a JS describe block.
func (s *Suite) Describe(name string, fn func(s *Suite)) {
	fn(&Suite{t: s.t, file: s.file, prefix: s.prefix + name + "/"})
}

// It ports one it(title) case: fn runs once per dialect, on a fresh database.
func (s *Suite) It(title string, fn func(c *C)) {
	s.t.Helper()
	s.run(title, fn)
}

// Differs ports a case where this package deliberately behaves otherwise:
// fn asserts what it does instead, and the difference must be listed in
// differences (and so in README.md).
func (s *Suite) Differs(title string, fn func(c *C)) {
	s.t.Helper()
	d := lookup(s.t, s.file, s.prefix+title, Deliberate)
	s.run(title, func(c *C) {
		if d.Dialects != "" && !slices.Contains(strings.Fields(d.Dialects), c.Dialect) {
			c.Skipf("the difference concerns %s only; the JS case does not run here", d.Dialects)
		}
		fn(c)
	})
}

// DiffersOn ports a case that deliberately differs on the dialects its
// listed difference names and behaves as Sequelize's elsewhere: fn runs on
// every dialect and asserts each one's behaviour itself.
func (s *Suite) DiffersOn(title string, fn func(c *C)) {
	s.t.Helper()
	d := lookup(s.t, s.file, s.prefix+title, Deliberate)
	if d.Dialects == "" {
		s.t.Fatalf("%s %q: differsOn needs the difference's Dialects", s.file, title)
	}
	s.run(title, fn)
}

// Cannot records a case that JavaScript can say and Go cannot (a string in
// an INTEGER attribute): it is listed in differences and not ported.
func (s *Suite) Cannot(title string) {
	s.t.Helper()
	d := lookup(s.t, s.file, s.prefix+title, GoCannot)
	s.run(title, func(c *C) { c.Skip("not portable: " + d.Why) })
}

func (s *Suite) run(title string, fn func(c *C)) {
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
	Log *StmtLog

	target      testdb.Target
	uri         string
	file, title string
}

func newCase(t *testing.T, tg testdb.Target) *C {
	c := &C{T: t, Ctx: t.Context(), target: tg, Log: &StmtLog{}}
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

// StmtLog records the statements a DB runs.
type StmtLog struct {
	mu    sync.Mutex
	stmts []string
}

func (l *StmtLog) Enabled(context.Context, slog.Level) bool { return true }
func (l *StmtLog) Handle(_ context.Context, r slog.Record) error {
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
func (l *StmtLog) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l *StmtLog) WithGroup(string) slog.Handler      { return l }

// Reset forgets the recorded statements and returns them.
func (l *StmtLog) Reset() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.stmts
	l.stmts = nil
	return s
}

// Count returns how many recorded statements match the regular expression
// re (case-insensitive), e.g. `^SELECT`.
func (l *StmtLog) Count(re string) int {
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
func (l *StmtLog) All() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.stmts)
}

func (l *StmtLog) String() string { return fmt.Sprintf("%q", l.All()) }

// differences lists every ported JS case where this package deliberately
// behaves otherwise (Deliberate: the Go case asserts what it does instead)
// and every case that JavaScript can say and Go cannot (GoCannot: not
// ported). Each test file adds its own entries with Listed, next to the
// cases that name them. README.md's tables are made from the list; a full
// run fails when an entry is not named by a case, or a case names no entry.
var differences []Difference

// Listed adds entries to the package's differences; use it as
// var _ = Listed(...), next to the cases that name them.
func Listed(ds ...Difference) bool {
	differences = append(differences, ds...)
	return true
}

// Quote quotes an identifier as the case's dialect does, for raw SQL.
func (c *C) Quote(name string) string {
	return string(c.DB.Dialect().QuoteIdentifier(nil, name))
}

// AgeTimestamps moves the updatedAt of every row of table one second (or
// more) into the past, and returns the time it set: the JS tests'
// this.clock.tick(1000) after a create.
func (c *C) AgeTimestamps(table string) time.Time {
	c.Helper()
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	_, err := c.DB.Query(c.Ctx, `UPDATE `+c.Quote(table)+` SET `+c.Quote("updatedAt")+` = ?`,
		sequelize.QueryOptions{Replacements: []any{old}})
	c.Must(err)
	return old
}

// Res holds a (value, error) pair so that a call's result can be checked
// in one expression: R(users.FindAll(ctx)).Get(c).
type Res[T any] struct {
	v   T
	err error
}

// R pairs a call's results (see Res).
func R[T any](v T, err error) Res[T] { return Res[T]{v, err} }

// Get fails the case on an error and returns the value.
func (r Res[T]) Get(c *C) T {
	c.Helper()
	c.Must(r.err)
	return r.v
}

// Create creates each instance with m.Create, failing the case on an
// error, and returns them.
func Create[T any](c *C, m *sequelize.Model[T], insts ...*T) []*T {
	c.Helper()
	for _, in := range insts {
		c.Must(m.Create(c.Ctx, in))
	}
	return insts
}

// Bulk bulk-creates insts and returns them (ids filled).
func Bulk[T any](c *C, m *sequelize.Model[T], insts ...*T) []*T {
	c.Helper()
	c.Must(m.BulkCreate(c.Ctx, insts))
	return insts
}

// All returns every row of m ordered by id: Sequelize's findAll() of the
// rows just created, whose order the JS tests rely on.
func All[T any](c *C, m *sequelize.Model[T]) []*T {
	c.Helper()
	return R(m.FindAll(c.Ctx, sequelize.FindOptions{Order: sequelize.Order{{"id", "ASC"}}})).Get(c)
}

// Define defines the model T under Sequelize's model name on c.DB, with
// the options of the JS define (at most one).
func Define[T any](c *C, name string, opts ...sequelize.ModelOptions) *sequelize.Model[T] {
	c.Helper()
	var o sequelize.ModelOptions
	if len(opts) > 0 {
		o = opts[0]
	}
	o.ModelName = name
	return sequelize.Define[T](c.DB, o)
}

// URI is the connection URI of the case's database.
func (c *C) URI() string { return c.uri }
