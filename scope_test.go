package sequelize_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/internal/testdb"
	"github.com/gosequelize/sequelize/op"
)

type Item struct {
	ID        int64
	Name      string
	Kind      string
	Active    bool
	Price     int
	CreatedAt time.Time
	UpdatedAt time.Time
}

func itemNames(list []*Item) []string {
	out := make([]string, len(list))
	for i, x := range list {
		out[i] = x.Name
	}
	slices.Sort(out)
	return out
}

func TestScopes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		items := sequelize.Define[Item](db, sequelize.ModelOptions{
			DefaultScope: &sequelize.FindOptions{Where: sequelize.Where{"active": true}},
			Scopes: map[string]sequelize.ScopeFunc{
				"cheap": sequelize.StaticScope(sequelize.FindOptions{Where: sequelize.Where{"price": op.Lt(10)}}),
				"kind": func(args ...any) sequelize.FindOptions {
					return sequelize.FindOptions{Where: sequelize.Where{"kind": args[0]}}
				},
				"sorted": sequelize.StaticScope(sequelize.FindOptions{Order: sequelize.Order{{"price", "DESC"}}}),
			},
		})
		if err := items.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		for _, it := range []*Item{
			{Name: "pen", Kind: "office", Active: true, Price: 2},
			{Name: "desk", Kind: "office", Active: true, Price: 200},
			{Name: "old pen", Kind: "office", Active: false, Price: 1},
			{Name: "apple", Kind: "food", Active: true, Price: 1},
		} {
			if err := items.Create(ctx, it); err != nil {
				t.Fatal(err)
			}
		}
		// The default scope applies to finds and counts.
		all, _ := items.FindAll(ctx)
		if got := itemNames(all); !slices.Equal(got, []string{"apple", "desk", "pen"}) {
			t.Errorf("default scope FindAll = %v", got)
		}
		if n, _ := items.Count(ctx); n != 3 {
			t.Errorf("default scope Count = %d", n)
		}
		if n, _ := items.Unscoped().Count(ctx); n != 4 {
			t.Errorf("Unscoped Count = %d", n)
		}
		// Named scopes: static, with arguments, and the default by name.
		cheap, err := items.Scope("defaultScope", "cheap", sequelize.ScopeCall{Name: "kind", Args: []any{"office"}})
		if err != nil {
			t.Fatal(err)
		}
		got, _ := cheap.FindAll(ctx)
		if names := itemNames(got); !slices.Equal(names, []string{"pen"}) {
			t.Errorf("scoped FindAll = %v", names)
		}
		// Scope starts from no scope: without defaultScope, inactive rows are found.
		noDefault, _ := items.Scope("cheap")
		got, _ = noDefault.FindAll(ctx)
		if names := itemNames(got); !slices.Equal(names, []string{"apple", "old pen", "pen"}) {
			t.Errorf("Scope without the default = %v", names)
		}
		// The query's where merges with the scope's (overwrite by attribute).
		got, _ = noDefault.FindAll(ctx, sequelize.FindOptions{Where: sequelize.Where{"price": op.Gt(100)}})
		if names := itemNames(got); !slices.Equal(names, []string{"desk"}) {
			t.Errorf("overwritten scope where = %v", names)
		}
		// Orders from scopes come through.
		sorted, _ := items.Scope("defaultScope", "sorted")
		list, _ := sorted.FindAll(ctx)
		if len(list) != 3 || list[0].Name != "desk" {
			t.Errorf("sorted scope = %v", itemNames(list))
		}
		// Updates and destroys see the scope too.
		if n, _ := items.Update(ctx, sequelize.Values{"price": 3}, sequelize.UpdateOptions{Where: sequelize.Where{"kind": "office"}}); n != 2 {
			t.Errorf("scoped Update changed %d rows", n)
		}
		if n, _ := items.Destroy(ctx, sequelize.DestroyOptions{Where: sequelize.Where{"name": "old pen"}}); n != 0 {
			t.Errorf("scoped Destroy removed a row outside the scope (%d)", n)
		}
		// Unknown scopes.
		var se *sequelize.SequelizeScopeError
		if _, err := items.Scope("nope"); !errors.As(err, &se) || err.Error() != "sequelize: Invalid scope nope called." {
			t.Errorf("unknown scope: %v", err)
		}
		// The AND merge strategy keeps both conditions on one attribute.
		strict := sequelize.Define[Item](db, sequelize.ModelOptions{ModelName: "StrictItem", TableName: "Items", WhereMergeStrategy: sequelize.WhereMergeAnd,
			Scopes: map[string]sequelize.ScopeFunc{
				"low":  sequelize.StaticScope(sequelize.FindOptions{Where: sequelize.Where{"price": op.Lt(5)}}),
				"high": sequelize.StaticScope(sequelize.FindOptions{Where: sequelize.Where{"price": op.Gt(1)}}),
			}})
		both, _ := strict.Scope("low", "high")
		got, _ = both.FindAll(ctx)
		if names := itemNames(got); !slices.Equal(names, []string{"desk", "pen"}) && !slices.Equal(names, []string{"pen"}) {
			t.Errorf("AND-merged scopes = %v", names)
		}
		for _, x := range got {
			if x.Price >= 5 || x.Price <= 1 {
				t.Errorf("AND merge let %s (price %d) through", x.Name, x.Price)
			}
		}
	})
}

