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
)

type Note struct {
	ID        int64
	Text      string `validate:"notEmpty"`
	Slug      string
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
}

// trace records hook names and the statements between them.
type trace struct {
	mu  sync.Mutex
	ev  []string
	log *stmtLog
}

func (tr *trace) add(s string) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	for _, st := range tr.log.reset() {
		tr.ev = append(tr.ev, strings.Fields(st)[0])
	}
	tr.ev = append(tr.ev, s)
}

func (tr *trace) take() []string {
	tr.add("")
	tr.mu.Lock()
	defer tr.mu.Unlock()
	out := slices.DeleteFunc(tr.ev, func(s string) bool { return s == "" })
	tr.ev = nil
	return out
}

func hooked(t *testing.T, tg testdb.Target) (*sequelize.DB, *sequelize.Model[Note], *trace) {
	db, log := openModels(t, tg)
	notes := sequelize.Define[Note](db, sequelize.ModelOptions{Paranoid: true})
	if err := notes.Sync(t.Context()); err != nil {
		t.Fatal(err)
	}
	log.reset()
	tr := &trace{log: log}
	for _, h := range []sequelize.HookType{sequelize.BeforeValidate, sequelize.AfterValidate, sequelize.BeforeCreate, sequelize.AfterCreate,
		sequelize.BeforeUpdate, sequelize.AfterUpdate, sequelize.BeforeDestroy, sequelize.AfterDestroy, sequelize.BeforeRestore,
		sequelize.AfterRestore, sequelize.BeforeUpsert, sequelize.AfterUpsert, sequelize.BeforeBulkCreate, sequelize.AfterBulkCreate,
		sequelize.BeforeBulkUpdate, sequelize.AfterBulkUpdate, sequelize.BeforeBulkDestroy, sequelize.AfterBulkDestroy,
		sequelize.BeforeFind, sequelize.BeforeFindAfterExpandIncludeAll, sequelize.BeforeFindAfterOptions, sequelize.AfterFind,
		sequelize.BeforeCount} {
		notes.AddHook(h, "trace", func(ctx context.Context, e *sequelize.HookEvent[Note]) error { tr.add(e.Type.String()); return nil })
	}
	// Save proxies run in the create and update lists, after the hooks above.
	notes.AddHook(sequelize.BeforeSave, "save-trace", func(ctx context.Context, e *sequelize.HookEvent[Note]) error { tr.add("beforeSave"); return nil })
	notes.AddHook(sequelize.AfterSave, "save-trace", func(ctx context.Context, e *sequelize.HookEvent[Note]) error { tr.add("afterSave"); return nil })
	db.AddHook(sequelize.BeforeCreate, "global", func(ctx context.Context, e *sequelize.GlobalHookEvent) error {
		tr.add("GLOBAL beforeCreate")
		return nil
	})
	return db, notes, tr
}

