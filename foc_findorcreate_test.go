package sequelize_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/internal/testdb"
	"github.com/gosequelize/sequelize/op"
)

// focTag has a unique name and a unique code.
type focTag struct {
	ID    int64
	Name  string  `sequelize:"unique"`
	Code  *string `sequelize:"unique"`
	Notes []*focNote
}

// focNote belongs to a focTag.
type focNote struct {
	ID    int64
	Text  string
	TagID *int64
}

// focTags defines focTag and focNote (Tag hasMany Note), synced.
func focTags(t *testing.T, db *sequelize.DB) (*sequelize.Model[focTag], *sequelize.HasManyAssociation[focTag, focNote]) {
	t.Helper()
	off := sequelize.ModelOptions{Timestamps: sequelize.Bool(false)}
	tags := sequelize.Define[focTag](db, sequelize.ModelOptions{ModelName: "Tag", Timestamps: off.Timestamps})
	notes := sequelize.Define[focNote](db, sequelize.ModelOptions{ModelName: "Note", Timestamps: off.Timestamps})
	tagNotes := sequelize.HasMany(tags, notes)
	if err := db.Sync(t.Context()); err != nil {
		t.Fatal(err)
	}
	return tags, tagNotes
}

func focCode(s string) *string { return &s }

// TestFocFindOrCreateHooks: a created row goes through Create's hooks in
// Sequelize's order; a found row through none.
func TestFocFindOrCreateHooks(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		tags, _ := focTags(t, db)
		var mu sync.Mutex
		var ran []string
		for _, h := range []struct {
			name string
			typ  sequelize.HookType
		}{{"beforeValidate", sequelize.BeforeValidate}, {"afterValidate", sequelize.AfterValidate},
			{"beforeCreate", sequelize.BeforeCreate}, {"beforeSave", sequelize.BeforeSave},
			{"afterCreate", sequelize.AfterCreate}, {"afterSave", sequelize.AfterSave}} {
			tags.AddHook(h.typ, h.name, func(context.Context, *sequelize.HookEvent[focTag]) error {
				mu.Lock()
				ran = append(ran, h.name)
				mu.Unlock()
				return nil
			})
		}
		_, created, err := tags.FindOrCreate(ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{"name": "go"}})
		if err != nil || !created {
			t.Fatalf("create: %v %v", created, err)
		}
		want := []string{"beforeValidate", "afterValidate", "beforeCreate", "beforeSave", "afterCreate", "afterSave"}
		if !slices.Equal(ran, want) {
			t.Errorf("hooks = %v, want %v", ran, want)
		}
		ran = nil
		if _, created, err = tags.FindOrCreate(ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{"name": "go"}}); err != nil || created {
			t.Fatalf("find: %v %v", created, err)
		}
		if len(ran) != 0 {
			t.Errorf("hooks on a found row: %v", ran)
		}
		// A BeforeCreate hook's error is returned and nothing is created.
		tags.AddHook(sequelize.BeforeCreate, "refuse", func(context.Context, *sequelize.HookEvent[focTag]) error {
			return errors.New("refused")
		})
		if _, _, err = tags.FindOrCreate(ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{"name": "rust"}}); err == nil || !strings.Contains(err.Error(), "refused") {
			t.Errorf("refusing hook: err = %v", err)
		}
		if n, err := tags.Count(ctx); err != nil || n != 1 {
			t.Errorf("rows = %d, %v; want 1", n, err)
		}
	})
}

// TestFocFindOrCreateErrors: every failure is typed. Defaults colliding
// with another row's unique key give the UniqueConstraintError (and, in a
// transaction, leave it usable: the INSERT ran in a savepoint); a hook
// that makes the created value differ from the where's gives a BaseError
// naming both; a missing Where and an unknown Defaults attribute fail
// before any query.
func TestFocFindOrCreateErrors(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		tags, _ := focTags(t, db)
		if err := tags.Create(ctx, &focTag{Name: "go", Code: focCode("G")}); err != nil {
			t.Fatal(err)
		}

		// Defaults collide, outside and inside a transaction.
		collide := sequelize.FindOrCreateOptions{Where: sequelize.Where{"name": "golang"}, Defaults: sequelize.Values{"code": "G"}}
		_, _, err := tags.FindOrCreate(ctx, collide)
		var uniq *sequelize.UniqueConstraintError
		if !errors.As(err, &uniq) || uniq.Fields == nil {
			t.Fatalf("colliding defaults: err = %v, want a UniqueConstraintError with Fields", err)
		}
		if _, ok := uniq.Fields["code"]; !ok {
			t.Errorf("Fields = %v, want code", uniq.Fields)
		}
		_, _, err = tags.FindCreateFind(ctx, collide)
		if !errors.As(err, &uniq) {
			t.Errorf("FindCreateFind with colliding defaults: err = %v, want a UniqueConstraintError", err)
		}
		err = db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
			_, _, err := tags.FindOrCreate(ctx, collide)
			if !errors.As(err, &uniq) {
				t.Errorf("in a transaction: err = %v, want a UniqueConstraintError", err)
			}
			_, created, err := tags.FindOrCreate(ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{"name": "rust"}, Transaction: tx})
			if err != nil || !created {
				t.Errorf("the transaction is not usable after the collision: %v %v", created, err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n, err := tags.Count(ctx); err != nil || n != 2 {
			t.Errorf("rows = %d, %v; want 2 (go, rust)", n, err)
		}

		// A hook changes the value the where found by.
		tags.AddHook(sequelize.BeforeCreate, "trim", func(_ context.Context, e *sequelize.HookEvent[focTag]) error {
			e.Instance.Name += "!" // not a trim: MariaDB compares 'zig ' = 'zig'

			return nil
		})
		if _, created, err := tags.FindOrCreate(ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{"name": "zig"}}); err != nil || !created {
			t.Fatalf("first zig: %v %v", created, err)
		}
		_, _, err = tags.FindOrCreate(ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{"name": "zig"}})
		var base *sequelize.BaseError
		want := "Tag#findOrCreate: value used for name was not equal for both the find and the create calls, 'zig' vs 'zig!'"
		if !errors.As(err, &base) || errors.As(err, &uniq) || base.Message != want {
			t.Errorf("mismatch: err = %v, want a BaseError %q", err, want)
		}

		// Refused before any query.
		if _, _, err := tags.FindOrCreate(ctx, sequelize.FindOrCreateOptions{}); !errors.As(err, &base) {
			t.Errorf("nil Where: err = %v, want a BaseError", err)
		}
		if _, _, err := tags.FindOrBuild(ctx, sequelize.FindOrCreateOptions{}); !errors.As(err, &base) {
			t.Errorf("FindOrBuild nil Where: err = %v, want a BaseError", err)
		}
		var qe *sequelize.QueryError
		if _, _, err := tags.FindOrCreate(ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{"name": "c"}, Defaults: sequelize.Values{"nope": 1}}); !errors.As(err, &qe) {
			t.Errorf("unknown Defaults attribute: err = %v, want a QueryError", err)
		}
	})
}

