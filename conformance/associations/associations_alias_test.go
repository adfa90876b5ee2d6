package associations_test

import (
	"testing"

	"github.com/gosequelize/sequelize"
)

var _ = listed(
	difference{
		File: "associations/alias.test.js", Title: "should allow me to define plural and singular forms on the model",
		Kind:    deliberate,
		Instead: "ModelOptions has no name {singular, plural}: the association is given As \"assignments\", and the rows land in the Assignments field as in Sequelize.",
		Why:     "The mixins are methods with fixed names (Get, Add, ...), so a model's singular and plural would only name the default alias, which As names directly.",
	},
)

// The models of alias.test.js, at top level since they refer to each
// other.
type (
	amxAlUser struct {
		ID          int64
		Assignments []*amxAlTask
	}
	amxAlTask struct {
		ID     int64
		UserID *int64
		Owner  *amxAlUser
	}
	amxAlShoutUser struct {
		ID          int64
		ASSIGNMENTS []*amxAlShoutTask
	}
	amxAlShoutTask struct {
		ID     int64
		UserID *int64
		OWNER  *amxAlShoutUser
	}
)

func TestAssociationsAlias(t *testing.T) {
	js := port(t, "associations/alias.test.js")

	type TaskzUser struct {
		ID    int64
		Taskz []*amxAlTask
	}

	// The JS also checks that getAssignments and getOwner exist: here the
	// mixins are the associations' methods, whatever the alias.
	js.It("should uppercase the first letter in alias getter, but not in eager loading", func(c *C) {
		users := sequelize.Define[amxAlUser](c.DB, sequelize.ModelOptions{ModelName: "user"})
		tasks := sequelize.Define[amxAlTask](c.DB, sequelize.ModelOptions{ModelName: "task"})
		assignments := sequelize.HasMany(users, tasks, sequelize.AssociationOptions{As: "assignments", ForeignKey: "userId"})
		owner := sequelize.BelongsTo(tasks, users, sequelize.AssociationOptions{As: "owner", ForeignKey: "userId"})
		c.Sync()
		c.Must(users.Create(c.Ctx, &amxAlUser{ID: 1}))
		c.Must(tasks.Create(c.Ctx, &amxAlTask{ID: 1, UserID: asPtr(int64(1))}))
		user, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": 1}, Include: []sequelize.Include{{Association: assignments}}})
		c.Must(err)
		task, err := tasks.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": 1}, Include: []sequelize.Include{{Association: owner}}})
		c.Must(err)
		c.Eq("alias", assignments.As(), "assignments")
		c.Eq("assignments", len(user.Assignments), 1)
		if task.Owner == nil || task.Owner.ID != 1 {
			c.Fatalf("owner %+v", task.Owner)
		}
	})

	js.It("shouldnt touch the passed alias", func(c *C) {
		users := sequelize.Define[amxAlShoutUser](c.DB, sequelize.ModelOptions{ModelName: "user"})
		tasks := sequelize.Define[amxAlShoutTask](c.DB, sequelize.ModelOptions{ModelName: "task"})
		assignments := sequelize.HasMany(users, tasks, sequelize.AssociationOptions{As: "ASSIGNMENTS", ForeignKey: "userId"})
		owner := sequelize.BelongsTo(tasks, users, sequelize.AssociationOptions{As: "OWNER", ForeignKey: "userId"})
		c.Sync()
		c.Must(users.Create(c.Ctx, &amxAlShoutUser{ID: 1}))
		c.Must(tasks.Create(c.Ctx, &amxAlShoutTask{ID: 1, UserID: asPtr(int64(1))}))
		user, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": 1}, Include: []sequelize.Include{{Association: assignments}}})
		c.Must(err)
		task, err := tasks.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": 1}, Include: []sequelize.Include{{Association: owner}}})
		c.Must(err)
		c.Eq("aliases", []string{assignments.As(), owner.As()}, []string{"ASSIGNMENTS", "OWNER"})
		c.Eq("ASSIGNMENTS", len(user.ASSIGNMENTS), 1)
		if task.OWNER == nil || task.OWNER.ID != 1 {
			c.Fatalf("OWNER %+v", task.OWNER)
		}
	})

	// As is a string (see AssociationOptions.As): {singular: 'task',
	// plural: 'taskz'} only named the JS accessors (getTaskz, addTask,
	// addTaskz), which are Get and Add here; the plural is the alias.
	js.It("should allow me to pass my own plural and singular forms to hasMany", func(c *C) {
		users := sequelize.Define[TaskzUser](c.DB, sequelize.ModelOptions{ModelName: "user"})
		tasks := sequelize.Define[amxAlTask](c.DB, sequelize.ModelOptions{ModelName: "task"})
		taskz := sequelize.HasMany(users, tasks, sequelize.AssociationOptions{As: "taskz"})
		c.Sync()
		user0 := &TaskzUser{ID: 1}
		c.Must(users.Create(c.Ctx, user0))
		c.Must(taskz.Create(c.Ctx, user0, &amxAlTask{}))
		user, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": 1}, Include: []sequelize.Include{{Association: taskz}}})
		c.Must(err)
		c.Eq("taskz", len(user.Taskz), 1)
	})

	js.Differs("should allow me to define plural and singular forms on the model", func(c *C) {
		users := sequelize.Define[amxAlUser](c.DB, sequelize.ModelOptions{ModelName: "user"})
		tasks := sequelize.Define[amxAlTask](c.DB, sequelize.ModelOptions{ModelName: "task"})
		assignments := sequelize.HasMany(users, tasks, sequelize.AssociationOptions{As: "assignments"})
		c.Sync()
		user0 := &amxAlUser{ID: 1}
		c.Must(users.Create(c.Ctx, user0))
		c.Must(assignments.Create(c.Ctx, user0, &amxAlTask{}))
		user, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": 1}, Include: []sequelize.Include{{Association: assignments}}})
		c.Must(err)
		c.Eq("assignments", len(user.Assignments), 1)
		c.Eq("table", tasks.TableName(), "tasks")
	})
}
