package conformance_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
)

const (
	insStringInIntID = "The key is an INTEGER attribute, an int64 field in Go: the string the case puts in it cannot be put there, so its isInt validator has nothing to reject."
	insNotAString    = "email is a STRING (or TEXT) attribute, a string field in Go: an array or an object cannot be put in it, so there is nothing for validation to reject."
)

var _ = listed(
	difference{File: "instance.validations.test.js",
		Title: "InstanceValidator/#create/explicitly validating primary/auto incremented columns/should emit an error when we try to enter in a string for the id key without validation arguments",
		Kind:  goCannot, Why: insStringInIntID},
	difference{File: "instance.validations.test.js",
		Title: "InstanceValidator/#create/explicitly validating primary/auto incremented columns/should emit an error when we try to enter in a string for an auto increment key (not named id)",
		Kind:  goCannot, Why: insStringInIntID},
	difference{File: "instance.validations.test.js",
		Title: "InstanceValidator/#create/explicitly validating primary/auto incremented columns/primaryKey with the name as id with arguments for it's validatio/should emit an error when we try to enter in a string for the id key with validation arguments",
		Kind:  goCannot, Why: insStringInIntID},
	difference{File: "instance.validations.test.js",
		Title: "InstanceValidator/#create/explicitly validating primary/auto incremented columns/primaryKey with the name as id with arguments for it's validatio/should emit an error when we try to enter in a string for an auto increment key through .build().validate()",
		Kind:  goCannot, Why: insStringInIntID},
	difference{File: "instance.validations.test.js",
		Title: "InstanceValidator/#create/explicitly validating primary/auto incremented columns/primaryKey with the name as id with arguments for it's validatio/should emit an error when we try to .save()",
		Kind:  goCannot, Why: insStringInIntID},
	difference{File: "instance.validations.test.js", Title: "InstanceValidator/skips validations for fields with value that is SequelizeMethod", Kind: goCannot,
		Why: "field is an ENUM attribute, a string field in Go: it cannot hold sequelize.literal('5 + 1'); expressions are written with Update, whose Values are not validated, as in Sequelize."},
	difference{File: "instance.validations.test.js", Title: "InstanceValidator/raises an error for array on a STRING", Kind: goCannot, Why: insNotAString},
	difference{File: "instance.validations.test.js", Title: "InstanceValidator/raises an error for array on a STRING(20)", Kind: goCannot, Why: insNotAString},
	difference{File: "instance.validations.test.js", Title: "InstanceValidator/raises an error for array on a TEXT", Kind: goCannot, Why: insNotAString},
	difference{File: "instance.validations.test.js", Title: "InstanceValidator/raises an error for {} on a STRING", Kind: goCannot, Why: insNotAString},
	difference{File: "instance.validations.test.js", Title: "InstanceValidator/raises an error for {} on a STRING(20)", Kind: goCannot, Why: insNotAString},
	difference{File: "instance.validations.test.js", Title: "InstanceValidator/raises an error for {} on a TEXT", Kind: goCannot, Why: insNotAString},
	difference{File: "instance.validations.test.js", Title: "InstanceValidator/allows me to add custom validation functions to validator.js", Kind: goCannot,
		Why: "Validator.extend registers a validator by name for the whole process; a Go validator is a function given to the attribute (Validator.Fn), with no global registry to extend."},
)

// insValErr fails the case unless err is a *ValidationError, and returns it.
func insValErr(c *C, err error) *sequelize.ValidationError {
	c.Helper()
	var verr *sequelize.ValidationError
	c.ErrAs(err, &verr)
	return verr
}

// insFirstMessage is err.get(path)[0].message.
func insFirstMessage(c *C, verr *sequelize.ValidationError, path string) string {
	c.Helper()
	items := verr.Get(path)
	if len(items) == 0 {
		c.Fatalf("no %s item in %v", path, verr)
	}
	return items[0].Message
}