// TestFocFindOrCreateWhereAndInclude: any where finds the row; only a
// Where map's plain entries fill a created one; Include loads the found
// row's associations.
func TestFocFindOrCreateWhereAndInclude(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		tags, tagNotes := focTags(t, db)
		or := op.Or(sequelize.Where{"name": "go"}, sequelize.Where{"code": "G"})
		tag, created, err := tags.FindOrCreate(ctx, sequelize.FindOrCreateOptions{Where: or, Defaults: sequelize.Values{"name": "go"}})
		if err != nil || !created || tag.Name != "go" || tag.Code != nil {
			t.Fatalf("op.Or create: %+v %v %v", tag, created, err)
		}
		// Defaults win over the where's values, as in Sequelize.
		_, _, err = tags.FindOrCreate(ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{"name": "x", "code": op.Ne("Q")}, Defaults: sequelize.Values{"name": "rust"}})
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := tags.Count(ctx, sequelize.CountOptions{Where: sequelize.Where{"name": "rust"}}); n != 1 {
			t.Errorf("Defaults did not win over the where: %d rust rows", n)
		}
		if err := tagNotes.Create(ctx, tag, &focNote{Text: "fast"}); err != nil {
			t.Fatal(err)
		}
		inc := []sequelize.Include{{Association: tagNotes}}
		for _, call := range []struct {
			name string
			fn   func(context.Context, sequelize.FindOrCreateOptions) (*focTag, bool, error)
		}{{"FindOrCreate", tags.FindOrCreate}, {"FindOrBuild", tags.FindOrBuild}, {"FindCreateFind", tags.FindCreateFind}} {
			got, isNew, err := call.fn(ctx, sequelize.FindOrCreateOptions{Where: or, Include: inc, Lock: sequelize.LockShare})
			if err != nil || isNew || got.ID != tag.ID || len(got.Notes) != 1 || got.Notes[0].Text != "fast" {
				t.Errorf("%s with Include: %+v %v %v", call.name, got, isNew, err)
			}
		}
	})
}

// TestFocFindOrCreateRaceInCallerTx: two transactions race to create the
// same row; the loser's INSERT fails on the unique key inside a
// savepoint, FindOrCreate finds the winner's row (a share-locked read,
// which sees it under MySQL's REPEATABLE READ too) and returns it with
// created false and no error, and the loser's transaction stays usable
// (on PostgreSQL a failed statement would abort it).
func TestFocFindOrCreateRaceInCallerTx(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		if tg.Name == "sqlite" {
			t.Skip("SQLite serialises writers: the second transaction cannot insert while the first is open")
		}
		ctx := t.Context()
		db := tg.Open(t)
		tags, _ := focTags(t, db)
		where := sequelize.FindOrCreateOptions{Where: sequelize.Where{"name": "race"}}

		txA, err := db.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer txA.Rollback(ctx)
		a, created, err := tags.FindOrCreate(sequelize.ContextWithTx(ctx, txA), where)
		if err != nil || !created {
			t.Fatalf("A: %v %v", created, err)
		}
		txB, err := db.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer txB.Rollback(ctx)
		type result struct {
			tag     *focTag
			created bool
			err     error
		}
		done := make(chan result, 1)
		go func() {
			o := where
			o.Transaction = txB
			tag, created, err := tags.FindOrCreate(ctx, o)
			done <- result{tag, created, err}
		}()
		// B's INSERT waits on A's uncommitted row; A commits.
		time.Sleep(300 * time.Millisecond)
		if err := txA.Commit(ctx); err != nil {
			t.Fatal(err)
		}
		r := <-done
		if r.err != nil || r.created || r.tag == nil || r.tag.ID != a.ID {
			t.Fatalf("B: %+v %v %v, want A's row (id %d), not created", r.tag, r.created, r.err, a.ID)
		}
		if err := tags.Create(ctx, &focTag{Name: "after"}, sequelize.CreateOptions{Transaction: txB}); err != nil {
			t.Fatalf("B's transaction is not usable after the race: %v", err)
		}
		if err := txB.Commit(ctx); err != nil {
			t.Fatal(err)
		}
		if n, err := tags.Count(ctx); err != nil || n != 2 {
			t.Errorf("rows = %d, %v; want 2", n, err)
		}
	})
}
