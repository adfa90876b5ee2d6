package include_test

import (
	"github.com/gosequelize/sequelize/conformance/internal/harness"
	"testing"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/op"
)

// The Project/Task/Employee models of the first case.
type (
	ihFcProject struct {
		ID        int64  `sequelize:"primaryKey;type:INTEGER"`
		Name      string `sequelize:"type:STRING(40)"`
		Tasks     []*ihFcTask
		Employees []*ihFcEmployee
	}
	ihFcTask struct {
		ID   int64
		Name string `sequelize:"type:STRING(40)"`
		Fk   *int64 `sequelize:"type:INTEGER"`
	}
	ihFcEmployee struct {
		ID   int64
		Name string `sequelize:"type:STRING(40)"`
		Fk   *int64 `sequelize:"type:INTEGER"`
	}
)

// The paranoid models of the second case.
type (
	ihFcUser struct {
		ID   int64
		Name string `sequelize:"type:STRING(40)"`
	}
	ihFcConn struct {
		ID int64
		M  string `sequelize:"type:STRING(40)"`
		Fk *int64 `sequelize:"type:INTEGER"`
		U  *int64 `sequelize:"type:INTEGER"`
	}
	ihFcNamed struct {
		ID              int64
		Name            string `sequelize:"type:STRING(40)"`
		SomeConnections []*ihFcConn
	}
)

// The Foo hasMany Bar models.
type (
	ihFoo struct {
		ID   int64
		Bars []*ihBar
	}
	ihBar struct {
		ID    int64
		M     string `sequelize:"type:STRING(40)"`
		FooID *int64
	}
)

// The models of 'should correctly filter, limit and sort when multiple
// includes and types of associations are present.'.
type (
	ihMiTaskTag struct {
		ID     int64 `sequelize:"primaryKey;autoIncrement;type:INTEGER;allowNull:false"`
		Name   string
		TaskID int64
		TagID  int64
	}
	ihMiTag struct {
		ID   int64 `sequelize:"primaryKey;autoIncrement;type:INTEGER;allowNull:false"`
		Name string
	}
	ihMiTask struct {
		ID        int64 `sequelize:"primaryKey;autoIncrement;type:INTEGER;allowNull:false"`
		Name      string
		ProjectID *int64
		Project   *ihMiProject
		Tags      []*ihMiTag
	}
	ihMiProject struct {
		ID     int64 `sequelize:"primaryKey;autoIncrement;type:INTEGER;allowNull:false"`
		M      string
		UserID *int64
		User   *ihMiUser
	}
	ihMiUser struct {
		ID   int64 `sequelize:"primaryKey;autoIncrement;type:INTEGER;allowNull:false"`
		Name string
	}
)

// ihFooBars defines Foo.hasMany(Bar), Bar.belongsTo(Foo), syncs and
// creates the foos 1 to 5.
func ihFooBars(c *C) (*sequelize.Model[ihFoo], *sequelize.Model[ihBar], *sequelize.HasManyAssociation[ihFoo, ihBar]) {
	c.Helper()
	foos := harness.Define[ihFoo](c, "Foo")
	bars := harness.Define[ihBar](c, "Bar")
	fb := sequelize.HasMany(foos, bars)
	sequelize.BelongsTo(bars, foos)
	c.Sync()
	harness.Bulk(c, foos, &ihFoo{ID: 1}, &ihFoo{ID: 2}, &ihFoo{ID: 3}, &ihFoo{ID: 4}, &ihFoo{ID: 5})
	return foos, bars, fb
}

func ihP(n int64) *int64 { return &n }

