// Package ddltest holds what the dialects' DDL tests share: builders for
// the dialect.TableDef models of testdata/oracle/CASES.md, and readers for
// the goldens real Sequelize produced (testdata/oracle and
// dialect/testdata/ddl). It is for tests in dialect/<name>/ only: the
// paths are relative to those directories.
package ddltest

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/gosequelize/sequelize/dialect"
)

// Col is a nullable column of SQL type typ.
func Col(name, typ string) dialect.ColumnDef {
	return dialect.ColumnDef{Name: name, Type: typ, TypeKey: strings.SplitN(typ, "(", 2)[0], AllowNull: true}
}

// NotNull makes c NOT NULL.
func NotNull(c dialect.ColumnDef) dialect.ColumnDef { c.AllowNull = false; return c }

// PK is a primary-key column.
func PK(name, typ string) dialect.ColumnDef {
	c := Col(name, typ)
	c.PrimaryKey = true
	return c
}

// Ref makes c a foreign key to table's id.
func Ref(c dialect.ColumnDef, table, onDelete, onUpdate string) dialect.ColumnDef {
	c.References = &dialect.ReferenceDef{Table: table, Column: "id", OnDelete: onDelete, OnUpdate: onUpdate}
	return c
}

// Table builds a TableDef from column groups.
func Table(name string, groups ...[]dialect.ColumnDef) dialect.TableDef {
	t := dialect.TableDef{Name: name}
	for _, g := range groups {
		t.Columns = append(t.Columns, g...)
	}
	return t
}

// Cs groups columns.
func Cs(c ...dialect.ColumnDef) []dialect.ColumnDef { return c }

// WithoutReferences is t with no foreign keys (Sequelize's
// withoutForeignKeyConstraints).
func WithoutReferences(t dialect.TableDef) dialect.TableDef {
	t.Columns = slices.Clone(t.Columns)
	for i := range t.Columns {
		t.Columns[i].References = nil
	}
	return t
}

// Model is a table and its indexes.
type Model struct {
	Def     dialect.TableDef
	Indexes []dialect.IndexDef
}

// Models indexes models by table name.
func Models(ms ...Model) map[string]Model {
	out := map[string]Model{}
	for _, m := range ms {
		out[m.Def.Name] = m
	}
	return out
}

// Ix is an index on fields.
func Ix(name string, fields ...dialect.IndexFieldDef) dialect.IndexDef {
	return dialect.IndexDef{Name: name, Fields: fields}
}

// Field is an index field on a column.
func Field(name string) dialect.IndexFieldDef { return dialect.IndexFieldDef{Name: name} }

// Section is one Model.sync of a golden: its table, its flags ("force",
// "alter", ...) and the statements Sequelize sent.
type Section struct {
	Table, Flags string
	Stmts        []string
}

var reHeader = regexp.MustCompile(`^-- \w+\.sync \(table (\w+)\) \[([^\]]*)\]$`)

// ReadGolden reads testdata/oracle/name into its Model.sync sections,
// skipping comments and PRAGMA lines.
func ReadGolden(t *testing.T, name string) []Section {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "oracle", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []Section
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if m := reHeader.FindStringSubmatch(line); m != nil {
			out = append(out, Section{Table: m[1], Flags: m[2]})
			continue
		}
		if line == "" || strings.HasPrefix(line, "--") || strings.HasPrefix(line, "PRAGMA") || len(out) == 0 {
			continue
		}
		out[len(out)-1].Stmts = append(out[len(out)-1].Stmts, line)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// CompareStmts reports each statement of got that differs from want.
func CompareStmts(t *testing.T, what string, got, want []string) {
	t.Helper()
	for i := 0; i < max(len(got), len(want)); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("%s: statement %d:\n got: %s\nwant: %s", what, i, g, w)
		}
	}
}

type extraCase struct {
	Name  string   `json:"name"`
	Stmts []string `json:"stmts"`
}

// ReadExtra reads dialect/testdata/ddl/<dialectName>.json: the statements
// of Sequelize's own query interface, by case name.
func ReadExtra(t *testing.T, dialectName string) map[string][]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "ddl", dialectName+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var cs []extraCase
	if err := json.Unmarshal(b, &cs); err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, c := range cs {
		out[c.Name] = c.Stmts
	}
	// Sequelize renders an index whose options the dialect lacks by
	// dropping them; the dialects refuse it (TestAddIndexRefusesOptions).
	delete(out, "addIndex_ignored_options")
	return out
}

