package query_test

import (
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/op"
)

// The models of scope/associations.test.js besides ScopeMe.
type mqScopeProject struct {
	ID        int64
	Active    *bool
	Companies []*mqScopeCompany
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mqScopeCompany struct {
	ID        int64
	Active    *bool
	Users     []*mqScopeMe
	Projects  []*mqScopeProject
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mqProfile struct {
	ID        int64
	Active    *bool
	UserID    *int64 // userId
	CreatedAt time.Time
	UpdatedAt time.Time
}

// The models of "scope with includes" and "scope with options".
type mqParent struct {
	ID        int64
	Name      string
	Child     *mqChild
	Children  []*mqChild
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mqChild struct {
	ID        int64
	Name      string
	Secret    string
	ParentID  *int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mqClientfile struct {
	ID        int64
	Mission   *mqMission
	Building  *mqBuilding
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mqMission struct {
	ID           int64
	Secret       string
	ClientfileID *int64
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

type mqBuilding struct {
	ID           int64
	ClientfileID *int64
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

type mqScopeAssoc struct {
	scopeMe   *sequelize.Model[mqScopeMe]
	projects  *sequelize.Model[mqScopeProject]
	companies *sequelize.Model[mqScopeCompany]
	profiles  *sequelize.Model[mqProfile]

	companiesOf *sequelize.BelongsToManyAssociation[mqScopeProject, mqScopeCompany]
	projectsOf  *sequelize.BelongsToManyAssociation[mqScopeCompany, mqScopeProject]
	profile     *sequelize.HasOneAssociation[mqScopeMe, mqProfile]
	company     *sequelize.BelongsToAssociation[mqScopeMe, mqScopeCompany]
	users       *sequelize.HasManyAssociation[mqScopeCompany, mqScopeMe]
}

// mqScopeAssocSetup is the describe's beforeEach: the models, five users
// and two companies, the first active with users 1-4, the second inactive
// with user 5.
func mqScopeAssocSetup(c *C) *mqScopeAssoc {
	c.Helper()
	m := &mqScopeAssoc{}
	m.scopeMe = sequelize.Define[mqScopeMe](c.DB, sequelize.ModelOptions{ModelName: "ScopeMe",
		DefaultScope: &sequelize.FindOptions{Where: sequelize.Where{"access_level": op.Gte(5)}},
		Scopes: map[string]sequelize.ScopeFunc{
			"isTony": mqWhereScope(sequelize.Where{"username": "tony"}),
			"includeActiveProjects": func(...any) sequelize.FindOptions {
				return sequelize.FindOptions{Include: []sequelize.Include{{Association: m.company, Include: []sequelize.Include{
					{Association: m.projectsOf, Scope: []any{"active"}},
				}}}}
			},
		},
	})
	m.projects = sequelize.Define[mqScopeProject](c.DB, sequelize.ModelOptions{ModelName: "project",
		Scopes: map[string]sequelize.ScopeFunc{"active": mqWhereScope(sequelize.Where{"active": true})},
	})
	m.companies = sequelize.Define[mqScopeCompany](c.DB, sequelize.ModelOptions{ModelName: "company",
		DefaultScope: &sequelize.FindOptions{Where: sequelize.Where{"active": true}},
		Scopes: map[string]sequelize.ScopeFunc{
			"notActive": mqWhereScope(sequelize.Where{"active": false}),
			"reversed":  sequelize.StaticScope(sequelize.FindOptions{Order: sequelize.Order{{"id", "DESC"}}}),
		},
	})
	m.profiles = sequelize.Define[mqProfile](c.DB, sequelize.ModelOptions{ModelName: "profile",
		DefaultScope: &sequelize.FindOptions{Where: sequelize.Where{"active": true}},
		Scopes:       map[string]sequelize.ScopeFunc{"notActive": mqWhereScope(sequelize.Where{"active": false})},
	})
	m.companiesOf = sequelize.BelongsToMany(m.projects, m.companies, sequelize.BelongsToManyOptions{Through: "CompanyProjects"})
	m.projectsOf = sequelize.BelongsToMany(m.companies, m.projects, sequelize.BelongsToManyOptions{Through: "CompanyProjects"})
	m.profile = sequelize.HasOne(m.scopeMe, m.profiles, sequelize.AssociationOptions{ForeignKey: "userId"})
	m.company = sequelize.BelongsTo(m.scopeMe, m.companies)
	m.users = sequelize.HasMany(m.companies, m.scopeMe, sequelize.AssociationOptions{As: "users"})
	c.Sync()
	us := []*mqScopeMe{
		mqSM("dan", "dan@sequelizejs.com", 5, 10), mqSM("tobi", "tobi@fakeemail.com", 10, 11),
		mqSM("tony", "tony@sequelizejs.com", 3, 7), mqSM("fred", "fred@foobar.com", 3, 7),
		mqSM("bob", "bob@foobar.com", 1, 9),
	}
	for i, u := range us {
		u.ID = int64(i + 1)
		u.Parent_id = mqPtr([]int64{1, 2, 1, 1, 5}[i])
		c.Must(m.scopeMe.Create(c.Ctx, u))
	}
	c1, c2 := &mqScopeCompany{ID: 1, Active: mqPtr(true)}, &mqScopeCompany{ID: 2, Active: mqPtr(false)}
	c.Must(m.companies.Create(c.Ctx, c1))
	c.Must(m.companies.Create(c.Ctx, c2))
	c.Must(m.users.Set(c.Ctx, c1, us[:4]))
	c.Must(m.users.Set(c.Ctx, c2, us[4:]))
	return m
}

// get is the get describe's beforeEach: a project linked to both
// companies.
func (m *mqScopeAssoc) get(c *C) {
	c.Helper()
	p := &mqScopeProject{}
	c.Must(m.projects.Create(c.Ctx, p))
	all, err := m.companies.Unscoped().FindAll(c.Ctx)
	c.Must(err)
	c.Must(m.companiesOf.Set(c.Ctx, p, all))
}

func TestModelScopeAssociations(t *testing.T) {
	js := port(t, "model/scope/associations.test.js")
	js.Describe("scope", func(js *suite) {
		js.Describe("associations", func(js *suite) {
			js.Describe("include", func(js *suite) {
				js.It("should scope columns properly", func(c *C) {
					m := mqScopeAssocSetup(c)
					_, err := m.companies.FindAll(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": 1}, Include: []sequelize.Include{{Association: m.users}}})
					c.Must(err)
				})

				// A Go include always names the association: including
				// the association and including the model as users are
				// the same call.
				for _, title := range []string{
					"should apply default scope when including an associations",
					"should apply default scope when including a model",
				} {
					js.It(title, func(c *C) {
						m := mqScopeAssocSetup(c)
						list, err := m.companies.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: m.users}}})
						c.Must(err)
						c.Eq("companies", len(list), 1)
						c.Eq("users", len(list[0].Users), 2)
					})
				}

				js.It("should be able to include a scoped model", func(c *C) {
					m := mqScopeAssocSetup(c)
					list, err := m.companies.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: m.users, Scope: []any{"isTony"}}}})
					c.Must(err)
					c.Eq("companies", len(list), 1)
					c.Eq("users", mqUsernames(list[0].Users, mqSMName), []string{"tony"})
				})
			})

			js.Describe("get", func(js *suite) {
				unscoped := []any{} // Sequelize's scope: false
				js.Describe("it should be able to unscope", func(js *suite) {
					js.It("hasMany", func(c *C) {
						m := mqScopeAssocSetup(c)
						m.get(c)
						company, err := m.companies.FindByPK(c.Ctx, 1)
						c.Must(err)
						users, err := m.users.Get(c.Ctx, company, sequelize.FindOptions{Scope: unscoped})
						c.Must(err)
						c.Eq("users", len(users), 4)
					})

					js.It("hasOne", func(c *C) {
						m := mqScopeAssocSetup(c)
						m.get(c)
						c.Must(m.profiles.Create(c.Ctx, &mqProfile{Active: mqPtr(false), UserID: mqPtr[int64](1)}))
						user, err := m.scopeMe.FindByPK(c.Ctx, 1)
						c.Must(err)
						profile, err := m.profile.Get(c.Ctx, user, sequelize.FindOptions{Scope: unscoped})
						c.Must(err)
						if profile == nil {
							c.Fatal("no profile")
						}
					})

					js.It("belongsTo", func(c *C) {
						m := mqScopeAssocSetup(c)
						m.get(c)
						user, err := m.scopeMe.Unscoped().FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "bob"}})
						c.Must(err)
						company, err := m.company.Get(c.Ctx, user, sequelize.FindOptions{Scope: unscoped})
						c.Must(err)
						if company == nil {
							c.Fatal("no company")
						}
					})

					js.It("belongsToMany", func(c *C) {
						m := mqScopeAssocSetup(c)
						m.get(c)
						ps, err := m.projects.FindAll(c.Ctx)
						c.Must(err)
						companies, err := m.companiesOf.Get(c.Ctx, ps[0], sequelize.FindOptions{Scope: unscoped})
						c.Must(err)
						c.Eq("companies", len(companies), 2)
					})
				})

				js.Describe("it should apply default scope", func(js *suite) {
					js.It("hasMany", func(c *C) {
						m := mqScopeAssocSetup(c)
						m.get(c)
						company, err := m.companies.FindByPK(c.Ctx, 1)
						c.Must(err)
						users, err := m.users.Get(c.Ctx, company)
						c.Must(err)
						c.Eq("users", len(users), 2)
					})

					js.It("hasOne", func(c *C) {
						m := mqScopeAssocSetup(c)
						m.get(c)
						c.Must(m.profiles.Create(c.Ctx, &mqProfile{Active: mqPtr(false), UserID: mqPtr[int64](1)}))
						user, err := m.scopeMe.FindByPK(c.Ctx, 1)
						c.Must(err)
						profile, err := m.profile.Get(c.Ctx, user)
						c.Must(err)
						c.Eq("profile", profile, (*mqProfile)(nil))
						// The profile exists: the default scope hides it.
						n, err := m.profiles.Unscoped().Count(c.Ctx)
						c.Must(err)
						c.Eq("profiles", n, 1)
					})

					js.It("belongsTo", func(c *C) {
						m := mqScopeAssocSetup(c)
						m.get(c)
						user, err := m.scopeMe.Unscoped().FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "bob"}})
						c.Must(err)
						c.Eq("bob's company id", user.CompanyID, 2)
						company, err := m.company.Get(c.Ctx, user)
						c.Must(err)
						c.Eq("company", company, (*mqScopeCompany)(nil))
					})

					js.It("belongsToMany", func(c *C) {
						m := mqScopeAssocSetup(c)
						m.get(c)
						ps, err := m.projects.FindAll(c.Ctx)
						c.Must(err)
						companies, err := m.companiesOf.Get(c.Ctx, ps[0])
						c.Must(err)
						c.Eq("companies", len(companies), 1)
						c.Eq("active", companies[0].Active, mqPtr(true))
					})
				})

				js.Describe("it should be able to apply another scope", func(js *suite) {
					js.It("hasMany", func(c *C) {
						m := mqScopeAssocSetup(c)
						m.get(c)
						company, err := m.companies.FindByPK(c.Ctx, 1)
						c.Must(err)
						users, err := m.users.Get(c.Ctx, company, sequelize.FindOptions{Scope: []any{"isTony"}})
						c.Must(err)
						c.Eq("users", mqUsernames(users, mqSMName), []string{"tony"})
					})

					js.It("hasOne", func(c *C) {
						m := mqScopeAssocSetup(c)
						m.get(c)
						c.Must(m.profiles.Create(c.Ctx, &mqProfile{Active: mqPtr(true), UserID: mqPtr[int64](1)}))
						user, err := m.scopeMe.FindByPK(c.Ctx, 1)
						c.Must(err)
						profile, err := m.profile.Get(c.Ctx, user, sequelize.FindOptions{Scope: []any{"notActive"}})
						c.Must(err)
						c.Eq("profile", profile, (*mqProfile)(nil))
						profile, err = m.profile.Get(c.Ctx, user)
						c.Must(err)
						if profile == nil {
							c.Fatal("the default scope should find the active profile")
						}
					})

					js.It("belongsTo", func(c *C) {
						m := mqScopeAssocSetup(c)
						m.get(c)
						user, err := m.scopeMe.Unscoped().FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "bob"}})
						c.Must(err)
						company, err := m.company.Get(c.Ctx, user, sequelize.FindOptions{Scope: []any{"notActive"}})
						c.Must(err)
						if company == nil {
							c.Fatal("no company")
						}
					})

					js.It("belongsToMany", func(c *C) {
						m := mqScopeAssocSetup(c)
						m.get(c)
						ps, err := m.projects.FindAll(c.Ctx)
						c.Must(err)
						companies, err := m.companiesOf.Get(c.Ctx, ps[0], sequelize.FindOptions{Scope: []any{"reversed"}})
						c.Must(err)
						c.Eq("company ids", []int64{companies[0].ID, companies[1].ID}, []int64{2, 1})
					})
				})
			})

			js.Describe("scope with includes", func(js *suite) {
				// beforeEach: company 1's projects 1 (active) and 2.
				setup := func(c *C) *mqScopeAssoc {
					c.Helper()
					m := mqScopeAssocSetup(c)
					co, err := m.companies.FindByPK(c.Ctx, 1)
					c.Must(err)
					p1, p2 := &mqScopeProject{ID: 1, Active: mqPtr(true)}, &mqScopeProject{ID: 2, Active: mqPtr(false)}
					c.Must(m.projects.Create(c.Ctx, p1))
					c.Must(m.projects.Create(c.Ctx, p2))
					c.Must(m.projectsOf.Set(c.Ctx, co, []*mqScopeProject{p1, p2}))
					return m
				}

				js.It("should scope columns properly", func(c *C) {
					m := setup(c)
					_, err := mqScopeOf(c, m.scopeMe, "includeActiveProjects").FindAll(c.Ctx)
					c.Must(err)
				})

				js.It("should apply scope conditions", func(c *C) {
					m := setup(c)
					user, err := mqScopeOf(c, m.scopeMe, "includeActiveProjects").FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": 1}})
					c.Must(err)
					c.Eq("projects", len(user.Company.Projects), 1)
				})

				js.Describe("with different format", func(js *suite) {
					js.It("should not throw error", func(c *C) {
						setup(c)
						var child *sequelize.HasOneAssociation[mqParent, mqChild]
						includeChild := func(...any) sequelize.FindOptions {
							return sequelize.FindOptions{Include: []sequelize.Include{{Association: child}}}
						}
						// JS also gives Parent a default scope including
						// Child, which scope('children', 'alsoChildren')
						// replaces; a Go DefaultScope is a value fixed at
						// Define, before the association exists.
						parents := sequelize.Define[mqParent](c.DB, sequelize.ModelOptions{ModelName: "Parent",
							Scopes: map[string]sequelize.ScopeFunc{"children": includeChild, "alsoChildren": includeChild},
						})
						children := sequelize.Define[mqChild](c.DB, sequelize.ModelOptions{ModelName: "Child"})
						sequelize.BelongsTo(children, parents)
						child = sequelize.HasOne(parents, children)
						c.Sync()
						ch, p := &mqChild{}, &mqParent{}
						c.Must(children.Create(c.Ctx, ch))
						c.Must(parents.Create(c.Ctx, p))
						c.Must(child.Set(c.Ctx, p, ch))
						got, err := mqScopeOf(c, parents, "children", "alsoChildren").FindOne(c.Ctx)
						c.Must(err)
						if got == nil || got.Child == nil || got.Child.ID != ch.ID {
							c.Fatalf("parent = %+v, want its child", got)
						}
					})
				})

				js.Describe("with find options", func(js *suite) {
					js.It("should merge includes correctly", func(c *C) {
						setup(c)
						var childrenOf *sequelize.HasManyAssociation[mqParent, mqChild]
						parents := sequelize.Define[mqParent](c.DB, sequelize.ModelOptions{ModelName: "Parent",
							Scopes: map[string]sequelize.ScopeFunc{"testScope1": func(...any) sequelize.FindOptions {
								return sequelize.FindOptions{Include: []sequelize.Include{{Association: childrenOf, Where: sequelize.Where{"name": "child2"}}}}
							}},
						})
						children := sequelize.Define[mqChild](c.DB, sequelize.ModelOptions{ModelName: "Child"})
						childrenOf = sequelize.HasMany(parents, children)
						c.Sync()
						for _, n := range []string{"1", "2"} {
							p := &mqParent{Name: "parent" + n}
							c.Must(parents.Create(c.Ctx, p))
							c.Must(childrenOf.Create(c.Ctx, p, &mqChild{Name: "child" + n}))
						}
						parent, err := mqScopeOf(c, parents, "testScope1").FindOne(c.Ctx, sequelize.FindOptions{
							Include: []sequelize.Include{{Association: childrenOf, Attributes: []any{sequelize.Exclude("name")}}},
						})
						c.Must(err)
						c.Eq("name", parent.Name, "parent2")
						c.Eq("children", len(parent.Children), 1)
						c.Eq("child name (excluded)", parent.Children[0].Name, "")
					})
				})
			})

			js.Describe("scope with options", func(js *suite) {
				// The JS cases create the child without a parent and see
				// that ParentId is a property of it; a Go struct always
				// has the field, so the child gets a parent here, whose
				// key shows that the column was read.
				js.It("should return correct object included foreign_key", func(c *C) {
					mqScopeAssocSetup(c)
					children := sequelize.Define[mqChild](c.DB, sequelize.ModelOptions{ModelName: "Child",
						Scopes: map[string]sequelize.ScopeFunc{"public": sequelize.StaticScope(sequelize.FindOptions{Attributes: []any{sequelize.Exclude("secret")}})},
					})
					parents := sequelize.Define[mqParent](c.DB, sequelize.ModelOptions{ModelName: "Parent"})
					sequelize.BelongsTo(children, parents)
					sequelize.HasOne(parents, children)
					c.Sync()
					p := &mqParent{}
					c.Must(parents.Create(c.Ctx, p))
					c.Must(children.Create(c.Ctx, &mqChild{Secret: "super secret", ParentID: &p.ID}))
					user, err := mqScopeOf(c, children, "public").FindOne(c.Ctx)
					c.Must(err)
					c.Eq("ParentId", user.ParentID, p.ID)
					c.Eq("secret (excluded)", user.Secret, "")
				})

				js.It("should return correct object included foreign_key with defaultScope", func(c *C) {
					mqScopeAssocSetup(c)
					children := sequelize.Define[mqChild](c.DB, sequelize.ModelOptions{ModelName: "Child",
						DefaultScope: &sequelize.FindOptions{Attributes: []any{sequelize.Exclude("secret")}},
					})
					parents := sequelize.Define[mqParent](c.DB, sequelize.ModelOptions{ModelName: "Parent"})
					sequelize.BelongsTo(children, parents)
					c.Sync()
					p := &mqParent{}
					c.Must(parents.Create(c.Ctx, p))
					c.Must(children.Create(c.Ctx, &mqChild{Secret: "super secret", ParentID: &p.ID}))
					user, err := children.FindOne(c.Ctx)
					c.Must(err)
					c.Eq("ParentId", user.ParentID, p.ID)
					c.Eq("secret (excluded)", user.Secret, "")
				})

				js.It("should not throw error", func(c *C) {
					mqScopeAssocSetup(c)
					clientfiles := sequelize.Define[mqClientfile](c.DB, sequelize.ModelOptions{ModelName: "clientfile"})
					missions := sequelize.Define[mqMission](c.DB, sequelize.ModelOptions{ModelName: "mission"})
					buildings := sequelize.Define[mqBuilding](c.DB, sequelize.ModelOptions{ModelName: "building"})
					mission := sequelize.HasOne(clientfiles, missions)
					building := sequelize.HasOne(clientfiles, buildings)
					c.Sync()
					// JS makes the same find twice, naming the associations
					// by string and then by object; Go names them by object.
					list, err := clientfiles.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{
						{Association: mission, Where: sequelize.Where{"secret": "foo"}},
						{Association: building},
					}})
					c.Must(err)
					c.Eq("clientfiles", len(list), 0)
				})
			})
		})
	})
}
