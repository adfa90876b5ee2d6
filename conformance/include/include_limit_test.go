package include_test

import (
	"github.com/gosequelize/sequelize/conformance/internal/harness"
	"testing"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/op"
)

// The models of include/limit.test.js: each has a string primary key name
// and no timestamps.
//
//	[Task]N---N[Project]N---N[User]N---N[Hobby]
//	                            1
//	                            |
//	                            N
//	         [Comment]N---1[Post]N---N[Tag]N---1[Color]
//	                            1
//	                            |
//	                            N
//	                        [Footnote]
type (
	ihLmProject struct {
		Name  string `sequelize:"primaryKey"`
		Users []*ihLmUser
		Tasks []*ihLmTask
	}
	ihLmUser struct {
		Name    string `sequelize:"primaryKey"`
		Hobbies []*ihLmHobby
		Posts   []*ihLmPost
	}
	ihLmTask struct {
		Name     string `sequelize:"primaryKey"`
		Projects []*ihLmProject
	}
	ihLmHobby struct {
		Name string `sequelize:"primaryKey"`
	}
	ihLmPost struct {
		Name      string `sequelize:"primaryKey"`
		UserName  *string
		User      *ihLmUser
		Comments  []*ihLmComment
		Tags      []*ihLmTag
		Footnotes []*ihLmFootnote
	}
	ihLmComment struct {
		Name     string `sequelize:"primaryKey"`
		PostName *string
		Post     *ihLmPost
	}
	ihLmTag struct {
		Name      string `sequelize:"primaryKey"`
		ColorName *string
	}
	ihLmColor struct {
		Name string `sequelize:"primaryKey"`
	}
	ihLmFootnote struct {
		Name     string `sequelize:"primaryKey"`
		PostName *string
	}
)

// ihLimit holds those models and their associations (the beforeEach).
type ihLimit struct {
	projects  *sequelize.Model[ihLmProject]
	users     *sequelize.Model[ihLmUser]
	tasks     *sequelize.Model[ihLmTask]
	hobbies   *sequelize.Model[ihLmHobby]
	posts     *sequelize.Model[ihLmPost]
	comments  *sequelize.Model[ihLmComment]
	tags      *sequelize.Model[ihLmTag]
	footnotes *sequelize.Model[ihLmFootnote]

	projectUsers  *sequelize.BelongsToManyAssociation[ihLmProject, ihLmUser]
	projectTasks  *sequelize.BelongsToManyAssociation[ihLmProject, ihLmTask]
	taskProjects  *sequelize.BelongsToManyAssociation[ihLmTask, ihLmProject]
	userHobbies   *sequelize.BelongsToManyAssociation[ihLmUser, ihLmHobby]
	postComments  *sequelize.HasManyAssociation[ihLmPost, ihLmComment]
	commentPost   *sequelize.BelongsToAssociation[ihLmComment, ihLmPost]
	postTags      *sequelize.BelongsToManyAssociation[ihLmPost, ihLmTag]
	postFootnotes *sequelize.HasManyAssociation[ihLmPost, ihLmFootnote]
	userPosts     *sequelize.HasManyAssociation[ihLmUser, ihLmPost]
	postUser      *sequelize.BelongsToAssociation[ihLmPost, ihLmUser]
}

