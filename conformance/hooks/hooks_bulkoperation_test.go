package hooks_test

import (
	"context"
	"errors"
	"fmt"
	"github.com/gosequelize/sequelize/conformance/internal/harness"
	"sync"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
)

// ihIndUser is the User of the {individualHooks: true} blocks.
type ihIndUser struct {
	ID             int64
	Username       string
	BeforeHookTest bool
	ANumber        int64
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// ihIndParanoid is the ParanoidUser of #bulkRestore's individualHooks block.
type ihIndParanoid struct {
	ID        int64
	ANumber   int64
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
}

// errPass is the error of the individual hooks.
//
//lint:ignore ST1005 the message of the JS tests
var errPass = errors.New("You shall not pass!")

// ihIndUsers is the individualHooks blocks' beforeEach: User redefined with
// its defaults, synced.
func ihIndUsers(c *C) *sequelize.Model[ihIndUser] {
	c.Helper()
	ihHooks(c)
	m := harness.Define[ihIndUser](c, "User", sequelize.ModelOptions{Attributes: map[string]sequelize.AttributeOptions{
		"username":       {DefaultValue: ""},
		"beforeHookTest": {DefaultValue: false},
		"aNumber":        {DefaultValue: int64(0)},
	}})
	c.Must(m.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
	return m
}

// ihHook returns a hook running fn with the instance.
func ihHook[T any](fn func(inst *T) error) sequelize.Hook[T] {
	return func(_ context.Context, e *sequelize.HookEvent[T]) error { return fn(e.Instance) }
}

// ihInd returns n users with aNumber a.
func ihInd(n int, a int64) []*ihIndUser {
	var out []*ihIndUser
	for range n {
		out = append(out, &ihIndUser{ANumber: a})
	}
	return out
}

func TestHooksBulkOperation(t *testing.T) {
	js := port(t, "hooks/bulkOperation.test.js")
	cheechChong := func() []*ihHkUser {
		return []*ihHkUser{{Username: "Cheech", Mood: ihS("sad")}, {Username: "Chong", Mood: ihS("sad")}}
	}

	js.Describe("#bulkCreate", func(js *suite) {
		js.Describe("on success", func(js *suite) {
			js.It("should run hooks", func(c *C) {
				users, _ := ihHooks(c)
				calls := &ihCalls{}
				users.AddHook(sequelize.BeforeBulkCreate, "", ihSpy[ihHkUser](calls, "before"))
				users.AddHook(sequelize.AfterBulkCreate, "", ihSpy[ihHkUser](calls, "after"))
				c.Must(users.BulkCreate(c.Ctx, cheechChong()))
				ihCalled(c, calls, map[string]int{"before": 1, "after": 1})
				c.Eq("rows", len(harness.All(c, users)), 2)
			})
		})

		js.Describe("on error", func(js *suite) {
			js.It("should return an error from before", func(c *C) {
				users, _ := ihHooks(c)
				users.AddHook(sequelize.BeforeBulkCreate, "", ihFail[ihHkUser](&ihCalls{}, "before", errWhoops))
				c.Eq("error is the hook's", errors.Is(users.BulkCreate(c.Ctx, cheechChong()), errWhoops), true)
				c.Eq("rows", len(harness.All(c, users)), 0)
			})

			js.It("should return an error from after", func(c *C) {
				users, _ := ihHooks(c)
				users.AddHook(sequelize.AfterBulkCreate, "", ihFail[ihHkUser](&ihCalls{}, "after", errWhoops))
				c.Eq("error is the hook's", errors.Is(users.BulkCreate(c.Ctx, cheechChong()), errWhoops), true)
			})
		})

		js.Describe("with the {individualHooks: true} option", func(js *suite) {
			opts := sequelize.BulkCreateOptions{Fields: []string{"aNumber"}, IndividualHooks: true}

			js.It("should run the afterCreate/beforeCreate functions for each item created successfully", func(c *C) {
				users := ihIndUsers(c)
				calls := &ihCalls{}
				users.AddHook(sequelize.BeforeBulkCreate, "", ihSpy[ihIndUser](calls, "beforeBulk"))
				users.AddHook(sequelize.AfterBulkCreate, "", ihSpy[ihIndUser](calls, "afterBulk"))
				users.AddHook(sequelize.BeforeCreate, "", ihHook(func(u *ihIndUser) error {
					u.BeforeHookTest = true
					return nil
				}))
				users.AddHook(sequelize.AfterCreate, "", ihHook(func(u *ihIndUser) error {
					u.Username = fmt.Sprintf("User%d", u.ID)
					return nil
				}))
				records := []*ihIndUser{{ANumber: 5}, {ANumber: 7}, {ANumber: 3}}
				c.Must(users.BulkCreate(c.Ctx, records, opts))
				for _, r := range records {
					c.Eq("username", r.Username, fmt.Sprintf("User%d", r.ID))
					c.Eq("beforeHookTest", r.BeforeHookTest, true)
				}
				ihCalled(c, calls, map[string]int{"beforeBulk": 1, "afterBulk": 1})
				c.Eq("rows", len(harness.All(c, users)), 3)
			})

			js.It("should run the afterCreate/beforeCreate functions for each item created with an error", func(c *C) {
				users := ihIndUsers(c)
				calls := &ihCalls{}
				users.AddHook(sequelize.BeforeBulkCreate, "", ihSpy[ihIndUser](calls, "beforeBulk"))
				users.AddHook(sequelize.AfterBulkCreate, "", ihSpy[ihIndUser](calls, "afterBulk"))
				users.AddHook(sequelize.BeforeCreate, "", ihFail[ihIndUser](calls, "beforeCreate", errPass))
				users.AddHook(sequelize.AfterCreate, "", ihSpy[ihIndUser](calls, "afterCreate"))
				err := users.BulkCreate(c.Ctx, []*ihIndUser{{ANumber: 5}, {ANumber: 7}, {ANumber: 3}}, opts)
				c.Eq("error is the hook's", errors.Is(err, errPass), true)
				ihCalled(c, calls, map[string]int{"beforeBulk": 1, "afterBulk": 0, "afterCreate": 0})
				c.Eq("rows", len(harness.All(c, users)), 0)
			})
		})
	})

	js.Describe("#bulkUpdate", func(js *suite) {
		update := func(c *C, users *sequelize.Model[ihHkUser]) error {
			_, err := users.Update(c.Ctx, sequelize.Values{"mood": "happy"}, sequelize.UpdateOptions{Where: sequelize.Where{"mood": "sad"}})
			return err
		}

		js.Describe("on success", func(js *suite) {
			js.It("should run hooks", func(c *C) {
				users, _ := ihHooks(c)
				calls := &ihCalls{}
				users.AddHook(sequelize.BeforeBulkUpdate, "", ihSpy[ihHkUser](calls, "before"))
				users.AddHook(sequelize.AfterBulkUpdate, "", ihSpy[ihHkUser](calls, "after"))
				harness.Bulk(c, users, cheechChong()...)
				c.Must(update(c, users))
				ihCalled(c, calls, map[string]int{"before": 1, "after": 1})
				for _, u := range harness.All(c, users) {
					c.Eq("mood", ihMood(u.Mood), "happy")
				}
			})
		})

		js.Describe("on error", func(js *suite) {
			js.It("should return an error from before", func(c *C) {
				users, _ := ihHooks(c)
				users.AddHook(sequelize.BeforeBulkUpdate, "", ihFail[ihHkUser](&ihCalls{}, "before", errWhoops))
				harness.Bulk(c, users, cheechChong()...)
				c.Eq("error is the hook's", errors.Is(update(c, users), errWhoops), true)
				for _, u := range harness.All(c, users) {
					c.Eq("mood", ihMood(u.Mood), "sad")
				}
			})

			js.It("should return an error from after", func(c *C) {
				users, _ := ihHooks(c)
				users.AddHook(sequelize.AfterBulkUpdate, "", ihFail[ihHkUser](&ihCalls{}, "after", errWhoops))
				harness.Bulk(c, users, cheechChong()...)
				c.Eq("error is the hook's", errors.Is(update(c, users), errWhoops), true)
			})
		})

		js.Describe("with the {individualHooks: true} option", func(js *suite) {
			opts := sequelize.UpdateOptions{Where: sequelize.Where{"aNumber": 1}, IndividualHooks: true}
			// records collects the instances AfterUpdate gets: Sequelize's
			// update returns those with individualHooks.
			records := func(users *sequelize.Model[ihIndUser]) func() []*ihIndUser {
				var mu sync.Mutex
				var out []*ihIndUser
				users.AddHook(sequelize.AfterUpdate, "records", ihHook(func(u *ihIndUser) error {
					mu.Lock()
					defer mu.Unlock()
					out = append(out, u)
					return nil
				}))
				return func() []*ihIndUser { return out }
			}

			js.It("should run the after/before functions for each item created successfully", func(c *C) {
				users := ihIndUsers(c)
				calls := &ihCalls{}
				users.AddHook(sequelize.BeforeBulkUpdate, "", ihSpy[ihIndUser](calls, "beforeBulk"))
				users.AddHook(sequelize.AfterBulkUpdate, "", ihSpy[ihIndUser](calls, "afterBulk"))
				users.AddHook(sequelize.BeforeUpdate, "", ihHook(func(u *ihIndUser) error {
					if len(users.Changed(u)) == 0 {
						c.Errorf("Changed is empty in beforeUpdate")
					}
					u.BeforeHookTest = true
					return nil
				}))
				users.AddHook(sequelize.AfterUpdate, "", ihHook(func(u *ihIndUser) error {
					u.Username = fmt.Sprintf("User%d", u.ID)
					return nil
				}))
				got := records(users)
				harness.Bulk(c, users, ihInd(3, 1)...)
				_, err := users.Update(c.Ctx, sequelize.Values{"aNumber": 10}, opts)
				c.Must(err)
				c.Eq("records", len(got()), 3)
				for _, r := range got() {
					c.Eq("username", r.Username, fmt.Sprintf("User%d", r.ID))
					c.Eq("beforeHookTest", r.BeforeHookTest, true)
				}
				ihCalled(c, calls, map[string]int{"beforeBulk": 1, "afterBulk": 1})
				for _, u := range harness.All(c, users) {
					c.Eq("stored aNumber", u.ANumber, int64(10))
				}
			})

			js.It("should run the after/before functions for each item created successfully changing some data before updating", func(c *C) {
				users := ihIndUsers(c)
				users.AddHook(sequelize.BeforeUpdate, "", ihHook(func(u *ihIndUser) error {
					if len(users.Changed(u)) == 0 {
						c.Errorf("Changed is empty in beforeUpdate")
					}
					if u.ID == 1 {
						return users.Set(u, sequelize.Values{"aNumber": u.ANumber + 3})
					}
					return nil
				}))
				got := records(users)
				harness.Bulk(c, users, ihInd(3, 1)...)
				_, err := users.Update(c.Ctx, sequelize.Values{"aNumber": 10}, opts)
				c.Must(err)
				c.Eq("records", len(got()), 3)
				want := func(id int64) int64 {
					if id == 1 {
						return 13
					}
					return 10
				}
				for _, r := range got() {
					c.Eq("aNumber", r.ANumber, want(r.ID))
				}
				for _, u := range harness.All(c, users) {
					c.Eq("stored aNumber", u.ANumber, want(u.ID))
				}
			})

			js.It("should run the after/before functions for each item created with an error", func(c *C) {
				users := ihIndUsers(c)
				calls := &ihCalls{}
				users.AddHook(sequelize.BeforeBulkUpdate, "", ihSpy[ihIndUser](calls, "beforeBulk"))
				users.AddHook(sequelize.AfterBulkUpdate, "", ihSpy[ihIndUser](calls, "afterBulk"))
				users.AddHook(sequelize.BeforeUpdate, "", ihFail[ihIndUser](calls, "beforeUpdate", errPass))
				users.AddHook(sequelize.AfterUpdate, "", ihSpy[ihIndUser](calls, "afterUpdate"))
				c.Must(users.BulkCreate(c.Ctx, ihInd(3, 1), sequelize.BulkCreateOptions{Fields: []string{"aNumber"}}))
				_, err := users.Update(c.Ctx, sequelize.Values{"aNumber": 10}, opts)
				c.Eq("error is the hook's", errors.Is(err, errPass), true)
				if err != nil {
					c.Eq("message", err.Error(), "You shall not pass!")
				}
				ihCalled(c, calls, map[string]int{"beforeBulk": 1, "afterBulk": 0, "afterUpdate": 0})
				for _, u := range harness.All(c, users) {
					c.Eq("stored aNumber", u.ANumber, int64(1))
				}
			})
		})
	})

	js.Describe("#bulkDestroy", func(js *suite) {
		cheech := sequelize.DestroyOptions{Where: sequelize.Where{"username": "Cheech", "mood": "sad"}}

		js.Describe("on success", func(js *suite) {
			js.It("should run hooks", func(c *C) {
				users, _ := ihHooks(c)
				calls := &ihCalls{}
				users.AddHook(sequelize.BeforeBulkDestroy, "", ihSpy[ihHkUser](calls, "before"))
				users.AddHook(sequelize.AfterBulkDestroy, "", ihSpy[ihHkUser](calls, "after"))
				_, err := users.Destroy(c.Ctx, cheech)
				c.Must(err)
				ihCalled(c, calls, map[string]int{"before": 1, "after": 1})
			})
		})

		js.Describe("on error", func(js *suite) {
			js.It("should return an error from before", func(c *C) {
				users, _ := ihHooks(c)
				users.AddHook(sequelize.BeforeBulkDestroy, "", ihFail[ihHkUser](&ihCalls{}, "before", errWhoops))
				_, err := users.Destroy(c.Ctx, cheech)
				c.Eq("error is the hook's", errors.Is(err, errWhoops), true)
			})

			js.It("should return an error from after", func(c *C) {
				users, _ := ihHooks(c)
				users.AddHook(sequelize.AfterBulkDestroy, "", ihFail[ihHkUser](&ihCalls{}, "after", errWhoops))
				_, err := users.Destroy(c.Ctx, cheech)
				c.Eq("error is the hook's", errors.Is(err, errWhoops), true)
			})
		})

		js.Describe("with the {individualHooks: true} option", func(js *suite) {
			opts := sequelize.DestroyOptions{Where: sequelize.Where{"aNumber": 1}, IndividualHooks: true}

			js.It("should run the after/before functions for each item created successfully", func(c *C) {
				users := ihIndUsers(c)
				calls := &ihCalls{}
				users.AddHook(sequelize.BeforeBulkDestroy, "", ihSpy[ihIndUser](calls, "beforeBulk"))
				users.AddHook(sequelize.AfterBulkDestroy, "", ihSpy[ihIndUser](calls, "afterBulk"))
				users.AddHook(sequelize.BeforeDestroy, "", ihSpy[ihIndUser](calls, "before"))
				users.AddHook(sequelize.AfterDestroy, "", ihSpy[ihIndUser](calls, "after"))
				harness.Bulk(c, users, ihInd(3, 1)...)
				_, err := users.Destroy(c.Ctx, opts)
				c.Must(err)
				ihCalled(c, calls, map[string]int{"beforeBulk": 1, "afterBulk": 1, "before": 3, "after": 3})
				c.Eq("rows", len(harness.All(c, users)), 0)
			})

			js.It("should run the after/before functions for each item created with an error", func(c *C) {
				users := ihIndUsers(c)
				calls := &ihCalls{}
				users.AddHook(sequelize.BeforeBulkDestroy, "", ihSpy[ihIndUser](calls, "beforeBulk"))
				users.AddHook(sequelize.AfterBulkDestroy, "", ihSpy[ihIndUser](calls, "afterBulk"))
				users.AddHook(sequelize.BeforeDestroy, "", ihFail[ihIndUser](calls, "before", errPass))
				users.AddHook(sequelize.AfterDestroy, "", ihSpy[ihIndUser](calls, "after"))
				c.Must(users.BulkCreate(c.Ctx, ihInd(3, 1), sequelize.BulkCreateOptions{Fields: []string{"aNumber"}}))
				_, err := users.Destroy(c.Ctx, opts)
				c.Eq("error is the hook's", errors.Is(err, errPass), true)
				ihCalled(c, calls, map[string]int{"beforeBulk": 1, "before": 1, "afterBulk": 0, "after": 0})
				c.Eq("rows (none deleted)", len(harness.All(c, users)), 3)
			})
		})
	})

	js.Describe("#bulkRestore", func(js *suite) {
		// setup is the beforeEach: adam and joe created, then destroyed
		// with truncate (a soft delete on a paranoid model, as in
		// Sequelize: the restore below finds adam).
		setup := func(c *C) *sequelize.Model[ihHkParanoidUser] {
			_, users := ihHooks(c)
			harness.Bulk(c, users, &ihHkParanoidUser{Username: "adam", Mood: ihS("happy")}, &ihHkParanoidUser{Username: "joe", Mood: ihS("sad")})
			c.Must(users.Truncate(c.Ctx))
			return users
		}
		adam := sequelize.RestoreOptions{Where: sequelize.Where{"username": "adam", "mood": "happy"}}

		js.Describe("on success", func(js *suite) {
			js.It("should run hooks", func(c *C) {
				users := setup(c)
				calls := &ihCalls{}
				users.AddHook(sequelize.BeforeBulkRestore, "", ihSpy[ihHkParanoidUser](calls, "before"))
				users.AddHook(sequelize.AfterBulkRestore, "", ihSpy[ihHkParanoidUser](calls, "after"))
				_, err := users.Restore(c.Ctx, adam)
				c.Must(err)
				ihCalled(c, calls, map[string]int{"before": 1, "after": 1})
			})
		})

		js.Describe("on error", func(js *suite) {
			js.It("should return an error from before", func(c *C) {
				users := setup(c)
				users.AddHook(sequelize.BeforeBulkRestore, "", ihFail[ihHkParanoidUser](&ihCalls{}, "before", errWhoops))
				_, err := users.Restore(c.Ctx, adam)
				c.Eq("error is the hook's", errors.Is(err, errWhoops), true)
			})

			js.It("should return an error from after", func(c *C) {
				users := setup(c)
				users.AddHook(sequelize.AfterBulkRestore, "", ihFail[ihHkParanoidUser](&ihCalls{}, "after", errWhoops))
				_, err := users.Restore(c.Ctx, adam)
				c.Eq("error is the hook's", errors.Is(err, errWhoops), true)
			})
		})

		js.Describe("with the {individualHooks: true} option", func(js *suite) {
			define := func(c *C) *sequelize.Model[ihIndParanoid] {
				setup(c)
				m := harness.Define[ihIndParanoid](c, "ParanoidUser", sequelize.ModelOptions{Paranoid: true, Attributes: map[string]sequelize.AttributeOptions{
					"aNumber": {DefaultValue: int64(0)},
				}})
				c.Must(m.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				return m
			}
			opts := sequelize.RestoreOptions{Where: sequelize.Where{"aNumber": 1}, IndividualHooks: true}
			live := func(c *C, m *sequelize.Model[ihIndParanoid]) int {
				c.Helper()
				return len(harness.R(m.FindAll(c.Ctx)).Get(c))
			}

			js.It("should run the after/before functions for each item restored successfully", func(c *C) {
				m := define(c)
				calls := &ihCalls{}
				m.AddHook(sequelize.BeforeBulkRestore, "", ihSpy[ihIndParanoid](calls, "beforeBulk"))
				m.AddHook(sequelize.AfterBulkRestore, "", ihSpy[ihIndParanoid](calls, "afterBulk"))
				m.AddHook(sequelize.BeforeRestore, "", ihSpy[ihIndParanoid](calls, "before"))
				m.AddHook(sequelize.AfterRestore, "", ihHook(func(u *ihIndParanoid) error {
					if m.IsSoftDeleted(u) {
						c.Errorf("afterRestore got a deleted instance")
					}
					calls.add("after")
					return nil
				}))
				harness.Bulk(c, m, &ihIndParanoid{ANumber: 1}, &ihIndParanoid{ANumber: 1}, &ihIndParanoid{ANumber: 1})
				_, err := m.Destroy(c.Ctx, sequelize.DestroyOptions{Where: sequelize.Where{"aNumber": 1}})
				c.Must(err)
				c.Eq("rows not deleted", live(c, m), 0)
				n, err := m.Restore(c.Ctx, opts)
				c.Must(err)
				c.Eq("restored", n, int64(3))
				ihCalled(c, calls, map[string]int{"beforeBulk": 1, "afterBulk": 1, "before": 3, "after": 3})
				c.Eq("rows not deleted", live(c, m), 3)
			})

			js.It("should run the after/before functions for each item restored with an error", func(c *C) {
				m := define(c)
				calls := &ihCalls{}
				m.AddHook(sequelize.BeforeBulkRestore, "", ihSpy[ihIndParanoid](calls, "beforeBulk"))
				m.AddHook(sequelize.AfterBulkRestore, "", ihSpy[ihIndParanoid](calls, "afterBulk"))
				m.AddHook(sequelize.BeforeRestore, "", ihFail[ihIndParanoid](calls, "before", errPass))
				m.AddHook(sequelize.AfterRestore, "", ihSpy[ihIndParanoid](calls, "after"))
				c.Must(m.BulkCreate(c.Ctx, []*ihIndParanoid{{ANumber: 1}, {ANumber: 1}, {ANumber: 1}}, sequelize.BulkCreateOptions{Fields: []string{"aNumber"}}))
				_, err := m.Destroy(c.Ctx, sequelize.DestroyOptions{Where: sequelize.Where{"aNumber": 1}})
				c.Must(err)
				_, err = m.Restore(c.Ctx, opts)
				c.Eq("error is the hook's", errors.Is(err, errPass), true)
				ihCalled(c, calls, map[string]int{"beforeBulk": 1, "before": 3, "afterBulk": 0, "after": 0})
				c.Eq("rows not deleted", live(c, m), 0)
			})
		})
	})
}
