package instance_test

import (
	"sync"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
)

// incUser is the User model of instance/increment.test.js and
// instance/decrement.test.js.
type incUser struct {
	ID                int64
	Username          string
	Uuidv1            string    `sequelize:"type:UUID;defaultValue:UUIDV1"`
	Uuidv4            string    `sequelize:"type:UUID;defaultValue:UUIDV4"`
	TouchedAt         time.Time `sequelize:"defaultValue:NOW"`
	ANumber           int64
	BNumber           int64
	CNumber           int64 `sequelize:"field:CNumberColumn"`
	ADate             *time.Time
	ValidateTest      *int64  `validate:"isInt"`
	ValidateCustom    *string `validate:"len(1,20)"`
	DateAllowNullTrue *time.Time
	IsSuperUser       bool `sequelize:"defaultValue:false"`
	CreatedAt         time.Time
	UpdatedAt         time.Time
}

// incSetup defines User, syncs it and creates the row {id: 1} of the
// describe block's beforeEach.
func incSetup(c *C) *sequelize.Model[incUser] {
	c.Helper()
	users := sequelize.Define[incUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
	c.Sync()
	c.Must(users.Create(c.Ctx, &incUser{ID: 1}))
	return users
}

// numberUser is the one-attribute model several instance tests define.
type numberUser struct {
	ID        int64
	Number    int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// aNumberUser is IncrementUser / DecrementUser: {aNumber: INTEGER} with
// timestamps.
type aNumberUser struct {
	ID        int64
	ANumber   int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

var _ = listed(
	difference{
		File: "instance/increment.test.js", Title: "increment/supports returning", Kind: deliberate,
		Instead: "IncrementInstance and DecrementInstance always read the new values back into the instance, on every dialect; there is no Returning option to leave it stale.",
		Why:     "Sequelize updates the instance only where RETURNING exists (PostgreSQL) and not with returning: false; one behaviour everywhere, and no struct left stale after a successful write, is what a Go caller can rely on.",
	},
)

func TestInstanceIncrement(t *testing.T) {
	js := port(t, "instance/increment.test.js")
	js.Describe("increment", func(js *suite) {
		js.It("supports transactions", func(c *C) {
			c.File() // reads beside a write transaction need SQLite's WAL
			users := sequelize.Define[numberUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
			c.Sync()
			u := &numberUser{Number: 1}
			c.Must(users.Create(c.Ctx, u))
			tx, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			defer tx.Rollback(c.Ctx)
			c.Must(users.IncrementInstance(c.Ctx, u, sequelize.Values{"number": 2}, sequelize.IncrementOptions{Transaction: tx}))
			users1, err := users.FindAll(c.Ctx)
			c.Must(err)
			users2, err := users.FindAll(c.Ctx, sequelize.FindOptions{Transaction: tx})
			c.Must(err)
			c.Eq("number outside", users1[0].Number, 1)
			c.Eq("number inside", users2[0].Number, 3)
		})

		js.Differs("supports returning", func(c *C) {
			users := incSetup(c)
			u, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Must(users.IncrementInstance(c.Ctx, u, sequelize.Values{"aNumber": 2}))
			c.Eq("aNumber", u.ANumber, 2)
			c.Must(users.IncrementInstance(c.Ctx, u, sequelize.Values{"bNumber": 2}))
			c.Eq("bNumber", u.BNumber, 2)
		})

		js.It("supports where conditions", func(c *C) {
			users := incSetup(c)
			u, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Must(users.IncrementInstance(c.Ctx, u, sequelize.Values{"aNumber": 2},
				sequelize.IncrementOptions{Where: sequelize.Where{"bNumber": 1}}))
			u3, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Eq("aNumber", u3.ANumber, 0)
		})

		for _, title := range []string{"with array", "with single field"} {
			js.It(title, func(c *C) {
				users := incSetup(c)
				u, err := users.FindByPK(c.Ctx, 1)
				c.Must(err)
				c.Must(users.IncrementInstance(c.Ctx, u, sequelize.Values{"aNumber": 2}))
				u3, err := users.FindByPK(c.Ctx, 1)
				c.Must(err)
				c.Eq("aNumber", u3.ANumber, 2)
			})
		}

		js.It("with single field and no value", func(c *C) {
			users := incSetup(c)
			u, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Must(users.IncrementInstance(c.Ctx, u, sequelize.Values{"aNumber": 1}))
			u2, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Eq("aNumber", u2.ANumber, 1)
		})

		js.It("should still work right with other concurrent updates", func(c *C) {
			users := incSetup(c)
			u1, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			u2, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			u2.ANumber++
			c.Must(users.Save(c.Ctx, u2))
			c.Must(users.IncrementInstance(c.Ctx, u1, sequelize.Values{"aNumber": 2}))
			u5, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Eq("aNumber", u5.ANumber, 3)
		})

		js.It("should still work right with other concurrent increments", func(c *C) {
			users := incSetup(c)
			u1, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			var wg sync.WaitGroup
			errs := make([]error, 3)
			for i := range 3 {
				// each goroutine increments its own copy of the instance:
				// a *T is used by one goroutine at a time
				cp := *u1
				wg.Go(func() { errs[i] = users.IncrementInstance(c.Ctx, &cp, sequelize.Values{"aNumber": 2}) })
			}
			wg.Wait()
			for _, err := range errs {
				c.Must(err)
			}
			u2, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Eq("aNumber", u2.ANumber, 6)
		})

		js.It("with key value pair", func(c *C) {
			users := incSetup(c)
			u, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Must(users.IncrementInstance(c.Ctx, u, sequelize.Values{"aNumber": 1, "bNumber": 2}))
			u3, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Eq("aNumber", u3.ANumber, 1)
			c.Eq("bNumber", u3.BNumber, 2)
		})

		for _, title := range []string{
			"single value should work when field name is different from database column name",
			"array should work when field name is different from database column name",
			"key value should work when field name is different from database column name",
		} {
			js.It(title, func(c *C) {
				users := incSetup(c)
				u, err := users.FindByPK(c.Ctx, 1)
				c.Must(err)
				c.Must(users.IncrementInstance(c.Ctx, u, sequelize.Values{"cNumber": 1}))
				u2, err := users.FindByPK(c.Ctx, 1)
				c.Must(err)
				c.Eq("cNumber", u2.CNumber, 1)
			})
		}

		js.It("with timestamps set to true", func(c *C) {
			users := sequelize.Define[aNumberUser](c.DB, sequelize.ModelOptions{ModelName: "IncrementUser", Timestamps: sequelize.Bool(true)})
			c.Sync()
			u := &aNumberUser{ANumber: 1}
			c.Must(users.Create(c.Ctx, u))
			old := c.AgeTimestamps(users.TableName())
			c.Must(users.IncrementInstance(c.Ctx, u, sequelize.Values{"aNumber": 1}))
			c.Must(users.Reload(c.Ctx, u))
			if !u.UpdatedAt.After(old) {
				c.Fatalf("updatedAt = %v, want after %v", u.UpdatedAt, old)
			}
		})

		js.It("with timestamps set to true and options.silent set to true", func(c *C) {
			users := sequelize.Define[aNumberUser](c.DB, sequelize.ModelOptions{ModelName: "IncrementUser", Timestamps: sequelize.Bool(true)})
			c.Sync()
			u := &aNumberUser{ANumber: 1}
			c.Must(users.Create(c.Ctx, u))
			old := c.AgeTimestamps(users.TableName())
			c.Must(users.IncrementInstance(c.Ctx, u, sequelize.Values{"aNumber": 1}, sequelize.IncrementOptions{Silent: true}))
			got, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			if !got.UpdatedAt.Equal(old) {
				c.Fatalf("updatedAt = %v, want %v", got.UpdatedAt, old)
			}
		})
	})
}
