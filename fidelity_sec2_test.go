package sequelize_test

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/internal/testdb"
)

// Regression tests for behaviour differences from Sequelize v6.37.8
// (fidelity issue, section 2). Identifiers start with fs2.

type fs2Person struct {
	ID       int64
	Name     string
	Fs2Clubs []*fs2Club
}

type fs2Club struct {
	ID        int64
	Name      string
	Fs2Member *fs2Member // the junction row
}

// fs2Member is a through model whose own attributes are pointers.
type fs2Member struct {
	Fs2PersonID int64
	Fs2ClubID   int64
	IsAdmin     *bool
	Rank        *int
}

func fs2Ptr[V any](v V) *V { return &v }

// TestThroughPointerFields: a through model with *bool and *int fields
// takes through values (plain or pointers) on Add, Set and Create, and
// reads them back into the target's through field.
func TestThroughPointerFields(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, _ := openModels(t, tg)
		people := sequelize.Define[fs2Person](db)
		clubs := sequelize.Define[fs2Club](db)
		members := sequelize.Define[fs2Member](db)
		pc := sequelize.BelongsToMany(people, clubs, sequelize.BelongsToManyOptions{ThroughModel: members})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		ann := &fs2Person{Name: "ann"}
		chess, golf := &fs2Club{Name: "chess"}, &fs2Club{Name: "golf"}
		for _, err := range []error{people.Create(ctx, ann), clubs.Create(ctx, chess), clubs.Create(ctx, golf)} {
			if err != nil {
				t.Fatal(err)
			}
		}
		row := func(clubID int64) (admin *bool, rank *int) {
			t.Helper()
			got, err := pc.Get(ctx, ann, sequelize.FindOptions{Where: sequelize.Where{"id": clubID}})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || got[0].Fs2Member == nil {
				t.Fatalf("Get(club %d) = %v", clubID, got)
			}
			return got[0].Fs2Member.IsAdmin, got[0].Fs2Member.Rank
		}
		check := func(what string, clubID int64, admin *bool, rank *int) {
			t.Helper()
			ga, gr := row(clubID)
			if (ga == nil) != (admin == nil) || ga != nil && *ga != *admin || (gr == nil) != (rank == nil) || gr != nil && *gr != *rank {
				t.Errorf("%s: through row isAdmin=%v rank=%v, want %v %v", what, fs2Deref(ga), fs2Deref(gr), fs2Deref(admin), fs2Deref(rank))
			}
		}

		// Plain values into pointer fields.
		if err := pc.Add(ctx, ann, chess, sequelize.SetOptions{Through: sequelize.Values{"isAdmin": true, "rank": 3}}); err != nil {
			t.Fatalf("Add with through values: %v", err)
		}
		check("Add", chess.ID, fs2Ptr(true), fs2Ptr(3))

		// Pointers, through Create.
		tennis := &fs2Club{Name: "tennis"}
		if err := pc.Create(ctx, ann, tennis, sequelize.CreateOptions{Through: sequelize.Values{"isAdmin": fs2Ptr(false), "rank": fs2Ptr(7)}}); err != nil {
			t.Fatalf("Create with pointer through values: %v", err)
		}
		check("Create", tennis.ID, fs2Ptr(false), fs2Ptr(7))

		// The target's own through field, on a new link (insert).
		golf.Fs2Member = &fs2Member{IsAdmin: fs2Ptr(true), Rank: fs2Ptr(1)}
		if err := pc.Add(ctx, ann, golf); err != nil {
			t.Fatalf("Add with the through field set: %v", err)
		}
		check("Add through field", golf.ID, fs2Ptr(true), fs2Ptr(1))

		// Set updating existing links with pointer values, a nil pointer
		// storing NULL.
		if err := pc.Set(ctx, ann, []*fs2Club{{ID: chess.ID}, {ID: golf.ID}}, sequelize.SetOptions{Through: sequelize.Values{"isAdmin": (*bool)(nil), "rank": fs2Ptr(9)}}); err != nil {
			t.Fatalf("Set with pointer through values: %v", err)
		}
		check("Set", chess.ID, nil, fs2Ptr(9))
		check("Set", golf.ID, nil, fs2Ptr(9))

		// Read back with an include.
		all, err := people.FindAll(ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: pc}}})
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 1 || len(all[0].Fs2Clubs) != 2 {
			t.Fatalf("include: %+v", all)
		}
		for _, c := range all[0].Fs2Clubs {
			if m := c.Fs2Member; m == nil || m.IsAdmin != nil || m.Rank == nil || *m.Rank != 9 {
				t.Errorf("include through row of %s = %+v", c.Name, m)
			}
		}

		// Model.Set and Build take pointers and plain values alike; a
		// pointer is copied, not shared.
		r := 4
		m, err := members.Build(sequelize.Values{"rank": &r, "isAdmin": true})
		if err != nil {
			t.Fatalf("Build with a pointer: %v", err)
		}
		r = 5
		if m.Rank == nil || *m.Rank != 4 || m.IsAdmin == nil || !*m.IsAdmin {
			t.Errorf("Build = %+v", m)
		}
		if err := members.Set(m, sequelize.Values{"rank": nil}); err != nil || m.Rank != nil {
			t.Errorf("Set nil = %v, %+v", err, m)
		}
		// A numeric value of another Go type is converted when it fits.
		if err := members.Set(m, sequelize.Values{"rank": int64(6)}); err != nil || m.Rank == nil || *m.Rank != 6 {
			t.Errorf("Set int64 into *int = %v, %+v", err, m)
		}
		if err := members.Set(m, sequelize.Values{"rank": 1.5}); err == nil {
			t.Errorf("Set 1.5 into *int succeeded: %d", *m.Rank)
		}
	})
}

