package conformance_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/datatypes"
	"github.com/gosequelize/sequelize/op"
)

// mwUser is the User model of model/create.test.js and
// model/bulk-create.test.js: nullable columns are pointers, so that an
// attribute left unset is stored as NULL, as in Sequelize.
type mwUser struct {
	ID          int64
	Username    string
	SecretValue *string
	Data        *string
	IntVal      *int64
	TheDate     *time.Time
	ABool       *bool
	UniqueName  *string `sequelize:"unique"`
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// mwAccount is the Account model of model/create.test.js.
type mwAccount struct {
	ID          int64
	AccountName string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// mwStudent is the Student model of model/create.test.js: name is NOT
// NULL, and nil is what Sequelize's unset attribute is.
type mwStudent struct {
	No        int64   `sequelize:"primaryKey"`
	Name      *string `sequelize:"allowNull:false"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

// mwCreateModels are the models the beforeEach of model/create.test.js
// defines.
type mwCreateModels struct {
	users    *sequelize.Model[mwUser]
	accounts *sequelize.Model[mwAccount]
	students *sequelize.Model[mwStudent]
}

// mwCreateSetup is the file's beforeEach: prepareTransactionTest (a
// database file on SQLite, so that reads outside a write transaction
// work), then User, Account and Student, synced.
func mwCreateSetup(c *C) mwCreateModels {
	c.Helper()
	c.File()
	m := mwCreateModels{
		users:    sequelize.Define[mwUser](c.DB, sequelize.ModelOptions{ModelName: "User"}),
		accounts: sequelize.Define[mwAccount](c.DB, sequelize.ModelOptions{ModelName: "Account"}),
		students: sequelize.Define[mwStudent](c.DB, sequelize.ModelOptions{ModelName: "Student"}),
	}
	c.Sync()
	return m
}

// mwStr returns a pointer to s: a value for a nullable string attribute.
func mwStr(s string) *string { return &s }

// mwInt returns a pointer to n.
func mwInt(n int64) *int64 { return &n }

// mwUniqueUser is the model of the findOrCreate cases with two unique
// attributes (objectId, username).
type mwUniqueUser struct {
	ID        int64
	ObjectID  *string `sequelize:"unique"`
	Username  *string `sequelize:"unique"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

// mwCompanyUser has the composite unique key (email, companyId) of the
// deadlock cases.
type mwCompanyUser struct {
	ID        int64
	Email     string `sequelize:"unique:company_user_email"`
	CompanyID int64  `sequelize:"unique:company_user_email"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

// mwRecorder is a logger that records the statements of one call (a
// Sequelize logging option).
func mwRecorder() (*slog.Logger, *stmtLog) {
	l := &stmtLog{}
	return slog.New(l), l
}

var _ = listed(
	difference{
		File: "model/create.test.js", Title: "findOrCreate/should error correctly when defaults contain a unique key and a non-existent field", Kind: deliberate,
		Instead: "FindOrCreate fails with a *QueryError naming the unknown attribute in Defaults, before any query.",
		Why:     "Sequelize logs a warning and drops the unknown attributes; a value the caller gave is stored or the call fails, never silently dropped.",
	},
	difference{
		File: "model/create.test.js", Title: "findOrCreate/several concurrent calls/works with a transaction", Kind: deliberate,
		Instead: "The two FindOrCreate calls in one transaction run one after the other: one creates the row and the other finds it, with the same id.",
		Why:     "A Tx is used by one goroutine at a time (see Tx): its statements share one connection, which Sequelize serialises for the caller and Go leaves to the caller.",
	},
	difference{
		File: "model/create.test.js", Title: "findCreateFind/should work with multiple concurrent calls within a transaction", Kind: deliberate,
		Instead: "The three FindCreateFind calls in one transaction run one after the other: the first creates the row, the others find it.",
		Why:     "A Tx is used by one goroutine at a time (see Tx): its statements share one connection, which Sequelize serialises for the caller and Go leaves to the caller.",
	},
)

func TestModelCreate(t *testing.T) {
	js := port(t, "model/create.test.js")

	js.describe("findOrCreate", func(js *suite) {
		js.it("supports transactions", func(c *C) {
			m := mwCreateSetup(c)
			tx, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			defer tx.Rollback(c.Ctx)
			_, _, err = m.users.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{
				Where: sequelize.Where{"username": "Username"}, Defaults: sequelize.Values{"data": "some data"}, Transaction: tx})
			c.Must(err)
			n, err := m.users.Count(c.Ctx)
			c.Must(err)
			c.Eq("count outside the transaction", n, 0)
			c.Must(tx.Commit(c.Ctx))
			n, err = m.users.Count(c.Ctx)
			c.Must(err)
			c.Eq("count after commit", n, 1)
		})

		js.it("supports more than one models per transaction", func(c *C) {
			m := mwCreateSetup(c)
			tx, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			defer tx.Rollback(c.Ctx)
			_, created, err := m.users.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{
				Where: sequelize.Where{"username": "Username"}, Defaults: sequelize.Values{"data": "some data"}, Transaction: tx})
			c.Must(err)
			c.Eq("user created", created, true)
			_, created, err = m.accounts.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{
				Where: sequelize.Where{"accountName": "accountName"}, Transaction: tx})
			c.Must(err)
			c.Eq("account created", created, true)
			c.Must(tx.Commit(c.Ctx))
			n, err := m.accounts.Count(c.Ctx)
			c.Must(err)
			c.Eq("accounts", n, 1)
		})

		uniqueDefaults := func(c *C) *sequelize.Model[mwUniqueUser] {
			mwCreateSetup(c)
			users := sequelize.Define[mwUniqueUser](c.DB, sequelize.ModelOptions{ModelName: "user"})
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			c.Must(users.Create(c.Ctx, &mwUniqueUser{Username: mwStr("gottlieb")}))
			return users
		}

		js.it("should error correctly when defaults contain a unique key", func(c *C) {
			c.Bug("FindOrCreate whose Defaults collide with a unique key gives an untyped error")
			users := uniqueDefaults(c)
			_, _, err := users.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{
				Where: sequelize.Where{"objectId": "asdasdasd"}, Defaults: sequelize.Values{"username": "gottlieb"}})
			var uniq *sequelize.UniqueConstraintError
			c.ErrAs(err, &uniq)
		})

		js.differs("should error correctly when defaults contain a unique key and a non-existent field", func(c *C) {
			users := uniqueDefaults(c)
			_, _, err := users.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{
				Where:    sequelize.Where{"objectId": "asdasdasd"},
				Defaults: sequelize.Values{"username": "gottlieb", "foo": "bar", "bar": 121}})
			var qe *sequelize.QueryError
			c.ErrAs(err, &qe)
			if !strings.Contains(err.Error(), `"foo"`) && !strings.Contains(err.Error(), `"bar"`) {
				c.Fatalf("err = %v, want it to name the unknown attribute", err)
			}
			n, err := users.Count(c.Ctx)
			c.Must(err)
			c.Eq("rows", n, 1)
		})

		js.it("should error correctly when defaults contain a unique key and the where clause is complex", func(c *C) {
			c.Bug("FindOrCreateOptions.Where is a Where map: op.Or cannot be given (Sequelize takes any where); and Defaults colliding with a unique key give an untyped error")
			users := uniqueDefaults(c)
			_, _, err := users.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{
				// Where: op.Or(sequelize.Where{"objectId": "asdasdasd1"}, sequelize.Where{"objectId": "asdasdasd2"}),
				Defaults: sequelize.Values{"username": "gottlieb"}})
			var uniq *sequelize.UniqueConstraintError
			c.ErrAs(err, &uniq)
			if len(uniq.Errors) == 0 || uniq.Errors[0].Path == "" {
				c.Fatalf("errors = %+v, want a path", uniq.Errors)
			}
		})

		js.it("should work with empty uuid primary key in where", func(c *C) {
			type mwUUIDUser struct {
				ID        string `sequelize:"type:UUID;primaryKey;allowNull:false;defaultValue:UUIDV4"`
				Name      string
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			c.File()
			users := sequelize.Define[mwUUIDUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
			c.Sync()
			name := fmt.Sprint(rand.Float64())
			u, created, err := users.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{
				Where: sequelize.Where{}, Defaults: sequelize.Values{"name": name}})
			c.Must(err)
			c.Eq("created", created, true)
			c.Eq("name", u.Name, name)
			if u.ID == "" {
				c.Fatal("id is empty")
			}
		})

		deadlockModel := func(c *C) *sequelize.Model[mwCompanyUser] {
			mwCreateSetup(c)
			users := sequelize.Define[mwCompanyUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			return users
		}
		findOrCreateAll := func(c *C, users *sequelize.Model[mwCompanyUser], where func(i int) sequelize.Where) {
			c.Helper()
			var wg sync.WaitGroup
			errs := make([]error, 50)
			for i := range 50 {
				wg.Go(func() {
					_, _, errs[i] = users.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{Where: where(i)})
				})
			}
			wg.Wait()
			for _, err := range errs {
				c.Must(err)
			}
		}

		js.it("should not deadlock with no existing entries and no outer transaction", func(c *C) {
			c.Not("sqlite")
			users := deadlockModel(c)
			findOrCreateAll(c, users, func(i int) sequelize.Where {
				return sequelize.Where{"email": fmt.Sprintf("unique.email.%d@sequelizejs.com", i), "companyId": rand.IntN(5)}
			})
			n, err := users.Count(c.Ctx)
			c.Must(err)
			c.Eq("rows", n, 50)
		})

		js.it("should not deadlock with existing entries and no outer transaction", func(c *C) {
			c.Not("sqlite")
			users := deadlockModel(c)
			where := func(i int) sequelize.Where {
				return sequelize.Where{"email": fmt.Sprintf("unique.email.%d@sequelizejs.com", i), "companyId": 2}
			}
			findOrCreateAll(c, users, where)
			findOrCreateAll(c, users, where)
			n, err := users.Count(c.Ctx)
			c.Must(err)
			c.Eq("rows", n, 50)
		})

		js.it("should not deadlock with concurrency duplicate entries and no outer transaction", func(c *C) {
			c.Not("sqlite")
			users := deadlockModel(c)
			findOrCreateAll(c, users, func(int) sequelize.Where {
				return sequelize.Where{"email": "unique.email.1@sequelizejs.com", "companyId": 2}
			})
			n, err := users.Count(c.Ctx)
			c.Must(err)
			c.Eq("rows", n, 1)
		})

		js.it("should support special characters in defaults", func(c *C) {
			type mwSpecial struct {
				ID          int64
				ObjectID    int64  `sequelize:"unique"`
				Description string `sequelize:"type:TEXT"`
				CreatedAt   time.Time
				UpdatedAt   time.Time
			}
			mwCreateSetup(c)
			users := sequelize.Define[mwSpecial](c.DB, sequelize.ModelOptions{ModelName: "user"})
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			const text = `$$ and !! and :: and ? and ^ and * and '`
			_, created, err := users.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{
				Where: sequelize.Where{"objectId": 1}, Defaults: sequelize.Values{"description": text}})
			c.Must(err)
			c.Eq("created", created, true)
			got, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"objectId": 1}})
			c.Must(err)
			c.Eq("description", got.Description, text)
		})

		js.it("should support bools in defaults", func(c *C) {
			type mwBoolUser struct {
				ID        int64
				ObjectID  int64 `sequelize:"unique"`
				Bool      *bool
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			mwCreateSetup(c)
			users := sequelize.Define[mwBoolUser](c.DB, sequelize.ModelOptions{ModelName: "user"})
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			u, created, err := users.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{
				Where: sequelize.Where{"objectId": 1}, Defaults: sequelize.Values{"bool": false}})
			c.Must(err)
			c.Eq("created", created, true)
			if u.Bool == nil || *u.Bool {
				c.Fatalf("bool = %v, want false", u.Bool)
			}
		})

		js.it("returns instance if already existent. Single find field.", func(c *C) {
			m := mwCreateSetup(c)
			user := &mwUser{Username: "Username"}
			c.Must(m.users.Create(c.Ctx, user))
			got, created, err := m.users.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{"username": user.Username}})
			c.Must(err)
			c.Eq("id", got.ID, user.ID)
			c.Eq("username", got.Username, "Username")
			c.Eq("created", created, false)
		})

		js.it("Returns instance if already existent. Multiple find fields.", func(c *C) {
			m := mwCreateSetup(c)
			user := &mwUser{Username: "Username", Data: mwStr("ThisIsData")}
			c.Must(m.users.Create(c.Ctx, user))
			got, created, err := m.users.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{
				Where: sequelize.Where{"username": "Username", "data": "ThisIsData"}})
			c.Must(err)
			c.Eq("id", got.ID, user.ID)
			c.Eq("username", got.Username, "Username")
			c.Eq("data", *got.Data, "ThisIsData")
			c.Eq("created", created, false)
		})

		js.it("does not include exception catcher in response", func(c *C) {
			// The JS case checks that no internal marker leaks into the
			// instance's values; a Go struct has only its fields, so what
			// is left to observe is that both calls return the row.
			m := mwCreateSetup(c)
			where := sequelize.Where{"username": "Username", "data": "ThisIsData"}
			u0, created, err := m.users.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{Where: where, Defaults: sequelize.Values{}})
			c.Must(err)
			c.Eq("first created", created, true)
			u1, created, err := m.users.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{Where: where, Defaults: sequelize.Values{}})
			c.Must(err)
			c.Eq("second created", created, false)
			c.Eq("id", u1.ID, u0.ID)
			c.Eq("data", *u1.Data, "ThisIsData")
		})

		js.it("creates new instance with default value.", func(c *C) {
			m := mwCreateSetup(c)
			u, created, err := m.users.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{
				Where: sequelize.Where{"username": "Username"}, Defaults: sequelize.Values{"data": "ThisIsData"}})
			c.Must(err)
			c.Eq("username", u.Username, "Username")
			c.Eq("data", *u.Data, "ThisIsData")
			c.Eq("created", created, true)
		})

		js.it("supports .or() (only using default values)", func(c *C) {
			c.Bug("FindOrCreateOptions.Where is a Where map: op.Or cannot be given (Sequelize takes any where)")
			m := mwCreateSetup(c)
			u, created, err := m.users.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{
				// Where: op.Or(sequelize.Where{"username": "Fooobzz"}, sequelize.Where{"secretValue": "Yolo"}),
				Defaults: sequelize.Values{"username": "Fooobzz", "secretValue": "Yolo"}})
			c.Must(err)
			c.Eq("username", u.Username, "Fooobzz")
			c.Eq("secretValue", *u.SecretValue, "Yolo")
			c.Eq("created", created, true)
		})

		js.it("should ignore option returning", func(c *C) {
			// FindOrCreateOptions has no Returning to ignore: the case is
			// that the created row comes back whole.
			m := mwCreateSetup(c)
			u, created, err := m.users.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{
				Where: sequelize.Where{"username": "Username"}, Defaults: sequelize.Values{"data": "ThisIsData"}})
			c.Must(err)
			c.Eq("username", u.Username, "Username")
			c.Eq("data", *u.Data, "ThisIsData")
			c.Eq("created", created, true)
		})

		js.it("should release transaction when meeting errors", func(c *C) {
			m := mwCreateSetup(c)
			for range 11 {
				ctx, cancel := context.WithTimeout(c.Ctx, 5*time.Second)
				_, _, err := m.students.FindOrCreate(ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{"no": 1}})
				cancel()
				var ve *sequelize.ValidationError
				c.ErrAs(err, &ve)
			}
			n, err := m.students.Count(c.Ctx)
			c.Must(err)
			c.Eq("students", n, 0)
		})

		js.describe("several concurrent calls", func(js *suite) {
			js.differs("works with a transaction", func(c *C) {
				m := mwCreateSetup(c)
				tx, err := c.DB.Begin(c.Ctx)
				c.Must(err)
				defer tx.Rollback(c.Ctx)
				first, firstCreated, err := m.users.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{"uniqueName": "winner"}, Transaction: tx})
				c.Must(err)
				second, secondCreated, err := m.users.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{"uniqueName": "winner"}, Transaction: tx})
				c.Must(err)
				c.Eq("first created", firstCreated, true)
				c.Eq("second created", secondCreated, false)
				c.Eq("same id", second.ID, first.ID)
				c.Must(tx.Commit(c.Ctx))
			})

			js.it("should not fail silently with concurrency higher than pool, a unique constraint and a create hook resulting in mismatched values", func(c *C) {
				c.Not("sqlite")
				c.Bug("FindOrCreate runs no create hooks (BeforeCreate/AfterCreate), and a row its Where does not find again gives an untyped error")
				type mwTrimUser struct {
					ID        int64
					Username  string `sequelize:"unique;field:user_name"`
					CreatedAt time.Time
					UpdatedAt time.Time
				}
				mwCreateSetup(c)
				users := sequelize.Define[mwTrimUser](c.DB, sequelize.ModelOptions{ModelName: "user"})
				users.AddHook(sequelize.BeforeCreate, "trim", func(_ context.Context, e *sequelize.HookEvent[mwTrimUser]) error {
					e.Instance.Username = strings.TrimSpace(e.Instance.Username)
					return nil
				})
				c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				var wg sync.WaitGroup
				errs := make([]error, 7)
				for i := range 7 {
					wg.Go(func() {
						_, _, errs[i] = users.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{"username": "mick "}})
					})
				}
				wg.Wait()
				failed := 0
				for _, err := range errs {
					if err != nil {
						failed++
						want := `user#findOrCreate: value used for username was not equal for both the find and the create calls, 'mick ' vs 'mick'`
						if !strings.Contains(err.Error(), want) {
							c.Errorf("err = %v, want %q", err, want)
						}
					}
				}
				if failed == 0 {
					c.Fatal("no call failed")
				}
			})

			js.it("should error correctly when defaults contain a unique key without a transaction", func(c *C) {
				c.Not("sqlite")
				c.Bug("FindOrCreate whose Defaults collide with a unique key gives an untyped error")
				users := uniqueDefaults(c)
				var wg sync.WaitGroup
				errs := make([]error, 2)
				for i := range 2 {
					wg.Go(func() {
						_, _, errs[i] = users.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{
							Where: sequelize.Where{"objectId": "asdasdasd"}, Defaults: sequelize.Values{"username": "gottlieb"}})
					})
				}
				wg.Wait()
				for _, err := range errs {
					var uniq *sequelize.UniqueConstraintError
					c.ErrAs(err, &uniq)
					if len(uniq.Fields) == 0 {
						c.Fatal("no Fields")
					}
				}
			})

			js.it("works without a transaction", func(c *C) {
				c.Not("sqlite")
				m := mwCreateSetup(c)
				var wg sync.WaitGroup
				users := make([]*mwUser, 2)
				created := make([]bool, 2)
				errs := make([]error, 2)
				for i := range 2 {
					wg.Go(func() {
						users[i], created[i], errs[i] = m.users.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{"uniqueName": "winner"}})
					})
				}
				wg.Wait()
				c.Must(errs[0])
				c.Must(errs[1])
				if created[0] == created[1] {
					c.Fatalf("created = %v, want exactly one", created)
				}
				c.Eq("same id", users[1].ID, users[0].ID)
			})
		})
	})

	js.describe("findCreateFind", func(js *suite) {
		js.it("[Flaky] should work with multiple concurrent calls", func(c *C) {
			c.Not("sqlite")
			m := mwCreateSetup(c)
			var wg sync.WaitGroup
			users := make([]*mwUser, 3)
			created := make([]bool, 3)
			errs := make([]error, 3)
			for i := range 3 {
				wg.Go(func() {
					users[i], created[i], errs[i] = m.users.FindCreateFind(c.Ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{"uniqueName": "winner"}})
				})
			}
			wg.Wait()
			for _, err := range errs {
				c.Must(err)
			}
			c.Eq("id 2", users[1].ID, users[0].ID)
			c.Eq("id 3", users[2].ID, users[0].ID)
			n := 0
			for _, cr := range created {
				if cr {
					n++
				}
			}
			c.Eq("created count", n, 1)
		})

		js.differs("should work with multiple concurrent calls within a transaction", func(c *C) {
			c.Not("sqlite")
			m := mwCreateSetup(c)
			tx, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			defer tx.Rollback(c.Ctx)
			var created []bool
			for range 3 {
				u, cr, err := m.users.FindCreateFind(c.Ctx, sequelize.FindOrCreateOptions{Transaction: tx, Where: sequelize.Where{"uniqueName": "winner"}})
				c.Must(err)
				c.Eq("id", u.ID, 1)
				created = append(created, cr)
			}
			c.Must(tx.Commit(c.Ctx))
			c.Eq("created", created, []bool{true, false, false})
		})
	})

	js.describe("create", func(js *suite) {
		js.it("works with multiple non-integer primary keys with a default value", func(c *C) {
			type mwTwoUUID struct {
				ID1       string `sequelize:"type:UUID;primaryKey;defaultValue:UUIDV4"`
				ID2       string `sequelize:"type:UUID;primaryKey;defaultValue:UUIDV4"`
				Email     string `sequelize:"type:UUID;defaultValue:UUIDV4"`
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			mwCreateSetup(c)
			users := sequelize.Define[mwTwoUUID](c.DB, sequelize.ModelOptions{ModelName: "User"})
			c.Sync()
			u := &mwTwoUUID{}
			c.Must(users.Create(c.Ctx, u))
			if u.ID1 == "" || u.ID2 == "" {
				c.Fatalf("ids = %q, %q", u.ID1, u.ID2)
			}
		})

		js.it("should return an error for a unique constraint error", func(c *C) {
			type mwEmailUser struct {
				ID        int64
				Email     string `sequelize:"unique:email" validate:"notEmpty;isEmail"`
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			mwCreateSetup(c)
			users := sequelize.Define[mwEmailUser](c.DB, sequelize.ModelOptions{ModelName: "User",
				Attributes: map[string]sequelize.AttributeOptions{"email": {UniqueMsg: "Email is already registered."}}})
			c.Sync()
			c.Must(users.Create(c.Ctx, &mwEmailUser{Email: "hello@sequelize.com"}))
			err := users.Create(c.Ctx, &mwEmailUser{Email: "hello@sequelize.com"})
			var uniq *sequelize.UniqueConstraintError
			c.ErrAs(err, &uniq)
		})

		js.it("works without any primary key", func(c *C) {
			type mwLog struct {
				Level     string
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			mwCreateSetup(c)
			logs := sequelize.Define[mwLog](c.DB, sequelize.ModelOptions{ModelName: "log",
				Attributes: map[string]sequelize.AttributeOptions{"id": {Ignore: true}}})
			c.Sync()
			if got := logs.Attributes(); strings.Contains(strings.Join(got, ","), "id") {
				c.Fatalf("attributes = %v, want no id", got)
			}
			var wg sync.WaitGroup
			var errCreate, errBulk error
			wg.Go(func() { errCreate = logs.Create(c.Ctx, &mwLog{Level: "info"}) })
			wg.Go(func() { errBulk = logs.BulkCreate(c.Ctx, []*mwLog{{Level: "error"}, {Level: "debug"}}) })
			wg.Wait()
			c.Must(errCreate)
			c.Must(errBulk)
			all, err := logs.FindAll(c.Ctx)
			c.Must(err)
			c.Eq("rows", len(all), 3)
		})

		js.it("should be able to set createdAt and updatedAt if using silent: true", func(c *C) {
			c.Bug("CreateOptions has no Silent: an explicit updatedAt is overwritten by Create")
			type mwNamed struct {
				ID        int64
				Name      *string
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			mwCreateSetup(c)
			users := sequelize.Define[mwNamed](c.DB, sequelize.ModelOptions{ModelName: "user", Timestamps: sequelize.Bool(true)})
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			createdAt := time.Date(2012, 10, 10, 10, 10, 10, 0, time.UTC)
			updatedAt := time.Date(2011, 11, 11, 11, 11, 11, 0, time.UTC)
			u := &mwNamed{CreatedAt: createdAt, UpdatedAt: updatedAt}
			c.Must(users.Create(c.Ctx, u /* , sequelize.CreateOptions{Silent: true} */))
			c.Eq("createdAt", u.CreatedAt.UTC(), createdAt)
			c.Eq("updatedAt", u.UpdatedAt.UTC(), updatedAt)
			got, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"updatedAt": op.Ne(nil)}})
			c.Must(err)
			c.Eq("stored createdAt", got.CreatedAt.UTC(), createdAt)
			c.Eq("stored updatedAt", got.UpdatedAt.UTC(), updatedAt)
		})

		js.it("works with custom timestamps with a default value", func(c *C) {
			type mwTimed struct {
				ID          int64
				Username    *string
				DateOfBirth *time.Time `sequelize:"field:date_of_birth"`
				Email       *string
				Password    *string
				CreatedTime *time.Time `sequelize:"field:created_time;defaultValue:NOW"`
				UpdatedTime *time.Time `sequelize:"field:updated_time;defaultValue:NOW"`
			}
			mwCreateSetup(c)
			users := sequelize.Define[mwTimed](c.DB, sequelize.ModelOptions{ModelName: "User",
				CreatedAt: "createdTime", UpdatedAt: "updatedTime", TableName: "users", Underscored: true, FreezeTableName: true})
			c.Sync()
			u1 := &mwTimed{}
			c.Must(users.Create(c.Ctx, u1))
			time.Sleep(10 * time.Millisecond)
			u2 := &mwTimed{}
			c.Must(users.Create(c.Ctx, u2))
			for _, u := range []*mwTimed{u1, u2} {
				if u.CreatedTime == nil || u.CreatedTime.IsZero() || u.UpdatedTime == nil || u.UpdatedTime.IsZero() {
					c.Fatalf("timestamps = %v, %v", u.CreatedTime, u.UpdatedTime)
				}
			}
			ms := func(t *time.Time) int { return t.Nanosecond() / 1e6 }
			if ms(u1.CreatedTime) == 0 && ms(u2.CreatedTime) == 0 {
				c.Fatalf("createdTime has no milliseconds: %v, %v", u1.CreatedTime, u2.CreatedTime)
			}
			if ms(u1.UpdatedTime) == 0 && ms(u2.UpdatedTime) == 0 {
				c.Fatalf("updatedTime has no milliseconds: %v, %v", u1.UpdatedTime, u2.UpdatedTime)
			}
		})

		js.it("works with custom timestamps and underscored", func(c *C) {
			type mwUnderscored struct {
				ID        int64
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			mwCreateSetup(c)
			users := sequelize.Define[mwUnderscored](c.DB, sequelize.ModelOptions{ModelName: "User",
				CreatedAt: "createdAt", UpdatedAt: "updatedAt", Underscored: true})
			c.Sync()
			u := &mwUnderscored{}
			c.Must(users.Create(c.Ctx, u))
			if u.CreatedAt.IsZero() || u.UpdatedAt.IsZero() {
				c.Fatalf("timestamps = %v, %v", u.CreatedAt, u.UpdatedAt)
			}
			for _, a := range users.Attributes() {
				if a == "created_at" || a == "updated_at" {
					c.Fatalf("attributes = %v: the column names are not attributes", users.Attributes())
				}
			}
			col, _ := users.FieldName("createdAt")
			c.Eq("createdAt column", col, "created_at")
		})

		js.it("supports transactions", func(c *C) {
			m := mwCreateSetup(c)
			tx, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			defer tx.Rollback(c.Ctx)
			c.Must(m.users.Create(c.Ctx, &mwUser{Username: "user"}, sequelize.CreateOptions{Transaction: tx}))
			n, err := m.users.Count(c.Ctx)
			c.Must(err)
			c.Eq("count outside", n, 0)
			c.Must(tx.Commit(c.Ctx))
			n, err = m.users.Count(c.Ctx)
			c.Must(err)
			c.Eq("count after commit", n, 1)
		})

		js.describe("return values", func(js *suite) {
			js.it("should make the autoincremented values available on the returned instances", func(c *C) {
				c.Only("postgres")
				type mwBare struct {
					ID        int64
					CreatedAt time.Time
					UpdatedAt time.Time
				}
				mwCreateSetup(c)
				users := sequelize.Define[mwBare](c.DB, sequelize.ModelOptions{ModelName: "user"})
				c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				u := &mwBare{}
				c.Must(users.Create(c.Ctx, u))
				c.Eq("id", u.ID, 1)
			})

			js.it("should make the autoincremented values available on the returned instances with custom fields", func(c *C) {
				c.Only("postgres")
				type mwMaID struct {
					MaID      int64 `sequelize:"type:INTEGER;primaryKey;autoIncrement;field:yo_id"`
					CreatedAt time.Time
					UpdatedAt time.Time
				}
				mwCreateSetup(c)
				users := sequelize.Define[mwMaID](c.DB, sequelize.ModelOptions{ModelName: "user"})
				c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				u := &mwMaID{}
				c.Must(users.Create(c.Ctx, u))
				c.Eq("maId", u.MaID, 1)
			})
		})

		js.it("is possible to use casting when creating an instance", func(c *C) {
			typ := "integer"
			if c.MySQLFamily() {
				typ = "signed"
			}
			users := mwExprSetup(c)
			logger, rec := mwRecorder()
			u := &mwExprUser{IntVal: sequelize.Cast("1", typ)}
			c.Must(users.Create(c.Ctx, u, sequelize.CreateOptions{Logging: logger}))
			if rec.Count(`CAST\((N?'1'|\$\d+|\?) AS `+strings.ToUpper(typ)+`\)`) == 0 {
				c.Fatalf("statements = %v, want a CAST", rec)
			}
			got := mwExprFind(c, users, u.ID)
			c.Eq("intVal", got.IntVal, 1)
		})

		js.it("is possible to use casting multiple times mixed in with other utilities", func(c *C) {
			expr := sequelize.Cast(sequelize.Cast(sequelize.Literal("1-2"), "integer"), "integer")
			if c.MySQLFamily() {
				expr = sequelize.Cast(sequelize.Cast(sequelize.Literal("1-2"), "unsigned"), "signed")
			}
			users := mwExprSetup(c)
			logger, rec := mwRecorder()
			u := &mwExprUser{IntVal: expr}
			c.Must(users.Create(c.Ctx, u, sequelize.CreateOptions{Logging: logger}))
			want := `CAST\(CAST\(1-2 AS INTEGER\) AS INTEGER\)`
			if c.MySQLFamily() {
				want = `CAST\(CAST\(1-2 AS UNSIGNED\) AS SIGNED\)`
			}
			if rec.Count(want) == 0 {
				c.Fatalf("statements = %v, want %s", rec, want)
			}
			got := mwExprFind(c, users, u.ID)
			c.Eq("intVal", got.IntVal, -1)
		})

		js.it("is possible to just use .literal() to bypass escaping", func(c *C) {
			typ := "INTEGER"
			if c.MySQLFamily() {
				typ = "SIGNED"
			}
			users := mwExprSetup(c)
			u := &mwExprUser{IntVal: sequelize.Literal("CAST(1-2 AS " + typ + ")")}
			c.Must(users.Create(c.Ctx, u))
			got := mwExprFind(c, users, u.ID)
			c.Eq("intVal", got.IntVal, -1)
		})

		for _, tc := range []struct{ title, arg, want string }{
			{"is possible to use funtions when creating an instance", "sequelize", "SEQUELIZE"},
			{"should escape $ in sequelize functions arguments", "$sequelize", "$SEQUELIZE"},
			{"should escape multiple instances of $ in sequelize functions arguments",
				"$sequelize and $sequelize2 and some money $42.69", "$SEQUELIZE AND $SEQUELIZE2 AND SOME MONEY $42.69"},
		} {
			js.it(tc.title, func(c *C) {
				users := mwExprSetup(c)
				u := &mwExprUser{SecretValue: sequelize.Fn("upper", tc.arg)}
				c.Must(users.Create(c.Ctx, u))
				got := mwExprFind(c, users, u.ID)
				c.Eq("secretValue", got.SecretValue, tc.want)
			})
		}

		js.it("should work with a non-id named uuid primary key columns", func(c *C) {
			type mwMonkey struct {
				MonkeyID  string `sequelize:"type:UUID;primaryKey;defaultValue:UUIDV4;allowNull:false"`
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			mwCreateSetup(c)
			monkeys := sequelize.Define[mwMonkey](c.DB, sequelize.ModelOptions{ModelName: "Monkey"})
			c.Sync()
			m := &mwMonkey{}
			c.Must(monkeys.Create(c.Ctx, m))
			if m.MonkeyID == "" {
				c.Fatal("monkeyId is empty")
			}
		})

		js.it("is possible to use functions as default values", func(c *C) {
			c.Not("mysql") // functions as default values are not supported in MySQL
			mwCreateSetup(c)
			if c.Dialect == "postgres" {
				type mwUUIDDefault struct {
					ID        int64
					UUID      *string `sequelize:"type:UUID"`
					CreatedAt time.Time
					UpdatedAt time.Time
				}
				_, err := c.DB.Query(c.Ctx, `CREATE EXTENSION IF NOT EXISTS "uuid-ossp"`)
				c.Must(err)
				users := sequelize.Define[mwUUIDDefault](c.DB, sequelize.ModelOptions{ModelName: "userWithDefaults",
					Attributes: map[string]sequelize.AttributeOptions{"uuid": {DefaultValue: sequelize.Fn("uuid_generate_v4")}}})
				c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				u := &mwUUIDDefault{}
				c.Must(users.Create(c.Ctx, u))
				if u.UUID == nil || !regexp.MustCompile(`(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(*u.UUID) {
					c.Fatalf("uuid = %v", u.UUID)
				}
				return
			}
			type mwYearDefault struct {
				ID        int64
				Year      *string
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			// Sequelize's fn('', fn('date', 'now')) is a parenthesised
			// call; a function name must be an identifier here, so the
			// default is the literal SQLite needs.
			users := sequelize.Define[mwYearDefault](c.DB, sequelize.ModelOptions{ModelName: "userWithDefaults",
				Attributes: map[string]sequelize.AttributeOptions{"year": {DefaultValue: sequelize.Literal("(date('now'))")}}})
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			u := &mwYearDefault{}
			c.Must(users.Create(c.Ctx, u))
			got, err := users.FindByPK(c.Ctx, u.ID)
			c.Must(err)
			now := time.Now().UTC()
			c.Eq("year", *got.Year, now.Format("2006-01-02"))
		})

		type mwArrayUser struct {
			ID        int64
			Myvals    []int64  `sequelize:"type:ARRAY(INTEGER)"`
			Mystr     []string `sequelize:"type:ARRAY(STRING)"`
			CreatedAt time.Time
			UpdatedAt time.Time
		}

		js.it("does not cast arrays for postgresql insert", func(c *C) {
			c.Only("postgres")
			mwCreateSetup(c)
			users := sequelize.Define[mwArrayUser](c.DB, sequelize.ModelOptions{ModelName: "UserWithArray"})
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			logger, rec := mwRecorder()
			u := &mwArrayUser{Myvals: []int64{}, Mystr: []string{}}
			c.Must(users.Create(c.Ctx, u, sequelize.CreateOptions{Logging: logger}))
			if rec.Count(`::`) != 0 || rec.Count(`^INSERT`) != 1 {
				c.Fatalf("statements = %v, want one INSERT without casts", rec)
			}
			got, err := users.FindByPK(c.Ctx, u.ID)
			c.Must(err)
			c.Eq("myvals", len(got.Myvals), 0)
			c.Eq("mystr", len(got.Mystr), 0)
		})

		js.it("does not cast arrays for postgres update", func(c *C) {
			c.Only("postgres")
			mwCreateSetup(c)
			users := sequelize.Define[mwArrayUser](c.DB, sequelize.ModelOptions{ModelName: "UserWithArray"})
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			u := &mwArrayUser{Myvals: []int64{1, 2, 3, 4}, Mystr: []string{"One", "Two", "Three", "Four"}}
			c.Must(users.Create(c.Ctx, u))
			u.Myvals, u.Mystr = []int64{}, []string{}
			logger, rec := mwRecorder()
			c.Must(users.Save(c.Ctx, u, sequelize.SaveOptions{Logging: logger}))
			if rec.Count(`::`) != 0 || rec.Count(`^UPDATE`) != 1 {
				c.Fatalf("statements = %v, want one UPDATE without casts", rec)
			}
			got, err := users.FindByPK(c.Ctx, u.ID)
			c.Must(err)
			c.Eq("myvals", len(got.Myvals), 0)
			c.Eq("mystr", len(got.Mystr), 0)
		})

		type mwUniqueName struct {
			ID        int64
			Username  string `sequelize:"unique"`
			CreatedAt time.Time
			UpdatedAt time.Time
		}

		js.it("doesn't allow duplicated records with unique:true", func(c *C) {
			mwCreateSetup(c)
			users := sequelize.Define[mwUniqueName](c.DB, sequelize.ModelOptions{ModelName: "UserWithUniqueUsername"})
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			c.Must(users.Create(c.Ctx, &mwUniqueName{Username: "foo"}))
			var uniq *sequelize.UniqueConstraintError
			c.ErrAs(users.Create(c.Ctx, &mwUniqueName{Username: "foo"}), &uniq)
		})

		js.it("doesn't allow case-insensitive duplicated records using CITEXT", func(c *C) {
			c.Only("postgres", "sqlite")
			type mwCitext struct {
				ID        int64
				Username  string `sequelize:"type:CITEXT;unique"`
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			mwCreateSetup(c)
			if c.Dialect == "postgres" {
				_, err := c.DB.Query(c.Ctx, `CREATE EXTENSION IF NOT EXISTS citext`)
				c.Must(err)
			}
			users := sequelize.Define[mwCitext](c.DB, sequelize.ModelOptions{ModelName: "UserWithUniqueCITEXT"})
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			c.Must(users.Create(c.Ctx, &mwCitext{Username: "foo"}))
			var uniq *sequelize.UniqueConstraintError
			c.ErrAs(users.Create(c.Ctx, &mwCitext{Username: "fOO"}), &uniq)
		})

		js.it("allows the creation of a TSVECTOR field", func(c *C) {
			c.Only("postgres")
			type mwTSVector struct {
				ID        int64
				Name      string `sequelize:"type:TSVECTOR"`
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			mwCreateSetup(c)
			users := sequelize.Define[mwTSVector](c.DB, sequelize.ModelOptions{ModelName: "UserWithTSVECTOR"})
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			u := &mwTSVector{Name: "John Doe"}
			c.Must(users.Create(c.Ctx, u))
			got, err := users.FindByPK(c.Ctx, u.ID)
			c.Must(err)
			c.Eq("name", got.Name, "'Doe' 'John'")
		})

		js.it("TSVECTOR only allow string", func(c *C) {
			c.Only("postgres")
			c.Bug("a TSVECTOR attribute binds a Go integer field's value (Sequelize rejects a non-string with a ValidationError)")
			type mwTSVectorInt struct {
				ID        int64
				Username  int64 `sequelize:"type:TSVECTOR"`
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			mwCreateSetup(c)
			var users *sequelize.Model[mwTSVectorInt]
			defineErr := func() (msg any) {
				defer func() { msg = recover() }()
				users = sequelize.Define[mwTSVectorInt](c.DB, sequelize.ModelOptions{ModelName: "UserWithTSVECTOR"})
				return nil
			}()
			if defineErr != nil {
				return // a number field cannot be a TSVECTOR: refused at Define
			}
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			err := users.Create(c.Ctx, &mwTSVectorInt{Username: 42})
			var ve *sequelize.ValidationError
			c.ErrAs(err, &ve)
		})

		js.it("doesn't allow duplicated records with unique function based indexes", func(c *C) {
			c.Only("postgres", "sqlite")
			type mwFnIndex struct {
				ID        int64
				Username  string
				Email     *string `sequelize:"unique"`
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			mwCreateSetup(c)
			users := sequelize.Define[mwFnIndex](c.DB, sequelize.ModelOptions{ModelName: "UserWithUniqueUsernameFunctionIndex"})
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			_, err := c.DB.Query(c.Ctx, `CREATE UNIQUE INDEX lower_case_username ON `+quote(c, users.TableName())+` ((lower(username)))`)
			c.Must(err)
			c.Must(users.Create(c.Ctx, &mwFnIndex{Username: "foo"}))
			var uniq *sequelize.UniqueConstraintError
			c.ErrAs(users.Create(c.Ctx, &mwFnIndex{Username: "foo"}), &uniq)
		})

		type mwNonNull struct {
			ID        int64
			Username  *string `sequelize:"unique"`
			Smth      *string `sequelize:"allowNull:false"`
			CreatedAt time.Time
			UpdatedAt time.Time
		}

		js.it("raises an error if created object breaks definition constraints", func(c *C) {
			mwCreateSetup(c)
			users := sequelize.Define[mwNonNull](c.DB, sequelize.ModelOptions{ModelName: "UserWithNonNullSmth"})
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			err := users.Create(c.Ctx, &mwNonNull{Username: mwStr("foo2"), Smth: nil})
			var ve *sequelize.ValidationError
			c.ErrAs(err, &ve)
			items := ve.Get("smth")
			if len(items) == 0 {
				c.Fatalf("errors = %+v, want one for smth", ve.Errors)
			}
			c.Eq("path", items[0].Path, "smth")
			c.Eq("type", items[0].Type, "notNull Violation")
		})

		js.it("raises an error if created object breaks definition constraints", func(c *C) {
			mwCreateSetup(c)
			users := sequelize.Define[mwNonNull](c.DB, sequelize.ModelOptions{ModelName: "UserWithNonNullSmth"})
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			c.Must(users.Create(c.Ctx, &mwNonNull{Username: mwStr("foo"), Smth: mwStr("foo")}))
			var uniq *sequelize.UniqueConstraintError
			c.ErrAs(users.Create(c.Ctx, &mwNonNull{Username: mwStr("foo"), Smth: mwStr("bar")}), &uniq)
		})

		js.it("raises an error if saving an empty string into a column allowing null or URL", func(c *C) {
			type mwURL struct {
				ID        int64
				Str       *string `sequelize:"allowNull:true" validate:"isUrl"`
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			mwCreateSetup(c)
			strs := sequelize.Define[mwURL](c.DB, sequelize.ModelOptions{ModelName: "StringIsNullOrUrl"})
			c.Must(strs.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			s1 := &mwURL{}
			c.Must(strs.Create(c.Ctx, s1))
			if s1.Str != nil {
				c.Fatalf("str = %q, want nil", *s1.Str)
			}
			s2 := &mwURL{Str: mwStr("http://sequelizejs.org")}
			c.Must(strs.Create(c.Ctx, s2))
			c.Eq("str", *s2.Str, "http://sequelizejs.org")
			err := strs.Create(c.Ctx, &mwURL{Str: mwStr("")})
			var ve *sequelize.ValidationError
			c.ErrAs(err, &ve)
			items := ve.Get("str")
			if len(items) == 0 || !strings.Contains(items[0].Message, "Validation isUrl on str failed") && !strings.Contains(items[0].Message, "Validation isURL on str failed") {
				c.Fatalf("errors = %+v, want Validation isURL on str failed", ve.Errors)
			}
		})

		js.it("raises an error if you mess up the datatype", func(c *C) {
			type mwBadType struct {
				ID           int64
				ActivityDate time.Time `sequelize:"type:DATe_;field:activity_date"`
			}
			for _, opts := range []sequelize.ModelOptions{
				{ModelName: "UserBadDataType"},
				{ModelName: "UserBadDataType", Attributes: map[string]sequelize.AttributeOptions{}},
			} {
				msg := func() (msg any) {
					defer func() { msg = recover() }()
					sequelize.Define[mwBadType](c.DB, opts)
					return nil
				}()
				if msg == nil {
					c.Fatal("Define accepted an unknown data type")
				}
				s := fmt.Sprint(msg)
				if !strings.Contains(strings.ToLower(s), "unrecognized data type") || !strings.Contains(s, "UserBadDataType") {
					c.Fatalf("panic = %q, want an unrecognized data type error naming UserBadDataType", s)
				}
			}
		})

		js.it("sets a 64 bit int in bigint", func(c *C) {
			type mwBig struct {
				ID        int64
				Big       int64 `sequelize:"type:BIGINT"`
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			mwCreateSetup(c)
			users := sequelize.Define[mwBig](c.DB, sequelize.ModelOptions{ModelName: "UserWithBigIntFields"})
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			u := &mwBig{Big: 9223372036854775807}
			c.Must(users.Create(c.Ctx, u))
			c.Eq("big", u.Big, int64(9223372036854775807))
			got, err := users.FindByPK(c.Ctx, u.ID)
			c.Must(err)
			c.Eq("stored big", got.Big, int64(9223372036854775807))
		})

		js.it("sets auto increment fields", func(c *C) {
			type mwAutoInc struct {
				Userid    int64 `sequelize:"type:INTEGER;autoIncrement;primaryKey;allowNull:false"`
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			mwCreateSetup(c)
			users := sequelize.Define[mwAutoInc](c.DB, sequelize.ModelOptions{ModelName: "UserWithAutoIncrementField"})
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			u := &mwAutoInc{}
			c.Must(users.Create(c.Ctx, u))
			c.Eq("userid", u.Userid, 1)
			u0 := &mwAutoInc{}
			c.Must(users.Create(c.Ctx, u0))
			c.Eq("userid", u0.Userid, 2)
		})

		js.it("allows the usage of options as attribute", func(c *C) {
			type mwOptions struct {
				ID        int64
				Name      string
				Options   string `sequelize:"type:TEXT"`
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			mwCreateSetup(c)
			users := sequelize.Define[mwOptions](c.DB, sequelize.ModelOptions{ModelName: "UserWithNameAndOptions"})
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			options, _ := json.Marshal(map[string]string{"foo": "bar", "bar": "foo"})
			u := &mwOptions{Name: "John Doe", Options: string(options)}
			c.Must(users.Create(c.Ctx, u))
			got, err := users.FindByPK(c.Ctx, u.ID)
			c.Must(err)
			c.Eq("options", got.Options, string(options))
		})

		js.it("allows sql logging", func(c *C) {
			type mwLogged struct {
				ID        int64
				Name      string `sequelize:"unique"`
				Smth      string `sequelize:"allowNull:false"`
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			mwCreateSetup(c)
			users := sequelize.Define[mwLogged](c.DB, sequelize.ModelOptions{ModelName: "UserWithUniqueNameAndNonNullSmth"})
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			logger, rec := mwRecorder()
			c.Must(users.Create(c.Ctx, &mwLogged{Name: "Fluffy Bunny", Smth: "else"}, sequelize.CreateOptions{Logging: logger}))
			if rec.Count(`INSERT`) == 0 {
				c.Fatalf("statements = %v, want an INSERT", rec)
			}
		})

		js.it("should only store the values passed in the whitelist", func(c *C) {
			m := mwCreateSetup(c)
			u := &mwUser{Username: "Peter", SecretValue: mwStr("42"), UniqueName: mwStr("name")}
			c.Must(m.users.Create(c.Ctx, u, sequelize.CreateOptions{Fields: []string{"username"}}))
			got, err := m.users.FindByPK(c.Ctx, u.ID)
			c.Must(err)
			c.Eq("username", got.Username, "Peter")
			if got.SecretValue != nil {
				c.Fatalf("secretValue = %q, want NULL", *got.SecretValue)
			}
		})

		js.it("should store all values if no whitelist is specified", func(c *C) {
			m := mwCreateSetup(c)
			u := &mwUser{Username: "Peter", SecretValue: mwStr("42")}
			c.Must(m.users.Create(c.Ctx, u))
			got, err := m.users.FindByPK(c.Ctx, u.ID)
			c.Must(err)
			c.Eq("username", got.Username, "Peter")
			c.Eq("secretValue", *got.SecretValue, "42")
		})

		js.it("can omit autoincremental columns", func(c *C) {
			type mwBook0 struct {
				ID        int64  `sequelize:"type:INTEGER;primaryKey;autoIncrement"`
				Title     string `sequelize:"type:TEXT"`
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			type mwBook1 struct {
				ID        int64  `sequelize:"type:BIGINT;primaryKey;autoIncrement"`
				Title     string `sequelize:"type:TEXT"`
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			mwCreateSetup(c)
			b0 := sequelize.Define[mwBook0](c.DB, sequelize.ModelOptions{ModelName: "Book0"})
			b1 := sequelize.Define[mwBook1](c.DB, sequelize.ModelOptions{ModelName: "Book1"})
			c.Sync()
			book0 := &mwBook0{Title: "Iliad"}
			book1 := &mwBook1{Title: "Iliad"}
			c.Must(b0.Create(c.Ctx, book0))
			c.Must(b1.Create(c.Ctx, book1))
			c.Eq("title", book0.Title, "Iliad")
			c.Eq("title", book1.Title, "Iliad")
			c.Eq("id", book0.ID, 1)
			c.Eq("id", book1.ID, 1)
			if c.Dialect == "sqlite" {
				return // an SQLite autoincrement key is always INTEGER PRIMARY KEY
			}
			for table, want := range map[string]string{b0.TableName(): "INT", b1.TableName(): "BIGINT"} {
				cols, err := c.DB.QueryInterface().DescribeTable(c.Ctx, table)
				c.Must(err)
				if typ := strings.ToUpper(cols["id"].Type); !strings.Contains(typ, want) || (want == "INT" && strings.Contains(typ, "BIGINT")) {
					c.Fatalf("%s.id type = %q, want %s", table, typ, want)
				}
			}
		})

		for _, tc := range []struct{ title, value string }{
			{"saves data with single quote", "single'quote"},
			{"saves data with double quote", `double"quote`},
			{"saves stringified JSON data", `{"key":"value"}`},
		} {
			js.it(tc.title, func(c *C) {
				m := mwCreateSetup(c)
				u := &mwUser{Data: mwStr(tc.value)}
				c.Must(m.users.Create(c.Ctx, u))
				c.Eq("data", *u.Data, tc.value)
				got, err := m.users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": u.ID}})
				c.Must(err)
				c.Eq("stored data", *got.Data, tc.value)
			})
		}

		js.it("stores the current date in createdAt", func(c *C) {
			m := mwCreateSetup(c)
			u := &mwUser{Username: "foo"}
			c.Must(m.users.Create(c.Ctx, u))
			if d := time.Since(u.CreatedAt); d < -5*time.Second || d > 7500*time.Millisecond {
				c.Fatalf("createdAt = %v, want about now", u.CreatedAt)
			}
		})

		js.it("allows setting custom IDs", func(c *C) {
			m := mwCreateSetup(c)
			u := &mwUser{ID: 42}
			c.Must(m.users.Create(c.Ctx, u))
			c.Eq("id", u.ID, 42)
			got, err := m.users.FindByPK(c.Ctx, 42)
			c.Must(err)
			if got == nil {
				c.Fatal("user 42 not found")
			}
		})

		type mwWorker struct{ ID int64 }

		for _, title := range []string{"should allow blank creates (with timestamps: false)", "should allow truly blank creates"} {
			js.it(title, func(c *C) {
				mwCreateSetup(c)
				workers := sequelize.Define[mwWorker](c.DB, sequelize.ModelOptions{ModelName: "Worker", Timestamps: sequelize.Bool(false)})
				c.Must(workers.Sync(c.Ctx))
				w := &mwWorker{}
				c.Must(workers.Create(c.Ctx, w, sequelize.CreateOptions{Fields: []string{}}))
				n, err := workers.Count(c.Ctx)
				c.Must(err)
				c.Eq("workers", n, 1)
			})
		}

		js.it("should only set passed fields", func(c *C) {
			if c.MySQLFamily() {
				c.Bug("Create with Fields leaves the instance differing by dialect (MySQL keeps the unsaved email in the struct)")
			}
			type mwNameEmail struct {
				ID        int64
				Email     *string
				Name      *string
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			mwCreateSetup(c)
			users := sequelize.Define[mwNameEmail](c.DB, sequelize.ModelOptions{ModelName: "User"})
			c.Sync()
			u := &mwNameEmail{Name: mwStr("Yolo Bear"), Email: mwStr("yolo@bear.com")}
			c.Must(users.Create(c.Ctx, u, sequelize.CreateOptions{Fields: []string{"name"}}))
			if u.Name == nil {
				c.Fatal("name is nil")
			}
			if u.Email != nil {
				c.Fatalf("email = %q, want nil: it was not created", *u.Email)
			}
			got, err := users.FindByPK(c.Ctx, u.ID)
			c.Must(err)
			if got.Name == nil || got.Email != nil {
				c.Fatalf("stored name, email = %v, %v, want Yolo Bear and NULL", got.Name, got.Email)
			}
		})

		js.it("Works even when SQL query has a values of transaction keywords such as BEGIN TRANSACTION", func(c *C) {
			type mwTask struct {
				ID        int64
				Title     string
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			mwCreateSetup(c)
			tasks := sequelize.Define[mwTask](c.DB, sequelize.ModelOptions{ModelName: "task"})
			c.Must(tasks.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			titles := []string{"BEGIN TRANSACTION", "COMMIT TRANSACTION", "ROLLBACK TRANSACTION", "SAVE TRANSACTION"}
			created := make([]*mwTask, len(titles))
			errs := make([]error, len(titles))
			var wg sync.WaitGroup
			for i, title := range titles {
				created[i] = &mwTask{Title: title}
				wg.Go(func() { errs[i] = tasks.Create(c.Ctx, created[i]) })
			}
			wg.Wait()
			for i := range titles {
				c.Must(errs[i])
				c.Eq("title", created[i].Title, titles[i])
			}
			n, err := tasks.Count(c.Ctx)
			c.Must(err)
			c.Eq("tasks", n, 4)
		})

		js.describe("enums", func(js *suite) {
			js.it("correctly restores enum values", func(c *C) {
				type mwItem struct {
					ID        int64
					State     string `sequelize:"type:ENUM('available','in_cart','shipped')"`
					CreatedAt time.Time
					UpdatedAt time.Time
				}
				mwCreateSetup(c)
				items := sequelize.Define[mwItem](c.DB, sequelize.ModelOptions{ModelName: "Item"})
				c.Must(items.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				it := &mwItem{State: "available"}
				c.Must(items.Create(c.Ctx, it))
				got, err := items.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"state": "available"}})
				c.Must(err)
				c.Eq("id", got.ID, it.ID)
			})

			js.it("allows null values", func(c *C) {
				type mwEnum struct {
					ID        int64
					State     *string `sequelize:"type:ENUM('happy','sad');allowNull:true"`
					CreatedAt time.Time
					UpdatedAt time.Time
				}
				mwCreateSetup(c)
				enums := sequelize.Define[mwEnum](c.DB, sequelize.ModelOptions{ModelName: "Enum"})
				c.Must(enums.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				e := &mwEnum{}
				c.Must(enums.Create(c.Ctx, e))
				got, err := enums.FindByPK(c.Ctx, e.ID)
				c.Must(err)
				if got.State != nil {
					c.Fatalf("state = %q, want NULL", *got.State)
				}
			})

			// Sequelize's ENUM('happy', 'sad') and ENUM(['happy', 'sad'])
			// both are ENUM('happy','sad') in a tag, and a type given in
			// the attribute options (AttributeOptions.Type) is the other
			// way to say { type: ... }.
			enumCase := func(viaOptions bool) func(c *C) {
				return func(c *C) {
					type mwEnumTag struct {
						ID        int64
						State     string `sequelize:"type:ENUM('happy','sad')"`
						CreatedAt time.Time
						UpdatedAt time.Time
					}
					type mwEnumOpt struct {
						ID        int64
						State     string
						CreatedAt time.Time
						UpdatedAt time.Time
					}
					mwCreateSetup(c)
					if viaOptions {
						enums := sequelize.Define[mwEnumOpt](c.DB, sequelize.ModelOptions{ModelName: "Enum",
							Attributes: map[string]sequelize.AttributeOptions{"state": {Type: datatypes.Enum("happy", "sad")}}})
						c.Must(enums.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
						e := &mwEnumOpt{State: "happy"}
						c.Must(enums.Create(c.Ctx, e))
						got, err := enums.FindByPK(c.Ctx, e.ID)
						c.Must(err)
						c.Eq("state", got.State, "happy")
						return
					}
					enums := sequelize.Define[mwEnumTag](c.DB, sequelize.ModelOptions{ModelName: "Enum"})
					c.Must(enums.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
					e := &mwEnumTag{State: "happy"}
					c.Must(enums.Create(c.Ctx, e))
					got, err := enums.FindByPK(c.Ctx, e.ID)
					c.Must(err)
					c.Eq("state", got.State, "happy")
				}
			}
			js.describe("when defined via { field: Sequelize.ENUM }", func(js *suite) {
				js.it("allows values passed as parameters", enumCase(false))
				js.it("allows values passed as an array", enumCase(false))
			})
			js.describe("when defined via { field: { type: Sequelize.ENUM } }", func(js *suite) {
				js.it("allows values passed as parameters", enumCase(true))
				js.it("allows values passed as an array", enumCase(true))
			})

			js.describe("can safely sync multiple times", func(js *suite) {
				type mwEnumNull struct {
					ID        int64
					State     *string `sequelize:"type:ENUM('happy','sad');allowNull:true"`
					CreatedAt time.Time
					UpdatedAt time.Time
				}
				js.it("through the factory", func(c *C) {
					mwCreateSetup(c)
					enums := sequelize.Define[mwEnumNull](c.DB, sequelize.ModelOptions{ModelName: "Enum"})
					c.Must(enums.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
					c.Must(enums.Sync(c.Ctx))
					c.Must(enums.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
					c.Must(enums.Create(c.Ctx, &mwEnumNull{State: mwStr("sad")}))
				})
				js.it("through sequelize", func(c *C) {
					mwCreateSetup(c)
					enums := sequelize.Define[mwEnumNull](c.DB, sequelize.ModelOptions{ModelName: "Enum"})
					c.Sync()
					c.Must(c.DB.Sync(c.Ctx))
					c.Sync()
					c.Must(enums.Create(c.Ctx, &mwEnumNull{State: mwStr("sad")}))
				})
			})
		})
	})

	type mwMaya struct {
		ID        int64
		CreatedAt time.Time
		UpdatedAt time.Time
	}

	js.it("should return autoIncrement primary key (create)", func(c *C) {
		mwCreateSetup(c)
		mayas := sequelize.Define[mwMaya](c.DB, sequelize.ModelOptions{ModelName: "Maya"})
		c.Must(mayas.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
		m := &mwMaya{}
		c.Must(mayas.Create(c.Ctx, m))
		c.Eq("id", m.ID, 1)
	})

	js.it("should support logging", func(c *C) {
		m := mwCreateSetup(c)
		logger, rec := mwRecorder()
		c.Must(m.users.Create(c.Ctx, &mwUser{}, sequelize.CreateOptions{Logging: logger}))
		if len(rec.All()) == 0 {
			c.Fatal("nothing was logged")
		}
	})

	js.it("should return default value set by the database (create)", func(c *C) {
		c.Only("postgres")
		type mwCoded struct {
			ID        int64
			Name      string
			Code      int64
			CreatedAt time.Time
			UpdatedAt time.Time
		}
		mwCreateSetup(c)
		users := sequelize.Define[mwCoded](c.DB, sequelize.ModelOptions{ModelName: "User",
			Attributes: map[string]sequelize.AttributeOptions{"code": {DefaultValue: sequelize.Literal("2020")}}})
		c.Sync()
		u := &mwCoded{Name: "FooBar"}
		c.Must(users.Create(c.Ctx, u))
		c.Eq("name", u.Name, "FooBar")
		c.Eq("code", u.Code, 2020)
	})
}

// mwExprUser is create.test.js's User with intVal and secretValue of type
// any, so that a Go caller can give them an SQL expression (Cast, Literal,
// Fn) as Sequelize's create does.
type mwExprUser struct {
	ID          int64
	Username    *string
	SecretValue any `sequelize:"type:STRING"`
	IntVal      any `sequelize:"type:INTEGER"`
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

func mwExprSetup(c *C) *sequelize.Model[mwExprUser] {
	c.Helper()
	c.File()
	users := sequelize.Define[mwExprUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
	c.Sync()
	return users
}

func mwExprFind(c *C, users *sequelize.Model[mwExprUser], id int64) *mwExprUser {
	c.Helper()
	got, err := users.FindByPK(c.Ctx, id)
	c.Must(err)
	if got == nil {
		c.Fatalf("user %d not found", id)
	}
	return got
}
