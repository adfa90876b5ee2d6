package sequelize_test

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/datatypes"
	"github.com/gosequelize/sequelize/internal/testdb"
	"github.com/gosequelize/sequelize/op"
)

type Team struct {
	ID        int64
	Name      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

type Player struct {
	ID        int64
	Name      string
	TeamID    *int64 `sequelize:"type:INTEGER;references:Teams.id;onDelete:SET NULL;onUpdate:CASCADE"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

// PlayerV2 is Player with a column added and one removed.
type PlayerV2 struct {
	ID        int64
	TeamID    *int64 `sequelize:"type:INTEGER;references:Teams.id;onDelete:SET NULL;onUpdate:CASCADE"`
	Rating    int    `sequelize:"allowNull:false;defaultValue:5"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

func ddlOnly(stmts []string) []string {
	var out []string
	for _, s := range stmts {
		u := strings.ToUpper(strings.TrimSpace(s))
		for _, kw := range []string{"CREATE", "ALTER", "DROP", "INSERT INTO", "PRAGMA FOREIGN_KEYS"} {
			if strings.HasPrefix(u, kw) || strings.Contains(u, "; "+kw) {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

func TestSync(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, log := openModels(t, tg)
		// Defined child first: Sync still creates Teams before Players.
		players := sequelize.Define[Player](db)
		teams := sequelize.Define[Team](db)
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		created := ddlOnly(log.reset())
		if len(created) < 2 || !strings.Contains(created[0], "Teams") {
			t.Errorf("creation order: %v", created)
		}
		team := &Team{Name: "red"}
		if err := teams.Create(ctx, team); err != nil {
			t.Fatal(err)
		}
		if err := players.Create(ctx, &Player{Name: "ann", TeamID: &team.ID}); err != nil {
			t.Fatal(err)
		}
		// A second Sync changes nothing.
		log.reset()
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		if ddl := ddlOnly(log.reset()); len(ddl) != 0 {
			t.Errorf("second Sync ran DDL: %v", ddl)
		}
		// Alter: an unchanged model issues no DDL.
		if err := db.Sync(ctx, sequelize.SyncOptions{Alter: true}); err != nil {
			t.Fatal(err)
		}
		if ddl := ddlOnly(log.reset()); len(ddl) != 0 {
			t.Errorf("Alter of unchanged models ran DDL: %v", ddl)
		}
		// Alter adds and removes columns, keeping the rows.
		v2 := sequelize.Define[PlayerV2](db, sequelize.ModelOptions{ModelName: "Player"})
		if err := v2.Sync(ctx, sequelize.SyncOptions{Alter: true}); err != nil {
			t.Fatal(err)
		}
		if ddl := ddlOnly(log.reset()); len(ddl) == 0 {
			t.Error("Alter of a changed model ran no DDL")
		}
		cols, err := db.QueryInterface().DescribeTable(ctx, "Players")
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := cols["rating"]; !ok {
			t.Errorf("rating not added: %v", cols)
		}
		if _, ok := cols["name"]; ok {
			t.Errorf("name not removed: %v", cols)
		}
		rows, err := v2.FindAll(ctx)
		if err != nil || len(rows) != 1 || rows[0].Rating != 5 || rows[0].TeamID == nil || *rows[0].TeamID != team.ID {
			t.Errorf("after Alter rows = %+v, %v", rows, err)
		}
		if err := v2.Sync(ctx, sequelize.SyncOptions{Alter: true}); err != nil {
			t.Fatal(err)
		}
		if ddl := ddlOnly(log.reset()); len(ddl) != 0 {
			t.Errorf("second Alter ran DDL: %v", ddl)
		}
		// Match guards Sync.
		if err := db.Sync(ctx, sequelize.SyncOptions{Force: true, Match: regexp.MustCompile("^production$")}); err == nil {
			t.Error("Sync ran although Match did not match")
		}
		// Force recreates the tables empty.
		if err := db.Sync(ctx, sequelize.SyncOptions{Force: true}); err != nil {
			t.Fatal(err)
		}
		if n, _ := teams.Count(ctx); n != 0 {
			t.Errorf("after Force, %d teams", n)
		}
		if err := db.Drop(ctx); err != nil {
			t.Fatal(err)
		}
		tables, _ := db.QueryInterface().ShowAllTables(ctx)
		if slices.Contains(tables, "Teams") || slices.Contains(tables, "Players") {
			t.Errorf("after Drop: %v", tables)
		}
	})
}

func TestQueryInterfaceAlters(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		qi := db.QueryInterface()
		exec := func(q string) {
			t.Helper()
			if _, err := db.Query(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		exec("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(20), qty INTEGER)")
		exec("INSERT INTO items (id, name, qty) VALUES (1, 'a', 3), (2, 'b', 4)")
		if err := qi.AddColumn(ctx, "items", "note", sequelize.AttributeOptions{Type: datatypes.String(50), DefaultValue: "n/a"}); err != nil {
			t.Fatal(err)
		}
		if err := qi.ChangeColumn(ctx, "items", "qty", sequelize.AttributeOptions{Type: datatypes.BigInt(), AllowNull: sequelize.Bool(false)}); err != nil {
			t.Fatal(err)
		}
		if err := qi.RenameColumn(ctx, "items", "name", "title"); err != nil {
			t.Fatal(err)
		}
		if err := qi.AddIndex(ctx, "items", sequelize.IndexOptions{Fields: []sequelize.IndexField{{Attribute: "title"}}, Unique: true}); err != nil {
			t.Fatal(err)
		}
		if err := qi.RemoveColumn(ctx, "items", "note"); err != nil {
			t.Fatal(err)
		}
		cols, err := qi.DescribeTable(ctx, "items")
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := cols["title"]; !ok || cols["qty"].AllowNull || len(cols) != 3 {
			t.Errorf("columns = %+v", cols)
		}
		idx, _ := qi.ShowIndex(ctx, "items")
		if !slices.ContainsFunc(idx, func(ix sequelize.IndexDescription) bool { return ix.Name == "items_title" && ix.Unique }) {
			t.Errorf("indexes = %+v", idx)
		}
		res, err := db.Query(ctx, "SELECT id, title, qty FROM items ORDER BY id", sequelize.QueryOptions{Type: sequelize.QueryTypeSelect})
		if err != nil || len(res.Rows) != 2 || res.Rows[1]["title"] != "b" || res.Rows[1]["qty"] != int64(4) {
			t.Errorf("rows after alters = %v, %v", res.Rows, err)
		}
		// Renaming an indexed column keeps the index, on the new name;
		// removing one removes its index (SQLite rebuilds for both).
		if err := qi.RenameColumn(ctx, "items", "title", "label"); err != nil {
			t.Fatal(err)
		}
		idx, _ = qi.ShowIndex(ctx, "items")
		if !slices.ContainsFunc(idx, func(ix sequelize.IndexDescription) bool {
			return ix.Name == "items_title" && ix.Unique && len(ix.Fields) == 1 && ix.Fields[0].Attribute == "label"
		}) {
			t.Errorf("indexes after renaming the column = %+v", idx)
		}
		if err := qi.AddIndex(ctx, "items", sequelize.IndexOptions{Fields: []sequelize.IndexField{{Attribute: "qty"}}}); err != nil {
			t.Fatal(err)
		}
		if err := qi.RemoveColumn(ctx, "items", "qty"); err != nil {
			t.Fatal(err)
		}
		idx, _ = qi.ShowIndex(ctx, "items")
		if slices.ContainsFunc(idx, func(ix sequelize.IndexDescription) bool { return ix.Name == "items_qty" }) {
			t.Errorf("the removed column's index is left: %+v", idx)
		}
		if err := qi.RemoveIndex(ctx, "items", "items_title"); err != nil {
			t.Fatal(err)
		}
		if err := qi.RenameTable(ctx, "items", "things"); err != nil {
			t.Fatal(err)
		}
		if err := qi.DropTable(ctx, "things"); err != nil {
			t.Fatal(err)
		}
		if tables, _ := qi.ShowAllTables(ctx); len(tables) != 0 {
			t.Errorf("tables left: %v", tables)
		}
	})
}

type CycA struct {
	ID  int64
	BID *int64 `sequelize:"field:BId;type:INTEGER;references:Bs.id;onDelete:SET NULL;onUpdate:CASCADE"`
}

type CycB struct {
	ID  int64
	AID *int64 `sequelize:"field:AId;type:INTEGER;references:As.id;onDelete:SET NULL;onUpdate:CASCADE"`
}

func TestSyncCycle(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		as := sequelize.Define[CycA](db, sequelize.ModelOptions{ModelName: "A", Timestamps: sequelize.Bool(false)})
		bs := sequelize.Define[CycB](db, sequelize.ModelOptions{ModelName: "B", Timestamps: sequelize.Bool(false)})
		for range 2 { // the second run drops and recreates tables that reference each other
			if err := db.Sync(ctx, sequelize.SyncOptions{Force: true}); err != nil {
				t.Fatal(err)
			}
		}
		for _, table := range []string{"As", "Bs"} {
			fks, err := db.QueryInterface().GetForeignKeyReferencesForTable(ctx, table)
			if err != nil || len(fks) != 1 {
				t.Errorf("%s foreign keys = %+v, %v", table, fks, err)
			}
		}
		a := &CycA{}
		if err := as.Create(ctx, a); err != nil {
			t.Fatal(err)
		}
		b := &CycB{AID: &a.ID}
		if err := bs.Create(ctx, b); err != nil {
			t.Fatal(err)
		}
		a.BID = &b.ID
		if err := as.Save(ctx, a); err != nil {
			t.Fatal(err)
		}
		bad := int64(999)
		if err := bs.Create(ctx, &CycB{AID: &bad}); err == nil {
			t.Error("the cyclic foreign key is not enforced")
		}
		if err := db.Drop(ctx); err != nil {
			t.Fatal(err)
		}
	})
}

type Ticket struct {
	ID     int64
	Status string `sequelize:"type:ENUM('open','closed')"`
}

type TicketV2 struct {
	ID     int64
	Status string `sequelize:"type:ENUM('new','open','pending','closed')"`
}

func TestEnumSync(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		tickets := sequelize.Define[Ticket](db, sequelize.ModelOptions{Timestamps: sequelize.Bool(false)})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		if err := tickets.Create(ctx, &Ticket{Status: "open"}); err != nil {
			t.Fatal(err)
		}
		if err := tickets.Create(ctx, &Ticket{Status: "bogus"}); err == nil {
			t.Error("a value outside the ENUM was accepted")
		}
		// The model gains values: Sync adds them to the type (PostgreSQL),
		// or Alter changes the column (MySQL); existing rows survive.
		v2 := sequelize.Define[TicketV2](db, sequelize.ModelOptions{ModelName: "Ticket", Timestamps: sequelize.Bool(false)})
		if err := v2.Sync(ctx, sequelize.SyncOptions{Alter: true}); err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"new", "pending"} {
			if err := v2.Create(ctx, &TicketV2{Status: s}); err != nil {
				t.Errorf("status %s after the ENUM grew: %v", s, err)
			}
		}
		if n, _ := v2.Count(ctx); n != 3 {
			t.Errorf("count = %d", n)
		}
		if err := db.Drop(ctx); err != nil {
			t.Fatal(err)
		}
	})
}

