package sqlitedialect

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gosequelize/sequelize/dialect"
	"github.com/gosequelize/sequelize/internal/ddltest"
)

// The models of testdata/oracle/CASES.md, as the DDL contract describes
// them for SQLite, with the data types' SQL as the goldens show it.

const (
	tStr  = "VARCHAR(255)"
	tDate = "DATETIME"
	tInt  = "INTEGER"
)

// The shared builders and golden readers (internal/ddltest), under the
// short names the cases below use.
var (
	col          = ddltest.Col
	notNull      = ddltest.NotNull
	pk           = ddltest.PK
	ref          = ddltest.Ref
	table        = ddltest.Table
	cs           = ddltest.Cs
	models       = ddltest.Models
	ix           = ddltest.Ix
	field        = ddltest.Field
	readGolden   = ddltest.ReadGolden
	readExtra    = ddltest.ReadExtra
	compareStmts = ddltest.CompareStmts
	implicitID   = kit.ImplicitID
	timestamps   = kit.Timestamps
	standard     = kit.Standard
	withFKs      = kit.WithFKs
	change       = ddltest.Change
	add          = ddltest.Add
	remove       = ddltest.Remove
	basicUsers   = kit.BasicUsers
	cycleModels  = kit.CycleModels
)

type model = ddltest.Model

type alterOp = ddltest.AlterOp

type oracleCase = ddltest.OracleCase

var kit = ddltest.Kit{Str: tStr, Date: tDate, Int: tInt}

// enumCol is an ENUM, which SQLite stores as TEXT.
func enumCol(name string, values ...string) dialect.ColumnDef {
	return dialect.ColumnDef{Name: name, Type: "TEXT", TypeKey: "ENUM", EnumValues: values, AllowNull: true}
}

