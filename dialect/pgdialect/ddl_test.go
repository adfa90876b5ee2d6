package pgdialect

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gosequelize/sequelize/dialect"
	"github.com/gosequelize/sequelize/internal/ddltest"
	"github.com/gosequelize/sequelize/internal/testdb"
	"github.com/jackc/pgx/v5"
)

// The models of testdata/oracle/CASES.md, as the DDL contract describes
// them for PostgreSQL, with the data types' SQL as the goldens show it.

const (
	tStr  = "VARCHAR(255)"
	tDate = "TIMESTAMP WITH TIME ZONE"
	tInt  = "INTEGER"
)

// The shared builders and golden readers (internal/ddltest), under the
// short names the cases below use.
var (
	col               = ddltest.Col
	notNull           = ddltest.NotNull
	pk                = ddltest.PK
	ref               = ddltest.Ref
	table             = ddltest.Table
	cs                = ddltest.Cs
	models            = ddltest.Models
	ix                = ddltest.Ix
	field             = ddltest.Field
	readGolden        = ddltest.ReadGolden
	readExtra         = ddltest.ReadExtra
	compareStmts      = ddltest.CompareStmts
	withoutReferences = ddltest.WithoutReferences
	implicitID        = kit.ImplicitID
	timestamps        = kit.Timestamps
	standard          = kit.Standard
	withFKs           = kit.WithFKs
	change            = ddltest.Change
	add               = ddltest.Add
	remove            = ddltest.Remove
	basicUsers        = kit.BasicUsers
	cycleModels       = kit.CycleModels
	cycleAlter        = kit.CycleAlter
)

type model = ddltest.Model

type alterOp = ddltest.AlterOp

type oracleCase = ddltest.OracleCase

var kit = ddltest.Kit{Str: tStr, Date: tDate, Int: tInt}

func enumCol(table, name string, values ...string) dialect.ColumnDef {
	typ := `"public"."enum_` + table + "_" + name + `"`
	return dialect.ColumnDef{Name: name, Type: typ, TypeKey: "ENUM", EnumValues: values, EnumType: typ, AllowNull: true}
}

func oracleCases() map[string]oracleCase {
	users := basicUsers()
	contacts := standard("Contacts", col("e_mail", tStr), func() dialect.ColumnDef {
		c := col("phone", tStr)
		c.Comment = "primary phone number"
		return c
	}())
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
	counterID := pk("id", tInt)
	counterID.AutoIncrement, counterID.AutoIncrementIdentity = true, true

	everything := []dialect.ColumnDef{implicitID()}
	for _, p := range [][2]string{
		{"string", tStr}, {"string64", "VARCHAR(64)"}, {"stringBinary", "BYTEA"}, {"char10", "CHAR(10)"},
		{"text", "TEXT"}, {"textLong", "TEXT"}, {"integer", tInt}, {"bigint", "BIGINT"}, {"smallint", "SMALLINT"},
		{"float", "FLOAT"}, {"double", "DOUBLE PRECISION"}, {"real", "REAL"}, {"decimal", "DECIMAL"},
		{"decimal10_2", "DECIMAL(10,2)"}, {"boolean", "BOOLEAN"}, {"date", tDate}, {"date6", tDate},
		{"dateonly", "DATE"}, {"time", "TIME"}, {"uuid", "UUID"}, {"blob", "BYTEA"}, {"json", "JSON"},
		{"enumXY", ""}, {"jsonb", "JSONB"}, {"arrayInteger", "INTEGER[]"}, {"rangeDate", "tstzrange"},
		{"inet", "INET"}, {"cidr", "CIDR"}, {"macaddr", "MACADDR"}, {"citext", "CITEXT"}, {"tsvector", "TSVECTOR"},
		{"hstore", "HSTORE"},
	} {
		if p[0] == "enumXY" {
			everything = append(everything, enumCol("Everythings", "enumXY", "x", "y"))
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
		{Name: "profiles_data", Using: "GIN", Fields: []dialect.IndexFieldDef{field("data")}},
		{Name: "profiles_status", Where: `"status" = 'active'`, Fields: []dialect.IndexFieldDef{field("status")}},
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
			model{Def: table("Users", cs(implicitID(), email, enumCol("Users", "status", "a", "b"), score),
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
			model{Def: table("Counters", cs(counterID, col("label", tStr)), timestamps("createdAt", "updatedAt"))},
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
			col("firstName", tStr), col("lastName", tStr), col("score", tInt), col("status", tStr), col("bio", "TEXT"),
			col("data", "JSONB")), Indexes: profileIndexes})},
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
		"cycle":        {Models: cycleModels(), Alter: cycleAlter()},
		"cycle_resync": {Models: cycleModels(), Alter: cycleAlter()},
		"alter": {Models: models(model{Def: users}), Alter: map[string][]alterOp{"Users": {
			add("Users", col("age", tInt)),
			change("Users", col("username", tStr)),
			change("Users", col("firstName", tStr)),
			remove("Users", "lastName"),
			change("Users", notNull(col("createdAt", tDate))),
			change("Users", notNull(col("updatedAt", tDate))),
		}}},
		"alter_noop": {Models: models(model{Def: users}), Alter: map[string][]alterOp{"Users": {
			change("Users", col("username", tStr)),
			change("Users", col("firstName", tStr)),
			change("Users", col("lastName", tStr)),
			change("Users", notNull(col("createdAt", tDate))),
			change("Users", notNull(col("updatedAt", tDate))),
		}}},
	}
}