// CompareExtras checks that got renders every case of want the same, and
// no case without a golden.
func CompareExtras(t *testing.T, want, got map[string][]string) {
	t.Helper()
	for name, w := range want {
		g, ok := got[name]
		if !ok {
			t.Errorf("%s: not rendered", name)
			continue
		}
		CompareStmts(t, name, g, w)
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: no golden", name)
		}
	}
}

// Must returns a function that fails t on an error and returns the value.
func Must[T any](t *testing.T) func(v T, err error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

// EndToEndOnly are the golden cases the dialect tests leave to the root
// package's ddl_golden_test.go, with why; any other case without model
// definitions in a dialect test fails it.
var EndToEndOnly = map[string]string{
	"through": "through models are shaped by package sequelize (key injection); ddl_golden_test.go checks this case end to end",
}

// Kit builds the oracle models with one dialect's column types: Str for
// STRING, Date for DATE, Int for INTEGER as the goldens show them.
type Kit struct{ Str, Date, Int string }

// ImplicitID is Sequelize's implicit id column.
func (k Kit) ImplicitID() dialect.ColumnDef {
	return dialect.ColumnDef{Name: "id", Type: k.Int, TypeKey: "INTEGER", PrimaryKey: true, AutoIncrement: true}
}

// Timestamps are the two NOT NULL timestamp columns.
func (k Kit) Timestamps(created, updated string) []dialect.ColumnDef {
	return []dialect.ColumnDef{NotNull(Col(created, k.Date)), NotNull(Col(updated, k.Date))}
}

// Standard is a model with the implicit id, cols and both timestamps.
func (k Kit) Standard(name string, cols ...dialect.ColumnDef) dialect.TableDef {
	return Table(name, Cs(k.ImplicitID()), cols, k.Timestamps("createdAt", "updatedAt"))
}

// WithFKs is a standard model whose foreign keys, added by associations,
// come after the timestamps.
func (k Kit) WithFKs(name string, cols []dialect.ColumnDef, fks ...dialect.ColumnDef) dialect.TableDef {
	return Table(name, Cs(k.ImplicitID()), cols, k.Timestamps("createdAt", "updatedAt"), fks)
}

// BasicUsers is the Users model of the basic case.
func (k Kit) BasicUsers() dialect.TableDef {
	return k.Standard("Users", Col("username", k.Str), Col("firstName", k.Str), Col("lastName", k.Str))
}

// CycleModels are the two models of the cycle case, each referencing the
// other.
func (k Kit) CycleModels() map[string]Model {
	return Models(
		Model{Def: k.WithFKs("As", Cs(Col("name", k.Str)), Ref(Col("BId", k.Int), "Bs", "SET NULL", "CASCADE"))},
		Model{Def: k.WithFKs("Bs", Cs(Col("name", k.Str)), Ref(Col("AId", k.Int), "As", "SET NULL", "CASCADE"))},
	)
}

// CycleAlter is what sync({alter: true}) sends for the cycle case's
// tables on dialects that change columns in place.
func (k Kit) CycleAlter() map[string][]AlterOp {
	out := map[string][]AlterOp{}
	for _, p := range [][2]string{{"As", "Bs"}, {"Bs", "As"}} {
		tbl, other := p[0], p[1]
		out[tbl] = []AlterOp{
			Change(tbl, Col("name", k.Str)),
			Change(tbl, NotNull(Col("createdAt", k.Date))),
			Change(tbl, NotNull(Col("updatedAt", k.Date))),
			Change(tbl, Ref(Col(other[:1]+"Id", k.Int), other, "SET NULL", "CASCADE")),
		}
	}
	return out
}

// AlterOp is one step of a sync({alter: true}) section.
type AlterOp func(d dialect.DDL) ([]string, error)

// Change is changeColumn of c on tbl.
func Change(tbl string, c dialect.ColumnDef) AlterOp {
	return func(d dialect.DDL) ([]string, error) { return d.ChangeColumnSQL("", tbl, c) }
}

// Add is addColumn of c on tbl.
func Add(tbl string, c dialect.ColumnDef) AlterOp {
	return func(d dialect.DDL) ([]string, error) { return d.AddColumnSQL("", tbl, c) }
}

// Remove is removeColumn of column on tbl.
func Remove(tbl, column string) AlterOp {
	return func(d dialect.DDL) ([]string, error) { return d.RemoveColumnSQL("", tbl, column) }
}

// OracleCase is one case of testdata/oracle: its models by table, and
// per table the operations of its [alter] section.
type OracleCase struct {
	Models map[string]Model
	Alter  map[string][]AlterOp
}