func oracleCases() map[string]oracleCase {
	users := basicUsers()
	phone := col("phone", tStr)
	phone.Comment = "primary phone number" // SQLite's dialect ignores comments
	contacts := standard("Contacts", col("e_mail", tStr), phone)
	contacts.Comment = "address book entries"
	accounts := standard("Accounts", col("firstName", tStr), col("lastName", tStr), col("login", tStr))
	accounts.UniqueKeys = []dialect.UniqueKeyDef{
		{Name: "compositeName", Columns: []string{"firstName", "lastName"}},
		{Name: "u_named", Columns: []string{"login"}},
	}
	kind := notNull(col("kind", tStr))
	kind.Default = "'x'"
	stamped := col("stampedAt", tDate)
	stamped.Default = "CURRENT_TIMESTAMP"
	email := notNull(col("email", tStr))
	email.Unique = true
	score := col("score", "DECIMAL(10,2)")
	score.Default = "0"
	version := notNull(col("version", tInt))
	version.Default = "0"

	everything := []dialect.ColumnDef{implicitID()}
	for _, p := range [][2]string{
		{"string", tStr}, {"string64", "VARCHAR(64)"}, {"stringBinary", "VARCHAR BINARY(255)"}, {"char10", "CHAR(10)"},
		{"text", "TEXT"}, {"textLong", "TEXT"}, {"integer", tInt}, {"bigint", "BIGINT"}, {"smallint", "SMALLINT"},
		{"tinyint", "TINYINT"}, {"float", "FLOAT"}, {"double", "DOUBLE PRECISION"}, {"real", "REAL"},
		{"decimal", "DECIMAL"}, {"decimal10_2", "DECIMAL(10,2)"}, {"boolean", "TINYINT(1)"}, {"date", tDate},
		{"date6", tDate}, {"dateonly", "DATE"}, {"time", "TIME"}, {"uuid", "UUID"}, {"blob", "BLOB"},
		{"json", "JSON"}, {"enumXY", ""},
	} {
		if p[0] == "enumXY" {
			everything = append(everything, enumCol("enumXY", "x", "y"))
			continue
		}
		everything = append(everything, col(p[0], p[1]))
	}
	everything = append(everything, timestamps("createdAt", "updatedAt")...)

	scoreDesc := field("score")
	scoreDesc.Order = "DESC"
	profileIndexes := []dialect.IndexDef{
		ix("profiles_name", field("name")),
		{Name: "profiles_full_name_unique", Unique: true, Fields: []dialect.IndexFieldDef{field("firstName"), field("lastName")}},
		ix("profiles_score", scoreDesc),
		{Name: "profiles_status", Where: "`status` = 'active'", Fields: []dialect.IndexFieldDef{field("status")}},
	}

	throughFK := func(name, target string) dialect.ColumnDef {
		return ref(pk(name, tInt), target, "CASCADE", "CASCADE")
	}

	return map[string]oracleCase{
		"basic": {Models: models(model{Def: users})},
		"seed": {Models: models(
			model{Def: standard("UserGroups", col("name", tStr))},
			model{Def: table("Users", users.Columns, cs(ref(col("groupId", tInt), "UserGroups", "SET NULL", "CASCADE")))},
		)},
		"reference": {Models: models(
			model{Def: table("Users", cs(implicitID(), email, enumCol("status", "a", "b"), score),
				timestamps("createdAt", "updatedAt"), cs(col("deletedAt", tDate))),
				Indexes: []dialect.IndexDef{ix("users_score", field("score"))}},
			model{Def: table("tasks", cs(implicitID(), col("title", tStr)), timestamps("created_at", "updated_at"),
				cs(version, ref(col("user_id", tInt), "Users", "SET NULL", "CASCADE")))},
		)},
		"types": {Models: models(model{Def: table("Everythings", everything)})},
		"keys": {Models: models(
			model{Def: table("Products", cs(pk("code", tStr), col("name", tStr)), timestamps("createdAt", "updatedAt"))},
			model{Def: table("Memberships", cs(pk("userId", tInt), pk("groupId", tInt), col("role", tStr)),
				timestamps("createdAt", "updatedAt"))},
			model{Def: table("Documents", cs(pk("id", "UUID"), col("title", tStr)), timestamps("createdAt", "updatedAt"))},
		)},
		"options": {Models: models(
			model{Def: standard("Person", col("name", tStr))},
			model{Def: standard("custom_people", col("name", tStr))},
			model{Def: table("articles", cs(implicitID(), col("headline", tStr), col("author_name", tStr),
				notNull(col("created", tDate))))},
			model{Def: table("Notes", cs(implicitID(), col("body", "TEXT")))},
			model{Def: table("Posts", cs(implicitID(), col("title", tStr)), timestamps("createdAt", "updatedAt"),
				cs(col("removedAt", tDate)))},
			model{Def: contacts},
			model{Def: table("Settings", cs(implicitID(), kind, col("startsAt", tDate), stamped),
				timestamps("createdAt", "updatedAt"))},
			model{Def: accounts},
		)},
		"indexes": {Models: models(model{Def: standard("Profiles", col("name", tStr), col("email", tStr),
			col("firstName", tStr), col("lastName", tStr), col("score", tInt), col("status", tStr), col("bio", "TEXT")),
			Indexes: profileIndexes})},
		"associations": {Models: models(
			model{Def: standard("As", col("name", tStr))},
			model{Def: withFKs("Bs", cs(col("name", tStr)), ref(col("AId", tInt), "As", "SET NULL", "CASCADE"))},
			model{Def: withFKs("Cs", cs(col("name", tStr)), ref(col("AId", tInt), "As", "CASCADE", "CASCADE"))},
			model{Def: standard("Ds", col("name", tStr))},
			model{Def: standard("Es", col("name", tStr))},
			model{Def: table("DE", timestamps("createdAt", "updatedAt"), cs(throughFK("DId", "Ds"), throughFK("EId", "Es")))},
			model{Def: withFKs("People", cs(col("name", tStr)), ref(col("parentId", tInt), "People", "SET NULL", "CASCADE"))},
			model{Def: table("Friendship", timestamps("createdAt", "updatedAt"),
				cs(throughFK("PersonId", "People"), throughFK("friendId", "People")))},
			model{Def: withFKs("Logs", cs(col("message", tStr)), col("AId", tInt))},
			model{Def: table("comments", cs(implicitID(), col("body", tStr)), timestamps("created_at", "updated_at"),
				cs(ref(col("a_id", tInt), "As", "SET NULL", "CASCADE")))},
		)},
		"cycle":        {Models: cycleModels()},
		"cycle_resync": {Models: cycleModels()},
		// Sequelize's SQLite alter adds the column in place, then rebuilds
		// the table for every change and removal: the DDL methods return
		// dialect.ErrRebuild there, and the rebuild is the caller's.
		"alter": {Models: models(model{Def: users}), Alter: map[string][]alterOp{"Users": {
			add("Users", col("age", tInt)),
			change("Users", col("username", tStr)),
			remove("Users", "lastName"),
		}}},
		"alter_noop": {Models: models(model{Def: users}), Alter: map[string][]alterOp{"Users": {
			change("Users", col("username", tStr)),
		}}},
	}
}