func TestHookOrder(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, notes, tr := hooked(t, tg)
		check := func(what string, want ...string) {
			t.Helper()
			if got := tr.take(); !slices.Equal(got, want) {
				t.Errorf("%s:\n got  %v\n want %v", what, got, want)
			}
		}
		n := &Note{Text: "a"}
		if err := notes.Create(ctx, n); err != nil {
			t.Fatal(err)
		}
		check("create", "beforeValidate", "afterValidate", "beforeCreate", "beforeSave", "GLOBAL beforeCreate", "INSERT", "afterCreate", "afterSave")
		n.Text = "b"
		if err := notes.Save(ctx, n); err != nil {
			t.Fatal(err)
		}
		check("save (update)", "beforeValidate", "afterValidate", "beforeUpdate", "beforeSave", "UPDATE", "afterUpdate", "afterSave")
		if err := notes.Save(ctx, n); err != nil {
			t.Fatal(err)
		}
		check("save of an unchanged instance")
		if err := notes.DestroyInstance(ctx, n); err != nil {
			t.Fatal(err)
		}
		check("destroy (paranoid)", "beforeDestroy", "UPDATE", "afterDestroy")
		if err := notes.RestoreInstance(ctx, n); err != nil {
			t.Fatal(err)
		}
		check("restore", "beforeRestore", "UPDATE", "afterRestore")
		if _, err := notes.Update(ctx, sequelize.Values{"text": "c"}, sequelize.UpdateOptions{Where: sequelize.Where{"id": n.ID}}); err != nil {
			t.Fatal(err)
		}
		check("bulk update", "beforeBulkUpdate", "UPDATE", "afterBulkUpdate")
		if _, err := notes.FindAll(ctx); err != nil {
			t.Fatal(err)
		}
		check("find", "beforeFind", "beforeFindAfterExpandIncludeAll", "beforeFindAfterOptions", "SELECT", "afterFind")
		if _, err := notes.Count(ctx); err != nil {
			t.Fatal(err)
		}
		check("count", "beforeCount", "SELECT")
		if err := notes.BulkCreate(ctx, []*Note{{Text: "x"}, {Text: "y"}}); err != nil {
			t.Fatal(err)
		}
		check("bulk create", "beforeBulkCreate", "INSERT", "afterBulkCreate")
		if _, err := notes.Destroy(ctx, sequelize.DestroyOptions{Where: sequelize.Where{"text": "x"}}); err != nil {
			t.Fatal(err)
		}
		check("bulk destroy", "beforeBulkDestroy", "UPDATE", "afterBulkDestroy")
		// Individual hooks: the instance hooks of every row.
		if _, err := notes.Update(ctx, sequelize.Values{"slug": "s"}, sequelize.UpdateOptions{Where: sequelize.Where{"text": "y"}, IndividualHooks: true}); err != nil {
			t.Fatal(err)
		}
		got := tr.take()
		for _, want := range []string{"beforeBulkUpdate", "beforeUpdate", "afterUpdate", "afterBulkUpdate"} {
			if !slices.Contains(got, want) {
				t.Errorf("individual update hooks %v lack %s", got, want)
			}
		}
		if _, err := notes.Destroy(ctx, sequelize.DestroyOptions{Where: sequelize.Where{"text": "y"}, IndividualHooks: true}); err != nil {
			t.Fatal(err)
		}
		if got := tr.take(); !slices.Contains(got, "beforeDestroy") || !slices.Contains(got, "afterDestroy") {
			t.Errorf("individual destroy hooks: %v", got)
		}
		up := &Note{ID: n.ID, Text: "up"}
		if _, err := notes.Upsert(ctx, up); err != nil {
			t.Fatal(err)
		}
		if got := tr.take(); !slices.Contains(got, "beforeUpsert") || got[len(got)-1] != "afterUpsert" || got[0] != "beforeValidate" {
			t.Errorf("upsert hooks: %v", got)
		}
		// Removal by name.
		notes.RemoveHook(sequelize.BeforeSave, "save-trace")
		notes.RemoveHook(sequelize.AfterSave, "save-trace")
		db.RemoveHook(sequelize.BeforeCreate, "global")
		if err := notes.Create(ctx, &Note{Text: "z"}); err != nil {
			t.Fatal(err)
		}
		check("create after removals", "beforeValidate", "afterValidate", "beforeCreate", "INSERT", "afterCreate")
	})
}

func TestHooksChangeAndAbort(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		notes := sequelize.Define[Note](db, sequelize.ModelOptions{Paranoid: true})
		if err := notes.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		// A hook changes the instance; a find hook rewrites the where.
		notes.AddHook(sequelize.BeforeCreate, "slug", func(ctx context.Context, e *sequelize.HookEvent[Note]) error {
			e.Instance.Slug = strings.ToLower(strings.ReplaceAll(e.Instance.Text, " ", "-"))
			return nil
		})
		n := &Note{Text: "Hello World"}
		if err := notes.Create(ctx, n); err != nil {
			t.Fatal(err)
		}
		got, _ := notes.FindByPK(ctx, n.ID)
		if got.Slug != "hello-world" {
			t.Errorf("slug = %q", got.Slug)
		}
		notes.AddHook(sequelize.BeforeFind, "onlyHello", func(ctx context.Context, e *sequelize.HookEvent[Note]) error {
			e.Find.Where = sequelize.Where{"slug": "hello-world"}
			return nil
		})
		_ = notes.Create(ctx, &Note{Text: "other"})
		all, _ := notes.FindAll(ctx)
		if len(all) != 1 {
			t.Errorf("the rewritten where found %d rows", len(all))
		}
		notes.RemoveHook(sequelize.BeforeFind, "onlyHello")
		// An error from a hook aborts the operation and, in a transaction, rolls it back.
		boom := errors.New("no")
		notes.AddHook(sequelize.BeforeUpdate, "refuse", func(ctx context.Context, e *sequelize.HookEvent[Note]) error {
			if e.Instance.Text == "forbidden" {
				return boom
			}
			return nil
		})
		err := db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
			if err := notes.Create(ctx, &Note{Text: "inside"}); err != nil {
				return err
			}
			got.Text = "forbidden"
			return notes.Save(ctx, got)
		})
		if !errors.Is(err, boom) {
			t.Fatalf("Save under a refusing hook: %v", err)
		}
		if n, _ := notes.Count(ctx, sequelize.CountOptions{Where: sequelize.Where{"text": "inside"}}); n != 0 {
			t.Error("the transaction was not rolled back")
		}
		// ValidationFailed may replace the error.
		notes.AddHook(sequelize.ValidationFailed, "wrap", func(ctx context.Context, e *sequelize.HookEvent[Note]) error {
			e.Err = errors.Join(errors.New("custom"), e.Err)
			return nil
		})
		err = notes.Create(ctx, &Note{Text: ""})
		var ve *sequelize.ValidationError
		if !errors.As(err, &ve) || !strings.Contains(err.Error(), "custom") {
			t.Errorf("ValidationFailed: %v", err)
		}
	})
}

