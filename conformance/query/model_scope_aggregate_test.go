package query_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/op"
)

type mqHero struct {
	ID        int64
	Codename  string
	CreatedAt time.Time
	UpdatedAt time.Time
}

func TestModelScopeAggregate(t *testing.T) {
	js := port(t, "model/scope/aggregate.test.js")
	js.Describe("scope", func(js *suite) {
		js.Describe("aggregate", func(js *suite) {
			setup := func(c *C) *sequelize.Model[mqScopeMe] {
				c.Helper()
				return mqScopeWithChildren(c, sequelize.FindOptions{Where: sequelize.Where{"access_level": op.Gte(5)}})
			}
			count := func(c *C, m *sequelize.Model[mqScopeMe], attr string, o ...sequelize.AggregateOptions) int64 {
				c.Helper()
				var n int64
				c.Must(m.Aggregate(c.Ctx, attr, "count", &n, o...))
				return n
			}

			js.It("should apply defaultScope", func(c *C) {
				c.Eq("count", count(c, setup(c), "*"), 2)
			})

			js.It("should be able to override default scope", func(c *C) {
				c.Eq("count", count(c, setup(c), "*", sequelize.AggregateOptions{Where: sequelize.Where{"access_level": op.Gt(5)}}), 1)
			})

			js.It("should be able to unscope", func(c *C) {
				c.Eq("count", count(c, setup(c).Unscoped(), "*"), 4)
			})

			js.It("should be able to apply other scopes", func(c *C) {
				m := setup(c)
				c.Eq("count", count(c, mqScopeOf(c, m, "lowAccess"), "*"), 3)
			})

			js.It("should be able to merge scopes with where", func(c *C) {
				m := setup(c)
				c.Eq("count", count(c, mqScopeOf(c, m, "lowAccess"), "*", sequelize.AggregateOptions{Where: sequelize.Where{"username": "dan"}}), 1)
			})

			js.It("should be able to use where on include", func(c *C) {
				m := setup(c)
				c.Eq("count", count(c, mqScopeOf(c, m, "withInclude"), "id"), 1)
			})

			js.It("aggregate with schema", func(c *C) {
				c.Only("postgres", "mariadb")
				schema := "heroschema"
				if c.Dialect == "mariadb" {
					// A MariaDB schema is a database of the server, which
					// other cases share: give it a name of its own.
					b := make([]byte, 4)
					_, _ = rand.Read(b)
					schema += "_" + hex.EncodeToString(b)
				}
				_, err := c.DB.Query(c.Ctx, "CREATE SCHEMA "+c.Quote(schema))
				c.Must(err)
				if c.Dialect == "mariadb" {
					db := c.DB
					c.Cleanup(func() { _, _ = db.Query(context.Background(), "DROP SCHEMA "+c.Quote(schema)) })
				}
				setup(c)
				heroes := sequelize.Define[mqHero](c.DB, sequelize.ModelOptions{ModelName: "Hero", Schema: schema})
				c.Sync()
				c.Must(heroes.BulkCreate(c.Ctx, []*mqHero{{Codename: "hulk"}, {Codename: "rantanplan"}}))
				var n int64
				c.Must(heroes.Unscoped().Aggregate(c.Ctx, "*", "count", &n))
				c.Eq("count", n, 2)
			})
		})
	})
}
