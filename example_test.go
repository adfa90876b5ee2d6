package sequelize_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"os"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/dialect"
	_ "github.com/gosequelize/sequelize/dialect/sqlitedialect"
)

// openExample opens an in-memory SQLite database with a small table.
func openExample() *sequelize.DB {
	ctx := context.Background()
	db, err := sequelize.Open(ctx, "sqlite::memory:")
	if err != nil {
		log.Fatal(err)
	}
	if _, err := db.Query(ctx, "CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, username VARCHAR(64) NOT NULL UNIQUE, age INTEGER)"); err != nil {
		log.Fatal(err)
	}
	return db
}

func Example() {
	ctx := context.Background()
	db, err := sequelize.Open(ctx, "sqlite::memory:")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	if err := db.Authenticate(ctx); err != nil {
		log.Fatal(err)
	}
	fmt.Println("dialect:", db.Dialect().Name())

	_, err = db.Query(ctx, "CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, username TEXT NOT NULL)")
	if err != nil {
		log.Fatal(err)
	}
	res, err := db.Query(ctx, "INSERT INTO users (username) VALUES (:name)", sequelize.QueryOptions{
		Type:         sequelize.QueryTypeInsert,
		Replacements: map[string]any{"name": "john"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("inserted id:", res.LastInsertID)

	users, err := db.Query(ctx, "SELECT id, username FROM users", sequelize.QueryOptions{Type: sequelize.QueryTypeSelect})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(users.Rows)
	// Output:
	// dialect: sqlite
	// inserted id: 1
	// [map[id:1 username:john]]
}

func ExampleDB_Query_replacements() {
	ctx := context.Background()
	db := openExample()
	defer db.Close()

	// "?" takes a slice, ":name" a map. Values are sent as bound
	// parameters: a hostile string is just a string.
	for _, name := range []string{"ann", "bob", "x'); DROP TABLE users; --"} {
		if _, err := db.Query(ctx, "INSERT INTO users (username, age) VALUES (?, ?)", sequelize.QueryOptions{
			Replacements: []any{name, len(name)},
		}); err != nil {
			log.Fatal(err)
		}
	}
	// A slice value expands to a list.
	res, err := db.Query(ctx, "SELECT username FROM users WHERE username IN (:names) ORDER BY id", sequelize.QueryOptions{
		Type:         sequelize.QueryTypeSelect,
		Replacements: map[string]any{"names": []string{"ann", "x'); DROP TABLE users; --"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range res.Rows {
		fmt.Println(r["username"])
	}
	// Output:
	// ann
	// x'); DROP TABLE users; --
}

func ExampleDB_Query_bind() {
	ctx := context.Background()
	db := openExample()
	defer db.Close()

	_, err := db.Query(ctx, "INSERT INTO users (username, age) VALUES ($1, $2), ($3, $4)", sequelize.QueryOptions{
		Type: sequelize.QueryTypeInsert,
		Bind: []any{"ann", 31, "bob", 17},
	})
	if err != nil {
		log.Fatal(err)
	}
	res, err := db.Query(ctx, "UPDATE users SET age = age + 1 WHERE age >= $min", sequelize.QueryOptions{
		Type: sequelize.QueryTypeBulkUpdate,
		Bind: map[string]any{"min": 18},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("affected:", res.RowsAffected)

	one, err := db.Query(ctx, "SELECT username, age FROM users WHERE username = $1", sequelize.QueryOptions{
		Plain: true, Bind: []any{"ann"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(one.Row["username"], one.Row["age"])
	// Output:
	// affected: 1
	// ann 32
}

func ExampleDB_Query_describe() {
	ctx := context.Background()
	db := openExample()
	defer db.Close()

	// Each dialect gives its introspection statements; QueryType shapes the result.
	query, args := db.Dialect().Introspection(dialect.Describe, "", "users")
	res, err := db.Query(ctx, query, sequelize.QueryOptions{Type: sequelize.QueryTypeDescribe, Bind: args})
	if err != nil {
		log.Fatal(err)
	}
	for _, name := range []string{"id", "username", "age"} {
		c := res.Attributes[name]
		fmt.Printf("%s %s allowNull=%v primaryKey=%v\n", name, c.Type, c.AllowNull, c.PrimaryKey)
	}
	// Output:
	// id INTEGER allowNull=false primaryKey=true
	// username VARCHAR(64) allowNull=false primaryKey=false
	// age INTEGER allowNull=true primaryKey=false
}

func ExampleQueryAs() {
	ctx := context.Background()
	db := openExample()
	defer db.Close()
	_, _ = db.Query(ctx, "INSERT INTO users (username, age) VALUES ('ann', 31), ('bob', NULL)")

	type User struct {
		ID       int64
		Username string
		Age      *int // NULL gives nil
	}
	users, err := sequelize.QueryAs[User](ctx, db, "SELECT * FROM users ORDER BY id")
	if err != nil {
		log.Fatal(err)
	}
	for _, u := range users {
		fmt.Println(u.ID, u.Username, u.Age != nil)
	}
	n, err := sequelize.QueryAs[int64](ctx, db, "SELECT COUNT(*) FROM users")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("count:", n[0])
	// Output:
	// 1 ann true
	// 2 bob false
	// count: 2
}

func ExampleDB_Transaction() {
	ctx := context.Background()
	db := openExample()
	defer db.Close()

	err := db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
		// ctx carries tx: this INSERT runs in the transaction.
		if _, err := db.Query(ctx, "INSERT INTO users (username) VALUES ('ann')"); err != nil {
			return err
		}
		// A nested Transaction is a savepoint: its failure undoes only its own work.
		_ = db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
			if _, err := db.Query(ctx, "INSERT INTO users (username) VALUES ('bob')"); err != nil {
				return err
			}
			return errors.New("changed my mind")
		})
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	names, _ := sequelize.QueryAs[string](ctx, db, "SELECT username FROM users")
	fmt.Println(names)

	// An error rolls the whole transaction back.
	err = db.Transaction(ctx, func(ctx context.Context, tx *sequelize.Tx) error {
		_, _ = db.Query(ctx, "INSERT INTO users (username) VALUES ('carl')")
		return errors.New("boom")
	})
	names, _ = sequelize.QueryAs[string](ctx, db, "SELECT username FROM users")
	fmt.Println(err, names)
	// Output:
	// [ann]
	// boom [ann]
}

func ExampleDB_Begin() {
	ctx := context.Background()
	db := openExample()
	defer db.Close()

	tx, err := db.Begin(ctx, sequelize.TransactionOptions{Type: sequelize.TransactionImmediate})
	if err != nil {
		log.Fatal(err)
	}
	defer tx.Rollback(ctx) // a no-op once committed
	if _, err := db.Query(ctx, "INSERT INTO users (username) VALUES ('ann')", sequelize.QueryOptions{Transaction: tx}); err != nil {
		log.Fatal(err)
	}
	if err := tx.Commit(ctx); err != nil {
		log.Fatal(err)
	}
	_, err = db.Query(ctx, "SELECT 1", sequelize.QueryOptions{Transaction: tx})
	fmt.Println(errors.Is(err, sequelize.ErrTxDone))
	// Output:
	// true
}

func ExampleUniqueConstraintError() {
	ctx := context.Background()
	db := openExample()
	defer db.Close()

	_, _ = db.Query(ctx, "INSERT INTO users (username) VALUES ('ann')")
	_, err := db.Query(ctx, "INSERT INTO users (username) VALUES ('ann')")

	var uniq *sequelize.UniqueConstraintError
	if errors.As(err, &uniq) {
		fmt.Println(uniq.Table, uniq.Errors[0].Path, uniq.Errors[0].Type)
	}
	// A UniqueConstraintError is also a ValidationError and a BaseError.
	var verr *sequelize.ValidationError
	var base *sequelize.BaseError
	fmt.Println(errors.As(err, &verr), errors.As(err, &base), base.Name)
	// Output:
	// users username unique violation
	// true true SequelizeUniqueConstraintError
}

func ExampleOptions_logging() {
	ctx := context.Background()
	// Drop the time so the output is stable.
	h := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}})
	db, err := sequelize.Open(ctx, "sqlite::memory:", sequelize.Options{
		Logging:            slog.New(h),
		LogQueryParameters: true,
	})
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	_, _ = db.Query(ctx, "SELECT ? AS answer", sequelize.QueryOptions{Replacements: []any{42}})
	// Output:
	// level=INFO msg="sequelize: query" sql="SELECT ? AS answer" parameters=[42]
}
