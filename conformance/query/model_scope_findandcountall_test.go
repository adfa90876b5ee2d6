package query_test

import (
	"testing"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/op"
)

func TestModelScopeFindAndCountAll(t *testing.T) {
	js := port(t, "model/scope/findAndCountAll.test.js")
	js.Describe("scope", func(js *suite) {
		js.Describe("findAndCountAll", func(js *suite) {
			setup := func(c *C) *sequelize.Model[mqScopeMe] {
				c.Helper()
				return mqScopeLowAccess(c, sequelize.FindOptions{
					Where:      sequelize.Where{"access_level": op.Gte(5)},
					Attributes: []any{"username", "email", "access_level"},
				}, map[string]sequelize.ScopeFunc{
					"withOrder": sequelize.StaticScope(sequelize.FindOptions{Order: sequelize.Order{{"username"}}}),
				})
			}
			check := func(c *C, m *sequelize.Model[mqScopeMe], o sequelize.FindOptions, count int64, rows int) {
				c.Helper()
				list, n, err := m.FindAndCountAll(c.Ctx, o)
				c.Must(err)
				c.Eq("count", n, count)
				c.Eq("rows", len(list), rows)
			}

			js.It("should apply defaultScope", func(c *C) {
				check(c, setup(c), sequelize.FindOptions{}, 2, 2)
			})

			js.It("should be able to override default scope", func(c *C) {
				check(c, setup(c), sequelize.FindOptions{Where: sequelize.Where{"access_level": op.Gt(5)}}, 1, 1)
			})

			js.It("should be able to unscope", func(c *C) {
				check(c, setup(c).Unscoped(), sequelize.FindOptions{Limit: 1}, 4, 1)
			})

			js.It("should be able to apply other scopes", func(c *C) {
				m := setup(c)
				check(c, mqScopeOf(c, m, "lowAccess"), sequelize.FindOptions{}, 3, 3)
			})

			js.It("should be able to merge scopes with where", func(c *C) {
				m := setup(c)
				check(c, mqScopeOf(c, m, "lowAccess"), sequelize.FindOptions{Where: sequelize.Where{"username": "dan"}}, 1, 1)
			})

			js.It("should ignore the order option if it is found within the scope", func(c *C) {
				m := setup(c)
				check(c, mqScopeOf(c, m, "withOrder"), sequelize.FindOptions{}, 4, 4)
			})
		})
	})
}
