package sequelize_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
)

type setRow struct {
	ID      int64
	Name    string
	Count   int32
	Ratio   float64
	Small   uint8
	Active  bool
	Confirm string `sequelize:"type:VIRTUAL"`
}

func openMem(t *testing.T) *sequelize.DB {
	t.Helper()
	db, err := sequelize.Open(context.Background(), "sqlite::memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestSetConvertsAndIsAllOrNothing: Set takes any Go number for a numeric
// field, 1 and "true" for a bool, sets VIRTUAL attributes, and on any
// error leaves the instance as it was.
func TestSetConvertsAndIsAllOrNothing(t *testing.T) {
	rows := sequelize.Define[setRow](openMem(t), sequelize.ModelOptions{Timestamps: sequelize.Bool(false)})
	r := &setRow{}
	if err := rows.Set(r, sequelize.Values{"count": 7, "ratio": float32(0.5), "small": 200, "active": 1, "confirm": "x", "name": "n"}); err != nil {
		t.Fatal(err)
	}
	if want := (setRow{Name: "n", Count: 7, Ratio: 0.5, Small: 200, Active: true, Confirm: "x"}); *r != want {
		t.Fatalf("Set gave %+v, want %+v", *r, want)
	}
	before := *r
	for _, bad := range []sequelize.Values{
		{"name": "changed", "nope": 1},         // unknown attribute
		{"name": "changed", "small": 300},      // overflow
		{"name": "changed", "active": "maybe"}, // not a bool
		{"name": "changed", "count": -1 << 40}, // overflow
	} {
		if err := rows.Set(r, bad); err == nil {
			t.Fatalf("Set(%v) = nil, want an error", bad)
		}
		if *r != before {
			t.Fatalf("Set(%v) failed but changed the instance: %+v", bad, *r)
		}
	}
}

type noIDField struct {
	Name string
}

// TestInstanceWithoutKeyField: a struct without a field for its primary
// key cannot name its row, and Save says so instead of calling the key
// unset.
func TestInstanceWithoutKeyField(t *testing.T) {
	ctx := context.Background()
	db := openMem(t)
	rows := sequelize.Define[noIDField](db, sequelize.ModelOptions{Timestamps: sequelize.Bool(false)})
	if err := db.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	r := &noIDField{Name: "a"}
	if err := rows.Create(ctx, r); err != nil {
		t.Fatal(err)
	}
	r.Name = "b"
	err := rows.Save(ctx, r)
	var ie *sequelize.InstanceError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "noIDField.id has no struct field") {
		t.Fatalf("Save = %v, want an InstanceError naming the missing field", err)
	}
}

type epochParanoid struct {
	ID        int64
	Name      string
	DeletedAt time.Time
}

// TestParanoidDeletedAtDefault: a deletedAt with a default value marks the
// rows not deleted with it, in finds, counts, bulk destroys and restores,
// as Sequelize's custom deletedAt default does.
func TestParanoidDeletedAtDefault(t *testing.T) {
	ctx := context.Background()
	db := openMem(t)
	epoch := time.Unix(0, 0).UTC()
	rows := sequelize.Define[epochParanoid](db, sequelize.ModelOptions{Paranoid: true, Timestamps: sequelize.Bool(true),
		Attributes: map[string]sequelize.AttributeOptions{"deletedAt": {DefaultValue: epoch}}})
	if err := db.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	a, b := &epochParanoid{Name: "a"}, &epochParanoid{Name: "b"}
	for _, r := range []*epochParanoid{a, b} {
		if err := rows.Create(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if !a.DeletedAt.Equal(epoch) || rows.IsSoftDeleted(a) {
		t.Fatalf("created deletedAt = %v, soft-deleted %v", a.DeletedAt, rows.IsSoftDeleted(a))
	}
	count := func(want int64, paranoid bool) {
		t.Helper()
		n, err := rows.Count(ctx, sequelize.CountOptions{Paranoid: sequelize.Bool(paranoid)})
		if err != nil || n != want {
			t.Fatalf("Count(paranoid %v) = %d, %v; want %d", paranoid, n, err, want)
		}
	}
	count(2, true)
	if n, err := rows.Destroy(ctx, sequelize.DestroyOptions{Where: sequelize.Where{"name": "a"}}); err != nil || n != 1 {
		t.Fatalf("Destroy = %d, %v", n, err)
	}
	count(1, true)
	count(2, false)
	if err := rows.DestroyInstance(ctx, b); err != nil || !rows.IsSoftDeleted(b) {
		t.Fatalf("DestroyInstance: %v, soft-deleted %v", err, rows.IsSoftDeleted(b))
	}
	count(0, true)
	if n, err := rows.Restore(ctx, sequelize.RestoreOptions{Where: sequelize.Where{"name": "a"}}); err != nil || n != 1 {
		t.Fatalf("Restore = %d, %v", n, err)
	}
	if err := rows.RestoreInstance(ctx, b); err != nil || !b.DeletedAt.Equal(epoch) {
		t.Fatalf("RestoreInstance: %v, deletedAt %v", err, b.DeletedAt)
	}
	list, err := rows.FindAll(ctx)
	if err != nil || len(list) != 2 || !list[0].DeletedAt.Equal(epoch) {
		t.Fatalf("FindAll after restores: %v, %v", list, err)
	}
}
