package sequelize_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/internal/testdb"
)

type Saga struct {
	ID       int64
	Title    string
	Chapters []*Chapter
}

type Chapter struct {
	ID         int64
	Title      string
	SagaID     int64
	Paragraphs []*Paragraph
}

type Paragraph struct {
	ID        int64
	Text      string
	ChapterID int64
}

// TestAssociationHooksCascade checks association Hooks: an instance destroy
// destroys the children one by one first, their hooks firing, to any depth,
// in one transaction; a failing child hook leaves every row in place.
func TestAssociationHooksCascade(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		opts := sequelize.ModelOptions{Timestamps: sequelize.Bool(false)}
		sagas := sequelize.Define[Saga](db, opts)
		chapters := sequelize.Define[Chapter](db, opts)
		paragraphs := sequelize.Define[Paragraph](db, opts)
		sagaChapters := sequelize.HasMany(sagas, chapters, sequelize.AssociationOptions{Hooks: true, OnDelete: "cascade"})
		chapterParagraphs := sequelize.HasMany(chapters, paragraphs, sequelize.AssociationOptions{Hooks: true, OnDelete: "CASCADE"})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		var destroyed []string
		chapters.AddHook(sequelize.BeforeDestroy, "trace", func(ctx context.Context, e *sequelize.HookEvent[Chapter]) error {
			if e.Instance.Title == "forbidden" {
				return errors.New("chapter is protected")
			}
			mu.Lock()
			destroyed = append(destroyed, "chapter "+e.Instance.Title)
			mu.Unlock()
			return nil
		})
		paragraphs.AddHook(sequelize.AfterDestroy, "trace", func(ctx context.Context, e *sequelize.HookEvent[Paragraph]) error {
			mu.Lock()
			destroyed = append(destroyed, "paragraph "+e.Instance.Text)
			mu.Unlock()
			return nil
		})
		create := func(title string, chapterTitles ...string) *Saga {
			s := &Saga{Title: title}
			for _, c := range chapterTitles {
				s.Chapters = append(s.Chapters, &Chapter{Title: c, Paragraphs: []*Paragraph{{Text: c + ".1"}, {Text: c + ".2"}}})
			}
			inc := []sequelize.Include{{Association: sagaChapters, Include: []sequelize.Include{{Association: chapterParagraphs}}}}
			if err := sagas.Create(ctx, s, sequelize.CreateOptions{Include: inc}); err != nil {
				t.Fatal(err)
			}
			return s
		}
		counts := func() [3]int64 {
			var c [3]int64
			c[0], _ = sagas.Count(ctx)
			c[1], _ = chapters.Count(ctx)
			c[2], _ = paragraphs.Count(ctx)
			return c
		}

		dune := create("dune", "a", "b")
		keep := create("emma", "c")
		if err := sagas.DestroyInstance(ctx, dune); err != nil {
			t.Fatal(err)
		}
		slices.Sort(destroyed)
		want := []string{"chapter a", "chapter b", "paragraph a.1", "paragraph a.2", "paragraph b.1", "paragraph b.2"}
		if !slices.Equal(destroyed, want) {
			t.Errorf("hooks ran for %v, want %v", destroyed, want)
		}
		if c := counts(); c != [3]int64{1, 1, 2} {
			t.Errorf("rows left (sagas, chapters, paragraphs) = %v, want [1 1 2]", c)
		}

		// A child's hook refuses: nothing is deleted.
		destroyed = nil
		bad := create("odyssey", "ok", "forbidden")
		before := counts()
		if err := sagas.DestroyInstance(ctx, bad); err == nil || err.Error() != "chapter is protected" {
			t.Fatalf("destroy with a refusing child hook: %v", err)
		}
		if c := counts(); c != before {
			t.Errorf("rows after a refused cascade = %v, want %v", c, before)
		}

		// Bulk Destroy leaves the cascade to the database: no child hooks.
		destroyed = nil
		if _, err := sagas.Destroy(ctx, sequelize.DestroyOptions{Where: sequelize.Where{"id": keep.ID}}); err != nil {
			t.Fatal(err)
		}
		if len(destroyed) != 0 {
			t.Errorf("bulk Destroy ran child hooks: %v", destroyed)
		}
	})
}

