package query_test

import (
	"testing"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/op"
)

// mqScopeLowAccess defines ScopeMe with the default scope access_level >= 5
// and the scope lowAccess (access_level <= 5) of scope/update.test.js,
// scope/destroy.test.js and scope/findAndCountAll.test.js, and creates
// the four records.
func mqScopeLowAccess(c *C, defaultScope sequelize.FindOptions, scopes map[string]sequelize.ScopeFunc) *sequelize.Model[mqScopeMe] {
	c.Helper()
	if scopes == nil {
		scopes = map[string]sequelize.ScopeFunc{}
	}
	scopes["lowAccess"] = mqWhereScope(sequelize.Where{"access_level": op.Lte(5)})
	m := sequelize.Define[mqScopeMe](c.DB, sequelize.ModelOptions{ModelName: "ScopeMe", DefaultScope: &defaultScope, Scopes: scopes})
	c.Sync()
	c.Must(m.BulkCreate(c.Ctx, mqScopeRecords()))
	return m
}

func TestModelScopeUpdate(t *testing.T) {
	js := port(t, "model/scope/update.test.js")
	js.Describe("scope", func(js *suite) {
		js.Describe("update", func(js *suite) {
			setup := func(c *C) *sequelize.Model[mqScopeMe] {
				c.Helper()
				return mqScopeLowAccess(c, sequelize.FindOptions{Where: sequelize.Where{"access_level": op.Gte(5)}}, nil)
			}
			ruben := sequelize.Values{"username": "ruben"}
			// emails returns the emails of the rows where matches, unscoped,
			// in id order.
			emails := func(c *C, m *sequelize.Model[mqScopeMe], where any) []string {
				c.Helper()
				list, err := m.Unscoped().FindAll(c.Ctx, sequelize.FindOptions{Where: where, Order: sequelize.Order{{"id"}}})
				c.Must(err)
				return mqUsernames(list, func(u *mqScopeMe) string { return u.Email })
			}

			js.It("should apply defaultScope", func(c *C) {
				m := setup(c)
				_, err := m.Update(c.Ctx, ruben, sequelize.UpdateOptions{Where: sequelize.Where{}})
				c.Must(err)
				c.Eq("updated", emails(c, m, sequelize.Where{"username": "ruben"}), []string{"tobi@fakeemail.com", "dan@sequelizejs.com"})
			})

			js.It("should be able to override default scope", func(c *C) {
				m := setup(c)
				_, err := m.Update(c.Ctx, ruben, sequelize.UpdateOptions{Where: sequelize.Where{"access_level": op.Lt(5)}})
				c.Must(err)
				c.Eq("updated", emails(c, m, sequelize.Where{"username": "ruben"}), []string{"tony@sequelizejs.com", "fred@foobar.com"})
			})

			js.It("should be able to unscope destroy", func(c *C) {
				m := setup(c)
				_, err := m.Unscoped().Update(c.Ctx, ruben, sequelize.UpdateOptions{Where: sequelize.Where{}})
				c.Must(err)
				c.Eq("not updated", emails(c, m, sequelize.Where{"username": op.Ne("ruben")}), []string{})
			})

			js.It("should be able to apply other scopes", func(c *C) {
				m := setup(c)
				_, err := mqScopeOf(c, m, "lowAccess").Update(c.Ctx, ruben, sequelize.UpdateOptions{Where: sequelize.Where{}})
				c.Must(err)
				c.Eq("not updated", emails(c, m, sequelize.Where{"username": op.Ne("ruben")}), []string{"tobi@fakeemail.com"})
			})

			js.It("should be able to merge scopes with where", func(c *C) {
				m := setup(c)
				_, err := mqScopeOf(c, m, "lowAccess").Update(c.Ctx, ruben, sequelize.UpdateOptions{Where: sequelize.Where{"username": "dan"}})
				c.Must(err)
				c.Eq("updated", emails(c, m, sequelize.Where{"username": "ruben"}), []string{"dan@sequelizejs.com"})
			})

			js.It("should work with empty where", func(c *C) {
				m := setup(c)
				_, err := mqScopeOf(c, m, "lowAccess").Update(c.Ctx, sequelize.Values{"username": "ruby"}, sequelize.UpdateOptions{})
				c.Must(err)
				c.Eq("updated", len(emails(c, m, sequelize.Where{"username": "ruby"})), 3)
			})
		})
	})
}
