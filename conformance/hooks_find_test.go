package conformance_test

import (
	"context"
	"errors"
	"testing"

	"github.com/gosequelize/sequelize"
)

// ihOops is the error of the find and count hooks.
var ihOops = errors.New("Oops!")

// ihFindUsers is hooks/find and count's beforeEach: User with the given
// users (username, mood) bulk-created.
func ihFindUsers(c *C, users ...[2]string) *sequelize.Model[ihHkUser] {
	c.Helper()
	m := ihUsers(c)
	var insts []*ihHkUser
	for _, u := range users {
		insts = append(insts, &ihHkUser{Username: u[0], Mood: ihS(u[1])})
	}
	ihBulk(c, m, insts...)
	return m
}

// ihFindHook returns a find hook running fn with the event.
func ihFindHook(fn func(e *sequelize.HookEvent[ihHkUser])) sequelize.Hook[ihHkUser] {
	return func(_ context.Context, e *sequelize.HookEvent[ihHkUser]) error {
		fn(e)
		return nil
	}
}

// ihJoe makes a find hook's where select joe (options.where.username =
// 'joe').
func ihJoe(c *C) sequelize.Hook[ihHkUser] {
	return ihFindHook(func(e *sequelize.HookEvent[ihHkUser]) {
		w, ok := e.Find.Where.(sequelize.Where)
		if !ok {
			c.Errorf("the hook got where %#v, want the Where given", e.Find.Where)
			return
		}
		w["username"] = "joe"
	})
}

func TestHooksFind(t *testing.T) {
	js := port(t, "hooks/find.test.js")
	adam := sequelize.FindOptions{Where: sequelize.Where{"username": "adam"}}
	fixture := func(c *C) *sequelize.Model[ihHkUser] {
		return ihFindUsers(c, [2]string{"adam", "happy"}, [2]string{"joe", "sad"})
	}
	// adamsMood is findOne({where: {username: 'adam'}})'s mood.
	adamsMood := func(c *C, users *sequelize.Model[ihHkUser]) string {
		c.Helper()
		o := adam
		o.Where = sequelize.Where{"username": "adam"} // the hooks change it
		u := ihR(users.FindOne(c.Ctx, o)).get(c)
		if u == nil {
			c.Fatal("no user found")
		}
		return ihMood(u.Mood)
	}

	js.describe("#find", func(js *suite) {
		js.it("allow changing attributes via beforeFind #5675", func(c *C) {
			users := fixture(c)
			users.AddHook(sequelize.BeforeFind, "", ihFindHook(func(e *sequelize.HookEvent[ihHkUser]) {
				e.Find.Attributes = []any{sequelize.Exclude(), sequelize.As("id", "my_id")}
			}))
			rows := ihR(users.FindAll(c.Ctx, sequelize.FindOptions{})).get(c)
			c.Eq("rows", len(rows), 2)
			if rows[0].Username == "" || rows[0].ID == 0 {
				c.Fatalf("row %+v lacks its attributes", rows[0])
			}
			c.Eq("statements selecting my_id", c.Log.Count(`my_id`), 1)
		})

		js.describe("on success", func(js *suite) {
			js.it("all hooks run", func(c *C) {
				users := fixture(c)
				calls := &ihCalls{}
				for _, h := range []sequelize.HookType{sequelize.BeforeFind, sequelize.BeforeFindAfterExpandIncludeAll, sequelize.BeforeFindAfterOptions, sequelize.AfterFind} {
					users.AddHook(h, "", ihSpy[ihHkUser](calls, h.String()))
				}
				c.Eq("mood", adamsMood(c, users), "happy")
				ihCalled(c, calls, map[string]int{"beforeFind": 1, "beforeFindAfterExpandIncludeAll": 1, "beforeFindAfterOptions": 1, "afterFind": 1})
				c.Eq("order", calls.seq(), []string{"beforeFind", "beforeFindAfterExpandIncludeAll", "beforeFindAfterOptions", "afterFind"})
			})

			js.it("beforeFind hook can change options", func(c *C) {
				users := fixture(c)
				users.AddHook(sequelize.BeforeFind, "", ihJoe(c))
				c.Eq("mood", adamsMood(c, users), "sad")
			})

			js.it("beforeFindAfterExpandIncludeAll hook can change options", func(c *C) {
				users := fixture(c)
				users.AddHook(sequelize.BeforeFindAfterExpandIncludeAll, "", ihJoe(c))
				c.Eq("mood", adamsMood(c, users), "sad")
			})

			js.it("beforeFindAfterOptions hook can change options", func(c *C) {
				users := fixture(c)
				users.AddHook(sequelize.BeforeFindAfterOptions, "", ihJoe(c))
				c.Eq("mood", adamsMood(c, users), "sad")
			})

			js.it("afterFind hook can change results", func(c *C) {
				users := fixture(c)
				users.AddHook(sequelize.AfterFind, "", ihFindHook(func(e *sequelize.HookEvent[ihHkUser]) {
					if e.Instance != nil {
						e.Instance.Mood = ihS("sad")
					}
					for _, u := range e.Instances {
						u.Mood = ihS("sad")
					}
				}))
				c.Eq("mood", adamsMood(c, users), "sad")
			})
		})

		js.describe("on error", func(js *suite) {
			// fails checks that findOne fails with the hook's error.
			fails := func(c *C, h sequelize.HookType) {
				users := fixture(c)
				users.AddHook(h, "", ihFail[ihHkUser](&ihCalls{}, "fail", ihOops))
				_, err := users.FindOne(c.Ctx, adam)
				c.Eq("error is the hook's", errors.Is(err, ihOops), true)
			}

			js.it("in beforeFind hook returns error", func(c *C) { fails(c, sequelize.BeforeFind) })

			js.it("in beforeFindAfterExpandIncludeAll hook returns error", func(c *C) {
				fails(c, sequelize.BeforeFindAfterExpandIncludeAll)
			})

			js.it("in beforeFindAfterOptions hook returns error", func(c *C) { fails(c, sequelize.BeforeFindAfterOptions) })

			js.it("in afterFind hook returns error", func(c *C) { fails(c, sequelize.AfterFind) })
		})
	})
}