// forceSync is what Sequelize's Model.sync({force: true}) sends for m:
// dropTable, ensureEnums with force (DROP TYPE IF EXISTS <type>; before
// each DO block), createTable, then addIndex for each index.
func forceSync(t *testing.T, d *Dialect, m model) []string {
	t.Helper()
	stmts := d.DropTableSQL(m.Def, true)
	create, err := d.CreateTableSQL(m.Def)
	if err != nil {
		t.Fatalf("CreateTableSQL(%s): %v", m.Def.Name, err)
	}
	var enums []string
	for _, c := range m.Def.Columns {
		if isEnum(c) {
			enums = append(enums, c.EnumType)
		}
	}
	if len(create) != len(enums)+1 {
		t.Fatalf("CreateTableSQL(%s) returned %d statements, want %d", m.Def.Name, len(create), len(enums)+1)
	}
	for i, e := range enums {
		stmts = append(stmts, "DROP TYPE IF EXISTS "+e+"; "+create[i])
	}
	stmts = append(stmts, create[len(create)-1])
	for _, x := range m.Indexes {
		s, err := d.AddIndexSQL(m.Def.Schema, m.Def.Name, x)
		if err != nil {
			t.Fatalf("AddIndexSQL(%s): %v", x.Name, err)
		}
		stmts = append(stmts, s)
	}
	return stmts
}

// TestOracleGoldens compares, for every case of testdata/oracle, each
// Model.sync section of the PostgreSQL golden with what the DDL methods
// render for the same model.
func TestOracleGoldens(t *testing.T) {
	d := New()
	cases := oracleCases()
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "oracle", "*.postgres.sql"))
	if len(files) == 0 {
		t.Fatal("no goldens found")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".postgres.sql")
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
			alterSeen := map[string]bool{}
			for _, s := range sections {
				m, ok := c.Models[s.Table]
				if !ok {
					t.Fatalf("no model for table %s", s.Table)
				}
				var got []string
				switch {
				case strings.Contains(s.Flags, "force"):
					if strings.Contains(s.Flags, "withoutForeignKeyConstraints") {
						m.Def = withoutReferences(m.Def)
					}
					got = forceSync(t, d, m)
				case s.Flags == "alter":
					alterSeen[s.Table] = true
					for _, op := range c.Alter[s.Table] {
						st, err := op(d)
						if err != nil {
							t.Fatal(err)
						}
						got = append(got, st...)
					}
				default:
					t.Fatalf("unknown section flags %q", s.Flags)
				}
				compareStmts(t, s.Table+" ["+s.Flags+"]", got, s.Stmts)
			}
			for tbl := range c.Alter {
				if !alterSeen[tbl] {
					t.Errorf("no [alter] section for %s", tbl)
				}
			}
		})
	}
}

