package hooks_test

import (
	"context"
	"errors"
	"github.com/gosequelize/sequelize/conformance/internal/harness"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
)

// ihUpsertUser is hooks/upsert.test.js's User: username is unique.
type ihUpsertUser struct {
	ID        int64
	Username  string  `sequelize:"allowNull:false;unique"`
	Mood      *string `sequelize:"type:ENUM('happy','sad','neutral')"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

func TestHooksUpsert(t *testing.T) {
	js := port(t, "hooks/upsert.test.js")

	// define is the beforeEach (every dialect supports upserts).
	define := func(c *C) *sequelize.Model[ihUpsertUser] {
		users := harness.Define[ihUpsertUser](c, "User")
		c.Sync()
		return users
	}
	hooks := func(users *sequelize.Model[ihUpsertUser], calls *ihCalls, failBefore, failAfter bool) {
		before, after := ihSpy[ihUpsertUser](calls, "before"), ihSpy[ihUpsertUser](calls, "after")
		if failBefore {
			before = ihFail[ihUpsertUser](calls, "before", errWhoops)
		}
		if failAfter {
			after = ihFail[ihUpsertUser](calls, "after", errWhoops)
		}
		users.AddHook(sequelize.BeforeUpsert, "", before)
		users.AddHook(sequelize.AfterUpsert, "", after)
	}
	rows := func(c *C, users *sequelize.Model[ihUpsertUser]) int {
		c.Helper()
		return len(harness.All(c, users))
	}

	js.Describe("#upsert", func(js *suite) {
		js.Describe("on success", func(js *suite) {
			js.It("should run hooks", func(c *C) {
				users := define(c)
				calls := &ihCalls{}
				hooks(users, calls, false, false)
				_, err := users.Upsert(c.Ctx, &ihUpsertUser{Username: "Toni", Mood: ihS("happy")})
				c.Must(err)
				ihCalled(c, calls, map[string]int{"before": 1, "after": 1})
				c.Eq("rows", rows(c, users), 1)
			})
		})

		js.Describe("on error", func(js *suite) {
			js.It("should return an error from before", func(c *C) {
				users := define(c)
				calls := &ihCalls{}
				hooks(users, calls, true, false)
				_, err := users.Upsert(c.Ctx, &ihUpsertUser{Username: "Toni", Mood: ihS("happy")})
				c.Eq("error is the hook's", errors.Is(err, errWhoops), true)
				ihCalled(c, calls, map[string]int{"before": 1, "after": 0})
				c.Eq("rows", rows(c, users), 0)
			})

			js.It("should return an error from after", func(c *C) {
				users := define(c)
				calls := &ihCalls{}
				hooks(users, calls, false, true)
				_, err := users.Upsert(c.Ctx, &ihUpsertUser{Username: "Toni", Mood: ihS("happy")})
				c.Eq("error is the hook's", errors.Is(err, errWhoops), true)
				ihCalled(c, calls, map[string]int{"before": 1, "after": 1})
			})
		})

		js.Describe("preserves changes to values", func(js *suite) {
			js.It("beforeUpsert", func(c *C) {
				users := define(c)
				var n atomic.Int32
				users.AddHook(sequelize.BeforeUpsert, "", func(_ context.Context, e *sequelize.HookEvent[ihUpsertUser]) error {
					e.Instance.Mood = ihS("happy")
					n.Add(1)
					return nil
				})
				original := &ihUpsertUser{Username: "leafninja", Mood: ihS("sad")}
				_, err := users.Upsert(c.Ctx, original)
				c.Must(err)
				c.Eq("mood of the values given", ihMood(original.Mood), "happy")
				c.Eq("hook calls", n.Load(), int32(1))
				got := harness.All(c, users)
				c.Eq("stored mood", ihMood(got[0].Mood), "happy")
			})
		})
	})
}