// forceSync is what Sequelize's Model.sync({force: true}) sends for m:
// dropTable, createTable, then addIndex for each index.
func forceSync(t *testing.T, d *Dialect, m model) []string {
	t.Helper()
	stmts := d.DropTableSQL(m.Def, true)
	create, err := d.CreateTableSQL(m.Def)
	if err != nil {
		t.Fatalf("CreateTableSQL(%s): %v", m.Def.Name, err)
	}
	stmts = append(stmts, create...)
	for _, x := range m.Indexes {
		s, err := d.AddIndexSQL(m.Def.Schema, m.Def.Name, x)
		if err != nil {
			t.Fatalf("AddIndexSQL(%s): %v", x.Name, err)
		}
		stmts = append(stmts, s)
	}
	return stmts
}

// alterSQL runs ops until the first that asks for a rebuild.
func alterSQL(t *testing.T, d *Dialect, ops []alterOp) (stmts []string, rebuild bool) {
	t.Helper()
	for _, op := range ops {
		st, err := op(d)
		if errors.Is(err, dialect.ErrRebuild) {
			return stmts, true
		}
		if err != nil {
			t.Fatal(err)
		}
		stmts = append(stmts, st...)
	}
	return stmts, false
}

// describedUsers is the Users table as Sequelize's SQLite rebuild
// describes it: the key only INTEGER PRIMARY KEY, without AUTOINCREMENT.
func describedUsers(name string, withLastName, withAge bool) dialect.TableDef {
	cols := cs(pk("id", tInt), col("username", tStr), col("firstName", tStr))
	if withLastName {
		cols = append(cols, col("lastName", tStr))
	}
	cols = append(cols, timestamps("createdAt", "updatedAt")...)
	if withAge {
		cols = append(cols, col("age", tInt))
	}
	return table(name, cols)
}

// TestOracleGoldens compares, for every case of testdata/oracle, each
// Model.sync section of the SQLite golden with what the DDL methods render
// for the same model. In [alter] sections, the statements before the
// first rebuild are compared, and every CREATE TABLE of the rebuild with
// CreateTableSQL of the described table.
func TestOracleGoldens(t *testing.T) {
	d := New()
	cases := oracleCases()
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "oracle", "*.sqlite.sql"))
	if len(files) == 0 {
		t.Fatal("no goldens found")
	}
	var rebuildTables []string
	for _, name := range []string{"Users", "Users_backup"} {
		for _, last := range []bool{false, true} {
			for _, age := range []bool{false, true} {
				rebuildTables = append(rebuildTables, ddltest.Must[[]string](t)(d.CreateTableSQL(describedUsers(name, last, age)))...)
			}
		}
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".sqlite.sql")
		t.Run(name, func(t *testing.T) {
			c, ok := cases[name]
			if !ok {
				if why, ok := ddltest.EndToEndOnly[name]; ok {
					t.Skip(why)
				}
				t.Fatalf("no model definitions for golden case %q", name)
			}
			sections := readGolden(t, filepath.Base(file))
			if len(sections) == 0 {
				t.Fatal("no sections")
			}
			for _, s := range sections {
				m, ok := c.Models[s.Table]
				if !ok {
					t.Fatalf("no model for table %s", s.Table)
				}
				switch {
				case strings.Contains(s.Flags, "force"):
					compareStmts(t, s.Table+" ["+s.Flags+"]", forceSync(t, d, m), s.Stmts)
				case s.Flags == "alter":
					got, rebuild := alterSQL(t, d, c.Alter[s.Table])
					if !rebuild {
						t.Fatal("no rebuild asked for")
					}
					compareStmts(t, s.Table+" [alter]", got, s.Stmts[:min(len(got), len(s.Stmts))])
					n := 0
					for _, st := range s.Stmts[len(got):] {
						if strings.HasPrefix(st, "CREATE TABLE") {
							n++
							if !slices.Contains(rebuildTables, st) {
								t.Errorf("rebuild statement not rendered by CreateTableSQL: %s", st)
							}
						}
					}
					if n == 0 {
						t.Error("no rebuild statements in the golden")
					}
				default:
					t.Fatalf("unknown section flags %q", s.Flags)
				}
			}
		})
	}
}

