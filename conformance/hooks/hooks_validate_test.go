package hooks_test

import (
	"context"
	"errors"
	"github.com/gosequelize/sequelize/conformance/internal/harness"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
)

// ihValUser is hooks/validate.test.js's User: a *string username, so that
// it can be missing (NULL) as in the JS cases, which create users without
// one or have hooks set it to null.
type ihValUser struct {
	ID        int64
	Username  *string `sequelize:"allowNull:false"`
	Mood      *string `sequelize:"type:ENUM('happy','sad','neutral')"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

func TestHooksValidate(t *testing.T) {
	js := port(t, "hooks/validate.test.js")

	define := func(c *C) *sequelize.Model[ihValUser] {
		users := harness.Define[ihValUser](c, "User")
		c.Sync()
		return users
	}
	hook := func(fn func(u *ihValUser) error) sequelize.Hook[ihValUser] {
		return func(_ context.Context, e *sequelize.HookEvent[ihValUser]) error { return fn(e.Instance) }
	}
	stored := func(c *C, users *sequelize.Model[ihValUser], id int64) *ihValUser {
		c.Helper()
		u := harness.R(users.FindByPK(c.Ctx, id)).Get(c)
		if u == nil {
			c.Fatalf("user %d not found", id)
		}
		return u
	}
	// is checks u's username and mood.
	is := func(c *C, what string, u *ihValUser, name, mood string) {
		c.Helper()
		c.Eq(what+" username", ihMood(u.Username), name)
		c.Eq(what+" mood", ihMood(u.Mood), mood)
	}

	js.Describe("#validate", func(js *suite) {
		js.Describe("#create", func(js *suite) {
			js.It("should return the user", func(c *C) {
				users := define(c)
				users.AddHook(sequelize.BeforeValidate, "", hook(func(u *ihValUser) error {
					u.Username, u.Mood = ihS("Bob"), ihS("happy")
					return nil
				}))
				users.AddHook(sequelize.AfterValidate, "", hook(func(u *ihValUser) error {
					u.Username = ihS("Toni")
					return nil
				}))
				u := harness.Create(c, users, &ihValUser{Mood: ihS("ecstatic")})[0]
				is(c, "created", u, "Toni", "happy")
				is(c, "stored", stored(c, users, u.ID), "Toni", "happy")
			})
		})

		js.Describe("#3534, hooks modifications", func(js *suite) {
			js.It("fields modified in hooks are saved", func(c *C) {
				users := define(c)
				users.AddHook(sequelize.AfterValidate, "", hook(func(u *ihValUser) error {
					if u.Username != nil && len(*u.Username) < 5 {
						u.Username = nil
					}
					if u.Username == nil || *u.Username == "" {
						u.Username = ihS("Samorost 3")
					}
					return nil
				}))
				users.AddHook(sequelize.BeforeValidate, "", hook(func(u *ihValUser) error {
					if u.Mood == nil || *u.Mood == "" {
						u.Mood = ihS("neutral")
					}
					return nil
				}))

				u := harness.Create(c, users, &ihValUser{Username: ihS("T"), Mood: ihS("neutral")})[0]
				is(c, "created", u, "Samorost 3", "neutral")

				// change attributes
				u.Mood, u.Username = ihS("sad"), ihS("Samorost Good One")
				c.Must(users.Save(c.Ctx, u))
				is(c, "saved", u, "Samorost Good One", "sad")

				// change attributes, expect to be replaced by hooks
				u.Username = ihS("One")
				c.Must(users.Save(c.Ctx, u))
				is(c, "saved again", u, "Samorost 3", "sad")
				fetched := stored(c, users, u.ID)
				is(c, "fetched", fetched, "Samorost 3", "sad")

				fetched.Mood, fetched.Username = nil, ihS("New Game is Needed")
				c.Must(users.Save(c.Ctx, fetched))
				is(c, "fetched and saved", fetched, "New Game is Needed", "neutral")
				fetched = stored(c, users, u.ID)
				is(c, "fetched again", fetched, "New Game is Needed", "neutral")

				// expect to be replaced by hooks
				fetched.Username, fetched.Mood = ihS("New"), ihS("happy")
				c.Must(users.Save(c.Ctx, fetched))
				is(c, "fetched and saved again", fetched, "Samorost 3", "happy")
				is(c, "stored at last", stored(c, users, u.ID), "Samorost 3", "happy")
			})
		})

		js.Describe("on error", func(js *suite) {
			js.It("should emit an error from after hook", func(c *C) {
				users := define(c)
				changed := errors.New("Whoops! Changed user.mood!")
				users.AddHook(sequelize.AfterValidate, "", hook(func(u *ihValUser) error {
					u.Mood = ihS("ecstatic")
					return changed
				}))
				err := users.Create(c.Ctx, &ihValUser{Username: ihS("Toni"), Mood: ihS("happy")})
				c.Eq("error is the hook's", errors.Is(err, changed), true)
				c.Eq("rows", len(harness.All(c, users)), 0)
			})

			js.It("should call validationFailed hook", func(c *C) {
				users := define(c)
				calls := &ihCalls{}
				users.AddHook(sequelize.ValidationFailed, "", ihSpy[ihValUser](calls, "validationFailed"))
				if err := users.Create(c.Ctx, &ihValUser{Mood: ihS("happy")}); err == nil {
					c.Fatal("created a user without username")
				}
				ihCalled(c, calls, map[string]int{"validationFailed": 1})
			})

			js.It("should not replace the validation error in validationFailed hook by default", func(c *C) {
				users := define(c)
				calls := &ihCalls{}
				users.AddHook(sequelize.ValidationFailed, "", ihSpy[ihValUser](calls, "validationFailed"))
				err := users.Create(c.Ctx, &ihValUser{Mood: ihS("happy")})
				var verr *sequelize.ValidationError
				c.ErrAs(err, &verr)
				ihCalled(c, calls, map[string]int{"validationFailed": 1})
			})

			js.It("should replace the validation error if validationFailed hook creates a new error", func(c *C) {
				users := define(c)
				calls := &ihCalls{}
				users.AddHook(sequelize.ValidationFailed, "", ihFail[ihValUser](calls, "validationFailed", errWhoops))
				err := users.Create(c.Ctx, &ihValUser{Mood: ihS("happy")})
				c.Eq("error is the hook's", errors.Is(err, errWhoops), true)
				var verr *sequelize.ValidationError
				c.Eq("still a ValidationError", errors.As(err, &verr), false)
			})
		})
	})
}