func ihLimitModels(c *C) *ihLimit {
	c.Helper()
	o := sequelize.ModelOptions{Timestamps: sequelize.Bool(false)}
	l := &ihLimit{}
	l.projects = harness.Define[ihLmProject](c, "Project", o)
	l.users = harness.Define[ihLmUser](c, "User", o)
	l.tasks = harness.Define[ihLmTask](c, "Task", o)
	l.hobbies = harness.Define[ihLmHobby](c, "Hobby", o)
	sequelize.BelongsToMany(l.users, l.projects, sequelize.BelongsToManyOptions{Through: "user_project"})
	l.projectUsers = sequelize.BelongsToMany(l.projects, l.users, sequelize.BelongsToManyOptions{Through: "user_project"})
	l.projectTasks = sequelize.BelongsToMany(l.projects, l.tasks, sequelize.BelongsToManyOptions{Through: "task_project"})
	l.taskProjects = sequelize.BelongsToMany(l.tasks, l.projects, sequelize.BelongsToManyOptions{Through: "task_project"})
	l.userHobbies = sequelize.BelongsToMany(l.users, l.hobbies, sequelize.BelongsToManyOptions{Through: "user_hobby"})
	sequelize.BelongsToMany(l.hobbies, l.users, sequelize.BelongsToManyOptions{Through: "user_hobby"})
	l.posts = harness.Define[ihLmPost](c, "Post", o)
	l.comments = harness.Define[ihLmComment](c, "Comment", o)
	l.tags = harness.Define[ihLmTag](c, "Tag", o)
	colors := harness.Define[ihLmColor](c, "Color", o)
	l.footnotes = harness.Define[ihLmFootnote](c, "Footnote", o)
	l.postComments = sequelize.HasMany(l.posts, l.comments)
	l.commentPost = sequelize.BelongsTo(l.comments, l.posts)
	l.postTags = sequelize.BelongsToMany(l.posts, l.tags, sequelize.BelongsToManyOptions{Through: "post_tag"})
	sequelize.BelongsToMany(l.tags, l.posts, sequelize.BelongsToManyOptions{Through: "post_tag"})
	l.postFootnotes = sequelize.HasMany(l.posts, l.footnotes)
	sequelize.BelongsTo(l.footnotes, l.posts)
	l.userPosts = sequelize.HasMany(l.users, l.posts)
	l.postUser = sequelize.BelongsTo(l.posts, l.users)
	sequelize.BelongsTo(l.tags, colors)
	sequelize.HasMany(colors, l.tags)
	c.Sync()
	return l
}

// ihBuild is the JS build(): one {name} row per name, bulk-created.
func ihBuild[T any](c *C, m *sequelize.Model[T], names ...string) []*T {
	c.Helper()
	rows := make([]*T, len(names))
	for i, n := range names {
		rows[i] = harness.R(m.Build(sequelize.Values{"name": n})).Get(c)
	}
	return harness.Bulk(c, m, rows...)
}

// ihPage is the options every case ends with: order by name, limit 1,
// offset 1.
func ihPage(include ...sequelize.Include) sequelize.FindOptions {
	return sequelize.FindOptions{Include: include, Order: sequelize.Order{{"name"}}, Limit: 1, Offset: 1}
}

// ihOnly fails the case unless rows is the one row named want.
func ihOnly[T any](c *C, rows []*T, name func(*T) string, want string) {
	c.Helper()
	c.Eq("rows", len(rows), 1)
	c.Eq("name", name(rows[0]), want)
}

