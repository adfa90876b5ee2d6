package sequelize_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/internal/testdb"
	"github.com/gosequelize/sequelize/op"
)

type fcNote struct {
	ID   int64
	Text string
}

// Hooks added and removed while other goroutines fire them: each firing
// runs a list that does not change under it. Before the hook lists were
// copy-on-write, RemoveHook compacted the slice fire was iterating, which
// the race detector reported and which could call a nil hook.
func TestHooksChangeWhileFiring(t *testing.T) {
	ctx := t.Context()
	db := testdb.SQLite.Open(t)
	notes := sequelize.Define[fcNote](db)
	if err := notes.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	var stop atomic.Bool
	var runs atomic.Int64
	var wg sync.WaitGroup
	hook := func(context.Context, *sequelize.HookEvent[fcNote]) error { runs.Add(1); return nil }
	global := func(context.Context, *sequelize.GlobalHookEvent) error { runs.Add(1); return nil }
	for w := range 3 {
		wg.Go(func() {
			for i := 0; !stop.Load(); i++ {
				if err := notes.Create(ctx, &fcNote{Text: fmt.Sprint(w, i)}); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	for c := range 2 {
		wg.Go(func() {
			for i := 0; !stop.Load(); i++ {
				name := fmt.Sprint(c, i%4)
				notes.AddHook(sequelize.BeforeCreate, name, hook)
				notes.AddHook(sequelize.AfterSave, name, hook)
				db.AddHook(sequelize.BeforeCreate, name, global)
				db.AddHook(sequelize.BeforeQuery, name, global)
				db.AddHook(sequelize.AfterPoolAcquire, name, global)
				notes.RemoveHook(sequelize.BeforeCreate, name)
				notes.RemoveHook(sequelize.AfterSave, name)
				db.RemoveHook(sequelize.BeforeCreate, name)
				db.RemoveHook(sequelize.BeforeQuery, name)
				db.RemoveHook(sequelize.AfterPoolAcquire, name)
			}
		})
	}
	time.Sleep(300 * time.Millisecond)
	stop.Store(true)
	wg.Wait()
	if runs.Load() == 0 {
		t.Error("no hook ran while the hooks changed")
	}
	// Once removed, a hook no longer runs; the registry is left empty.
	for _, ht := range []sequelize.HookType{sequelize.BeforeCreate, sequelize.AfterCreate, sequelize.AfterUpdate} {
		if notes.HasHook(ht) {
			t.Errorf("HasHook(%s) after every hook was removed", ht)
		}
	}
	before := runs.Load()
	if err := notes.Create(ctx, &fcNote{Text: "last"}); err != nil {
		t.Fatal(err)
	}
	if runs.Load() != before {
		t.Errorf("%d removed hooks ran", runs.Load()-before)
	}
}

func TestAddHookRefusesUnknownType(t *testing.T) {
	db := testdb.SQLite.Open(t)
	notes := sequelize.Define[fcNote](db)
	for _, add := range []func(){
		func() { notes.AddHook(sequelize.HookType(0), "x", nil) },
		func() { db.AddHook(sequelize.AfterInit+1, "x", nil) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("AddHook of an unknown hook type did not panic")
				}
			}()
			add()
		}()
	}
}

type fcAuthor struct {
	ID        int64
	Name      string
	Age       int
	Books     []*fcBook
	CreatedAt time.Time
	UpdatedAt time.Time
}

type fcBook struct {
	ID        int64
	Title     string
	AuthorID  *int64
	Author    *fcAuthor
	CreatedAt time.Time
	UpdatedAt time.Time
}

// An association made after a view was taken is seen through the view: a
// view reads the definition current when each call starts, not the one of
// the moment it was made.
func TestViewsSeeLaterAssociations(t *testing.T) {
	ctx := t.Context()
	db := testdb.SQLite.Open(t)
	authors := sequelize.Define[fcAuthor](db, sequelize.ModelOptions{ModelName: "Author",
		Scopes: map[string]sequelize.ScopeFunc{"adults": sequelize.StaticScope(sequelize.FindOptions{Where: sequelize.Where{"age": op.Gte(18)}})}})
	books := sequelize.Define[fcBook](db, sequelize.ModelOptions{ModelName: "Book"})
	adults, err := authors.Scope("adults")
	if err != nil {
		t.Fatal(err)
	}
	unscoped := authors.Unscoped()
	written := sequelize.HasMany(authors, books)
	if err := db.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	a := &fcAuthor{Name: "ann", Age: 30, Books: []*fcBook{{Title: "one"}}}
	if err := adults.Create(ctx, a, sequelize.CreateOptions{Include: []sequelize.Include{{Association: written}}}); err != nil {
		t.Fatal(err)
	}
	for _, view := range []*sequelize.Model[fcAuthor]{adults, unscoped} {
		got, err := view.FindAll(ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: written}}})
		if err != nil || len(got) != 1 || len(got[0].Books) != 1 {
			t.Fatalf("find through a view taken before HasMany: %d rows, %v", len(got), err)
		}
	}
	if got := books.Attributes(); !slices.Contains(got, "AuthorId") {
		t.Errorf("Book attributes after HasMany: %q, want AuthorId", got)
	}
}

// An association that panics on a definition mistake changes nothing: the
// models keep the definitions they had. (Before definitions were
// copy-on-write, HasMany had already made Book's AuthorID the foreign key
// AuthorId when it found the alias taken.)
func TestFailedAssociationChangesNothing(t *testing.T) {
	db := testdb.SQLite.Open(t)
	authors := sequelize.Define[fcAuthor](db, sequelize.ModelOptions{ModelName: "Author"})
	books := sequelize.Define[fcBook](db, sequelize.ModelOptions{ModelName: "Book"})
	before := books.Attributes()
	func() {
		defer func() {
			var ae *sequelize.AssociationError
			if err, _ := recover().(error); !errors.As(err, &ae) {
				t.Errorf("HasMany with the alias of an attribute: recovered %v, want an *AssociationError", err)
			}
		}()
		sequelize.HasMany(authors, books, sequelize.AssociationOptions{As: "name"})
	}()
	if after := books.Attributes(); !slices.Equal(after, before) {
		t.Errorf("a failed HasMany changed Book's attributes from %q to %q", before, after)
	}
	// The alias is still free, and the lock released.
	done := make(chan struct{})
	go func() {
		defer close(done)
		sequelize.HasMany(authors, books)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("HasMany after a failed association did not return: the definition lock was not released")
	}
}

// Associate hooks may make associations themselves: they run outside the
// DB's definition lock.
func TestAssociateHookMakesAssociation(t *testing.T) {
	db := testdb.SQLite.Open(t)
	authors := sequelize.Define[fcAuthor](db, sequelize.ModelOptions{ModelName: "Author"})
	books := sequelize.Define[fcBook](db, sequelize.ModelOptions{ModelName: "Book"})
	var inverse *sequelize.HasManyAssociation[fcAuthor, fcBook]
	books.AddHook(sequelize.AfterAssociate, "inverse", func(_ context.Context, e *sequelize.HookEvent[fcBook]) error {
		inverse = sequelize.HasMany(authors, books)
		return nil
	})
	done := make(chan struct{})
	go func() {
		defer close(done)
		sequelize.BelongsTo(books, authors, sequelize.AssociationOptions{Hooks: true})
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("an association made by an AfterAssociate hook deadlocked")
	}
	if inverse == nil || inverse.As() != "Books" {
		t.Errorf("the hook's HasMany: %v", inverse)
	}
}
