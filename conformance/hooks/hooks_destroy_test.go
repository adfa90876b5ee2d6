package hooks_test

import (
	"context"
	"errors"
	"github.com/gosequelize/sequelize/conformance/internal/harness"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
)

// ihDestroyUser is the ParanoidUser of hooks/destroy.test.js: virtualField
// is VIRTUAL (its JS getter, updatedBy - 1, is the method VirtualValue).
type ihDestroyUser struct {
	ID           int64
	Username     string
	UpdatedBy    *int64
	VirtualField int64 `sequelize:"type:VIRTUAL"`
	CreatedAt    time.Time
	UpdatedAt    time.Time
	DeletedAt    *time.Time
}

// VirtualValue is virtualField's getter.
func (u *ihDestroyUser) VirtualValue() int64 {
	if u.UpdatedBy == nil {
		return -1
	}
	return *u.UpdatedBy - 1
}

func TestHooksDestroy(t *testing.T) {
	js := port(t, "hooks/destroy.test.js")

	js.Describe("#destroy", func(js *suite) {
		hooks := func(users *sequelize.Model[ihHkUser], calls *ihCalls, failBefore, failAfter bool) {
			before, after := ihSpy[ihHkUser](calls, "before"), ihSpy[ihHkUser](calls, "after")
			if failBefore {
				before = ihFail[ihHkUser](calls, "before", errWhoops)
			}
			if failAfter {
				after = ihFail[ihHkUser](calls, "after", errWhoops)
			}
			users.AddHook(sequelize.BeforeDestroy, "", before)
			users.AddHook(sequelize.AfterDestroy, "", after)
		}

		js.Describe("on success", func(js *suite) {
			js.It("should run hooks", func(c *C) {
				users := ihUsers(c)
				calls := &ihCalls{}
				hooks(users, calls, false, false)
				u := harness.Create(c, users, &ihHkUser{Username: "Toni", Mood: ihS("happy")})[0]
				c.Must(users.DestroyInstance(c.Ctx, u))
				ihCalled(c, calls, map[string]int{"before": 1, "after": 1})
				c.Eq("rows", len(harness.All(c, users)), 0)
			})
		})

		js.Describe("on error", func(js *suite) {
			js.It("should return an error from before", func(c *C) {
				users := ihUsers(c)
				calls := &ihCalls{}
				hooks(users, calls, true, false)
				u := harness.Create(c, users, &ihHkUser{Username: "Toni", Mood: ihS("happy")})[0]
				c.Eq("error is the hook's", errors.Is(users.DestroyInstance(c.Ctx, u), errWhoops), true)
				ihCalled(c, calls, map[string]int{"before": 1, "after": 0})
				c.Eq("rows (not deleted)", len(harness.All(c, users)), 1)
			})

			js.It("should return an error from after", func(c *C) {
				users := ihUsers(c)
				calls := &ihCalls{}
				hooks(users, calls, false, true)
				u := harness.Create(c, users, &ihHkUser{Username: "Toni", Mood: ihS("happy")})[0]
				c.Eq("error is the hook's", errors.Is(users.DestroyInstance(c.Ctx, u), errWhoops), true)
				ihCalled(c, calls, map[string]int{"before": 1, "after": 1})
			})
		})

		js.Describe("with paranoid mode enabled", func(js *suite) {
			// define is the beforeEach: ParanoidUser with its beforeDestroy
			// hook (the define's hooks option) setting updatedBy to 1.
			define := func(c *C) *sequelize.Model[ihDestroyUser] {
				ihUsers(c)
				m := harness.Define[ihDestroyUser](c, "ParanoidUser", sequelize.ModelOptions{Paranoid: true})
				m.AddHook(sequelize.BeforeDestroy, "", func(_ context.Context, e *sequelize.HookEvent[ihDestroyUser]) error {
					one := int64(1)
					e.Instance.UpdatedBy = &one
					return nil
				})
				return m
			}
			unscoped := sequelize.FindOptions{Paranoid: sequelize.Bool(false)}

			js.It("sets other changed values when soft deleting and a beforeDestroy hooks kicks in", func(c *C) {
				m := define(c)
				c.Must(m.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				u := harness.Create(c, m, &ihDestroyUser{Username: "user1"})[0]
				c.Must(m.DestroyInstance(c.Ctx, u))
				got := harness.R(m.FindOne(c.Ctx, unscoped)).Get(c)
				if got == nil || got.UpdatedBy == nil || *got.UpdatedBy != 1 {
					c.Fatalf("stored updatedBy = %v, want 1", got)
				}
				if got.DeletedAt == nil {
					c.Fatal("the row is not soft-deleted")
				}
			})

			js.It("should not throw error when a beforeDestroy hook changes a virtual column", func(c *C) {
				m := define(c)
				m.AddHook(sequelize.BeforeDestroy, "", func(_ context.Context, e *sequelize.HookEvent[ihDestroyUser]) error {
					e.Instance.VirtualField = 2
					return nil
				})
				c.Must(m.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				u := harness.Create(c, m, &ihDestroyUser{Username: "user1"})[0]
				c.Must(m.DestroyInstance(c.Ctx, u))
				got := harness.R(m.FindOne(c.Ctx, unscoped)).Get(c)
				if got == nil {
					c.Fatal("no row")
				}
				c.Eq("virtualField", got.VirtualValue(), int64(0))
				if got.DeletedAt == nil {
					c.Fatal("the row is not soft-deleted")
				}
			})
		})
	})
}
