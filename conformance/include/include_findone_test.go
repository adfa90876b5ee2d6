package include_test

import (
	"github.com/gosequelize/sequelize/conformance/internal/harness"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
)

// The paranoid A hasMany B, B belongsTo D, B belongsToMany C models of
// include/findOne.test.js's first case.
type (
	ihFoA struct {
		ID   int64
		Name string `sequelize:"type:STRING(40)"`
		Bs   []*ihFoB
	}
	ihFoB struct {
		ID   int64
		Name string `sequelize:"type:STRING(40)"`
		AID  *int64
		DID  *int64
		D    *ihFoD
		Cs   []*ihFoC
	}
	ihFoC struct {
		ID   int64
		Name string `sequelize:"type:STRING(40)"`
	}
	ihFoD struct {
		ID   int64
		Name string `sequelize:"type:STRING(40)"`
	}
)

// The Model/Model2/Model4 models.
type (
	ihM1 struct {
		ID       int64
		Model2ID *int64
		Model2   *ihM2
	}
	ihM2 struct {
		ID      int64
		Model4s []*ihM4
	}
	ihM4 struct {
		ID        int64
		Something *int64 `sequelize:"type:INTEGER"`
		Model2ID  *int64
	}
)

// The A hasOne B hasMany C models of 'should support a nested include
// (with a where)'.
type (
	ihNwA struct {
		ID   int64
		Name string
		B    *ihNwB
	}
	ihNwB struct {
		ID   int64
		Flag bool
		AID  *int64
		Cs   []*ihNwC
	}
	ihNwC struct {
		ID   int64
		Name string
		BID  *int64
	}
)

