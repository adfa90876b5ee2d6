package conformance_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
)

// txFailOn makes every statement equal to stmt fail with err, through a
// BeforeQuery hook: the Go form of the JS tests' sinon stub of
// queryInterface.commitTransaction / rollbackTransaction.
func txFailOn(c *C, stmt string, err error) {
	c.DB.AddHook(sequelize.BeforeQuery, "fail-"+stmt, func(ctx context.Context, e *sequelize.GlobalHookEvent) error {
		if e.SQL == stmt {
			return err
		}
		return nil
	})
}

// txPoolNotPolluted runs a transaction whose end (COMMIT or ROLLBACK) fails
// and checks that its connection left the pool and that the pool still works.
func txPoolNotPolluted(c *C, stmt string, end func(*sequelize.Tx) error) {
	c.Not("sqlite")
	// one idle connection first, as after the JS suite's earlier queries
	_, err := c.DB.Query(c.Ctx, txSelect)
	c.Must(err)
	initial := c.DB.Stats().Open
	ohNo := errors.New("Oh no, an error!")
	txFailOn(c, stmt, ohNo)
	t, err := c.DB.Begin(c.Ctx)
	c.Must(err)
	if err := end(t); !errors.Is(err, ohNo) {
		c.Fatalf("%s: err = %v, want the hook's error", stmt, err)
	}
	c.DB.RemoveHook(sequelize.BeforeQuery, "fail-"+stmt)
	// pgxpool destroys a closed connection in the background: wait for it
	want := max(0, initial-1)
	for deadline := time.Now().Add(5 * time.Second); c.DB.Stats().Open != want && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
	if got := c.DB.Stats().Open; got != want {
		c.Fatalf("open connections after the failed %s = %d, want %d (the connection destroyed)", stmt, got, want)
	}
	_, err = c.DB.Query(c.Ctx, txSelect)
	c.Must(err)
}

func TestSequelizeTransaction(t *testing.T) {
	js := port(t, "sequelize.transaction.test.js")
	js.describe("Sequelize#transaction", func(js *suite) {
		js.describe("Transaction#commit", func(js *suite) {
			js.it("returns a promise that resolves once the transaction has been committed", func(c *C) {
				t, err := c.DB.Begin(c.Ctx)
				c.Must(err)
				c.Must(t.Commit(c.Ctx))
				c.Eq("finished", t.Finished(), "commit")
			})
			js.it("does not pollute the pool with broken connections if commit fails", func(c *C) {
				txPoolNotPolluted(c, "COMMIT", func(t *sequelize.Tx) error { return t.Commit(c.Ctx) })
			})
		})

		js.describe("Transaction#rollback", func(js *suite) {
			js.it("returns a promise that resolves once the transaction has been rolled back", func(c *C) {
				t, err := c.DB.Begin(c.Ctx)
				c.Must(err)
				c.Must(t.Rollback(c.Ctx))
				c.Eq("finished", t.Finished(), "rollback")
			})
			js.it("does not pollute the pool with broken connections if the rollback fails", func(c *C) {
				txPoolNotPolluted(c, "ROLLBACK", func(t *sequelize.Tx) error { return t.Rollback(c.Ctx) })
			})
		})

		js.it("works for long running transactions", func(c *C) {
			c.Not("sqlite")
			type user struct {
				ID   int64
				Name string
			}
			users := sequelize.Define[user](c.DB, sequelize.ModelOptions{ModelName: "User", Timestamps: sequelize.Bool(false)})
			c.Sync()
			t, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			defer t.Rollback(c.Ctx)
			sleep := "SELECT SLEEP(0.5)"
			if c.Dialect == "postgres" {
				sleep = "SELECT pg_sleep(0.5)"
			}
			_, err = c.DB.Query(c.Ctx, sleep, sequelize.QueryOptions{Transaction: t})
			c.Must(err)
			c.Must(users.Create(c.Ctx, &user{Name: "foo"}))
			_, err = c.DB.Query(c.Ctx, sleep, sequelize.QueryOptions{Transaction: t})
			c.Must(err)
			c.Must(t.Commit(c.Ctx))
			list, err := users.FindAll(c.Ctx)
			c.Must(err)
			if len(list) != 1 || list[0].Name != "foo" {
				c.Fatalf("users = %+v, want foo", list)
			}
		})

		js.describe("complex long running example", func(js *suite) {
			js.it("works with promise syntax", func(c *C) {
				c.File()
				type test struct {
					ID        int64 `sequelize:"primaryKey;autoIncrement"`
					Name      string
					CreatedAt time.Time
					UpdatedAt time.Time
				}
				tests := sequelize.Define[test](c.DB, sequelize.ModelOptions{ModelName: "Test"})
				c.Sync()
				t, err := c.DB.Begin(c.Ctx)
				c.Must(err)
				c.Must(tests.Create(c.Ctx, &test{Name: "Peter"}, sequelize.CreateOptions{Transaction: t}))
				time.Sleep(100 * time.Millisecond)
				c.Must(t.Commit(c.Ctx))
				n, err := tests.Count(c.Ctx)
				c.Must(err)
				c.Eq("count", n, 1)
			})
		})

		js.describe("concurrency: having tables with uniqueness constraints", func(js *suite) {
			js.it("triggers the error event for the second transactions", func(c *C) {
				c.File()
				type model struct {
					ID   int64
					Name string `sequelize:"unique"`
				}
				models := sequelize.Define[model](c.DB, sequelize.ModelOptions{ModelName: "Model", Timestamps: sequelize.Bool(false)})
				c.Sync()
				t1, err := c.DB.Begin(c.Ctx)
				c.Must(err)
				defer t1.Rollback(c.Ctx)
				c.Must(models.Create(c.Ctx, &model{Name: "omnom"}, sequelize.CreateOptions{Transaction: t1}))
				second := make(chan error, 1)
				go func() {
					// on SQLite the second transaction waits for the writer
					// that t1 holds; elsewhere its insert waits for t1's row
					t2, err := c.DB.Begin(c.Ctx)
					if err != nil {
						second <- err
						return
					}
					err = models.Create(c.Ctx, &model{Name: "omnom"}, sequelize.CreateOptions{Transaction: t2})
					_ = t2.Rollback(c.Ctx)
					second <- err
				}()
				time.Sleep(100 * time.Millisecond)
				c.Must(t1.Commit(c.Ctx))
				var uniq *sequelize.UniqueConstraintError
				c.ErrAs(<-second, &uniq)
			})
		})
	})
}
