package conformance_test

import (
	"sync"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
)

// mwNumbers is the User of model/increment.test.js.
type mwNumbers struct {
	ID        int64  `sequelize:"type:INTEGER;primaryKey"`
	ANumber   *int64 `sequelize:"type:INTEGER"`
	BNumber   *int64 `sequelize:"type:INTEGER"`
	CNumber   *int64 `sequelize:"type:INTEGER;field:c_number"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

// mwScopedNumbers is the User of "should work with scopes".
type mwScopedNumbers struct {
	ID        int64
	ANumber   int64 `sequelize:"type:INTEGER"`
	Name      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// mwIncrementSetup is the file's beforeEach: users 1 to 4 with aNumber and
// bNumber 0, and cNumber 0 on user 4 only. scopes are added to the model
// (Sequelize's addScope in the cases that use it).
func mwIncrementSetup(c *C, scopes map[string]sequelize.ScopeFunc) *sequelize.Model[mwNumbers] {
	c.Helper()
	users := sequelize.Define[mwNumbers](c.DB, sequelize.ModelOptions{ModelName: "User", Scopes: scopes})
	c.Sync()
	zero := func() *int64 { return mwInt(0) }
	c.Must(users.BulkCreate(c.Ctx, []*mwNumbers{
		{ID: 1, ANumber: zero(), BNumber: zero()},
		{ID: 2, ANumber: zero(), BNumber: zero()},
		{ID: 3, ANumber: zero(), BNumber: zero()},
		{ID: 4, ANumber: zero(), BNumber: zero(), CNumber: zero()},
	}))
	return users
}

func mwAll(c *C, users *sequelize.Model[mwNumbers]) []*mwNumbers {
	c.Helper()
	all, err := users.FindAll(c.Ctx, sequelize.FindOptions{Order: sequelize.Order{{"id"}}})
	c.Must(err)
	return all
}

func TestModelIncrement(t *testing.T) {
	js := port(t, "model/increment.test.js")
	for _, method := range []string{"increment", "decrement"} {
		sign := int64(1)
		if method == "decrement" {
			sign = -1
		}
		// run is User[method](amounts, options).
		run := func(c *C, users *sequelize.Model[mwNumbers], amounts sequelize.Values, o sequelize.IncrementOptions) {
			c.Helper()
			var err error
			if method == "increment" {
				_, err = users.Increment(c.Ctx, amounts, o)
			} else {
				_, err = users.Decrement(c.Ctx, amounts, o)
			}
			c.Must(err)
		}
		// each checks every user's aNumber (and bNumber) against before.
		each := func(c *C, before, after []*mwNumbers, da, db int64) {
			c.Helper()
			c.Eq("rows", len(after), len(before))
			for i := range after {
				c.Eq("aNumber", *after[i].ANumber, *before[i].ANumber+da)
				c.Eq("bNumber", *after[i].BNumber, *before[i].BNumber+db)
			}
		}
		js.describe(method, func(js *suite) {
			js.it("supports where conditions", func(c *C) {
				users := mwIncrementSetup(c, nil)
				run(c, users, sequelize.Values{"aNumber": 2}, sequelize.IncrementOptions{Where: sequelize.Where{"id": 1}})
				u1, err := users.FindByPK(c.Ctx, 1)
				c.Must(err)
				c.Eq("user 1 aNumber", *u1.ANumber, 2*sign)
				u3, err := users.FindByPK(c.Ctx, 2)
				c.Must(err)
				c.Eq("user 2 aNumber", *u3.ANumber, 0)
			})

			js.it("uses correct column names for where conditions", func(c *C) {
				users := mwIncrementSetup(c, nil)
				run(c, users, sequelize.Values{"aNumber": 2}, sequelize.IncrementOptions{Where: sequelize.Where{"cNumber": 0}})
				u4, err := users.FindByPK(c.Ctx, 4)
				c.Must(err)
				c.Eq("user 4 aNumber", *u4.ANumber, 2*sign)
				u1, err := users.FindByPK(c.Ctx, 1)
				c.Must(err)
				c.Eq("user 1 aNumber", *u1.ANumber, 0)
			})

			js.it("should still work right with other concurrent increments", func(c *C) {
				users := mwIncrementSetup(c, nil)
				before := mwAll(c, users)
				var wg sync.WaitGroup
				for range 3 {
					wg.Go(func() {
						run(c, users, sequelize.Values{"aNumber": 2}, sequelize.IncrementOptions{Where: sequelize.Where{}})
					})
				}
				wg.Wait()
				each(c, before, mwAll(c, users), 6*sign, 0)
			})

			for _, title := range []string{"with array", "with single field"} {
				js.it(title, func(c *C) {
					users := mwIncrementSetup(c, nil)
					before := mwAll(c, users)
					run(c, users, sequelize.Values{"aNumber": 2}, sequelize.IncrementOptions{Where: sequelize.Where{}})
					each(c, before, mwAll(c, users), 2*sign, 0)
				})
			}

			js.it("with single field and no value", func(c *C) {
				users := mwIncrementSetup(c, nil)
				before := mwAll(c, users)
				run(c, users, sequelize.Values{"aNumber": 1}, sequelize.IncrementOptions{Where: sequelize.Where{}})
				each(c, before, mwAll(c, users), sign, 0)
			})

			js.it("with key value pair", func(c *C) {
				users := mwIncrementSetup(c, nil)
				before := mwAll(c, users)
				run(c, users, sequelize.Values{"aNumber": 1, "bNumber": 2}, sequelize.IncrementOptions{Where: sequelize.Where{}})
				each(c, before, mwAll(c, users), sign, 2*sign)
			})

			js.it("should still work right with other concurrent updates", func(c *C) {
				users := mwIncrementSetup(c, nil)
				before := mwAll(c, users)
				_, err := users.Update(c.Ctx, sequelize.Values{"aNumber": 2}, sequelize.UpdateOptions{Where: sequelize.Where{}})
				c.Must(err)
				run(c, users, sequelize.Values{"aNumber": 2}, sequelize.IncrementOptions{Where: sequelize.Where{}})
				each(c, before, mwAll(c, users), 2+2*sign, 0)
			})

			incrementUser := func(c *C) (*sequelize.Model[aNumberUser], time.Time) {
				mwIncrementSetup(c, nil)
				users := sequelize.Define[aNumberUser](c.DB, sequelize.ModelOptions{ModelName: "IncrementUser", Timestamps: sequelize.Bool(true)})
				c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				c.Must(users.Create(c.Ctx, &aNumberUser{ANumber: 1}))
				return users, ageTimestamps(c, users.TableName())
			}
			arith := func(c *C, users *sequelize.Model[aNumberUser], o sequelize.IncrementOptions) {
				c.Helper()
				var err error
				if method == "increment" {
					_, err = users.Increment(c.Ctx, sequelize.Values{"aNumber": 1}, o)
				} else {
					_, err = users.Decrement(c.Ctx, sequelize.Values{"aNumber": 1}, o)
				}
				c.Must(err)
			}

			js.it("with timestamps set to true", func(c *C) {
				users, old := incrementUser(c)
				arith(c, users, sequelize.IncrementOptions{Where: sequelize.Where{}})
				got, err := users.FindByPK(c.Ctx, 1)
				c.Must(err)
				if !got.UpdatedAt.After(old) {
					c.Fatalf("updatedAt = %v, want after %v", got.UpdatedAt, old)
				}
				c.Eq("aNumber", got.ANumber, 1+sign)
			})

			js.it("with timestamps set to true and options.silent set to true", func(c *C) {
				users, old := incrementUser(c)
				arith(c, users, sequelize.IncrementOptions{Where: sequelize.Where{}, Silent: true})
				got, err := users.FindByPK(c.Ctx, 1)
				c.Must(err)
				if !got.UpdatedAt.Equal(old) {
					c.Fatalf("updatedAt = %v, want %v", got.UpdatedAt, old)
				}
				c.Eq("aNumber", got.ANumber, 1+sign)
			})

			js.it("should work with scopes", func(c *C) {
				mwIncrementSetup(c, nil)
				users := sequelize.Define[mwScopedNumbers](c.DB, sequelize.ModelOptions{ModelName: "User",
					Scopes: map[string]sequelize.ScopeFunc{"jeff": sequelize.StaticScope(sequelize.FindOptions{Where: sequelize.Where{"name": "Jeff"}})}})
				c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				c.Must(users.BulkCreate(c.Ctx, []*mwScopedNumbers{{ANumber: 1, Name: "Jeff"}, {ANumber: 3, Name: "Not Jeff"}}))
				jeffs, err := users.Scope("jeff")
				c.Must(err)
				if method == "increment" {
					_, err = jeffs.Increment(c.Ctx, sequelize.Values{"aNumber": 1}, sequelize.IncrementOptions{})
				} else {
					_, err = jeffs.Decrement(c.Ctx, sequelize.Values{"aNumber": 1}, sequelize.IncrementOptions{})
				}
				c.Must(err)
				jeff, err := jeffs.FindOne(c.Ctx)
				c.Must(err)
				c.Eq("jeff", jeff.ANumber, 1+sign)
				notJeff, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"name": "Not Jeff"}})
				c.Must(err)
				c.Eq("not jeff", notJeff.ANumber, 3)
			})

			for _, tc := range []struct {
				title string
				attrs []any
			}{
				{"should not care for attributes in the instance scope", []any{"foo", "bar"}},
				{"should not care for exclude-attributes in the instance scope", []any{sequelize.Exclude("foo", "bar")}},
				{"should not care for include-attributes in the instance scope", []any{sequelize.Exclude(), "foo", "bar"}},
			} {
				js.it(tc.title, func(c *C) {
					users := mwIncrementSetup(c, map[string]sequelize.ScopeFunc{"test": sequelize.StaticScope(sequelize.FindOptions{Attributes: tc.attrs})})
					scoped, err := users.Scope("test")
					c.Must(err)
					u := &mwNumbers{ID: 5, ANumber: mwInt(5)}
					c.Must(scoped.Create(c.Ctx, u))
					if method == "increment" {
						c.Must(scoped.IncrementInstance(c.Ctx, u, sequelize.Values{"aNumber": 2}))
					} else {
						c.Must(scoped.DecrementInstance(c.Ctx, u, sequelize.Values{"aNumber": 2}))
					}
					got, err := users.FindByPK(c.Ctx, 5)
					c.Must(err)
					c.Eq("aNumber", *got.ANumber, 5+2*sign)
				})
			}
		})
	}
}
