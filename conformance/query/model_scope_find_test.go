package query_test

import (
	"slices"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/op"
)

// mqDefaultScopeExclude is scope/find.test.js's DefaultScopeExclude.
type mqDefaultScopeExclude struct {
	ID          int64
	Name        string
	Other_value string `sequelize:"field:otherValue"` //nolint:revive // Sequelize's attribute other_value
	ScopeMeID   *int64
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// The models of "scope in associations".
type mqGame struct {
	ID        int64
	Name      string `sequelize:"type:TEXT"`
	Users     []*mqGameUser
	CreatedAt time.Time
	UpdatedAt time.Time
}

// mqGameUser's session is a VIRTUAL whose getter is the method
// SessionOf.
type mqGameUser struct {
	ID        int64
	Login     string `sequelize:"type:TEXT"`
	Session   string `sequelize:"type:VIRTUAL"`
	GameID    *int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (*mqGameUser) SessionOf() string { return "New" }

func TestModelScopeFind(t *testing.T) {
	js := port(t, "model/scope/find.test.js")
	js.Describe("scopes", func(js *suite) {
		type models struct {
			scopeMe *sequelize.Model[mqScopeMe]
			exclude *sequelize.HasManyAssociation[mqScopeMe, mqDefaultScopeExclude]
		}
		setup := func(c *C) models {
			c.Helper()
			m := sequelize.Define[mqScopeMe](c.DB, sequelize.ModelOptions{ModelName: "ScopeMe",
				DefaultScope: &sequelize.FindOptions{Where: sequelize.Where{"access_level": op.Gte(5)}},
				Scopes: map[string]sequelize.ScopeFunc{
					"highValue": mqWhereScope(sequelize.Where{"other_value": op.Gte(10)}),
					"andScope": mqWhereScope(op.And(
						sequelize.Where{"email": op.Like("%@sequelizejs.com")},
						sequelize.Where{"access_level": 3},
					)),
				},
			})
			dse := sequelize.Define[mqDefaultScopeExclude](c.DB, sequelize.ModelOptions{ModelName: "DefaultScopeExclude",
				DefaultScope: &sequelize.FindOptions{Attributes: []any{sequelize.Exclude("name")}},
			})
			exclude := sequelize.HasMany(m, dse)
			c.Sync()
			records := mqScopeRecords()
			for i, p := range []int64{1, 2, 1, 1} {
				records[i].Parent_id = mqPtr(p)
			}
			c.Must(m.BulkCreate(c.Ctx, records))
			return models{m, exclude}
		}
		names := func(c *C, list []*mqScopeMe, err error) []string {
			c.Helper()
			c.Must(err)
			out := mqUsernames(list, mqSMName)
			slices.Sort(out)
			return out
		}

		js.It("should be able use where in scope", func(c *C) {
			m := setup(c)
			users, err := mqScopeOf(c, m.scopeMe, sequelize.FindOptions{Where: sequelize.Where{"parent_id": 2}}).FindAll(c.Ctx)
			c.Eq("users", names(c, users, err), []string{"tobi"})
		})

		js.It("should be able to combine scope and findAll where clauses", func(c *C) {
			m := setup(c)
			users, err := mqScopeOf(c, m.scopeMe, sequelize.FindOptions{Where: sequelize.Where{"parent_id": 1}}).
				FindAll(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"access_level": 3}})
			c.Eq("users", names(c, users, err), []string{"fred", "tony"})
		})

		js.It("should be able to use a defaultScope if declared", func(c *C) {
			m := setup(c)
			users, err := m.scopeMe.FindAll(c.Ctx)
			c.Eq("users", names(c, users, err), []string{"dan", "tobi"})
			for _, u := range users {
				if *u.Access_level != 10 && *u.Access_level != 5 {
					c.Fatalf("access_level %d", *u.Access_level)
				}
			}
		})

		js.It("should be able to handle $and in scopes", func(c *C) {
			m := setup(c)
			users, err := mqScopeOf(c, m.scopeMe, "andScope").FindAll(c.Ctx)
			c.Eq("users", names(c, users, err), []string{"tony"})
		})

		js.Describe("should not overwrite", func(js *suite) {
			js.It("default scope with values from previous finds", func(c *C) {
				m := setup(c)
				users0, err := m.scopeMe.FindAll(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"other_value": 10}})
				c.Eq("users0", names(c, users0, err), []string{"dan"})
				users, err := m.scopeMe.FindAll(c.Ctx)
				c.Eq("users", names(c, users, err), []string{"dan", "tobi"})
			})

			js.It("other scopes with values from previous finds", func(c *C) {
				m := setup(c)
				high := mqScopeOf(c, m.scopeMe, "highValue")
				users0, err := high.FindAll(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"access_level": 10}})
				c.Eq("users0", names(c, users0, err), []string{"tobi"})
				users, err := mqScopeOf(c, m.scopeMe, "highValue").FindAll(c.Ctx)
				c.Eq("users", names(c, users, err), []string{"dan", "tobi"})
			})
		})

		js.It("should have no problem performing findOrCreate", func(c *C) {
			m := setup(c)
			user, created, err := m.scopeMe.FindOrCreate(c.Ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{"username": "fake"}})
			c.Must(err)
			c.Eq("username", user.Username, "fake")
			c.Eq("created", created, true)
		})

		js.It("should work when included with default scope", func(c *C) {
			m := setup(c)
			_, err := m.scopeMe.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: m.exclude}}})
			c.Must(err)
		})
	})

	js.Describe("scope in associations", func(js *suite) {
		js.It("should work when association with a virtual column queried with default scope", func(c *C) {
			games := sequelize.Define[mqGame](c.DB, sequelize.ModelOptions{ModelName: "Game"})
			users := sequelize.Define[mqGameUser](c.DB, sequelize.ModelOptions{ModelName: "User",
				DefaultScope: &sequelize.FindOptions{Attributes: []any{sequelize.Exclude("login")}},
			})
			usersOf := sequelize.HasMany(games, users)
			c.Sync()
			list, err := games.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: usersOf}}})
			c.Must(err)
			c.Eq("games", len(list), 0)
			// The same read with a game and its user, which the JS case
			// leaves out: the default scope's exclude applies to the
			// included users.
			g := &mqGame{Name: "chess"}
			c.Must(games.Create(c.Ctx, g))
			c.Must(usersOf.Create(c.Ctx, g, &mqGameUser{Login: "secret"}))
			list, err = games.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: usersOf}}})
			c.Must(err)
			if len(list) != 1 || len(list[0].Users) != 1 {
				c.Fatalf("games = %+v, want one with its user", list)
			}
			c.Eq("login (excluded)", list[0].Users[0].Login, "")
			c.Eq("session", list[0].Users[0].SessionOf(), "New")
		})
	})
}
