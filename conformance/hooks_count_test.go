package conformance_test

import (
	"errors"
	"testing"

	"github.com/gosequelize/sequelize"
)

func TestHooksCount(t *testing.T) {
	js := port(t, "hooks/count.test.js")
	fixture := func(c *C) *sequelize.Model[ihHkUser] {
		return ihFindUsers(c, [2]string{"adam", "happy"}, [2]string{"joe", "sad"}, [2]string{"joe", "happy"})
	}

	js.describe("#count", func(js *suite) {
		js.describe("on success", func(js *suite) {
			js.it("hook runs", func(c *C) {
				users := fixture(c)
				calls := &ihCalls{}
				users.AddHook(sequelize.BeforeCount, "", ihSpy[ihHkUser](calls, "beforeCount"))
				c.Eq("count", ihR(users.Count(c.Ctx)).get(c), int64(3))
				ihCalled(c, calls, map[string]int{"beforeCount": 1})
			})

			js.it("beforeCount hook can change options", func(c *C) {
				users := fixture(c)
				users.AddHook(sequelize.BeforeCount, "", ihFindHook(func(e *sequelize.HookEvent[ihHkUser]) {
					w, ok := e.Count.Where.(sequelize.Where)
					if !ok {
						c.Errorf("the hook got where %#v, want the Where given", e.Count.Where)
						return
					}
					w["username"] = "adam"
				}))
				n := ihR(users.Count(c.Ctx, sequelize.CountOptions{Where: sequelize.Where{"username": "joe"}})).get(c)
				c.Eq("count", n, int64(1))
			})
		})

		js.describe("on error", func(js *suite) {
			js.it("in beforeCount hook returns error", func(c *C) {
				users := fixture(c)
				users.AddHook(sequelize.BeforeCount, "", ihFail[ihHkUser](&ihCalls{}, "fail", ihOops))
				_, err := users.Count(c.Ctx, sequelize.CountOptions{Where: sequelize.Where{"username": "adam"}})
				c.Eq("error is the hook's", errors.Is(err, ihOops), true)
			})
		})
	})
}