type Shelf struct {
	ID        int64
	Name      string
	Items     []*ShelfItem
	CreatedAt time.Time
	UpdatedAt time.Time
}

type ShelfItem struct {
	ID        int64
	Name      string
	Active    bool
	ShelfID   *int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

func TestScopesOnAssociations(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		shelves := sequelize.Define[Shelf](db)
		shelfItems := sequelize.Define[ShelfItem](db, sequelize.ModelOptions{DefaultScope: &sequelize.FindOptions{Where: sequelize.Where{"active": true}}})
		has := sequelize.HasMany(shelves, shelfItems, sequelize.AssociationOptions{As: "Items"})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		s := &Shelf{Name: "s"}
		_ = shelves.Create(ctx, s)
		_ = has.Create(ctx, s, &ShelfItem{Name: "on", Active: true})
		_ = has.Create(ctx, s, &ShelfItem{Name: "off", Active: false})
		if got, _ := has.Get(ctx, s); len(got) != 1 || got[0].Name != "on" {
			t.Errorf("association Get ignores the target's default scope: %v", got)
		}
		if n, _ := has.Count(ctx, s); n != 1 {
			t.Errorf("association Count = %d", n)
		}
		loaded, _ := shelves.FindAll(ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: has}}})
		if len(loaded) != 1 || len(loaded[0].Items) != 1 {
			t.Errorf("include ignores the target's default scope: %+v", loaded)
		}
	})
}

// The mixins that write links, and Has, ignore the target's scope, as
// Sequelize's do (unscoped updates, has with scope: false); FindOrCreate
// returns the row it created even when the scope hides it; Aggregate
// counts "*" under the scope.
func TestScopesIgnoredByLinks(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		shelves := sequelize.Define[Shelf](db)
		shelfItems := sequelize.Define[ShelfItem](db, sequelize.ModelOptions{DefaultScope: &sequelize.FindOptions{Where: sequelize.Where{"active": true}}})
		has := sequelize.HasMany(shelves, shelfItems, sequelize.AssociationOptions{As: "Items"})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		s := &Shelf{Name: "s"}
		if err := shelves.Create(ctx, s); err != nil {
			t.Fatal(err)
		}
		on, off := &ShelfItem{Name: "on", Active: true}, &ShelfItem{Name: "off"}
		for _, x := range []*ShelfItem{on, off} {
			if err := shelfItems.Create(ctx, x); err != nil {
				t.Fatal(err)
			}
		}
		if err := has.Set(ctx, s, []*ShelfItem{on, off}); err != nil {
			t.Fatal(err)
		}
		linked, err := shelfItems.Unscoped().Count(ctx, sequelize.CountOptions{Where: sequelize.Where{"ShelfId": s.ID}})
		if err != nil || linked != 2 {
			t.Fatalf("Set linked %d rows (%v), want both, the inactive one too", linked, err)
		}
		if ok, err := has.Has(ctx, s, off); err != nil || !ok {
			t.Errorf("Has(inactive) = %v, %v; want true", ok, err)
		}
		if err := has.Remove(ctx, s, off); err != nil {
			t.Fatal(err)
		}
		if ok, _ := has.Has(ctx, s, off); ok {
			t.Error("Remove left the inactive row linked")
		}
		var n int64
		if err := shelfItems.Aggregate(ctx, "*", "count", &n); err != nil || n != 1 {
			t.Errorf("Aggregate(*, count) = %d, %v; want 1 (the default scope applies)", n, err)
		}
		got, created, err := shelfItems.FindOrCreate(ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{"name": "new"}})
		if err != nil || !created || got == nil || got.Name != "new" {
			t.Fatalf("FindOrCreate under a scope that hides the row = %+v, %v, %v", got, created, err)
		}
	})
}

type MergeFoo struct {
	ID   int64
	Name string
	Bars []*MergeBar
}

type MergeBar struct {
	ID         int64
	Name       string
	Rank       int
	MergeFooID *int64
}

