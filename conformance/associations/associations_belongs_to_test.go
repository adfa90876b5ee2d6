package associations_test

import (
	"testing"

	"github.com/gosequelize/sequelize"
)

// The JS models of associations/belongs-to.test.js are declared inside each
// case, as the JS defines them there. A foreign key Sequelize adds to the
// model is a struct field here (UserXYZID holds UserXYZId), and a model
// without attributes of its own ({}) is a struct with its ID.

func TestAssociationsBelongsTo(t *testing.T) {
	js := port(t, "associations/belongs-to.test.js")

	js.Describe("Model.associations", func(js *suite) {
		js.It("should store all associations when associating to the same table multiple times", func(c *C) {
			type User struct{ ID int64 }
			type Group struct {
				ID               int64
				UserID           *int64
				PrimaryGroupID   *int64
				SecondaryGroupID *int64
				User             *User
				PrimaryUsers     *User
				SecondaryUsers   *User
			}
			users := sequelize.Define[User](c.DB)
			groups := sequelize.Define[Group](c.DB)
			a1 := sequelize.BelongsTo(groups, users)
			a2 := sequelize.BelongsTo(groups, users, sequelize.AssociationOptions{ForeignKey: "primaryGroupId", As: "primaryUsers"})
			a3 := sequelize.BelongsTo(groups, users, sequelize.AssociationOptions{ForeignKey: "secondaryGroupId", As: "secondaryUsers"})
			c.Eq("aliases", []string{a1.As(), a2.As(), a3.As()}, []string{"User", "primaryUsers", "secondaryUsers"})
			// Each of the three is stored on Group: {all: true} loads each.
			c.Sync()
			for i := int64(1); i <= 3; i++ {
				c.Must(users.Create(c.Ctx, &User{ID: i}))
			}
			c.Must(groups.Create(c.Ctx, &Group{UserID: asPtr[int64](1), PrimaryGroupID: asPtr[int64](2), SecondaryGroupID: asPtr[int64](3)}))
			g, err := groups.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{All: true}}})
			c.Must(err)
			if g.User == nil || g.PrimaryUsers == nil || g.SecondaryUsers == nil {
				c.Fatalf("included: %+v", g)
			}
			c.Eq("ids", []int64{g.User.ID, g.PrimaryUsers.ID, g.SecondaryUsers.ID}, []int64{1, 2, 3})
		})
	})

	js.Describe("get", func(js *suite) {
		js.Describe("multiple", func(js *suite) {
			// Sequelize's association.get(instances) loads the targets of
			// many sources at once; here an Include on a find of those
			// sources does, in one query per level.
			js.It("should fetch associations for multiple instances", func(c *C) {
				type User struct{ ID int64 }
				type Task struct {
					ID     int64
					UserID *int64
					User   *User
				}
				users := sequelize.Define[User](c.DB)
				tasks := sequelize.Define[Task](c.DB)
				taskUser := sequelize.BelongsTo(tasks, users, sequelize.AssociationOptions{As: "user"})
				c.Sync()
				inc := sequelize.CreateOptions{Include: []sequelize.Include{{Association: taskUser}}}
				c.Must(tasks.Create(c.Ctx, &Task{ID: 1, User: &User{ID: 1}}, inc))
				c.Must(tasks.Create(c.Ctx, &Task{ID: 2, User: &User{ID: 2}}, inc))
				c.Must(tasks.Create(c.Ctx, &Task{ID: 3}))
				result, err := tasks.FindAll(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": []int64{1, 2, 3}},
					Include: []sequelize.Include{{Association: taskUser}}, Order: sequelize.Order{{"id"}}})
				c.Must(err)
				c.Eq("tasks", len(result), 3)
				if result[0].User == nil || result[1].User == nil {
					c.Fatalf("users not loaded: %+v %+v", result[0], result[1])
				}
				c.Eq("task 1's user", result[0].User.ID, 1)
				c.Eq("task 2's user", result[1].User.ID, 2)
				c.Eq("task 3's user", result[2].User, (*User)(nil))
			})
		})
	})

	// bt models of the transaction cases: User {username}, Group {name}, Group.belongsTo(User).
	type btUser struct {
		ID       int64
		Username string
	}
	type btGroup struct {
		ID     int64
		Name   string
		UserID *int64
	}
	btSetup := func(c *C) (*sequelize.Model[btUser], *sequelize.Model[btGroup], *sequelize.BelongsToAssociation[btGroup, btUser]) {
		c.File() // prepareTransactionTest: reads beside a write transaction
		users := sequelize.Define[btUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
		groups := sequelize.Define[btGroup](c.DB, sequelize.ModelOptions{ModelName: "Group"})
		a := sequelize.BelongsTo(groups, users)
		c.Sync()
		return users, groups, a
	}

	js.Describe("getAssociation", func(js *suite) {
		js.It("supports transactions", func(c *C) {
			users, groups, groupUser := btSetup(c)
			user := &btUser{Username: "foo"}
			c.Must(users.Create(c.Ctx, user))
			group := &btGroup{Name: "bar"}
			c.Must(groups.Create(c.Ctx, group))
			tx, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			defer tx.Rollback(c.Ctx)
			c.Must(groupUser.Set(c.Ctx, group, user, sequelize.SetOptions{Transaction: tx}))
			gs, err := groups.FindAll(c.Ctx)
			c.Must(err)
			u, err := groupUser.Get(c.Ctx, gs[0])
			c.Must(err)
			c.Eq("user outside the transaction", u, (*btUser)(nil))
			gs, err = groups.FindAll(c.Ctx, sequelize.FindOptions{Transaction: tx})
			c.Must(err)
			u, err = groupUser.Get(c.Ctx, gs[0], sequelize.FindOptions{Transaction: tx})
			c.Must(err)
			if u == nil {
				c.Fatal("no user inside the transaction")
			}
		})

		js.It("should be able to handle a where object that's a first class citizen.", func(c *C) {
			type UserXYZ struct {
				ID       int64
				Username string
				Gender   string
			}
			type TaskXYZ struct {
				ID        int64
				Title     string
				Status    string
				UserXYZID *int64
			}
			users := sequelize.Define[UserXYZ](c.DB)
			tasks := sequelize.Define[TaskXYZ](c.DB)
			a := sequelize.BelongsTo(tasks, users)
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			c.Must(tasks.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			userA := &UserXYZ{Username: "foo", Gender: "male"}
			c.Must(users.Create(c.Ctx, userA))
			c.Must(users.Create(c.Ctx, &UserXYZ{Username: "bar", Gender: "female"}))
			task := &TaskXYZ{Title: "task", Status: "inactive"}
			c.Must(tasks.Create(c.Ctx, task))
			c.Must(a.Set(c.Ctx, task, userA))
			user, err := a.Get(c.Ctx, task, sequelize.FindOptions{Where: sequelize.Where{"gender": "female"}})
			c.Must(err)
			c.Eq("user", user, (*UserXYZ)(nil))
			// and without the where, the user is there
			user, err = a.Get(c.Ctx, task)
			c.Must(err)
			if user == nil || user.ID != userA.ID {
				c.Fatalf("user = %+v, want %d", user, userA.ID)
			}
		})

		js.It("supports schemas", func(c *C) {
			type UserXYZ struct {
				ID       int64
				Username string
				Gender   string
			}
			type TaskXYZ struct {
				ID        int64
				Title     string
				Status    string
				UserXYZID *int64
			}
			schema := asSchema(c, "archive")
			users := sequelize.Define[UserXYZ](c.DB, sequelize.ModelOptions{Schema: schema})
			tasks := sequelize.Define[TaskXYZ](c.DB, sequelize.ModelOptions{Schema: schema})
			a := sequelize.BelongsTo(tasks, users)
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			c.Must(tasks.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			user0 := &UserXYZ{Username: "foo", Gender: "male"}
			c.Must(users.Create(c.Ctx, user0))
			task := &TaskXYZ{Title: "task", Status: "inactive"}
			c.Must(tasks.Create(c.Ctx, task))
			c.Must(a.Set(c.Ctx, task, user0))
			user, err := a.Get(c.Ctx, task)
			c.Must(err)
			if user == nil || user.Username != "foo" {
				c.Fatalf("user = %+v", user)
			}
		})

		js.It("supports schemas when defining custom foreign key attribute #9029", func(c *C) {
			type UserXYZ struct {
				UID int64 `sequelize:"primaryKey;autoIncrement;allowNull:false"`
			}
			type TaskXYZ struct {
				ID      int64
				User_id *int64 //lint:ignore ST1003 the JS attribute is user_id
			}
			schema := asSchema(c, "archive")
			users := sequelize.Define[UserXYZ](c.DB, sequelize.ModelOptions{Schema: schema})
			tasks := sequelize.Define[TaskXYZ](c.DB, sequelize.ModelOptions{Schema: schema})
			a := sequelize.BelongsTo(tasks, users, sequelize.AssociationOptions{ForeignKey: "user_id"})
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			c.Must(tasks.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			user0 := &UserXYZ{}
			c.Must(users.Create(c.Ctx, user0))
			task := &TaskXYZ{}
			c.Must(tasks.Create(c.Ctx, task))
			c.Must(a.Set(c.Ctx, task, user0))
			user, err := a.Get(c.Ctx, task)
			c.Must(err)
			if user == nil || user.UID != user0.UID {
				c.Fatalf("user = %+v, want uid %d", user, user0.UID)
			}
		})
	})

	js.Describe("setAssociation", func(js *suite) {
		js.It("supports transactions", func(c *C) {
			users, groups, groupUser := btSetup(c)
			user := &btUser{Username: "foo"}
			c.Must(users.Create(c.Ctx, user))
			group := &btGroup{Name: "bar"}
			c.Must(groups.Create(c.Ctx, group))
			tx, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			defer tx.Rollback(c.Ctx)
			c.Must(groupUser.Set(c.Ctx, group, user, sequelize.SetOptions{Transaction: tx}))
			gs, err := groups.FindAll(c.Ctx)
			c.Must(err)
			u, err := groupUser.Get(c.Ctx, gs[0])
			c.Must(err)
			c.Eq("user outside the transaction", u, (*btUser)(nil))
		})

		js.It("can set the association with declared primary keys...", func(c *C) {
			type UserXYZ struct {
				User_id  int64 `sequelize:"primaryKey"` //lint:ignore ST1003 the JS attribute
				Username string
			}
			type TaskXYZ struct {
				Task_id int64 `sequelize:"primaryKey"` //lint:ignore ST1003 the JS attribute
				Title   string
				User_id *int64 //lint:ignore ST1003 the JS attribute
			}
			users := sequelize.Define[UserXYZ](c.DB)
			tasks := sequelize.Define[TaskXYZ](c.DB)
			a := sequelize.BelongsTo(tasks, users, sequelize.AssociationOptions{ForeignKey: "user_id"})
			c.Sync()
			user := &UserXYZ{User_id: 1, Username: "foo"}
			c.Must(users.Create(c.Ctx, user))
			task := &TaskXYZ{Task_id: 1, Title: "task"}
			c.Must(tasks.Create(c.Ctx, task))
			c.Must(a.Set(c.Ctx, task, user))
			user1, err := a.Get(c.Ctx, task)
			c.Must(err)
			if user1 == nil || user1.User_id != 1 {
				c.Fatalf("user = %+v", user1)
			}
			c.Must(a.Set(c.Ctx, task, nil))
			user0, err := a.Get(c.Ctx, task)
			c.Must(err)
			c.Eq("user after set(null)", user0, (*UserXYZ)(nil))
			// set(null) saved the key: the row has none either
			got, err := tasks.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Eq("stored user_id", got.User_id, (*int64)(nil))
		})

		js.It("clears the association if null is passed", func(c *C) {
			type UserXYZ struct {
				ID       int64
				Username string
			}
			type TaskXYZ struct {
				ID        int64
				Title     string
				UserXYZID *int64
			}
			users := sequelize.Define[UserXYZ](c.DB)
			tasks := sequelize.Define[TaskXYZ](c.DB)
			a := sequelize.BelongsTo(tasks, users)
			c.Sync()
			user := &UserXYZ{Username: "foo"}
			c.Must(users.Create(c.Ctx, user))
			task := &TaskXYZ{Title: "task"}
			c.Must(tasks.Create(c.Ctx, task))
			c.Must(a.Set(c.Ctx, task, user))
			user1, err := a.Get(c.Ctx, task)
			c.Must(err)
			if user1 == nil {
				c.Fatal("no user after set")
			}
			c.Must(a.Set(c.Ctx, task, nil))
			user0, err := a.Get(c.Ctx, task)
			c.Must(err)
			c.Eq("user after set(null)", user0, (*UserXYZ)(nil))
			got, err := tasks.FindByPK(c.Ctx, task.ID)
			c.Must(err)
			c.Eq("stored UserXYZId", got.UserXYZID, (*int64)(nil))
		})

		js.It("should throw a ForeignKeyConstraintError if the associated record does not exist", func(c *C) {
			type UserXYZ struct {
				ID       int64
				Username string
			}
			type TaskXYZ struct {
				ID        int64
				Title     string
				UserXYZID *int64
			}
			users := sequelize.Define[UserXYZ](c.DB)
			tasks := sequelize.Define[TaskXYZ](c.DB)
			sequelize.BelongsTo(tasks, users)
			c.Sync()
			asFKError(c, tasks.Create(c.Ctx, &TaskXYZ{Title: "task", UserXYZID: asPtr[int64](5)}))
			task := &TaskXYZ{Title: "task"}
			c.Must(tasks.Create(c.Ctx, task))
			_, err := tasks.Update(c.Ctx, sequelize.Values{"title": "taskUpdate", "UserXYZId": 5}, sequelize.UpdateOptions{Where: sequelize.Where{"id": task.ID}})
			asFKError(c, err)
		})

		js.It("supports passing the primary key instead of an object", func(c *C) {
			type UserXYZ struct {
				ID       int64
				Username string
			}
			type TaskXYZ struct {
				ID        int64
				Title     string
				UserXYZID *int64
			}
			users := sequelize.Define[UserXYZ](c.DB)
			tasks := sequelize.Define[TaskXYZ](c.DB)
			a := sequelize.BelongsTo(tasks, users)
			c.Sync()
			user := &UserXYZ{ID: 15, Username: "jansemand"}
			c.Must(users.Create(c.Ctx, user))
			task := &TaskXYZ{}
			c.Must(tasks.Create(c.Ctx, task))
			c.Must(a.Set(c.Ctx, task, user.ID))
			user0, err := a.Get(c.Ctx, task)
			c.Must(err)
			if user0 == nil {
				c.Fatal("no user")
			}
			c.Eq("username", user0.Username, "jansemand")
		})

		js.It("should support logging", func(c *C) {
			type UserXYZ struct {
				ID       int64
				Username string
			}
			type TaskXYZ struct {
				ID        int64
				Title     string
				UserXYZID *int64
			}
			users := sequelize.Define[UserXYZ](c.DB)
			tasks := sequelize.Define[TaskXYZ](c.DB)
			a := sequelize.BelongsTo(tasks, users)
			c.Sync()
			user := &UserXYZ{}
			c.Must(users.Create(c.Ctx, user))
			task := &TaskXYZ{}
			c.Must(tasks.Create(c.Ctx, task))
			logger, spy := asLogger()
			c.Must(a.Set(c.Ctx, task, user, sequelize.SetOptions{Logging: logger}))
			if spy.Count(`^UPDATE`) == 0 {
				c.Fatalf("the logger saw %v, want the UPDATE", spy.All())
			}
		})

		js.It("should not clobber atributes", func(c *C) {
			type Post struct {
				ID    int64
				Title string
			}
			type Comment struct {
				ID     int64
				Text   string
				PostID *int64
			}
			comments := sequelize.Define[Comment](c.DB, sequelize.ModelOptions{ModelName: "comment"})
			posts := sequelize.Define[Post](c.DB, sequelize.ModelOptions{ModelName: "post"})
			sequelize.HasOne(posts, comments)
			commentPost := sequelize.BelongsTo(comments, posts)
			c.Must(c.DB.Sync(c.Ctx))
			post := &Post{Title: "Post title"}
			c.Must(posts.Create(c.Ctx, post))
			comment := &Comment{Text: "OLD VALUE"}
			c.Must(comments.Create(c.Ctx, comment))
			comment.Text = "UPDATED VALUE"
			c.Must(commentPost.Set(c.Ctx, comment, post))
			c.Eq("text", comment.Text, "UPDATED VALUE")
			// set saves the key only: the text is still a pending change
			c.Eq("text changed", comments.IsChanged(comment, "text"), true)
			got, err := comments.FindByPK(c.Ctx, comment.ID)
			c.Must(err)
			c.Eq("stored text", got.Text, "OLD VALUE")
			c.Eq("stored postId", *got.PostID, post.ID)
		})

		js.It("should set the foreign key value without saving when using save: false", func(c *C) {
			type Post struct {
				ID    int64
				Title string
			}
			type Comment struct {
				ID      int64
				Text    string
				Post_id *int64 //lint:ignore ST1003 the JS attribute
			}
			comments := sequelize.Define[Comment](c.DB, sequelize.ModelOptions{ModelName: "comment"})
			posts := sequelize.Define[Post](c.DB, sequelize.ModelOptions{ModelName: "post"})
			sequelize.HasMany(posts, comments, sequelize.AssociationOptions{ForeignKey: "post_id"})
			commentPost := sequelize.BelongsTo(comments, posts, sequelize.AssociationOptions{ForeignKey: "post_id"})
			c.Sync()
			post := &Post{}
			c.Must(posts.Create(c.Ctx, post))
			comment := &Comment{}
			c.Must(comments.Create(c.Ctx, comment))
			c.Eq("post_id before", comment.Post_id, (*int64)(nil))
			c.Must(commentPost.Set(c.Ctx, comment, post, sequelize.SetOptions{Save: sequelize.Bool(false)}))
			if comment.Post_id == nil || *comment.Post_id != post.ID {
				c.Fatalf("post_id = %v, want %d", comment.Post_id, post.ID)
			}
			c.Eq("post_id changed", comments.IsChanged(comment, "post_id"), true)
			got, err := comments.FindByPK(c.Ctx, comment.ID)
			c.Must(err)
			c.Eq("stored post_id", got.Post_id, (*int64)(nil))
		})

		js.It("supports setting same association twice", func(c *C) {
			type User struct{ ID int64 }
			type Home struct {
				ID     int64
				UserID *int64
			}
			homes := sequelize.Define[Home](c.DB, sequelize.ModelOptions{ModelName: "home"})
			users := sequelize.Define[User](c.DB, sequelize.ModelOptions{ModelName: "user"})
			a := sequelize.BelongsTo(homes, users)
			c.Sync()
			home, user := &Home{}, &User{}
			c.Must(homes.Create(c.Ctx, home))
			c.Must(users.Create(c.Ctx, user))
			c.Must(a.Set(c.Ctx, home, user))
			got, err := a.Get(c.Ctx, home)
			c.Must(err)
			if got == nil || got.ID != user.ID {
				c.Fatalf("user = %+v, want id %d", got, user.ID)
			}
		})
	})

	js.Describe("createAssociation", func(js *suite) {
		js.It("creates an associated model instance", func(c *C) {
			type User struct {
				ID       int64
				Username string
			}
			type Task struct {
				ID     int64
				Title  string
				UserID *int64
			}
			users := sequelize.Define[User](c.DB)
			tasks := sequelize.Define[Task](c.DB)
			a := sequelize.BelongsTo(tasks, users)
			c.Sync()
			task := &Task{Title: "task"}
			c.Must(tasks.Create(c.Ctx, task))
			user := &User{Username: "bob"}
			c.Must(a.Create(c.Ctx, task, user))
			if user.ID == 0 {
				c.Fatal("the user was not created")
			}
			c.Eq("username", user.Username, "bob")
			got, err := a.Get(c.Ctx, task)
			c.Must(err)
			if got == nil || got.Username != "bob" {
				c.Fatalf("stored user = %+v", got)
			}
		})

		js.It("supports transactions", func(c *C) {
			_, groups, groupUser := btSetup(c)
			group := &btGroup{Name: "bar"}
			c.Must(groups.Create(c.Ctx, group))
			tx, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			defer tx.Rollback(c.Ctx)
			c.Must(groupUser.Create(c.Ctx, group, &btUser{Username: "foo"}, sequelize.CreateOptions{Transaction: tx}))
			// The JS reads through the instance, whose key the create set.
			user, err := groupUser.Get(c.Ctx, group)
			c.Must(err)
			c.Eq("user outside the transaction", user, (*btUser)(nil))
			user0, err := groupUser.Get(c.Ctx, group, sequelize.FindOptions{Transaction: tx})
			c.Must(err)
			if user0 == nil || user0.Username != "foo" {
				c.Fatalf("user inside the transaction = %+v", user0)
			}
		})
	})

	js.Describe("foreign key", func(js *suite) {
		js.It("should setup underscored field with foreign keys when using underscored", func(c *C) {
			type Account struct {
				ID   int64
				Name string
			}
			type User struct {
				ID        int64
				Username  string
				AccountID *int64
			}
			users := sequelize.Define[User](c.DB, sequelize.ModelOptions{Underscored: true})
			accounts := sequelize.Define[Account](c.DB, sequelize.ModelOptions{Underscored: true})
			sequelize.BelongsTo(users, accounts)
			field, ok := users.FieldName("AccountId")
			c.Eq("AccountId exists", ok, true)
			c.Eq("AccountId field", field, "account_id")
		})

		js.It("should use model name when using camelcase", func(c *C) {
			type Account struct {
				ID   int64
				Name string
			}
			type User struct {
				ID        int64
				Username  string
				AccountID *int64
			}
			users := sequelize.Define[User](c.DB, sequelize.ModelOptions{Underscored: false})
			accounts := sequelize.Define[Account](c.DB, sequelize.ModelOptions{Underscored: false})
			sequelize.BelongsTo(users, accounts)
			field, ok := users.FieldName("AccountId")
			c.Eq("AccountId exists", ok, true)
			c.Eq("AccountId field", field, "AccountId")
		})

		js.It("should support specifying the field of a foreign key", func(c *C) {
			type Account struct {
				ID    int64
				Title string
			}
			type User struct {
				ID        int64
				Username  string
				AccountID *int64 `sequelize:"field:account_id"`
				Account   *Account
			}
			users := sequelize.Define[User](c.DB)
			accounts := sequelize.Define[Account](c.DB)
			a := sequelize.BelongsTo(users, accounts, sequelize.AssociationOptions{ForeignKey: "AccountId"})
			field, ok := users.FieldName("AccountId")
			c.Eq("AccountId exists", ok, true)
			c.Eq("AccountId field", field, "account_id")
			c.Must(accounts.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			user1 := &User{Username: "foo"}
			c.Must(users.Create(c.Ctx, user1))
			account := &Account{Title: "pepsico"}
			c.Must(accounts.Create(c.Ctx, account))
			c.Must(a.Set(c.Ctx, user1, account))
			user0, err := a.Get(c.Ctx, user1)
			c.Must(err)
			if user0 == nil {
				c.Fatal("no account")
			}
			user, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "foo"},
				Include: []sequelize.Include{{Association: a}}})
			c.Must(err)
			// the query looks at account_id instead of AccountId
			if user.Account == nil || user.Account.Title != "pepsico" {
				c.Fatalf("user.Account = %+v", user.Account)
			}
		})

		js.It("should set foreignKey on foreign table", func(c *C) {
			// The junction is a through model here, so that its row can be
			// read into the recipient as the JS result shows it: a Go
			// struct has no field for the columns of a generated table.
			type MailRecipients struct {
				MailID      int64 `sequelize:"allowNull:false"`
				RecipientID int64 `sequelize:"allowNull:false"`
			}
			type User struct {
				ID             int64
				MailRecipients *MailRecipients
			}
			type Mail struct {
				ID         int64
				Recipients []*User
			}
			type Entry struct {
				ID      int64
				OwnerID int64 `sequelize:"allowNull:false"`
				MailID  int64 `sequelize:"allowNull:false"`
				Mail    *Mail
			}
			noTS := sequelize.Bool(false)
			mails := sequelize.Define[Mail](c.DB, sequelize.ModelOptions{ModelName: "mail", Timestamps: noTS})
			entries := sequelize.Define[Entry](c.DB, sequelize.ModelOptions{ModelName: "entry", Timestamps: noTS})
			users := sequelize.Define[User](c.DB, sequelize.ModelOptions{ModelName: "user", Timestamps: noTS})
			mailRecipients := sequelize.Define[MailRecipients](c.DB, sequelize.ModelOptions{Timestamps: noTS})
			sequelize.BelongsTo(entries, users, sequelize.AssociationOptions{As: "owner", ForeignKey: "ownerId"})
			entryMail := sequelize.BelongsTo(entries, mails, sequelize.AssociationOptions{As: "mail", ForeignKey: "mailId"})
			recipients := sequelize.BelongsToMany(mails, users, sequelize.BelongsToManyOptions{
				AssociationOptions: sequelize.AssociationOptions{As: "recipients", ForeignKey: "mailId"},
				ThroughModel:       mailRecipients, OtherKey: "recipientId"})
			sequelize.HasMany(mails, entries, sequelize.AssociationOptions{As: "entries", ForeignKey: "mailId"})
			sequelize.HasMany(users, entries, sequelize.AssociationOptions{As: "entries", ForeignKey: "ownerId"})
			c.Sync()
			c.Must(users.Create(c.Ctx, &User{}))
			mail := &Mail{}
			c.Must(mails.Create(c.Ctx, mail))
			c.Must(entries.Create(c.Ctx, &Entry{MailID: mail.ID, OwnerID: 1}))
			c.Must(entries.Create(c.Ctx, &Entry{MailID: mail.ID, OwnerID: 1}))
			c.Must(recipients.Set(c.Ctx, mail, []int64{1}))
			rows, count, err := entries.FindAndCountAll(c.Ctx, sequelize.FindOptions{
				Offset: 0, Limit: 10, Order: sequelize.Order{{"id", "DESC"}},
				Include: []sequelize.Include{{
					Association: entryMail,
					Include: []sequelize.Include{{
						Association: recipients,
						Through:     sequelize.ThroughOptions{Where: sequelize.Where{"recipientId": 1}},
						Required:    sequelize.Bool(true),
					}},
					Required: sequelize.Bool(true),
				}},
			})
			c.Must(err)
			c.Eq("count", count, 2)
			r := rows[0]
			c.Eq("entry", []int64{r.ID, r.OwnerID, r.MailID}, []int64{2, 1, 1})
			if r.Mail == nil || len(r.Mail.Recipients) != 1 {
				c.Fatalf("mail = %+v", r.Mail)
			}
			c.Eq("mail id", r.Mail.ID, 1)
			rc := r.Mail.Recipients[0]
			c.Eq("recipient id", rc.ID, 1)
			c.Eq("MailRecipients", rc.MailRecipients, &MailRecipients{MailID: 1, RecipientID: 1})
		})
	})

	// fkc models: Task {title}, User {username}, Task.belongsTo(User, opts).
	type fkcUser struct {
		ID       int64
		Username string
	}
	type fkcTask struct {
		ID     int64
		Title  string
		UserID *int64
	}
	fkcSetup := func(c *C, o sequelize.AssociationOptions) (*sequelize.Model[fkcTask], *sequelize.Model[fkcUser], *fkcTask, *fkcUser) {
		tasks := sequelize.Define[fkcTask](c.DB, sequelize.ModelOptions{ModelName: "Task"})
		users := sequelize.Define[fkcUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
		a := sequelize.BelongsTo(tasks, users, o)
		c.Sync()
		user := &fkcUser{Username: "foo"}
		c.Must(users.Create(c.Ctx, user))
		task := &fkcTask{Title: "task"}
		c.Must(tasks.Create(c.Ctx, task))
		c.Must(a.Set(c.Ctx, task, user))
		return tasks, users, task, user
	}

	js.Describe("foreign key constraints", func(js *suite) {
		js.It("are enabled by default", func(c *C) {
			tasks, users, task, user := fkcSetup(c, sequelize.AssociationOptions{}) // defaults to SET NULL
			c.Must(users.DestroyInstance(c.Ctx, user))
			c.Must(tasks.Reload(c.Ctx, task))
			c.Eq("UserId", task.UserID, (*int64)(nil))
		})

		js.It("sets to NO ACTION if allowNull: false", func(c *C) {
			type Task struct {
				ID     int64
				Title  string
				UserID int64 `sequelize:"allowNull:false"`
			}
			tasks := sequelize.Define[Task](c.DB)
			users := sequelize.Define[fkcUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
			sequelize.BelongsTo(tasks, users) // defaults to NO ACTION
			c.Sync()
			user := &fkcUser{Username: "foo"}
			c.Must(users.Create(c.Ctx, user))
			c.Must(tasks.Create(c.Ctx, &Task{Title: "task", UserID: user.ID}))
			asFKError(c, users.DestroyInstance(c.Ctx, user))
			n, err := tasks.Count(c.Ctx)
			c.Must(err)
			c.Eq("tasks", n, 1)
		})

		js.It("should be possible to disable them", func(c *C) {
			tasks, users, task, user := fkcSetup(c, sequelize.AssociationOptions{Constraints: sequelize.Bool(false)})
			c.Must(users.DestroyInstance(c.Ctx, user))
			c.Must(tasks.Reload(c.Ctx, task))
			if task.UserID == nil || *task.UserID != user.ID {
				c.Fatalf("UserId = %v, want %d", task.UserID, user.ID)
			}
		})

		js.It("can cascade deletes", func(c *C) {
			tasks, users, _, user := fkcSetup(c, sequelize.AssociationOptions{OnDelete: "cascade"})
			c.Must(users.DestroyInstance(c.Ctx, user))
			n, err := tasks.Count(c.Ctx)
			c.Must(err)
			c.Eq("tasks", n, 0)
		})

		js.It("can restrict deletes", func(c *C) {
			tasks, users, _, user := fkcSetup(c, sequelize.AssociationOptions{OnDelete: "restrict"})
			asFKError(c, users.DestroyInstance(c.Ctx, user))
			n, err := tasks.Count(c.Ctx)
			c.Must(err)
			c.Eq("tasks", n, 1)
		})

		// The JS changes the id with QueryInterface.update, which runs no
		// hooks: Model.Update does the same here.
		js.It("can restrict updates", func(c *C) {
			tasks, users, _, user := fkcSetup(c, sequelize.AssociationOptions{OnUpdate: "restrict"})
			_, err := users.Update(c.Ctx, sequelize.Values{"id": 999}, sequelize.UpdateOptions{Where: sequelize.Where{"id": user.ID}})
			asFKError(c, err)
			all, err := tasks.FindAll(c.Ctx)
			c.Must(err)
			c.Eq("tasks", len(all), 1)
			c.Eq("UserId", *all[0].UserID, user.ID)
		})

		js.It("can cascade updates", func(c *C) {
			tasks, users, _, user := fkcSetup(c, sequelize.AssociationOptions{OnUpdate: "cascade"})
			_, err := users.Update(c.Ctx, sequelize.Values{"id": 999}, sequelize.UpdateOptions{Where: sequelize.Where{"id": user.ID}})
			c.Must(err)
			all, err := tasks.FindAll(c.Ctx)
			c.Must(err)
			c.Eq("tasks", len(all), 1)
			c.Eq("UserId", *all[0].UserID, 999)
		})
	})

	js.Describe("association column", func(js *suite) {
		js.It("has correct type and name for non-id primary keys with non-integer type", func(c *C) {
			type GroupPKBT struct {
				Name string `sequelize:"primaryKey"`
			}
			type UserPKBT struct {
				ID            int64
				Username      string
				GroupPKBTName *string
			}
			users := sequelize.Define[UserPKBT](c.DB)
			groups := sequelize.Define[GroupPKBT](c.DB)
			a := sequelize.BelongsTo(users, groups)
			c.Eq("foreign key", a.ForeignKey(), "GroupPKBTName")
			c.Sync()
			d := asDescribe(c, users.TableName())
			c.Eq("GroupPKBTName type", asType(d["GroupPKBTName"].Type), "STRING")
		})

		// Sequelize's User.removeAttribute('id') leaves User without a
		// primary key; a struct without an ID field still gets the implicit
		// id here. The association uses username either way.
		js.It("should support a non-primary key as the association column on a target without a primary key", func(c *C) {
			type User struct {
				Username string `sequelize:"unique"`
			}
			type Task struct {
				ID        int64
				Title     string
				User_name *string //lint:ignore ST1003 the JS attribute
			}
			users := sequelize.Define[User](c.DB)
			tasks := sequelize.Define[Task](c.DB)
			a := sequelize.BelongsTo(tasks, users, sequelize.AssociationOptions{ForeignKey: "user_name", TargetKey: "username"})
			c.Sync()
			newUser := &User{Username: "bob"}
			c.Must(users.Create(c.Ctx, newUser))
			newTask := &Task{Title: "some task"}
			c.Must(tasks.Create(c.Ctx, newTask))
			c.Must(a.Set(c.Ctx, newTask, newUser))
			foundTask, err := tasks.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"title": "some task"}})
			c.Must(err)
			foundUser, err := a.Get(c.Ctx, foundTask)
			c.Must(err)
			if foundUser == nil || foundUser.Username != "bob" {
				c.Fatalf("user = %+v", foundUser)
			}
			fk := asFK(c, "Tasks", "user_name")
			c.Eq("referenced", []string{fk.ReferencedColumnName, fk.ReferencedTableName}, []string{"username", "Users"})
		})

		js.It("should support a non-primary unique key as the association column", func(c *C) {
			type User struct {
				ID       int64
				Username string `sequelize:"field:user_name;unique"`
			}
			type Task struct {
				ID        int64
				Title     string
				User_name *string //lint:ignore ST1003 the JS attribute
			}
			users := sequelize.Define[User](c.DB)
			tasks := sequelize.Define[Task](c.DB)
			a := sequelize.BelongsTo(tasks, users, sequelize.AssociationOptions{ForeignKey: "user_name", TargetKey: "username"})
			c.Sync()
			newUser := &User{Username: "bob"}
			c.Must(users.Create(c.Ctx, newUser))
			newTask := &Task{Title: "some task"}
			c.Must(tasks.Create(c.Ctx, newTask))
			c.Must(a.Set(c.Ctx, newTask, newUser))
			foundTask, err := tasks.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"title": "some task"}})
			c.Must(err)
			foundUser, err := a.Get(c.Ctx, foundTask)
			c.Must(err)
			if foundUser == nil || foundUser.Username != "bob" {
				c.Fatalf("user = %+v", foundUser)
			}
			fk := asFK(c, "Tasks", "user_name")
			c.Eq("referenced", []string{fk.ReferencedColumnName, fk.ReferencedTableName}, []string{"user_name", "Users"})
		})

		js.It("should support a non-primary key as the association column with a field option", func(c *C) {
			type User struct {
				Username string `sequelize:"field:the_user_name_field;unique"`
			}
			type Task struct {
				ID        int64
				Title     string
				User_name *string //lint:ignore ST1003 the JS attribute
			}
			users := sequelize.Define[User](c.DB)
			tasks := sequelize.Define[Task](c.DB)
			a := sequelize.BelongsTo(tasks, users, sequelize.AssociationOptions{ForeignKey: "user_name", TargetKey: "username"})
			c.Sync()
			newUser := &User{Username: "bob"}
			c.Must(users.Create(c.Ctx, newUser))
			newTask := &Task{Title: "some task"}
			c.Must(tasks.Create(c.Ctx, newTask))
			c.Must(a.Set(c.Ctx, newTask, newUser))
			foundTask, err := tasks.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"title": "some task"}})
			c.Must(err)
			foundUser, err := a.Get(c.Ctx, foundTask)
			c.Must(err)
			if foundUser == nil || foundUser.Username != "bob" {
				c.Fatalf("user = %+v", foundUser)
			}
			fk := asFK(c, "Tasks", "user_name")
			c.Eq("referenced", []string{fk.ReferencedColumnName, fk.ReferencedTableName}, []string{"the_user_name_field", "Users"})
		})

		js.It("should support a non-primary key as the association column in a table with a composite primary key", func(c *C) {
			type User struct {
				Username string `sequelize:"field:the_user_name_field;unique"`
				Age      int64  `sequelize:"field:the_user_age_field;primaryKey"`
				Weight   int64  `sequelize:"field:the_user_weight_field;primaryKey"`
			}
			type Task struct {
				ID        int64
				Title     string
				User_name *string //lint:ignore ST1003 the JS attribute
			}
			users := sequelize.Define[User](c.DB)
			tasks := sequelize.Define[Task](c.DB)
			a := sequelize.BelongsTo(tasks, users, sequelize.AssociationOptions{ForeignKey: "user_name", TargetKey: "username"})
			c.Sync()
			newUser := &User{Username: "bob", Age: 18, Weight: 40}
			c.Must(users.Create(c.Ctx, newUser))
			newTask := &Task{Title: "some task"}
			c.Must(tasks.Create(c.Ctx, newTask))
			c.Must(a.Set(c.Ctx, newTask, newUser))
			foundTask, err := tasks.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"title": "some task"}})
			c.Must(err)
			foundUser, err := a.Get(c.Ctx, foundTask)
			c.Must(err)
			if foundUser == nil || foundUser.Username != "bob" {
				c.Fatalf("user = %+v", foundUser)
			}
			fk := asFK(c, "Tasks", "user_name")
			c.Eq("referenced", []string{fk.ReferencedColumnName, fk.ReferencedTableName}, []string{"the_user_name_field", "Users"})
		})
	})

	js.Describe("association options", func(js *suite) {
		// keyType: the type of a foreign key Sequelize adds. The foreign key
		// is a struct field here, and its type tag gives the column type.
		js.It("can specify data type for auto-generated relational keys", func(c *C) {
			type UserXYZ struct {
				ID       int64
				Username string
			}
			type TaskInt struct {
				ID     int64
				Title  string
				UserID *int64 `sequelize:"type:INTEGER"`
			}
			type TaskBigint struct {
				ID     int64
				Title  string
				UserID *int64 `sequelize:"type:BIGINT"`
			}
			type TaskString struct {
				ID     int64
				Title  string
				UserID *string `sequelize:"type:STRING"`
			}
			users := sequelize.Define[UserXYZ](c.DB)
			noFK := sequelize.AssociationOptions{ForeignKey: "userId", Constraints: sequelize.Bool(false)}
			t1 := sequelize.Define[TaskInt](c.DB, sequelize.ModelOptions{ModelName: "TaskXYZ_INTEGER"})
			sequelize.BelongsTo(t1, users, noFK)
			t2 := sequelize.Define[TaskBigint](c.DB, sequelize.ModelOptions{ModelName: "TaskXYZ_BIGINT"})
			sequelize.BelongsTo(t2, users, noFK)
			t3 := sequelize.Define[TaskString](c.DB, sequelize.ModelOptions{ModelName: "TaskXYZ_STRING"})
			sequelize.BelongsTo(t3, users, noFK)
			c.Sync()
			for table, want := range map[string]string{t1.TableName(): "INTEGER", t2.TableName(): "BIGINT", t3.TableName(): "STRING"} {
				c.Eq(table+".userId type", asType(asDescribe(c, table)["userId"].Type), want)
			}
		})

		js.Describe("allows the user to provide an attribute definition object as foreignKey", func(js *suite) {
			js.It("works with a column that hasnt been defined before", func(c *C) {
				type User struct{ ID int64 }
				type Task struct {
					ID  int64
					UID int64 `sequelize:"allowNull:false"`
				}
				tasks := sequelize.Define[Task](c.DB, sequelize.ModelOptions{ModelName: "task"})
				users := sequelize.Define[User](c.DB, sequelize.ModelOptions{ModelName: "user"})
				sequelize.BelongsTo(tasks, users, sequelize.AssociationOptions{ForeignKey: "uid"})
				_, ok := tasks.FieldName("uid")
				c.Eq("uid exists", ok, true)
				c.Sync()
				c.Eq("uid allowNull", asDescribe(c, tasks.TableName())["uid"].AllowNull, false)
				fk := asFK(c, tasks.TableName(), "uid")
				c.Eq("references", []string{fk.ReferencedTableName, fk.ReferencedColumnName}, []string{users.TableName(), "id"})
			})

			js.It("works when taking a column directly from the object", func(c *C) {
				type User struct {
					UID int64 `sequelize:"type:INTEGER;primaryKey"`
				}
				type Project struct {
					ID      int64
					User_id int64 `sequelize:"type:INTEGER;allowNull:false"` //lint:ignore ST1003 the JS attribute
				}
				users := sequelize.Define[User](c.DB, sequelize.ModelOptions{ModelName: "user"})
				profiles := sequelize.Define[Project](c.DB, sequelize.ModelOptions{ModelName: "project"})
				sequelize.BelongsTo(profiles, users, sequelize.AssociationOptions{ForeignKey: "user_id"})
				_, ok := profiles.FieldName("user_id")
				c.Eq("user_id exists", ok, true)
				c.Sync()
				c.Eq("user_id allowNull", asDescribe(c, profiles.TableName())["user_id"].AllowNull, false)
				fk := asFK(c, profiles.TableName(), "user_id")
				c.Eq("references", []string{fk.ReferencedTableName, fk.ReferencedColumnName}, []string{users.TableName(), "uid"})
			})

			js.It("works when merging with an existing definition", func(c *C) {
				type Project struct{ ID int64 }
				type Task struct {
					ID        int64
					ProjectID *int64 `sequelize:"type:INTEGER;defaultValue:42"`
				}
				tasks := sequelize.Define[Task](c.DB, sequelize.ModelOptions{ModelName: "task"})
				projects := sequelize.Define[Project](c.DB, sequelize.ModelOptions{ModelName: "project"})
				a := sequelize.BelongsTo(tasks, projects)
				c.Eq("foreign key", a.ForeignKey(), "projectId")
				built, err := tasks.Build(nil)
				c.Must(err)
				if built.ProjectID == nil || *built.ProjectID != 42 {
					c.Fatalf("projectId default = %v, want 42", built.ProjectID)
				}
				c.Sync()
				d := asDescribe(c, tasks.TableName())["projectId"]
				c.Eq("projectId allowNull", d.AllowNull, true)
				c.Eq("projectId default", d.DefaultValue != nil, true)
			})
		})

		js.It("should throw an error if foreignKey and as result in a name clash", func(c *C) {
			type Person struct{ ID int64 }
			type Car struct {
				ID     int64
				Person *int64
			}
			persons := sequelize.Define[Person](c.DB, sequelize.ModelOptions{ModelName: "person"})
			cars := sequelize.Define[Car](c.DB, sequelize.ModelOptions{ModelName: "car"})
			msg := asPanic(c, func() { sequelize.BelongsTo(cars, persons, sequelize.AssociationOptions{ForeignKey: "person"}) })
			c.Eq("message", msg, "sequelize: Naming collision between attribute 'person' and association 'person' on model car. To remedy this, change either foreignKey or as in your association definition")
		})

		js.It("should throw an error if an association clashes with the name of an already define attribute", func(c *C) {
			type Person struct{ ID int64 }
			type Car struct {
				ID       int64
				Person   *int64 `sequelize:"type:INTEGER"`
				PersonID *int64
			}
			persons := sequelize.Define[Person](c.DB, sequelize.ModelOptions{ModelName: "person"})
			cars := sequelize.Define[Car](c.DB, sequelize.ModelOptions{ModelName: "car"})
			msg := asPanic(c, func() { sequelize.BelongsTo(cars, persons, sequelize.AssociationOptions{As: "person"}) })
			c.Eq("message", msg, "sequelize: Naming collision between attribute 'person' and association 'person' on model car. To remedy this, change either foreignKey or as in your association definition")
		})
	})

	js.Describe("Eager loading", func(js *suite) {
		type Hat struct {
			ID   int64
			Name string
		}
		type Individual struct {
			ID                 int64
			Name               string
			PersonwearinghatID *int64
			Personwearinghat   *Hat
		}
		setup := func(c *C) (*sequelize.Model[Individual], *sequelize.BelongsToAssociation[Individual, Hat]) {
			individuals := sequelize.Define[Individual](c.DB, sequelize.ModelOptions{ModelName: "individual"})
			hats := sequelize.Define[Hat](c.DB, sequelize.ModelOptions{ModelName: "hat"})
			a := sequelize.BelongsTo(individuals, hats, sequelize.AssociationOptions{As: "personwearinghat"})
			c.Sync()
			individual := &Individual{Name: "Foo Bar"}
			c.Must(individuals.Create(c.Ctx, individual))
			hat := &Hat{Name: "Baz"}
			c.Must(hats.Create(c.Ctx, hat))
			c.Must(a.Set(c.Ctx, individual, hat))
			return individuals, a
		}

		// An include names its association; the JS's second find, by the
		// {singular} form of the alias, names the same one.
		js.It("should load with an alias", func(c *C) {
			individuals, a := setup(c)
			individual, err := individuals.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"name": "Foo Bar"},
				Include: []sequelize.Include{{Association: a}}})
			c.Must(err)
			c.Eq("name", individual.Name, "Foo Bar")
			if individual.Personwearinghat == nil {
				c.Fatal("no personwearinghat")
			}
			c.Eq("hat", individual.Personwearinghat.Name, "Baz")
		})

		js.It("should load all", func(c *C) {
			individuals, _ := setup(c)
			individual, err := individuals.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"name": "Foo Bar"},
				Include: []sequelize.Include{{All: true}}})
			c.Must(err)
			c.Eq("name", individual.Name, "Foo Bar")
			if individual.Personwearinghat == nil {
				c.Fatal("no personwearinghat")
			}
			c.Eq("hat", individual.Personwearinghat.Name, "Baz")
		})
	})
}
