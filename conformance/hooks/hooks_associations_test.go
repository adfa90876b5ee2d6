package hooks_test

import (
	"errors"
	"testing"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/conformance/internal/harness"
)

// The models of hooks/associations.test.js's Project and Task. (The JS
// beforeEach also defines User and ParanoidUser, which the association
// cases do not use.)
type (
	itpProject struct {
		ID    int64
		Title string
		Task  *itpTask
		Tasks []*itpTask
	}
	itpTask struct {
		ID        int64
		Title     string
		ProjectID *int64
		Project   *itpProject
		Projects  []*itpProject
	}
)

// itpProjectTask defines Project and Task, Project.hasOne(Task) (or
// hasMany when many) with opts, Task.belongsTo(Project), and syncs.
func itpProjectTask(c *C, many bool, opts sequelize.AssociationOptions) (*sequelize.Model[itpProject], *sequelize.Model[itpTask], *sequelize.HasOneAssociation[itpProject, itpTask], *sequelize.HasManyAssociation[itpProject, itpTask]) {
	c.Helper()
	projects := harness.Define[itpProject](c, "Project")
	tasks := harness.Define[itpTask](c, "Task")
	var one *sequelize.HasOneAssociation[itpProject, itpTask]
	var hm *sequelize.HasManyAssociation[itpProject, itpTask]
	if many {
		hm = sequelize.HasMany(projects, tasks, opts)
	} else {
		one = sequelize.HasOne(projects, tasks, opts)
	}
	sequelize.BelongsTo(tasks, projects)
	c.Sync()
	return projects, tasks, one, hm
}

// itpManyToMany defines Project.belongsToMany(Task) and back through
// the named junction, with hooks: true, and syncs.
func itpManyToMany(c *C, through string) (*sequelize.Model[itpProject], *sequelize.Model[itpTask], *sequelize.BelongsToManyAssociation[itpProject, itpTask]) {
	c.Helper()
	projects := harness.Define[itpProject](c, "Project")
	tasks := harness.Define[itpTask](c, "Task")
	o := sequelize.BelongsToManyOptions{Through: through, AssociationOptions: sequelize.AssociationOptions{Hooks: true}}
	pt := sequelize.BelongsToMany(projects, tasks, o)
	sequelize.BelongsToMany(tasks, projects, o)
	c.Sync()
	return projects, tasks, pt
}

// The models of the multiple 1:M cases.
type (
	itpMProject struct {
		ID        int64
		Title     string
		Tasks     []*itpMTask
		MiniTasks []*itpMiniTask
	}
	itpMTask struct {
		ID        int64
		Title     string
		ProjectID *int64
		Project   *itpMProject
		MiniTasks []*itpMiniTask
	}
	itpMiniTask struct {
		ID         int64
		Mini_title string
		ProjectID  *int64
		Project    *itpMProject
		TaskID     *int64
		Task       *itpMTask
	}
)

// itpMulti is the multiple 1:M models, their associations (onDelete
// cascade, hooks: true) and hook flags on every create and destroy hook.
type itpMulti struct {
	projects     *sequelize.Model[itpMProject]
	tasks        *sequelize.Model[itpMTask]
	minis        *sequelize.Model[itpMiniTask]
	projectTasks *sequelize.HasManyAssociation[itpMProject, itpMTask]
	projectMinis *sequelize.HasManyAssociation[itpMProject, itpMiniTask]
	taskMinis    *sequelize.HasManyAssociation[itpMTask, itpMiniTask]
	h            ihCalls
}

