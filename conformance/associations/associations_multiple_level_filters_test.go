package associations_test

import (
	"testing"

	"github.com/gosequelize/sequelize"
)

// The models of multiple-level-filters.test.js, at top level since they
// refer to each other (Task → Project → User, User → Project → Task).
type (
	amxMLUser struct {
		ID       int64
		Username string
		Projects []*amxMLProject
	}
	amxMLProject struct {
		ID     int64
		Title  string
		UserID *int64
		User   *amxMLUser
		Tasks  []*amxMLTask
	}
	amxMLTask struct {
		ID        int64
		Title     string
		ProjectID *int64
		Project   *amxMLProject
	}
)

func TestAssociationsMultipleLevelFilters(t *testing.T) {
	js := port(t, "associations/multiple-level-filters.test.js")

	type models struct {
		users        *sequelize.Model[amxMLUser]
		projects     *sequelize.Model[amxMLProject]
		tasks        *sequelize.Model[amxMLTask]
		projectUser  *sequelize.BelongsToAssociation[amxMLProject, amxMLUser]
		userProjects *sequelize.HasManyAssociation[amxMLUser, amxMLProject]
		taskProject  *sequelize.BelongsToAssociation[amxMLTask, amxMLProject]
		projectTasks *sequelize.HasManyAssociation[amxMLProject, amxMLTask]
	}
	// setup is the first three cases' models and rows: leia's republic
	// and vader's empire, two tasks each.
	setup := func(c *C) *models {
		c.Helper()
		m := &models{
			users:    sequelize.Define[amxMLUser](c.DB, sequelize.ModelOptions{ModelName: "User"}),
			tasks:    sequelize.Define[amxMLTask](c.DB, sequelize.ModelOptions{ModelName: "Task"}),
			projects: sequelize.Define[amxMLProject](c.DB, sequelize.ModelOptions{ModelName: "Project"}),
		}
		m.projectUser = sequelize.BelongsTo(m.projects, m.users)
		m.userProjects = sequelize.HasMany(m.users, m.projects)
		m.taskProject = sequelize.BelongsTo(m.tasks, m.projects)
		m.projectTasks = sequelize.HasMany(m.projects, m.tasks)
		c.Sync()
		c.Must(m.users.BulkCreate(c.Ctx, []*amxMLUser{{Username: "leia"}, {Username: "vader"}}))
		c.Must(m.projects.BulkCreate(c.Ctx, []*amxMLProject{
			{UserID: asPtr(int64(1)), Title: "republic"},
			{UserID: asPtr(int64(2)), Title: "empire"},
		}))
		c.Must(m.tasks.BulkCreate(c.Ctx, []*amxMLTask{
			{ProjectID: asPtr(int64(1)), Title: "fight empire"},
			{ProjectID: asPtr(int64(1)), Title: "stablish republic"},
			{ProjectID: asPtr(int64(2)), Title: "destroy rebel alliance"},
			{ProjectID: asPtr(int64(2)), Title: "rule everything"},
		}))
		return m
	}
	titles := func(ts []*amxMLTask) []string {
		out := []string{}
		for _, t := range ts {
			out = append(out, t.Title)
		}
		return out
	}

	js.It("can filter through belongsTo", func(c *C) {
		m := setup(c)
		tasks, err := m.tasks.FindAll(c.Ctx, sequelize.FindOptions{Order: sequelize.Order{{"id"}}, Include: []sequelize.Include{{
			Association: m.taskProject, Required: sequelize.Bool(true),
			Include: []sequelize.Include{{Association: m.projectUser, Where: sequelize.Where{"username": "leia"}}},
		}}})
		c.Must(err)
		c.Eq("tasks", titles(tasks), []string{"fight empire", "stablish republic"})
	})

	js.It("avoids duplicated tables in query", func(c *C) {
		m := setup(c)
		tasks, err := m.tasks.FindAll(c.Ctx, sequelize.FindOptions{Order: sequelize.Order{{"id"}}, Include: []sequelize.Include{{
			Association: m.taskProject, Required: sequelize.Bool(true),
			Include: []sequelize.Include{{Association: m.projectUser, Where: sequelize.Where{"username": "leia", "id": 1}}},
		}}})
		c.Must(err)
		c.Eq("tasks", titles(tasks), []string{"fight empire", "stablish republic"})
	})

	js.It("can filter through hasMany", func(c *C) {
		m := setup(c)
		users, err := m.users.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{
			Association: m.userProjects, Required: sequelize.Bool(true),
			Include: []sequelize.Include{{Association: m.projectTasks, Where: sequelize.Where{"title": "fight empire"}}},
		}}})
		c.Must(err)
		c.Eq("users", len(users), 1)
		c.Eq("username", users[0].Username, "leia")
	})

	// The models of this case differ (User and Project through
	// user_project); the structs are the file's, their other fields unused.
	js.It("can filter through hasMany connector", func(c *C) {
		users := sequelize.Define[amxMLUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
		projects := sequelize.Define[amxMLProject](c.DB, sequelize.ModelOptions{ModelName: "Project"})
		sequelize.BelongsToMany(projects, users, sequelize.BelongsToManyOptions{Through: "user_project"})
		userProjects := sequelize.BelongsToMany(users, projects, sequelize.BelongsToManyOptions{Through: "user_project"})
		c.Sync()
		c.Must(users.BulkCreate(c.Ctx, []*amxMLUser{{Username: "leia"}, {Username: "vader"}}))
		c.Must(projects.BulkCreate(c.Ctx, []*amxMLProject{{Title: "republic"}, {Title: "empire"}}))
		for _, id := range []int64{1, 2} {
			user, err := users.FindByPK(c.Ctx, id)
			c.Must(err)
			project, err := projects.FindByPK(c.Ctx, id)
			c.Must(err)
			c.Must(userProjects.Set(c.Ctx, user, []*amxMLProject{project}))
		}
		got, err := users.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{
			Association: userProjects, Where: sequelize.Where{"title": "republic"},
		}}})
		c.Must(err)
		c.Eq("users", len(got), 1)
		c.Eq("username", got[0].Username, "leia")
	})
}
