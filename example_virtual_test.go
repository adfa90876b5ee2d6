package sequelize_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"

	"github.com/gosequelize/sequelize"
)

// Member2 shows Sequelize's getters, setters and VIRTUAL attributes in Go:
//   - a getter is a method (FullName);
//   - a setter is a method (SetEmail), or a BeforeSave hook that
//     normalises what any code path wrote;
//   - a VIRTUAL attribute is a field of type VIRTUAL: validated, never stored
//     or selected (PasswordConfirmation).
type Member2 struct {
	ID                   int64
	FirstName            string
	LastName             string
	Email                string
	Password             string
	PasswordConfirmation string `sequelize:"type:VIRTUAL"`
}

// FullName is a getter.
func (m *Member2) FullName() string { return m.FirstName + " " + m.LastName }

// SetEmail is a setter.
func (m *Member2) SetEmail(e string) { m.Email = strings.ToLower(strings.TrimSpace(e)) }

func Example_gettersSettersVirtual() {
	ctx := context.Background()
	db, _ := sequelize.Open(ctx, "sqlite::memory:")
	defer db.Close()
	members := sequelize.Define[Member2](db, sequelize.ModelOptions{
		Timestamps: sequelize.Bool(false),
		Validate: map[string]sequelize.ModelValidator{
			"passwordsMatch": func(ctx context.Context, inst any) error {
				m := inst.(*Member2)
				if m.Password != m.PasswordConfirmation {
					return errors.New("passwords do not match")
				}
				return nil
			},
		},
	})
	if err := db.Sync(ctx); err != nil {
		log.Fatal(err)
	}
	cols, _ := db.QueryInterface().DescribeTable(ctx, "Member2s")
	_, stored := cols["passwordConfirmation"]
	fmt.Println("virtual stored:", stored)

	m := &Member2{FirstName: "Ada", LastName: "Lovelace", Password: "secret", PasswordConfirmation: "typo"}
	m.SetEmail("  ADA@Example.COM ")
	fmt.Println(members.Create(ctx, m))
	m.PasswordConfirmation = "secret"
	if err := members.Create(ctx, m); err != nil {
		log.Fatal(err)
	}
	got, _ := members.FindByPK(ctx, m.ID)
	fmt.Println(got.FullName(), got.Email, got.PasswordConfirmation == "")
	// Output:
	// virtual stored: false
	// sequelize: Validation error: passwords do not match
	// Ada Lovelace ada@example.com true
}