func itpDefineMulti(c *C, failTask, failMiniTask bool) *itpMulti {
	c.Helper()
	m := &itpMulti{
		projects: harness.Define[itpMProject](c, "Project"),
		tasks:    harness.Define[itpMTask](c, "Task"),
		minis:    harness.Define[itpMiniTask](c, "MiniTask"),
	}
	cascade := sequelize.AssociationOptions{OnDelete: "cascade", Hooks: true}
	m.projectTasks = sequelize.HasMany(m.projects, m.tasks, cascade)
	m.projectMinis = sequelize.HasMany(m.projects, m.minis, cascade)
	sequelize.BelongsTo(m.tasks, m.projects, sequelize.AssociationOptions{Hooks: true})
	m.taskMinis = sequelize.HasMany(m.tasks, m.minis, cascade)
	sequelize.BelongsTo(m.minis, m.projects, sequelize.AssociationOptions{Hooks: true})
	sequelize.BelongsTo(m.minis, m.tasks, sequelize.AssociationOptions{Hooks: true})
	c.Sync()
	m.projects.AddHook(sequelize.BeforeCreate, "", ihSpy[itpMProject](&m.h, "beforeProject"))
	m.projects.AddHook(sequelize.AfterCreate, "", ihSpy[itpMProject](&m.h, "afterProject"))
	if failTask {
		m.tasks.AddHook(sequelize.BeforeDestroy, "", ihFail[itpMTask](&m.h, "beforeTask", errWhoops))
	} else {
		m.tasks.AddHook(sequelize.BeforeDestroy, "", ihSpy[itpMTask](&m.h, "beforeTask"))
	}
	m.tasks.AddHook(sequelize.AfterDestroy, "", ihSpy[itpMTask](&m.h, "afterTask"))
	if failMiniTask {
		m.minis.AddHook(sequelize.BeforeDestroy, "", ihFail[itpMiniTask](&m.h, "beforeMiniTask", errWhoops))
	} else {
		m.minis.AddHook(sequelize.BeforeDestroy, "", ihSpy[itpMiniTask](&m.h, "beforeMiniTask"))
	}
	m.minis.AddHook(sequelize.AfterDestroy, "", ihSpy[itpMiniTask](&m.h, "afterMiniTask"))
	return m
}

// itpCreate creates the project 'New Project' and the task 'New Task'.
func itpCreate(c *C, projects *sequelize.Model[itpProject], tasks *sequelize.Model[itpTask]) (*itpProject, *itpTask) {
	c.Helper()
	return harness.Create(c, projects, &itpProject{Title: "New Project"})[0], harness.Create(c, tasks, &itpTask{Title: "New Task"})[0]
}

