package include_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"github.com/gosequelize/sequelize/conformance/internal/harness"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
)

// The models of include/separate.test.js.
type (
	ihSpTask struct {
		ID        int64
		Title     string
		UserID    *int64
		CompanyID *int64
		ProjectID *int64
		Project   *ihSpProject
		User      *ihSpUser
		CreatedAt time.Time
		UpdatedAt time.Time
	}
	ihSpUser struct {
		ID        int64
		Name      string
		CompanyID *int64
		Company   *ihSpCompany
		Tasks     []*ihSpTask
		TeamID    *int64
		Team      *ihSpTeam
	}
	ihSpCompany struct {
		ID    int64
		Tasks []*ihSpTask
		Users []*ihSpUser
	}
	ihSpProject struct {
		ID     int64
		UserID *int64
		Tasks  []*ihSpTask
	}
	ihSpTeam struct {
		ID        int64
		CompanyID *int64
		Company   *ihSpCompany
	}
)

// ihSelects counts the SELECTs recorded since the log was last reset.
func ihSelects(c *C) int {
	c.Helper()
	n := 0
	for _, s := range c.Log.Reset() {
		if len(s) >= 6 && (s[:6] == "SELECT" || s[:6] == "select") {
			n++
		}
	}
	return n
}

// ihSchema creates a fresh schema (a database on MariaDB), dropped when the
// case ends: Sequelize's createSchema('archive'), named uniquely so that
// cases running at once do not share it.
func ihSchema(c *C) string {
	c.Helper()
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	name := "archive_" + hex.EncodeToString(b)
	q := string(c.DB.Dialect().QuoteIdentifier(nil, name))
	create, drop := "CREATE SCHEMA "+q, "DROP SCHEMA "+q+" CASCADE"
	if c.MySQLFamily() {
		create, drop = "CREATE DATABASE "+q, "DROP DATABASE "+q
	}
	_, err := c.DB.Query(c.Ctx, create)
	c.Must(err)
	c.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := c.DB.Query(ctx, drop); err != nil {
			c.Error(err)
		}
	})
	return name
}