func TestConstraints(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		qi := db.QueryInterface()
		exec := func(q string) {
			t.Helper()
			if _, err := db.Query(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		exec("CREATE TABLE owners (id INTEGER PRIMARY KEY)")
		exec("CREATE TABLE cars (id INTEGER PRIMARY KEY, plate VARCHAR(10), owner_id INTEGER, speed INTEGER)")
		exec("INSERT INTO owners (id) VALUES (1)")
		exec("INSERT INTO cars (id, plate, owner_id, speed) VALUES (1, 'A', 1, 10)")
		if err := qi.AddConstraint(ctx, "cars", sequelize.ConstraintOptions{Type: "unique", Fields: []string{"plate"}}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Query(ctx, "INSERT INTO cars (id, plate) VALUES (2, 'A')"); err == nil {
			t.Error("the unique constraint is not enforced")
		}
		if err := qi.AddConstraint(ctx, "cars", sequelize.ConstraintOptions{Type: "foreign key", Fields: []string{"owner_id"},
			References: &sequelize.References{Table: "owners", Key: "id"}, OnDelete: "cascade"}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Query(ctx, "INSERT INTO cars (id, plate, owner_id) VALUES (3, 'C', 42)"); err == nil {
			t.Error("the foreign key is not enforced")
		}
		if db.Dialect().Name() != "sqlite" {
			if err := qi.AddConstraint(ctx, "cars", sequelize.ConstraintOptions{Type: "check", Fields: []string{"speed"}, Where: sequelize.Where{"speed": op.Gte(0)}}); err != nil {
				t.Fatal(err)
			}
			if _, err := db.Query(ctx, "INSERT INTO cars (id, plate, speed) VALUES (4, 'D', -5)"); err == nil {
				t.Error("the check constraint is not enforced")
			}
		}
		cons, _ := qi.ShowConstraints(ctx, "cars")
		var fkName string
		for _, c := range cons {
			if c.ConstraintType == "FOREIGN KEY" {
				fkName = c.ConstraintName
			}
		}
		if err := qi.RemoveConstraint(ctx, "cars", fkName); err != nil {
			t.Fatal(err)
		}
		if err := qi.RemoveConstraint(ctx, "cars", "cars_plate_uk"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Query(ctx, "INSERT INTO cars (id, plate, owner_id) VALUES (5, 'A', 42)"); err != nil {
			t.Errorf("constraints still enforced after removal: %v", err)
		}
		var unknown *sequelize.UnknownConstraintError
		if err := qi.RemoveConstraint(ctx, "cars", "nope"); !errors.As(err, &unknown) {
			t.Errorf("removing an unknown constraint: %v", err)
		}
		if n, _ := db.Query(ctx, "SELECT * FROM cars", sequelize.QueryOptions{Type: sequelize.QueryTypeSelect}); len(n.Rows) != 2 {
			t.Errorf("rows after the rebuilds: %v", n.Rows)
		}
		// DropAllTables drops tables whatever their foreign keys.
		exec("CREATE TABLE parents2 (id INTEGER PRIMARY KEY)")
		exec("CREATE TABLE kids2 (id INTEGER PRIMARY KEY, p INTEGER REFERENCES parents2 (id))")
		if err := qi.DropAllTables(ctx, sequelize.DropAllTablesOptions{Skip: []string{"owners"}}); err != nil {
			t.Fatal(err)
		}
		if tables, _ := qi.ShowAllTables(ctx); !slices.Equal(tables, []string{"owners"}) {
			t.Errorf("tables left: %v", tables)
		}
	})
}
