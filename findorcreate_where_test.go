package sequelize_test

import (
	"testing"

	"github.com/gosequelize/sequelize"
)

// TestFindOrCreateEmptyWhere: an empty Where{} matches any row (Sequelize's
// where: {}), while a nil Where is the missing-where error.
func TestFindOrCreateEmptyWhere(t *testing.T) {
	type Setting struct {
		ID   int64
		Name string
	}
	ctx := t.Context()
	db, err := sequelize.Open(ctx, "sqlite::memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	settings := sequelize.Define[Setting](db, sequelize.ModelOptions{Timestamps: sequelize.Bool(false)})
	if err := db.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	s, created, err := settings.FindOrCreate(ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{}, Defaults: sequelize.Values{"name": "a"}})
	if err != nil || !created || s.Name != "a" || s.ID == 0 {
		t.Fatalf("first = %+v, %v, %v", s, created, err)
	}
	s2, created, err := settings.FindOrCreate(ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{}, Defaults: sequelize.Values{"name": "b"}})
	if err != nil || created || s2.ID != s.ID || s2.Name != "a" {
		t.Fatalf("second = %+v, %v, %v", s2, created, err)
	}
	if _, _, err := settings.FindOrCreate(ctx, sequelize.FindOrCreateOptions{}); err == nil {
		t.Error("nil Where: no error")
	}
}
