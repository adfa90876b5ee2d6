package query_test

import (
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/op"
)

// mqScopeChild is the Child {priority} of scope/count.test.js and
// scope/aggregate.test.js.
type mqScopeChild struct {
	ID        int64
	Priority  *int64 `sequelize:"type:INTEGER"`
	ScopeMeID *int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// mqScopeWithChildren defines Child and ScopeMe with the scopes of
// scope/count.test.js (aggregate.test.js has a subset of them), creates
// the four records and a child for each of the first two the default
// scope finds (tobi: priority 1, dan: 2).
func mqScopeWithChildren(c *C, defaultScope sequelize.FindOptions) *sequelize.Model[mqScopeMe] {
	c.Helper()
	children := sequelize.Define[mqScopeChild](c.DB, sequelize.ModelOptions{ModelName: "Child"})
	var childrenOf *sequelize.HasManyAssociation[mqScopeMe, mqScopeChild]
	withInclude := func(...any) sequelize.FindOptions {
		return sequelize.FindOptions{Include: []sequelize.Include{{Association: childrenOf, Where: sequelize.Where{"priority": 1}}}}
	}
	m := sequelize.Define[mqScopeMe](c.DB, sequelize.ModelOptions{ModelName: "ScopeMe",
		DefaultScope: &defaultScope,
		Scopes: map[string]sequelize.ScopeFunc{
			"lowAccess":           mqWhereScope(sequelize.Where{"access_level": op.Lte(5)}),
			"withOrder":           sequelize.StaticScope(sequelize.FindOptions{Order: sequelize.Order{{"username"}}}),
			"withInclude":         withInclude,
			"withIncludeFunction": withInclude,
			// A Go scope names its association by the variable, not the
			// string 'Children': the same scope as withIncludeFunction.
			"withIncludeFunctionAndStringAssociation": withInclude,
			"withAliasedField":                        mqWhereScope(sequelize.Where{"aliasValue": op.Ne(1)}),
		},
	})
	sequelize.BelongsTo(children, m)
	childrenOf = sequelize.HasMany(m, children)
	c.Sync()
	records := mqScopeRecords()
	for i, a := range []int64{12, 5, 1, 10} {
		records[i].AliasValue = mqPtr(a)
	}
	c.Must(m.BulkCreate(c.Ctx, records))
	found, err := m.FindAll(c.Ctx, sequelize.FindOptions{Order: sequelize.Order{{"id"}}})
	c.Must(err)
	c.Must(childrenOf.Create(c.Ctx, found[0], &mqScopeChild{Priority: mqPtr[int64](1)}))
	c.Must(childrenOf.Create(c.Ctx, found[1], &mqScopeChild{Priority: mqPtr[int64](2)}))
	return m
}

func TestModelScopeCount(t *testing.T) {
	js := port(t, "model/scope/count.test.js")
	js.Describe("scope", func(js *suite) {
		js.Describe("count", func(js *suite) {
			setup := func(c *C) *sequelize.Model[mqScopeMe] {
				c.Helper()
				return mqScopeWithChildren(c, sequelize.FindOptions{
					Where:      sequelize.Where{"access_level": op.Gte(5)},
					Attributes: []any{"id", "username", "email", "access_level"},
				})
			}
			count := func(c *C, m *sequelize.Model[mqScopeMe], o ...sequelize.CountOptions) int64 {
				c.Helper()
				n, err := m.Count(c.Ctx, o...)
				c.Must(err)
				return n
			}

			js.It("should apply defaultScope", func(c *C) {
				c.Eq("count", count(c, setup(c)), 2)
			})

			js.It("should be able to override default scope", func(c *C) {
				c.Eq("count", count(c, setup(c), sequelize.CountOptions{Where: sequelize.Where{"access_level": op.Gt(5)}}), 1)
			})

			js.It("should be able to unscope", func(c *C) {
				c.Eq("count", count(c, setup(c).Unscoped()), 4)
			})

			js.It("should be able to apply other scopes", func(c *C) {
				m := setup(c)
				c.Eq("count", count(c, mqScopeOf(c, m, "lowAccess")), 3)
			})

			js.It("should be able to merge scopes with where", func(c *C) {
				m := setup(c)
				c.Eq("count", count(c, mqScopeOf(c, m, "lowAccess"), sequelize.CountOptions{Where: sequelize.Where{"username": "dan"}}), 1)
			})

			js.It("should be able to merge scopes with where on aliased fields", func(c *C) {
				m := setup(c)
				c.Eq("count", count(c, mqScopeOf(c, m, "withAliasedField"), sequelize.CountOptions{Where: sequelize.Where{"aliasValue": 5}}), 1)
			})

			js.It("should ignore the order option if it is found within the scope", func(c *C) {
				m := setup(c)
				c.Eq("count", count(c, mqScopeOf(c, m, "withOrder")), 4)
			})

			for _, name := range []string{"withInclude", "withIncludeFunction", "withIncludeFunctionAndStringAssociation"} {
				title := map[string]string{
					"withInclude":                             "should be able to use where on include",
					"withIncludeFunction":                     "should be able to use include with function scope",
					"withIncludeFunctionAndStringAssociation": "should be able to use include with function scope and string association",
				}[name]
				js.It(title, func(c *C) {
					m := setup(c)
					c.Eq("count", count(c, mqScopeOf(c, m, name)), 1)
				})
			}
		})
	})
}