func fs2Deref[V any](p *V) any {
	if p == nil {
		return nil
	}
	return *p
}

type fs2Author struct {
	Code     string `sequelize:"primaryKey;type:STRING(20)"`
	Name     string
	Fs2Books []*fs2Book
	Tags     []*fs2Tag
}

type fs2Book struct {
	Isbn       string `sequelize:"primaryKey;type:STRING(20)"`
	Title      string
	Fs2Writing *fs2Writing
}

type fs2Writing struct {
	Fs2AuthorCode string `sequelize:"type:STRING(20)"`
	Fs2BookIsbn   string `sequelize:"type:STRING(20)"`
	Role          string
}

type fs2Tag struct {
	Slug string `sequelize:"primaryKey;type:STRING(20)"`
}

// TestBelongsToManyStringKeys: string keys come back from MariaDB as
// []byte; including, getting, adding and setting through a through model
// and through a generated junction table stitches them by value (no
// panic on an unhashable key, no lost rows).
func TestBelongsToManyStringKeys(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, _ := openModels(t, tg)
		authors := sequelize.Define[fs2Author](db)
		books := sequelize.Define[fs2Book](db)
		writings := sequelize.Define[fs2Writing](db)
		tags := sequelize.Define[fs2Tag](db)
		ab := sequelize.BelongsToMany(authors, books, sequelize.BelongsToManyOptions{ThroughModel: writings})
		at := sequelize.BelongsToMany(authors, tags, sequelize.BelongsToManyOptions{Through: "fs2AuthorTags", AssociationOptions: sequelize.AssociationOptions{As: "tags"}})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		ann, bob := &fs2Author{Code: "ann", Name: "Ann"}, &fs2Author{Code: "bob", Name: "Bob"}
		b1, b2 := &fs2Book{Isbn: "isbn-1", Title: "One"}, &fs2Book{Isbn: "isbn-2", Title: "Two"}
		t1, t2 := &fs2Tag{Slug: "poetry"}, &fs2Tag{Slug: "prose"}
		for _, err := range []error{authors.Create(ctx, ann), authors.Create(ctx, bob), books.Create(ctx, b1), books.Create(ctx, b2),
			tags.Create(ctx, t1), tags.Create(ctx, t2)} {
			if err != nil {
				t.Fatal(err)
			}
		}
		if err := ab.Add(ctx, ann, []*fs2Book{b1, b2}, sequelize.SetOptions{Through: sequelize.Values{"role": "author"}}); err != nil {
			t.Fatal(err)
		}
		if err := ab.Add(ctx, bob, "isbn-2"); err != nil {
			t.Fatal(err)
		}
		if err := at.Add(ctx, ann, []string{"poetry", "prose"}); err != nil {
			t.Fatal(err)
		}
		if err := at.Add(ctx, bob, t2); err != nil {
			t.Fatal(err)
		}
		// Adding again finds the existing links (keys compared by value).
		if err := at.Add(ctx, ann, t1); err != nil {
			t.Fatal(err)
		}
		if err := ab.Set(ctx, ann, []string{"isbn-1", "isbn-2"}, sequelize.SetOptions{Through: sequelize.Values{"role": "editor"}}); err != nil {
			t.Fatal(err)
		}
		if err := at.Set(ctx, bob, []string{"prose"}); err != nil {
			t.Fatal(err)
		}

		all, err := authors.FindAll(ctx, sequelize.FindOptions{
			Include: []sequelize.Include{{Association: ab}, {Association: at}},
			Order:   sequelize.Order{{"code", "ASC"}},
		})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, a := range all {
			var s []string
			for _, b := range a.Fs2Books {
				role := "<nil>"
				if b.Fs2Writing != nil {
					role = b.Fs2Writing.Role
				}
				s = append(s, b.Isbn+"/"+role)
			}
			for _, tg := range a.Tags {
				s = append(s, "#"+tg.Slug)
			}
			slices.Sort(s)
			got[a.Code] = strings.Join(s, " ")
		}
		want := map[string]string{"ann": "#poetry #prose isbn-1/editor isbn-2/editor", "bob": "#prose isbn-2/"}
		if !maps.Equal(got, want) {
			t.Errorf("include = %v, want %v", got, want)
		}
		if n, err := ab.Count(ctx, ann); err != nil || n != 2 {
			t.Errorf("Count = %d, %v", n, err)
		}
		if has, err := at.Has(ctx, bob, []string{"prose"}); err != nil || !has {
			t.Errorf("Has = %v, %v", has, err)
		}
		if err := at.Remove(ctx, ann, "poetry"); err != nil {
			t.Fatal(err)
		}
		if got, err := at.Get(ctx, ann); err != nil || len(got) != 1 || got[0].Slug != "prose" {
			t.Errorf("Get after Remove = %v, %v", got, err)
		}
	})
}

