package conformance_test

import (
	"encoding/json"
	"testing"

	"github.com/gosequelize/sequelize"
)

// insJSONUser and insJSONProject are User and NiceProject of
// to-json.test.js. Sequelize's toJSON is what encoding/json makes of the
// struct: json tags give the attribute names, and pointer fields the
// nulls of attributes that are unset.
type insJSONUser struct {
	ID       *int64            `json:"id"`
	Username *string           `json:"username"`
	Age      *int64            `json:"age"`
	Level    *int64            `json:"level"`
	IsUser   bool              `json:"isUser" sequelize:"defaultValue:false"`
	IsAdmin  *bool             `json:"isAdmin"`
	Projects []*insJSONProject `json:"Projects,omitempty"`
}

type insJSONProject struct {
	ID           int64        `json:"id"`
	Title        *string      `json:"title"`
	LovelyUserID *int64       `json:"lovelyUserId"`
	LovelyUser   *insJSONUser `json:"LovelyUser"`
}

func insJSONSetup(c *C) (*sequelize.Model[insJSONUser], *sequelize.Model[insJSONProject],
	*sequelize.HasManyAssociation[insJSONUser, insJSONProject], *sequelize.BelongsToAssociation[insJSONProject, insJSONUser]) {
	c.Helper()
	users := sequelize.Define[insJSONUser](c.DB, sequelize.ModelOptions{ModelName: "User", Timestamps: sequelize.Bool(false)})
	projects := sequelize.Define[insJSONProject](c.DB, sequelize.ModelOptions{ModelName: "NiceProject", Timestamps: sequelize.Bool(false)})
	projectsOf := sequelize.HasMany(users, projects, sequelize.AssociationOptions{As: "Projects", ForeignKey: "lovelyUserId"})
	lovelyUser := sequelize.BelongsTo(projects, users, sequelize.AssociationOptions{As: "LovelyUser", ForeignKey: "lovelyUserId"})
	c.Sync()
	return users, projects, projectsOf, lovelyUser
}

// insJSON is JSON.parse(JSON.stringify(v)).
func insJSON(c *C, v any) map[string]any {
	c.Helper()
	b, err := json.Marshal(v)
	c.Must(err)
	var m map[string]any
	c.Must(json.Unmarshal(b, &m))
	return m
}

