package hooks_test

import (
	"errors"
	"github.com/gosequelize/sequelize/conformance/internal/harness"
	"testing"

	"github.com/gosequelize/sequelize"
)

func TestHooksRestore(t *testing.T) {
	js := port(t, "hooks/restore.test.js")

	js.Describe("#restore", func(js *suite) {
		// setup is the beforeEach and the cases' common part: the hooks,
		// then a ParanoidUser created and destroyed.
		setup := func(c *C, failBefore, failAfter bool) (*sequelize.Model[ihHkParanoidUser], *ihHkParanoidUser, *ihCalls) {
			_, users := ihHooks(c)
			calls := &ihCalls{}
			before, after := ihSpy[ihHkParanoidUser](calls, "before"), ihSpy[ihHkParanoidUser](calls, "after")
			if failBefore {
				before = ihFail[ihHkParanoidUser](calls, "before", errWhoops)
			}
			if failAfter {
				after = ihFail[ihHkParanoidUser](calls, "after", errWhoops)
			}
			users.AddHook(sequelize.BeforeRestore, "", before)
			users.AddHook(sequelize.AfterRestore, "", after)
			u := harness.Create(c, users, &ihHkParanoidUser{Username: "Toni", Mood: ihS("happy")})[0]
			c.Must(users.DestroyInstance(c.Ctx, u))
			return users, u, calls
		}
		live := func(c *C, users *sequelize.Model[ihHkParanoidUser]) int {
			c.Helper()
			return len(harness.R(users.FindAll(c.Ctx)).Get(c))
		}

		js.Describe("on success", func(js *suite) {
			js.It("should run hooks", func(c *C) {
				users, u, calls := setup(c, false, false)
				c.Must(users.RestoreInstance(c.Ctx, u))
				ihCalled(c, calls, map[string]int{"before": 1, "after": 1})
				c.Eq("rows not deleted", live(c, users), 1)
			})
		})

		js.Describe("on error", func(js *suite) {
			js.It("should return an error from before", func(c *C) {
				users, u, calls := setup(c, true, false)
				c.Eq("error is the hook's", errors.Is(users.RestoreInstance(c.Ctx, u), errWhoops), true)
				ihCalled(c, calls, map[string]int{"before": 1, "after": 0})
				c.Eq("rows not deleted", live(c, users), 0)
			})

			js.It("should return an error from after", func(c *C) {
				users, u, calls := setup(c, false, true)
				c.Eq("error is the hook's", errors.Is(users.RestoreInstance(c.Ctx, u), errWhoops), true)
				ihCalled(c, calls, map[string]int{"before": 1, "after": 1})
			})
		})
	})
}
