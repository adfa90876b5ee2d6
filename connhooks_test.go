package sequelize_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"net/url"
	"slices"
	"sync"
	"testing"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/dialect"
	"github.com/gosequelize/sequelize/dialect/sqlitedialect"
	"github.com/gosequelize/sequelize/internal/testdb"
	"github.com/jackc/pgx/v5"
)

// TestConnectHooks: BeforeConnect can supply the password the URI lacks
// (a token service's, say), AfterConnect can set up each session, and an
// AfterConnect error fails the connection.
func TestConnectHooks(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		uri := tg.Fresh(t)
		var seen []sequelize.ConnectionConfig
		var mu sync.Mutex
		hooks := map[sequelize.HookType][]sequelize.GlobalHook{
			sequelize.BeforeConnect: {func(_ context.Context, e *sequelize.GlobalHookEvent) error {
				mu.Lock()
				seen = append(seen, *e.ConnectConfig)
				mu.Unlock()
				if tg.Env != "" {
					u, _ := url.Parse(uri)
					e.ConnectConfig.Password, _ = u.User.Password()
				}
				return nil
			}},
			sequelize.AfterConnect: {func(ctx context.Context, e *sequelize.GlobalHookEvent) error {
				switch c := e.Connection.(type) {
				case *pgx.Conn:
					_, err := c.Exec(ctx, "SET application_name = 'hooked'")
					return err
				case driver.ExecerContext:
					q := "SET @hooked = 'hooked'"
					if tg.Env == "" {
						q = "PRAGMA cache_size = -1234"
					}
					_, err := c.ExecContext(ctx, q, nil)
					return err
				}
				return errors.New("unexpected connection type")
			}},
		}
		open := uri
		if tg.Env != "" {
			// The URI's password is wrong: only BeforeConnect's works.
			open = testdb.WithURI(t, uri, func(u *url.URL) { u.User = url.UserPassword(u.User.Username(), "wrong") })
		}
		db, err := sequelize.Open(ctx, open, sequelize.Options{Hooks: hooks})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		q := map[string]string{"postgres": "SELECT current_setting('application_name') AS v",
			"mariadb": "SELECT @hooked AS v", "mysql": "SELECT @hooked AS v", "sqlite": "PRAGMA cache_size"}[tg.Name]
		res, err := db.Query(ctx, q, sequelize.QueryOptions{Type: sequelize.QueryTypeSelect, Plain: true})
		if err != nil {
			t.Fatal(err)
		}
		var v any
		for _, x := range res.Row {
			v = x
		}
		if v != "hooked" && v != int64(-1234) {
			t.Errorf("the session AfterConnect set up reads %v (%T)", v, v)
		}
		mu.Lock()
		if len(seen) == 0 || (tg.Env != "" && (seen[0].Host == "" || seen[0].User == "" || seen[0].Database == "" || seen[0].Password != "wrong")) ||
			(tg.Env == "" && seen[0].Database != ":memory:") {
			t.Errorf("BeforeConnect saw %+v", seen)
		}
		mu.Unlock()

		// An AfterConnect error fails the connection attempt.
		boom := errors.New("no session for you")
		bad, err := sequelize.Open(ctx, uri, sequelize.Options{Hooks: map[sequelize.HookType][]sequelize.GlobalHook{
			sequelize.AfterConnect: {func(context.Context, *sequelize.GlobalHookEvent) error { return boom }},
		}})
		if err != nil {
			t.Fatal(err)
		}
		defer bad.Close()
		if err := bad.Authenticate(ctx); !errors.Is(err, boom) {
			t.Errorf("Authenticate with a failing AfterConnect: %v", err)
		}
	})
}

