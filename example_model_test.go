package sequelize_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/datatypes"
	"github.com/gosequelize/sequelize/op"
)

// Product is the model of the examples below: table "Products", columns
// id, name, price, stock, createdAt, updatedAt.
type Product struct {
	ID        int64
	Name      string `sequelize:"type:STRING(64);unique;allowNull:false"`
	Price     string `sequelize:"type:DECIMAL(10,2)"` // exact on PostgreSQL and MySQL; SQLite stores a number
	Stock     int
	CreatedAt time.Time
	UpdatedAt time.Time
}

// shop opens an in-memory database with a few products.
func shop() (*sequelize.DB, *sequelize.Model[Product]) {
	ctx := context.Background()
	db, err := sequelize.Open(ctx, "sqlite::memory:")
	if err != nil {
		log.Fatal(err)
	}
	products := sequelize.Define[Product](db)
	if err := db.Sync(ctx); err != nil {
		log.Fatal(err)
	}
	for _, p := range []*Product{
		{Name: "apple", Price: "0.50", Stock: 10},
		{Name: "pear", Price: "0.75", Stock: 0},
		{Name: "plum", Price: "1.20", Stock: 5},
	} {
		if err := products.Create(ctx, p); err != nil {
			log.Fatal(err)
		}
	}
	return db, products
}

func ExampleDefine() {
	ctx := context.Background()
	db, err := sequelize.Open(ctx, "sqlite::memory:")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	products := sequelize.Define[Product](db)
	fmt.Println(products.Name(), products.TableName(), products.Attributes())
	// Output:
	// Product Products [id name price stock createdAt updatedAt]
}

func ExampleModel_Create() {
	ctx := context.Background()
	db, products := shop()
	defer db.Close()

	p := &Product{Name: "kiwi", Price: "2.00"} // Stock 0 is stored as 0
	if err := products.Create(ctx, p); err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.ID, p.CreatedAt.IsZero(), products.IsNewRecord(p))
	// Output:
	// 4 false false
}

