package sequelize_test

import (
	"testing"

	"github.com/gosequelize/sequelize"
)

// TestSetWidensGoNumbers: Build and Set (and so FindOrCreate's Where and
// Defaults) take a number of any Go integer or float kind for a numeric
// field, as long as it fits: an untyped constant is an int, and used to be
// refused for an int64 field.
func TestSetWidensGoNumbers(t *testing.T) {
	type Gauge struct {
		ID    int64
		Small int8
		Count uint32
		Ratio float32
		Big   *int64
	}
	db, err := sequelize.Open(t.Context(), "sqlite::memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	gauges := sequelize.Define[Gauge](db)
	g, err := gauges.Build(sequelize.Values{"id": 7, "small": int16(-3), "count": uint(9), "ratio": 0.5, "big": int32(42)})
	if err != nil {
		t.Fatal(err)
	}
	if g.ID != 7 || g.Small != -3 || g.Count != 9 || g.Ratio != 0.5 || g.Big == nil || *g.Big != 42 {
		t.Fatalf("built %+v", g)
	}
	if err := gauges.Set(g, sequelize.Values{"small": 300}); err == nil {
		t.Errorf("300 into an int8: no error, small = %d", g.Small)
	}
	if err := gauges.Set(g, sequelize.Values{"count": -1}); err == nil {
		t.Errorf("-1 into a uint32: no error, count = %d", g.Count)
	}
	if err := gauges.Set(g, sequelize.Values{"id": 2.5}); err == nil {
		t.Errorf("2.5 into an int64: no error, id = %d", g.ID)
	}
}
