package sequelize_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/op"
)

type Offer struct {
	ID     int64
	Title  string
	Active bool
	Price  int
}

func ExampleModel_Scope() {
	ctx := context.Background()
	db, _ := sequelize.Open(ctx, "sqlite::memory:")
	defer db.Close()
	offers := sequelize.Define[Offer](db, sequelize.ModelOptions{
		Timestamps:   sequelize.Bool(false),
		DefaultScope: &sequelize.FindOptions{Where: sequelize.Where{"active": true}},
		Scopes: map[string]sequelize.ScopeFunc{
			"under": func(args ...any) sequelize.FindOptions {
				return sequelize.FindOptions{Where: sequelize.Where{"price": op.Lt(args[0])}}
			},
		},
	})
	if err := db.Sync(ctx); err != nil {
		log.Fatal(err)
	}
	_ = offers.BulkCreate(ctx, []*Offer{{Title: "a", Active: true, Price: 5}, {Title: "b", Active: true, Price: 50}, {Title: "c", Price: 1}})

	n, _ := offers.Count(ctx) // the default scope applies
	fmt.Println("active:", n)
	cheap, _ := offers.Scope("defaultScope", sequelize.ScopeCall{Name: "under", Args: []any{10}})
	list, _ := cheap.FindAll(ctx)
	fmt.Println("cheap active:", len(list), list[0].Title)
	all, _ := offers.Unscoped().Count(ctx)
	fmt.Println("all:", all)
	// Output:
	// active: 2
	// cheap active: 1 a
	// all: 3
}