func ExampleModel_FindAll() {
	ctx := context.Background()
	db, products := shop()
	defer db.Close()

	list, err := products.FindAll(ctx, sequelize.FindOptions{
		Where: sequelize.Where{"stock": op.Gt(0)},
		Order: sequelize.Order{{"price", "DESC"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range list {
		fmt.Println(p.Name, p.Price)
	}
	// Output:
	// plum 1.2
	// apple 0.5
}

func ExampleModel_FindOne() {
	ctx := context.Background()
	db, products := shop()
	defer db.Close()

	p, err := products.FindOne(ctx, sequelize.FindOptions{Where: op.Or(
		sequelize.Where{"name": "pear"},
		sequelize.Where{"stock": op.Gte(100)},
	)})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.Name)
	none, err := products.FindOne(ctx, sequelize.FindOptions{Where: sequelize.Where{"name": "mango"}})
	fmt.Println(none, err)
	// Output:
	// pear
	// <nil> <nil>
}

func ExampleModel_FindByPK() {
	ctx := context.Background()
	db, products := shop()
	defer db.Close()

	p, err := products.FindByPK(ctx, 3)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.Name)
	_, err = products.FindByPK(ctx, 42, sequelize.FindOptions{RejectOnEmpty: sequelize.Bool(true)})
	var empty *sequelize.EmptyResultError
	fmt.Println(errors.As(err, &empty))
	// Output:
	// plum
	// true
}

func ExampleModel_FindAndCountAll() {
	ctx := context.Background()
	db, products := shop()
	defer db.Close()

	page, total, err := products.FindAndCountAll(ctx, sequelize.FindOptions{Order: sequelize.Order{{"name"}}, Limit: 2})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(page), "of", total)
	// Output:
	// 2 of 3
}

func ExampleModel_Count() {
	ctx := context.Background()
	db, products := shop()
	defer db.Close()

	n, err := products.Count(ctx, sequelize.CountOptions{Where: sequelize.Where{"stock": 0}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(n)
	// Output:
	// 1
}

func ExampleModel_Max() {
	ctx := context.Background()
	db, products := shop()
	defer db.Close()

	most, _ := products.Max(ctx, "stock")
	least, _ := products.Min(ctx, "stock")
	total, _ := products.Sum(ctx, "stock")
	fmt.Println(most, least, total)
	// Output:
	// 10 0 15
}

func ExampleModel_Save() {
	ctx := context.Background()
	db, products := shop()
	defer db.Close()

	p, _ := products.FindByPK(ctx, 1)
	p.Stock = 0
	fmt.Println(products.Changed(p))
	if err := products.Save(ctx, p); err != nil { // UPDATE "Products" SET stock, updatedAt
		log.Fatal(err)
	}
	fmt.Println(products.Changed(p))
	// Output:
	// [stock]
	// []
}

func ExampleModel_Update() {
	ctx := context.Background()
	db, products := shop()
	defer db.Close()

	n, err := products.Update(ctx, sequelize.Values{"stock": 99}, sequelize.UpdateOptions{
		Where: sequelize.Where{"stock": 0},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("updated", n)
	// Output:
	// updated 1
}

func ExampleModel_Increment() {
	ctx := context.Background()
	db, products := shop()
	defer db.Close()

	// One atomic statement: SET stock = stock + 5.
	_, err := products.Increment(ctx, sequelize.Values{"stock": 5}, sequelize.IncrementOptions{Where: sequelize.Where{"name": "pear"}})
	if err != nil {
		log.Fatal(err)
	}
	p, _ := products.FindOne(ctx, sequelize.FindOptions{Where: sequelize.Where{"name": "pear"}})
	fmt.Println(p.Stock)
	// Output:
	// 5
}

func ExampleModel_Destroy() {
	ctx := context.Background()
	db, products := shop()
	defer db.Close()

	n, err := products.Destroy(ctx, sequelize.DestroyOptions{Where: sequelize.Where{"stock": 0}})
	if err != nil {
		log.Fatal(err)
	}
	left, _ := products.Count(ctx)
	fmt.Println(n, left)
	// Output:
	// 1 2
}

func ExampleModel_BulkCreate() {
	ctx := context.Background()
	db, products := shop()
	defer db.Close()

	batch := []*Product{{Name: "fig", Price: "3.00"}, {Name: "lime", Price: "0.30"}}
	if err := products.BulkCreate(ctx, batch); err != nil { // one multi-row INSERT
		log.Fatal(err)
	}
	fmt.Println(batch[0].ID, batch[1].ID)
	// Output:
	// 4 5
}

func ExampleModel_Upsert() {
	ctx := context.Background()
	db, products := shop()
	defer db.Close()

	// The unique name identifies the row: it exists, so it is updated.
	p := &Product{Name: "apple", Price: "0.55", Stock: 12}
	created, err := products.Upsert(ctx, p)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(created, p.ID, p.Stock)
	created, _ = products.Upsert(ctx, &Product{Name: "melon", Price: "2.50"})
	fmt.Println(created)
	// Output:
	// false 1 12
	// true
}

func ExampleModel_FindOrCreate() {
	ctx := context.Background()
	db, products := shop()
	defer db.Close()

	p, created, err := products.FindOrCreate(ctx, sequelize.FindOrCreateOptions{
		Where:    sequelize.Where{"name": "cherry"},
		Defaults: sequelize.Values{"price": "4.00", "stock": 1},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.Name, p.Stock, created)
	p, created, _ = products.FindOrCreate(ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{"name": "cherry"}})
	fmt.Println(p.Name, created)

	// The create hooks run on a created row.
	products.AddHook(sequelize.BeforeCreate, "restock", func(_ context.Context, e *sequelize.HookEvent[Product]) error {
		e.Instance.Stock += 100
		return nil
	})
	// Any where finds the row; only a Where map's plain entries fill a
	// created one, so the values of an op.Or where go in Defaults.
	p, created, err = products.FindOrCreate(ctx, sequelize.FindOrCreateOptions{
		Where:    op.Or(sequelize.Where{"name": "damson"}, sequelize.Where{"name": "greengage"}),
		Defaults: sequelize.Values{"name": "damson", "price": "3.00"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.Name, p.Stock, created)
	// Output:
	// cherry 1 true
	// cherry false
	// damson 100 true
}

func ExampleDB_Sync() {
	ctx := context.Background()
	db, err := sequelize.Open(ctx, "sqlite::memory:")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	sequelize.Define[Product](db)
	// Creates every model's table, referenced tables first; Alter changes
	// existing tables to match their models and is a no-op when they do.
	if err := db.Sync(ctx, sequelize.SyncOptions{Alter: true}); err != nil {
		log.Fatal(err)
	}
	cols, _ := db.QueryInterface().DescribeTable(ctx, "Products")
	fmt.Println(cols["name"].Type, cols["name"].AllowNull, cols["price"].Type)
	// Output:
	// VARCHAR(64) false DECIMAL(10,2)
}

func ExampleModel_FindOrBuild() {
	ctx := context.Background()
	db, products := shop()
	defer db.Close()

	p, built, err := products.FindOrBuild(ctx, sequelize.FindOrCreateOptions{
		Where: sequelize.Where{"name": "quince"}, Defaults: sequelize.Values{"price": "1.00"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.Name, built, products.IsNewRecord(p)) // built, not saved
	// Output:
	// quince true true
}

func ExampleModel_FindCreateFind() {
	ctx := context.Background()
	db, products := shop()
	defer db.Close()

	p, created, err := products.FindCreateFind(ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{"name": "apple"}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.ID, created)
	// Output:
	// 1 false
}

func ExampleQueryInterface_WithSchema() {
	ctx := context.Background()
	db, err := sequelize.Open(ctx, "sqlite::memory:")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	// A model in the "archive" schema: a PostgreSQL schema, a MariaDB
	// database; on SQLite and MySQL, as in Sequelize, the table is named
	// "archive.Products".
	sequelize.Define[Product](db, sequelize.ModelOptions{Schema: "archive"})
	if err := db.Sync(ctx, sequelize.SyncOptions{Alter: true}); err != nil {
		log.Fatal(err)
	}
	qi := db.QueryInterface().WithSchema("archive")
	if err := qi.AddColumn(ctx, "Products", "note", sequelize.AttributeOptions{Type: datatypes.Text()}); err != nil {
		log.Fatal(err)
	}
	cols, _ := qi.DescribeTable(ctx, "Products")
	fmt.Println(len(cols), cols["note"].Type)
	// Output:
	// 7 TEXT
}
