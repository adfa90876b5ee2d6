package query_test

import (
	"testing"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/op"
)

func TestModelScopeDestroy(t *testing.T) {
	js := port(t, "model/scope/destroy.test.js")
	js.Describe("scope", func(js *suite) {
		js.Describe("destroy", func(js *suite) {
			setup := func(c *C) *sequelize.Model[mqScopeMe] {
				c.Helper()
				return mqScopeLowAccess(c, sequelize.FindOptions{Where: sequelize.Where{"access_level": op.Gte(5)}}, nil)
			}
			// left returns the usernames of the rows left, unscoped, in id
			// order.
			left := func(c *C, m *sequelize.Model[mqScopeMe]) []string {
				c.Helper()
				list, err := m.Unscoped().FindAll(c.Ctx, sequelize.FindOptions{Order: sequelize.Order{{"id"}}})
				c.Must(err)
				return mqUsernames(list, mqSMName)
			}
			destroy := func(c *C, m *sequelize.Model[mqScopeMe], where any) {
				c.Helper()
				_, err := m.Destroy(c.Ctx, sequelize.DestroyOptions{Where: where})
				c.Must(err)
			}

			js.It("should apply defaultScope", func(c *C) {
				m := setup(c)
				destroy(c, m, sequelize.Where{})
				c.Eq("left", left(c, m), []string{"tony", "fred"})
			})

			js.It("should be able to override default scope", func(c *C) {
				m := setup(c)
				destroy(c, m, sequelize.Where{"access_level": op.Lt(5)})
				c.Eq("left", left(c, m), []string{"tobi", "dan"})
			})

			js.It("should be able to unscope destroy", func(c *C) {
				m := setup(c)
				destroy(c, m.Unscoped(), sequelize.Where{})
				c.Eq("left", left(c, m), []string{})
			})

			js.It("should be able to apply other scopes", func(c *C) {
				m := setup(c)
				destroy(c, mqScopeOf(c, m, "lowAccess"), sequelize.Where{})
				c.Eq("left", left(c, m), []string{"tobi"})
			})

			js.It("should be able to merge scopes with where", func(c *C) {
				m := setup(c)
				destroy(c, mqScopeOf(c, m, "lowAccess"), sequelize.Where{"username": "dan"})
				c.Eq("left", left(c, m), []string{"tony", "tobi", "fred"})
			})

			js.It("should work with empty where", func(c *C) {
				m := setup(c)
				destroy(c, mqScopeOf(c, m, "lowAccess"), nil)
				c.Eq("left", left(c, m), []string{"tobi"})
			})
		})
	})
}