// TestAssociateHooks checks BeforeAssociate and AfterAssociate: model
// then global, only with Hooks, BeforeAssociate may change the options,
// an error panics; BelongsTo and BelongsToMany never cascade a destroy.
func TestAssociateHooks(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		sagas := sequelize.Define[Saga](db)
		chapters := sequelize.Define[Chapter](db)
		paragraphs := sequelize.Define[Paragraph](db)
		var got []string
		chapters.AddHook(sequelize.BeforeAssociate, "", func(_ context.Context, e *sequelize.HookEvent[Chapter]) error {
			got = append(got, "model before "+e.Associate.Type.String()+" "+e.Associate.Source+"->"+e.Associate.Target)
			if e.Associate.Type == sequelize.BelongsToType {
				e.Associate.Options.As = "saga" // changes the alias about to be made
			}
			return nil
		})
		chapters.AddHook(sequelize.AfterAssociate, "", func(_ context.Context, e *sequelize.HookEvent[Chapter]) error {
			got = append(got, "model after "+e.Associate.Association.As())
			return nil
		})
		db.AddHook(sequelize.AfterAssociate, "", func(_ context.Context, e *sequelize.GlobalHookEvent) error {
			got = append(got, "global after "+e.Model+" "+e.Associate.Association.As())
			return nil
		})
		inSaga := sequelize.BelongsTo(chapters, sagas, sequelize.AssociationOptions{Hooks: true, ForeignKey: "SagaId", OnDelete: "CASCADE"})
		sequelize.HasMany(chapters, paragraphs) // no Hooks: no hook runs
		want := []string{"model before BelongsTo Chapter->Saga", "model after saga", "global after Chapter saga"}
		if !slices.Equal(got, want) {
			t.Fatalf("associate hooks ran %q, want %q", got, want)
		}
		if inSaga.As() != "saga" {
			t.Errorf("BeforeAssociate's change of As was ignored: %q", inSaga.As())
		}
		tagged := sequelize.BelongsToMany(sagas, paragraphs, sequelize.BelongsToManyOptions{
			AssociationOptions: sequelize.AssociationOptions{Hooks: true}, Through: "SagaParagraphs"})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		s := &Saga{Title: "s"}
		if err := sagas.Create(ctx, s); err != nil {
			t.Fatal(err)
		}
		c := &Chapter{Title: "c", SagaID: s.ID}
		if err := chapters.Create(ctx, c); err != nil {
			t.Fatal(err)
		}
		p := &Paragraph{Text: "p", ChapterID: c.ID}
		if err := paragraphs.Create(ctx, p); err != nil {
			t.Fatal(err)
		}
		if err := tagged.Add(ctx, s, p); err != nil {
			t.Fatal(err)
		}
		// Destroying a chapter keeps its saga (Sequelize's BelongsTo quirk
		// would destroy it); destroying the saga keeps the paragraph it
		// links (only the junction row goes, by ON DELETE CASCADE).
		if err := chapters.DestroyInstance(ctx, c); err != nil {
			t.Fatal(err)
		}
		if n, _ := sagas.Count(ctx); n != 1 {
			t.Fatalf("destroying a chapter destroyed its saga")
		}
		if err := sagas.DestroyInstance(ctx, s); err != nil {
			t.Fatal(err)
		}
		if n, _ := paragraphs.Count(ctx); n != 1 {
			t.Fatalf("destroying a saga destroyed a linked paragraph")
		}

		// An error from an associate hook panics with an *AssociationError.
		sagas.AddHook(sequelize.BeforeAssociate, "no", func(context.Context, *sequelize.HookEvent[Saga]) error {
			return errors.New("no associations today")
		})
		func() {
			defer func() {
				var ae *sequelize.AssociationError
				if err, _ := recover().(error); !errors.As(err, &ae) {
					t.Errorf("associate hook error: recovered %v, want an *AssociationError", err)
				}
			}()
			sequelize.HasMany(sagas, chapters, sequelize.AssociationOptions{Hooks: true, As: "parts"})
		}()
	})
}

