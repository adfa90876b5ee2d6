package hooks_test

import (
	"context"
	"errors"
	"github.com/gosequelize/sequelize/conformance/internal/harness"
	"testing"

	"github.com/gosequelize/sequelize"
)

// errOops is the error of the find and count hooks.
//
//lint:ignore ST1005 the message of the JS tests
var errOops = errors.New("Oops!")

// ihFindUsers is hooks/find and count's beforeEach: User with the given
// users (username, mood) bulk-created.
func ihFindUsers(c *C, users ...[2]string) *sequelize.Model[ihHkUser] {
	c.Helper()
	m := ihUsers(c)
	var insts []*ihHkUser
	for _, u := range users {
		insts = append(insts, &ihHkUser{Username: u[0], Mood: ihS(u[1])})
	}
	harness.Bulk(c, m, insts...)
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

var _ = listed(difference{
	File: "hooks/find.test.js", Title: "#find/allow changing attributes via beforeFind #5675", Kind: deliberate,
	Instead: "FindAll into structs refuses an alias that names no attribute (here my_id) with a *QueryError; FindAllRaw returns it",
	Why:     "a struct has a field per attribute and no place for another value; FindAll's doc says so (FindOptions.Attributes, As)",
})

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
		u := harness.R(users.FindOne(c.Ctx, o)).Get(c)
		if u == nil {
			c.Fatal("no user found")
		}
		return ihMood(u.Mood)
	}

	js.Describe("#find", func(js *suite) {
		js.Differs("allow changing attributes via beforeFind #5675", func(c *C) {
			users := fixture(c)
			users.AddHook(sequelize.BeforeFind, "", ihFindHook(func(e *sequelize.HookEvent[ihHkUser]) {
				e.Find.Attributes = []any{sequelize.Exclude(), sequelize.As("id", "my_id")}
			}))
			// The hook's options apply: into structs, the alias has no field.
			_, err := users.FindAll(c.Ctx, sequelize.FindOptions{})
			var qe *sequelize.QueryError
			c.ErrAs(err, &qe)
			// FindAllRaw reads it, and the hook's attributes are sent.
			rows := harness.R(users.FindAllRaw(c.Ctx, sequelize.FindOptions{})).Get(c)
			c.Eq("rows", len(rows), 2)
			if rows[0]["my_id"] == nil || rows[0]["username"] == nil {
				c.Fatalf("row %v lacks my_id or username", rows[0])
			}
			c.Eq("statements selecting my_id", c.Log.Count(`my_id`), 1)
		})

		js.Describe("on success", func(js *suite) {
			js.It("all hooks run", func(c *C) {
				users := fixture(c)
				calls := &ihCalls{}
				for _, h := range []sequelize.HookType{sequelize.BeforeFind, sequelize.BeforeFindAfterExpandIncludeAll, sequelize.BeforeFindAfterOptions, sequelize.AfterFind} {
					users.AddHook(h, "", ihSpy[ihHkUser](calls, h.String()))
				}
				c.Eq("mood", adamsMood(c, users), "happy")
				ihCalled(c, calls, map[string]int{"beforeFind": 1, "beforeFindAfterExpandIncludeAll": 1, "beforeFindAfterOptions": 1, "afterFind": 1})
				c.Eq("order", calls.seq(), []string{"beforeFind", "beforeFindAfterExpandIncludeAll", "beforeFindAfterOptions", "afterFind"})
			})

			js.It("beforeFind hook can change options", func(c *C) {
				users := fixture(c)
				users.AddHook(sequelize.BeforeFind, "", ihJoe(c))
				c.Eq("mood", adamsMood(c, users), "sad")
			})

			js.It("beforeFindAfterExpandIncludeAll hook can change options", func(c *C) {
				users := fixture(c)
				users.AddHook(sequelize.BeforeFindAfterExpandIncludeAll, "", ihJoe(c))
				c.Eq("mood", adamsMood(c, users), "sad")
			})

			js.It("beforeFindAfterOptions hook can change options", func(c *C) {
				users := fixture(c)
				users.AddHook(sequelize.BeforeFindAfterOptions, "", ihJoe(c))
				c.Eq("mood", adamsMood(c, users), "sad")
			})

			js.It("afterFind hook can change results", func(c *C) {
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

		js.Describe("on error", func(js *suite) {
			// fails checks that findOne fails with the hook's error.
			fails := func(c *C, h sequelize.HookType) {
				users := fixture(c)
				users.AddHook(h, "", ihFail[ihHkUser](&ihCalls{}, "fail", errOops))
				_, err := users.FindOne(c.Ctx, adam)
				c.Eq("error is the hook's", errors.Is(err, errOops), true)
			}

			js.It("in beforeFind hook returns error", func(c *C) { fails(c, sequelize.BeforeFind) })

			js.It("in beforeFindAfterExpandIncludeAll hook returns error", func(c *C) {
				fails(c, sequelize.BeforeFindAfterExpandIncludeAll)
			})

			js.It("in beforeFindAfterOptions hook returns error", func(c *C) { fails(c, sequelize.BeforeFindAfterOptions) })

			js.It("in afterFind hook returns error", func(c *C) { fails(c, sequelize.AfterFind) })
		})
	})
}
