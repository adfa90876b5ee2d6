package conformance_test

import (
	"errors"
	"testing"

	"github.com/gosequelize/sequelize"
)

func TestHooksRestore(t *testing.T) {
	js := port(t, "hooks/restore.test.js")

	js.describe("#restore", func(js *suite) {
		// setup is the beforeEach and the cases' common part: the hooks,
		// then a ParanoidUser created and destroyed.
		setup := func(c *C, failBefore, failAfter bool) (*sequelize.Model[ihHkParanoidUser], *ihHkParanoidUser, *ihCalls) {
			_, users := ihHooks(c)
			calls := &ihCalls{}
			before, after := ihSpy[ihHkParanoidUser](calls, "before"), ihSpy[ihHkParanoidUser](calls, "after")
			if failBefore {
				before = ihFail[ihHkParanoidUser](calls, "before", ihWhoops)
			}
			if failAfter {
				after = ihFail[ihHkParanoidUser](calls, "after", ihWhoops)
			}
			users.AddHook(sequelize.BeforeRestore, "", before)
			users.AddHook(sequelize.AfterRestore, "", after)
			u := ihCreate(c, users, &ihHkParanoidUser{Username: "Toni", Mood: ihS("happy")})[0]
			c.Must(users.DestroyInstance(c.Ctx, u))
			return users, u, calls
		}
		live := func(c *C, users *sequelize.Model[ihHkParanoidUser]) int {
			c.Helper()
			return len(ihR(users.FindAll(c.Ctx)).get(c))
		}

		js.describe("on success", func(js *suite) {
			js.it("should run hooks", func(c *C) {
				users, u, calls := setup(c, false, false)
				c.Must(users.RestoreInstance(c.Ctx, u))
				ihCalled(c, calls, map[string]int{"before": 1, "after": 1})
				c.Eq("rows not deleted", live(c, users), 1)
			})
		})

		js.describe("on error", func(js *suite) {
			js.it("should return an error from before", func(c *C) {
				users, u, calls := setup(c, true, false)
				c.Eq("error is the hook's", errors.Is(users.RestoreInstance(c.Ctx, u), ihWhoops), true)
				ihCalled(c, calls, map[string]int{"before": 1, "after": 0})
				c.Eq("rows not deleted", live(c, users), 0)
			})

			js.it("should return an error from after", func(c *C) {
				users, u, calls := setup(c, false, true)
				c.Eq("error is the hook's", errors.Is(users.RestoreInstance(c.Ctx, u), ihWhoops), true)
				ihCalled(c, calls, map[string]int{"before": 1, "after": 1})
			})
		})
	})
}
