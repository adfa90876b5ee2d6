package conformance_test

import (
	"strings"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
)

// mwOwned is the Account of model/update.test.js.
type mwOwned struct {
	ID        int64
	OwnerID   int64   `sequelize:"type:INTEGER;allowNull:false;field:owner_id"`
	Name      *string `sequelize:"type:STRING"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

// mwOwnedNoTS is the Model of "skips when timestamps disabled".
type mwOwnedNoTS struct {
	ID      int64
	OwnerID int64   `sequelize:"type:INTEGER;allowNull:false;field:owner_id"`
	Name    *string `sequelize:"type:STRING"`
}

func mwUpdateSetup(c *C) *sequelize.Model[mwOwned] {
	c.Helper()
	return mwDefine[mwOwned](c, sequelize.ModelOptions{ModelName: "Account"})
}

var _ = listed(
	difference{
		File: "model/update.test.js", Title: "update/skips update query/if no data to update", Kind: deliberate,
		Instead: "Update with a value for an unknown attribute fails with a *QueryError naming it, and sends no statement.",
		Why:     "Sequelize drops values of unknown attributes and so reports 0 rows; a value the caller gave is written or the call fails, never silently dropped.",
	},
	difference{
		File: "model/update.test.js", Title: "update/skips update query/skips when timestamps disabled", Kind: deliberate,
		Instead: "Update with a value for an unknown attribute fails with a *QueryError naming it, and sends no statement.",
		Why:     "Sequelize drops values of unknown attributes and so reports 0 rows; a value the caller gave is written or the call fails, never silently dropped.",
	},
	difference{
		File: "model/update.test.js", Title: "update/should ignore undefined values without throwing not null validation", Kind: goCannot,
		Why: "Go has no undefined: an attribute is in Values or not, and one left out is not updated (a nil is NULL)",
	},
)

func TestModelUpdate(t *testing.T) {
	js := port(t, "model/update.test.js")
	js.describe("update", func(js *suite) {
		js.it("should only update the passed fields", func(c *C) {
			accounts := mwUpdateSetup(c)
			a := &mwOwned{OwnerID: 2}
			c.Must(accounts.Create(c.Ctx, a))
			n, err := accounts.Update(c.Ctx, sequelize.Values{"name": "random"}, sequelize.UpdateOptions{Where: sequelize.Where{"id": a.ID}})
			c.Must(err)
			c.Eq("rows", n, 1)
			got, err := accounts.FindByPK(c.Ctx, a.ID)
			c.Must(err)
			c.Eq("ownerId", got.OwnerID, 2)
			c.Eq("name", *got.Name, "random")
		})

		js.describe("skips update query", func(js *suite) {
			js.differs("if no data to update", func(c *C) {
				accounts := mwUpdateSetup(c)
				c.Must(accounts.Create(c.Ctx, &mwOwned{OwnerID: 3}))
				logger, rec := mwRecorder()
				_, err := accounts.Update(c.Ctx, sequelize.Values{"unknownField": "haha"}, sequelize.UpdateOptions{Where: sequelize.Where{"ownerId": 3}, Logging: logger})
				var qe *sequelize.QueryError
				c.ErrAs(err, &qe)
				if !strings.Contains(err.Error(), "unknownField") {
					c.Fatalf("err = %v, want it to name unknownField", err)
				}
				c.Eq("statements", len(rec.All()), 0)
			})

			js.differs("skips when timestamps disabled", func(c *C) {
				mwUpdateSetup(c)
				models := mwDefine[mwOwnedNoTS](c, sequelize.ModelOptions{ModelName: "Model", Timestamps: sequelize.Bool(false)})
				c.Must(models.Create(c.Ctx, &mwOwnedNoTS{OwnerID: 3}))
				logger, rec := mwRecorder()
				_, err := models.Update(c.Ctx, sequelize.Values{"unknownField": "haha"}, sequelize.UpdateOptions{Where: sequelize.Where{"ownerId": 3}, Logging: logger})
				var qe *sequelize.QueryError
				c.ErrAs(err, &qe)
				c.Eq("statements", len(rec.All()), 0)
			})
		})

		js.it("changed should be false after reload", func(c *C) {
			accounts := mwUpdateSetup(c)
			a := &mwOwned{OwnerID: 2, Name: mwStr("foo")}
			c.Must(accounts.Create(c.Ctx, a))
			a.Name = mwStr("bar")
			c.Eq("changed", accounts.Changed(a), []string{"name"})
			c.Must(accounts.Reload(c.Ctx, a))
			c.Eq("changed after reload", len(accounts.Changed(a)), 0)
			c.Eq("name", *a.Name, "foo")
		})

		js.cannot("should ignore undefined values without throwing not null validation")

		js.it("should return the updated record", func(c *C) {
			c.Only("postgres")
			accounts := mwUpdateSetup(c)
			a := &mwOwned{OwnerID: 2}
			c.Must(accounts.Create(c.Ctx, a))
			got, err := accounts.UpdateReturning(c.Ctx, sequelize.Values{"name": "FooBar"}, sequelize.UpdateOptions{Where: sequelize.Where{"id": a.ID}})
			c.Must(err)
			c.Eq("rows", len(got), 1)
			c.Eq("ownerId", got[0].OwnerID, 2)
			c.Eq("name", *got[0].Name, "FooBar")
		})

		js.it("should output the updated record", func(c *C) {
			c.Only("mssql") // returnValues.output: MSSQL's OUTPUT, none of our dialects
		})

		js.it("should only update one row", func(c *C) {
			c.Only("mysql")
			c.Bug("UpdateOptions has no Limit (Sequelize's limit on a MySQL/MariaDB update)")
			accounts := mwUpdateSetup(c)
			for _, name := range []string{"Account Name 1", "Account Name 2", "Account Name 3"} {
				c.Must(accounts.Create(c.Ctx, &mwOwned{OwnerID: 2, Name: mwStr(name)}))
			}
			n, err := accounts.Update(c.Ctx, sequelize.Values{"name": "New Name"}, sequelize.UpdateOptions{Where: sequelize.Where{"ownerId": 2} /* , Limit: 1 */})
			c.Must(err)
			c.Eq("rows", n, 1)
		})
	})
}
