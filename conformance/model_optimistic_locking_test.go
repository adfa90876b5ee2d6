package conformance_test

import (
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
)

// mwVersioned is the Account of model/optimistic_locking.test.js.
type mwVersioned struct {
	ID        int64
	Number    int64 `sequelize:"type:INTEGER"`
	Version   int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

func TestModelOptimisticLocking(t *testing.T) {
	js := port(t, "model/optimistic_locking.test.js")
	js.describe("optimistic locking", func(js *suite) {
		setup := func(c *C) *sequelize.Model[mwVersioned] {
			return mwDefine[mwVersioned](c, sequelize.ModelOptions{ModelName: "Account", Version: "version"})
		}

		js.it("should increment the version on save", func(c *C) {
			accounts := setup(c)
			a := &mwVersioned{Number: 1}
			c.Must(accounts.Create(c.Ctx, a))
			a.Number++
			c.Eq("version", a.Version, 0)
			c.Must(accounts.Save(c.Ctx, a))
			c.Eq("version", a.Version, 1)
		})

		js.it("should increment the version on update", func(c *C) {
			accounts := setup(c)
			a := &mwVersioned{Number: 1}
			c.Must(accounts.Create(c.Ctx, a))
			c.Eq("version", a.Version, 0)
			// instance.update({number: 2}) is Set then Save
			c.Must(accounts.Set(a, sequelize.Values{"number": 2}))
			c.Must(accounts.Save(c.Ctx, a))
			c.Eq("version", a.Version, 1)
			a.Number++
			c.Must(accounts.Save(c.Ctx, a))
			c.Eq("number", a.Number, 3)
			c.Eq("version", a.Version, 2)
		})

		js.it("prevents stale instances from being saved", func(c *C) {
			accounts := setup(c)
			a := &mwVersioned{Number: 1}
			c.Must(accounts.Create(c.Ctx, a))
			b, err := accounts.FindByPK(c.Ctx, a.ID)
			c.Must(err)
			a.Number++
			c.Must(accounts.Save(c.Ctx, a))
			b.Number++
			var ole *sequelize.OptimisticLockError
			c.ErrAs(accounts.Save(c.Ctx, b), &ole)
			got, err := accounts.FindByPK(c.Ctx, a.ID)
			c.Must(err)
			c.Eq("stored number", got.Number, 2)
		})

		js.it("increment() also increments the version", func(c *C) {
			accounts := setup(c)
			a := &mwVersioned{Number: 1}
			c.Must(accounts.Create(c.Ctx, a))
			c.Eq("version", a.Version, 0)
			c.Must(accounts.IncrementInstance(c.Ctx, a, sequelize.Values{"number": 1}))
			c.Must(accounts.Reload(c.Ctx, a))
			c.Eq("version", a.Version, 1)
			c.Eq("number", a.Number, 2)
		})

		js.it("decrement() also increments the version", func(c *C) {
			accounts := setup(c)
			a := &mwVersioned{Number: 1}
			c.Must(accounts.Create(c.Ctx, a))
			c.Eq("version", a.Version, 0)
			c.Must(accounts.DecrementInstance(c.Ctx, a, sequelize.Values{"number": 1}))
			c.Must(accounts.Reload(c.Ctx, a))
			c.Eq("version", a.Version, 1)
			c.Eq("number", a.Number, 0)
		})
	})
}
