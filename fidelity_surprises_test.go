package sequelize_test

// Regression tests for the silent surprises a new user hit (the fidelity
// issue's section 3): each test fails on the code before its fix.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	_ "github.com/gosequelize/sequelize/dialect/mysqldialect"
	_ "github.com/gosequelize/sequelize/dialect/pgdialect"
	"github.com/gosequelize/sequelize/internal/testdb"
)

// fs3Product has attributes with defaults, to tell a zero stored from a
// default applied.
type fs3Product struct {
	ID        int64
	Name      string
	Stock     int    `sequelize:"defaultValue:5"`
	Role      string `sequelize:"defaultValue:user"`
	Limit     *int   `sequelize:"defaultValue:7"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

func fs3Products(t *testing.T, tg testdb.Target) (*sequelize.DB, *sequelize.Model[fs3Product]) {
	t.Helper()
	db := tg.Open(t)
	m := sequelize.Define[fs3Product](db)
	if err := db.Sync(t.Context()); err != nil {
		t.Fatal(err)
	}
	return db, m
}

func fs3Stored(t *testing.T, m *sequelize.Model[fs3Product], id int64) *fs3Product {
	t.Helper()
	r, err := m.FindByPK(t.Context(), id)
	if err != nil || r == nil {
		t.Fatalf("FindByPK(%d) = %v, %v", id, r, err)
	}
	return r
}

func fs3Int(n int) *int { return &n }

func fs3Ptr(p *int) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

// Values name their keys: the zeros they give are stored, not replaced by
// the attributes' defaults. Plain struct zeros keep the documented rule.
func TestFidelityExplicitZerosInValues(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		_, products := fs3Products(t, tg)
		check := func(what string, p *fs3Product, stock int, role string, limit *int) {
			t.Helper()
			r := fs3Stored(t, products, p.ID)
			if r.Stock != stock || r.Role != role || (r.Limit == nil) != (limit == nil) || limit != nil && *r.Limit != *limit {
				t.Errorf("%s: stored stock=%d role=%q limit=%s, want %d %q %s", what, r.Stock, r.Role, fs3Ptr(r.Limit), stock, role, fs3Ptr(limit))
			}
			if p.Stock != r.Stock || p.Role != r.Role {
				t.Errorf("%s: instance stock=%d role=%q differs from the row", what, p.Stock, p.Role)
			}
		}

		p, err := products.Build(sequelize.Values{"name": "a", "stock": 0, "role": "", "limit": nil})
		if err != nil {
			t.Fatal(err)
		}
		if err := products.Save(ctx, p); err != nil {
			t.Fatal(err)
		}
		check("Build+Save", p, 0, "", nil)

		p, _ = products.Build(sequelize.Values{"stock": 0})
		if err := products.Create(ctx, p); err != nil {
			t.Fatal(err)
		}
		check("Build+Create (role unset)", p, 0, "user", fs3Int(7))

		p = &fs3Product{}
		if err := products.Set(p, sequelize.Values{"role": ""}); err != nil {
			t.Fatal(err)
		}
		if err := products.Save(ctx, p); err != nil {
			t.Fatal(err)
		}
		check("Set+Save", p, 5, "", fs3Int(7))

		a, _ := products.Build(sequelize.Values{"stock": 0, "role": ""})
		b, _ := products.Build(sequelize.Values{"name": "b"})
		if err := products.BulkCreate(ctx, []*fs3Product{a, b}); err != nil {
			t.Fatal(err)
		}
		check("Build+BulkCreate", a, 0, "", fs3Int(7))
		check("Build+BulkCreate (defaults)", b, 5, "user", fs3Int(7))

		row, created, err := products.FindOrCreate(ctx, sequelize.FindOrCreateOptions{
			Where: sequelize.Where{"name": "foc"}, Defaults: sequelize.Values{"stock": 0, "role": ""}})
		if err != nil || !created {
			t.Fatalf("FindOrCreate = %v, %v", created, err)
		}
		check("FindOrCreate Defaults", row, 0, "", fs3Int(7))

		// Structs: a zero field takes the default, a pointer to a zero does not.
		p = &fs3Product{Name: "s", Limit: fs3Int(0)}
		if err := products.Create(ctx, p); err != nil {
			t.Fatal(err)
		}
		check("struct Create", p, 5, "user", fs3Int(0))
	})
}

// fs3Doc has a key the application chooses and an optimistic lock.
type fs3Doc struct {
	Slug      string `sequelize:"primaryKey"`
	Title     string
	Version   int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Save of a struct the model never loaded, with its primary key set,
// updates the row with that key (every attribute), and inserts the struct
// with its key when no row has it.
func TestFidelitySaveDetachedStruct(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, products := fs3Products(t, tg)
		orig := &fs3Product{Name: "orig", Stock: 3, Role: "admin", Limit: fs3Int(1)}
		if err := products.Create(ctx, orig); err != nil {
			t.Fatal(err)
		}
		stored := fs3Stored(t, products, orig.ID)

		var p fs3Product
		if err := json.Unmarshal(fmt.Appendf(nil, `{"ID":%d,"Name":"renamed","Stock":9}`, orig.ID), &p); err != nil {
			t.Fatal(err)
		}
		if !products.IsNewRecord(&p) {
			t.Fatal("a decoded struct is not a new record")
		}
		if err := products.Save(ctx, &p); err != nil {
			t.Fatalf("Save of a decoded struct with its key set: %v", err)
		}
		r := fs3Stored(t, products, orig.ID)
		if r.Name != "renamed" || r.Stock != 9 || r.Role != "" || r.Limit != nil {
			t.Errorf("row after Save = %+v, want every attribute of the struct written", r)
		}
		if !r.CreatedAt.Equal(stored.CreatedAt) || !p.CreatedAt.Equal(stored.CreatedAt) {
			t.Errorf("createdAt: row %v, instance %v, want the stored %v kept", r.CreatedAt, p.CreatedAt, stored.CreatedAt)
		}
		if n, err := products.Count(ctx); err != nil || n != 1 {
			t.Errorf("Count = %d, %v: want 1 row", n, err)
		}
		if products.IsNewRecord(&p) {
			t.Error("the saved struct is still a new record")
		}
		// Saved again, it is an ordinary loaded instance.
		p.Stock = 10
		if err := products.Save(ctx, &p); err != nil {
			t.Fatal(err)
		}
		if r := fs3Stored(t, products, orig.ID); r.Stock != 10 {
			t.Errorf("second Save: stock %d", r.Stock)
		}

		// A key that no row has: inserted with that key, auto-increment or not.
		gone := &fs3Product{ID: orig.ID + 100, Name: "by hand"}
		if err := products.Save(ctx, gone); err != nil {
			t.Fatal(err)
		}
		if r := fs3Stored(t, products, orig.ID+100); r.Name != "by hand" || r.Stock != 5 {
			t.Errorf("inserted by Save = %+v", r)
		}

		docs := sequelize.Define[fs3Doc](db, sequelize.ModelOptions{Version: "version"})
		if err := docs.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		d := &fs3Doc{Slug: "intro", Title: "Intro"}
		if err := docs.Save(ctx, d); err != nil {
			t.Fatal(err)
		}
		fresh := &fs3Doc{Slug: "intro", Title: "Introduction"}
		if err := docs.Save(ctx, fresh); err != nil {
			t.Fatalf("Save of a detached versioned struct without a version: %v", err)
		}
		v1 := fresh.Version
		fresh.Title = "Introduction"
		fresh.Title += "!"
		if err := docs.Save(ctx, fresh); err != nil || fresh.Version != v1+1 {
			t.Fatalf("Save = %v, version %d after %d", err, fresh.Version, v1)
		}
		stale := &fs3Doc{Slug: "intro", Title: "Stale", Version: v1}
		var lock *sequelize.OptimisticLockError
		if err := docs.Save(ctx, stale); !errors.As(err, &lock) {
			t.Errorf("Save of a stale detached struct = %v, want *OptimisticLockError", err)
		}
		got, err := docs.FindByPK(ctx, "intro")
		if err != nil || got.Title != "Introduction!" {
			t.Errorf("doc = %+v, %v", got, err)
		}
	})
}

// fs3Event has a time attribute of its own and every managed timestamp.
type fs3Event struct {
	ID        int64
	At        time.Time
	Until     *time.Time
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
}

// After a write, the instance's times are what the database stored (what
// Reload reads): whole seconds in MariaDB's DATETIME, microseconds on
// PostgreSQL, milliseconds in SQLite's text.
func TestFidelityInstanceTimesAsStored(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		events := sequelize.Define[fs3Event](db, sequelize.ModelOptions{Paranoid: true})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		same := func(what string, e *fs3Event) {
			t.Helper()
			r, err := events.FindOne(ctx, sequelize.FindOptions{Where: sequelize.Where{"id": e.ID}, Paranoid: sequelize.Bool(false)})
			if err != nil || r == nil {
				t.Fatalf("%s: reload: %v", what, err)
			}
			eq := func(name string, got, want time.Time) {
				if !got.Equal(want) || got.Location() != time.UTC {
					t.Errorf("%s: instance %s = %v, the database holds %v", what, name, got, want)
				}
			}
			eq("at", e.At, r.At)
			eq("createdAt", e.CreatedAt, r.CreatedAt)
			eq("updatedAt", e.UpdatedAt, r.UpdatedAt)
			if (e.Until == nil) != (r.Until == nil) || e.Until != nil && !e.Until.Equal(*r.Until) {
				t.Errorf("%s: instance until = %v, the database holds %v", what, e.Until, r.Until)
			}
			if (e.DeletedAt == nil) != (r.DeletedAt == nil) || e.DeletedAt != nil && !e.DeletedAt.Equal(*r.DeletedAt) {
				t.Errorf("%s: instance deletedAt = %v, the database holds %v", what, e.DeletedAt, r.DeletedAt)
			}
		}
		at := time.Date(2024, 5, 6, 7, 8, 9, 123456789, time.FixedZone("X", 3600))
		until := at.Add(time.Hour + 987654321)
		e := &fs3Event{At: at, Until: &until}
		if err := events.Create(ctx, e); err != nil {
			t.Fatal(err)
		}
		same("Create", e)

		e.At = at.Add(time.Minute)
		if err := events.Save(ctx, e); err != nil {
			t.Fatal(err)
		}
		same("Save", e)

		batch := []*fs3Event{{At: at}, {At: at.Add(1)}}
		if err := events.BulkCreate(ctx, batch); err != nil {
			t.Fatal(err)
		}
		same("BulkCreate", batch[0])
		same("BulkCreate", batch[1])

		if err := events.DestroyInstance(ctx, e); err != nil {
			t.Fatal(err)
		}
		same("DestroyInstance", e)
	})
}

// fs3Class checks that err is one of the package's errors, of class T,
// with the "sequelize: " prefix exactly once.
func fs3Class[T any, PT interface {
	*T
	error
}](t *testing.T, what string, err error) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error", what)
		return
	}
	var be *sequelize.BaseError
	if !errors.As(err, &be) {
		t.Errorf("%s: %T %q does not reach *sequelize.BaseError", what, err, err)
	}
	var target PT
	if !errors.As(err, &target) {
		t.Errorf("%s: %q is not a %T", what, err, target)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "sequelize: ") || strings.Count(msg, "sequelize:") != 1 {
		t.Errorf("%s: message %q: want the \"sequelize: \" prefix exactly once", what, msg)
	}
}

// Every error the library returns is one of its error classes, the one a
// Sequelize user would expect, whatever its cause: a bind failure, a
// missing where, a bad URI, an option the dialect cannot honour, a value
// read that does not fit its destination.
func TestFidelityErrorsInHierarchy(t *testing.T) {
	ctx := context.Background()
	_, err := sequelize.Open(ctx, "postgres://u:p@h:bad/db")
	fs3Class[sequelize.InvalidConnectionError](t, "Open of a malformed URI", err)
	_, err = sequelize.Open(ctx, "oracle://h/db")
	fs3Class[sequelize.InvalidConnectionError](t, "Open of an unknown dialect", err)
	_, err = sequelize.Open(ctx, "postgres://u:p@h/db?sslmode=bogus")
	fs3Class[sequelize.InvalidConnectionError](t, "Open with a bad driver parameter", err)
	_, err = sequelize.Open(ctx, "sqlite::memory:", sequelize.Options{Timezone: "+02:00"})
	fs3Class[sequelize.InvalidConnectionError](t, "Open of SQLite with a time zone", err)
	_, err = sequelize.Open(ctx, "sqlite::memory:", sequelize.Options{}, sequelize.Options{})
	fs3Class[sequelize.QueryError](t, "Open with two Options", err)

	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, products := fs3Products(t, tg)
		if err := products.Create(ctx, &fs3Product{Name: "a"}); err != nil {
			t.Fatal(err)
		}
		_, err := products.FindAll(ctx, sequelize.FindOptions{Where: sequelize.Where{"stock": "abc"}})
		fs3Class[sequelize.ValidationError](t, "Where with a string for an INTEGER", err)
		var ve *sequelize.ValidationError
		if errors.As(err, &ve) && (len(ve.Errors) != 1 || ve.Errors[0].Path != "stock" || ve.Errors[0].Value != "abc") {
			t.Errorf("bind failure items = %+v, want one on stock with its value", ve.Errors)
		}
		_, err = products.FindByPK(ctx, "abc")
		fs3Class[sequelize.ValidationError](t, `FindByPK("abc")`, err)
		err = products.Set(&fs3Product{}, sequelize.Values{"stock": "abc"})
		fs3Class[sequelize.ValidationError](t, "Set of a string on an int field", err)
		_, err = products.Update(ctx, sequelize.Values{"stock": 1}, sequelize.UpdateOptions{})
		fs3Class[sequelize.QueryError](t, "Update without a where", err)
		_, err = products.Update(ctx, sequelize.Values{"stock": "x"}, sequelize.UpdateOptions{Where: sequelize.Where{}})
		fs3Class[sequelize.ValidationError](t, "Update with a string for an INTEGER", err)
		_, err = products.Destroy(ctx, sequelize.DestroyOptions{})
		fs3Class[sequelize.QueryError](t, "Destroy without a where", err)
		_, err = products.Restore(ctx)
		fs3Class[sequelize.QueryError](t, "Restore of a model that is not paranoid", err)
		fs3Class[sequelize.InstanceError](t, "Create of nil", products.Create(ctx, nil))
		_, err = products.FindAll(ctx, sequelize.FindOptions{}, sequelize.FindOptions{})
		fs3Class[sequelize.QueryError](t, "FindAll with two options", err)
		_, err = db.Query(ctx, "SELECT ?", sequelize.QueryOptions{Replacements: []any{1}, Bind: []any{1}})
		fs3Class[sequelize.QueryError](t, "Replacements and Bind", err)
		_, err = db.Query(ctx, "SELECT ? AS a", sequelize.QueryOptions{Replacements: []any{1, 2}})
		fs3Class[sequelize.QueryError](t, "too many replacements", err)
		_, err = sequelize.QueryAs[int](ctx, db, "SELECT 1 AS a, 2 AS b")
		fs3Class[sequelize.QueryError](t, "QueryAs of two columns into an int", err)
		_, err = sequelize.QueryAs[int](ctx, db, "SELECT 'abc' AS a")
		fs3Class[sequelize.DatabaseError](t, "QueryAs of text into an int", err)
		var dbe *sequelize.DatabaseError
		if errors.As(err, &dbe) && dbe.SQL == "" {
			t.Error("a value read that does not fit: the DatabaseError has no SQL")
		}
		err = db.QueryInterface().AddColumn(ctx, "fs3Products", "extra", sequelize.AttributeOptions{})
		fs3Class[sequelize.QueryError](t, "AddColumn without a Type", err)

		switch db.Dialect().Name() {
		case "postgres":
			_, err = db.Begin(ctx, sequelize.TransactionOptions{Type: sequelize.TransactionImmediate})
			fs3Class[sequelize.QueryError](t, "a SQLite transaction type on PostgreSQL", err)
		case "mariadb", "mysql":
			_, err = products.FindAll(ctx, sequelize.FindOptions{Lock: sequelize.LockKeyShare})
			fs3Class[sequelize.QueryError](t, "a PostgreSQL lock on MariaDB", err)
			err = products.Truncate(ctx, sequelize.DestroyOptions{Cascade: true})
			fs3Class[sequelize.QueryError](t, "TRUNCATE CASCADE on MariaDB", err)
		case "sqlite":
			err = products.Truncate(ctx, sequelize.DestroyOptions{Cascade: true})
			fs3Class[sequelize.QueryError](t, "TRUNCATE CASCADE on SQLite", err)
		}

		tx, err := db.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
		_, err = products.FindAll(ctx, sequelize.FindOptions{Transaction: tx})
		fs3Class[sequelize.BaseError](t, "a statement on a committed transaction", err)
		if !errors.Is(err, sequelize.ErrTxDone) {
			t.Errorf("statement on a committed transaction: %v does not match ErrTxDone", err)
		}
		db.Close()
		_, err = products.FindAll(ctx)
		fs3Class[sequelize.ConnectionError](t, "a statement after Close", err)
		if !errors.Is(err, sequelize.ErrClosed) {
			t.Errorf("statement after Close: %v does not match ErrClosed", err)
		}
	})
}

// fs3Sleep is a statement that runs for about a second.
func fs3Sleep(dialect string) string {
	switch dialect {
	case "postgres":
		return "SELECT pg_sleep(1)"
	case "sqlite":
		return "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 1000000000) SELECT count(*) FROM c"
	}
	return "SELECT SLEEP(1)"
}

// fs3Errors lists err and every error it wraps, depth first.
func fs3Errors(err error) []error {
	if err == nil {
		return nil
	}
	out := []error{err}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		out = append(out, fs3Errors(u.Unwrap())...)
	case interface{ Unwrap() []error }:
		for _, e := range u.Unwrap() {
			out = append(out, fs3Errors(e)...)
		}
	}
	return out
}

// A deadline inside a managed transaction gives one error, the
// statement's, on one line; the rollback's failure stays reachable.
func TestFidelityTransactionDeadlineOneError(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		db := tg.Open(t)
		err := db.Transaction(t.Context(), func(ctx context.Context, tx *sequelize.Tx) error {
			ctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
			defer cancel()
			_, err := db.Query(ctx, fs3Sleep(db.Dialect().Name()))
			return err
		})
		if err == nil {
			t.Fatal("no error")
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("error %q has more than one line", err)
		}
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("error %q: errors.Is(err, context.DeadlineExceeded) is false", err)
		}
		fs3Class[sequelize.DatabaseError](t, "a deadline inside a transaction", err)
		var bases int
		for _, e := range fs3Errors(err) {
			if _, ok := e.(interface{ As(any) bool }); ok {
				bases++
			}
		}
		// On PostgreSQL and MariaDB the deadline breaks the connection, so
		// the rollback fails too: its error is reachable, not printed.
		if db.Dialect().Name() != "sqlite" && bases < 2 {
			t.Errorf("%q: the rollback's failure is not reachable (%d errors of the package in the chain)", err, bases)
		}
	})
}

// A call whose context is done before any SQL is sent returns the
// context's error itself, not a DatabaseError, and sends nothing.
func TestFidelityContextDoneBeforeSQL(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		log := &stmtLog{}
		db := tg.Open(t, sequelize.Options{Logging: slog.New(log)})
		products := sequelize.Define[fs3Product](db)
		if err := db.Sync(t.Context()); err != nil {
			t.Fatal(err)
		}
		log.reset()
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		dctx, dcancel := context.WithDeadline(t.Context(), time.Now().Add(-time.Second))
		defer dcancel()
		check := func(what string, err error, want error) {
			t.Helper()
			if err != want {
				t.Errorf("%s: %T %v, want the context's error itself, %v", what, err, err, want)
			}
		}
		_, err := products.FindAll(ctx)
		check("FindAll", err, context.Canceled)
		check("Create", products.Create(ctx, &fs3Product{}), context.Canceled)
		_, err = db.Query(dctx, "SELECT 1")
		check("Query past its deadline", err, context.DeadlineExceeded)
		check("Transaction", db.Transaction(ctx, func(context.Context, *sequelize.Tx) error { return nil }), context.Canceled)
		tx, err := db.Begin(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		_, err = products.FindAll(ctx, sequelize.FindOptions{Transaction: tx})
		check("FindAll in a transaction", err, context.Canceled)
		if err := tx.Rollback(t.Context()); err != nil {
			t.Fatal(err)
		}
		if sent := log.reset(); len(sent) != 2 {
			t.Errorf("statements sent: %q, want only the transaction's BEGIN and ROLLBACK", sent)
		}
	})
}

// A write made with the outer ctx inside a Transaction callback runs
// outside the transaction. On SQLite it waits for the writer the
// transaction holds, and the acquire timeout's error says so.
func TestFidelityOuterCtxWriteInTransaction(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		db := tg.Open(t, sequelize.Options{Pool: sequelize.PoolOptions{Acquire: 300 * time.Millisecond}})
		products := sequelize.Define[fs3Product](db)
		ctx := t.Context()
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		var inner error
		err := db.Transaction(ctx, func(txCtx context.Context, tx *sequelize.Tx) error {
			inner = products.Create(ctx, &fs3Product{Name: "outer ctx"}) // the mistake: ctx, not txCtx
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if db.Dialect().Name() != "sqlite" {
			if inner != nil {
				t.Errorf("a write with the outer ctx on %s: %v", db.Dialect().Name(), inner)
			}
			if max := db.Stats().MaxOpen; max != 5 {
				t.Errorf("Stats().MaxOpen = %d, want the default Max, 5", max)
			}
			return
		}
		var acq *sequelize.ConnectionAcquireTimeoutError
		if !errors.As(inner, &acq) {
			t.Fatalf("a write with the outer ctx on SQLite: %v, want a *ConnectionAcquireTimeoutError", inner)
		}
		for _, want := range []string{"held by transaction tx-", "ctx the callback receives"} {
			if !strings.Contains(inner.Error(), want) {
				t.Errorf("error %q does not say %q", inner, want)
			}
		}
		if max := db.Stats().MaxOpen; max != 6 {
			t.Errorf("Stats().MaxOpen = %d, want 6: Max (5) readers and the writer", max)
		}
	})
}

// A URI without a scheme gets an error naming the forms Open accepts, not
// a hint to import a package named after the host.
func TestFidelityOpenWithoutScheme(t *testing.T) {
	ctx := t.Context()
	for _, uri := range []string{"127.0.0.1:5432", "localhost:3306/app", "db.example.com", "/var/data/app.db", "oracle://h/db"} {
		_, err := sequelize.Open(ctx, uri)
		fs3Class[sequelize.InvalidConnectionError](t, "Open("+uri+")", err)
		if err == nil {
			continue
		}
		msg := err.Error()
		if strings.Contains(msg, "dialect/") || strings.Contains(msg, "import") {
			t.Errorf("Open(%q): %q suggests importing a package", uri, msg)
		}
		for _, form := range []string{"sqlite:", "postgres://", "mysql://", "mariadb://"} {
			if !strings.Contains(msg, form) {
				t.Errorf("Open(%q): %q does not name the form %s", uri, msg, form)
			}
		}
	}
	// A registered scheme followed by digits is a path, not "host:port".
	db, err := sequelize.Open(ctx, "sqlite:"+t.TempDir()+"/5")
	if err != nil {
		t.Errorf("Open of a SQLite file named 5: %v", err)
	} else {
		db.Close()
	}
}

// An error about a URI hides the URI's password field, and only it: a
// password that is also a substring of the rest of the message (here "p",
// "postgres" and "1") leaves the rest of the message readable.
func TestFidelityRedactsPasswordField(t *testing.T) {
	ctx := t.Context()
	for _, c := range []struct{ uri, password, keep string }{
		{"postgres://u:p@127.0.0.1:5432/db?sslmode=bogus", "p", "postgres://u:xxxxx@127.0.0.1:5432/db"},
		{"postgres://u:postgres@127.0.0.1:5432/db?sslmode=bogus", "postgres", "postgres://u:xxxxx@127.0.0.1:5432/db"},
		{"postgres://u:1@127.0.0.1:5432/db?sslmode=bogus", "1", "postgres://u:xxxxx@127.0.0.1:5432/db"},
		{"postgres://u:s3cr%25et@127.0.0.1:5432/db?sslmode=bogus", "s3cr%et", "postgres://u:xxxxx@127.0.0.1:5432/db"},
		{"mysql://u:p@127.0.0.1:3306/db?timeout=bogus", "p", ""},
		{"postgres://u:p@w@127.0.0.1:5432/db%zz", "p@w", "postgres://xxxxx@127.0.0.1:5432/db%zz"},
	} {
		_, err := sequelize.Open(ctx, c.uri)
		fs3Class[sequelize.InvalidConnectionError](t, "Open("+c.uri+")", err)
		if err == nil {
			continue
		}
		msg := err.Error()
		if strings.Contains(msg, "xxxxx"+"xxxxx") || strings.Contains(msg, "xxxxxarse") || strings.Contains(msg, "xxxxxostgres") {
			t.Errorf("Open(%q): %q redacts text outside the password field", c.uri, msg)
		}
		if c.keep != "" && !strings.Contains(msg, c.keep) {
			t.Errorf("Open(%q): %q does not show the URI %s", c.uri, msg, c.keep)
		}
		if strings.Contains(msg, ":"+c.password+"@") {
			t.Errorf("Open(%q): %q shows the password", c.uri, msg)
		}
		for e := errors.Unwrap(err); e != nil; e = errors.Unwrap(e) {
			if strings.Contains(e.Error(), ":"+c.password+"@") {
				t.Errorf("Open(%q): a wrapped error shows the password: %q", c.uri, e.Error())
			}
		}
	}
}