// TestEnumDDL checks the ENUM statements against reference.postgres.sql:
// CreateTableSQL's DO block is the non-destructive tail of the force-sync
// line, and DropTableSQL drops the type after the table.
func TestEnumDDL(t *testing.T) {
	d := New()
	users := oracleCases()["reference"].Models["Users"].Def
	stmts, err := d.CreateTableSQL(users)
	if err != nil {
		t.Fatal(err)
	}
	want := `DO 'BEGIN CREATE TYPE "public"."enum_Users_status" AS ENUM(''a'', ''b''); EXCEPTION WHEN duplicate_object THEN null; END';`
	if len(stmts) != 2 || stmts[0] != want || strings.Contains(stmts[0], "DROP") {
		t.Errorf("enum statement: %q", stmts)
	}
	drop := d.DropTableSQL(users, true)
	if !slices.Equal(drop, []string{`DROP TABLE IF EXISTS "Users" CASCADE;`, `DROP TYPE IF EXISTS "public"."enum_Users_status";`}) {
		t.Errorf("drop: %q", drop)
	}
	if got := d.DropTableSQL(dialect.TableDef{Name: "Users"}, false); !slices.Equal(got, []string{`DROP TABLE IF EXISTS "Users";`}) {
		t.Errorf("drop without cascade: %q", got)
	}
}

// TestExtraGoldens compares behaviour the oracle cases do not reach with
// the output of Sequelize's own query interface (dialect/testdata/ddl).
func TestExtraGoldens(t *testing.T) {
	d := New()
	want := readExtra(t, "postgres")
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
	big := implicitID()
	big.Type, big.TypeKey = "BIGINT", "BIGINT"
	small := implicitID()
	small.Type, small.TypeKey = "SMALLINT", "SMALLINT"
	flag := notNull(col("flag", "BOOLEAN"))
	flag.Default = "true"
	note := col("note", "TEXT")
	note.Comment = "it's a note"
	memo := col("memo", "TEXT")
	memo.Comment = "it's a memo"
	code := col("code", tStr)
	code.Unique = true
	codeDefault := code
	codeDefault.Default = "'a'"
	deferredRef := func(name string) dialect.ColumnDef {
		c := ref(col(name, tInt), "Owners", "CASCADE", "CASCADE")
		c.References.Deferrable = "INITIALLY DEFERRED"
		return c
	}
	status := enumCol("Items", "status", "on", "off")
	statusNN := notNull(status)
	statusNN.Default = "'on'"
	misc := table("Items", cs(implicitID(), flag, note, codeDefault, deferredRef("ownerId")))
	misc.Comment = "items' table"
	schemaTable := dialect.TableDef{Schema: "app", Name: "Items", Columns: cs(implicitID(),
		ref(col("ownerId", tInt), "Owners", "SET NULL", "CASCADE"))}
	collated := field("code")
	collated.Collate = "C"
	collated.Order = "ASC"
	opclass := field("code")
	opclass.Operator = "text_pattern_ops"
	fields := func(f ...dialect.IndexFieldDef) []dialect.IndexFieldDef { return f }
	return map[string][]string{
		"createTable_bigserial":       ss(d.CreateTableSQL(table("Bigs", cs(big, col("name", tStr))))),
		"createTable_smallserial":     ss(d.CreateTableSQL(table("Smalls", cs(small)))),
		"createTable_misc":            ss(d.CreateTableSQL(misc)),
		"createTable_schema":          ss(d.CreateTableSQL(schemaTable)),
		"createTable_enum_notnull":    ss(d.CreateTableSQL(table("Items", cs(implicitID(), statusNN)))),
		"addColumn_enum":              ss(d.AddColumnSQL("", "Items", status)),
		"addColumn_comment":           ss(d.AddColumnSQL("", "Items", memo)),
		"addColumn_ref":               ss(d.AddColumnSQL("", "Items", deferredRef("helperId"))),
		"addColumn_schema_ref":        ss(d.AddColumnSQL("app", "Items", ref(col("helperId", tInt), "Owners", "SET NULL", "CASCADE"))),
		"changeColumn_default":        ss(d.ChangeColumnSQL("", "Items", flag)),
		"changeColumn_unique":         ss(d.ChangeColumnSQL("", "Items", code)),
		"changeColumn_default_unique": ss(d.ChangeColumnSQL("", "Items", codeDefault)),
		"changeColumn_comment":        ss(d.ChangeColumnSQL("", "Items", note)),
		"changeColumn_enum":           ss(d.ChangeColumnSQL("", "Items", statusNN)),
		"changeColumn_schema":         ss(d.ChangeColumnSQL("app", "Items", col("name", tStr))),
		"removeColumn_schema":         ss(d.RemoveColumnSQL("app", "Items", "name")),
		"renameColumn":                ss(d.RenameColumnSQL("", "Items", "memo", "remark")),
		"renameColumn_schema":         ss(d.RenameColumnSQL("app", "Items", "name", "title")),
		"renameTable":                 {d.RenameTableSQL("", "Items", "", "Things")},
		"dropTable_schema":            d.DropTableSQL(dialect.TableDef{Schema: "app", Name: "Items"}, true),
		"removeIndex":                 {d.RemoveIndexSQL("", "Items", "items_c")},
		"addIndex_unnamed":            s1(d.AddIndexSQL("", "Items", dialect.IndexDef{Fields: fields(field("ownerId"), field("helperId"))})),
		"addIndex_concurrently":       s1(d.AddIndexSQL("", "Items", dialect.IndexDef{Name: "items_c", Unique: true, Concurrently: true, Fields: fields(collated)})),
		"addIndex_opclass_using":      s1(d.AddIndexSQL("", "Items", dialect.IndexDef{Name: "items_o", Using: "BTREE", Fields: fields(opclass)})),
		"addIndex_schema":             s1(d.AddIndexSQL("app", "Items", dialect.IndexDef{Name: "items_s", Fields: fields(field("name"))})),
	}
}

