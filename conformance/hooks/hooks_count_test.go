package hooks_test

import (
	"errors"
	"github.com/gosequelize/sequelize/conformance/internal/harness"
	"testing"

	"github.com/gosequelize/sequelize"
)

func TestHooksCount(t *testing.T) {
	js := port(t, "hooks/count.test.js")
	fixture := func(c *C) *sequelize.Model[ihHkUser] {
		return ihFindUsers(c, [2]string{"adam", "happy"}, [2]string{"joe", "sad"}, [2]string{"joe", "happy"})
	}

	js.Describe("#count", func(js *suite) {
		js.Describe("on success", func(js *suite) {
			js.It("hook runs", func(c *C) {
				users := fixture(c)
				calls := &ihCalls{}
				users.AddHook(sequelize.BeforeCount, "", ihSpy[ihHkUser](calls, "beforeCount"))
				c.Eq("count", harness.R(users.Count(c.Ctx)).Get(c), int64(3))
				ihCalled(c, calls, map[string]int{"beforeCount": 1})
			})

			js.It("beforeCount hook can change options", func(c *C) {
				users := fixture(c)
				users.AddHook(sequelize.BeforeCount, "", ihFindHook(func(e *sequelize.HookEvent[ihHkUser]) {
					w, ok := e.Count.Where.(sequelize.Where)
					if !ok {
						c.Errorf("the hook got where %#v, want the Where given", e.Count.Where)
						return
					}
					w["username"] = "adam"
				}))
				n := harness.R(users.Count(c.Ctx, sequelize.CountOptions{Where: sequelize.Where{"username": "joe"}})).Get(c)
				c.Eq("count", n, int64(1))
			})
		})

		js.Describe("on error", func(js *suite) {
			js.It("in beforeCount hook returns error", func(c *C) {
				users := fixture(c)
				users.AddHook(sequelize.BeforeCount, "", ihFail[ihHkUser](&ihCalls{}, "fail", errOops))
				_, err := users.Count(c.Ctx, sequelize.CountOptions{Where: sequelize.Where{"username": "adam"}})
				c.Eq("error is the hook's", errors.Is(err, errOops), true)
			})
		})
	})
}