func TestInstanceToJSON(t *testing.T) {
	js := port(t, "instance/to-json.test.js")
	js.describe("toJSON", func(js *suite) {
		js.it("doesn't return instance that isn't defined", func(c *C) {
			_, projects, _, lovelyUser := insJSONSetup(c)
			p0 := &insJSONProject{}
			c.Must(projects.Create(c.Ctx, p0))
			p, err := projects.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": p0.ID},
				Include: []sequelize.Include{{Association: lovelyUser}}})
			c.Must(err)
			m := insJSON(c, p)
			v, ok := m["LovelyUser"]
			c.Eq("LovelyUser present", ok, true)
			c.Eq("LovelyUser", v, nil)
		})

		js.it("doesn't return instances that aren't defined", func(c *C) {
			users, _, projectsOf, _ := insJSONSetup(c)
			u0 := &insJSONUser{Username: insStr("cuss")}
			c.Must(users.Create(c.Ctx, u0))
			u, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": *u0.ID},
				Include: []sequelize.Include{{Association: projectsOf}}})
			c.Must(err)
			c.Eq("projects", len(u.Projects), 0)
		})

		js.describe("build", func(js *suite) {
			js.it("returns an object containing all values", func(c *C) {
				users, _, _, _ := insJSONSetup(c)
				u, err := users.Build(sequelize.Values{"username": "Adam", "age": 22, "level": -1, "isUser": false, "isAdmin": true})
				c.Must(err)
				c.Eq("toJSON", insJSON(c, u), map[string]any{"id": nil, "username": "Adam", "age": 22.0, "level": -1.0, "isUser": false, "isAdmin": true})
			})

			// The JS cases compare JSON text, whose key order is the order
			// the values were given in; encoding/json writes the struct's
			// order, so the text is compared as the object it encodes.
			js.it("returns a response that can be stringified", func(c *C) {
				users, _, _, _ := insJSONSetup(c)
				u, err := users.Build(sequelize.Values{"username": "test.user", "age": 99, "isAdmin": true, "isUser": false})
				c.Must(err)
				c.Eq("JSON", insJSON(c, u), map[string]any{"id": nil, "username": "test.user", "age": 99.0, "level": nil, "isAdmin": true, "isUser": false})
			})

			js.it("returns a response that can be stringified and then parsed", func(c *C) {
				users, _, _, _ := insJSONSetup(c)
				u, err := users.Build(sequelize.Values{"username": "test.user", "age": 99, "isAdmin": true})
				c.Must(err)
				c.Eq("JSON", insJSON(c, u), map[string]any{"username": "test.user", "age": 99.0, "level": nil, "isAdmin": true, "isUser": false, "id": nil})
			})
		})

		js.describe("create", func(js *suite) {
			js.it("returns an object containing all values", func(c *C) {
				users, _, _, _ := insJSONSetup(c)
				u := &insJSONUser{Username: insStr("Adam"), Age: insInt(22), Level: insInt(-1), IsUser: false, IsAdmin: sequelize.Bool(true)}
				c.Must(users.Create(c.Ctx, u))
				c.Eq("toJSON", insJSON(c, u), map[string]any{"id": float64(*u.ID), "username": "Adam", "age": 22.0, "isUser": false, "isAdmin": true, "level": -1.0})
			})

			js.it("returns a response that can be stringified", func(c *C) {
				users, _, _, _ := insJSONSetup(c)
				u := &insJSONUser{Username: insStr("test.user"), Age: insInt(99), IsAdmin: sequelize.Bool(true), IsUser: false, Level: nil}
				c.Must(users.Create(c.Ctx, u))
				c.Eq("JSON", insJSON(c, u), map[string]any{"id": float64(*u.ID), "username": "test.user", "age": 99.0, "isAdmin": true, "isUser": false, "level": nil})
			})

			js.it("returns a response that can be stringified and then parsed", func(c *C) {
				users, _, _, _ := insJSONSetup(c)
				u := &insJSONUser{Username: insStr("test.user"), Age: insInt(99), IsAdmin: sequelize.Bool(true), Level: nil}
				c.Must(users.Create(c.Ctx, u))
				c.Eq("JSON", insJSON(c, u), map[string]any{"age": 99.0, "id": float64(*u.ID), "isAdmin": true, "isUser": false, "level": nil, "username": "test.user"})
			})
		})

		js.describe("find", func(js *suite) {
			js.it("returns an object containing all values", func(c *C) {
				users, _, _, _ := insJSONSetup(c)
				u0 := &insJSONUser{Username: insStr("Adam"), Age: insInt(22), Level: insInt(-1), IsUser: false, IsAdmin: sequelize.Bool(true)}
				c.Must(users.Create(c.Ctx, u0))
				u, err := users.FindByPK(c.Ctx, *u0.ID)
				c.Must(err)
				c.Eq("toJSON", insJSON(c, u), map[string]any{"id": float64(*u.ID), "username": "Adam", "age": 22.0, "level": -1.0, "isUser": false, "isAdmin": true})
			})

			js.it("returns a response that can be stringified", func(c *C) {
				users, _, _, _ := insJSONSetup(c)
				u0 := &insJSONUser{Username: insStr("test.user"), Age: insInt(99), IsAdmin: sequelize.Bool(true), IsUser: false}
				c.Must(users.Create(c.Ctx, u0))
				u, err := users.FindByPK(c.Ctx, *u0.ID)
				c.Must(err)
				c.Eq("JSON", insJSON(c, u), map[string]any{"id": float64(*u.ID), "username": "test.user", "age": 99.0, "level": nil, "isUser": false, "isAdmin": true})
			})

			js.it("returns a response that can be stringified and then parsed", func(c *C) {
				users, _, _, _ := insJSONSetup(c)
				u0 := &insJSONUser{Username: insStr("test.user"), Age: insInt(99), IsAdmin: sequelize.Bool(true)}
				c.Must(users.Create(c.Ctx, u0))
				u, err := users.FindByPK(c.Ctx, *u0.ID)
				c.Must(err)
				c.Eq("JSON", insJSON(c, u), map[string]any{"id": float64(*u.ID), "username": "test.user", "age": 99.0, "isAdmin": true, "isUser": false, "level": nil})
			})
		})

		js.it("includes the eagerly loaded associations", func(c *C) {
			users, projects, projectsOf, lovelyUser := insJSONSetup(c)
			u := &insJSONUser{Username: insStr("fnord"), Age: insInt(1), IsAdmin: sequelize.Bool(true)}
			c.Must(users.Create(c.Ctx, u))
			p := &insJSONProject{Title: insStr("fnord")}
			c.Must(projects.Create(c.Ctx, p))
			c.Must(projectsOf.Set(c.Ctx, u, []*insJSONProject{p}))
			list, err := users.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: projectsOf}}})
			c.Must(err)
			c.Eq("projects", len(list[0].Projects), 1)
			if ps, ok := insJSON(c, list[0])["Projects"].([]any); !ok || len(ps) != 1 {
				c.Fatalf("JSON Projects = %v", insJSON(c, list[0])["Projects"])
			}
			ps, err := projects.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: lovelyUser}}})
			c.Must(err)
			if ps[0].LovelyUser == nil {
				c.Fatal("LovelyUser = nil")
			}
			if lu, ok := insJSON(c, ps[0])["LovelyUser"].(map[string]any); !ok || lu["username"] != "fnord" {
				c.Fatalf("JSON LovelyUser = %v", insJSON(c, ps[0])["LovelyUser"])
			}
		})
	})
}