// TestConnectHooksSQLite: a SQLite connection has nothing BeforeConnect
// could change, so a change is refused.
func TestConnectHooksSQLite(t *testing.T) {
	ctx := t.Context()
	db, err := sequelize.Open(ctx, "sqlite::memory:", sequelize.Options{Hooks: map[sequelize.HookType][]sequelize.GlobalHook{
		sequelize.BeforeConnect: {func(_ context.Context, e *sequelize.GlobalHookEvent) error {
			e.ConnectConfig.Database = "/tmp/elsewhere.db"
			return nil
		}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Authenticate(ctx); err == nil {
		t.Error("a BeforeConnect that changes a SQLite connection was accepted")
	}
}

// TestDisconnectAndAcquireHooks: the disconnect hooks run, in order, when
// the pool closes its connections; the pool acquire hooks run around each
// acquisition, an error from them fails it, WithoutHooks skips them.
func TestDisconnectAndAcquireHooks(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		var mu sync.Mutex
		var events []string
		record := func(s string) sequelize.GlobalHook {
			return func(_ context.Context, e *sequelize.GlobalHookEvent) error {
				if e.Type == sequelize.AfterPoolAcquire {
					if _, ok := e.Connection.(dialect.Conn); !ok {
						return errors.New("AfterPoolAcquire without its connection")
					}
				}
				mu.Lock()
				events = append(events, s)
				mu.Unlock()
				return nil
			}
		}
		db, err := sequelize.Open(ctx, tg.Fresh(t), sequelize.Options{Hooks: map[sequelize.HookType][]sequelize.GlobalHook{
			sequelize.BeforeDisconnect:  {record("beforeDisconnect")},
			sequelize.AfterDisconnect:   {record("afterDisconnect")},
			sequelize.BeforePoolAcquire: {record("beforePoolAcquire")},
			sequelize.AfterPoolAcquire:  {record("afterPoolAcquire")},
		}})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Authenticate(ctx); err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		if want := []string{"beforePoolAcquire", "afterPoolAcquire"}; !slices.Equal(events, want) {
			t.Errorf("one statement ran hooks %q, want %q", events, want)
		}
		events = nil
		mu.Unlock()
		if err := db.Authenticate(sequelize.WithoutHooks(ctx)); err != nil {
			t.Fatal(err)
		}
		boom := errors.New("pool closed for lunch")
		db.AddHook(sequelize.BeforePoolAcquire, "boom", func(context.Context, *sequelize.GlobalHookEvent) error { return boom })
		if err := db.Authenticate(ctx); !errors.Is(err, boom) {
			t.Errorf("a failing BeforePoolAcquire: %v", err)
		}
		db.RemoveHook(sequelize.BeforePoolAcquire, "boom")
		mu.Lock()
		events = nil
		mu.Unlock()
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		defer mu.Unlock()
		if len(events) == 0 || len(events)%2 != 0 || events[0] != "beforeDisconnect" || events[1] != "afterDisconnect" {
			t.Errorf("closing the pool ran %q", events)
		}
	})
}

// TestConnectionHooksNeedOwnPool: New's pools belong to the caller.
func TestConnectionHooksNeedOwnPool(t *testing.T) {
	sqldb, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer sqldb.Close()
	_, err = sequelize.New(sqlitedialect.New(), sqldb, sequelize.Options{Hooks: map[sequelize.HookType][]sequelize.GlobalHook{
		sequelize.AfterConnect: {func(context.Context, *sequelize.GlobalHookEvent) error { return nil }},
	}})
	if err == nil {
		t.Error("New accepted a connection hook")
	}
	db, err := sequelize.New(sqlitedialect.New(), sqldb)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if recover() == nil {
			t.Error("AddHook(BeforeConnect) on a DB from New did not panic")
		}
	}()
	db.AddHook(sequelize.BeforeConnect, "", func(context.Context, *sequelize.GlobalHookEvent) error { return nil })
}

// TestInitHooks: BeforeInit may change the URI and the options, AfterInit
// gets the DB, an error fails Open; they are Options.Hooks only.
func TestInitHooks(t *testing.T) {
	ctx := t.Context()
	var after *sequelize.DB
	db, err := sequelize.Open(ctx, "sqlite:/nonexistent-dir/never.db", sequelize.Options{Hooks: map[sequelize.HookType][]sequelize.GlobalHook{
		sequelize.BeforeInit: {func(_ context.Context, e *sequelize.GlobalHookEvent) error {
			*e.InitURI = "sqlite::memory:"
			e.InitOptions.Define.FreezeTableName = true
			return nil
		}},
		sequelize.AfterInit: {func(_ context.Context, e *sequelize.GlobalHookEvent) error {
			after = e.DB
			return nil
		}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if after != db {
		t.Error("AfterInit did not get the new DB")
	}
	if err := db.Authenticate(ctx); err != nil {
		t.Fatalf("the URI BeforeInit set was not used: %v", err)
	}
	if got := sequelize.Define[Saga](db).TableName(); got != "Saga" {
		t.Errorf("BeforeInit's option change ignored: table %q", got)
	}
	boom := errors.New("not today")
	if _, err := sequelize.Open(ctx, "sqlite::memory:", sequelize.Options{Hooks: map[sequelize.HookType][]sequelize.GlobalHook{
		sequelize.AfterInit: {func(context.Context, *sequelize.GlobalHookEvent) error { return boom }},
	}}); !errors.Is(err, boom) {
		t.Errorf("a failing AfterInit: %v", err)
	}
	defer func() {
		if recover() == nil {
			t.Error("AddHook(BeforeInit) did not panic")
		}
	}()
	db.AddHook(sequelize.BeforeInit, "", func(context.Context, *sequelize.GlobalHookEvent) error { return nil })
}
