package sequelize_test

import (
	"context"
	"errors"
	"testing"

	"github.com/gosequelize/sequelize"
)

func openMemory(t *testing.T) *sequelize.DB {
	t.Helper()
	db, err := sequelize.Open(t.Context(), "sqlite::memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestBulkCreateAllDefaults: rows with no column to insert (an implicit id
// and no timestamps) are each inserted; one all-defaults INSERT used to
// stand for the whole batch, losing all rows but one.
func TestBulkCreateAllDefaults(t *testing.T) {
	type Slot struct{ ID int64 }
	ctx := t.Context()
	db := openMemory(t)
	slots := sequelize.Define[Slot](db, sequelize.ModelOptions{Timestamps: sequelize.Bool(false)})
	if err := db.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	batch := []*Slot{{}, {}, {}}
	if err := slots.BulkCreate(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if n, err := slots.Count(ctx); err != nil || n != 3 {
		t.Fatalf("count = %d, %v; want 3", n, err)
	}
	if batch[0].ID != 1 || batch[2].ID != 3 {
		t.Errorf("ids %d, %d, %d", batch[0].ID, batch[1].ID, batch[2].ID)
	}
}

// TestBulkCreateEmptyUpdateOnDuplicate: an empty non-nil UpdateOnDuplicate
// is an error, as Sequelize's updateOnDuplicate: [] (it was ignored).
func TestBulkCreateEmptyUpdateOnDuplicate(t *testing.T) {
	type Slot struct {
		ID   int64
		Name string
	}
	ctx := t.Context()
	db := openMemory(t)
	slots := sequelize.Define[Slot](db)
	if err := db.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	err := slots.BulkCreate(ctx, []*Slot{{Name: "a"}}, sequelize.BulkCreateOptions{UpdateOnDuplicate: []string{}})
	var qe *sequelize.QueryError
	if !errors.As(err, &qe) {
		t.Fatalf("err = %v, want a *QueryError", err)
	}
	if n, _ := slots.Count(ctx); n != 0 {
		t.Errorf("count = %d after the refused call", n)
	}
}

// TestAttributesOnVirtual: ModelOptions.Attributes may name a VIRTUAL
// attribute (its validators, say); Define used to refuse it as neither an
// attribute nor a field.
func TestAttributesOnVirtual(t *testing.T) {
	type Account struct {
		ID       int64
		Password string `sequelize:"type:VIRTUAL"`
	}
	ctx := t.Context()
	db := openMemory(t)
	accounts := sequelize.Define[Account](db, sequelize.ModelOptions{Attributes: map[string]sequelize.AttributeOptions{
		"password": {Validate: []sequelize.Validator{{Name: "strong", Fn: func(_ context.Context, v any) error {
			if len(v.(string)) < 8 {
				return errors.New("too short")
			}
			return nil
		}}}}}})
	if err := db.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	var ve *sequelize.ValidationError
	if err := accounts.Create(ctx, &Account{Password: "abc"}); !errors.As(err, &ve) {
		t.Fatalf("short password: err = %v, want a *ValidationError", err)
	}
	if err := accounts.Create(ctx, &Account{Password: "long enough"}); err != nil {
		t.Fatal(err)
	}
}
