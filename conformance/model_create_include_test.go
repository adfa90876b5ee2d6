package conformance_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
)

// The models of model/create/include.test.js. Sequelize's include options
// reach the nested creates' hooks (options.myOption, options.parentRecord);
// a Go Include has no free-form options and a hook gets no parent record,
// so the ports check what a Go hook can see: that the nested rows exist
// (with their ids) when the parent's AfterCreate runs, and that each
// nested create ran its own hooks.

type mwIncUser struct {
	ID        int64
	FirstName *string `sequelize:"field:first_name"`
	LastName  *string `sequelize:"field:last_name"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mwIncProduct struct {
	ID        int64
	Title     string
	UserID    *int64
	User      *mwIncUser
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mwIncProductNotNull struct {
	ID        int64
	Title     string
	UserID    int64 `sequelize:"allowNull:false"`
	User      *mwIncUser
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mwIncCreatorProduct struct {
	ID        int64
	Title     string
	CreatorID *int64
	Creator   *mwIncUser
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mwIncTag struct {
	ID        int64
	Name      string
	ProductID *int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mwIncTagProduct struct {
	ID         int64
	Title      string
	Tags       []*mwIncTag
	Categories []*mwIncTag
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

type mwIncTask struct {
	ID        int64
	Title     string
	Active    *bool
	UserID    *int64
	JobID     *int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mwIncTaskUser struct {
	ID        int64
	Username  string
	Task      *mwIncTask
	Job       *mwIncTask
	Tasks     []*mwIncTask
	Jobs      []*mwIncTask
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mwPost struct {
	ID        int64
	Title     string
	Tags      []*mwTag
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mwTag struct {
	ID        int64
	Name      string
	Posts     []*mwPost
	CreatedAt time.Time
	UpdatedAt time.Time
}

// mwItemTag is the polymorphic junction: Sequelize's tag_id and
// taggable_id attributes are tagId and taggableId here, in the columns
// tag_id and taggable_id (underscored).
type mwItemTag struct {
	ID         int64
	TagID      *int64 `sequelize:"references:tags.id"`
	TaggableID *int64
	Taggable   *string
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

func TestModelCreateInclude(t *testing.T) {
	js := port(t, "model/create/include.test.js")
	js.describe("create", func(js *suite) {
		js.describe("include", func(js *suite) {
			js.it("should create data for BelongsTo relations", func(c *C) {
				products := sequelize.Define[mwIncProduct](c.DB, sequelize.ModelOptions{ModelName: "Product"})
				users := sequelize.Define[mwIncUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
				var includeCreatedOnAfterCreate bool
				products.AddHook(sequelize.AfterCreate, "", func(_ context.Context, e *sequelize.HookEvent[mwIncProduct]) error {
					includeCreatedOnAfterCreate = e.Instance.User != nil && e.Instance.User.ID != 0
					return nil
				})
				var userCreates atomic.Int32
				users.AddHook(sequelize.BeforeCreate, "", func(context.Context, *sequelize.HookEvent[mwIncUser]) error {
					userCreates.Add(1)
					return nil
				})
				user := sequelize.BelongsTo(products, users)
				c.Sync()
				p := &mwIncProduct{Title: "Chair", User: &mwIncUser{FirstName: mwStr("Mick"), LastName: mwStr("Broadstone")}}
				c.Must(products.Create(c.Ctx, p, sequelize.CreateOptions{Include: []sequelize.Include{{Association: user}}}))
				c.Eq("include created on afterCreate", includeCreatedOnAfterCreate, true)
				c.Eq("user creates", userCreates.Load(), 1)
				got, err := products.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": p.ID}, Include: []sequelize.Include{{Association: user}}})
				c.Must(err)
				if got.User == nil {
					c.Fatal("no User")
				}
				c.Eq("first_name", *got.User.FirstName, "Mick")
				c.Eq("last_name", *got.User.LastName, "Broadstone")
			})

			js.it("should create data for BelongsTo relations with no nullable FK", func(c *C) {
				products := sequelize.Define[mwIncProductNotNull](c.DB, sequelize.ModelOptions{ModelName: "Product"})
				users := sequelize.Define[mwIncUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
				user := sequelize.BelongsTo(products, users)
				c.Sync()
				p := &mwIncProductNotNull{Title: "Chair", User: &mwIncUser{FirstName: mwStr("Mick")}}
				c.Must(products.Create(c.Ctx, p, sequelize.CreateOptions{Include: []sequelize.Include{{Association: user}}}))
				c.Eq("title", p.Title, "Chair")
				if p.User == nil || p.User.ID == 0 {
					c.Fatalf("user = %+v, want it created", p.User)
				}
				c.Eq("first_name", *p.User.FirstName, "Mick")
				c.Eq("userId", p.UserID, p.User.ID)
			})

			js.it("should create data for BelongsTo relations with alias", func(c *C) {
				products := sequelize.Define[mwIncCreatorProduct](c.DB, sequelize.ModelOptions{ModelName: "Product"})
				users := sequelize.Define[mwIncUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
				creator := sequelize.BelongsTo(products, users, sequelize.AssociationOptions{As: "creator"})
				c.Sync()
				p := &mwIncCreatorProduct{Title: "Chair", Creator: &mwIncUser{FirstName: mwStr("Matt"), LastName: mwStr("Hansen")}}
				c.Must(products.Create(c.Ctx, p, sequelize.CreateOptions{Include: []sequelize.Include{{Association: creator}}}))
				got, err := products.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": p.ID}, Include: []sequelize.Include{{Association: creator}}})
				c.Must(err)
				if got.Creator == nil {
					c.Fatal("no creator")
				}
				c.Eq("first_name", *got.Creator.FirstName, "Matt")
				c.Eq("last_name", *got.Creator.LastName, "Hansen")
			})

			js.it("should create data for HasMany relations", func(c *C) {
				products := sequelize.Define[mwIncTagProduct](c.DB, sequelize.ModelOptions{ModelName: "Product"})
				tags := sequelize.Define[mwIncTag](c.DB, sequelize.ModelOptions{ModelName: "Tag"})
				var includesCreatedOnAfterCreate bool
				products.AddHook(sequelize.AfterCreate, "", func(ctx context.Context, e *sequelize.HookEvent[mwIncTagProduct]) error {
					ok := len(e.Instance.Tags) > 0
					for _, t := range e.Instance.Tags {
						ok = ok && t.ID != 0
					}
					// the JS tags have ids given, so also ask the database
					n, err := tags.Count(ctx)
					includesCreatedOnAfterCreate = ok && n == 2
					return err
				})
				var tagCreates atomic.Int32
				tags.AddHook(sequelize.AfterCreate, "", func(context.Context, *sequelize.HookEvent[mwIncTag]) error {
					tagCreates.Add(1)
					return nil
				})
				tagsOf := sequelize.HasMany(products, tags)
				c.Sync()
				p := &mwIncTagProduct{ID: 1, Title: "Chair", Tags: []*mwIncTag{{ID: 1, Name: "Alpha"}, {ID: 2, Name: "Beta"}}}
				c.Must(products.Create(c.Ctx, p, sequelize.CreateOptions{Include: []sequelize.Include{{Association: tagsOf}}}))
				c.Eq("includes created on afterCreate", includesCreatedOnAfterCreate, true)
				c.Eq("tag creates", tagCreates.Load(), 2)
				got, err := products.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": p.ID}, Include: []sequelize.Include{{Association: tagsOf}}})
				c.Must(err)
				c.Eq("tags", len(got.Tags), 2)
			})

			js.it("should create data for HasMany relations with alias", func(c *C) {
				products := sequelize.Define[mwIncTagProduct](c.DB, sequelize.ModelOptions{ModelName: "Product"})
				tags := sequelize.Define[mwIncTag](c.DB, sequelize.ModelOptions{ModelName: "Tag"})
				categories := sequelize.HasMany(products, tags, sequelize.AssociationOptions{As: "categories"})
				c.Sync()
				p := &mwIncTagProduct{ID: 1, Title: "Chair", Categories: []*mwIncTag{{ID: 1, Name: "Alpha"}, {ID: 2, Name: "Beta"}}}
				c.Must(products.Create(c.Ctx, p, sequelize.CreateOptions{Include: []sequelize.Include{{Association: categories}}}))
				got, err := products.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": p.ID}, Include: []sequelize.Include{{Association: categories}}})
				c.Must(err)
				c.Eq("categories", len(got.Categories), 2)
			})

			js.it("should create data for HasOne relations", func(c *C) {
				users := sequelize.Define[mwIncTaskUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
				tasks := sequelize.Define[mwIncTask](c.DB, sequelize.ModelOptions{ModelName: "Task"})
				task := sequelize.HasOne(users, tasks)
				c.Sync()
				u := &mwIncTaskUser{Username: "Muzzy", Task: &mwIncTask{Title: "Eat Clocks"}}
				c.Must(users.Create(c.Ctx, u, sequelize.CreateOptions{Include: []sequelize.Include{{Association: task}}}))
				got, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": u.ID}, Include: []sequelize.Include{{Association: task}}})
				c.Must(err)
				if got.Task == nil || got.Task.Title != "Eat Clocks" {
					c.Fatalf("task = %+v", got.Task)
				}
			})

			js.it("should create data for HasOne relations with alias", func(c *C) {
				users := sequelize.Define[mwIncTaskUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
				tasks := sequelize.Define[mwIncTask](c.DB, sequelize.ModelOptions{ModelName: "Task"})
				job := sequelize.HasOne(users, tasks, sequelize.AssociationOptions{As: "job"})
				c.Sync()
				u := &mwIncTaskUser{Username: "Muzzy", Job: &mwIncTask{Title: "Eat Clocks"}}
				c.Must(users.Create(c.Ctx, u, sequelize.CreateOptions{Include: []sequelize.Include{{Association: job}}}))
				got, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": u.ID}, Include: []sequelize.Include{{Association: job}}})
				c.Must(err)
				if got.Job == nil || got.Job.Title != "Eat Clocks" {
					c.Fatalf("job = %+v", got.Job)
				}
			})

			js.it("should create data for BelongsToMany relations", func(c *C) {
				users := sequelize.Define[mwIncTaskUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
				tasks := sequelize.Define[mwIncTask](c.DB, sequelize.ModelOptions{ModelName: "Task"})
				var includesCreatedOnAfterCreate bool
				users.AddHook(sequelize.AfterCreate, "", func(ctx context.Context, e *sequelize.HookEvent[mwIncTaskUser]) error {
					ok := len(e.Instance.Tasks) > 0
					for _, t := range e.Instance.Tasks {
						ok = ok && t.ID != 0
					}
					includesCreatedOnAfterCreate = ok
					return nil
				})
				var taskCreates atomic.Int32
				tasks.AddHook(sequelize.AfterCreate, "", func(context.Context, *sequelize.HookEvent[mwIncTask]) error {
					taskCreates.Add(1)
					return nil
				})
				userTasks := sequelize.BelongsToMany(users, tasks, sequelize.BelongsToManyOptions{Through: "user_task"})
				sequelize.BelongsToMany(tasks, users, sequelize.BelongsToManyOptions{Through: "user_task"})
				c.Sync()
				u := &mwIncTaskUser{Username: "John", Tasks: []*mwIncTask{{Title: "Get rich", Active: sequelize.Bool(true)}, {Title: "Die trying", Active: sequelize.Bool(false)}}}
				c.Must(users.Create(c.Ctx, u, sequelize.CreateOptions{Include: []sequelize.Include{{Association: userTasks}}}))
				c.Eq("includes created on afterCreate", includesCreatedOnAfterCreate, true)
				c.Eq("task creates", taskCreates.Load(), 2)
				got, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": u.ID}, Include: []sequelize.Include{{Association: userTasks}}})
				c.Must(err)
				c.Eq("tasks", len(got.Tasks), 2)
			})

			js.it("should create data for polymorphic BelongsToMany relations", func(c *C) {
				posts := sequelize.Define[mwPost](c.DB, sequelize.ModelOptions{ModelName: "Post", TableName: "posts", Underscored: true})
				tags := sequelize.Define[mwTag](c.DB, sequelize.ModelOptions{ModelName: "Tag", TableName: "tags", Underscored: true})
				itemTags := sequelize.Define[mwItemTag](c.DB, sequelize.ModelOptions{ModelName: "ItemTag", TableName: "item_tag", Underscored: true})
				postTags := sequelize.BelongsToMany(posts, tags, sequelize.BelongsToManyOptions{
					AssociationOptions: sequelize.AssociationOptions{As: "tags", ForeignKey: "taggableId", Constraints: sequelize.Bool(false)},
					ThroughModel:       itemTags, OtherKey: "tagId", ThroughScope: sequelize.Values{"taggable": "post"}})
				sequelize.BelongsToMany(tags, posts, sequelize.BelongsToManyOptions{
					AssociationOptions: sequelize.AssociationOptions{As: "posts", ForeignKey: "tagId", Constraints: sequelize.Bool(false)},
					ThroughModel:       itemTags, OtherKey: "taggableId", ThroughScope: sequelize.Values{"taggable": "post"}})
				c.Sync()
				p := &mwPost{Title: "Polymorphic Associations", Tags: []*mwTag{{Name: "polymorphic"}, {Name: "associations"}}}
				c.Must(posts.Create(c.Ctx, p, sequelize.CreateOptions{Include: []sequelize.Include{{Association: postTags}}}))
				c.Eq("saved tags", len(p.Tags), 2)
				saved, err := postTags.Get(c.Ctx, p)
				c.Must(err)
				c.Eq("tags", len(saved), 2)
				links, err := itemTags.FindAll(c.Ctx)
				c.Must(err)
				c.Eq("item tags", len(links), 2)
				for _, l := range links {
					if l.Taggable == nil || *l.Taggable != "post" {
						c.Fatalf("taggable = %v, want post", l.Taggable)
					}
				}
			})

			js.it("should create data for BelongsToMany relations with alias", func(c *C) {
				users := sequelize.Define[mwIncTaskUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
				tasks := sequelize.Define[mwIncTask](c.DB, sequelize.ModelOptions{ModelName: "Task"})
				jobs := sequelize.BelongsToMany(users, tasks, sequelize.BelongsToManyOptions{Through: "user_job", AssociationOptions: sequelize.AssociationOptions{As: "jobs"}})
				sequelize.BelongsToMany(tasks, users, sequelize.BelongsToManyOptions{Through: "user_job"})
				c.Sync()
				u := &mwIncTaskUser{Username: "John", Jobs: []*mwIncTask{{Title: "Get rich", Active: sequelize.Bool(true)}, {Title: "Die trying", Active: sequelize.Bool(false)}}}
				c.Must(users.Create(c.Ctx, u, sequelize.CreateOptions{Include: []sequelize.Include{{Association: jobs}}}))
				got, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": u.ID}, Include: []sequelize.Include{{Association: jobs}}})
				c.Must(err)
				c.Eq("jobs", len(got.Jobs), 2)
			})
		})
	})
}