// Scopes that include the same association merge those includes (wheres,
// attributes, limits), whatever their order, as Sequelize's do.
func TestScopesMergeIncludes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		var bars *sequelize.HasManyAssociation[MergeFoo, MergeBar]
		inc := func(i sequelize.Include) sequelize.ScopeFunc {
			return func(...any) sequelize.FindOptions {
				i.Association = bars
				return sequelize.FindOptions{Include: []sequelize.Include{i}}
			}
		}
		foos := sequelize.Define[MergeFoo](db, sequelize.ModelOptions{Timestamps: sequelize.Bool(false), Scopes: map[string]sequelize.ScopeFunc{
			"high":    inc(sequelize.Include{Where: sequelize.Where{"rank": op.Gt(1)}, Required: sequelize.Bool(false)}),
			"noName":  inc(sequelize.Include{Attributes: []any{sequelize.Exclude("name")}}),
			"ordered": inc(sequelize.Include{Order: sequelize.Order{{"rank", "DESC"}}, Limit: 2}),
		}})
		barModel := sequelize.Define[MergeBar](db, sequelize.ModelOptions{Timestamps: sequelize.Bool(false)})
		bars = sequelize.HasMany(foos, barModel, sequelize.AssociationOptions{As: "Bars"})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		f := &MergeFoo{Name: "f", Bars: []*MergeBar{{Name: "a", Rank: 1}, {Name: "b", Rank: 2}, {Name: "c", Rank: 3}, {Name: "d", Rank: 4}}}
		if err := foos.Create(ctx, f, sequelize.CreateOptions{Include: []sequelize.Include{{Association: bars}}}); err != nil {
			t.Fatal(err)
		}
		for _, order := range [][]any{{"high", "noName", "ordered"}, {"ordered", "high", "noName"}, {"noName", "ordered", "high"}} {
			scoped, err := foos.Scope(order...)
			if err != nil {
				t.Fatal(err)
			}
			got, err := scoped.FindOne(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var ranks []int
			for _, b := range got.Bars {
				if b.Name != "" {
					t.Errorf("%v: bar %d has its name, which noName excludes", order, b.Rank)
				}
				ranks = append(ranks, b.Rank)
			}
			if !slices.Equal(ranks, []int{4, 3}) {
				t.Errorf("%v: ranks %v, want [4 3] (rank > 1, by rank DESC, 2 per foo)", order, ranks)
			}
		}
	})
}

// FindOptions.Scope picks the target's scopes for an association's Get,
// Include.Scope for included rows; an empty slice means unscoped. Other
// finds refuse FindOptions.Scope.
func TestScopesOfGettersAndIncludes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		shelves := sequelize.Define[Shelf](db)
		shelfItems := sequelize.Define[ShelfItem](db, sequelize.ModelOptions{
			DefaultScope: &sequelize.FindOptions{Where: sequelize.Where{"active": true}},
			Scopes:       map[string]sequelize.ScopeFunc{"off": sequelize.StaticScope(sequelize.FindOptions{Where: sequelize.Where{"active": false}})},
		})
		has := sequelize.HasMany(shelves, shelfItems, sequelize.AssociationOptions{As: "Items"})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		s := &Shelf{Name: "s"}
		_ = shelves.Create(ctx, s)
		_ = has.Create(ctx, s, &ShelfItem{Name: "on", Active: true})
		_ = has.Create(ctx, s, &ShelfItem{Name: "off"})
		for _, tc := range []struct {
			scope []any
			want  int
		}{{nil, 1}, {[]any{}, 2}, {[]any{"off"}, 1}} {
			got, err := has.Get(ctx, s, sequelize.FindOptions{Scope: tc.scope})
			if err != nil || len(got) != tc.want {
				t.Errorf("Get with Scope %v = %d rows, %v; want %d", tc.scope, len(got), err, tc.want)
			}
			list, err := shelves.FindAll(ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: has, Scope: tc.scope}}})
			if err != nil || len(list) != 1 || len(list[0].Items) != tc.want {
				t.Errorf("Include with Scope %v = %+v, %v; want %d items", tc.scope, list, err, tc.want)
			}
		}
		got, _ := has.Get(ctx, s, sequelize.FindOptions{Scope: []any{"off"}})
		if len(got) != 1 || got[0].Name != "off" {
			t.Errorf("Get with the scope off = %+v", got)
		}
		var qe *sequelize.QueryError
		if _, err := shelfItems.FindAll(ctx, sequelize.FindOptions{Scope: []any{"off"}}); !errors.As(err, &qe) {
			t.Errorf("FindAll with Scope: %v, want a QueryError", err)
		}
	})
}
