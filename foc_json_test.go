package sequelize_test

import (
	"slices"
	"testing"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/internal/testdb"
	"github.com/gosequelize/sequelize/op"
)

// focDoc is a row with a JSON document.
type focDoc struct {
	ID   int64
	Name string
	Data any `sequelize:"type:JSON"`
}

// TestFocJSONBoolLeaves: a where comparing a JSON leaf with a bool (a
// nested Where, a dotted key, and eq, ne, not of a bool) finds the rows
// whose JSON holds that boolean, on every dialect (PostgreSQL could not
// bind a bool against the text of #>>; MariaDB compared 'true' with 1).
func TestFocJSONBoolLeaves(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		docs := sequelize.Define[focDoc](db, sequelize.ModelOptions{ModelName: "Doc", Timestamps: sequelize.Bool(false)})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		if err := docs.BulkCreate(ctx, []*focDoc{
			{Name: "yes", Data: map[string]any{"field": map[string]any{"deep": true}}},
			{Name: "no", Data: map[string]any{"field": map[string]any{"deep": false}}},
			{Name: "none", Data: map[string]any{"other": 1}},
		}); err != nil {
			t.Fatal(err)
		}
		names := func(where any) []string {
			t.Helper()
			rows, err := docs.FindAll(ctx, sequelize.FindOptions{Where: where, Order: sequelize.Order{{"name"}}})
			if err != nil {
				t.Fatalf("where %v: %v", where, err)
			}
			var out []string
			for _, r := range rows {
				out = append(out, r.Name)
			}
			return out
		}
		for _, tc := range []struct {
			name  string
			where any
			want  []string
		}{
			{"nested true", sequelize.Where{"data": sequelize.Where{"field": sequelize.Where{"deep": true}}}, []string{"yes"}},
			{"nested false", sequelize.Where{"data": sequelize.Where{"field": sequelize.Where{"deep": false}}}, []string{"no"}},
			{"dotted key", sequelize.Where{"data.field.deep": true}, []string{"yes"}},
			{"dotted key in nested", sequelize.Where{"data": sequelize.Where{"field.deep": false}}, []string{"no"}},
			{"op.Eq", sequelize.Where{"data.field.deep": op.Eq(false)}, []string{"no"}},
			{"op.Ne", sequelize.Where{"data": sequelize.Where{"field": sequelize.Where{"deep": op.Ne(true)}}}, []string{"no"}},
			{"op.Not", sequelize.Where{"data.field.deep": op.Not(true)}, []string{"no", "none"}},
			{"op.Is", sequelize.Where{"data.field.deep": op.Is(true)}, []string{"yes"}},
		} {
			if got := names(tc.where); !slices.Equal(got, tc.want) {
				t.Errorf("%s: rows %v, want %v", tc.name, got, tc.want)
			}
		}
	})
}
