package conformance_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"math"
	"math/big"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/gosequelize/sequelize/internal/testdb"
)

func TestMain(m *testing.M) {
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

// kind tells how a listed case differs.
type kind int

const (
	// deliberate: ported, and asserting what this package does instead.
	deliberate kind = iota + 1
	// goCannot: JavaScript can say it and Go cannot; not ported.
	goCannot
)

// A difference is one listed JS case (see differences).
type difference struct {
	File  string // the JS file under test/integration/
	Title string // the describe path and it title, joined by "/"
	Kind  kind
	// Dialects limits a deliberate difference to these dialects
	// (space-separated, as Dialect names them); "" is every dialect.
	Dialects string
	// Instead is what this package does (deliberate only).
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

func lookup(t *testing.T, file, title string, k kind) difference {
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
	t.Fatalf("%s %q is not listed in differences (differences_test.go)", file, title)
	return difference{}
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
		if d.Kind == goCannot {
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

func differencesTable(k kind) string {
	var b strings.Builder
	if k == deliberate {
		b.WriteString("| JS test | dialects | what we do instead | why |\n|---|---|---|---|\n")
	} else {
		b.WriteString("| JS test | why it cannot be said in Go |\n|---|---|\n")
	}
	list := slices.Clone(differences)
	slices.SortStableFunc(list, func(a, b difference) int {
		return strings.Compare(a.File+"\x00"+a.Title, b.File+"\x00"+b.Title)
	})
	for _, d := range list {
		if d.Kind != k {
			continue
		}
		title := "`" + d.File + "` › " + strings.ReplaceAll(d.Title, "/", " › ")
		if k == deliberate {
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
		{"differences", differencesTable(deliberate)},
		{"cannot", differencesTable(goCannot)},
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
	return errors.New("README.md does not match this run's counts and differences; run: go test ./conformance -update (with every database)")
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