// TestRebuild checks that the ALTERs SQLite lacks ask for a rebuild.
func TestRebuild(t *testing.T) {
	d := New()
	if _, err := d.ChangeColumnSQL("", "Users", col("a", tStr)); !errors.Is(err, dialect.ErrRebuild) {
		t.Errorf("ChangeColumnSQL: %v", err)
	}
	if _, err := d.RemoveColumnSQL("", "Users", "a"); !errors.Is(err, dialect.ErrRebuild) {
		t.Errorf("RemoveColumnSQL: %v", err)
	}
	if _, err := d.RenameColumnSQL("", "Users", "a", "b"); !errors.Is(err, dialect.ErrRebuild) {
		t.Errorf("RenameColumnSQL: %v", err)
	}
}

// TestExtraGoldens compares behaviour the oracle cases do not reach with
// the output of Sequelize's own query interface (dialect/testdata/ddl).
func TestExtraGoldens(t *testing.T) {
	d := New()
	want := readExtra(t, "sqlite")
	got := extraDDL(t, d)
	ddltest.CompareExtras(t, want, got)
}

// extraDDL renders the calls of dialect/testdata/ddl/gen.js.
func extraDDL(t *testing.T, d *Dialect) map[string][]string {
	ss := ddltest.Must[[]string](t)
	s1 := func(s string, err error) []string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return []string{s}
	}
	withDefault := func(c dialect.ColumnDef, def string) dialect.ColumnDef { c.Default = def; return c }
	note := col("note", "TEXT")
	note.Comment = "it's a note"
	code := withDefault(col("code", tStr), "'a'")
	code.Unique = true
	misc := table("Items", cs(implicitID(), withDefault(notNull(col("flag", "TINYINT(1)")), "1"),
		withDefault(col("label", tStr), "'false'"), note, code, ref(col("ownerId", tInt), "Owners", "CASCADE", "CASCADE")))
	big := implicitID()
	big.Type, big.TypeKey = "BIGINT", "BIGINT"
	name := col("name", tStr)
	name.Unique = true
	pkRef := ref(withDefault(notNull(pk("ownerId", tInt)), "1"), "Owners", "CASCADE", "")
	pairs := table("Pairs", cs(notNull(pk("a", tStr)), ref(pk("b", tInt), "Owners", "", "")))
	pairs.UniqueKeys = []dialect.UniqueKeyDef{{Name: "ab", Columns: []string{"a", "b"}}}
	schemaRef := ref(col("ownerId", tInt), "Owners", "SET NULL", "")
	schemaRef.References.Schema = "app"
	collated := field("code")
	collated.Collate, collated.Order = "NOCASE", "DESC"
	fields := func(f ...dialect.IndexFieldDef) []dialect.IndexFieldDef { return f }
	return map[string][]string{
		"createTable_misc":       ss(d.CreateTableSQL(misc)),
		"createTable_bigint_pk":  ss(d.CreateTableSQL(table("Bigs", cs(big, name)))),
		"createTable_pk_ref":     ss(d.CreateTableSQL(table("Extras", cs(pkRef, col("data", tStr))))),
		"createTable_composite":  ss(d.CreateTableSQL(pairs)),
		"createTable_schema":     ss(d.CreateTableSQL(dialect.TableDef{Schema: "app", Name: "Items", Columns: cs(implicitID(), schemaRef)})),
		"addColumn_bool":         ss(d.AddColumnSQL("", "Items", withDefault(col("active", "TINYINT(1)"), "0"))),
		"addColumn_ref":          ss(d.AddColumnSQL("", "Items", ref(col("helperId", tInt), "Owners", "SET NULL", "CASCADE"))),
		"renameTable":            {d.RenameTableSQL("", "Items", "", "Things")},
		"dropTable":              d.DropTableSQL(dialect.TableDef{Name: "Items"}, true),
		"removeIndex":            {d.RemoveIndexSQL("", "Items", "items_c")},
		"addIndex_unnamed":       s1(d.AddIndexSQL("", "Items", dialect.IndexDef{Fields: fields(field("ownerId"), field("helperId"))})),
		"addIndex_collate_where": s1(d.AddIndexSQL("", "Items", dialect.IndexDef{Name: "items_c", Unique: true, Where: "`code` = 'x'", Fields: fields(collated)})),
		"addIndex_schema":        s1(d.AddIndexSQL("app", "Items", dialect.IndexDef{Name: "items_s", Fields: fields(field("ownerId"))})),
	}
}

