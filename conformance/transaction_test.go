package conformance_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
)

// txUser is the 'user' model of transaction.test.js: {username, awesome}.
type txUser struct {
	ID        int64
	Username  string
	Awesome   bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

func txUsers(c *C, opts ...sequelize.ModelOptions) *sequelize.Model[txUser] {
	c.Helper()
	o := sequelize.ModelOptions{ModelName: "user"}
	if len(opts) > 0 {
		o = opts[0]
		o.ModelName = "user"
	}
	m := sequelize.Define[txUser](c.DB, o)
	c.Sync()
	return m
}

// txWaitForLockWait waits until a session of the case's database waits for
// a row lock, the deterministic form of the JS tests' delay() before
// checking that a statement is blocked; done is the blocked statement's
// result, which must not arrive meanwhile. MariaDB's INNODB_TRX does not
// always show a waiting locking read as LOCK WAIT, so after a second
// without seeing one the wait counts as started if done is still empty:
// a statement that was not blocked would have finished by then.
func txWaitForLockWait(c *C, done <-chan txDone) {
	c.Helper()
	var q string
	switch {
	case c.Dialect == "postgres":
		q = `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
	case c.MySQLFamily():
		q = `SELECT COUNT(*) AS n FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id WHERE t.trx_state = 'LOCK WAIT' AND p.DB = DATABASE()`
	default:
		c.Fatalf("txWaitForLockWait: no lock view on %s", c.Dialect)
	}
	deadline := time.Now().Add(time.Second)
	for {
		if len(done) > 0 {
			d := <-done
			c.Fatalf("the statement that should wait for a lock finished (err = %v)", d.err)
		}
		n, err := sequelize.QueryAs[int64](c.Ctx, c.DB, q)
		c.Must(err)
		if len(n) == 1 && n[0] > 0 || time.Now().After(deadline) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// txDone is the result of a statement run in a goroutine.
type txDone struct {
	err error
	at  int // the order in which it finished, from txSeq
}

// txSeq hands out increasing numbers, to compare when things happened.
type txSeq struct {
	mu sync.Mutex
	n  int
}

func (s *txSeq) next() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	return s.n
}

const txSelect = "SELECT 1+1 AS result"

var _ = listed(
	difference{
		File: "transaction.test.js", Title: "Transaction/constructor/stores options", Kind: goCannot,
		Why: "Go has no Transaction constructor: a *Tx exists only as DB.Begin or DB.Transaction returns it, begun with the TransactionOptions the caller holds.",
	},
	difference{
		File: "transaction.test.js", Title: "Transaction/commit/is a commit method available", Kind: goCannot,
		Why: "Whether a method exists is checked by the Go compiler, not at run time.",
	},
	difference{
		File: "transaction.test.js", Title: "Transaction/rollback/is a rollback method available", Kind: goCannot,
		Why: "Whether a method exists is checked by the Go compiler, not at run time.",
	},
	difference{
		File: "transaction.test.js", Title: "Transaction/should throw an error if an object is passed to afterCommit", Kind: goCannot,
		Why: "Tx.AfterCommit takes a func(context.Context): an object does not compile.",
	},
	difference{
		File: "transaction.test.js", Title: "Transaction/does not allow rollbacks after commit", Kind: deliberate,
		Instead: "Rollback after Commit is a no-op that returns nil (Commit after the end still fails with ErrTxDone).",
		Why:     "Go code ends a transaction with defer tx.Rollback(ctx) after an explicit Commit, as with database/sql; an error there would be noise on every successful path.",
	},
	difference{
		File: "transaction.test.js", Title: "Transaction/does not allow rollbacks after rollback", Kind: deliberate,
		Instead: "A second Rollback is a no-op that returns nil.",
		Why:     "The same defer tx.Rollback(ctx) idiom: a rollback after an explicit one must not fail.",
	},
	difference{
		File: "transaction.test.js", Title: "Transaction/fails with SQLITE_BUSY when retry.match is changed", Kind: deliberate, Dialects: "sqlite",
		Instead: "Concurrent EXCLUSIVE transactions queue for SQLite's single writer connection and both commit; there is no retry option and no SQLITE_BUSY to match.",
		Why:     "Writers queue in the pool instead of racing for the file lock, so no write fails with SQLITE_BUSY (which a deferred transaction upgrading to a write would hit whatever the busy timeout).",
	},
	difference{
		File: "transaction.test.js", Title: "Transaction/isolation levels/should read the most recent committed rows when using the READ COMMITTED isolation level", Kind: deliberate, Dialects: "sqlite",
		Instead: "On SQLite a write made outside a transaction while it is open waits for the single writer, which the transaction holds; with a deadline it fails instead of being seen inside the transaction.",
		Why:     "Sequelize's SQLite passes because its in-memory database has one connection, so the \"outside\" create runs inside the transaction; SQLite has no READ COMMITTED between connections (a WAL reader keeps its snapshot), and the Go package keeps one writer so that concurrent writers never fail with SQLITE_BUSY.",
	},
	difference{
		File: "transaction.test.js", Title: "Transaction/row locking/fail locking with outer joins", Kind: deliberate, Dialects: "postgres",
		Instead: "FindOne with Include and Lock succeeds on PostgreSQL: it locks the parent rows it reads.",
		Why:     "Includes are loaded with one query per level instead of a LEFT OUTER JOIN, so there is no nullable side of an outer join for FOR UPDATE to fail on.",
	},
)

func TestTransaction(t *testing.T) {
	js := port(t, "transaction.test.js")
	js.describe("Transaction", func(js *suite) {
		js.describe("constructor", func(js *suite) {
			js.cannot("stores options")
			js.it("generates an identifier", func(c *C) {
				tx, err := c.DB.Begin(c.Ctx)
				c.Must(err)
				defer tx.Rollback(c.Ctx)
				if tx.Name() == "" {
					c.Fatal("tx.Name() is empty")
				}
			})
			js.it("should call dialect specific generateTransactionId method", func(c *C) {
				c.File()
				t1, err := c.DB.Begin(c.Ctx, sequelize.TransactionOptions{ReadOnly: c.Dialect == "sqlite"})
				c.Must(err)
				defer t1.Rollback(c.Ctx)
				t2, err := c.DB.Begin(c.Ctx, sequelize.TransactionOptions{ReadOnly: c.Dialect == "sqlite"})
				c.Must(err)
				defer t2.Rollback(c.Ctx)
				if t1.Name() == "" || t1.Name() == t2.Name() {
					c.Fatalf("transaction ids %q and %q: want two distinct ids", t1.Name(), t2.Name())
				}
			})
		})
		js.describe("commit", func(js *suite) { js.cannot("is a commit method available") })
		js.describe("rollback", func(js *suite) { js.cannot("is a rollback method available") })

		js.describe("autoCallback", func(js *suite) {
			js.it("supports automatically committing", func(c *C) {
				users := txUsers(c)
				c.Must(c.DB.Transaction(c.Ctx, func(ctx context.Context, tx *sequelize.Tx) error {
					return users.Create(ctx, &txUser{Username: "jan"})
				}))
				n, err := users.Count(c.Ctx)
				c.Must(err)
				c.Eq("count", n, 1)
			})

			js.it("supports automatically rolling back with a thrown error", func(c *C) {
				users := txUsers(c)
				var t *sequelize.Tx
				func() {
					defer func() {
						if p := recover(); p != "Yolo" {
							c.Fatalf("recovered %v, want the panic to continue after the rollback", p)
						}
					}()
					_ = c.DB.Transaction(c.Ctx, func(ctx context.Context, tx *sequelize.Tx) error {
						t = tx
						c.Must(users.Create(ctx, &txUser{Username: "jan"}))
						panic("Yolo")
					})
				}()
				c.Eq("finished", t.Finished(), "rollback")
				n, err := users.Count(c.Ctx)
				c.Must(err)
				c.Eq("count", n, 0)
			})

			js.it("supports automatically rolling back with a rejection", func(c *C) {
				users := txUsers(c)
				var t *sequelize.Tx
				swag := errors.New("Swag")
				err := c.DB.Transaction(c.Ctx, func(ctx context.Context, tx *sequelize.Tx) error {
					t = tx
					c.Must(users.Create(ctx, &txUser{Username: "jan"}))
					return swag
				})
				if !errors.Is(err, swag) {
					c.Fatalf("err = %v, want the callback's error", err)
				}
				c.Eq("finished", t.Finished(), "rollback")
				n, err := users.Count(c.Ctx)
				c.Must(err)
				c.Eq("count", n, 0)
			})

			js.it("supports running hooks when a transaction is committed", func(c *C) {
				calls := 0
				var committed string
				var transaction *sequelize.Tx
				c.Must(c.DB.Transaction(c.Ctx, func(ctx context.Context, tx *sequelize.Tx) error {
					transaction = tx
					tx.AfterCommit(func(context.Context) { calls++; committed = transaction.Finished() })
					_, err := c.DB.Query(ctx, txSelect, sequelize.QueryOptions{Type: sequelize.QueryTypeSelect})
					return err
				}))
				c.Eq("hook calls", calls, 1)
				c.Eq("transaction state seen by the hook", committed, "commit")
			})

			js.it("does not run hooks when a transaction is rolled back", func(c *C) {
				calls := 0
				err := c.DB.Transaction(c.Ctx, func(ctx context.Context, tx *sequelize.Tx) error {
					tx.AfterCommit(func(context.Context) { calls++ })
					return errors.New("Rollback")
				})
				if err == nil {
					c.Fatal("Transaction returned nil, want the callback's error")
				}
				c.Eq("hook calls", calls, 0)
			})

			js.it("does not try to rollback a transaction that failed upon committing with SERIALIZABLE isolation level (#3689)", func(c *C) {
				c.Only("postgres")
				type dot struct {
					ID        int64
					Color     string
					CreatedAt time.Time
					UpdatedAt time.Time
				}
				dots := sequelize.Define[dot](c.DB, sequelize.ModelOptions{ModelName: "dots"})
				c.Sync()
				colors := strings.Fields("red green green red green red green green green red red red green red red red green red")
				var initial []*dot
				for _, col := range colors {
					initial = append(initial, &dot{Color: col})
				}
				c.Must(dots.BulkCreate(c.Ctx, initial))
				serializable := sequelize.TransactionOptions{IsolationLevel: sequelize.IsolationSerializable}

				firstUpdated := make(chan struct{})
				secondDone := make(chan error, 1)
				var first *sequelize.Tx
				firstErr := make(chan error, 1)
				go func() {
					firstErr <- c.DB.Transaction(c.Ctx, func(ctx context.Context, t *sequelize.Tx) error {
						first = t
						_, err := dots.Update(ctx, sequelize.Values{"color": "red"}, sequelize.UpdateOptions{Where: sequelize.Where{"color": "green"}})
						close(firstUpdated)
						if err != nil {
							return err
						}
						// commit only after the second transaction has committed
						return <-secondDone
					}, serializable)
				}()
				<-firstUpdated
				err := c.DB.Transaction(c.Ctx, func(ctx context.Context, t *sequelize.Tx) error {
					_, err := dots.Update(ctx, sequelize.Values{"color": "green"}, sequelize.UpdateOptions{Where: sequelize.Where{"color": "red"}})
					return err
				}, serializable)
				secondDone <- err
				c.Must(err)
				err = <-firstErr
				if err == nil || !strings.Contains(err.Error(), "could not serialize access due to read/write dependencies among transactions") {
					c.Fatalf("first transaction: err = %v, want the serialization failure of its COMMIT", err)
				}
				if strings.Contains(err.Error(), "ROLLBACK") || strings.Count(err.Error(), "\n") > 0 {
					c.Fatalf("first transaction: err = %q, want the COMMIT's error alone", err)
				}
				c.Eq("first transaction finished", first.Finished(), "commit")
				if got := c.Log.Count(`^ROLLBACK`); got != 0 {
					c.Fatalf("%d ROLLBACK statements were sent after the failed COMMIT: %s", got, c.Log)
				}
				red, err := dots.Count(c.Ctx, sequelize.CountOptions{Where: sequelize.Where{"color": "red"}})
				c.Must(err)
				green, err := dots.Count(c.Ctx, sequelize.CountOptions{Where: sequelize.Where{"color": "green"}})
				c.Must(err)
				c.Eq("red", red, 0)
				c.Eq("green", green, len(colors))
			})
		})

		txAfterEnd := func(c *C, end string) {
			t, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			_, err = c.DB.Query(c.Ctx, txSelect, sequelize.QueryOptions{Transaction: t})
			c.Must(err)
			if end == "commit" {
				c.Must(t.Commit(c.Ctx))
			} else {
				c.Must(t.Rollback(c.Ctx))
			}
			_, err = c.DB.Query(c.Ctx, txSelect, sequelize.QueryOptions{Transaction: t})
			if !errors.Is(err, sequelize.ErrTxDone) {
				c.Fatalf("query after %s: err = %v, want ErrTxDone", end, err)
			}
			want := end + " has been called on this transaction"
			if !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), txSelect) {
				c.Fatalf("query after %s: err = %q, want it to say %q and name the rejected query", end, err, want)
			}
		}
		js.it("does not allow queries after commit", func(c *C) { txAfterEnd(c, "commit") })
		js.it("does not allow queries immediately after commit call", func(c *C) { txAfterEnd(c, "commit") })
		js.it("does not allow queries after rollback", func(c *C) { txAfterEnd(c, "rollback") })

		js.it("should not rollback if connection was not acquired", func(c *C) {
			var never sequelize.Tx
			err := never.Rollback(c.Ctx)
			if err == nil || !strings.Contains(err.Error(), "never started") {
				c.Fatalf("Rollback of a Tx that was never begun: err = %v, want \"never started\"", err)
			}
			var base *sequelize.BaseError
			c.ErrAs(err, &base)
		})

		js.it("does not allow queries immediately after rollback call", func(c *C) { txAfterEnd(c, "rollback") })

		js.it("does not allow commits after commit", func(c *C) {
			t, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			c.Must(t.Commit(c.Ctx))
			err = t.Commit(c.Ctx)
			if !errors.Is(err, sequelize.ErrTxDone) || !strings.Contains(err.Error(), "commit has been called") {
				c.Fatalf("second Commit: err = %v, want ErrTxDone saying commit has been called", err)
			}
		})

		js.it("should run hooks if a non-auto callback transaction is committed", func(c *C) {
			t, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			defer t.Rollback(c.Ctx)
			calls := 0
			t.AfterCommit(func(context.Context) { calls++ })
			c.Must(t.Commit(c.Ctx))
			c.Eq("hook calls", calls, 1)
		})

		js.it("should not run hooks if a non-auto callback transaction is rolled back", func(c *C) {
			t, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			calls := 0
			t.AfterCommit(func(context.Context) { calls++ })
			c.Must(t.Rollback(c.Ctx))
			c.Eq("hook calls", calls, 0)
		})

		// null and undefined are both nil in Go.
		for _, title := range []string{"should throw an error if null is passed to afterCommit", "should throw an error if undefined is passed to afterCommit"} {
			js.it(title, func(c *C) {
				t, err := c.DB.Begin(c.Ctx)
				c.Must(err)
				defer t.Rollback(c.Ctx)
				func() {
					defer func() {
						p := recover()
						if p == nil || !strings.Contains(fmt.Sprint(p), "fn is nil") {
							c.Fatalf("AfterCommit(nil): recovered %v, want a panic saying fn is nil", p)
						}
					}()
					t.AfterCommit(nil)
				}()
				c.Must(t.Commit(c.Ctx)) // the transaction is unharmed
			})
		}
		js.cannot("should throw an error if an object is passed to afterCommit")

		js.it("does not allow commits after rollback", func(c *C) {
			t, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			c.Must(t.Rollback(c.Ctx))
			err = t.Commit(c.Ctx)
			if !errors.Is(err, sequelize.ErrTxDone) || !strings.Contains(err.Error(), "rollback has been called") {
				c.Fatalf("Commit after Rollback: err = %v, want ErrTxDone saying rollback has been called", err)
			}
		})

		js.differs("does not allow rollbacks after commit", func(c *C) {
			t, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			c.Must(t.Commit(c.Ctx))
			c.Log.Reset()
			c.Must(t.Rollback(c.Ctx))
			c.Eq("finished", t.Finished(), "commit")
			c.Eq("statements sent by the second call", len(c.Log.All()), 0)
		})

		js.differs("does not allow rollbacks after rollback", func(c *C) {
			t, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			c.Must(t.Rollback(c.Ctx))
			c.Log.Reset()
			c.Must(t.Rollback(c.Ctx))
			c.Eq("finished", t.Finished(), "rollback")
			c.Eq("statements sent by the second call", len(c.Log.All()), 0)
		})

		// transaction: null and undefined are both a nil Transaction option.
		for _, title := range []string{"works even if a transaction: null option is passed", "works even if a transaction: undefined option is passed"} {
			js.it(title, func(c *C) {
				t, err := c.DB.Begin(c.Ctx, sequelize.TransactionOptions{Transaction: nil})
				c.Must(err)
				if t.Parent() != nil {
					c.Fatal("Begin with a nil Transaction option made a savepoint")
				}
				c.Must(t.Commit(c.Ctx))
				stmts := c.Log.All()
				if len(stmts) < 2 || !strings.HasPrefix(stmts[0], "BEGIN") && !strings.HasPrefix(stmts[0], "START TRANSACTION") || stmts[len(stmts)-1] != "COMMIT" {
					c.Fatalf("statements = %q, want a transaction begun and committed", stmts)
				}
			})
		}

		// describe.skip('deadlock handling') is skipped in the JS suite too.

		js.it("provides persistent transactions", func(c *C) {
			c.Only("sqlite")
			c.File()
			users := sequelize.Define[txUser](c.DB, sequelize.ModelOptions{ModelName: "user"})
			t1, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			ctx1 := sequelize.ContextWithTx(c.Ctx, t1)
			c.Must(c.DB.Sync(ctx1))
			c.Must(users.Create(ctx1, &txUser{}))
			c.Must(t1.Commit(c.Ctx))
			persistent, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			list, err := users.FindAll(c.Ctx, sequelize.FindOptions{Transaction: persistent})
			c.Must(err)
			c.Eq("users", len(list), 1)
			c.Must(persistent.Commit(c.Ctx))
		})

		js.describe("transaction types", func(js *suite) {
			begin := func(c *C, typ sequelize.TransactionType, want string) {
				c.Only("sqlite")
				t, err := c.DB.Begin(c.Ctx, sequelize.TransactionOptions{Type: typ})
				c.Must(err)
				c.Must(t.Rollback(c.Ctx))
				if got := c.Log.All(); len(got) == 0 || got[0] != "BEGIN "+want+" TRANSACTION" {
					c.Fatalf("statements = %q, want BEGIN %s TRANSACTION first", got, want)
				}
			}
			js.it("should support default transaction type DEFERRED", func(c *C) { begin(c, sequelize.TransactionDefault, "DEFERRED") })
			for _, typ := range []sequelize.TransactionType{sequelize.TransactionDeferred, sequelize.TransactionImmediate, sequelize.TransactionExclusive} {
				js.it("should allow specification of "+typ.String()+" type", func(c *C) { begin(c, typ, typ.String()) })
			}
		})

		js.it("automatically retries on SQLITE_BUSY failure", func(c *C) {
			c.Only("sqlite")
			c.File()
			users := sequelize.Define[txUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
			c.Sync()
			var wg sync.WaitGroup
			errs := make([]error, 2)
			for i := range errs {
				wg.Go(func() {
					t, err := c.DB.Begin(c.Ctx, sequelize.TransactionOptions{Type: sequelize.TransactionExclusive})
					if err != nil {
						errs[i] = err
						return
					}
					if err := users.Create(c.Ctx, &txUser{}, sequelize.CreateOptions{Transaction: t}); err != nil {
						_ = t.Rollback(c.Ctx)
						errs[i] = err
						return
					}
					errs[i] = t.Commit(c.Ctx)
				})
			}
			wg.Wait()
			c.Must(errors.Join(errs...))
			list, err := users.FindAll(c.Ctx)
			c.Must(err)
			c.Eq("users", len(list), 2)
		})

		js.differs("fails with SQLITE_BUSY when retry.match is changed", func(c *C) {
			c.File()
			type busyUser struct {
				ID       int64 `sequelize:"primaryKey"`
				Username string
			}
			users := sequelize.Define[busyUser](c.DB, sequelize.ModelOptions{ModelName: "User", Timestamps: sequelize.Bool(false)})
			c.Sync()
			var wg sync.WaitGroup
			errs := make([]error, 2)
			for i := range errs {
				wg.Go(func() {
					errs[i] = c.DB.Transaction(c.Ctx, func(ctx context.Context, t *sequelize.Tx) error {
						return users.Create(ctx, &busyUser{ID: int64(i + 1), Username: "test " + t.Name()})
					}, sequelize.TransactionOptions{Type: sequelize.TransactionExclusive})
				})
			}
			wg.Wait()
			c.Must(errors.Join(errs...))
			n, err := users.Count(c.Ctx)
			c.Must(err)
			c.Eq("users", n, 2)
		})

		js.describe("isolation levels", func(js *suite) {
			js.differsOn("should read the most recent committed rows when using the READ COMMITTED isolation level", func(c *C) {
				c.File()
				users := txUsers(c)
				c.Must(c.DB.Transaction(c.Ctx, func(ctx context.Context, t *sequelize.Tx) error {
					users0, err := users.FindAll(ctx)
					c.Must(err)
					c.Eq("users before", len(users0), 0)
					if c.Dialect == "sqlite" {
						// the outer ctx does not carry the transaction, which
						// holds the single writer: the create waits for it
						short, cancel := context.WithTimeout(c.Ctx, 300*time.Millisecond)
						defer cancel()
						if err := users.Create(short, &txUser{Username: "jan"}); err == nil {
							c.Fatal("a write outside the open transaction succeeded on SQLite")
						}
						return nil
					}
					c.Must(users.Create(c.Ctx, &txUser{Username: "jan"})) // outside the transaction
					list, err := users.FindAll(ctx)
					c.Must(err)
					c.Eq("users after", len(list), 1)
					return nil
				}, sequelize.TransactionOptions{IsolationLevel: sequelize.IsolationReadCommitted}))
			})

			js.it("should not read newly committed rows when using the REPEATABLE READ isolation level", func(c *C) {
				c.Not("sqlite")
				users := txUsers(c)
				c.Must(c.DB.Transaction(c.Ctx, func(ctx context.Context, t *sequelize.Tx) error {
					users0, err := users.FindAll(ctx)
					c.Must(err)
					c.Eq("users before", len(users0), 0)
					c.Must(users.Create(c.Ctx, &txUser{Username: "jan"})) // outside the transaction
					list, err := users.FindAll(ctx)
					c.Must(err)
					c.Eq("users after", len(list), 0)
					return nil
				}, sequelize.TransactionOptions{IsolationLevel: sequelize.IsolationRepeatableRead}))
			})

			js.it("should block updates after reading a row using SERIALIZABLE", func(c *C) {
				c.Not("sqlite", "postgres")
				users := txUsers(c)
				c.Must(users.Create(c.Ctx, &txUser{Username: "jan"}))
				t, err := c.DB.Begin(c.Ctx, sequelize.TransactionOptions{IsolationLevel: sequelize.IsolationSerializable})
				c.Must(err)
				defer t.Rollback(c.Ctx)
				_, err = users.FindAll(c.Ctx, sequelize.FindOptions{Transaction: t})
				c.Must(err)
				var seq txSeq
				done := make(chan txDone, 1)
				go func() {
					_, err := users.Update(c.Ctx, sequelize.Values{"username": "joe"}, sequelize.UpdateOptions{Where: sequelize.Where{"username": "jan"}})
					done <- txDone{err, seq.next()}
				}()
				txWaitForLockWait(c, done)
				committed := seq.next()
				c.Must(t.Commit(c.Ctx))
				d := <-done
				c.Must(d.err)
				if d.at < committed {
					c.Fatal("the update finished before the SERIALIZABLE transaction committed")
				}
				c.Eq("finished", t.Finished(), "commit")
			})
		})

		js.describe("row locking", func(js *suite) {
			js.it("supports for update", func(c *C) {
				c.Not("sqlite")
				users := txUsers(c)
				c.Must(users.Create(c.Ctx, &txUser{Username: "jan"}))
				t1, err := c.DB.Begin(c.Ctx)
				c.Must(err)
				defer t1.Rollback(c.Ctx)
				t1Jan, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "jan"}, Lock: sequelize.LockUpdate, Transaction: t1})
				c.Must(err)
				t2, err := c.DB.Begin(c.Ctx, sequelize.TransactionOptions{IsolationLevel: sequelize.IsolationReadCommitted})
				c.Must(err)
				defer t2.Rollback(c.Ctx)
				var seq txSeq
				done := make(chan txDone, 1)
				go func() {
					_, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "jan"}, Lock: sequelize.LockUpdate, Transaction: t2})
					at := seq.next()
					if err == nil {
						err = t2.Commit(c.Ctx)
					}
					done <- txDone{err, at}
				}()
				txWaitForLockWait(c, done)
				t1Jan.Awesome = true
				c.Must(users.Save(c.Ctx, t1Jan, sequelize.SaveOptions{Transaction: t1}))
				t1Spy := seq.next()
				c.Must(t1.Commit(c.Ctx))
				d := <-done
				c.Must(d.err)
				if d.at < t1Spy {
					c.Fatal("t2's FOR UPDATE read finished before t1 committed")
				}
			})

			js.it("supports for update with skip locked", func(c *C) {
				c.Only("postgres")
				users := txUsers(c)
				c.Must(users.BulkCreate(c.Ctx, []*txUser{{Username: "jan"}, {Username: "joe"}}))
				t1, err := c.DB.Begin(c.Ctx)
				c.Must(err)
				defer t1.Rollback(c.Ctx)
				first, err := users.FindAll(c.Ctx, sequelize.FindOptions{Limit: 1, Lock: sequelize.LockUpdate, Transaction: t1})
				c.Must(err)
				t2, err := c.DB.Begin(c.Ctx)
				c.Must(err)
				defer t2.Rollback(c.Ctx)
				second, err := users.FindAll(c.Ctx, sequelize.FindOptions{Limit: 1, Lock: sequelize.LockUpdate, SkipLocked: true, Transaction: t2})
				c.Must(err)
				if len(first) != 1 || len(second) != 1 || first[0].ID == second[0].ID {
					c.Fatalf("first %v, second %v: want two different rows", first, second)
				}
				c.Must(t1.Commit(c.Ctx))
				c.Must(t2.Commit(c.Ctx))
			})

			js.differsOn("fail locking with outer joins", func(c *C) {
				c.Not("sqlite")
				users, tasks, userTasks := txUsersTasks(c, "Users")
				john := &txLockUser{Username: "John"}
				c.Must(users.Create(c.Ctx, john))
				task1 := &txLockTask{Title: "Get rich"}
				c.Must(tasks.Create(c.Ctx, task1))
				c.Must(userTasks.Set(c.Ctx, john, []*txLockTask{task1}))
				c.Must(c.DB.Transaction(c.Ctx, func(ctx context.Context, t1 *sequelize.Tx) error {
					u, err := users.FindOne(ctx, sequelize.FindOptions{
						Where:   sequelize.Where{"username": "John"},
						Include: []sequelize.Include{{Association: userTasks}},
						Lock:    sequelize.LockUpdate,
					})
					if err != nil {
						return err
					}
					if u == nil || len(u.Tasks) != 1 {
						c.Fatalf("found %+v, want John with his task", u)
					}
					return nil
				}))
			})

			js.it("supports for update of table", func(c *C) {
				c.Only("postgres")
				users, tasks, userTasks := txUsersTasks(c, "Person")
				john := &txLockUser{Username: "John"}
				c.Must(users.Create(c.Ctx, john))
				task1 := &txLockTask{Title: "Get rich"}
				c.Must(tasks.BulkCreate(c.Ctx, []*txLockTask{task1, {Title: "Die trying"}}))
				c.Must(userTasks.Set(c.Ctx, john, []*txLockTask{task1}))
				c.Must(c.DB.Transaction(c.Ctx, func(ctx context.Context, t1 *sequelize.Tx) error {
					t1John, err := users.FindOne(ctx, sequelize.FindOptions{
						Where:   sequelize.Where{"username": "John"},
						Include: []sequelize.Include{{Association: userTasks}},
						Lock:    sequelize.LockUpdate,
					})
					c.Must(err)
					// should not be blocked by the lock of the other transaction
					short, cancel := context.WithTimeout(c.Ctx, 10*time.Second)
					defer cancel()
					c.Must(c.DB.Transaction(short, func(ctx context.Context, t2 *sequelize.Tx) error {
						_, err := tasks.Update(ctx, sequelize.Values{"active": true}, sequelize.UpdateOptions{Where: sequelize.Where{"active": false}})
						return err
					}))
					return users.Save(ctx, t1John)
				}))
			})

			js.it("supports for key share", func(c *C) {
				c.Only("postgres")
				users := txUsers(c)
				c.Must(users.Create(c.Ctx, &txUser{Username: "jan"}))
				t1, err := c.DB.Begin(c.Ctx)
				c.Must(err)
				defer t1.Rollback(c.Ctx)
				t1Jan, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "jan"}, Lock: sequelize.LockNoKeyUpdate, Transaction: t1})
				c.Must(err)
				t2, err := c.DB.Begin(c.Ctx)
				c.Must(err)
				defer t2.Rollback(c.Ctx)
				// KEY SHARE does not conflict with NO KEY UPDATE: t2 reads
				// and commits while t1 still holds its lock
				_, err = users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "jan"}, Lock: sequelize.LockKeyShare, Transaction: t2})
				c.Must(err)
				c.Must(t2.Commit(c.Ctx))
				t1Jan.Awesome = true
				c.Must(users.Save(c.Ctx, t1Jan, sequelize.SaveOptions{Transaction: t1}))
				c.Must(t1.Commit(c.Ctx))
			})

			js.it("supports for share (i.e. `SELECT ... LOCK IN SHARE MODE`)", func(c *C) {
				c.Not("sqlite")
				users := txUsers(c, sequelize.ModelOptions{Timestamps: sequelize.Bool(false)})
				for range 3 {
					jan := &txUser{Username: "jan"}
					c.Must(users.Create(c.Ctx, jan))
					t1, err := c.DB.Begin(c.Ctx)
					c.Must(err)
					_, err = users.FindByPK(c.Ctx, jan.ID, sequelize.FindOptions{Lock: sequelize.LockShare, Transaction: t1})
					c.Must(err)
					t2, err := c.DB.Begin(c.Ctx, sequelize.TransactionOptions{IsolationLevel: sequelize.IsolationReadCommitted})
					c.Must(err)
					t2Jan, err := users.FindByPK(c.Ctx, jan.ID, sequelize.FindOptions{Transaction: t2})
					c.Must(err)
					var seq txSeq
					done := make(chan txDone, 1)
					go func() {
						t2Jan.Awesome = true
						err := users.Save(c.Ctx, t2Jan, sequelize.SaveOptions{Transaction: t2})
						done <- txDone{err, seq.next()}
					}()
					txWaitForLockWait(c, done)
					_, err = users.FindAll(c.Ctx, sequelize.FindOptions{Transaction: t1})
					c.Must(err)
					t1Committed := seq.next()
					c.Must(t1.Commit(c.Ctx))
					d := <-done
					c.Must(d.err)
					if d.at < t1Committed {
						c.Fatal("t2's update finished before t1 released its share lock")
					}
					c.Must(t2.Commit(c.Ctx))
					c.Eq("t1", t1.Finished(), "commit")
					c.Eq("t2", t2.Finished(), "commit")
				}
			})
		})
	})
}

// txLockUser and txLockTask are the User and Task of the row-locking cases,
// associated through UserTasks.
type txLockUser struct {
	ID        int64
	Username  string
	Tasks     []*txLockTask
	CreatedAt time.Time
	UpdatedAt time.Time
}

type txLockTask struct {
	ID        int64
	Title     string
	Active    bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

func txUsersTasks(c *C, table string) (*sequelize.Model[txLockUser], *sequelize.Model[txLockTask], *sequelize.BelongsToManyAssociation[txLockUser, txLockTask]) {
	c.Helper()
	users := sequelize.Define[txLockUser](c.DB, sequelize.ModelOptions{ModelName: "User", TableName: table})
	tasks := sequelize.Define[txLockTask](c.DB, sequelize.ModelOptions{ModelName: "Task"})
	ut := sequelize.BelongsToMany(users, tasks, sequelize.BelongsToManyOptions{Through: "UserTasks"})
	sequelize.BelongsToMany(tasks, users, sequelize.BelongsToManyOptions{Through: "UserTasks"})
	c.Sync()
	return users, tasks, ut
}
