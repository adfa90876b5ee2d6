package sequelize_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/internal/testdb"
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
