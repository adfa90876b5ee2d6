package sequelize_test

import (
	"slices"
	"testing"

	"github.com/gosequelize/sequelize"
)

// TestModelWithoutPrimaryKey: Attributes["id"] with Ignore drops the
// implicit id (Sequelize's removeAttribute('id')); rows are created and
// read, and the table has no id column.
func TestModelWithoutPrimaryKey(t *testing.T) {
	type Entry struct{ Level string }
	ctx := t.Context()
	db, err := sequelize.Open(ctx, "sqlite::memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	entries := sequelize.Define[Entry](db, sequelize.ModelOptions{
		Attributes: map[string]sequelize.AttributeOptions{"id": {Ignore: true}}})
	if slices.Contains(entries.Attributes(), "id") || len(entries.PrimaryKeyAttributes()) != 0 {
		t.Fatalf("attributes %v, primary key %v", entries.Attributes(), entries.PrimaryKeyAttributes())
	}
	if err := db.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	cols, err := db.QueryInterface().DescribeTable(ctx, entries.TableName())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := cols["id"]; ok {
		t.Errorf("columns %v have an id", cols)
	}
	if err := entries.Create(ctx, &Entry{Level: "info"}); err != nil {
		t.Fatal(err)
	}
	if err := entries.BulkCreate(ctx, []*Entry{{Level: "error"}, {Level: "debug"}}); err != nil {
		t.Fatal(err)
	}
	all, err := entries.FindAll(ctx, sequelize.FindOptions{Order: sequelize.Order{{"level"}}})
	if err != nil || len(all) != 3 || all[0].Level != "debug" {
		t.Fatalf("rows %v, %v", all, err)
	}
}
