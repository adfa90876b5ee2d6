package sequelize_test

import (
	"context"
	"errors"
	"strings"
	"testing"

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
