package hooks_test

import (
	"errors"
	"github.com/gosequelize/sequelize/conformance/internal/harness"
	"sync/atomic"
	"testing"

	"github.com/gosequelize/sequelize"
)

// ihUpdate is instance.update(values): Set, then Save.
func ihUpdate[T any](c *C, m *sequelize.Model[T], inst *T, values sequelize.Values) error {
	c.Helper()
	if err := m.Set(inst, values); err != nil {
		return err
	}
	return m.Save(c.Ctx, inst)
}

// ihStored returns the row of id as stored.
func ihStored(c *C, users *sequelize.Model[ihHkUser], id int64) *ihHkUser {
	c.Helper()
	u := harness.R(users.FindByPK(c.Ctx, id)).Get(c)
	if u == nil {
		c.Fatalf("user %d not found", id)
	}
	return u
}

func TestHooksUpdateAttributes(t *testing.T) {
	js := port(t, "hooks/updateAttributes.test.js")

	js.Describe("#update", func(js *suite) {
		hooks := func(users *sequelize.Model[ihHkUser], calls *ihCalls, failBefore, failAfter bool) {
			before, after := ihSpy[ihHkUser](calls, "beforeUpdate"), ihSpy[ihHkUser](calls, "afterUpdate")
			if failBefore {
				before = ihFail[ihHkUser](calls, "beforeUpdate", errWhoops)
			}
			if failAfter {
				after = ihFail[ihHkUser](calls, "afterUpdate", errWhoops)
			}
			users.AddHook(sequelize.BeforeUpdate, "", before)
			users.AddHook(sequelize.AfterUpdate, "", after)
			users.AddHook(sequelize.BeforeSave, "", ihSpy[ihHkUser](calls, "beforeSave"))
			users.AddHook(sequelize.AfterSave, "", ihSpy[ihHkUser](calls, "afterSave"))
		}

		js.Describe("on success", func(js *suite) {
			js.It("should run hooks", func(c *C) {
				users := ihUsers(c)
				calls := &ihCalls{}
				hooks(users, calls, false, false)
				u := harness.Create(c, users, &ihHkUser{Username: "Toni", Mood: ihS("happy")})[0]
				c.Must(ihUpdate(c, users, u, sequelize.Values{"username": "Chong"}))
				ihCalled(c, calls, map[string]int{"beforeUpdate": 1, "afterUpdate": 1, "beforeSave": 2, "afterSave": 2})
				c.Eq("username", u.Username, "Chong")
				c.Eq("stored username", ihStored(c, users, u.ID).Username, "Chong")
			})
		})

		js.Describe("on error", func(js *suite) {
			js.It("should return an error from before", func(c *C) {
				users := ihUsers(c)
				calls := &ihCalls{}
				hooks(users, calls, true, false)
				u := harness.Create(c, users, &ihHkUser{Username: "Toni", Mood: ihS("happy")})[0]
				err := ihUpdate(c, users, u, sequelize.Values{"username": "Chong"})
				c.Eq("error is the hook's", errors.Is(err, errWhoops), true)
				ihCalled(c, calls, map[string]int{"beforeUpdate": 1, "beforeSave": 1, "afterUpdate": 0, "afterSave": 1})
				c.Eq("stored username", ihStored(c, users, u.ID).Username, "Toni")
			})

			js.It("should return an error from after", func(c *C) {
				users := ihUsers(c)
				calls := &ihCalls{}
				hooks(users, calls, false, true)
				u := harness.Create(c, users, &ihHkUser{Username: "Toni", Mood: ihS("happy")})[0]
				err := ihUpdate(c, users, u, sequelize.Values{"username": "Chong"})
				c.Eq("error is the hook's", errors.Is(err, errWhoops), true)
				ihCalled(c, calls, map[string]int{"beforeUpdate": 1, "afterUpdate": 1, "beforeSave": 2, "afterSave": 1})
			})
		})

		js.Describe("preserves changes to instance", func(js *suite) {
			// check checks u's username and mood, and the row's.
			check := func(c *C, users *sequelize.Model[ihHkUser], u *ihHkUser, name, mood string) {
				c.Helper()
				c.Eq("username", u.Username, name)
				c.Eq("mood", ihMood(u.Mood), mood)
				got := ihStored(c, users, u.ID)
				c.Eq("stored username", got.Username, name)
				c.Eq("stored mood", ihMood(got.Mood), mood)
			}

			js.It("beforeValidate", func(c *C) {
				users := ihUsers(c)
				var n atomic.Int32
				users.AddHook(sequelize.BeforeValidate, "", ihSetMood(&n, "happy"))
				u := harness.Create(c, users, &ihHkUser{Username: "fireninja", Mood: ihS("invalid")})[0]
				c.Must(ihUpdate(c, users, u, sequelize.Values{"username": "hero"}))
				check(c, users, u, "hero", "happy")
			})

			js.It("afterValidate", func(c *C) {
				users := ihUsers(c)
				var n atomic.Int32
				users.AddHook(sequelize.AfterValidate, "", ihSetMood(&n, "sad"))
				u := harness.Create(c, users, &ihHkUser{Username: "fireninja", Mood: ihS("nuetral")})[0]
				c.Must(ihUpdate(c, users, u, sequelize.Values{"username": "spider"}))
				check(c, users, u, "spider", "sad")
			})

			js.It("beforeSave", func(c *C) {
				users := ihUsers(c)
				var n atomic.Int32
				users.AddHook(sequelize.BeforeSave, "", ihSetMood(&n, "happy"))
				u := harness.Create(c, users, &ihHkUser{Username: "fireninja", Mood: ihS("nuetral")})[0]
				c.Must(ihUpdate(c, users, u, sequelize.Values{"username": "spider", "mood": "sad"}))
				check(c, users, u, "spider", "happy")
				c.Eq("hook calls", n.Load(), int32(2))
			})

			js.It("beforeSave with beforeUpdate", func(c *C) {
				users := ihUsers(c)
				var n atomic.Int32
				users.AddHook(sequelize.BeforeUpdate, "", ihSetMood(&n, "sad"))
				users.AddHook(sequelize.BeforeSave, "", ihSetMood(&n, "happy"))
				u := harness.Create(c, users, &ihHkUser{Username: "akira"})[0]
				c.Must(ihUpdate(c, users, u, sequelize.Values{"username": "spider", "mood": "sad"}))
				check(c, users, u, "spider", "happy")
				c.Eq("hook calls", n.Load(), int32(3))
			})
		})
	})
}