// insValModel is the {name: STRING notEmpty, allowNull: false} model.
type insValModel struct {
	ID                   int64
	Name                 string `sequelize:"allowNull:false" validate:"notEmpty"`
	CreatedAt, UpdatedAt time.Time
}

// insProject and insTask are Project and Task of the #create/generic block.
type insProject struct {
	ID                   int64
	Name                 string `sequelize:"allowNull:false;defaultValue:'unknown'" validate:"isIn(unknown,hello,test)"`
	CreatedAt, UpdatedAt time.Time
}

type insTask struct {
	ID                   int64
	Something            *int64
	ProjectID            *int64
	CreatedAt, UpdatedAt time.Time
}

func TestInstanceValidations(t *testing.T) {
	js := port(t, "instance.validations.test.js")
	js.describe("InstanceValidator", func(js *suite) {
		js.describe("#update", func(js *suite) {
			js.it("should allow us to update specific columns without tripping the validations", func(c *C) {
				type model struct {
					ID                   int64
					Username             string
					Email                string `sequelize:"allowNull:false"`
					CreatedAt, UpdatedAt time.Time
				}
				users := sequelize.Define[model](c.DB, sequelize.ModelOptions{ModelName: "model", Attributes: map[string]sequelize.AttributeOptions{
					"email": {Validate: []sequelize.Validator{{Name: "isEmail", Msg: "You must enter a valid email address"}}}}})
				c.Sync()
				u := &model{Username: "bob", Email: "hello@world.com"}
				c.Must(users.Create(c.Ctx, u))
				_, err := users.Update(c.Ctx, sequelize.Values{"username": "toni"}, sequelize.UpdateOptions{Where: sequelize.Where{"id": u.ID}})
				c.Must(err)
				u0, err := users.FindByPK(c.Ctx, 1)
				c.Must(err)
				c.Eq("username", u0.Username, "toni")
			})

			js.it("should be able to emit an error upon updating when a validation has failed from an instance", func(c *C) {
				models := sequelize.Define[insValModel](c.DB, sequelize.ModelOptions{ModelName: "model"})
				c.Sync()
				m := &insValModel{Name: "World"}
				c.Must(models.Create(c.Ctx, m))
				c.Must(models.Set(m, sequelize.Values{"name": ""}))
				verr := insValErr(c, models.Save(c.Ctx, m))
				c.Eq("message", insFirstMessage(c, verr, "name"), "Validation notEmpty on name failed")
			})

			js.it("should be able to emit an error upon updating when a validation has failed from the factory", func(c *C) {
				models := sequelize.Define[insValModel](c.DB, sequelize.ModelOptions{ModelName: "model"})
				c.Sync()
				c.Must(models.Create(c.Ctx, &insValModel{Name: "World"}))
				_, err := models.Update(c.Ctx, sequelize.Values{"name": ""}, sequelize.UpdateOptions{Where: sequelize.Where{"id": 1}})
				verr := insValErr(c, err)
				c.Eq("message", insFirstMessage(c, verr, "name"), "Validation notEmpty on name failed")
			})

			js.it("should enforce a unique constraint", func(c *C) {
				type model struct {
					ID                   int64
					UniqueName           string `sequelize:"unique:uniqueName"`
					CreatedAt, UpdatedAt time.Time
				}
				models := sequelize.Define[model](c.DB, sequelize.ModelOptions{ModelName: "model"})
				c.Sync()
				c.Must(models.Create(c.Ctx, &model{UniqueName: "unique name one"}))
				inst := &model{UniqueName: "unique name two"}
				c.Must(models.Create(c.Ctx, inst))
				_, err := models.Update(c.Ctx, sequelize.Values{"uniqueName": "unique name one"}, sequelize.UpdateOptions{Where: sequelize.Where{"id": inst.ID}})
				var uerr *sequelize.UniqueConstraintError
				c.ErrAs(err, &uerr)
				c.Eq("errors", len(uerr.Errors), 1)
				if !strings.Contains(uerr.Errors[0].Path, "uniqueName") || !strings.Contains(uerr.Errors[0].Message, "must be unique") {
					c.Fatalf("item = %+v", uerr.Errors[0])
				}
			})

			js.it("should allow a custom unique constraint error message", func(c *C) {
				type model struct {
					ID                   int64
					UniqueName           string `sequelize:"unique"`
					CreatedAt, UpdatedAt time.Time
				}
				models := sequelize.Define[model](c.DB, sequelize.ModelOptions{ModelName: "model", Attributes: map[string]sequelize.AttributeOptions{
					"uniqueName": {UniqueMsg: "custom unique error message"}}})
				c.Sync()
				c.Must(models.Create(c.Ctx, &model{UniqueName: "unique name one"}))
				inst := &model{UniqueName: "unique name two"}
				c.Must(models.Create(c.Ctx, inst))
				_, err := models.Update(c.Ctx, sequelize.Values{"uniqueName": "unique name one"}, sequelize.UpdateOptions{Where: sequelize.Where{"id": inst.ID}})
				var uerr *sequelize.UniqueConstraintError
				c.ErrAs(err, &uerr)
				c.Eq("errors", len(uerr.Errors), 1)
				if !strings.Contains(uerr.Errors[0].Path, "uniqueName") {
					c.Fatalf("item = %+v", uerr.Errors[0])
				}
				c.Eq("message", uerr.Errors[0].Message, "custom unique error message")
			})

			js.it("should handle multiple unique messages correctly", func(c *C) {
				type model struct {
					ID                   int64
					UniqueName1          string `sequelize:"unique"`
					UniqueName2          string `sequelize:"unique"`
					CreatedAt, UpdatedAt time.Time
				}
				models := sequelize.Define[model](c.DB, sequelize.ModelOptions{ModelName: "model", Attributes: map[string]sequelize.AttributeOptions{
					"uniqueName1": {UniqueMsg: "custom unique error message 1"},
					"uniqueName2": {UniqueMsg: "custom unique error message 2"}}})
				c.Sync()
				c.Must(models.Create(c.Ctx, &model{UniqueName1: "unique name one", UniqueName2: "unique name one"}))
				for i, tc := range []struct {
					rec  model
					path string
					msg  string
				}{
					{model{UniqueName1: "unique name one", UniqueName2: "this is ok"}, "uniqueName1", "custom unique error message 1"},
					{model{UniqueName1: "this is ok", UniqueName2: "unique name one"}, "uniqueName2", "custom unique error message 2"},
				} {
					var uerr *sequelize.UniqueConstraintError
					c.ErrAs(models.Create(c.Ctx, &tc.rec), &uerr)
					c.Eq("errors", len(uerr.Errors), 1)
					if !strings.Contains(uerr.Errors[0].Path, tc.path) {
						c.Fatalf("record %d: item = %+v", i+1, uerr.Errors[0])
					}
					c.Eq("message", uerr.Errors[0].Message, tc.msg)
				}
			})
		})

		js.describe("#create", func(js *suite) {
			js.describe("generic", func(js *suite) {
				setup := func(c *C) (*sequelize.Model[insProject], *sequelize.Model[insTask],
					*sequelize.HasOneAssociation[insProject, insTask], *sequelize.BelongsToAssociation[insTask, insProject]) {
					projects := sequelize.Define[insProject](c.DB, sequelize.ModelOptions{ModelName: "Project"})
					tasks := sequelize.Define[insTask](c.DB, sequelize.ModelOptions{ModelName: "Task"})
					taskOf := sequelize.HasOne(projects, tasks)
					projectOf := sequelize.BelongsTo(tasks, projects)
					c.Sync()
					return projects, tasks, taskOf, projectOf
				}

				js.it("correctly throws an error using create method ", func(c *C) {
					projects, _, _, _ := setup(c)
					verr := insValErr(c, projects.Create(c.Ctx, &insProject{Name: "nope"}))
					c.Eq("message", insFirstMessage(c, verr, "name"), "Validation isIn on name failed")
				})

				js.it("correctly validates using create method ", func(c *C) {
					projects, tasks, taskOf, projectOf := setup(c)
					p, err := projects.Build(nil) // name takes its default, 'unknown'
					c.Must(err)
					c.Must(projects.Save(c.Ctx, p))
					task := &insTask{Something: insInt(1)}
					c.Must(tasks.Create(c.Ctx, task))
					c.Must(taskOf.Set(c.Ctx, p, task))
					if task.ProjectID == nil {
						c.Fatal("task.ProjectId = nil after setTask")
					}
					c.Must(projectOf.Set(c.Ctx, task, p))
					got, err := tasks.FindByPK(c.Ctx, task.ID)
					c.Must(err)
					c.Eq("stored ProjectId", got.ProjectID, insInt(p.ID))
				})
			})

			js.describe("explicitly validating primary/auto incremented columns", func(js *suite) {
				js.cannot("should emit an error when we try to enter in a string for the id key without validation arguments")
				js.cannot("should emit an error when we try to enter in a string for an auto increment key (not named id)")
				js.describe("primaryKey with the name as id with arguments for it's validatio", func(js *suite) {
					js.cannot("should emit an error when we try to enter in a string for the id key with validation arguments")
					js.cannot("should emit an error when we try to enter in a string for an auto increment key through .build().validate()")
					js.cannot("should emit an error when we try to .save()")
				})
			})

			js.describe("pass all paths when validating", func(js *suite) {
				js.it("produce 3 errors", func(c *C) {
					type project struct {
						ID                   int64
						Name                 *string `sequelize:"allowNull:false" validate:"isIn(unknown,hello,test)"`
						CreatorName          *string `sequelize:"allowNull:false"`
						Cost                 *int64  `sequelize:"allowNull:false"`
						CreatedAt, UpdatedAt time.Time
					}
					projects := sequelize.Define[project](c.DB, sequelize.ModelOptions{ModelName: "Project"})
					c.Sync()
					verr := insValErr(c, projects.Create(c.Ctx, &project{}))
					c.Eq("errors", len(verr.Errors), 3)
				})
			})

			js.describe("not null schema validation", func(js *suite) {
				type project struct {
					ID                   int64
					Name                 *string `sequelize:"allowNull:false" validate:"isIn(unknown,hello,test)"`
					CreatedAt, UpdatedAt time.Time
				}
				js.it("correctly throws an error using create method ", func(c *C) {
					projects := sequelize.Define[project](c.DB, sequelize.ModelOptions{ModelName: "Project"})
					c.Sync()
					if err := projects.Create(c.Ctx, &project{}); err == nil {
						c.Fatal("Validation must be failed")
					}
					n, err := projects.Count(c.Ctx)
					c.Must(err)
					c.Eq("rows", n, 0)
				})

				js.it("correctly throws an error using create method with default generated messages", func(c *C) {
					projects := sequelize.Define[project](c.DB, sequelize.ModelOptions{ModelName: "Project"})
					c.Sync()
					verr := insValErr(c, projects.Create(c.Ctx, &project{}))
					c.Eq("name", verr.Name, "SequelizeValidationError")
					c.Eq("message", verr.Message, "notNull Violation: Project.name cannot be null")
					c.Eq("errors", len(verr.Errors), 1)
					c.Eq("item message", verr.Errors[0].Message, "Project.name cannot be null")
				})
			})
		})

		js.it("correctly validates using custom validation methods", func(c *C) {
			type user struct {
				ID   int64
				Name string
			}
			users := sequelize.Define[user](c.DB, sequelize.ModelOptions{ModelName: "UserCustom", Attributes: map[string]sequelize.AttributeOptions{
				"name": {Validate: []sequelize.Validator{{Name: "customFn", Fn: func(_ context.Context, v any) error {
					if v != "2" {
						return errors.New("name should equal '2'")
					}
					return nil
				}}}}}})
			verr := insValErr(c, users.Validate(c.Ctx, &user{Name: "3"}))
			c.Eq("message", insFirstMessage(c, verr, "name"), "name should equal '2'")
			c.Must(users.Validate(c.Ctx, &user{Name: "2"}))
		})

		js.it("supports promises with custom validation methods", func(c *C) {
			type user struct {
				ID   int64
				Name string
			}
			var users *sequelize.Model[user]
			users = sequelize.Define[user](c.DB, sequelize.ModelOptions{ModelName: "UserCustom", Attributes: map[string]sequelize.AttributeOptions{
				"name": {Validate: []sequelize.Validator{{Name: "customFn", Fn: func(ctx context.Context, v any) error {
					if _, err := users.FindAll(ctx); err != nil {
						return err
					}
					if v == "error" {
						return errors.New("Invalid username")
					}
					return nil
				}}}}}})
			c.Sync()
			verr := insValErr(c, users.Validate(c.Ctx, &user{Name: "error"}))
			c.Eq("message", insFirstMessage(c, verr, "name"), "Invalid username")
			c.Must(users.Validate(c.Ctx, &user{Name: "no error"}))
		})

		js.it("skips other validations if allowNull is true and the value is null", func(c *C) {
			type user struct {
				ID  int64
				Age *int64
			}
			users := sequelize.Define[user](c.DB, sequelize.ModelOptions{ModelName: "UserAge", Attributes: map[string]sequelize.AttributeOptions{
				"age": {Validate: []sequelize.Validator{{Name: "min", Args: []any{0}, Msg: "must be positive"}}}}})
			verr := insValErr(c, users.Validate(c.Ctx, &user{Age: insInt(-1)}))
			c.Eq("message", insFirstMessage(c, verr, "age"), "must be positive")
			c.Must(users.Validate(c.Ctx, &user{})) // and null skips it
		})

		js.it("validates a model with custom model-wide validation methods", func(c *C) {
			type foo struct {
				ID             int64
				Field1, Field2 *int64
			}
			foos := sequelize.Define[foo](c.DB, sequelize.ModelOptions{ModelName: "Foo", Validate: map[string]sequelize.ModelValidator{
				"xnor": func(_ context.Context, inst any) error {
					f := inst.(*foo)
					if (f.Field1 == nil) == (f.Field2 == nil) {
						return errors.New("xnor failed")
					}
					return nil
				}}})
			verr := insValErr(c, foos.Validate(c.Ctx, &foo{}))
			c.Eq("message", insFirstMessage(c, verr, "xnor"), "xnor failed")
			c.Must(foos.Validate(c.Ctx, &foo{Field1: insInt(33)}))
		})

		js.it("validates model with a validator whose arg is an Array successfully twice in a row", func(c *C) {
			type foo struct {
				ID  int64
				Bar string `validate:"isIn(a,b)"`
			}
			foos := sequelize.Define[foo](c.DB, sequelize.ModelOptions{ModelName: "Foo"})
			f, err := foos.Build(sequelize.Values{"bar": "a"})
			c.Must(err)
			c.Must(foos.Validate(c.Ctx, f))
			c.Must(foos.Validate(c.Ctx, f))
		})

		type insBar struct {
			ID    int64
			Field string `sequelize:"type:ENUM('value1','value2')" validate:"isIn(value1,value2)"`
		}

		js.it("validates enums", func(c *C) {
			bars := sequelize.Define[insBar](c.DB, sequelize.ModelOptions{ModelName: "Bar"})
			b, err := bars.Build(sequelize.Values{"field": "value3"})
			c.Must(err)
			verr := insValErr(c, bars.Validate(c.Ctx, b))
			c.Eq("field errors", len(verr.Get("field")), 1)
			c.Eq("message", insFirstMessage(c, verr, "field"), "Validation isIn on field failed")
		})

		js.it("skips validations for the given fields", func(c *C) {
			bars := sequelize.Define[insBar](c.DB, sequelize.ModelOptions{ModelName: "Bar"})
			b, err := bars.Build(sequelize.Values{"field": "value3"})
			c.Must(err)
			c.Must(bars.Validate(c.Ctx, b, sequelize.ValidateOptions{Skip: []string{"field"}}))
		})

		js.cannot("skips validations for fields with value that is SequelizeMethod")

		type insImmutable struct {
			ID                   int64
			Name                 string `validate:"isImmutable"`
			CreatedAt, UpdatedAt time.Time
		}

		js.it("raises an error if saving a different value into an immutable field", func(c *C) {
			users := sequelize.Define[insImmutable](c.DB, sequelize.ModelOptions{ModelName: "User"})
			c.Sync()
			u := &insImmutable{Name: "RedCat"}
			c.Must(users.Create(c.Ctx, u))
			c.Eq("name", u.Name, "RedCat")
			u.Name = "YellowCat"
			verr := insValErr(c, users.Save(c.Ctx, u))
			c.Eq("message", insFirstMessage(c, verr, "name"), "Validation isImmutable on name failed")
			got, err := users.FindByPK(c.Ctx, u.ID)
			c.Must(err)
			c.Eq("stored name", got.Name, "RedCat")
		})

		js.it("allows setting an immutable field if the record is unsaved", func(c *C) {
			users := sequelize.Define[insImmutable](c.DB, sequelize.ModelOptions{ModelName: "User"})
			u, err := users.Build(sequelize.Values{"name": "RedCat"})
			c.Must(err)
			c.Eq("name", u.Name, "RedCat")
			u.Name = "YellowCat"
			c.Must(users.Validate(c.Ctx, u))
		})

		for _, title := range []string{
			"raises an error for array on a STRING", "raises an error for array on a STRING(20)", "raises an error for array on a TEXT",
			"raises an error for {} on a STRING", "raises an error for {} on a STRING(20)", "raises an error for {} on a TEXT",
		} {
			js.cannot(title)
		}

		js.it("does not raise an error for null on a STRING (where null is allowed)", func(c *C) {
			type user struct {
				ID    int64
				Email *string
			}
			users := sequelize.Define[user](c.DB, sequelize.ModelOptions{ModelName: "User"})
			u, err := users.Build(sequelize.Values{"email": nil})
			c.Must(err)
			c.Must(users.Validate(c.Ctx, u))
		})

		js.it("validates VIRTUAL fields", func(c *C) {
			users := sequelize.Define[insVirtualUser](c.DB, sequelize.ModelOptions{ModelName: "user", Attributes: map[string]sequelize.AttributeOptions{
				"password": {Validate: []sequelize.Validator{{Name: "isLongEnough", Fn: func(_ context.Context, v any) error {
					if len(v.(string)) < 7 {
						return errors.New("Please choose a longer password")
					}
					return nil
				}}}}}})
			short := &insVirtualUser{Salt: "42"}
			short.SetPassword("short")
			verr := insValErr(c, users.Validate(c.Ctx, short))
			c.Eq("message", insFirstMessage(c, verr, "password"), "Please choose a longer password")
			long := &insVirtualUser{Salt: "42"}
			long.SetPassword("loooooooong")
			c.Must(users.Validate(c.Ctx, long))
			c.Eq("password_hash", long.PasswordHash, "42loooooooong")
		})

		js.cannot("allows me to add custom validation functions to validator.js")
	})
}

// insVirtualUser is the user of "validates VIRTUAL fields": password is
// VIRTUAL, and its setter (a Go method) fills password_hash.
type insVirtualUser struct {
	ID           int64
	PasswordHash string `sequelize:"field:password_hash"`
	Salt         string
	Password     string `sequelize:"type:VIRTUAL"`
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// SetPassword is password's setter.
func (u *insVirtualUser) SetPassword(v string) {
	u.Password = v
	u.PasswordHash = u.Salt + v
}