func TestHooksAssociations(t *testing.T) {
	js := port(t, "hooks/associations.test.js")
	// The JS describe(Support.getTestDialectTeaser('Hooks')) only names
	// the dialect.
	js.Describe("associations", func(js *suite) {
		js.Describe("1:1", func(js *suite) {
			cascadeUpdate := sequelize.AssociationOptions{OnUpdate: "cascade", Hooks: true}
			js.Describe("cascade onUpdate", func(js *suite) {
				js.It("on success", func(c *C) {
					projects, tasks, pt, _ := itpProjectTask(c, false, cascadeUpdate)
					var h ihCalls
					tasks.AddHook(sequelize.BeforeUpdate, "", ihSpy[itpTask](&h, "beforeUpdate"))
					tasks.AddHook(sequelize.AfterUpdate, "", ihSpy[itpTask](&h, "afterUpdate"))
					project, task := itpCreate(c, projects, tasks)
					c.Must(pt.Set(c.Ctx, project, task))
					c.Must(projects.Set(project, sequelize.Values{"id": 2}))
					c.Must(projects.Save(c.Ctx, project))
					if h.get("beforeUpdate") == 0 || h.get("afterUpdate") == 0 {
						c.Fatalf("update hooks did not run: %v", h.seq())
					}
				})

				js.It("on error", func(c *C) {
					projects, tasks, pt, _ := itpProjectTask(c, false, cascadeUpdate)
					var h ihCalls
					tasks.AddHook(sequelize.AfterUpdate, "", ihFail[itpTask](&h, "afterUpdate", errWhoops))
					project, task := itpCreate(c, projects, tasks)
					if err := pt.Set(c.Ctx, project, task); !errors.Is(err, errWhoops) {
						c.Fatalf("setTask = %v, want the hook's error", err)
					}
				})
			})

			js.Describe("cascade onDelete", func(js *suite) {
				cascade := sequelize.AssociationOptions{OnDelete: "CASCADE", Hooks: true}
				js.Describe("#remove", func(js *suite) {
					js.It("with no errors", func(c *C) {
						projects, tasks, pt, _ := itpProjectTask(c, false, cascade)
						var h ihCalls
						projects.AddHook(sequelize.BeforeCreate, "", ihSpy[itpProject](&h, "beforeProject"))
						projects.AddHook(sequelize.AfterCreate, "", ihSpy[itpProject](&h, "afterProject"))
						tasks.AddHook(sequelize.BeforeDestroy, "", ihSpy[itpTask](&h, "beforeTask"))
						tasks.AddHook(sequelize.AfterDestroy, "", ihSpy[itpTask](&h, "afterTask"))
						project, task := itpCreate(c, projects, tasks)
						c.Must(pt.Set(c.Ctx, project, task))
						c.Must(projects.DestroyInstance(c.Ctx, project))
						ihCalled(c, &h, map[string]int{"beforeProject": 1, "afterProject": 1, "beforeTask": 1, "afterTask": 1})
					})

					js.It("with errors", func(c *C) {
						projects, tasks, pt, _ := itpProjectTask(c, false, cascade)
						var h ihCalls
						projects.AddHook(sequelize.BeforeCreate, "", ihSpy[itpProject](&h, "beforeProject"))
						projects.AddHook(sequelize.AfterCreate, "", ihSpy[itpProject](&h, "afterProject"))
						tasks.AddHook(sequelize.BeforeDestroy, "", ihFail[itpTask](&h, "beforeTask", errWhoops))
						tasks.AddHook(sequelize.AfterDestroy, "", ihSpy[itpTask](&h, "afterTask"))
						project, task := itpCreate(c, projects, tasks)
						c.Must(pt.Set(c.Ctx, project, task))
						if err := projects.DestroyInstance(c.Ctx, project); !errors.Is(err, errWhoops) {
							c.Fatalf("destroy = %v, want the hook's error", err)
						}
						ihCalled(c, &h, map[string]int{"beforeProject": 1, "afterProject": 1, "beforeTask": 1, "afterTask": 0})
					})
				})
			})

			js.Describe("no cascade update", func(js *suite) {
				js.It("on success", func(c *C) {
					projects, tasks, pt, _ := itpProjectTask(c, false, sequelize.AssociationOptions{})
					var h ihCalls
					tasks.AddHook(sequelize.BeforeUpdate, "", ihSpy[itpTask](&h, "beforeUpdate"))
					tasks.AddHook(sequelize.AfterUpdate, "", ihSpy[itpTask](&h, "afterUpdate"))
					project, task := itpCreate(c, projects, tasks)
					c.Must(pt.Set(c.Ctx, project, task))
					c.Must(projects.Set(project, sequelize.Values{"id": 2}))
					c.Must(projects.Save(c.Ctx, project))
					ihCalled(c, &h, map[string]int{"beforeUpdate": 1, "afterUpdate": 1})
				})

				js.It("on error", func(c *C) {
					projects, tasks, pt, _ := itpProjectTask(c, false, sequelize.AssociationOptions{})
					var h ihCalls
					tasks.AddHook(sequelize.AfterUpdate, "", ihFail[itpTask](&h, "afterUpdate", errWhoops))
					project, task := itpCreate(c, projects, tasks)
					if err := pt.Set(c.Ctx, project, task); err == nil {
						c.Fatal("setTask succeeded, want the hook's error")
					}
				})
			})

			js.Describe("no cascade delete", func(js *suite) {
				js.Describe("#remove", func(js *suite) {
					js.It("with no errors", func(c *C) {
						projects, tasks, _, pt := itpProjectTask(c, true, sequelize.AssociationOptions{})
						var h ihCalls
						projects.AddHook(sequelize.BeforeCreate, "", ihSpy[itpProject](&h, "beforeProject"))
						projects.AddHook(sequelize.AfterCreate, "", ihSpy[itpProject](&h, "afterProject"))
						tasks.AddHook(sequelize.BeforeUpdate, "", ihSpy[itpTask](&h, "beforeTask"))
						tasks.AddHook(sequelize.AfterUpdate, "", ihSpy[itpTask](&h, "afterTask"))
						project, task := itpCreate(c, projects, tasks)
						c.Must(pt.Add(c.Ctx, project, task))
						c.Must(pt.Remove(c.Ctx, project, task))
						ihCalled(c, &h, map[string]int{"beforeProject": 1, "afterProject": 1, "beforeTask": 0, "afterTask": 0})
					})

					js.It("with errors", func(c *C) {
						// addTask updates the task with a bulk UPDATE, which
						// runs no instance hooks: the failing beforeUpdate is
						// not called and addTask succeeds (the JS catch block
						// never runs).
						projects, tasks, _, pt := itpProjectTask(c, true, sequelize.AssociationOptions{})
						var h ihCalls
						projects.AddHook(sequelize.BeforeCreate, "", ihSpy[itpProject](&h, "beforeProject"))
						projects.AddHook(sequelize.AfterCreate, "", ihSpy[itpProject](&h, "afterProject"))
						tasks.AddHook(sequelize.BeforeUpdate, "", ihFail[itpTask](&h, "beforeTask", errWhoops))
						tasks.AddHook(sequelize.AfterUpdate, "", ihSpy[itpTask](&h, "afterTask"))
						project, task := itpCreate(c, projects, tasks)
						c.Must(pt.Add(c.Ctx, project, task))
						ihCalled(c, &h, map[string]int{"beforeProject": 1, "afterProject": 1, "beforeTask": 0, "afterTask": 0})
					})
				})
			})
		})

		js.Describe("1:M", func(js *suite) {
			js.Describe("cascade", func(js *suite) {
				cascade := sequelize.AssociationOptions{OnDelete: "cascade", Hooks: true}
				js.Describe("#remove", func(js *suite) {
					js.It("with no errors", func(c *C) {
						projects, tasks, _, pt := itpProjectTask(c, true, cascade)
						var h ihCalls
						projects.AddHook(sequelize.BeforeCreate, "", ihSpy[itpProject](&h, "beforeProject"))
						projects.AddHook(sequelize.AfterCreate, "", ihSpy[itpProject](&h, "afterProject"))
						tasks.AddHook(sequelize.BeforeDestroy, "", ihSpy[itpTask](&h, "beforeTask"))
						tasks.AddHook(sequelize.AfterDestroy, "", ihSpy[itpTask](&h, "afterTask"))
						project, task := itpCreate(c, projects, tasks)
						c.Must(pt.Add(c.Ctx, project, task))
						c.Must(projects.DestroyInstance(c.Ctx, project))
						ihCalled(c, &h, map[string]int{"beforeProject": 1, "afterProject": 1, "beforeTask": 1, "afterTask": 1})
					})

					js.It("with errors", func(c *C) {
						projects, tasks, _, pt := itpProjectTask(c, true, cascade)
						var h ihCalls
						projects.AddHook(sequelize.BeforeCreate, "", ihSpy[itpProject](&h, "beforeProject"))
						projects.AddHook(sequelize.AfterCreate, "", ihSpy[itpProject](&h, "afterProject"))
						tasks.AddHook(sequelize.BeforeDestroy, "", ihFail[itpTask](&h, "beforeTask", errWhoops))
						tasks.AddHook(sequelize.AfterDestroy, "", ihSpy[itpTask](&h, "afterTask"))
						project, task := itpCreate(c, projects, tasks)
						c.Must(pt.Add(c.Ctx, project, task))
						if err := projects.DestroyInstance(c.Ctx, project); !errors.Is(err, errWhoops) {
							c.Fatalf("destroy = %v, want the hook's error", err)
						}
						ihCalled(c, &h, map[string]int{"beforeProject": 1, "afterProject": 1, "beforeTask": 1, "afterTask": 0})
						// Nothing was deleted: the destroy ran in one transaction.
						c.Eq("projects left", harness.R(projects.Count(c.Ctx)).Get(c), int64(1))
						c.Eq("tasks left", harness.R(tasks.Count(c.Ctx)).Get(c), int64(1))
					})
				})
			})

			js.Describe("no cascade", func(js *suite) {
				js.Describe("#remove", func(js *suite) {
					js.It("with no errors", func(c *C) {
						projects, tasks, _, pt := itpProjectTask(c, true, sequelize.AssociationOptions{})
						var h ihCalls
						projects.AddHook(sequelize.BeforeCreate, "", ihSpy[itpProject](&h, "beforeProject"))
						projects.AddHook(sequelize.AfterCreate, "", ihSpy[itpProject](&h, "afterProject"))
						tasks.AddHook(sequelize.BeforeUpdate, "", ihSpy[itpTask](&h, "beforeTask"))
						tasks.AddHook(sequelize.AfterUpdate, "", ihSpy[itpTask](&h, "afterTask"))
						project, task := itpCreate(c, projects, tasks)
						c.Must(pt.Add(c.Ctx, project, task))
						c.Must(pt.Remove(c.Ctx, project, task))
						ihCalled(c, &h, map[string]int{"beforeProject": 1, "afterProject": 1, "beforeTask": 0, "afterTask": 0})
					})

					js.It("with errors", func(c *C) {
						// addTask is a bulk UPDATE, which runs no instance
						// hooks: the failing beforeUpdate is not called and
						// addTask succeeds (the JS catch block never runs).
						projects, tasks, _, pt := itpProjectTask(c, true, sequelize.AssociationOptions{})
						var h ihCalls
						projects.AddHook(sequelize.BeforeCreate, "", ihSpy[itpProject](&h, "beforeProject"))
						projects.AddHook(sequelize.AfterCreate, "", ihSpy[itpProject](&h, "afterProject"))
						tasks.AddHook(sequelize.BeforeUpdate, "", ihFail[itpTask](&h, "beforeTask", errWhoops))
						tasks.AddHook(sequelize.AfterUpdate, "", ihSpy[itpTask](&h, "afterTask"))
						project, task := itpCreate(c, projects, tasks)
						c.Must(pt.Add(c.Ctx, project, task))
						ihCalled(c, &h, map[string]int{"beforeProject": 1, "afterProject": 1, "beforeTask": 0, "afterTask": 0})
					})
				})
			})
		})

		js.Describe("M:M", func(js *suite) {
			js.Describe("cascade", func(js *suite) {
				// The JS passes cascade: 'onDelete', which is no option of
				// belongsToMany: the junction's keys cascade as by default.
				js.Describe("#remove", func(js *suite) {
					js.It("with no errors", func(c *C) {
						projects, tasks, pt := itpManyToMany(c, "projects_and_tasks")
						var h ihCalls
						projects.AddHook(sequelize.BeforeCreate, "", ihSpy[itpProject](&h, "beforeProject"))
						projects.AddHook(sequelize.AfterCreate, "", ihSpy[itpProject](&h, "afterProject"))
						tasks.AddHook(sequelize.BeforeDestroy, "", ihSpy[itpTask](&h, "beforeTask"))
						tasks.AddHook(sequelize.AfterDestroy, "", ihSpy[itpTask](&h, "afterTask"))
						project, task := itpCreate(c, projects, tasks)
						c.Must(pt.Add(c.Ctx, project, task))
						c.Must(projects.DestroyInstance(c.Ctx, project))
						// M:M does not cascade to the targets.
						ihCalled(c, &h, map[string]int{"beforeProject": 1, "afterProject": 1, "beforeTask": 0, "afterTask": 0})
					})

					js.It("with errors", func(c *C) {
						projects, tasks, pt := itpManyToMany(c, "projects_and_tasks")
						var h ihCalls
						projects.AddHook(sequelize.BeforeCreate, "", ihSpy[itpProject](&h, "beforeProject"))
						projects.AddHook(sequelize.AfterCreate, "", ihSpy[itpProject](&h, "afterProject"))
						tasks.AddHook(sequelize.BeforeDestroy, "", ihFail[itpTask](&h, "beforeTask", errWhoops))
						tasks.AddHook(sequelize.AfterDestroy, "", ihSpy[itpTask](&h, "afterTask"))
						project, task := itpCreate(c, projects, tasks)
						c.Must(pt.Add(c.Ctx, project, task))
						c.Must(projects.DestroyInstance(c.Ctx, project))
						ihCalled(c, &h, map[string]int{"beforeProject": 1, "afterProject": 1, "beforeTask": 0, "afterTask": 0})
					})
				})
			})

			js.Describe("no cascade", func(js *suite) {
				js.Describe("#remove", func(js *suite) {
					js.It("with no errors", func(c *C) {
						projects, tasks, pt := itpManyToMany(c, "project_tasks")
						var h ihCalls
						projects.AddHook(sequelize.BeforeCreate, "", ihSpy[itpProject](&h, "beforeProject"))
						projects.AddHook(sequelize.AfterCreate, "", ihSpy[itpProject](&h, "afterProject"))
						tasks.AddHook(sequelize.BeforeUpdate, "", ihSpy[itpTask](&h, "beforeTask"))
						tasks.AddHook(sequelize.AfterUpdate, "", ihSpy[itpTask](&h, "afterTask"))
						project, task := itpCreate(c, projects, tasks)
						c.Must(pt.Add(c.Ctx, project, task))
						c.Must(pt.Remove(c.Ctx, project, task))
						ihCalled(c, &h, map[string]int{"beforeProject": 1, "afterProject": 1, "beforeTask": 0, "afterTask": 0})
					})

					js.It("with errors", func(c *C) {
						projects, tasks, pt := itpManyToMany(c, "project_tasks")
						var h ihCalls
						projects.AddHook(sequelize.BeforeCreate, "", ihSpy[itpProject](&h, "beforeProject"))
						projects.AddHook(sequelize.AfterCreate, "", ihSpy[itpProject](&h, "afterProject"))
						tasks.AddHook(sequelize.BeforeUpdate, "", ihFail[itpTask](&h, "beforeTask", errWhoops))
						tasks.AddHook(sequelize.AfterUpdate, "", ihSpy[itpTask](&h, "afterTask"))
						project, task := itpCreate(c, projects, tasks)
						c.Must(pt.Add(c.Ctx, project, task))
						ihCalled(c, &h, map[string]int{"beforeProject": 1, "afterProject": 1, "beforeTask": 0, "afterTask": 0})
					})
				})
			})
		})

		js.Describe("multiple 1:M", func(js *suite) {
			js.Describe("cascade", func(js *suite) {
				js.Describe("#remove", func(js *suite) {
					js.It("with no errors", func(c *C) {
						m := itpDefineMulti(c, false, false)
						project := harness.Create(c, m.projects, &itpMProject{Title: "New Project"})[0]
						mini := harness.Create(c, m.minis, &itpMiniTask{Mini_title: "New MiniTask"})[0]
						c.Must(m.projectMinis.Add(c.Ctx, project, mini))
						c.Must(m.projects.DestroyInstance(c.Ctx, project))
						ihCalled(c, &m.h, map[string]int{"beforeProject": 1, "afterProject": 1, "beforeTask": 0, "afterTask": 0, "beforeMiniTask": 1, "afterMiniTask": 1})
					})

					js.It("with errors", func(c *C) {
						m := itpDefineMulti(c, false, true)
						project := harness.Create(c, m.projects, &itpMProject{Title: "New Project"})[0]
						mini := harness.Create(c, m.minis, &itpMiniTask{Mini_title: "New MiniTask"})[0]
						c.Must(m.projectMinis.Add(c.Ctx, project, mini))
						if err := m.projects.DestroyInstance(c.Ctx, project); !errors.Is(err, errWhoops) {
							c.Fatalf("destroy = %v, want the hook's error", err)
						}
						ihCalled(c, &m.h, map[string]int{"beforeProject": 1, "afterProject": 1, "beforeTask": 0, "afterTask": 0, "beforeMiniTask": 1, "afterMiniTask": 0})
					})
				})
			})
		})

		js.Describe("multiple 1:M sequential hooks", func(js *suite) {
			js.Describe("cascade", func(js *suite) {
				js.Describe("#remove", func(js *suite) {
					js.It("with no errors", func(c *C) {
						m := itpDefineMulti(c, false, false)
						project := harness.Create(c, m.projects, &itpMProject{Title: "New Project"})[0]
						task := harness.Create(c, m.tasks, &itpMTask{Title: "New Task"})[0]
						mini := harness.Create(c, m.minis, &itpMiniTask{Mini_title: "New MiniTask"})[0]
						c.Must(m.taskMinis.Add(c.Ctx, task, mini))
						c.Must(m.projectTasks.Add(c.Ctx, project, task))
						c.Must(m.projects.DestroyInstance(c.Ctx, project))
						ihCalled(c, &m.h, map[string]int{"beforeProject": 1, "afterProject": 1, "beforeTask": 1, "afterTask": 1, "beforeMiniTask": 1, "afterMiniTask": 1})
					})

					js.It("with errors", func(c *C) {
						m := itpDefineMulti(c, true, false)
						project := harness.Create(c, m.projects, &itpMProject{Title: "New Project"})[0]
						task := harness.Create(c, m.tasks, &itpMTask{Title: "New Task"})[0]
						mini := harness.Create(c, m.minis, &itpMiniTask{Mini_title: "New MiniTask"})[0]
						c.Must(m.taskMinis.Add(c.Ctx, task, mini))
						c.Must(m.projectTasks.Add(c.Ctx, project, task))
						if err := m.projects.DestroyInstance(c.Ctx, project); !errors.Is(err, errWhoops) {
							c.Fatalf("destroy = %v, want the hook's error", err)
						}
						ihCalled(c, &m.h, map[string]int{"beforeProject": 1, "afterProject": 1, "beforeTask": 1, "afterTask": 0, "beforeMiniTask": 0, "afterMiniTask": 0})
					})
				})
			})
		})
	})
}
