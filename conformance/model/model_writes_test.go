package model_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/op"
)

// mw2User is the User of model.test.js's beforeEach.
type mw2User struct {
	ID          int64
	Username    *string
	SecretValue *string
	Data        *string
	IntVal      *int64 `sequelize:"type:INTEGER"`
	TheDate     *time.Time
	ABool       *bool
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// mw2Setup is model.test.js's beforeEach: User, synced.
func mw2Setup(c *C) *sequelize.Model[mw2User] {
	c.Helper()
	return mwDefine[mw2User](c, sequelize.ModelOptions{ModelName: "User"})
}

// mw2Data is the { username, secretValue } rows most cases bulk-create.
func mw2Data(pairs ...string) []*mw2User {
	var out []*mw2User
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, &mw2User{Username: mwStr(pairs[i]), SecretValue: mwStr(pairs[i+1])})
	}
	return out
}

// mw2PeterPaulBob is the three rows of most update and destroy cases.
func mw2PeterPaulBob() []*mw2User { return mw2Data("Peter", "42", "Paul", "42", "Bob", "43") }

// mw2Named is the one-attribute User several cases define.
type mw2Named struct {
	ID        int64
	Username  *string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// mw2ParanoidNamed is mw2Named, paranoid.
type mw2ParanoidNamed struct {
	ID        int64
	Username  *string
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
}

// mw2ParanoidUser is the ParanoidUser of "sets deletedAt to the current
// timestamp" and "restores a previously deleted model".
type mw2ParanoidUser struct {
	ID          int64
	Username    *string
	SecretValue *string
	Data        *string
	IntVal      int64 `sequelize:"type:INTEGER;defaultValue:1"`
	CreatedAt   time.Time
	UpdatedAt   time.Time
	DeletedAt   *time.Time
}

// mw2UserCol is the paranoid UserCol of the destroy cases.
type mw2UserCol struct {
	ID          int64
	SecretValue *string
	Username    *string
	CreatedAt   time.Time
	UpdatedAt   time.Time
	DeletedAt   *time.Time
}

// mw2Owner and mw2Pet are the paranoid User hasMany Pet of "should include
// deleted associated records if include has paranoid marked as false".
type mw2Owner struct {
	ID        int64
	Username  *string
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
	Pets      []*mw2Pet
}

type mw2Pet struct {
	ID        int64
	Name      *string
	UserID    *int64 `sequelize:"type:INTEGER"`
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
	User      *mw2Owner
}

// mw2Usernames returns the usernames of users, in order.
func mw2Usernames[T any](users []*T, name func(*T) *string) []string {
	out := make([]string, len(users))
	for i, u := range users {
		if n := name(u); n != nil {
			out[i] = *n
		}
	}
	return out
}

func mw2UserName(u *mw2User) *string { return u.Username }

const mw2Undefined = "Go has no undefined: a Where key is there with a value (nil is IS NULL) or it is not there, so there is no undefined value to reject."

const mw2VirtualSetter = "Model.update runs the VIRTUAL attribute's setter on a built instance and writes the attributes it sets (unless sideEffects: false); " +
	"a Go setter is a method of the struct, which Update's Values cannot run: the caller passes the attributes themselves."

var _ = listed(
	difference{
		File: "model.test.js", Title: "update/throws an error if where has a key with undefined value", Kind: goCannot, Why: mw2Undefined,
	},
	difference{
		File: "model.test.js", Title: "destroy/throws an error if where has a key with undefined value", Kind: goCannot, Why: mw2Undefined,
	},
	difference{
		File: "model.test.js", Title: "update/doesn't update attributes that are altered by virtual setters when option is enabled", Kind: goCannot, Why: mw2VirtualSetter,
	},
	difference{
		File: "model.test.js", Title: "update/updates attributes that are altered by virtual setters", Kind: goCannot, Why: mw2VirtualSetter,
	},
	difference{
		File: "model.test.js", Title: "update/does not update virtual attributes", Kind: deliberate,
		Instead: "Update with a value for a VIRTUAL attribute fails with a *QueryError saying that the attribute is VIRTUAL, and writes nothing; without it the other values are written.",
		Why:     "A VIRTUAL has no column and Go has no attribute setters to turn its value into other attributes: a value the caller gives is stored or refused, never silently dropped.",
	},
)

func TestModelWrites(t *testing.T) {
	js := port(t, "model.test.js")

	js.Describe("update", func(js *suite) {
		js.It("throws an error if no where clause is given", func(c *C) {
			users := mwDefine[mw2Named](c, sequelize.ModelOptions{ModelName: "User"})
			_, err := users.Update(c.Ctx, sequelize.Values{}, sequelize.UpdateOptions{})
			var qe *sequelize.QueryError
			c.ErrAs(err, &qe)
			if !strings.Contains(strings.ToLower(err.Error()), "where") {
				c.Fatalf("err = %v, want it to name the missing where", err)
			}
		})

		js.It("should map the correct fields when updating instance (#10589)", func(c *C) {
			type mw2Swapped struct {
				ID3       int64 `sequelize:"type:INTEGER;field:id;primaryKey"`
				ID        int64 `sequelize:"type:INTEGER;field:id2;allowNull:false"`
				ID2       int64 `sequelize:"type:INTEGER;field:id3;allowNull:false"`
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			users := mwDefine[mw2Swapped](c, sequelize.ModelOptions{ModelName: "User"})
			c.Must(users.Create(c.Ctx, &mw2Swapped{ID3: 94, ID: 87, ID2: 943}))
			u, err := users.FindByPK(c.Ctx, 94)
			c.Must(err)
			c.Must(users.Set(u, sequelize.Values{"id2": 8877}))
			c.Must(users.Save(c.Ctx, u))
			got, err := users.FindByPK(c.Ctx, 94)
			c.Must(err)
			c.Eq("id2", got.ID2, 8877)
			c.Eq("id", got.ID, 87)
		})

		js.It("supports transactions", func(c *C) {
			c.File() // reads beside a write transaction need SQLite's WAL
			users := mwDefine[mw2Named](c, sequelize.ModelOptions{ModelName: "User"})
			c.Must(users.Create(c.Ctx, &mw2Named{Username: mwStr("foo")}))
			tx, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			defer tx.Rollback(c.Ctx)
			_, err = users.Update(c.Ctx, sequelize.Values{"username": "bar"}, sequelize.UpdateOptions{Where: sequelize.Where{"username": "foo"}, Transaction: tx})
			c.Must(err)
			users1, err := users.FindAll(c.Ctx)
			c.Must(err)
			users2, err := users.FindAll(c.Ctx, sequelize.FindOptions{Transaction: tx})
			c.Must(err)
			c.Eq("username outside", *users1[0].Username, "foo")
			c.Eq("username inside", *users2[0].Username, "bar")
			c.Must(tx.Rollback(c.Ctx))
		})

		js.It("updates the attributes that we select only without updating createdAt", func(c *C) {
			type mw2Secret struct {
				ID          int64
				Username    *string
				SecretValue *string
				CreatedAt   time.Time
				UpdatedAt   time.Time
				DeletedAt   *time.Time
			}
			users := mwDefine[mw2Secret](c, sequelize.ModelOptions{ModelName: "User1", Paranoid: true})
			u := &mw2Secret{Username: mwStr("Peter"), SecretValue: mwStr("42")}
			c.Must(users.Create(c.Ctx, u))
			c.AgeTimestamps(users.TableName())
			c.Must(users.Reload(c.Ctx, u))
			createdAt := u.CreatedAt
			logger, rec := mwRecorder()
			c.Must(users.Set(u, sequelize.Values{"secretValue": "43"}))
			c.Must(users.Save(c.Ctx, u, sequelize.SaveOptions{Fields: []string{"secretValue"}, Logging: logger}))
			stmts := rec.All()
			c.Eq("statements", len(stmts), 1)
			sql := stmts[0]
			if !strings.HasPrefix(strings.ToUpper(sql), "UPDATE") || !strings.Contains(sql, "secretValue") || !strings.Contains(sql, "updatedAt") ||
				strings.Contains(sql, "createdAt") || strings.Contains(sql, "username") {
				c.Fatalf("statement %q: want an UPDATE of secretValue and updatedAt only", sql)
			}
			got, err := users.FindByPK(c.Ctx, u.ID)
			c.Must(err)
			c.Eq("secretValue", *got.SecretValue, "43")
			c.Eq("createdAt", got.CreatedAt.UTC(), createdAt.UTC())
		})

		js.It("allows sql logging of updated statements", func(c *C) {
			type mw2Bio struct {
				ID        int64
				Name      *string
				Bio       *string `sequelize:"type:TEXT"`
				CreatedAt time.Time
				UpdatedAt time.Time
				DeletedAt *time.Time
			}
			users := mwDefine[mw2Bio](c, sequelize.ModelOptions{ModelName: "User", Paranoid: true})
			u := &mw2Bio{Name: mwStr("meg"), Bio: mwStr("none")}
			c.Must(users.Create(c.Ctx, u))
			logger, rec := mwRecorder()
			c.Must(users.Set(u, sequelize.Values{"name": "brian"}))
			c.Must(users.Save(c.Ctx, u, sequelize.SaveOptions{Logging: logger}))
			stmts := rec.All()
			if len(stmts) == 0 {
				c.Fatal("nothing logged")
			}
			for _, s := range stmts {
				if !strings.Contains(strings.ToUpper(s), "UPDATE") {
					c.Fatalf("logged %q, want an UPDATE", s)
				}
			}
		})

		js.It("updates only values that match filter", func(c *C) {
			users := mw2Setup(c)
			c.Must(users.BulkCreate(c.Ctx, mw2PeterPaulBob()))
			_, err := users.Update(c.Ctx, sequelize.Values{"username": "Bill"}, sequelize.UpdateOptions{Where: sequelize.Where{"secretValue": "42"}})
			c.Must(err)
			got, err := users.FindAll(c.Ctx, sequelize.FindOptions{Order: sequelize.Order{{"id"}}})
			c.Must(err)
			c.Eq("rows", len(got), 3)
			for _, u := range got {
				if *u.SecretValue == "42" {
					c.Eq("username", *u.Username, "Bill")
				} else {
					c.Eq("username", *u.Username, "Bob")
				}
			}
		})

		js.Cannot("throws an error if where has a key with undefined value")

		js.It("updates only values that match the allowed fields", func(c *C) {
			users := mw2Setup(c)
			c.Must(users.BulkCreate(c.Ctx, mw2Data("Peter", "42")))
			_, err := users.Update(c.Ctx, sequelize.Values{"username": "Bill", "secretValue": "43"},
				sequelize.UpdateOptions{Where: sequelize.Where{"secretValue": "42"}, Fields: []string{"username"}})
			c.Must(err)
			got, err := users.FindAll(c.Ctx, sequelize.FindOptions{Order: sequelize.Order{{"id"}}})
			c.Must(err)
			c.Eq("rows", len(got), 1)
			c.Eq("username", *got[0].Username, "Bill")
			c.Eq("secretValue", *got[0].SecretValue, "42")
		})

		js.It("updates with casting", func(c *C) {
			users := mw2Setup(c)
			c.Must(users.Create(c.Ctx, &mw2User{Username: mwStr("John")}))
			_, err := users.Update(c.Ctx, sequelize.Values{"username": sequelize.Cast("1", "char")},
				sequelize.UpdateOptions{Where: sequelize.Where{"username": "John"}})
			c.Must(err)
			got, err := users.FindOne(c.Ctx)
			c.Must(err)
			c.Eq("username", *got.Username, "1")
		})

		js.It("updates with function and column value", func(c *C) {
			users := mw2Setup(c)
			c.Must(users.Create(c.Ctx, &mw2User{Username: mwStr("John")}))
			_, err := users.Update(c.Ctx, sequelize.Values{"username": sequelize.Fn("upper", sequelize.Col("username"))},
				sequelize.UpdateOptions{Where: sequelize.Where{"username": "John"}})
			c.Must(err)
			got, err := users.FindOne(c.Ctx)
			c.Must(err)
			c.Eq("username", *got.Username, "JOHN")
		})

		js.Differs("does not update virtual attributes", func(c *C) {
			type mw2Virtual struct {
				ID        int64
				Username  *string
				Virtual   *string `sequelize:"type:VIRTUAL"`
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			users := mwDefine[mw2Virtual](c, sequelize.ModelOptions{ModelName: "User"})
			c.Must(users.Create(c.Ctx, &mw2Virtual{Username: mwStr("jan")}))
			logger, rec := mwRecorder()
			_, err := users.Update(c.Ctx, sequelize.Values{"username": "kurt", "virtual": "test"},
				sequelize.UpdateOptions{Where: sequelize.Where{"username": "jan"}, Logging: logger})
			var qe *sequelize.QueryError
			c.ErrAs(err, &qe)
			if !strings.Contains(err.Error(), "virtual") || !strings.Contains(err.Error(), "VIRTUAL") {
				c.Fatalf("err = %v, want it to name the VIRTUAL attribute virtual", err)
			}
			c.Eq("statements", len(rec.All()), 0)
			_, err = users.Update(c.Ctx, sequelize.Values{"username": "kurt"}, sequelize.UpdateOptions{Where: sequelize.Where{"username": "jan"}})
			c.Must(err)
			got, err := users.FindOne(c.Ctx)
			c.Must(err)
			c.Eq("username", *got.Username, "kurt")
			if got.Virtual != nil {
				c.Fatalf("virtual = %q, want nil", *got.Virtual)
			}
		})

		js.Cannot("doesn't update attributes that are altered by virtual setters when option is enabled")
		js.Cannot("updates attributes that are altered by virtual setters")

		js.It("should properly set data when individualHooks are true", func(c *C) {
			users := mw2Setup(c)
			users.AddHook(sequelize.BeforeUpdate, "", func(_ context.Context, e *sequelize.HookEvent[mw2User]) error {
				return users.Set(e.Instance, sequelize.Values{"intVal": 1})
			})
			u := &mw2User{Username: mwStr("Peter")}
			c.Must(users.Create(c.Ctx, u))
			_, err := users.Update(c.Ctx, sequelize.Values{"data": "test"}, sequelize.UpdateOptions{Where: sequelize.Where{"id": u.ID}, IndividualHooks: true})
			c.Must(err)
			got, err := users.FindByPK(c.Ctx, u.ID)
			c.Must(err)
			if got.IntVal == nil {
				c.Fatal("intVal = nil, want 1")
			}
			c.Eq("intVal", *got.IntVal, 1)
			c.Eq("data", *got.Data, "test")
		})

		js.It("sets updatedAt to the current timestamp", func(c *C) {
			users := mw2Setup(c)
			c.Must(users.BulkCreate(c.Ctx, mw2PeterPaulBob()))
			got, err := users.FindAll(c.Ctx, sequelize.FindOptions{Order: sequelize.Order{{"id"}}})
			c.Must(err)
			if got[0].UpdatedAt.IsZero() {
				c.Fatal("updatedAt not set")
			}
			c.Eq("updatedAt of the rows created together", got[2].UpdatedAt.UTC(), got[0].UpdatedAt.UTC())
			old := c.AgeTimestamps(users.TableName()) // this.clock.tick(1000)
			_, err = users.Update(c.Ctx, sequelize.Values{"username": "Bill"}, sequelize.UpdateOptions{Where: sequelize.Where{"secretValue": "42"}})
			c.Must(err)
			got, err = users.FindAll(c.Ctx, sequelize.FindOptions{Order: sequelize.Order{{"id"}}})
			c.Must(err)
			c.Eq("usernames", mw2Usernames(got, mw2UserName), []string{"Bill", "Bill", "Bob"})
			if !got[0].UpdatedAt.After(old) {
				c.Fatalf("updatedAt = %v, want after %v", got[0].UpdatedAt, old)
			}
			c.Eq("updatedAt of the row not updated", got[2].UpdatedAt.UTC(), old)
		})

		js.It("returns the number of affected rows", func(c *C) {
			users := mw2Setup(c)
			c.Must(users.BulkCreate(c.Ctx, mw2PeterPaulBob()))
			n, err := users.Update(c.Ctx, sequelize.Values{"username": "Bill"}, sequelize.UpdateOptions{Where: sequelize.Where{"secretValue": "42"}})
			c.Must(err)
			c.Eq("affected rows", n, 2)
			n, err = users.Update(c.Ctx, sequelize.Values{"username": "Bill"}, sequelize.UpdateOptions{Where: sequelize.Where{"secretValue": "44"}})
			c.Must(err)
			c.Eq("affected rows", n, 0)
		})

		js.It("does not update soft deleted records when model is paranoid", func(c *C) {
			users := mwDefine[mw2ParanoidNamed](c, sequelize.ModelOptions{ModelName: "ParanoidUser", Paranoid: true})
			c.Must(users.BulkCreate(c.Ctx, []*mw2ParanoidNamed{{Username: mwStr("user1")}, {Username: mwStr("user2")}}))
			_, err := users.Destroy(c.Ctx, sequelize.DestroyOptions{Where: sequelize.Where{"username": "user1"}})
			c.Must(err)
			_, err = users.Update(c.Ctx, sequelize.Values{"username": "foo"}, sequelize.UpdateOptions{Where: sequelize.Where{}})
			c.Must(err)
			got, err := users.FindAll(c.Ctx, sequelize.FindOptions{Paranoid: sequelize.Bool(false), Where: sequelize.Where{"username": "foo"}})
			c.Must(err)
			c.Eq("rows updated (should not update soft-deleted record)", len(got), 1)
		})

		js.It("updates soft deleted records when paranoid is overridden", func(c *C) {
			users := mwDefine[mw2ParanoidNamed](c, sequelize.ModelOptions{ModelName: "ParanoidUser", Paranoid: true})
			c.Must(users.BulkCreate(c.Ctx, []*mw2ParanoidNamed{{Username: mwStr("user1")}, {Username: mwStr("user2")}}))
			_, err := users.Destroy(c.Ctx, sequelize.DestroyOptions{Where: sequelize.Where{"username": "user1"}})
			c.Must(err)
			_, err = users.Update(c.Ctx, sequelize.Values{"username": "foo"}, sequelize.UpdateOptions{Where: sequelize.Where{}, Paranoid: sequelize.Bool(false)})
			c.Must(err)
			got, err := users.FindAll(c.Ctx, sequelize.FindOptions{Paranoid: sequelize.Bool(false), Where: sequelize.Where{"username": "foo"}})
			c.Must(err)
			c.Eq("rows updated", len(got), 2)
		})

		js.It("calls update hook for soft deleted objects", func(c *C) {
			users := sequelize.Define[mw2ParanoidNamed](c.DB, sequelize.ModelOptions{ModelName: "User", Paranoid: true})
			called := 0
			users.AddHook(sequelize.BeforeUpdate, "spy", func(context.Context, *sequelize.HookEvent[mw2ParanoidNamed]) error {
				called++
				return nil
			})
			c.Sync()
			c.Must(users.BulkCreate(c.Ctx, []*mw2ParanoidNamed{{Username: mwStr("user1")}}))
			_, err := users.Destroy(c.Ctx, sequelize.DestroyOptions{Where: sequelize.Where{"username": "user1"}})
			c.Must(err)
			_, err = users.Update(c.Ctx, sequelize.Values{"username": "updUser1"},
				sequelize.UpdateOptions{Paranoid: sequelize.Bool(false), Where: sequelize.Where{"username": "user1"}, IndividualHooks: true})
			c.Must(err)
			u, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "updUser1"}, Paranoid: sequelize.Bool(false)})
			c.Must(err)
			if u == nil {
				c.Fatal("the soft-deleted row was not updated")
			}
			c.Eq("username", *u.Username, "updUser1")
			if called == 0 {
				c.Fatal("beforeUpdate was not called")
			}
		})

		js.It("returns the affected rows if `options.returning` is true", func(c *C) {
			c.Only("postgres")
			users := mw2Setup(c)
			c.Must(users.BulkCreate(c.Ctx, mw2PeterPaulBob()))
			rows, err := users.UpdateReturning(c.Ctx, sequelize.Values{"username": "Bill"}, sequelize.UpdateOptions{Where: sequelize.Where{"secretValue": "42"}})
			c.Must(err)
			c.Eq("rows", len(rows), 2)
			for _, r := range rows {
				c.Eq("username", *r.Username, "Bill")
			}
			rows, err = users.UpdateReturning(c.Ctx, sequelize.Values{"username": "Bill"}, sequelize.UpdateOptions{Where: sequelize.Where{"secretValue": "44"}})
			c.Must(err)
			c.Eq("rows", len(rows), 0)
		})

		js.It("supports limit clause", func(c *C) {
			c.Only("mysql")
			users := mw2Setup(c)
			c.Must(users.BulkCreate(c.Ctx, mw2Data("Peter", "42", "Peter", "42", "Peter", "42")))
			n, err := users.Update(c.Ctx, sequelize.Values{"secretValue": "43"}, sequelize.UpdateOptions{Where: sequelize.Where{"username": "Peter"}, Limit: 1})
			c.Must(err)
			c.Eq("affected rows", n, 1)
		})
	})

	js.Describe("destroy", func(js *suite) {
		named := func(c *C) *sequelize.Model[mw2Named] {
			c.Helper()
			users := mwDefine[mw2Named](c, sequelize.ModelOptions{ModelName: "User"})
			c.Must(users.BulkCreate(c.Ctx, []*mw2Named{{Username: mwStr("user1")}, {Username: mwStr("user2")}}))
			return users
		}
		count := func(c *C, n func(context.Context, ...sequelize.CountOptions) (int64, error), o ...sequelize.CountOptions) int64 {
			c.Helper()
			k, err := n(c.Ctx, o...)
			c.Must(err)
			return k
		}

		js.It("`truncate` method should clear the table", func(c *C) {
			users := named(c)
			c.Must(users.Truncate(c.Ctx))
			c.Eq("rows", count(c, users.Count), 0)
		})

		js.It("`truncate` option should clear the table", func(c *C) {
			users := named(c)
			_, err := users.Destroy(c.Ctx, sequelize.DestroyOptions{Truncate: true})
			c.Must(err)
			c.Eq("rows", count(c, users.Count), 0)
		})

		js.It("`truncate` option returns a number", func(c *C) {
			users := named(c)
			n, err := users.Destroy(c.Ctx, sequelize.DestroyOptions{Truncate: true})
			c.Must(err)
			c.Eq("rows", count(c, users.Count), 0)
			if n < 0 {
				c.Fatalf("affected rows = %d", n)
			}
		})

		js.It("throws an error if no where clause is given", func(c *C) {
			users := mwDefine[mw2Named](c, sequelize.ModelOptions{ModelName: "User"})
			_, err := users.Destroy(c.Ctx, sequelize.DestroyOptions{})
			var qe *sequelize.QueryError
			c.ErrAs(err, &qe)
			if !strings.Contains(err.Error(), "Missing where or truncate attribute in the options parameter") {
				c.Fatalf("err = %v", err)
			}
		})

		js.It("deletes all instances when given an empty where object", func(c *C) {
			users := named(c)
			n, err := users.Destroy(c.Ctx, sequelize.DestroyOptions{Where: sequelize.Where{}})
			c.Must(err)
			c.Eq("affected rows", n, 2)
			c.Eq("rows", count(c, users.Count), 0)
		})

		js.Cannot("throws an error if where has a key with undefined value")

		js.It("supports transactions", func(c *C) {
			c.File() // reads beside a write transaction need SQLite's WAL
			users := mwDefine[mw2Named](c, sequelize.ModelOptions{ModelName: "User"})
			c.Must(users.Create(c.Ctx, &mw2Named{Username: mwStr("foo")}))
			tx, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			defer tx.Rollback(c.Ctx)
			_, err = users.Destroy(c.Ctx, sequelize.DestroyOptions{Where: sequelize.Where{}, Transaction: tx})
			c.Must(err)
			c.Eq("count outside", count(c, users.Count), 1)
			c.Eq("count inside", count(c, users.Count, sequelize.CountOptions{Transaction: tx}), 0)
			c.Must(tx.Rollback(c.Ctx))
		})

		js.It("deletes values that match filter", func(c *C) {
			users := mw2Setup(c)
			c.Must(users.BulkCreate(c.Ctx, mw2PeterPaulBob()))
			_, err := users.Destroy(c.Ctx, sequelize.DestroyOptions{Where: sequelize.Where{"secretValue": "42"}})
			c.Must(err)
			got, err := users.FindAll(c.Ctx, sequelize.FindOptions{Order: sequelize.Order{{"id"}}})
			c.Must(err)
			c.Eq("usernames", mw2Usernames(got, mw2UserName), []string{"Bob"})
		})

		js.It("works without a primary key", func(c *C) {
			type mw2Log struct {
				ClientID  *int64     `sequelize:"type:INTEGER;field:client_id"`
				Content   *string    `sequelize:"type:TEXT"`
				Timestamp *time.Time `sequelize:"type:DATE"`
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			logs := mwDefine[mw2Log](c, sequelize.ModelOptions{ModelName: "Log",
				Attributes: map[string]sequelize.AttributeOptions{"id": {Ignore: true}}})
			now := time.Now()
			c.Must(logs.Create(c.Ctx, &mw2Log{ClientID: mwInt(13), Content: mwStr("Error!"), Timestamp: &now}))
			_, err := logs.Destroy(c.Ctx, sequelize.DestroyOptions{Where: sequelize.Where{"clientId": 13}})
			c.Must(err)
			c.Eq("rows", count(c, logs.Count), 0)
		})

		js.It("supports .field", func(c *C) {
			type mw2UserProject struct {
				ID        int64
				UserID    *int64 `sequelize:"type:INTEGER;field:user_id"`
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			ups := mwDefine[mw2UserProject](c, sequelize.ModelOptions{ModelName: "UserProject"})
			c.Must(ups.Create(c.Ctx, &mw2UserProject{UserID: mwInt(10)}))
			_, err := ups.Destroy(c.Ctx, sequelize.DestroyOptions{Where: sequelize.Where{"userId": 10}})
			c.Must(err)
			c.Eq("rows", count(c, ups.Count), 0)
		})

		js.It("sets deletedAt to the current timestamp if paranoid is true", func(c *C) {
			users := mwDefine[mw2ParanoidUser](c, sequelize.ModelOptions{ModelName: "ParanoidUser", Paranoid: true})
			c.Must(users.BulkCreate(c.Ctx, []*mw2ParanoidUser{
				{Username: mwStr("Peter"), SecretValue: mwStr("42")}, {Username: mwStr("Paul"), SecretValue: mwStr("42")},
				{Username: mwStr("Bob"), SecretValue: mwStr("43")}}))
			before := time.Now().Add(-time.Second)
			_, err := users.Destroy(c.Ctx, sequelize.DestroyOptions{Where: sequelize.Where{"secretValue": "42"}})
			c.Must(err)
			after := time.Now().Add(time.Second)
			got, err := users.FindAll(c.Ctx, sequelize.FindOptions{Order: sequelize.Order{{"id"}}})
			c.Must(err)
			c.Eq("usernames", mw2Usernames(got, func(u *mw2ParanoidUser) *string { return u.Username }), []string{"Bob"})
			type mw2Deleted struct {
				Username  string
				DeletedAt time.Time
			}
			q := `SELECT * FROM ` + c.Quote("ParanoidUsers") + ` WHERE ` + c.Quote("deletedAt") + ` IS NOT NULL ORDER BY ` + c.Quote("id")
			deleted, err := sequelize.QueryAs[mw2Deleted](c.Ctx, c.DB, q)
			c.Must(err)
			c.Eq("deleted rows", len(deleted), 2)
			c.Eq("deleted 0", deleted[0].Username, "Peter")
			c.Eq("deleted 1", deleted[1].Username, "Paul")
			for _, d := range deleted {
				// the JS case compares the minute; the second is enough here
				if d.DeletedAt.Before(before.Truncate(time.Second)) || d.DeletedAt.After(after) {
					c.Fatalf("deletedAt = %v, want the time of the destroy (%v .. %v)", d.DeletedAt, before, after)
				}
			}
		})

		js.It("does not set deletedAt for previously destroyed instances if paranoid is true", func(c *C) {
			users := mwDefine[mw2UserCol](c, sequelize.ModelOptions{ModelName: "UserCol", Paranoid: true})
			c.Must(users.BulkCreate(c.Ctx, []*mw2UserCol{
				{Username: mwStr("Toni"), SecretValue: mwStr("42")}, {Username: mwStr("Tobi"), SecretValue: mwStr("42")},
				{Username: mwStr("Max"), SecretValue: mwStr("42")}}))
			u, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Must(users.DestroyInstance(c.Ctx, u))
			// Age the first deletion, so that a second one could not leave
			// the same time by chance (the JS case runs on a fake clock).
			old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
			_, err = c.DB.Query(c.Ctx, `UPDATE `+c.Quote(users.TableName())+` SET `+c.Quote("deletedAt")+` = ? WHERE `+c.Quote("id")+` = 1`,
				sequelize.QueryOptions{Replacements: []any{old}})
			c.Must(err)
			c.Must(users.Reload(c.Ctx, u, sequelize.FindOptions{Paranoid: sequelize.Bool(false)}))
			deletedAt := *u.DeletedAt
			c.Eq("deletedAt", deletedAt.UTC(), old)
			_, err = users.Destroy(c.Ctx, sequelize.DestroyOptions{Where: sequelize.Where{"secretValue": "42"}})
			c.Must(err)
			c.Must(users.Reload(c.Ctx, u, sequelize.FindOptions{Paranoid: sequelize.Bool(false)}))
			c.Eq("deletedAt after the second destroy", u.DeletedAt.UTC(), deletedAt.UTC())
		})

		paranoidTrio := func(c *C) *sequelize.Model[mw2UserCol] {
			c.Helper()
			users := mwDefine[mw2UserCol](c, sequelize.ModelOptions{ModelName: "UserCol", Paranoid: true})
			c.Must(users.BulkCreate(c.Ctx, []*mw2UserCol{{Username: mwStr("Toni")}, {Username: mwStr("Tobi")}, {Username: mwStr("Max")}}))
			u, err := users.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Must(users.DestroyInstance(c.Ctx, u))
			return users
		}

		js.Describe("can't find records marked as deleted with paranoid being true", func(js *suite) {
			js.It("with the DAOFactory", func(c *C) {
				users := paranoidTrio(c)
				u, err := users.FindByPK(c.Ctx, 1)
				c.Must(err)
				if u != nil {
					c.Fatalf("found the deleted row %+v", u)
				}
				c.Eq("count", count(c, users.Count), 2)
				all, err := users.FindAll(c.Ctx)
				c.Must(err)
				c.Eq("rows", len(all), 2)
			})
		})

		js.Describe("can find paranoid records if paranoid is marked as false in query", func(js *suite) {
			js.It("with the DAOFactory", func(c *C) {
				users := paranoidTrio(c)
				u, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": 1}, Paranoid: sequelize.Bool(false)})
				c.Must(err)
				if u == nil {
					c.Fatal("paranoid: false did not find the deleted row")
				}
				u, err = users.FindByPK(c.Ctx, 1)
				c.Must(err)
				if u != nil {
					c.Fatalf("found the deleted row %+v", u)
				}
				c.Eq("count", count(c, users.Count), 2)
				c.Eq("count with paranoid: false", count(c, users.Count, sequelize.CountOptions{Paranoid: sequelize.Bool(false)}), 3)
			})
		})

		js.It("should include deleted associated records if include has paranoid marked as false", func(c *C) {
			owners := sequelize.Define[mw2Owner](c.DB, sequelize.ModelOptions{ModelName: "User", Paranoid: true})
			pets := sequelize.Define[mw2Pet](c.DB, sequelize.ModelOptions{ModelName: "Pet", Paranoid: true})
			petsOf := sequelize.HasMany(owners, pets)
			sequelize.BelongsTo(pets, owners)
			c.Must(owners.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			c.Must(pets.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
			joe := &mw2Owner{Username: mwStr("Joe")}
			c.Must(owners.Create(c.Ctx, joe))
			c.Must(pets.BulkCreate(c.Ctx, []*mw2Pet{{Name: mwStr("Fido"), UserID: &joe.ID}, {Name: mwStr("Fifi"), UserID: &joe.ID}}))
			pet, err := pets.FindByPK(c.Ctx, 1)
			c.Must(err)
			c.Must(pets.DestroyInstance(c.Ctx, pet))
			user, err := owners.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": joe.ID},
				Include: []sequelize.Include{{Association: petsOf}}})
			c.Must(err)
			withDeleted, err := owners.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": joe.ID},
				Include: []sequelize.Include{{Association: petsOf, Paranoid: sequelize.Bool(false)}}})
			c.Must(err)
			if user == nil || withDeleted == nil {
				c.Fatal("user not found")
			}
			c.Eq("pets", len(user.Pets), 1)
			c.Eq("pets with paranoid: false", len(withDeleted.Pets), 2)
		})

		js.It("should delete a paranoid record if I set force to true", func(c *C) {
			users := mwDefine[mw2ParanoidNamed](c, sequelize.ModelOptions{ModelName: "paranoiduser", Paranoid: true})
			c.Must(users.BulkCreate(c.Ctx, []*mw2ParanoidNamed{{Username: mwStr("Bob")}, {Username: mwStr("Tobi")}, {Username: mwStr("Max")}, {Username: mwStr("Tony")}}))
			find := func(name string) *mw2ParanoidNamed {
				c.Helper()
				u, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": name}})
				c.Must(err)
				return u
			}
			type mw2Raw struct{ Username string }
			raw := func(where string) []mw2Raw {
				c.Helper()
				rows, err := sequelize.QueryAs[mw2Raw](c.Ctx, c.DB, `SELECT * FROM paranoidusers`+where)
				c.Must(err)
				return rows
			}
			c.Must(users.DestroyInstance(c.Ctx, find("Bob"), sequelize.DestroyOptions{Force: true}))
			if find("Bob") != nil {
				c.Fatal("Bob is still found")
			}
			c.Must(users.DestroyInstance(c.Ctx, find("Tobi")))
			c.Eq("Tobi's row", raw(` WHERE username='Tobi'`), []mw2Raw{{"Tobi"}})
			_, err := users.Destroy(c.Ctx, sequelize.DestroyOptions{Where: sequelize.Where{"username": "Tony"}})
			c.Must(err)
			c.Eq("Tony's row", raw(` WHERE username='Tony'`), []mw2Raw{{"Tony"}})
			_, err = users.Destroy(c.Ctx, sequelize.DestroyOptions{Where: sequelize.Where{"username": []string{"Tony", "Max"}}, Force: true})
			c.Must(err)
			c.Eq("rows", raw(""), []mw2Raw{{"Tobi"}})
		})

		js.It("returns the number of affected rows", func(c *C) {
			users := mw2Setup(c)
			c.Must(users.BulkCreate(c.Ctx, mw2PeterPaulBob()))
			n, err := users.Destroy(c.Ctx, sequelize.DestroyOptions{Where: sequelize.Where{"secretValue": "42"}})
			c.Must(err)
			c.Eq("affected rows", n, 2)
			n, err = users.Destroy(c.Ctx, sequelize.DestroyOptions{Where: sequelize.Where{"secretValue": "44"}})
			c.Must(err)
			c.Eq("affected rows", n, 0)
		})

		js.It("supports table schema/prefix", func(c *C) {
			mw2Setup(c)
			schema := fmt.Sprintf("prefix_%d", time.Now().UnixNano()%1e9)
			switch {
			case c.Dialect == "postgres":
				_, err := c.DB.Query(c.Ctx, `CREATE SCHEMA `+c.Quote(schema))
				c.Must(err)
			case c.MySQLFamily():
				_, err := c.DB.Query(c.Ctx, `CREATE DATABASE `+c.Quote(schema))
				c.Must(err)
				c.Cleanup(func() { c.DB.Query(context.Background(), `DROP DATABASE IF EXISTS `+c.Quote(schema)) })
			}
			prefixUsers := mwDefine[mw2User](c, sequelize.ModelOptions{ModelName: "User", Schema: schema})
			c.Must(prefixUsers.BulkCreate(c.Ctx, mw2PeterPaulBob()))
			_, err := prefixUsers.Destroy(c.Ctx, sequelize.DestroyOptions{Where: sequelize.Where{"secretValue": "42"}})
			c.Must(err)
			got, err := prefixUsers.FindAll(c.Ctx, sequelize.FindOptions{Order: sequelize.Order{{"id"}}})
			c.Must(err)
			c.Eq("usernames", mw2Usernames(got, mw2UserName), []string{"Bob"})
		})

		js.It("should work if model is paranoid and only operator in where clause is a Symbol", func(c *C) {
			users := mwDefine[mw2ParanoidNamed](c, sequelize.ModelOptions{ModelName: "User", Paranoid: true})
			c.Must(users.BulkCreate(c.Ctx, []*mw2ParanoidNamed{{Username: mwStr("foo")}, {Username: mwStr("bar")}}))
			_, err := users.Destroy(c.Ctx, sequelize.DestroyOptions{Where: op.Or(sequelize.Where{"username": "bar"}, sequelize.Where{"username": "baz"})})
			c.Must(err)
			got, err := users.FindAll(c.Ctx)
			c.Must(err)
			c.Eq("usernames", mw2Usernames(got, func(u *mw2ParanoidNamed) *string { return u.Username }), []string{"foo"})
		})
	})

	js.Describe("restore", func(js *suite) {
		js.It("rejects with an error if the model is not paranoid", func(c *C) {
			users := mw2Setup(c)
			_, err := users.Restore(c.Ctx, sequelize.RestoreOptions{Where: sequelize.Where{"secretValue": "42"}})
			var be *sequelize.BaseError
			c.ErrAs(err, &be)
			if !strings.Contains(err.Error(), "Model is not paranoid") {
				c.Fatalf("err = %v, want Model is not paranoid", err)
			}
		})

		js.It("restores a previously deleted model", func(c *C) {
			users := mwDefine[mw2ParanoidUser](c, sequelize.ModelOptions{ModelName: "ParanoidUser", Paranoid: true})
			c.Must(users.BulkCreate(c.Ctx, []*mw2ParanoidUser{
				{Username: mwStr("Peter"), SecretValue: mwStr("42")}, {Username: mwStr("Paul"), SecretValue: mwStr("43")},
				{Username: mwStr("Bob"), SecretValue: mwStr("44")}}))
			_, err := users.Destroy(c.Ctx, sequelize.DestroyOptions{Where: sequelize.Where{"secretValue": "42"}})
			c.Must(err)
			_, err = users.Restore(c.Ctx, sequelize.RestoreOptions{Where: sequelize.Where{"secretValue": "42"}})
			c.Must(err)
			u, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"secretValue": "42"}})
			c.Must(err)
			if u == nil {
				c.Fatal("the restored row is not found")
			}
			c.Eq("username", *u.Username, "Peter")
		})
	})

	js.Describe("bulkCreate", func(js *suite) {
		js.It("errors - should return array of errors if validate and individualHooks are true", func(c *C) {
			type mw2Required struct {
				ID        int64
				Username  *string `sequelize:"allowNull:false" validate:"notNull;notEmpty"`
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			users := mwDefine[mw2Required](c, sequelize.ModelOptions{ModelName: "User"})
			err := users.BulkCreate(c.Ctx, []*mw2Required{{}, {}, {}}, sequelize.BulkCreateOptions{Validate: true, IndividualHooks: true})
			var agg *sequelize.AggregateError
			c.ErrAs(err, &agg)
			c.Eq("errors", len(agg.Errors), 3)
			n, err := users.Count(c.Ctx)
			c.Must(err)
			c.Eq("rows", n, 0)
		})

		// Go has no attribute setter that could run twice: the case keeps
		// what it observes, a renamed column's value going through
		// BulkCreate and back unchanged.
		js.It("should not use setter when renaming fields in dataValues", func(c *C) {
			type mw2Renamed struct {
				ID        int64
				Username  string `sequelize:"allowNull:false;field:data"`
				CreatedAt time.Time
				UpdatedAt time.Time
			}
			users := mwDefine[mw2Renamed](c, sequelize.ModelOptions{ModelName: "User"})
			c.Must(users.BulkCreate(c.Ctx, []*mw2Renamed{{Username: "jon"}}))
			got, err := users.FindAll(c.Ctx)
			c.Must(err)
			c.Eq("rows", len(got), 1)
			c.Eq("username", got[0].Username, "jon")
		})
	})
}
