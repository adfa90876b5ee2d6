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

func TestAssociationHooksRefused(t *testing.T) {
	db := testdb.All[0].Open(t)
	sagas := sequelize.Define[Saga](db)
	chapters := sequelize.Define[Chapter](db)
	paragraphs := sequelize.Define[Paragraph](db)
	for name, fn := range map[string]func(){
		"BelongsTo": func() { sequelize.BelongsTo(chapters, sagas, sequelize.AssociationOptions{Hooks: true}) },
		"SET NULL": func() {
			sequelize.HasMany(chapters, paragraphs, sequelize.AssociationOptions{Hooks: true, OnDelete: "SET NULL"})
		},
		"BelongsToMany": func() {
			sequelize.BelongsToMany(sagas, paragraphs, sequelize.BelongsToManyOptions{AssociationOptions: sequelize.AssociationOptions{Hooks: true}, Through: "X"})
		},
	} {
		func() {
			defer func() {
				var ae *sequelize.AssociationError
				if err, _ := recover().(error); !errors.As(err, &ae) {
					t.Errorf("%s with Hooks: recovered %v, want an *AssociationError", name, err)
				}
			}()
			fn()
		}()
	}
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
