package sequelize_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/internal/testdb"
)

type truncNote struct {
	ID        int64
	Body      string
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
}

// TestTruncateParanoid: Truncate on a paranoid model soft-deletes every row
// unless Force, and runs the bulk destroy hooks, as Sequelize's truncate
// (destroy({truncate: true})); with IndividualHooks each row's hooks run.
func TestTruncateParanoid(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		notes := sequelize.Define[truncNote](db, sequelize.ModelOptions{Paranoid: true})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		var bulk, each int
		notes.AddHook(sequelize.BeforeBulkDestroy, "", func(context.Context, *sequelize.HookEvent[truncNote]) error { bulk++; return nil })
		notes.AddHook(sequelize.AfterDestroy, "", func(context.Context, *sequelize.HookEvent[truncNote]) error { each++; return nil })
		seed := func() {
			t.Helper()
			if err := notes.BulkCreate(ctx, []*truncNote{{Body: "a"}, {Body: "b"}}); err != nil {
				t.Fatal(err)
			}
		}
		counts := func() (live, all int64) {
			t.Helper()
			live, err := notes.Count(ctx)
			if err != nil {
				t.Fatal(err)
			}
			all, err = notes.Count(ctx, sequelize.CountOptions{Paranoid: sequelize.Bool(false)})
			if err != nil {
				t.Fatal(err)
			}
			return live, all
		}
		seed()
		if err := notes.Truncate(ctx); err != nil {
			t.Fatal(err)
		}
		if live, all := counts(); live != 0 || all != 2 {
			t.Fatalf("after Truncate: %d live of %d rows, want 0 of 2 (soft-deleted)", live, all)
		}
		if bulk != 1 || each != 0 {
			t.Errorf("hooks: BeforeBulkDestroy %d, AfterDestroy %d; want 1, 0", bulk, each)
		}
		if n, err := notes.Restore(ctx); err != nil || n != 2 {
			t.Fatalf("Restore = %d, %v; want 2", n, err)
		}
		if _, err := notes.Destroy(ctx, sequelize.DestroyOptions{Truncate: true, IndividualHooks: true}); err != nil {
			t.Fatal(err)
		}
		if live, all := counts(); live != 0 || all != 2 || each != 2 {
			t.Fatalf("after IndividualHooks truncate: %d live of %d, AfterDestroy %d; want 0 of 2, 2", live, all, each)
		}
		_, err := notes.Destroy(ctx, sequelize.DestroyOptions{Truncate: true, IndividualHooks: true, RestartIdentity: true})
		var qe *sequelize.QueryError
		if !errors.As(err, &qe) {
			t.Fatalf("IndividualHooks with RestartIdentity: err = %v, want a *QueryError", err)
		}
		if err := notes.Truncate(ctx, sequelize.DestroyOptions{Force: true}); err != nil {
			t.Fatal(err)
		}
		if live, all := counts(); live != 0 || all != 0 {
			t.Fatalf("after Truncate Force: %d live of %d rows, want none", live, all)
		}
		if bulk != 3 {
			t.Errorf("BeforeBulkDestroy ran %d times, want 3 (the refused Destroy runs none)", bulk)
		}
	})
}