type fs2Note struct {
	ID        int64
	Title     string
	Body      string
	Stars     int
	CreatedAt time.Time
	UpdatedAt time.Time
}

// TestChangedInsideAfterHooks: as in Sequelize
// (instance/values.test.js "should be available to a afterUpdate hook"),
// the after-update and after-save hooks still see what was saved as
// changed, and it is cleared once they return.
func TestChangedInsideAfterHooks(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, _ := openModels(t, tg)
		notes := sequelize.Define[fs2Note](db)
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		seen := map[sequelize.HookType][]string{}
		var prev any
		var newInHook bool
		record := func(ctx context.Context, e *sequelize.HookEvent[fs2Note]) error {
			seen[e.Type] = append(seen[e.Type], notes.Changed(e.Instance)...)
			if e.Type == sequelize.AfterUpdate {
				prev, _ = notes.Previous(e.Instance, "title")
			}
			newInHook = notes.IsNewRecord(e.Instance)
			return nil
		}
		notes.AddHook(sequelize.AfterUpdate, "upd", record)
		notes.AddHook(sequelize.AfterCreate, "cre", record)
		notes.AddHook(sequelize.AfterSave, "save", func(ctx context.Context, e *sequelize.HookEvent[fs2Note]) error {
			seen[sequelize.AfterSave] = append(seen[sequelize.AfterSave], notes.Changed(e.Instance)...)
			return nil
		})

		n := &fs2Note{Title: "draft", Stars: 1}
		if err := notes.Create(ctx, n); err != nil {
			t.Fatal(err)
		}
		if want := []string{"title", "stars"}; !slices.Equal(seen[sequelize.AfterCreate], want) || !slices.Equal(seen[sequelize.AfterSave], want) {
			t.Errorf("Changed inside AfterCreate/AfterSave of a create = %v / %v, want %v", seen[sequelize.AfterCreate], seen[sequelize.AfterSave], want)
		}
		if newInHook {
			t.Error("IsNewRecord inside AfterCreate: Sequelize's isNewRecord is already false")
		}
		if c := notes.Changed(n); len(c) != 0 {
			t.Errorf("Changed after Create = %v", c)
		}

		clear(seen)
		n.Title = "final"
		if err := notes.Save(ctx, n); err != nil {
			t.Fatal(err)
		}
		if want := []string{"title"}; !slices.Equal(seen[sequelize.AfterUpdate], want) || !slices.Equal(seen[sequelize.AfterSave], want) {
			t.Errorf("Changed inside AfterUpdate/AfterSave = %v / %v, want %v", seen[sequelize.AfterUpdate], seen[sequelize.AfterSave], want)
		}
		if prev != "draft" {
			t.Errorf("Previous(title) inside AfterUpdate = %v, want draft", prev)
		}
		if c := notes.Changed(n); len(c) != 0 {
			t.Errorf("Changed after Save = %v", c)
		}

		// Save with Fields: what was not saved stays changed, as in
		// Sequelize (only options.fields are cleared).
		n.Title, n.Body = "again", "text"
		if err := notes.Save(ctx, n, sequelize.SaveOptions{Fields: []string{"title"}}); err != nil {
			t.Fatal(err)
		}
		if c := notes.Changed(n); !slices.Equal(c, []string{"body"}) {
			t.Errorf("Changed after Save with Fields = %v, want [body]", c)
		}
		if err := notes.Save(ctx, n); err != nil {
			t.Fatal(err)
		}
		got, err := notes.FindByPK(ctx, n.ID)
		if err != nil || got.Body != "text" || got.Title != "again" {
			t.Errorf("stored = %+v, %v", got, err)
		}

		// A failing after hook leaves the change pending, as in Sequelize.
		notes.AddHook(sequelize.AfterUpdate, "fail", func(ctx context.Context, e *sequelize.HookEvent[fs2Note]) error {
			return errors.New("no")
		})
		n.Stars = 5
		if err := notes.Save(ctx, n); err == nil {
			t.Fatal("the failing hook's error was lost")
		}
		if c := notes.Changed(n); !slices.Equal(c, []string{"stars"}) {
			t.Errorf("Changed after a failing AfterUpdate = %v, want [stars]", c)
		}
	})
}

