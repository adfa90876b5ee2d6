package hooks_test

import (
	"context"
	"errors"
	"github.com/gosequelize/sequelize/conformance/internal/harness"
	"sync/atomic"
	"testing"

	"github.com/gosequelize/sequelize"
)

// ihUsers is the beforeEach of hooks/create, updateAttributes, destroy,
// validate, find and count: User (username NOT NULL, mood ENUM), synced.
func ihUsers(c *C) *sequelize.Model[ihHkUser] {
	c.Helper()
	users := harness.Define[ihHkUser](c, "User")
	c.Sync()
	return users
}

// ihSetMood returns a hook setting the instance's mood, counting its calls.
func ihSetMood(n *atomic.Int32, mood string) sequelize.Hook[ihHkUser] {
	return func(_ context.Context, e *sequelize.HookEvent[ihHkUser]) error {
		e.Instance.Mood = ihS(mood)
		n.Add(1)
		return nil
	}
}

// ihMood returns *m, or "<nil>".
func ihMood(m *string) string {
	if m == nil {
		return "<nil>"
	}
	return *m
}

func TestHooksCreate(t *testing.T) {
	js := port(t, "hooks/create.test.js")

	js.Describe("#create", func(js *suite) {
		// hooks registers the four spies of the cases, before and after
		// possibly failing.
		hooks := func(users *sequelize.Model[ihHkUser], calls *ihCalls, failBefore, failAfter bool) {
			before, after := ihSpy[ihHkUser](calls, "beforeCreate"), ihSpy[ihHkUser](calls, "afterCreate")
			if failBefore {
				before = ihFail[ihHkUser](calls, "beforeCreate", errWhoops)
			}
			if failAfter {
				after = ihFail[ihHkUser](calls, "afterCreate", errWhoops)
			}
			users.AddHook(sequelize.BeforeCreate, "", before)
			users.AddHook(sequelize.AfterCreate, "", after)
			users.AddHook(sequelize.BeforeSave, "", ihSpy[ihHkUser](calls, "beforeSave"))
			users.AddHook(sequelize.AfterSave, "", ihSpy[ihHkUser](calls, "afterSave"))
		}

		js.Describe("on success", func(js *suite) {
			js.It("should run hooks", func(c *C) {
				users := ihUsers(c)
				calls := &ihCalls{}
				hooks(users, calls, false, false)
				harness.Create(c, users, &ihHkUser{Username: "Toni", Mood: ihS("happy")})
				ihCalled(c, calls, map[string]int{"beforeCreate": 1, "afterCreate": 1, "beforeSave": 1, "afterSave": 1})
			})
		})

		js.Describe("on error", func(js *suite) {
			js.It("should return an error from before", func(c *C) {
				users := ihUsers(c)
				calls := &ihCalls{}
				hooks(users, calls, true, false)
				err := users.Create(c.Ctx, &ihHkUser{Username: "Toni", Mood: ihS("happy")})
				c.Eq("error is the hook's", errors.Is(err, errWhoops), true)
				ihCalled(c, calls, map[string]int{"beforeCreate": 1, "afterCreate": 0, "beforeSave": 0, "afterSave": 0})
				c.Eq("rows", len(harness.All(c, users)), 0)
			})

			js.It("should return an error from after", func(c *C) {
				users := ihUsers(c)
				calls := &ihCalls{}
				hooks(users, calls, false, true)
				err := users.Create(c.Ctx, &ihHkUser{Username: "Toni", Mood: ihS("happy")})
				c.Eq("error is the hook's", errors.Is(err, errWhoops), true)
				ihCalled(c, calls, map[string]int{"beforeCreate": 1, "afterCreate": 1, "beforeSave": 1, "afterSave": 0})
			})
		})

		js.It("should not trigger hooks on parent when using N:M association setters", func(c *C) {
			ihUsers(c)
			type named struct {
				ID   int64
				Name string
			}
			type (
				ihA named
				ihB named
			)
			as := harness.Define[ihA](c, "A")
			bs := harness.Define[ihB](c, "B")
			var called atomic.Int32
			as.AddHook(sequelize.AfterCreate, "", func(context.Context, *sequelize.HookEvent[ihA]) error {
				called.Add(1)
				return nil
			})
			sequelize.BelongsToMany(bs, as, sequelize.BelongsToManyOptions{Through: "a_b"})
			ab := sequelize.BelongsToMany(as, bs, sequelize.BelongsToManyOptions{Through: "a_b"})
			c.Sync()
			a := harness.Create(c, as, &ihA{Name: "a"})[0]
			b := harness.Create(c, bs, &ihB{Name: "b"})[0]
			c.Must(ab.Add(c.Ctx, a, b))
			c.Eq("afterCreate calls", called.Load(), int32(1))
			c.Eq("a's bs", len(harness.R(ab.Get(c.Ctx, a)).Get(c)), 1)
		})

		js.Describe("preserves changes to instance", func(js *suite) {
			// check creates u and checks its mood and username, in the
			// instance and in the database, and the hooks' calls.
			check := func(c *C, users *sequelize.Model[ihHkUser], u *ihHkUser, n *atomic.Int32, mood string, calls int32) {
				c.Helper()
				name := u.Username
				harness.Create(c, users, u)
				c.Eq("mood", ihMood(u.Mood), mood)
				c.Eq("username", u.Username, name)
				c.Eq("hook calls", n.Load(), calls)
				got := harness.R(users.FindByPK(c.Ctx, u.ID)).Get(c)
				c.Eq("stored mood", ihMood(got.Mood), mood)
			}

			js.It("beforeValidate", func(c *C) {
				users := ihUsers(c)
				var n atomic.Int32
				users.AddHook(sequelize.BeforeValidate, "", ihSetMood(&n, "happy"))
				check(c, users, &ihHkUser{Username: "leafninja", Mood: ihS("sad")}, &n, "happy", 1)
			})

			js.It("afterValidate", func(c *C) {
				users := ihUsers(c)
				var n atomic.Int32
				users.AddHook(sequelize.AfterValidate, "", ihSetMood(&n, "neutral"))
				check(c, users, &ihHkUser{Username: "fireninja", Mood: ihS("sad")}, &n, "neutral", 1)
			})

			js.It("beforeCreate", func(c *C) {
				users := ihUsers(c)
				var n atomic.Int32
				users.AddHook(sequelize.BeforeCreate, "", ihSetMood(&n, "happy"))
				check(c, users, &ihHkUser{Username: "akira"}, &n, "happy", 1)
			})

			js.It("beforeSave", func(c *C) {
				users := ihUsers(c)
				var n atomic.Int32
				users.AddHook(sequelize.BeforeSave, "", ihSetMood(&n, "happy"))
				check(c, users, &ihHkUser{Username: "akira"}, &n, "happy", 1)
			})

			js.It("beforeSave with beforeCreate", func(c *C) {
				users := ihUsers(c)
				var n atomic.Int32
				users.AddHook(sequelize.BeforeCreate, "", ihSetMood(&n, "sad"))
				users.AddHook(sequelize.BeforeSave, "", ihSetMood(&n, "happy"))
				check(c, users, &ihHkUser{Username: "akira"}, &n, "happy", 2)
			})
		})
	})
}