// memDB opens an in-memory SQLite database on one connection, with
// foreign keys enforced.
func memDB(t *testing.T) func(stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	exec := func(stmts ...string) {
		t.Helper()
		for _, st := range stmts {
			if _, err := db.ExecContext(context.Background(), st); err != nil {
				t.Fatalf("%s\n%v", st, err)
			}
		}
	}
	exec("PRAGMA foreign_keys = ON")
	return exec
}

// TestLive runs the rendered DDL on SQLite (modernc.org/sqlite): every
// oracle case's force sync and in-place alter statements, one in-memory
// database per case, then the extra calls.
func TestLive(t *testing.T) {
	d := New()
	cases := oracleCases()
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			exec := memDB(t)
			if strings.HasPrefix(name, "alter") {
				exec(forceSync(t, d, model{Def: basicUsers()})...)
			}
			for _, s := range readGolden(t, name+".sqlite.sql") {
				if strings.Contains(s.Flags, "force") {
					exec(forceSync(t, d, c.Models[s.Table])...)
					continue
				}
				st, _ := alterSQL(t, d, c.Alter[s.Table])
				exec(st...)
			}
		})
	}
	t.Run("extra", func(t *testing.T) {
		exec := memDB(t)
		ss := ddltest.Must[[]string](t)
		owners := standard("Owners", col("name", tStr))
		exec(ss(d.CreateTableSQL(owners))...)
		owners.Schema = "app"
		exec(ss(d.CreateTableSQL(owners))...)
		x := extraDDL(t, d)
		for _, name := range []string{"createTable_misc", "createTable_bigint_pk", "createTable_pk_ref",
			"createTable_composite", "createTable_schema", "addColumn_bool", "addColumn_ref", "addIndex_unnamed",
			"addIndex_collate_where", "removeIndex", "addIndex_schema", "renameTable",
			"dropTable"} {
			exec(x[name]...)
		}
		exec(d.RemoveIndexSQL("", "Things", "items_i"))
		exec(d.RenameTableSQL("app", "Items", "app", "Gadgets"))
		exec(d.DropTableSQL(dialect.TableDef{Schema: "app", Name: "Gadgets"}, false)...)
	})
}

// TestAddIndexRefusesOptions checks that an index option the dialect cannot
// render is an error naming it, where Sequelize drops it silently.
func TestAddIndexRefusesOptions(t *testing.T) {
	d := New()
	for _, ix := range []dialect.IndexDef{
		{Using: "BTREE"}, {Type: "FULLTEXT"}, {Concurrently: true}, {Parser: "ngram"},
		{Fields: []dialect.IndexFieldDef{{Name: "code", Length: 5}}}, {Fields: []dialect.IndexFieldDef{{Name: "code", Operator: "x"}}},
	} {
		ix.Name = "items_i"
		if len(ix.Fields) == 0 {
			ix.Fields = []dialect.IndexFieldDef{{Name: "code"}}
		}
		_, err := d.AddIndexSQL("", "Items", ix)
		if err == nil || !strings.Contains(err.Error(), "indexes do not support") {
			t.Errorf("%+v: err = %v, want an unsupported-option error", ix, err)
		}
	}
}