func TestIncludeLimit(t *testing.T) {
	js := port(t, "include/limit.test.js")
	projectName := func(p *ihLmProject) string { return p.Name }
	userName := func(u *ihLmUser) string { return u.Name }
	postName := func(p *ihLmPost) string { return p.Name }
	commentName := func(p *ihLmComment) string { return p.Name }
	req := sequelize.Bool(true)
	js.Describe("LIMIT", func(js *suite) {
		js.It("supports many-to-many association with where clause", func(c *C) {
			l := ihLimitModels(c)
			ps := ihBuild(c, l.projects, "alpha", "bravo", "charlie")
			us := ihBuild(c, l.users, "Alice", "Bob")
			c.Must(l.projectUsers.Add(c.Ctx, ps[0], us[0]))
			c.Must(l.projectUsers.Add(c.Ctx, ps[1], us[1]))
			c.Must(l.projectUsers.Add(c.Ctx, ps[2], us[0]))
			got := harness.R(l.projects.FindAll(c.Ctx, ihPage(sequelize.Include{Association: l.projectUsers, Where: sequelize.Where{"name": "Alice"}}))).Get(c)
			ihOnly(c, got, projectName, "charlie")
		})

		js.It("supports 2 levels of required many-to-many associations", func(c *C) {
			l := ihLimitModels(c)
			ps := ihBuild(c, l.projects, "alpha", "bravo", "charlie")
			us := ihBuild(c, l.users, "Alice", "Bob")
			hs := ihBuild(c, l.hobbies, "archery", "badminton")
			c.Must(l.projectUsers.Add(c.Ctx, ps[0], us[0]))
			c.Must(l.projectUsers.Add(c.Ctx, ps[1], us[1]))
			c.Must(l.projectUsers.Add(c.Ctx, ps[2], us[0]))
			c.Must(l.userHobbies.Add(c.Ctx, us[0], hs[0]))
			got := harness.R(l.projects.FindAll(c.Ctx, ihPage(sequelize.Include{Association: l.projectUsers, Required: req,
				Include: []sequelize.Include{{Association: l.userHobbies, Required: req}}}))).Get(c)
			ihOnly(c, got, projectName, "charlie")
		})

		for _, cs := range []struct {
			title string
			inc   sequelize.Include
		}{
			{"supports 2 levels of required many-to-many associations with where clause", sequelize.Include{Where: sequelize.Where{"name": "archery"}}},
			{"supports 2 levels of required many-to-many associations with through.where clause", sequelize.Include{Required: req,
				Through: sequelize.ThroughOptions{Where: sequelize.Where{"HobbyName": "archery"}}}},
		} {
			js.It(cs.title, func(c *C) {
				l := ihLimitModels(c)
				ps := ihBuild(c, l.projects, "alpha", "bravo", "charlie")
				us := ihBuild(c, l.users, "Alice", "Bob")
				hs := ihBuild(c, l.hobbies, "archery", "badminton")
				c.Must(l.projectUsers.Add(c.Ctx, ps[0], us[0]))
				c.Must(l.projectUsers.Add(c.Ctx, ps[1], us[1]))
				c.Must(l.projectUsers.Add(c.Ctx, ps[2], us[0]))
				c.Must(l.userHobbies.Add(c.Ctx, us[0], hs[0]))
				c.Must(l.userHobbies.Add(c.Ctx, us[1], hs[1]))
				inc := cs.inc
				inc.Association = l.userHobbies
				got := harness.R(l.projects.FindAll(c.Ctx, ihPage(sequelize.Include{Association: l.projectUsers, Required: req,
					Include: []sequelize.Include{inc}}))).Get(c)
				ihOnly(c, got, projectName, "charlie")
			})
		}

		js.It("supports 3 levels of required many-to-many associations with where clause", func(c *C) {
			l := ihLimitModels(c)
			ts := ihBuild(c, l.tasks, "alpha", "bravo", "charlie")
			ps := ihBuild(c, l.projects, "alpha", "bravo", "charlie")
			us := ihBuild(c, l.users, "Alice", "Bob", "Charlotte")
			hs := ihBuild(c, l.hobbies, "archery", "badminton")
			for i := range 3 {
				c.Must(l.taskProjects.Add(c.Ctx, ts[i], ps[i]))
			}
			c.Must(l.projectUsers.Add(c.Ctx, ps[0], us[0]))
			c.Must(l.projectUsers.Add(c.Ctx, ps[1], us[1]))
			c.Must(l.projectUsers.Add(c.Ctx, ps[2], us[0]))
			c.Must(l.userHobbies.Add(c.Ctx, us[0], hs[0]))
			c.Must(l.userHobbies.Add(c.Ctx, us[1], hs[1]))
			got := harness.R(l.tasks.FindAll(c.Ctx, ihPage(sequelize.Include{Association: l.taskProjects, Required: req,
				Include: []sequelize.Include{{Association: l.projectUsers, Required: req,
					Include: []sequelize.Include{{Association: l.userHobbies, Where: sequelize.Where{"name": "archery"}}}}}}))).Get(c)
			ihOnly(c, got, func(t *ihLmTask) string { return t.Name }, "charlie")
		})

		js.It("supports required many-to-many association", func(c *C) {
			l := ihLimitModels(c)
			ps := ihBuild(c, l.projects, "alpha", "bravo", "charlie")
			us := ihBuild(c, l.users, "Alice", "Bob")
			c.Must(l.projectUsers.Add(c.Ctx, ps[0], us[0]))
			c.Must(l.projectUsers.Add(c.Ctx, ps[2], us[0]))
			got := harness.R(l.projects.FindAll(c.Ctx, ihPage(sequelize.Include{Association: l.projectUsers, Required: req}))).Get(c)
			ihOnly(c, got, projectName, "charlie")
		})

		js.It("supports 2 required many-to-many association", func(c *C) {
			l := ihLimitModels(c)
			ps := ihBuild(c, l.projects, "alpha", "bravo", "charlie", "delta")
			us := ihBuild(c, l.users, "Alice", "Bob", "David")
			ts := ihBuild(c, l.tasks, "a", "c", "d")
			c.Must(l.projectUsers.Add(c.Ctx, ps[0], us[0]))
			c.Must(l.projectTasks.Add(c.Ctx, ps[0], ts[0]))
			c.Must(l.projectUsers.Add(c.Ctx, ps[1], us[1]))
			c.Must(l.projectTasks.Add(c.Ctx, ps[2], ts[1]))
			c.Must(l.projectUsers.Add(c.Ctx, ps[3], us[2]))
			c.Must(l.projectTasks.Add(c.Ctx, ps[3], ts[2]))
			got := harness.R(l.projects.FindAll(c.Ctx, ihPage(sequelize.Include{Association: l.projectUsers, Required: req},
				sequelize.Include{Association: l.projectTasks, Required: req}))).Get(c)
			ihOnly(c, got, projectName, "delta")
		})

		js.It("supports required one-to-many association", func(c *C) {
			l := ihLimitModels(c)
			ps := ihBuild(c, l.posts, "alpha", "bravo", "charlie")
			cs := ihBuild(c, l.comments, "comment0", "comment1")
			c.Must(l.postComments.Add(c.Ctx, ps[0], cs[0]))
			c.Must(l.postComments.Add(c.Ctx, ps[2], cs[1]))
			got := harness.R(l.posts.FindAll(c.Ctx, ihPage(sequelize.Include{Association: l.postComments, Required: req}))).Get(c)
			ihOnly(c, got, postName, "charlie")
		})

		js.It("supports required one-to-many association with where clause", func(c *C) {
			l := ihLimitModels(c)
			ps := ihBuild(c, l.posts, "alpha", "bravo", "charlie")
			cs := ihBuild(c, l.comments, "comment0", "comment1", "comment2")
			for i := range 3 {
				c.Must(l.postComments.Add(c.Ctx, ps[i], cs[i]))
			}
			got := harness.R(l.posts.FindAll(c.Ctx, ihPage(sequelize.Include{Association: l.postComments, Required: req,
				Where: op.Or(sequelize.Where{"name": "comment0"}, sequelize.Where{"name": "comment2"})}))).Get(c)
			ihOnly(c, got, postName, "charlie")
		})

		js.It("supports required one-to-many association with where clause (findOne)", func(c *C) {
			l := ihLimitModels(c)
			ps := ihBuild(c, l.posts, "alpha", "bravo", "charlie")
			cs := ihBuild(c, l.comments, "comment0", "comment1", "comment2")
			for i := range 3 {
				c.Must(l.postComments.Add(c.Ctx, ps[i], cs[i]))
			}
			got := harness.R(l.posts.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: l.postComments, Required: req,
				Where: sequelize.Where{"name": "comment2"}}}})).Get(c)
			if got == nil {
				c.Fatal("no post found")
			}
			c.Eq("post", got.Name, "charlie")
		})

		js.It("supports 2 levels of required one-to-many associations", func(c *C) {
			l := ihLimitModels(c)
			us := ihBuild(c, l.users, "Alice", "Bob", "Charlotte", "David")
			ps := ihBuild(c, l.posts, "post0", "post1", "post2")
			cs := ihBuild(c, l.comments, "comment0", "comment1", "comment2")
			c.Must(l.userPosts.Add(c.Ctx, us[0], ps[0]))
			c.Must(l.userPosts.Add(c.Ctx, us[1], ps[1]))
			c.Must(l.userPosts.Add(c.Ctx, us[3], ps[2]))
			c.Must(l.postComments.Add(c.Ctx, ps[0], cs[0]))
			c.Must(l.postComments.Add(c.Ctx, ps[2], cs[2]))
			got := harness.R(l.users.FindAll(c.Ctx, ihPage(sequelize.Include{Association: l.userPosts, Required: req,
				Include: []sequelize.Include{{Association: l.postComments, Required: req}}}))).Get(c)
			ihOnly(c, got, userName, "David")
		})

		js.It("supports required one-to-many association with nested required many-to-many association", func(c *C) {
			l := ihLimitModels(c)
			us := ihBuild(c, l.users, "Alice", "Bob", "Charlotte", "David")
			ps := ihBuild(c, l.posts, "alpha", "charlie", "delta")
			ts := ihBuild(c, l.tags, "atag", "btag", "dtag")
			c.Must(l.userPosts.Add(c.Ctx, us[0], ps[0]))
			c.Must(l.userPosts.Add(c.Ctx, us[2], ps[1]))
			c.Must(l.userPosts.Add(c.Ctx, us[3], ps[2]))
			c.Must(l.postTags.Add(c.Ctx, ps[0], []*ihLmTag{ts[0]}))
			c.Must(l.postTags.Add(c.Ctx, ps[2], []*ihLmTag{ts[2]}))
			got := harness.R(l.users.FindAll(c.Ctx, ihPage(sequelize.Include{Association: l.userPosts, Required: req,
				Include: []sequelize.Include{{Association: l.postTags, Required: req}}}))).Get(c)
			ihOnly(c, got, userName, "David")
		})

		js.It("supports required many-to-many association with nested required one-to-many association", func(c *C) {
			l := ihLimitModels(c)
			ps := ihBuild(c, l.projects, "alpha", "bravo", "charlie", "delta")
			us := ihBuild(c, l.users, "Alice", "Bob", "David")
			posts := ihBuild(c, l.posts, "post0", "post1", "post2")
			c.Must(l.projectUsers.Add(c.Ctx, ps[0], us[0]))
			c.Must(l.projectUsers.Add(c.Ctx, ps[1], us[1]))
			c.Must(l.projectUsers.Add(c.Ctx, ps[3], us[2]))
			c.Must(l.userPosts.Add(c.Ctx, us[0], []*ihLmPost{posts[0]}))
			c.Must(l.userPosts.Add(c.Ctx, us[2], []*ihLmPost{posts[2]}))
			// duplicating: true is SQL shape (no subquery); includes here
			// never duplicate rows.
			got := harness.R(l.projects.FindAll(c.Ctx, ihPage(sequelize.Include{Association: l.projectUsers, Required: req,
				Include: []sequelize.Include{{Association: l.userPosts, Required: req}}}))).Get(c)
			ihOnly(c, got, projectName, "delta")
		})

		for _, cs := range []struct {
			title string
			inc   sequelize.Include
		}{
			{"supports required many-to-one association with nested many-to-many association with where clause", sequelize.Include{Where: sequelize.Where{"name": "archery"}}},
			{"supports required many-to-one association with nested many-to-many association with through.where clause", sequelize.Include{Required: req,
				Through: sequelize.ThroughOptions{Where: sequelize.Where{"HobbyName": "archery"}}}},
		} {
			js.It(cs.title, func(c *C) {
				l := ihLimitModels(c)
				ps := ihBuild(c, l.posts, "post0", "post1", "post2", "post3")
				us := ihBuild(c, l.users, "Alice", "Bob", "Charlotte", "David")
				hs := ihBuild(c, l.hobbies, "archery", "badminton")
				c.Must(l.postUser.Set(c.Ctx, ps[0], us[0]))
				c.Must(l.postUser.Set(c.Ctx, ps[1], us[1]))
				c.Must(l.postUser.Set(c.Ctx, ps[3], us[3]))
				c.Must(l.userHobbies.Add(c.Ctx, us[0], hs[0]))
				c.Must(l.userHobbies.Add(c.Ctx, us[1], hs[1]))
				c.Must(l.userHobbies.Add(c.Ctx, us[3], hs[0]))
				inc := cs.inc
				inc.Association = l.userHobbies
				got := harness.R(l.posts.FindAll(c.Ctx, ihPage(sequelize.Include{Association: l.postUser, Required: req,
					Include: []sequelize.Include{inc}}))).Get(c)
				ihOnly(c, got, postName, "post3")
			})
		}

		js.It("supports required many-to-one association with multiple nested associations with where clause", func(c *C) {
			l := ihLimitModels(c)
			cs := ihBuild(c, l.comments, "comment0", "comment1", "comment2", "comment3", "comment4", "comment5")
			ps := ihBuild(c, l.posts, "post0", "post1", "post2", "post3", "post4")
			us := ihBuild(c, l.users, "Alice", "Bob")
			ts := ihBuild(c, l.tags, "tag0", "tag1")
			for ci, pi := range map[int]int{0: 0, 1: 1, 3: 2, 4: 3, 5: 4} {
				c.Must(l.commentPost.Set(c.Ctx, cs[ci], ps[pi]))
			}
			for _, pi := range []int{0, 3, 4} {
				c.Must(l.postTags.Add(c.Ctx, ps[pi], ts[0]))
			}
			c.Must(l.postTags.Add(c.Ctx, ps[1], ts[1]))
			for pi, ui := range map[int]int{0: 0, 2: 0, 4: 0, 1: 1} {
				c.Must(l.postUser.Set(c.Ctx, ps[pi], us[ui]))
			}
			got := harness.R(l.comments.FindAll(c.Ctx, ihPage(sequelize.Include{Association: l.commentPost, Required: req,
				Include: []sequelize.Include{
					{Association: l.postUser, Where: sequelize.Where{"name": "Alice"}},
					{Association: l.postTags, Where: sequelize.Where{"name": "tag0"}},
				}}))).Get(c)
			ihOnly(c, got, commentName, "comment5")
		})

		js.It("supports required many-to-one association with nested one-to-many association with where clause", func(c *C) {
			l := ihLimitModels(c)
			cs := ihBuild(c, l.comments, "comment0", "comment1", "comment2")
			ps := ihBuild(c, l.posts, "post0", "post1", "post2")
			fs := ihBuild(c, l.footnotes, "footnote0", "footnote1", "footnote2")
			for i := range 3 {
				c.Must(l.commentPost.Set(c.Ctx, cs[i], ps[i]))
				c.Must(l.postFootnotes.Add(c.Ctx, ps[i], fs[i]))
			}
			got := harness.R(l.comments.FindAll(c.Ctx, ihPage(sequelize.Include{Association: l.commentPost, Required: req,
				Include: []sequelize.Include{{Association: l.postFootnotes,
					Where: op.Or(sequelize.Where{"name": "footnote0"}, sequelize.Where{"name": "footnote2"})}}}))).Get(c)
			ihOnly(c, got, commentName, "comment2")
		})
	})
}
