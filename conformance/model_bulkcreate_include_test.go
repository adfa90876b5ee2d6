package conformance_test

import (
	"context"
	"testing"

	"github.com/gosequelize/sequelize"
)

// The cases of model/bulk-create/include.test.js, on the models of
// model/create/include.test.js. As there, Sequelize's include options that
// reach the nested creates' hooks (options.myOption) have no Go form; the
// ports check that the parent's AfterBulkCreate sees every nested row
// created (with its id, and in the database) and that the rows persist.

func TestModelBulkCreateInclude(t *testing.T) {
	js := port(t, "model/bulk-create/include.test.js")
	js.describe("bulkCreate", func(js *suite) {
		js.describe("include", func(js *suite) {
			js.it("should bulkCreate data for BelongsTo relations", func(c *C) {
				products := sequelize.Define[mwIncProduct](c.DB, sequelize.ModelOptions{ModelName: "Product"})
				users := sequelize.Define[mwIncUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
				var seen []bool
				products.AddHook(sequelize.AfterBulkCreate, "", func(ctx context.Context, e *sequelize.HookEvent[mwIncProduct]) error {
					n, err := users.Count(ctx)
					for _, p := range e.Instances {
						seen = append(seen, p.User != nil && p.User.ID != 0 && n == 2)
					}
					return err
				})
				user := sequelize.BelongsTo(products, users)
				c.Sync()
				saved := []*mwIncProduct{
					{Title: "Chair", User: &mwIncUser{FirstName: mwStr("Mick"), LastName: mwStr("Broadstone")}},
					{Title: "Table", User: &mwIncUser{FirstName: mwStr("John"), LastName: mwStr("Johnson")}},
				}
				c.Must(products.BulkCreate(c.Ctx, saved, sequelize.BulkCreateOptions{Include: []sequelize.Include{{Association: user}}}))
				c.Eq("include created on afterBulkCreate", seen, []bool{true, true})
				for i, want := range [][2]string{{"Mick", "Broadstone"}, {"John", "Johnson"}} {
					got, err := products.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": saved[i].ID}, Include: []sequelize.Include{{Association: user}}})
					c.Must(err)
					if got.User == nil {
						c.Fatalf("product %d has no User", i)
					}
					c.Eq("first_name", *got.User.FirstName, want[0])
					c.Eq("last_name", *got.User.LastName, want[1])
				}
			})

			js.it("should bulkCreate data for BelongsTo relations with no nullable FK", func(c *C) {
				products := sequelize.Define[mwIncProductNotNull](c.DB, sequelize.ModelOptions{ModelName: "Product"})
				users := sequelize.Define[mwIncUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
				user := sequelize.BelongsTo(products, users)
				c.Sync()
				saved := []*mwIncProductNotNull{
					{Title: "Chair", User: &mwIncUser{FirstName: mwStr("Mick")}},
					{Title: "Table", User: &mwIncUser{FirstName: mwStr("John")}},
				}
				c.Must(products.BulkCreate(c.Ctx, saved, sequelize.BulkCreateOptions{Include: []sequelize.Include{{Association: user}}}))
				for i, want := range [][2]string{{"Chair", "Mick"}, {"Table", "John"}} {
					c.Eq("title", saved[i].Title, want[0])
					if saved[i].User == nil || saved[i].User.ID == 0 {
						c.Fatalf("user %d not created", i)
					}
					c.Eq("first_name", *saved[i].User.FirstName, want[1])
					c.Eq("userId", saved[i].UserID, saved[i].User.ID)
				}
			})

			js.it("should bulkCreate data for BelongsTo relations with alias", func(c *C) {
				products := sequelize.Define[mwIncCreatorProduct](c.DB, sequelize.ModelOptions{ModelName: "Product"})
				users := sequelize.Define[mwIncUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
				creator := sequelize.BelongsTo(products, users, sequelize.AssociationOptions{As: "creator"})
				c.Sync()
				saved := []*mwIncCreatorProduct{
					{Title: "Chair", Creator: &mwIncUser{FirstName: mwStr("Matt"), LastName: mwStr("Hansen")}},
					{Title: "Table", Creator: &mwIncUser{FirstName: mwStr("John"), LastName: mwStr("Johnson")}},
				}
				c.Must(products.BulkCreate(c.Ctx, saved, sequelize.BulkCreateOptions{Include: []sequelize.Include{{Association: creator}}}))
				for i, want := range [][2]string{{"Matt", "Hansen"}, {"John", "Johnson"}} {
					got, err := products.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": saved[i].ID}, Include: []sequelize.Include{{Association: creator}}})
					c.Must(err)
					if got.Creator == nil {
						c.Fatalf("product %d has no creator", i)
					}
					c.Eq("first_name", *got.Creator.FirstName, want[0])
					c.Eq("last_name", *got.Creator.LastName, want[1])
				}
			})

			js.it("should bulkCreate data for HasMany relations", func(c *C) {
				products := sequelize.Define[mwIncTagProduct](c.DB, sequelize.ModelOptions{ModelName: "Product"})
				tags := sequelize.Define[mwIncTag](c.DB, sequelize.ModelOptions{ModelName: "Tag"})
				var seen []bool
				products.AddHook(sequelize.AfterBulkCreate, "", func(ctx context.Context, e *sequelize.HookEvent[mwIncTagProduct]) error {
					n, err := tags.Count(ctx)
					for _, p := range e.Instances {
						ok := len(p.Tags) == 2 && n == 4
						for _, t := range p.Tags {
							ok = ok && t.ID != 0
						}
						seen = append(seen, ok)
					}
					return err
				})
				tagsOf := sequelize.HasMany(products, tags)
				c.Sync()
				saved := []*mwIncTagProduct{
					{ID: 1, Title: "Chair", Tags: []*mwIncTag{{ID: 1, Name: "Alpha"}, {ID: 2, Name: "Beta"}}},
					{ID: 2, Title: "Table", Tags: []*mwIncTag{{ID: 3, Name: "Gamma"}, {ID: 4, Name: "Delta"}}},
				}
				c.Must(products.BulkCreate(c.Ctx, saved, sequelize.BulkCreateOptions{Include: []sequelize.Include{{Association: tagsOf}}}))
				c.Eq("includes created on afterBulkCreate", seen, []bool{true, true})
				for _, p := range saved {
					got, err := products.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": p.ID}, Include: []sequelize.Include{{Association: tagsOf}}})
					c.Must(err)
					c.Eq("tags", len(got.Tags), 2)
				}
			})

			js.it("should bulkCreate data for HasMany relations with alias", func(c *C) {
				products := sequelize.Define[mwIncTagProduct](c.DB, sequelize.ModelOptions{ModelName: "Product"})
				tags := sequelize.Define[mwIncTag](c.DB, sequelize.ModelOptions{ModelName: "Tag"})
				categories := sequelize.HasMany(products, tags, sequelize.AssociationOptions{As: "categories"})
				c.Sync()
				saved := []*mwIncTagProduct{
					{ID: 1, Title: "Chair", Categories: []*mwIncTag{{ID: 1, Name: "Alpha"}, {ID: 2, Name: "Beta"}}},
					{ID: 2, Title: "Table", Categories: []*mwIncTag{{ID: 3, Name: "Gamma"}, {ID: 4, Name: "Delta"}}},
				}
				c.Must(products.BulkCreate(c.Ctx, saved, sequelize.BulkCreateOptions{Include: []sequelize.Include{{Association: categories}}}))
				for _, p := range saved {
					got, err := products.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": p.ID}, Include: []sequelize.Include{{Association: categories}}})
					c.Must(err)
					c.Eq("categories", len(got.Categories), 2)
				}
			})

			js.it("should bulkCreate data for HasOne relations", func(c *C) {
				users := sequelize.Define[mwIncTaskUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
				tasks := sequelize.Define[mwIncTask](c.DB, sequelize.ModelOptions{ModelName: "Task"})
				task := sequelize.HasOne(users, tasks)
				c.Sync()
				saved := []*mwIncTaskUser{
					{Username: "Muzzy", Task: &mwIncTask{Title: "Eat Clocks"}},
					{Username: "Walker", Task: &mwIncTask{Title: "Walk"}},
				}
				c.Must(users.BulkCreate(c.Ctx, saved, sequelize.BulkCreateOptions{Include: []sequelize.Include{{Association: task}}}))
				for i, want := range []string{"Eat Clocks", "Walk"} {
					got, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": saved[i].ID}, Include: []sequelize.Include{{Association: task}}})
					c.Must(err)
					if got.Task == nil || got.Task.Title != want {
						c.Fatalf("task = %+v, want %s", got.Task, want)
					}
				}
			})

			js.it("should bulkCreate data for HasOne relations with alias", func(c *C) {
				users := sequelize.Define[mwIncTaskUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
				tasks := sequelize.Define[mwIncTask](c.DB, sequelize.ModelOptions{ModelName: "Task"})
				job := sequelize.HasOne(users, tasks, sequelize.AssociationOptions{As: "job"})
				c.Sync()
				saved := []*mwIncTaskUser{
					{Username: "Muzzy", Job: &mwIncTask{Title: "Eat Clocks"}},
					{Username: "Walker", Job: &mwIncTask{Title: "Walk"}},
				}
				c.Must(users.BulkCreate(c.Ctx, saved, sequelize.BulkCreateOptions{Include: []sequelize.Include{{Association: job}}}))
				for i, want := range []string{"Eat Clocks", "Walk"} {
					got, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": saved[i].ID}, Include: []sequelize.Include{{Association: job}}})
					c.Must(err)
					if got.Job == nil || got.Job.Title != want {
						c.Fatalf("job = %+v, want %s", got.Job, want)
					}
				}
			})

			js.it("should bulkCreate data for BelongsToMany relations", func(c *C) {
				users := sequelize.Define[mwIncTaskUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
				tasks := sequelize.Define[mwIncTask](c.DB, sequelize.ModelOptions{ModelName: "Task"})
				var seen []bool
				users.AddHook(sequelize.AfterBulkCreate, "", func(ctx context.Context, e *sequelize.HookEvent[mwIncTaskUser]) error {
					n, err := tasks.Count(ctx)
					for _, u := range e.Instances {
						ok := len(u.Tasks) == 2 && n == 4
						for _, t := range u.Tasks {
							ok = ok && t.ID != 0
						}
						seen = append(seen, ok)
					}
					return err
				})
				userTasks := sequelize.BelongsToMany(users, tasks, sequelize.BelongsToManyOptions{Through: "user_task"})
				sequelize.BelongsToMany(tasks, users, sequelize.BelongsToManyOptions{Through: "user_task"})
				c.Sync()
				saved := []*mwIncTaskUser{
					{Username: "John", Tasks: []*mwIncTask{{Title: "Get rich", Active: sequelize.Bool(true)}, {Title: "Die trying", Active: sequelize.Bool(false)}}},
					{Username: "Jack", Tasks: []*mwIncTask{{Title: "Prepare sandwich", Active: sequelize.Bool(true)}, {Title: "Each sandwich", Active: sequelize.Bool(false)}}},
				}
				c.Must(users.BulkCreate(c.Ctx, saved, sequelize.BulkCreateOptions{Include: []sequelize.Include{{Association: userTasks}}}))
				c.Eq("includes created on afterBulkCreate", seen, []bool{true, true})
				for _, u := range saved {
					got, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": u.ID}, Include: []sequelize.Include{{Association: userTasks}}})
					c.Must(err)
					c.Eq("tasks", len(got.Tasks), 2)
				}
			})

			js.it("should bulkCreate data for polymorphic BelongsToMany relations", func(c *C) {
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
				saved := []*mwPost{
					{Title: "Polymorphic Associations", Tags: []*mwTag{{Name: "polymorphic"}, {Name: "associations"}}},
					{Title: "Second Polymorphic Associations", Tags: []*mwTag{{Name: "second polymorphic"}, {Name: "second associations"}}},
				}
				c.Must(posts.BulkCreate(c.Ctx, saved, sequelize.BulkCreateOptions{Include: []sequelize.Include{{Association: postTags}}}))
				for _, p := range saved {
					c.Eq("saved tags", len(p.Tags), 2)
					got, err := postTags.Get(c.Ctx, p)
					c.Must(err)
					c.Eq("tags", len(got), 2)
				}
				links, err := itemTags.FindAll(c.Ctx)
				c.Must(err)
				c.Eq("item tags", len(links), 4)
				for _, l := range links {
					if l.Taggable == nil || *l.Taggable != "post" {
						c.Fatalf("taggable = %v, want post", l.Taggable)
					}
				}
			})

			js.it("should bulkCreate data for BelongsToMany relations with alias", func(c *C) {
				users := sequelize.Define[mwIncTaskUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
				tasks := sequelize.Define[mwIncTask](c.DB, sequelize.ModelOptions{ModelName: "Task"})
				jobs := sequelize.BelongsToMany(users, tasks, sequelize.BelongsToManyOptions{Through: "user_job", AssociationOptions: sequelize.AssociationOptions{As: "jobs"}})
				sequelize.BelongsToMany(tasks, users, sequelize.BelongsToManyOptions{Through: "user_job"})
				c.Sync()
				saved := []*mwIncTaskUser{
					{Username: "John", Jobs: []*mwIncTask{{Title: "Get rich", Active: sequelize.Bool(true)}, {Title: "Die trying", Active: sequelize.Bool(false)}}},
					{Username: "Jack", Jobs: []*mwIncTask{{Title: "Prepare sandwich", Active: sequelize.Bool(true)}, {Title: "Each sandwich", Active: sequelize.Bool(false)}}},
				}
				c.Must(users.BulkCreate(c.Ctx, saved, sequelize.BulkCreateOptions{Include: []sequelize.Include{{Association: jobs}}}))
				for _, u := range saved {
					got, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": u.ID}, Include: []sequelize.Include{{Association: jobs}}})
					c.Must(err)
					c.Eq("jobs", len(got.Jobs), 2)
				}
			})
		})
	})
}