func TestIncludeFindAndCountAll(t *testing.T) {
	js := port(t, "include/findAndCountAll.test.js")
	req := sequelize.Bool(true)
	js.Describe("findAndCountAll", func(js *suite) {
		js.It("should be able to include two required models with a limit. Result rows should match limit.", func(c *C) {
			projects := harness.Define[ihFcProject](c, "Project")
			tasks := harness.Define[ihFcTask](c, "Task")
			employees := harness.Define[ihFcEmployee](c, "Employee")
			noFK := sequelize.AssociationOptions{ForeignKey: "fk", Constraints: sequelize.Bool(false)}
			pt := sequelize.HasMany(projects, tasks, noFK)
			pe := sequelize.HasMany(projects, employees, noFK)
			sequelize.BelongsTo(tasks, projects, noFK)
			sequelize.BelongsTo(employees, projects, noFK)
			c.Sync()
			harness.Bulk(c, projects, &ihFcProject{ID: 1, Name: "No tasks"}, &ihFcProject{ID: 2, Name: "No tasks no employees"},
				&ihFcProject{ID: 3, Name: "No employees"}, &ihFcProject{ID: 4, Name: "In progress A"},
				&ihFcProject{ID: 5, Name: "In progress B"}, &ihFcProject{ID: 6, Name: "In progress C"})
			harness.Bulk(c, tasks, &ihFcTask{Name: "Important task", Fk: ihP(3)}, &ihFcTask{Name: "Important task", Fk: ihP(4)},
				&ihFcTask{Name: "Important task", Fk: ihP(5)}, &ihFcTask{Name: "Important task", Fk: ihP(6)})
			harness.Bulk(c, employees, &ihFcEmployee{Name: "Jane Doe", Fk: ihP(1)}, &ihFcEmployee{Name: "John Doe", Fk: ihP(4)},
				&ihFcEmployee{Name: "Jane John Doe", Fk: ihP(5)}, &ihFcEmployee{Name: "John Jane Doe", Fk: ihP(6)})
			rows, count, err := projects.FindAndCountAll(c.Ctx, sequelize.FindOptions{
				Include: []sequelize.Include{{Association: pt, Required: req}, {Association: pe, Required: req}},
				Limit:   2,
			})
			c.Must(err)
			c.Eq("count", count, 3)
			c.Eq("rows", len(rows), 2)
		})

		js.It("should be able to include a required model. Result rows should match count", func(c *C) {
			p := sequelize.ModelOptions{Paranoid: true}
			users := harness.Define[ihFcUser](c, "User", p)
			conns := harness.Define[ihFcConn](c, "SomeConnection", p)
			as := harness.Define[ihFcNamed](c, "A", p)
			bs := harness.Define[ihFcNamed](c, "B", p)
			cs := harness.Define[ihFcNamed](c, "C", p)
			byU := sequelize.AssociationOptions{ForeignKey: "u", Constraints: sequelize.Bool(false)}
			byFk := sequelize.AssociationOptions{ForeignKey: "fk", Constraints: sequelize.Bool(false)}
			sequelize.HasMany(users, conns, byU)
			sequelize.BelongsTo(conns, users, byU)
			sequelize.BelongsTo(conns, as, byFk)
			sequelize.BelongsTo(conns, bs, byFk)
			sequelize.BelongsTo(conns, cs, byFk)
			ac := sequelize.HasMany(as, conns, byFk)
			sequelize.HasMany(bs, conns, byFk)
			sequelize.HasMany(cs, conns, byFk)
			c.Sync()
			harness.Bulk(c, users, &ihFcUser{Name: "Youtube"}, &ihFcUser{Name: "Facebook"}, &ihFcUser{Name: "Google"},
				&ihFcUser{Name: "Yahoo"}, &ihFcUser{Name: "404"})
			var rows []*ihFcConn
			for _, r := range []struct {
				u  int64
				m  string
				fk int64
			}{
				{1, "A", 1}, {2, "A", 1}, {3, "A", 1}, {4, "A", 1}, {5, "A", 1},
				{1, "B", 1}, {2, "B", 1}, {3, "B", 1}, {4, "B", 1}, {5, "B", 1},
				{1, "C", 1}, {2, "C", 1}, {3, "C", 1}, {4, "C", 1}, {5, "C", 1},
				{1, "A", 2}, {4, "A", 2}, {2, "A", 2}, {1, "A", 3}, {2, "A", 3}, {3, "A", 3},
				{2, "B", 2}, {1, "A", 4}, {4, "A", 2},
			} {
				rows = append(rows, &ihFcConn{U: ihP(r.u), M: r.m, Fk: ihP(r.fk)})
			}
			harness.Bulk(c, conns, rows...)
			harness.Bulk(c, as, &ihFcNamed{Name: "Just"}, &ihFcNamed{Name: "for"}, &ihFcNamed{Name: "testing"},
				&ihFcNamed{Name: "proposes"}, &ihFcNamed{Name: "only"})
			harness.Bulk(c, bs, &ihFcNamed{Name: "this should not"}, &ihFcNamed{Name: "be loaded"})
			harness.Bulk(c, cs, &ihFcNamed{Name: "because we only want A"})
			harness.R(conns.Destroy(c.Ctx, sequelize.DestroyOptions{Where: sequelize.Where{"m": "A", "u": 1, "fk": []int64{1, 2}}})).Get(c)
			got, count, err := as.FindAndCountAll(c.Ctx, sequelize.FindOptions{
				Include: []sequelize.Include{{Association: ac, Required: req, Where: sequelize.Where{"m": "A", "u": 1}}},
				Limit:   5,
			})
			c.Must(err)
			c.Eq("count", count, 2)
			c.Eq("rows", len(got), 2)
		})

		js.It("should count on a where and not use an uneeded include", func(c *C) {
			type project struct {
				ID           int64 `sequelize:"primaryKey;autoIncrement;type:INTEGER;allowNull:false"`
				Project_name string
				UserID       *int64
			}
			type user struct {
				ID        int64 `sequelize:"primaryKey;autoIncrement;type:INTEGER;allowNull:false"`
				User_name string
				Projects  []*project
			}
			projects := harness.Define[project](c, "Project")
			users := harness.Define[user](c, "User")
			up := sequelize.HasMany(users, projects)
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			c.Must(projects.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			u := harness.Create(c, users, &user{})[0]
			ps := harness.Create(c, projects, &project{}, &project{}, &project{})
			c.Must(up.Set(c.Ctx, u, ps))
			// distinct: true has no Go option: the count is of users, never
			// of joined rows.
			rows, count, err := users.FindAndCountAll(c.Ctx, sequelize.FindOptions{
				Where:   sequelize.Where{"id": u.ID},
				Include: []sequelize.Include{{Association: up}},
			})
			c.Must(err)
			c.Eq("rows", len(rows), 1)
			c.Eq("Projects", len(rows[0].Projects), 3)
			c.Eq("count", count, 1)
		})

		js.It("should return the correct count and rows when using a required belongsTo and a limit", func(c *C) {
			foos, bars, fb := ihFooBars(c)
			harness.Bulk(c, bars, &ihBar{FooID: ihP(2)}, &ihBar{FooID: ihP(3)}, &ihBar{FooID: ihP(4)}, &ihBar{FooID: ihP(5)})
			o := sequelize.FindOptions{Include: []sequelize.Include{{Association: fb, Required: req}}, Limit: 2}
			rows, count, err := foos.FindAndCountAll(c.Ctx, o)
			c.Must(err)
			items := harness.R(foos.FindAll(c.Ctx, o)).Get(c)
			c.Eq("findAll items", len(items), 2)
			c.Eq("count", count, 4)
			c.Eq("rows", len(rows), 2)
		})

		js.It("should return the correct count and rows when using a required belongsTo with a where condition and a limit", func(c *C) {
			foos, bars, fb := ihFooBars(c)
			harness.Bulk(c, bars, &ihBar{FooID: ihP(1), M: "yes"}, &ihBar{FooID: ihP(1), M: "yes"}, &ihBar{FooID: ihP(1), M: "no"}, &ihBar{FooID: ihP(2), M: "yes"})
			rows, count, err := foos.FindAndCountAll(c.Ctx, sequelize.FindOptions{
				Include: []sequelize.Include{{Association: fb, Where: sequelize.Where{"m": "yes"}}},
				Limit:   1,
			})
			c.Must(err)
			c.Eq("count", count, 2)
			c.Eq("rows", len(rows), 1)
		})

		js.It("should correctly filter, limit and sort when multiple includes and types of associations are present.", func(c *C) {
			taskTags := harness.Define[ihMiTaskTag](c, "TaskTag")
			tags := harness.Define[ihMiTag](c, "Tag")
			tasks := harness.Define[ihMiTask](c, "Task")
			projects := harness.Define[ihMiProject](c, "Project")
			users := harness.Define[ihMiUser](c, "User")
			pu := sequelize.BelongsTo(projects, users)
			tp := sequelize.BelongsTo(tasks, projects)
			tt := sequelize.BelongsToMany(tasks, tags, sequelize.BelongsToManyOptions{ThroughModel: taskTags})
			c.Sync()
			harness.Bulk(c, users, &ihMiUser{Name: "user-name-1"}, &ihMiUser{Name: "user-name-2"})
			harness.Bulk(c, projects, &ihMiProject{M: "A", UserID: ihP(1)}, &ihMiProject{M: "A", UserID: ihP(2)})
			harness.Bulk(c, tasks, &ihMiTask{ProjectID: ihP(1), Name: "Just"}, &ihMiTask{ProjectID: ihP(1), Name: "for"},
				&ihMiTask{ProjectID: ihP(2), Name: "testing"}, &ihMiTask{ProjectID: ihP(2), Name: "proposes"})
			rows, count, err := tasks.FindAndCountAll(c.Ctx, sequelize.FindOptions{
				Limit: 1, Offset: 0, Order: sequelize.Order{{"id", "DESC"}},
				Include: []sequelize.Include{
					{Association: tp, Where: op.And(sequelize.Where{"m": "A"}), Include: []sequelize.Include{
						{Association: pu, Where: op.And(sequelize.Where{"name": "user-name-2"})},
					}},
					{Association: tt},
				},
			})
			c.Must(err)
			c.Eq("count", count, 2)
			c.Eq("rows", len(rows), 1)
			c.Eq("row", rows[0].Name, "proposes")
		})

		js.It("should properly work with sequelize.function", func(c *C) {
			type project struct {
				ID     int64 `sequelize:"primaryKey;autoIncrement;type:INTEGER;allowNull:false"`
				Name   string
				UserID *int64
			}
			type user struct {
				ID         int64 `sequelize:"primaryKey;autoIncrement;type:INTEGER;allowNull:false"`
				First_name string
				Last_name  string
				Projects   []*project
			}
			users := harness.Define[user](c, "User")
			projects := harness.Define[project](c, "Project")
			up := sequelize.HasMany(users, projects)
			c.Sync()
			harness.Bulk(c, users, &user{First_name: "user-fname-1", Last_name: "user-lname-1"},
				&user{First_name: "user-fname-2", Last_name: "user-lname-2"},
				&user{First_name: "user-xfname-1", Last_name: "user-xlname-1"})
			harness.Bulk(c, projects, &project{Name: "naam-satya", UserID: ihP(1)}, &project{Name: "guru-satya", UserID: ihP(2)},
				&project{Name: "app-satya", UserID: ihP(2)})
			rows, count, err := users.FindAndCountAll(c.Ctx, sequelize.FindOptions{
				Limit: 1, Offset: 1,
				Where: op.Or(sequelize.Where{"first_name": op.Like("%user-fname%")}, sequelize.Where{"last_name": op.Like("%user-lname%")}),
				Include: []sequelize.Include{{Association: up, Required: req,
					Where: sequelize.Where{"name": op.In("naam-satya", "guru-satya")}}},
			})
			c.Must(err)
			c.Eq("count", count, 2)
			c.Eq("rows", len(rows), 1)
		})
	})
}
