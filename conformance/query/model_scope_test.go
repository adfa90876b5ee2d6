package query_test

import (
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/op"
)

// mqScopeMe is the ScopeMe model of model/scope.test.js and
// model/scope/*.test.js: the union of their attributes (a file that does
// not define one leaves it NULL) and of the include fields their
// associations fill.
type mqScopeMe struct {
	ID                   int64
	Username             string
	Email                string
	Access_level         *int64 `sequelize:"type:INTEGER"` //nolint:revive // Sequelize's attribute access_level
	Other_value          *int64 `sequelize:"type:INTEGER"` //nolint:revive
	Parent_id            *int64 `sequelize:"type:INTEGER"` //nolint:revive
	AliasValue           *int64 `sequelize:"type:INTEGER;field:alias_value"`
	CompanyID            *int64
	DefaultScopeExcludes []*mqDefaultScopeExclude
	Children             []*mqScopeChild
	Profile              *mqProfile
	Company              *mqScopeCompany
	CreatedAt            time.Time
	UpdatedAt            time.Time
}

// mqSM is a ScopeMe record of the files' beforeEach.
func mqSM(username, email string, access, other int64) *mqScopeMe {
	return &mqScopeMe{Username: username, Email: email, Access_level: &access, Other_value: &other}
}

// mqScopeRecords are the four records most files create.
func mqScopeRecords() []*mqScopeMe {
	return []*mqScopeMe{
		mqSM("tony", "tony@sequelizejs.com", 3, 7),
		mqSM("tobi", "tobi@fakeemail.com", 10, 11),
		mqSM("dan", "dan@sequelizejs.com", 5, 10),
		mqSM("fred", "fred@foobar.com", 3, 7),
	}
}

func mqSMName(u *mqScopeMe) string { return u.Username }

func mqWhereScope(w any) sequelize.ScopeFunc {
	return sequelize.StaticScope(sequelize.FindOptions{Where: w})
}

// mqScopeOf returns md.Scope(names...) or fails the case.
func mqScopeOf[T any](c *C, md *sequelize.Model[T], names ...any) *sequelize.Model[T] {
	c.Helper()
	s, err := md.Scope(names...)
	c.Must(err)
	return s
}

func TestModelScope(t *testing.T) {
	js := port(t, "model/scope.test.js")
	js.Describe("scope", func(js *suite) {
		setup := func(c *C) *sequelize.Model[mqScopeMe] {
			c.Helper()
			m := sequelize.Define[mqScopeMe](c.DB, sequelize.ModelOptions{ModelName: "ScopeMe", Scopes: map[string]sequelize.ScopeFunc{
				"lowAccess": sequelize.StaticScope(sequelize.FindOptions{
					Attributes: []any{"other_value", "access_level"},
					Where:      sequelize.Where{"access_level": op.Lte(5)},
				}),
				"withName":     sequelize.StaticScope(sequelize.FindOptions{Attributes: []any{"username"}}),
				"highAccess":   mqWhereScope(op.Or(sequelize.Where{"access_level": op.Gte(5)}, sequelize.Where{"access_level": op.Eq(10)})),
				"lessThanFour": mqWhereScope(op.And(sequelize.Where{"access_level": op.Lt(4)})),
				"issue8473": mqWhereScope([]any{
					op.Or(sequelize.Where{"access_level": 3}, sequelize.Where{"other_value": 10}),
					sequelize.Where{"access_level": 5},
				}),
				"like_t": mqWhereScope(sequelize.Cond(sequelize.Fn("LOWER", sequelize.Col("username")), op.Like("%t%"))),
			}})
			c.Sync()
			c.Must(m.BulkCreate(c.Ctx, mqScopeRecords()))
			return m
		}
		accessLevels := func(list []*mqScopeMe) []int64 {
			out := make([]int64, len(list))
			for i, u := range list {
				out[i] = *u.Access_level
			}
			return out
		}

		js.It("should be able to merge attributes as array", func(c *C) {
			m := setup(c)
			r, err := mqScopeOf(c, m, "lowAccess", "withName").FindOne(c.Ctx)
			c.Must(err)
			if r == nil || r.Other_value == nil || r.Username == "" || r.Access_level == nil {
				c.Fatalf("record = %+v, want other_value, username and access_level", r)
			}
			c.Eq("email (not selected)", r.Email, "")
		})

		js.It("should work with Symbol operators", func(c *C) {
			m := setup(c)
			r, err := mqScopeOf(c, m, "highAccess").FindOne(c.Ctx, sequelize.FindOptions{Order: sequelize.Order{{"id"}}})
			c.Must(err)
			c.Eq("username", r.Username, "tobi")
			records0, err := mqScopeOf(c, m, "lessThanFour").FindAll(c.Ctx)
			c.Must(err)
			c.Eq("access levels", accessLevels(records0), []int64{3, 3})
			records, err := mqScopeOf(c, m, "issue8473").FindAll(c.Ctx)
			c.Must(err)
			c.Eq("records", len(records), 1)
			c.Eq("access_level", records[0].Access_level, 5)
			c.Eq("other_value", records[0].Other_value, 10)
		})

		js.It("should keep symbols after default assignment", func(c *C) {
			m := setup(c)
			r, err := mqScopeOf(c, m, "highAccess").FindOne(c.Ctx, sequelize.FindOptions{Order: sequelize.Order{{"id"}}})
			c.Must(err)
			c.Eq("username", r.Username, "tobi")
			records, err := mqScopeOf(c, m, "lessThanFour").FindAll(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{}})
			c.Must(err)
			c.Eq("access levels", accessLevels(records), []int64{3, 3})
			_, err = mqScopeOf(c, m, "issue8473").FindAll(c.Ctx)
			c.Must(err)
		})

		js.It("should not throw error with sequelize.where", func(c *C) {
			m := setup(c)
			records, err := mqScopeOf(c, m, "like_t").FindAll(c.Ctx)
			c.Must(err)
			c.Eq("records", len(records), 2)
		})
	})
}
