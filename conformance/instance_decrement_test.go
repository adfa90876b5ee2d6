package conformance_test

import (
	"sync"
	"testing"

	"github.com/gosequelize/sequelize"
)

var _ = listed(
	difference{
		File: "instance/decrement.test.js", Title: "decrement/supports returning", Kind: deliberate,
		Instead: "IncrementInstance and DecrementInstance always read the new values back into the instance, on every dialect; there is no Returning option to leave it stale.",
		Why:     "Sequelize updates the instance only where RETURNING exists (PostgreSQL) and not with returning: false; one behaviour everywhere, and no struct left stale after a successful write, is what a Go caller can rely on.",
	},
)

func TestInstanceDecrement(t *testing.T) {
	js := port(t, "instance/decrement.test.js")
	js.describe("decrement", func(js *suite) {
		js.it("supports transactions", func(c *C) {
			c.File() // reads beside a write transaction need SQLite's WAL
			users := sequelize.Define[numberUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
			c.Sync()
			u := &numberUser{Number: 3}
			c.Must(users.Create(c.Ctx, u))
			tx, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			defer tx.Rollback(c.Ctx)
			c.Must(users.DecrementInstance(c.Ctx, u, sequelize.Values{"number": 2}, sequelize.IncrementOptions{Transaction: tx}))
			users1, err := users.FindAll(c.Ctx)
			c.Must(err)
			users2, err := users.FindAll(c.Ctx, sequelize.FindOptions{Transaction: tx})
			c.Must(err)
			c.Eq("number outside", users1[0].Number, 3)
			c.Eq("number inside", users2[0].Number, 1)
		})

		js.differs("supports returning", func(c *C) {
			users := incSetup(c)
			u, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Must(users.DecrementInstance(c.Ctx, u, sequelize.Values{"aNumber": 2}))
			c.Eq("aNumber", u.ANumber, -2)
			c.Must(users.DecrementInstance(c.Ctx, u, sequelize.Values{"bNumber": 2}))
			c.Eq("bNumber", u.BNumber, -2)
		})

		for _, title := range []string{"with array", "with single field"} {
			js.it(title, func(c *C) {
				users := incSetup(c)
				u, err := users.FindByPK(c.Ctx, 1)
				c.Must(err)
				c.Must(users.DecrementInstance(c.Ctx, u, sequelize.Values{"aNumber": 2}))
				u3, err := users.FindByPK(c.Ctx, 1)
				c.Must(err)
				c.Eq("aNumber", u3.ANumber, -2)
			})
		}

		js.it("with single field and no value", func(c *C) {
			users := incSetup(c)
			u, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Must(users.DecrementInstance(c.Ctx, u, sequelize.Values{"aNumber": 1}))
			u2, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Eq("aNumber", u2.ANumber, -1)
		})

		js.it("should still work right with other concurrent updates", func(c *C) {
			users := incSetup(c)
			u1, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			u2, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Must(users.Set(u2, sequelize.Values{"aNumber": u2.ANumber + 1}))
			c.Must(users.Save(c.Ctx, u2))
			c.Must(users.DecrementInstance(c.Ctx, u1, sequelize.Values{"aNumber": 2}))
			u5, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Eq("aNumber", u5.ANumber, -1)
		})

		js.it("should still work right with other concurrent increments", func(c *C) {
			users := incSetup(c)
			u1, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			var wg sync.WaitGroup
			errs := make([]error, 3)
			for i := range 3 {
				cp := *u1 // a *T is used by one goroutine at a time
				wg.Go(func() { errs[i] = users.DecrementInstance(c.Ctx, &cp, sequelize.Values{"aNumber": 2}) })
			}
			wg.Wait()
			for _, err := range errs {
				c.Must(err)
			}
			u2, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Eq("aNumber", u2.ANumber, -6)
		})

		js.it("with key value pair", func(c *C) {
			users := incSetup(c)
			u, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Must(users.DecrementInstance(c.Ctx, u, sequelize.Values{"aNumber": 1, "bNumber": 2}))
			u3, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Eq("aNumber", u3.ANumber, -1)
			c.Eq("bNumber", u3.BNumber, -2)
		})

		js.it("with negative value", func(c *C) {
			users := incSetup(c)
			u1, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			var wg sync.WaitGroup
			amounts := []sequelize.Values{
				{"aNumber": -2},
				{"aNumber": -2, "bNumber": -2},
				{"aNumber": -1, "bNumber": -2},
			}
			errs := make([]error, len(amounts))
			for i, a := range amounts {
				cp := *u1
				wg.Go(func() { errs[i] = users.DecrementInstance(c.Ctx, &cp, a) })
			}
			wg.Wait()
			for _, err := range errs {
				c.Must(err)
			}
			u3, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Eq("aNumber", u3.ANumber, 5)
			c.Eq("bNumber", u3.BNumber, 4)
		})

		js.it("with timestamps set to true", func(c *C) {
			users := sequelize.Define[aNumberUser](c.DB, sequelize.ModelOptions{ModelName: "IncrementUser", Timestamps: sequelize.Bool(true)})
			c.Sync()
			u := &aNumberUser{ANumber: 1}
			c.Must(users.Create(c.Ctx, u))
			old := ageTimestamps(c, users.TableName())
			c.Must(users.DecrementInstance(c.Ctx, u, sequelize.Values{"aNumber": 1}))
			got, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			insAfter(c, "updatedAt", got.UpdatedAt, old, false)
		})

		js.it("with timestamps set to true and options.silent set to true", func(c *C) {
			users := sequelize.Define[aNumberUser](c.DB, sequelize.ModelOptions{ModelName: "IncrementUser", Timestamps: sequelize.Bool(true)})
			c.Sync()
			u := &aNumberUser{ANumber: 1}
			c.Must(users.Create(c.Ctx, u))
			old := ageTimestamps(c, users.TableName())
			c.Must(users.DecrementInstance(c.Ctx, u, sequelize.Values{"aNumber": 1}, sequelize.IncrementOptions{Silent: true}))
			got, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Eq("aNumber", got.ANumber, 0)
			insSameTime(c, "updatedAt", got.UpdatedAt, old)
		})
	})
}
