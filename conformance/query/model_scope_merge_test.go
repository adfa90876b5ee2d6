package query_test

import (
	"reflect"
	"testing"

	"github.com/gosequelize/sequelize"
)

// The models of scope/merge.test.js's simple merge: foo belongsTo baz
// (bazId) and hasOne bar (fooId).
type mqSFoo struct {
	ID    int64
	Name  string
	BazID *int64
	Bar   *mqSBar
	Baz   *mqSBaz
}

type mqSBar struct {
	ID    int64
	Name  string
	FooID *int64
}

type mqSBaz struct {
	ID   int64
	Name string
}

// The complex merge: foo hasMany bar (fooId), bar hasMany baz (barId),
// baz hasMany qux (bazId).
type mqCFoo struct {
	ID   int64
	Name string
	Bars []*mqCBar
}

type mqCBar struct {
	ID    int64
	Name  string
	FooID *int64
	Bazs  []*mqCBaz
}

type mqCBaz struct {
	ID    int64
	Name  string
	BarID *int64
	Quxes []*mqCQux
}

type mqCQux struct {
	ID    int64
	Name  string
	BazID *int64
}

// mqPermutations returns every order of names.
func mqPermutations(names []string) [][]string {
	if len(names) <= 1 {
		return [][]string{append([]string(nil), names...)}
	}
	var out [][]string
	for i := range names {
		rest := append(append([]string(nil), names[:i]...), names[i+1:]...)
		for _, p := range mqPermutations(rest) {
			out = append(out, append([]string{names[i]}, p...))
		}
	}
	return out
}