// TestDefineHooks checks BeforeDefine (which may change the options) and
// AfterDefine, DB hooks only.
func TestDefineHooks(t *testing.T) {
	db := testdb.All[0].Open(t)
	var got []string
	db.AddHook(sequelize.BeforeDefine, "", func(_ context.Context, e *sequelize.GlobalHookEvent) error {
		got = append(got, "before "+e.Model)
		e.DefineOptions.TableName = "saga_table"
		return nil
	})
	db.AddHook(sequelize.AfterDefine, "", func(_ context.Context, e *sequelize.GlobalHookEvent) error {
		got = append(got, "after "+e.Defined.Name()+" "+e.Defined.TableName())
		return nil
	})
	sequelize.Define[Saga](db)
	if want := []string{"before Saga", "after Saga saga_table"}; !slices.Equal(got, want) {
		t.Fatalf("define hooks ran %q, want %q", got, want)
	}
	db.RemoveHook(sequelize.BeforeDefine, "")
	db.AddHook(sequelize.BeforeDefine, "", func(context.Context, *sequelize.GlobalHookEvent) error {
		return errors.New("frozen")
	})
	func() {
		defer func() {
			if r := recover(); r == nil {
				t.Error("a BeforeDefine error did not stop Define")
			}
		}()
		sequelize.Define[Chapter](db)
	}()
	func() {
		defer func() {
			if r := recover(); r == nil {
				t.Error("Model.AddHook accepted the DB-only BeforeDefine")
			}
		}()
		sequelize.Define[Paragraph](testdb.All[0].Open(t)).AddHook(sequelize.BeforeDefine, "", nil)
	}()
}

// TestAssociationHooksCascadeHasOne checks the cascade through HasOne, on a
// paranoid source destroyed with Force.
func TestAssociationHooksCascadeHasOne(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		sagas := sequelize.Define[Note](db, sequelize.ModelOptions{Paranoid: true})
		chapters := sequelize.Define[Chapter](db, sequelize.ModelOptions{Timestamps: sequelize.Bool(false)})
		sequelize.HasOne(sagas, chapters, sequelize.AssociationOptions{ForeignKey: "sagaId", OnDelete: "CASCADE", Hooks: true, Constraints: sequelize.Bool(false)})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		var ran int
		chapters.AddHook(sequelize.AfterDestroy, "count", func(context.Context, *sequelize.HookEvent[Chapter]) error { ran++; return nil })
		n := &Note{Text: "x"}
		if err := sagas.Create(ctx, n); err != nil {
			t.Fatal(err)
		}
		if err := chapters.Create(ctx, &Chapter{Title: "only", SagaID: n.ID}); err != nil {
			t.Fatal(err)
		}
		// A soft delete does not cascade.
		if err := sagas.DestroyInstance(ctx, n); err != nil {
			t.Fatal(err)
		}
		if c, _ := chapters.Count(ctx); c != 1 || ran != 0 {
			t.Fatalf("after a soft delete: %d chapters, %d hooks", c, ran)
		}
		if err := sagas.DestroyInstance(ctx, n, sequelize.DestroyOptions{Force: true}); err != nil {
			t.Fatal(err)
		}
		if c, _ := chapters.Count(ctx); c != 0 || ran != 1 {
			t.Errorf("after a forced destroy: %d chapters, %d hooks", c, ran)
		}
	})
}