// TestSchemaDeviations pins the deliberate differences from Sequelize,
// which only show with a schema.
func TestSchemaDeviations(t *testing.T) {
	d := New()
	if got := d.RemoveIndexSQL("app", "Items", "items_name"); got != `DROP INDEX IF EXISTS "app"."items_name";` {
		t.Errorf("RemoveIndexSQL: %s", got)
	}
	if got := d.RenameTableSQL("app", "Items", "app", "Things"); got != `ALTER TABLE "app"."Items" RENAME TO "Things";` {
		t.Errorf("RenameTableSQL same schema: %s", got)
	}
	if got := d.RenameTableSQL("app", "Items", "arch", "Things"); got != `ALTER TABLE "app"."Items" SET SCHEMA "arch"; ALTER TABLE "arch"."Items" RENAME TO "Things";` {
		t.Errorf("RenameTableSQL other schema: %s", got)
	}
}

// liveDB opens a fresh database on SEQUELIZE_TEST_POSTGRES, dropped when
// the test ends, or skips when the variable is unset.
func liveDB(t *testing.T) *pgx.Conn {
	t.Helper()
	uri := testdb.Postgres.ServerURI(t) // skips (fails under CI=true) when unset
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, uri)
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "t_ddl_" + hex.EncodeToString(b)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		admin.Close(ctx)
		t.Fatal(err)
	}
	u, err := url.Parse(uri)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	conn, err := pgx.Connect(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn.Close(ctx)
		if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
		admin.Close(ctx)
	})
	return conn
}

