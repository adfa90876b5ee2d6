package conformance_test

import (
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
)

type mwProject struct {
	ID        int64
	Name      string
	UserID    *int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mwAgedUser struct {
	ID        int64
	Username  string
	Age       int64 `sequelize:"type:INTEGER"`
	Projects  []*mwProject
	CreatedAt time.Time
	UpdatedAt time.Time
}

func TestModelFindOrBuild(t *testing.T) {
	js := port(t, "model/findOrBuild.test.js")
	js.describe("findOrBuild", func(js *suite) {
		js.it("initialize with includes", func(c *C) {
			c.Bug("FindOrCreateOptions has no Include: FindOrBuild cannot eager-load the found row's associations")
			users := sequelize.Define[mwAgedUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
			projects := sequelize.Define[mwProject](c.DB, sequelize.ModelOptions{ModelName: "Project"})
			userProjects := sequelize.HasMany(users, projects)
			sequelize.BelongsTo(projects, users)
			c.Sync()
			created := []*mwAgedUser{{Username: "Mello", Age: 10}, {Username: "Mello", Age: 20}}
			c.Must(users.BulkCreate(c.Ctx, created))
			project := &mwProject{Name: "Investigate"}
			c.Must(projects.Create(c.Ctx, project))
			c.Must(userProjects.Set(c.Ctx, created[1], []*mwProject{project}))
			user, built, err := users.FindOrBuild(c.Ctx, sequelize.FindOrCreateOptions{
				Defaults: sequelize.Values{"username": "Mello", "age": 10},
				Where:    sequelize.Where{"age": 20},
				// Include: []sequelize.Include{{Association: userProjects}},
			})
			c.Must(err)
			c.Eq("built", built, false)
			if user.ID == 0 {
				c.Fatal("no id")
			}
			c.Eq("username", user.Username, "Mello")
			c.Eq("age", user.Age, 20)
			c.Eq("projects", len(user.Projects), 1)
			c.Eq("project name", user.Projects[0].Name, "Investigate")
		})
	})
}