// TestFindEmptyAttributes: Attributes: []any{} on a top-level find is a
// *QueryError before any SQL is sent (Sequelize's query fails in the
// database); nil still reads every attribute.
func TestFindEmptyAttributes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, log := openModels(t, tg)
		notes := sequelize.Define[fs2Note](db)
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		if err := notes.Create(ctx, &fs2Note{Title: "a"}); err != nil {
			t.Fatal(err)
		}
		log.reset()
		var qe *sequelize.QueryError
		if _, err := notes.FindAll(ctx, sequelize.FindOptions{Attributes: []any{}}); !errors.As(err, &qe) {
			t.Errorf("FindAll with empty Attributes = %v, want a *QueryError", err)
		}
		if _, err := notes.FindOne(ctx, sequelize.FindOptions{Attributes: []any{}}); !errors.As(err, &qe) {
			t.Errorf("FindOne with empty Attributes = %v, want a *QueryError", err)
		}
		if _, err := notes.FindByPK(ctx, 1, sequelize.FindOptions{Attributes: []any{}}); !errors.As(err, &qe) {
			t.Errorf("FindByPK with empty Attributes = %v, want a *QueryError", err)
		}
		if s := log.reset(); len(s) != 0 {
			t.Errorf("SQL was sent: %v", s)
		}
		if got, err := notes.FindAll(ctx, sequelize.FindOptions{Attributes: nil}); err != nil || len(got) != 1 || got[0].Title != "a" {
			t.Errorf("FindAll with nil Attributes = %v, %v", got, err)
		}
	})
}

// TestReloadAttributesKeepsOthers: Reload with Attributes overwrites only
// those attributes (Sequelize's reload sets what it read with reset:
// !options.attributes); the other fields keep their values and their
// pending changes.
func TestReloadAttributesKeepsOthers(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, _ := openModels(t, tg)
		notes := sequelize.Define[fs2Note](db)
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		n := &fs2Note{Title: "a", Body: "b", Stars: 1}
		if err := notes.Create(ctx, n); err != nil {
			t.Fatal(err)
		}
		if _, err := notes.Update(ctx, sequelize.Values{"title": "A", "stars": 2}, sequelize.UpdateOptions{Where: sequelize.Where{"id": n.ID}}); err != nil {
			t.Fatal(err)
		}
		created := n.CreatedAt
		n.Body = "edited"
		if err := notes.Reload(ctx, n, sequelize.FindOptions{Attributes: []any{"title"}}); err != nil {
			t.Fatal(err)
		}
		if n.Title != "A" || n.Body != "edited" || n.Stars != 1 || n.ID == 0 || !n.CreatedAt.Equal(created) {
			t.Errorf("after Reload(title) = %+v", n)
		}
		if c := notes.Changed(n); !slices.Equal(c, []string{"body"}) {
			t.Errorf("Changed after Reload(title) = %v, want [body]", c)
		}
		if err := notes.Reload(ctx, n); err != nil {
			t.Fatal(err)
		}
		if n.Title != "A" || n.Body != "b" || n.Stars != 2 || len(notes.Changed(n)) != 0 {
			t.Errorf("after a full Reload = %+v, changed %v", n, notes.Changed(n))
		}
	})
}

