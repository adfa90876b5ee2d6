package sequelize_test

import (
	"context"
	"database/sql/driver"
	"fmt"
	"log"
	"strings"

	"github.com/gosequelize/sequelize"
)

type Article struct {
	ID    int64
	Title string
	Slug  string
}

func ExampleModel_AddHook() {
	ctx := context.Background()
	db, _ := sequelize.Open(ctx, "sqlite::memory:")
	defer db.Close()
	articles := sequelize.Define[Article](db, sequelize.ModelOptions{Timestamps: sequelize.Bool(false)})
	if err := db.Sync(ctx); err != nil {
		log.Fatal(err)
	}
	// BeforeSave runs for creates and updates; changes to the instance are saved.
	articles.AddHook(sequelize.BeforeSave, "slug", func(ctx context.Context, e *sequelize.HookEvent[Article]) error {
		e.Instance.Slug = strings.ToLower(strings.ReplaceAll(e.Instance.Title, " ", "-"))
		return nil
	})
	// Global hooks run for every model, after its own.
	db.AddHook(sequelize.AfterCreate, "audit", func(ctx context.Context, e *sequelize.GlobalHookEvent) error {
		fmt.Println("created a", e.Model)
		return nil
	})
	a := &Article{Title: "Hello Hooks"}
	if err := articles.Create(ctx, a); err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Slug)
	// Output:
	// created a Article
	// hello-hooks
}

func ExampleWithoutHooks() {
	ctx := context.Background()
	db, _ := sequelize.Open(ctx, "sqlite::memory:")
	defer db.Close()
	articles := sequelize.Define[Article](db, sequelize.ModelOptions{Timestamps: sequelize.Bool(false)})
	if err := db.Sync(ctx); err != nil {
		log.Fatal(err)
	}
	articles.AddHook(sequelize.BeforeCreate, "slug", func(ctx context.Context, e *sequelize.HookEvent[Article]) error {
		e.Instance.Slug = strings.ToLower(e.Instance.Title)
		return nil
	})
	withHooks := &Article{Title: "One"}
	if err := articles.Create(ctx, withHooks); err != nil {
		log.Fatal(err)
	}
	// Sequelize's create(values, {hooks: false}).
	withoutHooks := &Article{Title: "Two"}
	if err := articles.Create(sequelize.WithoutHooks(ctx), withoutHooks); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%q %q\n", withHooks.Slug, withoutHooks.Slug)
	// Output: "one" ""
}

func ExampleBeforeQuery() {
	ctx := context.Background()
	db, _ := sequelize.Open(ctx, "sqlite::memory:")
	defer db.Close()
	articles := sequelize.Define[Article](db, sequelize.ModelOptions{Timestamps: sequelize.Bool(false)})
	if err := db.Sync(ctx); err != nil {
		log.Fatal(err)
	}
	// Query hooks see every statement, with its bound values.
	db.AddHook(sequelize.BeforeQuery, "trace", func(ctx context.Context, e *sequelize.GlobalHookEvent) error {
		fmt.Println(strings.Fields(e.SQL)[0], e.Args)
		return nil
	})
	if err := articles.Create(ctx, &Article{Title: "Hi", Slug: "hi"}); err != nil {
		log.Fatal(err)
	}
	// Output: INSERT [Hi hi]
}

// Connection hooks go in Options.Hooks so that they see the first
// connection: here AfterConnect sets up every new SQLite session (on
// PostgreSQL the connection is a *pgx.Conn, and BeforeConnect may set a
// fresh password from a token service).
func ExampleOptions_hooks() {
	ctx := context.Background()
	db, err := sequelize.Open(ctx, "sqlite::memory:", sequelize.Options{Hooks: map[sequelize.HookType][]sequelize.GlobalHook{
		sequelize.AfterConnect: {func(ctx context.Context, e *sequelize.GlobalHookEvent) error {
			_, err := e.Connection.(driver.ExecerContext).ExecContext(ctx, "PRAGMA cache_size = -4096", nil)
			return err
		}},
	}})
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	res, _ := db.Query(ctx, "PRAGMA cache_size", sequelize.QueryOptions{Type: sequelize.QueryTypeSelect, Plain: true})
	fmt.Println(res.Row["cache_size"])
	// Output:
	// -4096
}
