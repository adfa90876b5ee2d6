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

// Student, Course and Enrollment show a through model: junction rows
// with attributes of their own.
type Student struct {
	ID      int64
	Name    string
	Courses []*Course
}

type Course struct {
	ID         int64
	Title      string
	Enrollment *Enrollment // the junction row, read with the course
}

type Enrollment struct {
	StudentID int64 // Sequelize's "StudentId"
	CourseID  int64 // "CourseId"
	Grade     string
	CreatedAt time.Time
	UpdatedAt time.Time
}

func ExampleBelongsToManyOptions_throughModel() {
	ctx := context.Background()
	db, _ := sequelize.Open(ctx, "sqlite::memory:")
	defer db.Close()
	students := sequelize.Define[Student](db)
	courses := sequelize.Define[Course](db)
	enrollments := sequelize.Define[Enrollment](db)
	// The junction is the Enrollments table; its implicit id is dropped
	// and (StudentId, CourseId) becomes its primary key.
	studies := sequelize.BelongsToMany(students, courses, sequelize.BelongsToManyOptions{ThroughModel: enrollments})
	if err := db.Sync(ctx); err != nil {
		log.Fatal(err)
	}

	ann := &Student{Name: "Ann"}
	_ = students.Create(ctx, ann)
	maths, art := &Course{Title: "Maths"}, &Course{Title: "Art"}
	_ = courses.BulkCreate(ctx, []*Course{maths, art})
	// Through attributes for every target, or per target in its
	// Enrollment field.
	art.Enrollment = &Enrollment{Grade: "A"}
	if err := studies.Add(ctx, ann, []*Course{maths, art}, sequelize.SetOptions{Through: sequelize.Values{"grade": "B"}}); err != nil {
		log.Fatal(err)
	}
	found, _ := students.FindOne(ctx, sequelize.FindOptions{
		Include: []sequelize.Include{{Association: studies, Order: sequelize.Order{{"title"}}}},
	})
	for _, c := range found.Courses {
		fmt.Println(c.Title, c.Enrollment.Grade)
	}
	// Output:
	// Art A
	// Maths B
}
