package sequelize_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/gosequelize/sequelize"
)

type Account struct {
	ID    int64
	Email string `validate:"isEmail"`
	Name  string `sequelize:"allowNull:false" validate:"notEmpty;len(2,20)"`
	Age   int    `validate:"min(18)"`
}

func ExampleValidator() {
	ctx := context.Background()
	db, _ := sequelize.Open(ctx, "sqlite::memory:")
	defer db.Close()
	accounts := sequelize.Define[Account](db, sequelize.ModelOptions{
		Attributes: map[string]sequelize.AttributeOptions{
			"age": {Validate: []sequelize.Validator{{Name: "max", Args: []any{130}, Msg: "age looks wrong"}}},
		},
	})
	if err := db.Sync(ctx); err != nil {
		log.Fatal(err)
	}
	err := accounts.Create(ctx, &Account{Email: "not-an-email", Name: "A", Age: 200})
	var ve *sequelize.ValidationError
	if errors.As(err, &ve) {
		for _, it := range ve.Errors { // every failure, not just the first
			fmt.Printf("%s: %s (%s)\n", it.Path, it.Message, it.ValidatorKey)
		}
	}
	n, _ := accounts.Count(ctx)
	fmt.Println("rows:", n)
	// Output:
	// email: Validation isEmail on email failed (isEmail)
	// name: Validation len on name failed (len)
	// age: age looks wrong (max)
	// rows: 0
}
