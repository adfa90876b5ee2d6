// Command quickstart shows Sequelize for Go on an embedded, in-memory
// SQLite database: it connects, runs raw queries with replacements and bind
// parameters, scans rows into structs, uses a transaction and catches a
// typed error. Run it with:
//
//	go run ./examples/quickstart
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"os"

	"github.com/gosequelize/sequelize"
	_ "github.com/gosequelize/sequelize/dialect/sqlitedialect"
)

// UserGroup and User are the rows of the seed example's two tables.
type UserGroup struct {
	ID   int64
	Name string
}

// User is one row of users.
type User struct {
	ID        int64
	Username  string
	FirstName string
	GroupID   *int64
}

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context) error {
	// Every statement is logged with its parameters.
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey || a.Key == slog.LevelKey {
			return slog.Attr{}
		}
		return a
	}}))
	db, err := sequelize.Open(ctx, "sqlite::memory:", sequelize.Options{Logging: logger, LogQueryParameters: true})
	if err != nil {
		return err
	}
	defer db.Close()

	version, err := db.DatabaseVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("== connected to %s %s\n", db.Dialect().Name(), version)

	fmt.Println("== create tables")
	for _, ddl := range []string{
		"CREATE TABLE UserGroups (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(255) NOT NULL)",
		"CREATE TABLE Users (id INTEGER PRIMARY KEY AUTOINCREMENT, username VARCHAR(64) NOT NULL UNIQUE, firstName VARCHAR(255), groupId INTEGER REFERENCES UserGroups (id) ON DELETE SET NULL ON UPDATE CASCADE)",
	} {
		if _, err := db.Query(ctx, ddl); err != nil {
			return err
		}
	}

	fmt.Println("== insert rows in one transaction")
	err = db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
		res, err := db.Query(ctx, "INSERT INTO UserGroups (name) VALUES (:name)", sequelize.QueryOptions{
			Type: sequelize.QueryTypeInsert, Replacements: map[string]any{"name": "admins"},
		})
		if err != nil {
			return err
		}
		_, err = db.Query(ctx, "INSERT INTO Users (username, firstName, groupId) VALUES ($1, $2, $3), ($4, $5, NULL)", sequelize.QueryOptions{
			Type: sequelize.QueryTypeInsert, Bind: []any{"john", "John", res.LastInsertID, "jane", "Jane"},
		})
		return err
	})
	if err != nil {
		return err
	}

	fmt.Println("== select into structs")
	users, err := sequelize.QueryAs[User](ctx, db, "SELECT * FROM Users ORDER BY id")
	if err != nil {
		return err
	}
	for _, u := range users {
		fmt.Printf("user %d: %s (%s), in a group: %v\n", u.ID, u.Username, u.FirstName, u.GroupID != nil)
	}

	fmt.Println("== select with a join, as nested maps")
	res, err := db.Query(ctx, "SELECT u.username, g.name AS \"group.name\" FROM Users u LEFT JOIN UserGroups g ON g.id = u.groupId WHERE u.username = ?", sequelize.QueryOptions{
		Nest: true, Plain: true, Replacements: []any{"john"},
	})
	if err != nil {
		return err
	}
	fmt.Println(res.Row)

	fmt.Println("== a duplicate username is a typed error")
	_, err = db.Query(ctx, "INSERT INTO Users (username) VALUES ('john')")
	var uniq *sequelize.UniqueConstraintError
	if errors.As(err, &uniq) {
		fmt.Printf("UniqueConstraintError on %s: %v\n", uniq.Table, uniq.Errors[0].Message)
	} else {
		return fmt.Errorf("expected a UniqueConstraintError, got %v", err)
	}
	return nil
}
