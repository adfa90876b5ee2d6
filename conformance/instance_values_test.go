package conformance_test

import (
	"context"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
)

const (
	insSetInstead = "Set assigns every attribute it is given, the primary key and the timestamps included, as assigning the struct field does; " +
		"what Save then writes for them is Save's concern."
	insSetWhy = "Set is a by-name way to assign struct fields, which Go code can assign directly anyway: a guard in Set would protect nothing."
	insGetter = "Attribute get/set functions, getterMethods and setterMethods: in Go a getter or a setter is a method of the struct " +
		"(see the package's getters/setters example), which get()/set() by name cannot reach."
	insPrevInstead = "Previous reports the value last read from or saved to the database: a built instance, never saved, has none (false); " +
		"after Create and Set it gives the saved values, as asserted here. There is no all-attributes form: Changed lists the attributes, Previous gives each."
	insPrevWhy = "The model tracks persisted state beside the user's plain struct; Build makes a plain new struct, with nothing persisted to remember."
)

var _ = listed(
	difference{File: "instance/values.test.js", Title: "Values/set/doesn't overwrite generated primary keys", Kind: deliberate, Instead: insSetInstead, Why: insSetWhy},
	difference{File: "instance/values.test.js", Title: "Values/set/doesn't overwrite defined primary keys", Kind: deliberate, Instead: insSetInstead, Why: insSetWhy},
	difference{File: "instance/values.test.js", Title: "Values/set/doesn't set timestamps", Kind: deliberate, Instead: insSetInstead, Why: insSetWhy},
	difference{
		File: "instance/values.test.js", Title: "Values/set/doesn't set underscored timestamps", Kind: deliberate,
		Instead: "Set takes attribute names: created_at (the column of createdAt) is refused with a *QueryError, and nothing is set.",
		Why:     "A value the caller gives is stored or refused, never silently dropped.",
	},
	difference{File: "instance/values.test.js", Title: "Values/set/doesn't set value if not a dynamic setter or a model attribute", Kind: goCannot, Why: insGetter},
	difference{
		File: "instance/values.test.js", Title: "Values/set/allows use of sequelize.fn and sequelize.col in date and bool fields", Kind: deliberate,
		Instead: insExprInstead, Why: insExprWhy,
	},
	difference{
		File: "instance/values.test.js", Title: "Values/set/includes/should support basic includes", Kind: goCannot,
		Why: "An include field is typed ([]*Tag, *User): the nested values are instances of the target by construction, and there is no build option to give.",
	},
	difference{
		File: "instance/values.test.js", Title: "Values/set/includes/should support basic includes (with raw: true)", Kind: goCannot,
		Why: "An include field is typed ([]*Tag, *User): the nested values are instances of the target by construction, and there is no raw set.",
	},
	difference{File: "instance/values.test.js", Title: "Values/get/should use custom attribute getters in get(key)", Kind: goCannot, Why: insGetter},
	difference{File: "instance/values.test.js", Title: "Values/get/should custom virtual getters in get(key)", Kind: goCannot, Why: insGetter},
	difference{File: "instance/values.test.js", Title: "Values/get/should use custom getters in toJSON", Kind: goCannot, Why: insGetter},
	difference{File: "instance/values.test.js", Title: "Values/get/should work with save", Kind: goCannot, Why: insGetter},
	difference{
		File: "instance/values.test.js", Title: "Values/get/plain/should return plain values when true", Kind: goCannot,
		Why: "Instances are plain structs: there is no instance/plain-object distinction for get({plain: true}) to make.",
	},
	difference{
		File: "instance/values.test.js", Title: "Values/get/clone/should copy the values", Kind: goCannot,
		Why: "get({clone: true}) is a copy of the struct, which is `v := *inst` in Go.",
	},
	difference{File: "instance/values.test.js", Title: "Values/get/can pass parameters to getters", Kind: goCannot, Why: insGetter},
	difference{File: "instance/values.test.js", Title: "Values/previous/should return an object with the previous values", Kind: deliberate, Instead: insPrevInstead, Why: insPrevWhy},
	difference{File: "instance/values.test.js", Title: "Values/previous/should return the previous value", Kind: deliberate, Instead: insPrevInstead, Why: insPrevWhy},
)

// insNamed is the {name: STRING} User of values.test.js.
type insNamed struct {
	ID                   int64
	Name                 string
	CreatedAt, UpdatedAt time.Time
}

// insIdentified is the {identifier: STRING primary key} User.
type insIdentified struct {
	Identifier           string `sequelize:"primaryKey"`
	CreatedAt, UpdatedAt *time.Time
}

