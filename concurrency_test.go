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

// The concurrency stress test: queries on three dialects from several
// goroutines while others add and remove hooks and define models and
// associations on the same DB. Run it with -race: it proves that a DB and
// its models are safe for concurrent use, definitions included.

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

// fcExtra is the struct of the models defined while queries run.
type fcExtra struct {
	ID       int64
	Note     string
	AuthorID *int64
	Author   *fcAuthor
}

// fcStressFor is how long each stress phase runs per dialect.
const fcStressFor = 1500 * time.Millisecond

func TestConcurrentQueriesHooksAndDefinitions(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t, sequelize.Options{Pool: sequelize.PoolOptions{Max: 8}})
		authors := sequelize.Define[fcAuthor](db, sequelize.ModelOptions{ModelName: "Author",
			Scopes: map[string]sequelize.ScopeFunc{
				"adults": sequelize.StaticScope(sequelize.FindOptions{Where: sequelize.Where{"age": op.Gte(18)}}),
				"named": func(args ...any) sequelize.FindOptions {
					return sequelize.FindOptions{Where: sequelize.Where{"name": args[0]}}
				},
			}})
		books := sequelize.Define[fcBook](db, sequelize.ModelOptions{ModelName: "Book"})
		written := sequelize.HasMany(authors, books)
		sequelize.BelongsTo(books, authors)
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}

		var (
			wg       sync.WaitGroup
			stop     atomic.Bool
			hookRuns atomic.Int64
			queries  atomic.Int64
			defined  atomic.Int64
			ops      atomic.Int64
		)
		errs := make(chan error, 64)
		fail := func(format string, a ...any) {
			select {
			case errs <- fmt.Errorf(format, a...):
			default:
			}
			stop.Store(true)
		}
		count := func(context.Context, *sequelize.HookEvent[fcAuthor]) error { hookRuns.Add(1); return nil }
		countBook := func(context.Context, *sequelize.HookEvent[fcBook]) error { hookRuns.Add(1); return nil }
		countGlobal := func(context.Context, *sequelize.GlobalHookEvent) error { hookRuns.Add(1); return nil }
		countQuery := func(context.Context, *sequelize.GlobalHookEvent) error { queries.Add(1); return nil }

		// Workers: finds with includes, creates, updates, destroys,
		// counts, transactions and scopes, each on rows of its own.
		for w := range 4 {
			wg.Go(func() {
				for i := 0; !stop.Load(); i++ {
					name := fmt.Sprintf("w%d-%d", w, i)
					if err := fcWork(ctx, db, authors, books, written, name, i); err != nil {
						fail("worker %d, round %d: %w", w, i, err)
						return
					}
					ops.Add(1)
				}
			})
		}

		// Hook churn: model and global hooks, including the query and
		// pool hooks behind the DB's fast-path flags, added and removed.
		wg.Go(func() {
			for i := 0; !stop.Load(); i++ {
				name := fmt.Sprintf("h%d", i%3)
				authors.AddHook(sequelize.BeforeCreate, name, count)
				authors.AddHook(sequelize.AfterFind, name, count)
				authors.AddHook(sequelize.BeforeCount, name, count)
				books.AddHook(sequelize.BeforeSave, name, countBook)
				books.AddHook(sequelize.BeforeBulkDestroy, name, countBook)
				db.AddHook(sequelize.BeforeQuery, name, countQuery)
				db.AddHook(sequelize.AfterQuery, name, countQuery)
				db.AddHook(sequelize.BeforeFind, name, countGlobal)
				db.AddHook(sequelize.AfterCreate, name, countGlobal)
				db.AddHook(sequelize.BeforePoolAcquire, name, countGlobal)
				time.Sleep(time.Millisecond)
				_ = authors.HasHook(sequelize.BeforeCreate)
				authors.RemoveHook(sequelize.BeforeCreate, name)
				authors.RemoveHook(sequelize.AfterFind, name)
				books.RemoveHook(sequelize.BeforeSave, name)
				db.RemoveHook(sequelize.BeforeQuery, name)
				db.RemoveHook(sequelize.BeforeFind, name)
				db.RemoveHook(sequelize.BeforePoolAcquire, name)
				if i%3 == 2 { // these stay registered for three rounds
					for j := range 3 {
						name := fmt.Sprintf("h%d", j)
						authors.RemoveHook(sequelize.BeforeCount, name)
						books.RemoveHook(sequelize.BeforeBulkDestroy, name)
						db.RemoveHook(sequelize.AfterQuery, name)
						db.RemoveHook(sequelize.AfterCreate, name)
					}
				}
			}
		})

		// Definitions: new models, associated with the live ones both ways
		// (HasMany and BelongsToMany change Author, BelongsTo Book, which
		// the workers query), synced and used at once.
		wg.Go(func() {
			for i := 0; !stop.Load(); i++ {
				if err := fcDefine(ctx, db, authors, books, i); err != nil {
					fail("definition %d: %w", i, err)
					return
				}
				defined.Add(1)
			}
		})

		time.Sleep(fcStressFor)
		stop.Store(true)
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if ops.Load() == 0 || defined.Load() == 0 {
			t.Errorf("the stress test did nothing: %d rounds of queries, %d definitions", ops.Load(), defined.Load())
		}
		if hookRuns.Load() == 0 || queries.Load() == 0 {
			t.Errorf("no hook ran while the hooks changed: %d model/global hooks, %d query hooks", hookRuns.Load(), queries.Load())
		}
		t.Logf("%s: %d rounds of queries, %d definitions, %d hook runs, %d query hook runs",
			tg.Name, ops.Load(), defined.Load(), hookRuns.Load(), queries.Load())
	})
}