type fs2Doc struct {
	ID        int64
	Title     string
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
}

// TestSetIgnoresKeyAndManagedAttributes: as Sequelize's set, Set ignores a
// primary key that is already set and, on a saved instance, createdAt,
// updatedAt, deletedAt and the version; Save then writes neither.
func TestSetIgnoresKeyAndManagedAttributes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, _ := openModels(t, tg)
		docs := sequelize.Define[fs2Doc](db, sequelize.ModelOptions{Paranoid: true, Version: "version"})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		d := &fs2Doc{Title: "a"}
		if err := docs.Create(ctx, d); err != nil {
			t.Fatal(err)
		}
		id, created, updated, version := d.ID, d.CreatedAt, d.UpdatedAt, d.Version
		past := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
		if err := docs.Set(d, sequelize.Values{"id": id + 100, "title": "b", "createdAt": past, "updatedAt": past, "deletedAt": past, "version": 42}); err != nil {
			t.Fatal(err)
		}
		if d.ID != id || !d.CreatedAt.Equal(created) || !d.UpdatedAt.Equal(updated) || d.DeletedAt != nil || d.Version != version || d.Title != "b" {
			t.Fatalf("after Set on a saved instance = %+v", d)
		}
		if c := docs.Changed(d); !slices.Equal(c, []string{"title"}) {
			t.Errorf("Changed = %v, want [title]", c)
		}
		if err := docs.Save(ctx, d); err != nil {
			t.Fatal(err)
		}
		got, err := docs.FindByPK(ctx, id)
		if err != nil || got == nil {
			t.Fatalf("FindByPK(%d) = %v, %v", id, got, err)
		}
		if got.Title != "b" || got.CreatedAt.Year() == 2001 || got.DeletedAt != nil {
			t.Errorf("stored = %+v", got)
		}
		if n, err := docs.Count(ctx); err != nil || n != 1 {
			t.Errorf("Count = %d, %v", n, err)
		}

		// A new instance takes them, except a primary key already set.
		b, err := docs.Build(sequelize.Values{"id": 7, "title": "n", "createdAt": past})
		if err != nil {
			t.Fatal(err)
		}
		if err := docs.Set(b, sequelize.Values{"id": 8, "updatedAt": past}); err != nil {
			t.Fatal(err)
		}
		if b.ID != 7 || !b.CreatedAt.Equal(past) || !b.UpdatedAt.Equal(past) {
			t.Errorf("Build then Set on a new instance = %+v", b)
		}
	})
}

type fs2Account struct {
	ID       int64
	Username string `sequelize:"unique"`
	Email    string `sequelize:"unique"`
}

// TestFindOrCreateDefaultsUniqueViolation: model/findOrCreate's behaviour
// when Defaults collide with another row's unique value: the
// *UniqueConstraintError naming the attribute, and an enclosing
// transaction still usable.
func TestFindOrCreateDefaultsUniqueViolation(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, _ := openModels(t, tg)
		accounts := sequelize.Define[fs2Account](db)
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		if err := accounts.Create(ctx, &fs2Account{Username: "ann", Email: "x@example.com"}); err != nil {
			t.Fatal(err)
		}
		check := func(err error) {
			t.Helper()
			var uniq *sequelize.UniqueConstraintError
			if !errors.As(err, &uniq) {
				t.Fatalf("FindOrCreate with a colliding default = %v (%T), want a *UniqueConstraintError", err, err)
			}
			if _, ok := uniq.Fields["email"]; !ok {
				t.Errorf("UniqueConstraintError.Fields = %v, want email", uniq.Fields)
			}
		}
		_, _, err := accounts.FindOrCreate(ctx, sequelize.FindOrCreateOptions{
			Where: sequelize.Where{"username": "bob"}, Defaults: sequelize.Values{"email": "x@example.com"}})
		check(err)
		err = db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
			_, _, err := accounts.FindOrCreate(ctx, sequelize.FindOrCreateOptions{
				Where: sequelize.Where{"username": "bob"}, Defaults: sequelize.Values{"email": "x@example.com"}})
			check(err)
			// the transaction goes on
			row, created, err := accounts.FindOrCreate(ctx, sequelize.FindOrCreateOptions{
				Where: sequelize.Where{"username": "bob"}, Defaults: sequelize.Values{"email": "y@example.com"}})
			if err != nil || !created || row.Email != "y@example.com" {
				t.Errorf("FindOrCreate after the violation = %+v, %v, %v", row, created, err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n, err := accounts.Count(ctx); err != nil || n != 2 {
			t.Errorf("Count = %d, %v, want 2", n, err)
		}
	})
}