func TestIncludeSeparate(t *testing.T) {
	js := port(t, "include/separate.test.js")
	// Includes here always run one query per level; Separate is accepted
	// for parity. The statement counts below are that: the JS spies count
	// Sequelize's, where a non-separate include is a JOIN.
	js.Describe("separate", func(js *suite) {
		js.It("should run a hasMany association in a separate query", func(c *C) {
			c.Not("sqlite")
			users := harness.Define[ihSpUser](c, "User")
			tasks := harness.Define[ihSpTask](c, "Task")
			ut := sequelize.HasMany(users, tasks, sequelize.AssociationOptions{As: "tasks"})
			c.Sync()
			create := sequelize.CreateOptions{Include: []sequelize.Include{{Association: ut}}}
			c.Must(users.Create(c.Ctx, &ihSpUser{ID: 1, Tasks: []*ihSpTask{{}, {}, {}}}, create))
			c.Must(users.Create(c.Ctx, &ihSpUser{ID: 2, Tasks: []*ihSpTask{{}}}, create))
			c.Log.Reset()
			got := harness.R(users.FindAll(c.Ctx, sequelize.FindOptions{
				Include: []sequelize.Include{{Association: ut, Separate: true}},
				Order:   sequelize.Order{{"id", "ASC"}},
			})).Get(c)
			c.Eq("statements", ihSelects(c), 2)
			c.Eq("users", len(got), 2)
			c.Eq("tasks of 1", len(got[0].Tasks), 3)
			c.Eq("tasks of 2", len(got[1].Tasks), 1)
			if got[0].Tasks[0].CreatedAt.IsZero() || got[0].Tasks[0].UpdatedAt.IsZero() {
				c.Fatalf("task timestamps not loaded: %+v", got[0].Tasks[0])
			}
		})

		js.It("should work even if the id was not included", func(c *C) {
			c.Not("sqlite")
			users := harness.Define[ihSpUser](c, "User")
			tasks := harness.Define[ihSpTask](c, "Task")
			ut := sequelize.HasMany(users, tasks, sequelize.AssociationOptions{As: "tasks"})
			c.Sync()
			c.Must(users.Create(c.Ctx, &ihSpUser{ID: 1, Tasks: []*ihSpTask{{}, {}, {}}}, sequelize.CreateOptions{Include: []sequelize.Include{{Association: ut}}}))
			c.Log.Reset()
			got := harness.R(users.FindAll(c.Ctx, sequelize.FindOptions{
				Attributes: []any{"name"},
				Include:    []sequelize.Include{{Association: ut, Separate: true}},
				Order:      sequelize.Order{{"id", "ASC"}},
			})).Get(c)
			c.Eq("statements", ihSelects(c), 2)
			c.Eq("users", len(got), 1)
			c.Eq("tasks", len(got[0].Tasks), 3)
		})

		js.It("should work even if include does not specify foreign key attribute with custom sourceKey", func(c *C) {
			c.Not("sqlite")
			type task struct {
				ID     int64
				Title  string
				UserID *int64 `sequelize:"field:userId"`
			}
			type user struct {
				ID          int64
				Name        string
				UserExtraID *int64 `sequelize:"type:INTEGER;unique"`
				Tasks       []*task
			}
			users := harness.Define[user](c, "User")
			tasks := harness.Define[task](c, "Task")
			ut := sequelize.HasMany(users, tasks, sequelize.AssociationOptions{As: "tasks", ForeignKey: "userId", SourceKey: "userExtraId"})
			c.Sync()
			c.Must(users.Create(c.Ctx, &user{ID: 1, UserExtraID: ihP(222), Tasks: []*task{{}, {}, {}}}, sequelize.CreateOptions{Include: []sequelize.Include{{Association: ut}}}))
			c.Log.Reset()
			got := harness.R(users.FindAll(c.Ctx, sequelize.FindOptions{
				Attributes: []any{"name"},
				Include:    []sequelize.Include{{Association: ut, Attributes: []any{"title"}, Separate: true}},
				Order:      sequelize.Order{{"id", "ASC"}},
			})).Get(c)
			c.Eq("statements", ihSelects(c), 2)
			c.Eq("users", len(got), 1)
			c.Eq("tasks", len(got[0].Tasks), 3)
		})

		js.It("should not break a nested include with null values", func(c *C) {
			c.Not("sqlite")
			users := harness.Define[ihSpUser](c, "User")
			teams := harness.Define[ihSpTeam](c, "Team")
			companies := harness.Define[ihSpCompany](c, "Company")
			ut := sequelize.BelongsTo(users, teams)
			tc := sequelize.BelongsTo(teams, companies)
			c.Sync()
			harness.Create(c, users, &ihSpUser{})
			got := harness.R(users.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{
				{Association: ut, Include: []sequelize.Include{{Association: tc}}},
			}})).Get(c)
			c.Eq("users", len(got), 1)
			c.Eq("Team", got[0].Team, (*ihSpTeam)(nil))
		})

		js.It("should run a hasMany association with limit in a separate query", func(c *C) {
			c.Not("sqlite")
			type task struct {
				ID     int64
				UserID *int64 `sequelize:"type:INTEGER;field:user_id"`
			}
			type user struct {
				ID    int64
				Tasks []*task
			}
			users := harness.Define[user](c, "User")
			tasks := harness.Define[task](c, "Task")
			ut := sequelize.HasMany(users, tasks, sequelize.AssociationOptions{As: "tasks", ForeignKey: "userId"})
			c.Sync()
			create := sequelize.CreateOptions{Include: []sequelize.Include{{Association: ut}}}
			c.Must(users.Create(c.Ctx, &user{ID: 1, Tasks: []*task{{}, {}, {}}}, create))
			c.Must(users.Create(c.Ctx, &user{ID: 2, Tasks: []*task{{}, {}, {}, {}}}, create))
			c.Log.Reset()
			got := harness.R(users.FindAll(c.Ctx, sequelize.FindOptions{
				Include: []sequelize.Include{{Association: ut, Limit: 2}},
				Order:   sequelize.Order{{"id", "ASC"}},
			})).Get(c)
			c.Eq("statements", ihSelects(c), 2)
			c.Eq("tasks of 1", len(got[0].Tasks), 2)
			c.Eq("tasks of 2", len(got[1].Tasks), 2)
		})

		js.It("should run a nested (from a non-separate include) hasMany association in a separate query", func(c *C) {
			c.Not("sqlite")
			users := harness.Define[ihSpUser](c, "User")
			companies := harness.Define[ihSpCompany](c, "Company")
			tasks := harness.Define[ihSpTask](c, "Task")
			uc := sequelize.BelongsTo(users, companies, sequelize.AssociationOptions{As: "company"})
			ct := sequelize.HasMany(companies, tasks, sequelize.AssociationOptions{As: "tasks"})
			c.Sync()
			create := sequelize.CreateOptions{Include: []sequelize.Include{{Association: uc, Include: []sequelize.Include{{Association: ct}}}}}
			c.Must(users.Create(c.Ctx, &ihSpUser{ID: 1, Company: &ihSpCompany{Tasks: []*ihSpTask{{}, {}, {}}}}, create))
			c.Must(users.Create(c.Ctx, &ihSpUser{ID: 2, Company: &ihSpCompany{Tasks: []*ihSpTask{{}}}}, create))
			c.Log.Reset()
			got := harness.R(users.FindAll(c.Ctx, sequelize.FindOptions{
				Include: []sequelize.Include{{Association: uc, Include: []sequelize.Include{{Association: ct, Separate: true}}}},
				Order:   sequelize.Order{{"id", "ASC"}},
			})).Get(c)
			// Sequelize: 2 (the company joined); here one per level: 3.
			c.Eq("statements", ihSelects(c), 3)
			c.Eq("users", len(got), 2)
			c.Eq("company tasks of 1", len(got[0].Company.Tasks), 3)
			c.Eq("company tasks of 2", len(got[1].Company.Tasks), 1)
		})

		js.It("should work having a separate include between a parent and child include", func(c *C) {
			c.Not("sqlite")
			users := harness.Define[ihSpUser](c, "User")
			projects := harness.Define[ihSpProject](c, "Project")
			companies := harness.Define[ihSpCompany](c, "Company")
			tasks := harness.Define[ihSpTask](c, "Task")
			cu := sequelize.HasMany(companies, users, sequelize.AssociationOptions{As: "users"})
			ut := sequelize.HasMany(users, tasks, sequelize.AssociationOptions{As: "tasks"})
			tp := sequelize.BelongsTo(tasks, projects, sequelize.AssociationOptions{As: "project"})
			c.Sync()
			c.Must(companies.Create(c.Ctx, &ihSpCompany{ID: 1, Users: []*ihSpUser{{Tasks: []*ihSpTask{
				{Project: &ihSpProject{}}, {Project: &ihSpProject{}}, {Project: &ihSpProject{}},
			}}}}, sequelize.CreateOptions{Include: []sequelize.Include{{Association: cu, Include: []sequelize.Include{
				{Association: ut, Include: []sequelize.Include{{Association: tp}}},
			}}}}))
			c.Log.Reset()
			got := harness.R(companies.FindAll(c.Ctx, sequelize.FindOptions{
				Include: []sequelize.Include{{Association: cu, Include: []sequelize.Include{
					{Association: ut, Separate: true, Include: []sequelize.Include{{Association: tp}}},
				}}},
				Order: sequelize.Order{{"id", "ASC"}},
			})).Get(c)
			// Sequelize: 2; here one per level: 4.
			c.Eq("statements", ihSelects(c), 4)
			if len(got) != 1 || len(got[0].Users) != 1 || len(got[0].Users[0].Tasks) != 3 || got[0].Users[0].Tasks[0].Project == nil {
				c.Fatalf("companies = %+v, want the company's user's tasks with their projects", got)
			}
		})

		js.It("should run two nested hasMany association in a separate queries", func(c *C) {
			c.Not("sqlite")
			type user struct {
				ID       int64
				Projects []*ihSpProject
			}
			users := harness.Define[user](c, "User")
			projects := harness.Define[ihSpProject](c, "Project")
			tasks := harness.Define[ihSpTask](c, "Task")
			up := sequelize.HasMany(users, projects, sequelize.AssociationOptions{As: "projects"})
			pt := sequelize.HasMany(projects, tasks, sequelize.AssociationOptions{As: "tasks"})
			c.Sync()
			create := sequelize.CreateOptions{Include: []sequelize.Include{{Association: up, Include: []sequelize.Include{{Association: pt}}}}}
			c.Must(users.Create(c.Ctx, &user{ID: 1, Projects: []*ihSpProject{
				{ID: 1, Tasks: []*ihSpTask{{}, {}, {}}}, {ID: 2, Tasks: []*ihSpTask{{}}},
			}}, create))
			c.Must(users.Create(c.Ctx, &user{ID: 2, Projects: []*ihSpProject{{ID: 3, Tasks: []*ihSpTask{{}, {}}}}}, create))
			c.Log.Reset()
			got := harness.R(users.FindAll(c.Ctx, sequelize.FindOptions{
				Include: []sequelize.Include{{Association: up, Separate: true, Include: []sequelize.Include{{Association: pt, Separate: true}}}},
				Order:   sequelize.Order{{"id", "ASC"}},
			})).Get(c)
			c.Eq("statements", ihSelects(c), 3)
			c.Eq("users", len(got), 2)
			count := func(u *user) map[int64]int {
				out := map[int64]int{}
				for _, p := range u.Projects {
					if p.Tasks == nil {
						c.Fatalf("project %d: tasks not loaded", p.ID)
					}
					out[p.ID] = len(p.Tasks)
				}
				return out
			}
			c.Eq("projects of 1", count(got[0]), map[int64]int{1: 3, 2: 1})
			c.Eq("projects of 2", count(got[1]), map[int64]int{3: 2})
		})

		js.It("should work with two schema models in a hasMany association", func(c *C) {
			c.Not("sqlite")
			type task struct {
				ID     int64 `sequelize:"primaryKey;type:INTEGER"`
				Title  string
				UserID *int64
			}
			type user struct {
				ID    int64
				Tasks []*task
			}
			schema := ihSchema(c)
			users := harness.Define[user](c, "User", sequelize.ModelOptions{Schema: schema})
			tasks := harness.Define[task](c, "Task", sequelize.ModelOptions{Schema: schema})
			ut := sequelize.HasMany(users, tasks, sequelize.AssociationOptions{As: "tasks"})
			c.Sync()
			create := sequelize.CreateOptions{Include: []sequelize.Include{{Association: ut}}}
			c.Must(users.Create(c.Ctx, &user{ID: 1, Tasks: []*task{{ID: 1, Title: "b"}, {ID: 2, Title: "d"}, {ID: 3, Title: "c"}, {ID: 4, Title: "a"}}}, create))
			c.Must(users.Create(c.Ctx, &user{ID: 2, Tasks: []*task{{ID: 5, Title: "a"}, {ID: 6, Title: "c"}, {ID: 7, Title: "b"}}}, create))
			got := harness.R(users.FindAll(c.Ctx, sequelize.FindOptions{
				Include: []sequelize.Include{{Association: ut, Limit: 2, Order: sequelize.Order{{"id", "ASC"}}}},
				Order:   sequelize.Order{{"id", "ASC"}},
			})).Get(c)
			titles := func(ts []*task) []string {
				var out []string
				for _, t := range ts {
					out = append(out, t.Title)
				}
				return out
			}
			c.Eq("tasks of 1", titles(got[0].Tasks), []string{"b", "d"})
			c.Eq("tasks of 2", titles(got[1].Tasks), []string{"a", "c"})
		})

		js.It("should work with required non-separate parent and required child", func(c *C) {
			c.Not("sqlite")
			users := harness.Define[ihSpUser](c, "User")
			tasks := harness.Define[ihSpTask](c, "Task")
			companies := harness.Define[ihSpCompany](c, "Company")
			tu := sequelize.BelongsTo(tasks, users)
			ut := sequelize.HasMany(users, tasks)
			uc := sequelize.BelongsTo(users, companies)
			c.Sync()
			task := harness.Create(c, tasks, &ihSpTask{ID: 1})[0]
			user := &ihSpUser{ID: 2}
			c.Must(tu.Create(c.Ctx, task, user))
			c.Must(uc.Create(c.Ctx, user, &ihSpCompany{ID: 3}))
			got := harness.R(tasks.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{
				Association: tu, Required: sequelize.Bool(true),
				Include: []sequelize.Include{{
					Association: ut, Attributes: []any{"UserId"}, Separate: true,
					Include: []sequelize.Include{{
						Association: tu, Attributes: []any{"id"}, Required: sequelize.Bool(true),
						Include: []sequelize.Include{{Association: uc}},
					}},
				}},
			}}})).Get(c)
			c.Eq("results", len(got), 1)
			c.Eq("id", got[0].ID, 1)
			if got[0].User == nil {
				c.Fatal("User not loaded")
			}
			c.Eq("User.id", got[0].User.ID, 2)
			c.Eq("User.Tasks", len(got[0].User.Tasks), 1)
			inner := got[0].User.Tasks[0].User
			if inner == nil || inner.Company == nil {
				c.Fatalf("User.Tasks[0].User = %+v, want user 2 with company 3", inner)
			}
			c.Eq("User.Tasks[0].User.id", inner.ID, 2)
			c.Eq("User.Tasks[0].User.Company.id", inner.Company.ID, 3)
		})
	})
}
