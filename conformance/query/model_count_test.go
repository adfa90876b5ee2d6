package query_test

import (
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
)

// The models of model/count.test.js: User {username, age} hasMany Project
// {name}, which belongsTo User.
type mqCountUser struct {
	ID        int64
	Username  string
	Age       *int64 `sequelize:"type:INTEGER"`
	Projects  []*mqCountProject
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mqCountProject struct {
	ID        int64
	Name      string
	UserID    *int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mqCountPost struct {
	ID        int64
	UserID    *int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mqCount struct {
	users      *sequelize.Model[mqCountUser]
	projects   *sequelize.Model[mqCountProject]
	projectsOf *sequelize.HasManyAssociation[mqCountUser, mqCountProject]
}

// mqCountSetup is the describe's beforeEach.
func mqCountSetup(c *C) *mqCount {
	c.Helper()
	m := &mqCount{
		users:    sequelize.Define[mqCountUser](c.DB, sequelize.ModelOptions{ModelName: "User"}),
		projects: sequelize.Define[mqCountProject](c.DB, sequelize.ModelOptions{ModelName: "Project"}),
	}
	m.projectsOf = sequelize.HasMany(m.users, m.projects)
	sequelize.BelongsTo(m.projects, m.users)
	c.Sync()
	return m
}

func (m *mqCount) bulk(c *C, users ...*mqCountUser) {
	c.Helper()
	c.Must(m.users.BulkCreate(c.Ctx, users))
}

func (m *mqCount) count(c *C, o sequelize.CountOptions) int64 {
	c.Helper()
	n, err := m.users.Count(c.Ctx, o)
	c.Must(err)
	return n
}

func TestModelCount(t *testing.T) {
	js := port(t, "model/count.test.js")
	js.Describe("count", func(js *suite) {
		js.It("should count rows", func(c *C) {
			m := mqCountSetup(c)
			m.bulk(c, &mqCountUser{Username: "foo"}, &mqCountUser{Username: "bar"})
			c.Eq("count", m.count(c, sequelize.CountOptions{}), 2)
		})

		js.It("should support include", func(c *C) {
			m := mqCountSetup(c)
			m.bulk(c, &mqCountUser{Username: "foo"}, &mqCountUser{Username: "bar"})
			u, err := m.users.FindOne(c.Ctx)
			c.Must(err)
			c.Must(m.projectsOf.Create(c.Ctx, u, &mqCountProject{Name: "project1"}))
			c.Eq("count", m.count(c, sequelize.CountOptions{Include: []sequelize.Include{{
				Association: m.projectsOf, Where: sequelize.Where{"name": "project1"},
			}}}), 1)
		})

		js.It("should count groups correctly and return attributes", func(c *C) {
			m := mqCountSetup(c)
			old := time.Date(2015, 6, 1, 12, 0, 0, 0, time.UTC)
			m.bulk(c, &mqCountUser{Username: "foo"}, &mqCountUser{Username: "bar"}, &mqCountUser{Username: "valak", CreatedAt: old})
			groups, err := m.users.CountGroups(c.Ctx, sequelize.CountOptions{Group: []any{"createdAt"}})
			c.Must(err)
			c.Eq("groups", len(groups), 2)
			for i, g := range groups {
				if g["createdAt"] == nil {
					c.Fatalf("group %d has no createdAt: %v", i, g)
				}
			}
		})

		js.It("should not return NaN", func(c *C) {
			m := mqCountSetup(c)
			m.bulk(c, &mqCountUser{Username: "valak", Age: mqPtr[int64](10)}, &mqCountUser{Username: "conjuring", Age: mqPtr[int64](20)},
				&mqCountUser{Username: "scary", Age: mqPtr[int64](10)})
			result, err := m.users.CountGroups(c.Ctx, sequelize.CountOptions{Where: sequelize.Where{"age": 10}, Group: []any{"age"}})
			c.Must(err)
			c.Eq("groups", len(result), 1)
			c.Eq("count", result[0]["count"], 2)
			c.Eq("count", m.count(c, sequelize.CountOptions{Where: sequelize.Where{"username": "fire"}}), 0)
			none, err := m.users.CountGroups(c.Ctx, sequelize.CountOptions{Where: sequelize.Where{"username": "fire"}, Group: []any{"age"}})
			c.Must(err)
			c.Eq("groups", len(none), 0)
		})

		js.It("should be able to specify column for COUNT()", func(c *C) {
			m := mqCountSetup(c)
			m.bulk(c, &mqCountUser{Username: "ember", Age: mqPtr[int64](10)}, &mqCountUser{Username: "angular", Age: mqPtr[int64](20)},
				&mqCountUser{Username: "mithril", Age: mqPtr[int64](10)})
			c.Eq("count(username)", m.count(c, sequelize.CountOptions{Col: "username"}), 3)
			c.Eq("count(DISTINCT age)", m.count(c, sequelize.CountOptions{Col: "age", Distinct: true}), 2)
		})

		js.It("should be able to specify NO column for COUNT() with DISTINCT", func(c *C) {
			m := mqCountSetup(c)
			m.bulk(c, &mqCountUser{Username: "ember", Age: mqPtr[int64](10)}, &mqCountUser{Username: "angular", Age: mqPtr[int64](20)},
				&mqCountUser{Username: "mithril", Age: mqPtr[int64](10)})
			c.Eq("count", m.count(c, sequelize.CountOptions{Distinct: true}), 3)
		})

		js.It("should be able to use where clause on included models", func(c *C) {
			m := mqCountSetup(c)
			m.bulk(c, &mqCountUser{Username: "foo"}, &mqCountUser{Username: "bar"})
			u, err := m.users.FindOne(c.Ctx)
			c.Must(err)
			c.Must(m.projectsOf.Create(c.Ctx, u, &mqCountProject{Name: "project1"}))
			o := sequelize.CountOptions{Col: "username", Include: []sequelize.Include{{Association: m.projectsOf}},
				Where: sequelize.Where{"$Projects.name$": "project1"}}
			c.Eq("count project1", m.count(c, o), 1)
			o.Where = sequelize.Where{"$Projects.name$": "project2"}
			c.Eq("count project2", m.count(c, o), 0)
		})

		js.It("should be able to specify column for COUNT() with includes", func(c *C) {
			m := mqCountSetup(c)
			m.bulk(c, &mqCountUser{Username: "ember", Age: mqPtr[int64](10)}, &mqCountUser{Username: "angular", Age: mqPtr[int64](20)},
				&mqCountUser{Username: "mithril", Age: mqPtr[int64](10)})
			inc := []sequelize.Include{{Association: m.projectsOf}}
			c.Eq("count(DISTINCT username)", m.count(c, sequelize.CountOptions{Col: "username", Distinct: true, Include: inc}), 3)
			c.Eq("count(DISTINCT age)", m.count(c, sequelize.CountOptions{Col: "age", Distinct: true, Include: inc}), 2)
		})

		js.It("should work correctly with include and whichever raw option", func(c *C) {
			m := mqCountSetup(c)
			posts := sequelize.Define[mqCountPost](c.DB, sequelize.ModelOptions{ModelName: "Post"})
			postsOf := sequelize.HasMany(m.users, posts)
			c.Must(posts.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			u, p := &mqCountUser{}, &mqCountPost{}
			c.Must(m.users.Create(c.Ctx, u))
			c.Must(posts.Create(c.Ctx, p))
			c.Must(postsOf.Add(c.Ctx, u, p))
			// CountOptions has no raw option: its four values of the JS
			// case are one call here, with and without the include.
			c.Eq("count", m.count(c, sequelize.CountOptions{}), 1)
			c.Eq("count with include", m.count(c, sequelize.CountOptions{Include: []sequelize.Include{{Association: postsOf}}}), 1)
		})
	})
}