func TestAfterCommit(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		var ran []string
		_ = db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
			tx.AfterCommit(func(context.Context) { ran = append(ran, "outer") })
			_ = db.Transaction(ctx, func(ctx context.Context, sp *sequelize.Tx) error {
				sp.AfterCommit(func(context.Context) { ran = append(ran, "kept savepoint") })
				return nil
			})
			_ = db.Transaction(ctx, func(ctx context.Context, sp *sequelize.Tx) error {
				sp.AfterCommit(func(context.Context) { ran = append(ran, "rolled back savepoint") })
				return errors.New("undo")
			})
			if len(ran) != 0 {
				t.Error("a callback ran before the commit")
			}
			return nil
		})
		if !slices.Equal(ran, []string{"kept savepoint", "outer"}) && !slices.Equal(ran, []string{"outer", "kept savepoint"}) {
			t.Errorf("after commit ran %v", ran)
		}
		ran = nil
		_ = db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
			tx.AfterCommit(func(context.Context) { ran = append(ran, "x") })
			return errors.New("rollback")
		})
		if len(ran) != 0 {
			t.Errorf("after commit ran after a rollback: %v", ran)
		}
	})
}

// TestWithoutHooks checks Sequelize's hooks: false as a context: no model
// or global hook runs, while the statements, validation and timestamps do.
func TestWithoutHooks(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		db, notes, tr := hooked(t, tg)
		var synced int
		db.AddHook(sequelize.BeforeBulkSync, "count", func(ctx context.Context, e *sequelize.GlobalHookEvent) error { synced++; return nil })
		ctx := sequelize.WithoutHooks(t.Context())
		n := &Note{Text: "quiet"}
		if err := notes.Create(ctx, n); err != nil {
			t.Fatal(err)
		}
		if n.CreatedAt.IsZero() {
			t.Error("timestamps were skipped too")
		}
		n.Text = "still quiet"
		if err := notes.Save(ctx, n); err != nil {
			t.Fatal(err)
		}
		if _, err := notes.FindAll(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := notes.Update(ctx, map[string]any{"slug": "s"}, sequelize.UpdateOptions{Where: sequelize.Where{"id": n.ID}}); err != nil {
			t.Fatal(err)
		}
		if err := notes.DestroyInstance(ctx, n); err != nil {
			t.Fatal(err)
		}
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		got := tr.take()
		want := []string{"INSERT", "UPDATE", "SELECT", "UPDATE", "UPDATE"}
		if !slices.Equal(got[:min(len(got), len(want))], want) || slices.ContainsFunc(got, func(s string) bool { return s[0] >= 'a' || strings.HasPrefix(s, "GLOBAL") }) {
			t.Errorf("events = %v, want statements %v and no hooks", got, want)
		}
		if synced != 0 {
			t.Errorf("global sync hook ran %d times", synced)
		}
		var ve *sequelize.ValidationError
		if err := notes.Create(ctx, &Note{Text: ""}); !errors.As(err, &ve) {
			t.Errorf("validation without hooks: %v", err)
		}
		// The same calls with hooks run them.
		if err := notes.Create(t.Context(), &Note{Text: "loud"}); err != nil {
			t.Fatal(err)
		}
		if got := tr.take(); !slices.Contains(got, "beforeCreate") || !slices.Contains(got, "GLOBAL beforeCreate") {
			t.Errorf("events with hooks = %v", got)
		}
	})
}