func TestIncludeFindOne(t *testing.T) {
	js := port(t, "include/findOne.test.js")
	js.Describe("findOne", func(js *suite) {
		js.It("should include a non required model, with conditions and two includes N:M 1:M", func(c *C) {
			paranoid := sequelize.ModelOptions{Paranoid: true}
			as := harness.Define[ihFoA](c, "A", paranoid)
			bs := harness.Define[ihFoB](c, "B", paranoid)
			cs := harness.Define[ihFoC](c, "C", paranoid)
			ds := harness.Define[ihFoD](c, "D", paranoid)
			ab := sequelize.HasMany(as, bs)
			bd := sequelize.BelongsTo(bs, ds)
			bc := sequelize.BelongsToMany(bs, cs, sequelize.BelongsToManyOptions{Through: "BC"})
			sequelize.BelongsToMany(cs, bs, sequelize.BelongsToManyOptions{Through: "BC"})
			sequelize.HasMany(ds, bs)
			c.Sync()
			include := []sequelize.Include{{Association: ab, Required: sequelize.Bool(false), Include: []sequelize.Include{
				{Association: bc, Required: sequelize.Bool(false)},
				{Association: bd},
			}}}
			got := harness.R(as.FindOne(c.Ctx, sequelize.FindOptions{Include: include})).Get(c)
			c.Eq("A in empty tables", got, (*ihFoA)(nil))
			// With rows: an A with one B (no C, no D) and a soft-deleted B.
			a := harness.Create(c, as, &ihFoA{Name: "a"})[0]
			harness.Create(c, bs, &ihFoB{Name: "b", AID: &a.ID})
			gone := harness.Create(c, bs, &ihFoB{Name: "gone", AID: &a.ID})[0]
			c.Must(bs.DestroyInstance(c.Ctx, gone))
			got = harness.R(as.FindOne(c.Ctx, sequelize.FindOptions{Include: include})).Get(c)
			if got == nil || len(got.Bs) != 1 || got.Bs[0].Name != "b" || got.Bs[0].Cs == nil || len(got.Bs[0].Cs) != 0 || got.Bs[0].D != nil {
				c.Fatalf("A = %+v, want it with the one live B, no C and no D", got)
			}
		})

		js.It("should work with a 1:M to M:1 relation with a where on the last include", func(c *C) {
			m1 := harness.Define[ihM1](c, "Model")
			m2 := harness.Define[ihM2](c, "Model2")
			m4 := harness.Define[ihM4](c, "Model4")
			to2 := sequelize.BelongsTo(m1, m2)
			sequelize.HasMany(m2, m1)
			to4 := sequelize.HasMany(m2, m4)
			sequelize.BelongsTo(m4, m2)
			c.Sync()
			include := []sequelize.Include{{Association: to2, Include: []sequelize.Include{{Association: to4, Where: sequelize.Where{"something": 2}}}}}
			got := harness.R(m1.FindOne(c.Ctx, sequelize.FindOptions{Include: include})).Get(c)
			c.Eq("Model in empty tables", got, (*ihM1)(nil))
			// With rows: Model2 has no Model4 with something 2, so the
			// (not required) Model2 include is empty.
			two := harness.Create(c, m2, &ihM2{})[0]
			one := int64(1)
			harness.Create(c, m4, &ihM4{Something: &one, Model2ID: &two.ID})
			harness.Create(c, m1, &ihM1{Model2ID: &two.ID})
			got = harness.R(m1.FindOne(c.Ctx, sequelize.FindOptions{Include: include})).Get(c)
			if got == nil || got.Model2 != nil {
				c.Fatalf("Model = %+v, want it without Model2", got)
			}
			two4 := int64(2)
			harness.Create(c, m4, &ihM4{Something: &two4, Model2ID: &two.ID})
			got = harness.R(m1.FindOne(c.Ctx, sequelize.FindOptions{Include: include})).Get(c)
			if got == nil || got.Model2 == nil || len(got.Model2.Model4s) != 1 || *got.Model2.Model4s[0].Something != 2 {
				c.Fatalf("Model = %+v, want it with Model2 and its Model4 2", got)
			}
		})

		js.It("should include a model with a where condition but no required", func(c *C) {
			type task struct {
				ID        int64
				DeletedAt *time.Time
				UserID    *int64 `sequelize:"field:userId"`
			}
			type user struct {
				ID    int64
				Tasks []*task
			}
			users := harness.Define[user](c, "User")
			tasks := harness.Define[task](c, "Task")
			ut := sequelize.HasMany(users, tasks, sequelize.AssociationOptions{ForeignKey: "userId"})
			sequelize.BelongsTo(tasks, users, sequelize.AssociationOptions{ForeignKey: "userId"})
			c.Sync()
			u := harness.Create(c, users, &user{})[0]
			now := time.Now()
			harness.Bulk(c, tasks, &task{UserID: &u.ID, DeletedAt: &now}, &task{UserID: &u.ID, DeletedAt: &now}, &task{UserID: &u.ID, DeletedAt: &now})
			got := harness.R(users.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{
				{Association: ut, Where: sequelize.Where{"deletedAt": nil}, Required: sequelize.Bool(false)},
			}})).Get(c)
			if got == nil {
				c.Fatal("user not found")
			}
			c.Eq("Tasks", got.Tasks, []*task{})
		})

		js.It("should include a model with a where clause when the PK field name and attribute name are different", func(c *C) {
			type task struct {
				ID           int64
				SearchString string
				UserID       *string `sequelize:"field:userId"`
			}
			type user struct {
				ID    string `sequelize:"type:UUID;defaultValue:UUIDV4;field:main_id;primaryKey"`
				Tasks []*task
			}
			users := harness.Define[user](c, "User")
			tasks := harness.Define[task](c, "Task")
			ut := sequelize.HasMany(users, tasks, sequelize.AssociationOptions{ForeignKey: "userId"})
			sequelize.BelongsTo(tasks, users, sequelize.AssociationOptions{ForeignKey: "userId"})
			c.Sync()
			u := harness.Create(c, users, &user{})[0]
			harness.Bulk(c, tasks, &task{UserID: &u.ID, SearchString: "one"}, &task{UserID: &u.ID, SearchString: "two"})
			got := harness.R(users.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{
				{Association: ut, Where: sequelize.Where{"searchString": "one"}},
			}})).Get(c)
			if got == nil {
				c.Fatal("user not found")
			}
			c.Eq("Tasks", len(got.Tasks), 1)
			c.Eq("task", got.Tasks[0].SearchString, "one")
		})

		js.It("should include a model with a through.where and required true clause when the PK field name and attribute name are different", func(c *C) {
			type b struct{ ID int64 }
			type a struct {
				ID int64
				Bs []*b
			}
			type ab struct {
				Name string `sequelize:"type:STRING(40);field:name_id;primaryKey"`
				AID  int64
				BID  int64
			}
			as := harness.Define[a](c, "a")
			bs := harness.Define[b](c, "b")
			abs := harness.Define[ab](c, "a_b")
			rel := sequelize.BelongsToMany(as, bs, sequelize.BelongsToManyOptions{ThroughModel: abs})
			sequelize.BelongsToMany(bs, as, sequelize.BelongsToManyOptions{ThroughModel: abs})
			c.Sync()
			a0 := harness.Create(c, as, &a{})[0]
			b0 := harness.Create(c, bs, &b{})[0]
			c.Must(rel.Add(c.Ctx, a0, b0, sequelize.SetOptions{Through: sequelize.Values{"name": "Foobar"}}))
			got := harness.R(as.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{
				{Association: rel, Through: sequelize.ThroughOptions{Where: sequelize.Where{"name": "Foobar"}}, Required: sequelize.Bool(true)},
			}})).Get(c)
			if got == nil {
				c.Fatal("a not found")
			}
			c.Eq("bs", len(got.Bs), 1)
		})

		js.It("should still pull the main record when an included model is not required and has where restrictions without matches", func(c *C) {
			as, ab := ihAB(c)
			harness.Create(c, as, &ihAbA{Name: "Foobar"})
			got := harness.R(as.FindOne(c.Ctx, sequelize.FindOptions{
				Where:   sequelize.Where{"name": "Foobar"},
				Include: []sequelize.Include{{Association: ab, Where: sequelize.Where{"name": "idontexist"}, Required: sequelize.Bool(false)}},
			})).Get(c)
			if got == nil {
				c.Fatal("a not found")
			}
			c.Eq("bs", got.Bs, []*ihAbB{})
		})

		js.It("should support a nested include (with a where)", func(c *C) {
			as := harness.Define[ihNwA](c, "A")
			bs := harness.Define[ihNwB](c, "B")
			cs := harness.Define[ihNwC](c, "C")
			ab := sequelize.HasOne(as, bs)
			sequelize.BelongsTo(bs, as)
			bc := sequelize.HasMany(bs, cs)
			sequelize.BelongsTo(cs, bs)
			c.Sync()
			include := []sequelize.Include{{Association: ab, Where: sequelize.Where{"flag": true}, Include: []sequelize.Include{{Association: bc}}}}
			got := harness.R(as.FindOne(c.Ctx, sequelize.FindOptions{Include: include})).Get(c)
			c.Eq("A in empty tables", got, (*ihNwA)(nil))
			// With rows: an A whose B is not flagged is not found either;
			// one whose B is, is.
			a1 := harness.Create(c, as, &ihNwA{Name: "a1"})[0]
			harness.Create(c, bs, &ihNwB{AID: &a1.ID})
			got = harness.R(as.FindOne(c.Ctx, sequelize.FindOptions{Include: include})).Get(c)
			c.Eq("A with an unflagged B", got, (*ihNwA)(nil))
			a2 := harness.Create(c, as, &ihNwA{Name: "a2"})[0]
			b2 := harness.Create(c, bs, &ihNwB{AID: &a2.ID, Flag: true})[0]
			harness.Create(c, cs, &ihNwC{BID: &b2.ID})
			got = harness.R(as.FindOne(c.Ctx, sequelize.FindOptions{Include: include})).Get(c)
			if got == nil || got.Name != "a2" || got.B == nil || len(got.B.Cs) != 1 {
				c.Fatalf("A = %+v, want a2 with its B and C", got)
			}
		})

		js.It("should support a belongsTo with the targetKey option", func(c *C) {
			// User.removeAttribute('id') has no Go counterpart: the user
			// keeps its implicit id, which the association does not use.
			type user struct {
				Username string `sequelize:"unique"`
			}
			type task struct {
				ID        int64
				Title     string
				User_name *string
				User      *user
			}
			users := harness.Define[user](c, "User")
			tasks := harness.Define[task](c, "Task")
			tu := sequelize.BelongsTo(tasks, users, sequelize.AssociationOptions{ForeignKey: "user_name", TargetKey: "username"})
			c.Sync()
			u := harness.Create(c, users, &user{Username: "bob"})[0]
			t := harness.Create(c, tasks, &task{Title: "some task"})[0]
			c.Must(tu.Set(c.Ctx, t, u))
			got := harness.R(tasks.FindOne(c.Ctx, sequelize.FindOptions{
				Where:   sequelize.Where{"title": "some task"},
				Include: []sequelize.Include{{Association: tu}},
			})).Get(c)
			if got == nil || got.User == nil {
				c.Fatalf("task = %+v, want it with its user", got)
			}
			c.Eq("User.username", got.User.Username, "bob")
		})

		js.It("should support many levels of belongsTo (with a lower level having a where)", func(c *C) {
			l := ihDefineLevels(c)
			a := harness.Create(c, l.a, &ihLvA{})[0]
			c.Must(l.ab.Set(c.Ctx, a, l.b))
			got := harness.R(l.a.FindOne(c.Ctx, sequelize.FindOptions{Include: l.include(sequelize.Where{"name": "yolo"})})).Get(c)
			if got == nil || !got.hChain() {
				c.Fatalf("a = %+v, want its chain to h", got)
			}
		})

		js.It("should work with combinding a where and a scope", func(c *C) {
			type post struct {
				ID         int64  `sequelize:"primaryKey;autoIncrement;unique;type:INTEGER"`
				Owner_id   *int64 `sequelize:"type:INTEGER;unique:combiIndex"`
				Owner_type string `sequelize:"type:ENUM('user','org');defaultValue:user;unique:combiIndex"`
				Private    bool   `sequelize:"defaultValue:false"`
			}
			type user struct {
				ID        int64 `sequelize:"primaryKey;autoIncrement;type:INTEGER"`
				Name      string
				UserPosts []*post
			}
			users := harness.Define[user](c, "User", sequelize.ModelOptions{Underscored: true})
			posts := harness.Define[post](c, "Post", sequelize.ModelOptions{Underscored: true})
			up := sequelize.HasMany(users, posts, sequelize.AssociationOptions{ForeignKey: "owner_id", Scope: sequelize.Values{"owner_type": "user"},
				As: "UserPosts", Constraints: sequelize.Bool(false)})
			sequelize.BelongsTo(posts, users, sequelize.AssociationOptions{ForeignKey: "owner_id", As: "Owner", Constraints: sequelize.Bool(false)})
			c.Sync()
			find := func() *user {
				return harness.R(users.FindOne(c.Ctx, sequelize.FindOptions{
					Where:   sequelize.Where{"id": 2},
					Include: []sequelize.Include{{Association: up, Where: sequelize.Where{"private": true}}},
				})).Get(c)
			}
			c.Eq("user in empty tables", find(), (*user)(nil))
			// With rows: user 2's private post of an org is not one of its
			// UserPosts (the scope); its private user post is.
			harness.Create(c, users, &user{ID: 1, Name: "one"}, &user{ID: 2, Name: "two"})
			two := int64(2)
			harness.Create(c, posts, &post{Owner_id: &two, Owner_type: "org", Private: true})
			c.Eq("user with an org post only", find(), (*user)(nil))
			harness.Create(c, posts, &post{Owner_id: &two, Owner_type: "user", Private: true})
			got := find()
			if got == nil || len(got.UserPosts) != 1 || got.UserPosts[0].Owner_type != "user" {
				c.Fatalf("user = %+v, want user 2 with its one private user post", got)
			}
		})
	})
}
