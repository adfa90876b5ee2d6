package sequelize_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/internal/testdb"
)

// TestQueryHooks checks BeforeQuery and AfterQuery: they see every
// statement (transaction control included) with its values, can stop one,
// see its error, and do not fire for their own statements.
func TestQueryHooks(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		notes := sequelize.Define[Note](db)
		if err := notes.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		var seen []string
		var failed []error
		refuse := errors.New("refused by hook")
		db.AddHook(sequelize.BeforeQuery, "trace", func(ctx context.Context, e *sequelize.GlobalHookEvent) error {
			// A statement run by the hook does not fire the hooks again.
			if _, err := db.Query(ctx, "SELECT 1", sequelize.QueryOptions{Type: sequelize.QueryTypeSelect}); err != nil {
				return err
			}
			mu.Lock()
			defer mu.Unlock()
			seen = append(seen, strings.Fields(e.SQL)[0])
			if len(e.Args) > 0 && e.Args[0] == "forbidden" {
				return refuse
			}
			return nil
		})
		db.AddHook(sequelize.AfterQuery, "errors", func(ctx context.Context, e *sequelize.GlobalHookEvent) error {
			if e.Err != nil {
				mu.Lock()
				failed = append(failed, e.Err)
				mu.Unlock()
			}
			return nil
		})
		err := db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
			return notes.Create(ctx, &Note{Text: "hello"})
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(seen) < 3 || seen[len(seen)-2] != "INSERT" || seen[len(seen)-1] != "COMMIT" {
			t.Errorf("statements seen = %v, want ... INSERT COMMIT", seen)
		}
		if err := notes.Create(ctx, &Note{Text: "forbidden"}); !errors.Is(err, refuse) {
			t.Errorf("Create refused by BeforeQuery: %v", err)
		}
		if n, _ := notes.Count(ctx, sequelize.CountOptions{Where: sequelize.Where{"text": "forbidden"}}); n != 0 {
			t.Errorf("the refused statement ran")
		}
		if _, err := db.Query(ctx, "SELECT * FROM no_such_table"); err == nil {
			t.Fatal("query of a missing table succeeded")
		}
		if len(failed) != 1 {
			t.Errorf("AfterQuery saw errors %v, want the missing table's", failed)
		}
		seen = nil
		if _, err := notes.FindAll(sequelize.WithoutHooks(ctx)); err != nil {
			t.Fatal(err)
		}
		if len(seen) != 0 {
			t.Errorf("WithoutHooks: hooks saw %v", seen)
		}
		func() {
			defer func() {
				if recover() == nil {
					t.Error("a model accepted a BeforeQuery hook")
				}
			}()
			notes.AddHook(sequelize.BeforeQuery, "x", func(context.Context, *sequelize.HookEvent[Note]) error { return nil })
		}()
	})
}
