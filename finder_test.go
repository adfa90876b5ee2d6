package sequelize_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/internal/testdb"
	"github.com/gosequelize/sequelize/op"
)

type Meta struct {
	Color string `json:"color"`
	Size  int    `json:"size"`
	Tags  []string
}

type Gadget struct {
	ID        int64
	Name      string `sequelize:"unique:gadget_name;allowNull:false"`
	Brand     string `sequelize:"unique:gadget_name"`
	Kind      string
	Price     float64
	Rank      *int
	Meta      Meta `sequelize:"type:JSON"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

func gadgets(t *testing.T, tg testdb.Target) (*sequelize.DB, *sequelize.Model[Gadget]) {
	ctx := t.Context()
	db := tg.Open(t)
	g := sequelize.Define[Gadget](db, sequelize.ModelOptions{Attributes: map[string]sequelize.AttributeOptions{
		"name": {UniqueMsg: "that gadget exists already"}}})
	if err := g.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	one, two := 1, 2
	for _, x := range []*Gadget{
		{Name: "lamp", Brand: "acme", Kind: "light", Price: 10, Rank: &two, Meta: Meta{Color: "red", Size: 3}},
		{Name: "torch", Brand: "acme", Kind: "light", Price: 5, Meta: Meta{Color: "blue", Size: 1}},
		{Name: "fan", Brand: "zeta", Kind: "air", Price: 20, Rank: &one, Meta: Meta{Color: "red", Size: 5}},
	} {
		if err := g.Create(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	return db, g
}

func names(list []*Gadget) []string {
	out := make([]string, len(list))
	for i, x := range list {
		out[i] = x.Name
	}
	return out
}

func TestFinderOptions(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, g := gadgets(t, tg)
		dn := db.Dialect().Name()

		// JSON: a struct field round-trips, and paths query inside it.
		lamp, _ := g.FindOne(ctx, sequelize.FindOptions{Where: sequelize.Where{"name": "lamp"}})
		if lamp.Meta.Color != "red" || lamp.Meta.Size != 3 {
			t.Errorf("JSON round trip = %+v", lamp.Meta)
		}
		red, err := g.FindAll(ctx, sequelize.FindOptions{Where: sequelize.Where{"meta.color": "red"}, Order: sequelize.Order{{"name"}}})
		if err != nil || !slices.Equal(names(red), []string{"fan", "lamp"}) {
			t.Errorf("JSON path = %v, %v", names(red), err)
		}
		nested, err := g.FindAll(ctx, sequelize.FindOptions{Where: sequelize.Where{"meta": sequelize.Where{"color": "blue"}}})
		if err != nil || !slices.Equal(names(nested), []string{"torch"}) {
			t.Errorf("nested JSON where = %v, %v", names(nested), err)
		}

		// Attributes: pick and exclude; the others keep their zero values.
		picked, err := g.FindAll(ctx, sequelize.FindOptions{Attributes: []any{"id", "name"}, Order: sequelize.Order{{"id"}}})
		if err != nil || picked[0].Name != "lamp" || picked[0].Price != 0 || picked[0].Brand != "" {
			t.Errorf("Attributes pick = %+v, %v", picked, err)
		}
		excl, err := g.FindAll(ctx, sequelize.FindOptions{Attributes: []any{sequelize.Exclude("price", "meta")}, Order: sequelize.Order{{"id"}}})
		if err != nil || excl[0].Price != 0 || excl[0].Brand != "acme" {
			t.Errorf("Attributes exclude = %+v, %v", excl[0], err)
		}
		if _, err := g.FindAll(ctx, sequelize.FindOptions{Attributes: []any{"nope"}}); err == nil {
			t.Error("an unknown attribute was selected")
		}

		// Group and count per group.
		groups, err := g.CountGroups(ctx, sequelize.CountOptions{Group: []any{"kind"}})
		if err != nil || len(groups) != 2 {
			t.Fatalf("CountGroups = %v, %v", groups, err)
		}
		counts := map[string]int64{}
		for _, r := range groups {
			n, _ := r["count"].(int64)
			counts[r["kind"].(string)] = n
		}
		if counts["light"] != 2 || counts["air"] != 1 {
			t.Errorf("counts = %v", counts)
		}
		distinct, err := g.Count(ctx, sequelize.CountOptions{Distinct: true, Col: "brand"})
		if err != nil || distinct != 2 {
			t.Errorf("distinct count = %d, %v", distinct, err)
		}

		// Cast and functions in conditions and ordering.
		cheap, err := g.FindAll(ctx, sequelize.FindOptions{
			Where: sequelize.Cond(sequelize.Cast(sequelize.Col("price"), "integer"), op.Lt(10)),
			Order: sequelize.Order{{sequelize.Fn("lower", sequelize.Col("name")), "DESC"}},
		})
		if err != nil || !slices.Equal(names(cheap), []string{"torch"}) {
			t.Errorf("Cast = %v, %v", names(cheap), err)
		}
		if _, err := g.FindAll(ctx, sequelize.FindOptions{Where: sequelize.Cond(sequelize.Cast(sequelize.Col("price"), "integer); DROP TABLE x; --"), 1)}); err == nil {
			t.Error("a cast type outside the allow-list was accepted")
		}
		if _, err := g.FindAll(ctx, sequelize.FindOptions{Order: sequelize.Order{{"name", "DESC; DROP TABLE x"}}}); err == nil {
			t.Error("an invalid order direction was accepted")
		}

		// NULLS FIRST/LAST where the dialect has it.
		nulls, err := g.FindAll(ctx, sequelize.FindOptions{Order: sequelize.Order{{"rank", "ASC NULLS FIRST"}}})
		if dn == "postgres" {
			if err != nil || !slices.Equal(names(nulls), []string{"torch", "fan", "lamp"}) {
				t.Errorf("NULLS FIRST = %v, %v", names(nulls), err)
			}
		} else if err == nil {
			t.Errorf("%s accepted NULLS FIRST", dn)
		}

		// Raw: plain structs, not tracked.
		raw, err := g.FindAll(ctx, sequelize.FindOptions{Raw: true, Limit: 1, Order: sequelize.Order{{"id"}}})
		if err != nil || len(raw) != 1 || !g.IsNewRecord(raw[0]) {
			t.Errorf("Raw = %v, %v", raw, err)
		}

		// Lock inside a transaction.
		err = db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
			locked, err := g.FindAll(ctx, sequelize.FindOptions{Where: sequelize.Where{"kind": "light"}, Lock: sequelize.LockUpdate})
			if err != nil {
				return err
			}
			if len(locked) != 2 {
				t.Errorf("locked %d rows", len(locked))
			}
			_, err = g.FindAll(ctx, sequelize.FindOptions{Lock: sequelize.LockShare, SkipLocked: dn == "postgres"})
			return err
		})
		if err != nil {
			t.Errorf("Lock: %v", err)
		}
		if dn == "mariadb" {
			if _, err := g.FindAll(ctx, sequelize.FindOptions{Lock: sequelize.LockKeyShare}); err == nil {
				t.Error("MariaDB accepted KEY SHARE")
			}
		}

		// UpdateReturning where the database has RETURNING.
		rows, err := g.UpdateReturning(ctx, sequelize.Values{"price": 11.5}, sequelize.UpdateOptions{Where: sequelize.Where{"name": "lamp"}})
		if dn == "postgres" || dn == "sqlite" {
			if err != nil || len(rows) != 1 || rows[0].Price != 11.5 || rows[0].Name != "lamp" {
				t.Errorf("UpdateReturning = %+v, %v", rows, err)
			}
		} else if err == nil {
			t.Errorf("%s: UpdateReturning without RETURNING did not fail", dn)
		}

		// Unique violations name attributes and carry the key's message.
		err = g.Create(ctx, &Gadget{Name: "lamp", Brand: "acme"})
		var uniq *sequelize.UniqueConstraintError
		if !errors.As(err, &uniq) {
			t.Fatalf("duplicate: %T %v", err, err)
		}
		keys := make([]string, 0, len(uniq.Fields))
		for k := range uniq.Fields {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if !reflect.DeepEqual(keys, []string{"brand", "name"}) || uniq.Errors[0].Message != "that gadget exists already" ||
			!strings.Contains(err.Error(), "that gadget exists already") {
			t.Errorf("unique error: fields %v items %+v message %q", uniq.Fields, uniq.Errors, err.Error())
		}
	})
}

// An aliased attribute fills the field its alias names, and FindAll
// refuses an alias that names no attribute rather than drop its value.
func TestFindAliasedAttributes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		_, g := gadgets(t, tg)
		list, err := g.FindAll(ctx, sequelize.FindOptions{
			Attributes: []any{"id", sequelize.As(sequelize.Fn("upper", sequelize.Col("name")), "name")},
			Order:      sequelize.Order{{"id"}},
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := names(list); !slices.Equal(got, []string{"LAMP", "TORCH", "FAN"}) {
			t.Errorf("names = %v, want the upper-cased names", got)
		}
		_, err = g.FindAll(ctx, sequelize.FindOptions{Attributes: []any{"id", sequelize.As("name", "label")}})
		var qe *sequelize.QueryError
		if !errors.As(err, &qe) || !strings.Contains(err.Error(), `"label"`) || !strings.Contains(err.Error(), "FindAllRaw") {
			t.Fatalf("err = %v, want a QueryError naming the alias and FindAllRaw", err)
		}
		rows, err := g.FindAllRaw(ctx, sequelize.FindOptions{Attributes: []any{sequelize.As("name", "label")}, Order: sequelize.Order{{"id"}}})
		if err != nil || len(rows) != 3 || rows[0]["label"] != "lamp" {
			t.Fatalf("FindAllRaw = %v, %v", rows, err)
		}
	})
}

type keyAuthor struct {
	ID    int64
	Name  string
	Pages int
	Books []*keyBook
}

type keyBook struct {
	ID        int64
	Title     string
	Code      string `sequelize:"type:VIRTUAL(STRING,'title')"` // getter: CodeOf
	AuthorID  *int64
	Author    *keyAuthor
	Shelf     string // a column whose name an alias below matches
	ShelfID   *int64
	CreatedAt time.Time
}

type keyShelf struct {
	ID   int64
	Name string
}

// A find with Attributes and includes selects the keys its includes load
// by; a VIRTUAL attribute in Attributes selects the attributes it
// depends on; an association whose alias matches a column (here the
// column shelf for the alias Shelf) has no include field rather than a
// definition panic.
func TestFindIncludeKeysAndVirtuals(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		authors := sequelize.Define[keyAuthor](db, sequelize.ModelOptions{ModelName: "Author", Timestamps: sequelize.Bool(false)})
		books := sequelize.Define[keyBook](db, sequelize.ModelOptions{ModelName: "Book", UpdatedAt: "-"})
		shelves := sequelize.Define[keyShelf](db, sequelize.ModelOptions{ModelName: "Shelf", Timestamps: sequelize.Bool(false)})
		booksOf := sequelize.HasMany(authors, books)
		author := sequelize.BelongsTo(books, authors)
		shelf := sequelize.BelongsTo(books, shelves)
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		a := &keyAuthor{Name: "Le Guin"}
		if err := authors.Create(ctx, a); err != nil {
			t.Fatal(err)
		}
		s := &keyShelf{Name: "top"}
		if err := shelves.Create(ctx, s); err != nil {
			t.Fatal(err)
		}
		if err := books.Create(ctx, &keyBook{Title: "Lathe", AuthorID: &a.ID, ShelfID: &s.ID}); err != nil {
			t.Fatal(err)
		}
		list, err := authors.FindAll(ctx, sequelize.FindOptions{Attributes: []any{"name"}, Include: []sequelize.Include{{Association: booksOf}}})
		if err != nil || len(list) != 1 || len(list[0].Books) != 1 {
			t.Fatalf("HasMany include with Attributes: %+v, %v", list, err)
		}
		bs, err := books.FindAll(ctx, sequelize.FindOptions{Attributes: []any{"code"}, Include: []sequelize.Include{{Association: author}}})
		if err != nil || len(bs) != 1 || bs[0].Title != "Lathe" || bs[0].Author == nil || bs[0].Author.Name != "Le Guin" {
			t.Fatalf("BelongsTo include with a VIRTUAL attribute: %+v, %v", bs, err)
		}
		if shelf.As() != "Shelf" {
			t.Fatalf("alias %q", shelf.As())
		}
		_, err = books.FindAll(ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: shelf}}})
		var ee *sequelize.EagerLoadingError
		if !errors.As(err, &ee) {
			t.Fatalf("include without a field: %v, want an EagerLoadingError", err)
		}
		n, err := authors.Count(ctx, sequelize.CountOptions{Include: []sequelize.Include{{Association: booksOf, Required: sequelize.Bool(true)}}})
		if err != nil || n != 1 {
			t.Fatalf("Count with a required include = %d, %v", n, err)
		}
	})
}