// TestLive runs the rendered DDL on PostgreSQL: every oracle case's force
// sync and alter sections (one fresh database per case), then the extra
// calls, through pgx's Exec without arguments (the simple protocol, which
// runs the multi-statement strings).
func TestLive(t *testing.T) {
	testdb.Postgres.ServerURI(t) // skips (fails under CI=true) when unset
	d := New()
	ctx := context.Background()
	cases := oracleCases()
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range cases {
			if !yield(k) {
				return
			}
		}
	}) {
		t.Run(name, func(t *testing.T) {
			conn := liveDB(t)
			exec := func(stmts ...string) {
				t.Helper()
				for _, s := range stmts {
					if _, err := conn.Exec(ctx, s); err != nil {
						t.Fatalf("%s\n%v", s, err)
					}
				}
			}
			if name == "types" {
				exec("CREATE EXTENSION IF NOT EXISTS hstore;", "CREATE EXTENSION IF NOT EXISTS citext;")
			}
			sections := readGolden(t, name+".postgres.sql")
			c := cases[name]
			if strings.HasPrefix(name, "alter") {
				// The unrecorded first step: basic's sync({force: true}).
				exec(forceSync(t, d, model{Def: basicUsers()})...)
			}
			for _, s := range sections {
				m := c.Models[s.Table]
				if strings.Contains(s.Flags, "force") {
					if strings.Contains(s.Flags, "withoutForeignKeyConstraints") {
						m.Def = withoutReferences(m.Def)
					}
					exec(forceSync(t, d, m)...)
					continue
				}
				for _, op := range c.Alter[s.Table] {
					st, err := op(d)
					if err != nil {
						t.Fatal(err)
					}
					exec(st...)
				}
			}
			// Sync again without force: CreateTableSQL keeps the types and
			// the tables (IF NOT EXISTS, DO ... duplicate_object).
			for _, s := range sections {
				m := c.Models[s.Table]
				exec(ddltest.Must[[]string](t)(d.CreateTableSQL(withoutReferences(m.Def)))...)
			}
		})
	}
	t.Run("extra", func(t *testing.T) {
		conn := liveDB(t)
		exec := func(stmts ...string) {
			t.Helper()
			for _, s := range stmts {
				if _, err := conn.Exec(ctx, s); err != nil {
					t.Fatalf("%s\n%v", s, err)
				}
			}
		}
		ss := ddltest.Must[[]string](t)
		exec("CREATE SCHEMA app;")
		owners := standard("Owners", col("name", tStr))
		exec(ss(d.CreateTableSQL(owners))...)
		exec(ss(d.CreateTableSQL(dialect.TableDef{Schema: "app", Name: "Owners", Columns: owners.Columns}))...)
		x := extraDDL(t, d)
		// changeColumn_default_unique is left out: Sequelize's own text is
		// invalid there (SET DEFAULT 'a' UNIQUE), and so is ours.
		for _, name := range []string{"createTable_bigserial", "createTable_smallserial", "createTable_misc",
			"addColumn_enum", "addColumn_comment", "addColumn_ref", "changeColumn_default", "changeColumn_comment",
			"changeColumn_unique", "changeColumn_enum", "addIndex_unnamed", "addIndex_concurrently",
			"addIndex_opclass_using", "removeIndex", "renameColumn", "renameTable",
			"createTable_schema", "addColumn_schema_ref"} {
			exec(x[name]...)
		}
		exec(ss(d.AddColumnSQL("app", "Items", col("name", tStr)))...)
		exec(x["changeColumn_schema"]...)
		exec(ss(d.ChangeColumnSQL("app", "Items", notNull(col("name", "TEXT"))))...)
		exec(x["addIndex_schema"]...)
		exec(d.RemoveIndexSQL("app", "Items", "items_s"))
		exec(x["renameColumn_schema"]...)
		exec(ss(d.RemoveColumnSQL("app", "Items", "title"))...)
		exec(d.RenameTableSQL("app", "Items", "", "Gadgets"))
		exec(d.DropTableSQL(dialect.TableDef{Name: "Things"}, true)...) // its index names would clash
		exec(d.RenameTableSQL("app", "Gadgets", "public", "Stuff"))
		exec(d.DropTableSQL(dialect.TableDef{Name: "Stuff"}, true)...)
		exec(x["dropTable_schema"]...)
		// The enum's type goes with the table, and CreateTableSQL never
		// drops a type a live table uses.
		items := table("Items2", cs(implicitID(), enumCol("Items2", "status", "a", "b")))
		exec(ss(d.CreateTableSQL(items))...)
		exec(`INSERT INTO "Items2" ("status") VALUES ('b')`)
		exec(ss(d.CreateTableSQL(items))...)
		exec(d.DropTableSQL(items, true)...)
		var n int
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_type WHERE typname = 'enum_Items2_status'`).Scan(&n); err != nil || n != 0 {
			t.Errorf("enum type left behind: %d %v", n, err)
		}
		if _, err := d.ChangeColumnSQL("", "x", dialect.ColumnDef{Name: "x"}); err == nil || errors.Is(err, dialect.ErrRebuild) {
			t.Errorf("a column without a type: %v", err)
		}
	})
}

// TestAddIndexRefusesOptions checks that an index option the dialect cannot
// render is an error naming it, where Sequelize drops it silently.
func TestAddIndexRefusesOptions(t *testing.T) {
	d := New()
	for _, ix := range []dialect.IndexDef{
		{Type: "FULLTEXT"}, {Parser: "ngram"}, {Fields: []dialect.IndexFieldDef{{Name: "name", Length: 5}}},
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