// fcWork is one worker's round of operations on rows named name.
func fcWork(ctx context.Context, db *sequelize.DB, authors *sequelize.Model[fcAuthor], books *sequelize.Model[fcBook],
	written *sequelize.HasManyAssociation[fcAuthor, fcBook], name string, i int) error {
	a := &fcAuthor{Name: name, Age: 10 + i%20, Books: []*fcBook{{Title: name + "-a"}, {Title: name + "-b"}}}
	if err := authors.Create(ctx, a, sequelize.CreateOptions{Include: []sequelize.Include{{Association: written}}}); err != nil {
		return fmt.Errorf("create: %w", err)
	}
	found, err := authors.FindAll(ctx, sequelize.FindOptions{Where: sequelize.Where{"name": name},
		Include: []sequelize.Include{{Association: written, Include: []sequelize.Include{{All: true}}}}})
	if err != nil {
		return fmt.Errorf("find with include: %w", err)
	}
	if len(found) != 1 || len(found[0].Books) != 2 || found[0].Books[0].Author == nil || found[0].Books[0].Author.ID != a.ID {
		return fmt.Errorf("find with include: got %d authors, want 1 with 2 books and their author", len(found))
	}
	all, err := authors.FindAll(ctx, sequelize.FindOptions{Where: sequelize.Where{"id": a.ID}, Include: []sequelize.Include{{All: true}}})
	if err != nil || len(all) != 1 || len(all[0].Books) != 2 {
		return fmt.Errorf("find with Include All: %d rows, %w", len(all), err)
	}
	named, err := authors.Scope(sequelize.ScopeCall{Name: "named", Args: []any{name}}, "adults")
	if err != nil {
		return err
	}
	n, err := named.Count(ctx)
	if err != nil {
		return fmt.Errorf("scoped count: %w", err)
	}
	if want := int64(0); a.Age >= 18 {
		want = 1
		if n != want {
			return fmt.Errorf("scoped count = %d, want %d", n, want)
		}
	} else if n != want {
		return fmt.Errorf("scoped count = %d, want %d", n, want)
	}
	if _, err := authors.Update(ctx, sequelize.Values{"age": 40}, sequelize.UpdateOptions{Where: sequelize.Where{"id": a.ID}}); err != nil {
		return fmt.Errorf("update: %w", err)
	}
	err = db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
		b := &fcBook{Title: name + "-c", AuthorID: &a.ID}
		if err := books.Create(ctx, b); err != nil {
			return err
		}
		b.Title += "!"
		if err := books.Save(ctx, b); err != nil {
			return err
		}
		got, err := written.Count(ctx, a)
		if err != nil {
			return err
		}
		if got != 3 {
			return fmt.Errorf("%d books in the transaction, want 3", got)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("transaction: %w", err)
	}
	adults, err := authors.Scope("adults")
	if err != nil {
		return err
	}
	if got, err := adults.FindOne(ctx, sequelize.FindOptions{Where: sequelize.Where{"id": a.ID}}); err != nil || got == nil || got.Age != 40 {
		return fmt.Errorf("scoped find after update: %v, %w", got, err)
	}
	if n, err := books.Destroy(ctx, sequelize.DestroyOptions{Where: sequelize.Where{"AuthorId": a.ID}}); err != nil || n != 3 {
		return fmt.Errorf("destroy books: %d rows, %w", n, err)
	}
	if err := authors.DestroyInstance(ctx, a); err != nil {
		return fmt.Errorf("destroy: %w", err)
	}
	if n, err := authors.Count(ctx, sequelize.CountOptions{Where: sequelize.Where{"id": a.ID}}); err != nil || n != 0 {
		return fmt.Errorf("count after destroy: %d, %w", n, err)
	}
	return nil
}

