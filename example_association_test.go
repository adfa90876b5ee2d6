package sequelize_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/gosequelize/sequelize"
)

type Author struct {
	ID        int64
	Name      string
	Books     []*Book // filled by Include of the "Books" association
	CreatedAt time.Time
	UpdatedAt time.Time
}

type Book struct {
	ID        int64
	Title     string
	AuthorID  *int64  // Sequelize's "AuthorId"
	Author    *Author // filled by Include of the "Author" association
	CreatedAt time.Time
	UpdatedAt time.Time
}

func ExampleBelongsTo() {
	ctx := context.Background()
	db, _ := sequelize.Open(ctx, "sqlite::memory:")
	defer db.Close()
	authors := sequelize.Define[Author](db)
	books := sequelize.Define[Book](db)
	author := sequelize.BelongsTo(books, authors) // alias "Author", foreign key "AuthorId"
	if err := db.Sync(ctx); err != nil {
		log.Fatal(err)
	}

	b := &Book{Title: "Dune"}
	_ = books.Create(ctx, b)
	_ = author.Create(ctx, b, &Author{Name: "Frank Herbert"}) // creates the author, then sets b.AuthorID
	found, _ := books.FindOne(ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: author}}})
	fmt.Println(found.Title, "by", found.Author.Name)
	// Output:
	// Dune by Frank Herbert
}

func ExampleHasMany() {
	ctx := context.Background()
	db, _ := sequelize.Open(ctx, "sqlite::memory:")
	defer db.Close()
	authors := sequelize.Define[Author](db)
	books := sequelize.Define[Book](db)
	written := sequelize.HasMany(authors, books) // alias "Books", foreign key "AuthorId" on books
	if err := db.Sync(ctx); err != nil {
		log.Fatal(err)
	}

	a := &Author{Name: "Ursula K. Le Guin"}
	_ = authors.Create(ctx, a)
	_ = written.Create(ctx, a, &Book{Title: "The Dispossessed"})
	earthsea := &Book{Title: "A Wizard of Earthsea"}
	_ = books.Create(ctx, earthsea)
	_ = written.Add(ctx, a, earthsea) // one UPDATE, whatever the number of books
	n, _ := written.Count(ctx, a)
	has, _ := written.Has(ctx, a, earthsea.ID)
	fmt.Println(n, has)

	list, _ := authors.FindAll(ctx, sequelize.FindOptions{Include: []sequelize.Include{{
		Association: written, Order: sequelize.Order{{"title"}},
	}}})
	for _, b := range list[0].Books {
		fmt.Println(b.Title)
	}
	// Output:
	// 2 true
	// A Wizard of Earthsea
	// The Dispossessed
}

func ExampleAssociationOptions_hooks() {
	ctx := context.Background()
	db, _ := sequelize.Open(ctx, "sqlite::memory:")
	defer db.Close()
	authors := sequelize.Define[Author](db)
	books := sequelize.Define[Book](db)
	// Destroying an author destroys its books one by one, running their hooks.
	authorBooks := sequelize.HasMany(authors, books, sequelize.AssociationOptions{OnDelete: "CASCADE", Hooks: true})
	books.AddHook(sequelize.BeforeDestroy, "log", func(ctx context.Context, e *sequelize.HookEvent[Book]) error {
		fmt.Println("destroying", e.Instance.Title)
		return nil
	})
	if err := db.Sync(ctx); err != nil {
		log.Fatal(err)
	}
	a := &Author{Name: "Frank Herbert", Books: []*Book{{Title: "Dune"}, {Title: "Dune Messiah"}}}
	if err := authors.Create(ctx, a, sequelize.CreateOptions{Include: []sequelize.Include{{Association: authorBooks}}}); err != nil {
		log.Fatal(err)
	}
	if err := authors.DestroyInstance(ctx, a); err != nil {
		log.Fatal(err)
	}
	n, _ := books.Count(ctx)
	fmt.Println(n, "books left")
	// Output:
	// destroying Dune
	// destroying Dune Messiah
	// 0 books left
}