func TestModelScopeMerge(t *testing.T) {
	js := port(t, "model/scope/merge.test.js")
	js.Describe("scope", func(js *suite) {
		js.Describe("simple merge", func(js *suite) {
			js.It("should merge simple scopes correctly", func(c *C) {
				noTS := sequelize.Bool(false)
				var bar *sequelize.HasOneAssociation[mqSFoo, mqSBar]
				var baz *sequelize.BelongsToAssociation[mqSFoo, mqSBaz]
				foos := sequelize.Define[mqSFoo](c.DB, sequelize.ModelOptions{ModelName: "foo", Timestamps: noTS, Scopes: map[string]sequelize.ScopeFunc{
					"includeBar": func(...any) sequelize.FindOptions {
						return sequelize.FindOptions{Include: []sequelize.Include{{Association: bar}}}
					},
					"includeBaz": func(...any) sequelize.FindOptions {
						return sequelize.FindOptions{Include: []sequelize.Include{{Association: baz}}}
					},
				}})
				bars := sequelize.Define[mqSBar](c.DB, sequelize.ModelOptions{ModelName: "bar", Timestamps: noTS})
				bazs := sequelize.Define[mqSBaz](c.DB, sequelize.ModelOptions{ModelName: "baz", Timestamps: noTS})
				baz = sequelize.BelongsTo(foos, bazs, sequelize.AssociationOptions{ForeignKey: "bazId"})
				bar = sequelize.HasOne(foos, bars, sequelize.AssociationOptions{ForeignKey: "fooId"})
				c.Sync()
				z := &mqSBaz{Name: "The Baz"}
				c.Must(bazs.Create(c.Ctx, z))
				f := &mqSFoo{Name: "The Foo", BazID: &z.ID}
				c.Must(foos.Create(c.Ctx, f))
				c.Must(bars.Create(c.Ctx, &mqSBar{Name: "The Bar", FooID: &f.ID}))

				result, err := mqScopeOf(c, foos, "includeBar", "includeBaz").FindOne(c.Ctx)
				c.Must(err)
				if result == nil || result.Bar == nil || result.Baz == nil {
					c.Fatalf("foo = %+v, want its bar and baz", result)
				}
				c.Eq("bar", result.Bar.Name, "The Bar")
				c.Eq("baz", result.Baz.Name, "The Baz")
			})
		})

		js.Describe("complex merge", func(js *suite) {
			type complexModels struct {
				foos   *sequelize.Model[mqCFoo]
				scopes map[string]sequelize.ScopeFunc
			}
			setup := func(c *C) complexModels {
				c.Helper()
				noTS := sequelize.Bool(false)
				var barsOf *sequelize.HasManyAssociation[mqCFoo, mqCBar]
				var bazsOf *sequelize.HasManyAssociation[mqCBar, mqCBaz]
				var quxesOf *sequelize.HasManyAssociation[mqCBaz, mqCQux]
				scopes := map[string]sequelize.ScopeFunc{
					"includeEverything": func(...any) sequelize.FindOptions {
						return sequelize.FindOptions{Include: []sequelize.Include{{Association: barsOf, Include: []sequelize.Include{
							{Association: bazsOf, Include: []sequelize.Include{{Association: quxesOf}}},
						}}}}
					},
					"limitedBars": func(...any) sequelize.FindOptions {
						return sequelize.FindOptions{Include: []sequelize.Include{{Association: barsOf, Limit: 2}}}
					},
					"limitedBazs": func(...any) sequelize.FindOptions {
						return sequelize.FindOptions{Include: []sequelize.Include{{Association: barsOf, Include: []sequelize.Include{
							{Association: bazsOf, Limit: 2},
						}}}}
					},
					"excludeBazName": func(...any) sequelize.FindOptions {
						return sequelize.FindOptions{Include: []sequelize.Include{{Association: barsOf, Include: []sequelize.Include{
							{Association: bazsOf, Attributes: []any{sequelize.Exclude("name")}},
						}}}}
					},
				}
				foos := sequelize.Define[mqCFoo](c.DB, sequelize.ModelOptions{ModelName: "foo", Timestamps: noTS, Scopes: scopes})
				bars := sequelize.Define[mqCBar](c.DB, sequelize.ModelOptions{ModelName: "bar", Timestamps: noTS})
				bazs := sequelize.Define[mqCBaz](c.DB, sequelize.ModelOptions{ModelName: "baz", Timestamps: noTS})
				quxes := sequelize.Define[mqCQux](c.DB, sequelize.ModelOptions{ModelName: "qux", Timestamps: noTS})
				barsOf = sequelize.HasMany(foos, bars, sequelize.AssociationOptions{ForeignKey: "fooId"})
				bazsOf = sequelize.HasMany(bars, bazs, sequelize.AssociationOptions{ForeignKey: "barId"})
				quxesOf = sequelize.HasMany(bazs, quxes, sequelize.AssociationOptions{ForeignKey: "bazId"})
				c.Sync()
				qux := func(names ...string) []*mqCQux {
					var out []*mqCQux
					for _, n := range names {
						out = append(out, &mqCQux{Name: n})
					}
					return out
				}
				foo := &mqCFoo{Name: "foo1", Bars: []*mqCBar{
					{Name: "bar1", Bazs: []*mqCBaz{{Name: "baz1", Quxes: qux("qux1", "qux2")}, {Name: "baz2", Quxes: qux("qux3", "qux4")}}},
					{Name: "bar2", Bazs: []*mqCBaz{{Name: "baz3", Quxes: qux("qux5", "qux6")}, {Name: "baz4", Quxes: qux("qux7", "qux8")}}},
				}}
				c.Must(foos.Create(c.Ctx, foo, sequelize.CreateOptions{Include: []sequelize.Include{{Association: barsOf, Include: []sequelize.Include{
					{Association: bazsOf, Include: []sequelize.Include{{Association: quxesOf}}},
				}}}}))
				return complexModels{foos, scopes}
			}
			names := []string{"includeEverything", "limitedBars", "limitedBazs", "excludeBazName"}
			// same checks that every result equals the merge of the four
			// scopes: both bars, both bazs of each without their name
			// (excludeBazName), each with its two quxes (includeEverything).
			same := func(c *C, results []*mqCFoo) {
				c.Helper()
				first := results[0]
				if first == nil || len(first.Bars) != 2 {
					c.Fatalf("foo = %+v, want its two bars", first)
				}
				for _, b := range first.Bars {
					if b.Name == "" || len(b.Bazs) != 2 {
						c.Fatalf("bar = %+v, want its name and two bazs", b)
					}
					for _, z := range b.Bazs {
						if z.Name != "" || len(z.Quxes) != 2 {
							c.Fatalf("baz = %+v, want no name and two quxes", z)
						}
					}
				}
				for i, r := range results[1:] {
					if !reflect.DeepEqual(r, first) {
						c.Fatalf("result %d differs from the first", i+1)
					}
				}
			}

			js.It("should merge complex scopes correctly regardless of their order", func(c *C) {
				m := setup(c)
				var results []*mqCFoo
				for _, p := range mqPermutations(names) {
					r, err := mqScopeOf(c, m.foos, p[0], p[1], p[2], p[3]).FindOne(c.Ctx)
					c.Must(err)
					results = append(results, r)
				}
				same(c, results)
			})

			js.It("should merge complex scopes with findAll options correctly regardless of their order", func(c *C) {
				m := setup(c)
				var results []*mqCFoo
				for _, p := range mqPermutations(names) {
					list, err := mqScopeOf(c, m.foos, p[0], p[1], p[2]).FindAll(c.Ctx, m.scopes[p[3]]())
					c.Must(err)
					results = append(results, list[0])
				}
				same(c, results)
			})

			js.It("should merge complex scopes with findOne options correctly regardless of their order", func(c *C) {
				m := setup(c)
				var results []*mqCFoo
				for _, p := range mqPermutations(names) {
					r, err := mqScopeOf(c, m.foos, p[0], p[1], p[2]).FindOne(c.Ctx, m.scopes[p[3]]())
					c.Must(err)
					results = append(results, r)
				}
				same(c, results)
			})
		})
	})
}