// fcDefine defines model number i on the live DB, associates it with
// authors both ways and with books, syncs it and uses the associations.
func fcDefine(ctx context.Context, db *sequelize.DB, authors *sequelize.Model[fcAuthor], books *sequelize.Model[fcBook], i int) error {
	extras := sequelize.Define[fcExtra](db, sequelize.ModelOptions{ModelName: fmt.Sprintf("Extra%d", i), Timestamps: sequelize.Bool(false)})
	owner := sequelize.BelongsTo(extras, authors)
	had := sequelize.HasMany(authors, extras, sequelize.AssociationOptions{As: fmt.Sprintf("extras%d", i)})
	sequelize.BelongsToMany(authors, extras, sequelize.BelongsToManyOptions{Through: fmt.Sprintf("AuthorExtra%d", i),
		AssociationOptions: sequelize.AssociationOptions{As: fmt.Sprintf("tagged%d", i)}})
	// A new association whose foreign key is on Book, which the workers
	// query: Book's definition changes (its key attribute is copied)
	// under them. No constraint, so Book's table stays as synced.
	sequelize.BelongsTo(books, extras, sequelize.AssociationOptions{As: fmt.Sprintf("owner%d", i), ForeignKey: "AuthorId",
		Constraints: sequelize.Bool(false)})
	if err := extras.Sync(ctx); err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	a := &fcAuthor{Name: fmt.Sprintf("definer-%d", i), Age: 50}
	if err := authors.Create(ctx, a); err != nil {
		return err
	}
	if err := extras.Create(ctx, &fcExtra{Note: "x", AuthorID: &a.ID}); err != nil {
		return err
	}
	got, err := extras.FindAll(ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: owner}}})
	if err != nil || len(got) != 1 || got[0].Author == nil || got[0].Author.ID != a.ID {
		return fmt.Errorf("find the new model with its author: %d rows, %w", len(got), err)
	}
	n, err := authors.Count(ctx, sequelize.CountOptions{Where: sequelize.Where{"id": a.ID},
		Include: []sequelize.Include{{Association: had, Attributes: []any{}, Required: sequelize.Bool(true)}}})
	if err != nil || n != 1 {
		return fmt.Errorf("count authors through the new association: %d, %w", n, err)
	}
	if err := authors.DestroyInstance(ctx, a); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
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

// The per-process caches (scan plans, sql.Scanner checks, the data types'
// scan specs) and a model's change tracking, used from many goroutines:
// each saves its own rows of one result (tracked together, as a slab) and
// asks what changed, while others scan raw rows into new shapes.
func TestTrackingAndCachesConcurrently(t *testing.T) {
	ctx := t.Context()
	db := testdb.SQLite.Open(t)
	notes := sequelize.Define[fcNote](db)
	if err := notes.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	batch := make([]*fcNote, 64)
	for i := range batch {
		batch[i] = &fcNote{Text: fmt.Sprint("n", i)}
	}
	if err := notes.BulkCreate(ctx, batch); err != nil {
		t.Fatal(err)
	}
	rows, err := notes.FindAll(ctx, sequelize.FindOptions{Order: sequelize.Order{{"id", "ASC"}}})
	if err != nil || len(rows) != 64 {
		t.Fatalf("FindAll: %d rows, %v", len(rows), err)
	}
	type fcTextOnly struct{ Text string }
	type fcIDOnly struct{ ID int64 }
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(rows); i += 4 {
				r := rows[i]
				if notes.IsNewRecord(r) {
					t.Errorf("row %d is a new record", i)
				}
				r.Text += "!"
				if got := notes.Changed(r); !slices.Equal(got, []string{"text"}) {
					t.Errorf("row %d: Changed = %q, want [text]", i, got)
				}
				if err := notes.Save(ctx, r); err != nil {
					t.Error(err)
					return
				}
				if got := notes.Changed(r); len(got) != 0 {
					t.Errorf("row %d after Save: Changed = %q", i, got)
				}
				if _, err := sequelize.QueryAs[fcTextOnly](ctx, db, `SELECT "text" FROM "fcNotes" LIMIT 3`); err != nil {
					t.Error(err)
				}
				if _, err := sequelize.QueryAs[fcIDOnly](ctx, db, `SELECT "id" FROM "fcNotes" LIMIT 3`); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	n, err := notes.Count(ctx, sequelize.CountOptions{Where: sequelize.Where{"text": op.Like("%!")}})
	if err != nil || n != 64 {
		t.Errorf("%d rows saved, want 64 (%v)", n, err)
	}
}