func TestInstanceValues(t *testing.T) {
	js := port(t, "instance/values.test.js")
	js.describe("Values", func(js *suite) {
		js.describe("set", func(js *suite) {
			js.differs("doesn't overwrite generated primary keys", func(c *C) {
				users := sequelize.Define[insNamed](c.DB, sequelize.ModelOptions{ModelName: "User"})
				u, err := users.Build(sequelize.Values{"id": 1, "name": "Mick"})
				c.Must(err)
				c.Eq("id", u.ID, 1)
				c.Eq("name", u.Name, "Mick")
				c.Must(users.Set(u, sequelize.Values{"id": 2, "name": "Jan"}))
				c.Eq("id", u.ID, 2)
				c.Eq("name", u.Name, "Jan")
			})

			js.differs("doesn't overwrite defined primary keys", func(c *C) {
				users := sequelize.Define[insIdentified](c.DB, sequelize.ModelOptions{ModelName: "User"})
				u, err := users.Build(sequelize.Values{"identifier": "identifier"})
				c.Must(err)
				c.Eq("identifier", u.Identifier, "identifier")
				c.Must(users.Set(u, sequelize.Values{"identifier": "another identifier"}))
				c.Eq("identifier", u.Identifier, "another identifier")
			})

			js.differs("doesn't set timestamps", func(c *C) {
				users := sequelize.Define[insIdentified](c.DB, sequelize.ModelOptions{ModelName: "User"})
				u, err := users.Build(nil)
				c.Must(err)
				d := insLocal(2000, 1, 1)
				c.Must(users.Set(u, sequelize.Values{"createdAt": d, "updatedAt": d}))
				c.Eq("createdAt", u.CreatedAt, &d)
				c.Eq("updatedAt", u.UpdatedAt, &d)
			})

			js.differs("doesn't set underscored timestamps", func(c *C) {
				users := sequelize.Define[insIdentified](c.DB, sequelize.ModelOptions{ModelName: "User", Underscored: true})
				u, err := users.Build(nil)
				c.Must(err)
				d := insLocal(2000, 1, 1)
				var qerr *sequelize.QueryError
				c.ErrAs(users.Set(u, sequelize.Values{"created_at": d, "updated_at": d}), &qerr)
				c.Eq("createdAt", u.CreatedAt, (*time.Time)(nil))
				c.Eq("updatedAt", u.UpdatedAt, (*time.Time)(nil))
			})

			js.cannot("doesn't set value if not a dynamic setter or a model attribute")

			js.differs("allows use of sequelize.fn and sequelize.col in date and bool fields", func(c *C) {
				type user struct {
					ID          int64
					D           *time.Time
					B           *bool
					AlwaysFalse bool `sequelize:"field:always_false;defaultValue:false"`
				}
				users := sequelize.Define[user](c.DB, sequelize.ModelOptions{ModelName: "User", Timestamps: sequelize.Bool(false)})
				c.Sync()
				u := &user{}
				c.Must(users.Create(c.Ctx, u))
				now := sequelize.Fn("NOW")
				if c.Dialect == "sqlite" {
					now = sequelize.Fn("datetime", "now")
				}
				_, err := users.Update(c.Ctx, sequelize.Values{"d": now, "b": sequelize.Col("alwaysFalse")},
					sequelize.UpdateOptions{Where: sequelize.Where{"id": u.ID}})
				c.Must(err)
				c.Must(users.Reload(c.Ctx, u))
				if u.D == nil || time.Until(*u.D).Abs() > time.Minute {
					c.Fatalf("d = %v, want now", u.D)
				}
				c.Eq("b", u.B, sequelize.Bool(false))
			})

			js.describe("includes", func(js *suite) {
				js.cannot("should support basic includes")
				js.cannot("should support basic includes (with raw: true)")
			})
		})

		js.describe("get", func(js *suite) {
			js.cannot("should use custom attribute getters in get(key)")
			js.cannot("should custom virtual getters in get(key)")
			js.cannot("should use custom getters in toJSON")
			js.cannot("should work with save")
			js.describe("plain", func(js *suite) {
				js.cannot("should return plain values when true")
			})
			js.describe("clone", func(js *suite) {
				js.cannot("should copy the values")
			})
			js.cannot("can pass parameters to getters")
		})

		js.describe("changed", func(js *suite) {
			js.it("should return false if object was built from database", func(c *C) {
				users := sequelize.Define[insNamed](c.DB, sequelize.ModelOptions{ModelName: "User"})
				c.Sync()
				u0 := &insNamed{Name: "Jan Meier"}
				c.Must(users.Create(c.Ctx, u0))
				c.Eq("changed name", users.IsChanged(u0, "name"), false)
				c.Eq("changed", users.Changed(u0), []string(nil))
				list := []*insNamed{{Name: "Jan Meier"}}
				c.Must(users.BulkCreate(c.Ctx, list))
				c.Eq("changed name", users.IsChanged(list[0], "name"), false)
				c.Eq("changed", users.Changed(list[0]), []string(nil))
			})

			js.it("should return true if previous value is different", func(c *C) {
				users := sequelize.Define[insNamed](c.DB, sequelize.ModelOptions{ModelName: "User"})
				u, err := users.Build(sequelize.Values{"name": "Jan Meier"})
				c.Must(err)
				c.Must(users.Set(u, sequelize.Values{"name": "Mick Hansen"}))
				c.Eq("changed name", users.IsChanged(u, "name"), true)
				if len(users.Changed(u)) == 0 {
					c.Fatal("Changed is empty")
				}
			})

			js.it("should return false immediately after saving", func(c *C) {
				users := sequelize.Define[insNamed](c.DB, sequelize.ModelOptions{ModelName: "User"})
				c.Sync()
				u, err := users.Build(sequelize.Values{"name": "Jan Meier"})
				c.Must(err)
				c.Must(users.Set(u, sequelize.Values{"name": "Mick Hansen"}))
				c.Eq("changed name", users.IsChanged(u, "name"), true)
				c.Must(users.Save(c.Ctx, u))
				c.Eq("changed name after save", users.IsChanged(u, "name"), false)
				c.Eq("changed after save", users.Changed(u), []string(nil))
			})

			js.it("should be available to a afterUpdate hook", func(c *C) {
				c.Bug("Changed() empty inside AfterUpdate/AfterSave (fix-sec2)")
				users := sequelize.Define[insNamed](c.DB, sequelize.ModelOptions{ModelName: "User"})
				var changed []string
				users.AddHook(sequelize.AfterUpdate, "", func(_ context.Context, e *sequelize.HookEvent[insNamed]) error {
					changed = users.Changed(e.Instance)
					return nil
				})
				c.Sync()
				u := &insNamed{Name: "Ford Prefect"}
				c.Must(users.Create(c.Ctx, u))
				c.Must(users.Set(u, sequelize.Values{"name": "Arthur Dent"}))
				c.Must(users.Save(c.Ctx, u))
				if !insContains(changed, "name") {
					c.Fatalf("Changed in AfterUpdate = %v, want it to include name", changed)
				}
				c.Eq("changed after update", users.Changed(u), []string(nil))
			})
		})

		js.describe("previous", func(js *suite) {
			js.differs("should return an object with the previous values", func(c *C) {
				type user struct {
					ID                   int64
					Name, Title          string
					CreatedAt, UpdatedAt time.Time
				}
				users := sequelize.Define[user](c.DB, sequelize.ModelOptions{ModelName: "User"})
				c.Sync()
				u, err := users.Build(sequelize.Values{"name": "Jan Meier", "title": "Mr"})
				c.Must(err)
				if _, ok := users.Previous(u, "name"); ok {
					c.Fatal("a built instance has a previous name")
				}
				c.Must(users.Save(c.Ctx, u))
				c.Must(users.Set(u, sequelize.Values{"name": "Mick Hansen", "title": "Dr"}))
				previous := map[string]any{}
				for _, attr := range users.Changed(u) {
					previous[attr], _ = users.Previous(u, attr)
				}
				c.Eq("previous", previous, map[string]any{"name": "Jan Meier", "title": "Mr"})
			})

			js.differs("should return the previous value", func(c *C) {
				users := sequelize.Define[insNamed](c.DB, sequelize.ModelOptions{ModelName: "User"})
				c.Sync()
				u, err := users.Build(sequelize.Values{"name": "Jan Meier"})
				c.Must(err)
				if _, ok := users.Previous(u, "name"); ok {
					c.Fatal("a built instance has a previous name")
				}
				c.Must(users.Save(c.Ctx, u))
				c.Must(users.Set(u, sequelize.Values{"name": "Mick Hansen"}))
				prev, ok := users.Previous(u, "name")
				c.Eq("previous name", [2]any{prev, ok}, [2]any{"Jan Meier", true})
				c.Eq("name", u.Name, "Mick Hansen")
			})
		})
	})
}

func insContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
