package sequelize_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/internal/testdb"
)

type Rack struct {
	ID      int64
	Name    string
	Volumes []*Volume
}

type Volume struct {
	ID     int64
	Title  string
	RackID *int64
}

// VolumeV2 is Volume with one more column (RackId as HasMany named it).
type VolumeV2 struct {
	ID     int64
	Title  string
	RackID *int64 `sequelize:"field:RackId;type:INTEGER"`
	ISBN   string `sequelize:"field:isbn"`
}

// TestModelSchema checks models with ModelOptions.Schema: the table lives in
// the schema on PostgreSQL and in that database on MariaDB, and is named
// "schema.table" on MySQL and SQLite, as Sequelize names it (MySQL's form is
// checked in the dialect's DDL tests). Queries, DDL and the existence check
// all name the same table.
func TestModelSchema(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		db, log := openModels(t, tg)
		testModelSchema(t, db, log)
	})
}

func testModelSchema(t *testing.T, db *sequelize.DB, log *stmtLog) {
	real := db.Dialect().Name() == "postgres" || db.Dialect().Name() == "mariadb"
	ctx := t.Context()
	t.Cleanup(func() {
		if t.Failed() {
			t.Log("statements:\n" + strings.Join(log.stmts, "\n"))
		}
	})
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	schema := "s_" + hex.EncodeToString(b)
	if real {
		create := "CREATE SCHEMA " + string(db.Dialect().QuoteIdentifier(nil, schema))
		if db.Dialect().Name() == "mariadb" {
			create = "CREATE DATABASE " + string(db.Dialect().QuoteIdentifier(nil, schema))
		}
		if _, err := db.Query(ctx, create); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			drop := "DROP DATABASE " + string(db.Dialect().QuoteIdentifier(nil, schema))
			if db.Dialect().Name() == "postgres" {
				drop = "DROP SCHEMA " + string(db.Dialect().QuoteIdentifier(nil, schema)) + " CASCADE"
			}
			if _, err := db.Query(ctx, drop); err != nil {
				t.Error(err)
			}
		})
	}
	opts := sequelize.ModelOptions{Schema: schema, Timestamps: sequelize.Bool(false)}
	racks := sequelize.Define[Rack](db, opts)
	volumes := sequelize.Define[Volume](db, opts)
	shelfVolumes := sequelize.HasMany(racks, volumes)
	if err := db.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	// A second Sync finds the tables and creates nothing.
	if err := db.Sync(ctx); err != nil {
		t.Fatal(err)
	}

	// Where the tables are, seen from outside the ORM.
	tables, err := db.QueryInterface().ShowAllTables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if real {
		if slices.Contains(tables, "Volumes") || slices.Contains(tables, schema+".Volumes") {
			t.Errorf("the table is in the current schema: %v", tables)
		}
		res, err := db.Query(ctx, "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name",
			sequelize.QueryOptions{Type: sequelize.QueryTypeSelect, Replacements: []any{schema}})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Rows) != 2 {
			t.Errorf("tables in %s: %v", schema, res.Rows)
		}
	} else if !slices.Contains(tables, schema+".Volumes") || !slices.Contains(tables, schema+".Racks") {
		t.Errorf("tables = %v, want %s.Volumes and %s.Racks", tables, schema, schema)
	}

	s := &Rack{Name: "fiction", Volumes: []*Volume{{Title: "Dune"}, {Title: "Emma"}}}
	if err := racks.Create(ctx, s, sequelize.CreateOptions{Include: []sequelize.Include{{Association: shelfVolumes}}}); err != nil {
		t.Fatal(err)
	}
	got, err := racks.FindAll(ctx, sequelize.FindOptions{
		Where:   sequelize.Where{"$Volumes.title$": "Emma"},
		Include: []sequelize.Include{{Association: shelfVolumes}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || len(got[0].Volumes) != 2 {
		t.Fatalf("racks = %+v", got)
	}
	got[0].Name = "novels"
	if err := racks.Save(ctx, got[0]); err != nil {
		t.Fatal(err)
	}
	n, err := volumes.Destroy(ctx, sequelize.DestroyOptions{Where: sequelize.Where{"title": "Dune"}})
	if err != nil || n != 1 {
		t.Fatalf("destroyed %d, %v", n, err)
	}
	if c, err := volumes.Count(ctx); err != nil || c != 1 {
		t.Fatalf("count = %d, %v", c, err)
	}
	if one, err := racks.FindByPK(ctx, s.ID); err != nil || one == nil || one.Name != "novels" {
		t.Fatalf("FindByPK = %+v, %v", one, err)
	}

	// Sync Alter reads the tables in their schema: unchanged, no DDL.
	log.reset()
	if err := db.Sync(ctx, sequelize.SyncOptions{Alter: true}); err != nil {
		t.Fatal(err)
	}
	if ddl := ddlOnly(log.reset()); len(ddl) != 0 {
		t.Errorf("Alter of unchanged schema'd models ran DDL: %v", ddl)
	}
	// A changed model gains its column there, keeping the rows.
	v2 := sequelize.Define[VolumeV2](db, sequelize.ModelOptions{ModelName: "Volume", Schema: schema, Timestamps: sequelize.Bool(false)})
	if err := v2.Sync(ctx, sequelize.SyncOptions{Alter: true}); err != nil {
		t.Fatal(err)
	}
	qi := db.QueryInterface().WithSchema(schema)
	cols, err := qi.DescribeTable(ctx, "Volumes")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := cols["isbn"]; !ok || len(cols) != 4 {
		t.Errorf("after Alter the schema'd table has %v", cols)
	}
	if rows, err := v2.FindAll(ctx); err != nil || len(rows) != 1 || rows[0].Title != "Emma" {
		t.Errorf("rows after Alter: %v, %v", rows, err)
	}
	// The QueryInterface's other methods work in the schema too.
	if err := qi.AddIndex(ctx, "Volumes", sequelize.IndexOptions{Name: "volumes_isbn", Fields: []sequelize.IndexField{{Attribute: "isbn"}}}); err != nil {
		t.Fatal(err)
	}
	ix, err := qi.ShowIndex(ctx, "Volumes")
	if err != nil || !slices.ContainsFunc(ix, func(i sequelize.IndexDescription) bool { return i.Name == "volumes_isbn" }) {
		t.Errorf("indexes in the schema: %v, %v", ix, err)
	}
	if err := qi.RemoveColumn(ctx, "Volumes", "isbn"); err != nil {
		t.Fatal(err)
	}
	if cols, err := qi.DescribeTable(ctx, "Volumes"); err != nil || len(cols) != 3 {
		t.Errorf("after RemoveColumn: %v, %v", cols, err)
	}
	if fks, err := qi.GetForeignKeyReferencesForTable(ctx, "Volumes"); err != nil || len(fks) != 1 {
		t.Errorf("foreign keys in the schema: %v, %v", fks, err)
	}
	if _, err := db.QueryInterface().DescribeTable(ctx, "Volumes"); err == nil {
		t.Error("DescribeTable without the schema found the schema'd table")
	}
	if err := db.Drop(ctx); err != nil {
		t.Fatal(err)
	}
	if tables, _ := db.QueryInterface().ShowAllTables(ctx); slices.Contains(tables, schema+".Volumes") {
		t.Errorf("Drop left %v", tables)
	}
}