type fs2Owner struct {
	ID      int64
	Name    string
	Active  bool
	Score   int
	Fs2Pets []*fs2Pet
}

type fs2Pet struct {
	ID         int64
	Kind       string
	Fs2OwnerID int64
}

// TestScopeIncludeAndWhereInBulkOperations: as Sequelize's _injectScope
// (scope/count.test.js "should be able to merge scope and where" and
// scope/destroy.test.js "should be able to apply scope to destroy"), a
// scope's includes filter Count and the aggregates, and a scope's where
// satisfies the where that Destroy, Update and Increment require.
func TestScopeIncludeAndWhereInBulkOperations(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, _ := openModels(t, tg)
		var pets *sequelize.HasManyAssociation[fs2Owner, fs2Pet]
		owners := sequelize.Define[fs2Owner](db, sequelize.ModelOptions{Scopes: map[string]sequelize.ScopeFunc{
			"active": sequelize.StaticScope(sequelize.FindOptions{Where: sequelize.Where{"active": true}}),
			"catOwners": func(...any) sequelize.FindOptions {
				return sequelize.FindOptions{Include: []sequelize.Include{{Association: pets, Where: sequelize.Where{"kind": "cat"}}}}
			},
		}})
		petsModel := sequelize.Define[fs2Pet](db)
		pets = sequelize.HasMany(owners, petsModel, sequelize.AssociationOptions{})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		for i, o := range []*fs2Owner{{Name: "a", Active: true, Score: 1}, {Name: "b", Active: true, Score: 2}, {Name: "c", Score: 4}} {
			if err := owners.Create(ctx, o); err != nil {
				t.Fatal(err)
			}
			kind := []string{"cat", "dog", "cat"}[i]
			if err := petsModel.Create(ctx, &fs2Pet{Kind: kind, Fs2OwnerID: o.ID}); err != nil {
				t.Fatal(err)
			}
		}
		cats, err := owners.Scope("catOwners")
		if err != nil {
			t.Fatal(err)
		}
		if n, err := cats.Count(ctx); err != nil || n != 2 {
			t.Errorf("Count with a scope's include = %d, %v, want 2", n, err)
		}
		if n, err := cats.Count(ctx, sequelize.CountOptions{Where: sequelize.Where{"active": true}}); err != nil || n != 1 {
			t.Errorf("Count with a scope's include and a where = %d, %v, want 1", n, err)
		}
		var sum int64
		if err := cats.Aggregate(ctx, "score", "sum", &sum); err != nil || sum != 5 {
			t.Errorf("Sum with a scope's include = %d, %v, want 5", sum, err)
		}
		if rows, err := cats.FindAll(ctx); err != nil || len(rows) != 2 {
			t.Errorf("FindAll with the scope = %d rows, %v", len(rows), err)
		}

		active, err := owners.Scope("active")
		if err != nil {
			t.Fatal(err)
		}
		if n, err := active.Increment(ctx, sequelize.Values{"score": 10}, sequelize.IncrementOptions{}); err != nil || n != 2 {
			t.Errorf("Increment with a scope's where = %d, %v, want 2", n, err)
		}
		if n, err := active.Update(ctx, sequelize.Values{"name": "x"}, sequelize.UpdateOptions{}); err != nil || n != 2 {
			t.Errorf("Update with a scope's where = %d, %v, want 2", n, err)
		}
		if err := petsModel.Truncate(ctx); err != nil {
			t.Fatal(err)
		}
		if n, err := active.Destroy(ctx, sequelize.DestroyOptions{}); err != nil || n != 2 {
			t.Errorf("Destroy with a scope's where = %d, %v, want 2", n, err)
		}
		left, err := owners.FindAll(ctx)
		if err != nil || len(left) != 1 || left[0].Name != "c" || left[0].Score != 4 {
			t.Errorf("left = %+v, %v", left, err)
		}
		// Without a scope, the where is still required.
		if _, err := owners.Destroy(ctx, sequelize.DestroyOptions{}); err == nil {
			t.Error("Destroy with no where and no scope succeeded")
		}
	})
}
