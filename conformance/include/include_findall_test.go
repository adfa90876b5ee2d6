package include_test

import (
	"github.com/gosequelize/sequelize/conformance/internal/harness"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/datatypes"
	"github.com/gosequelize/sequelize/op"
)

// The models of include/findAll.test.js's fixtureA (and of the cases that
// define the same User, Product, Tag, Price, Group, GroupMember and Rank).

type ihFaUser struct {
	ID          int64
	Name        string
	Products    []*ihFaProduct
	Memberships []*ihFaMember
}

type ihFaCompany struct {
	ID   int64
	Name string
}

type ihFaProduct struct {
	ID         int64
	Title      string
	UserID     *int64
	User       *ihFaUser
	CategoryID *int64
	Category   *ihFaTag
	CompanyID  *int64
	Company    *ihFaCompany
	Tags       []*ihFaTag
	Prices     []*ihFaPrice
}

type ihFaTag struct {
	ID   int64
	Name string
}

type ihFaPrice struct {
	ID        int64
	Value     float64 `sequelize:"type:FLOAT"`
	ProductID *int64
}

type ihFaGroup struct {
	ID   int64
	Name string
}

type ihFaRank struct {
	ID        int64
	Name      string
	CanInvite int64 `sequelize:"defaultValue:0"`
	CanRemove int64 `sequelize:"defaultValue:0"`
	CanPost   int64 `sequelize:"defaultValue:0"`
}

type ihFaMember struct {
	ID      int64
	UserID  *int64
	RankID  *int64
	Rank    *ihFaRank
	GroupID *int64
	Group   *ihFaGroup
}

// ihShop is that set of models and their associations.
type ihShop struct {
	users     *sequelize.Model[ihFaUser]
	companies *sequelize.Model[ihFaCompany]
	products  *sequelize.Model[ihFaProduct]
	tags      *sequelize.Model[ihFaTag]
	prices    *sequelize.Model[ihFaPrice]
	groups    *sequelize.Model[ihFaGroup]
	members   *sequelize.Model[ihFaMember]
	ranks     *sequelize.Model[ihFaRank]

	userProducts   *sequelize.HasManyAssociation[ihFaUser, ihFaProduct]
	productUser    *sequelize.BelongsToAssociation[ihFaProduct, ihFaUser]
	productTags    *sequelize.BelongsToManyAssociation[ihFaProduct, ihFaTag]
	category       *sequelize.BelongsToAssociation[ihFaProduct, ihFaTag]
	productCompany *sequelize.BelongsToAssociation[ihFaProduct, ihFaCompany]
	productPrices  *sequelize.HasManyAssociation[ihFaProduct, ihFaPrice]
	memberships    *sequelize.HasManyAssociation[ihFaUser, ihFaMember]
	memberRank     *sequelize.BelongsToAssociation[ihFaMember, ihFaRank]
	memberGroup    *sequelize.BelongsToAssociation[ihFaMember, ihFaGroup]
}

// ihDefineShop defines the models and associations the JS cases share
// (the Company model only when company is set) and syncs them.
func ihDefineShop(c *C, company bool) *ihShop {
	c.Helper()
	s := &ihShop{}
	s.users = harness.Define[ihFaUser](c, "User")
	if company {
		s.companies = harness.Define[ihFaCompany](c, "Company")
	}
	s.products = harness.Define[ihFaProduct](c, "Product")
	s.tags = harness.Define[ihFaTag](c, "Tag")
	s.prices = harness.Define[ihFaPrice](c, "Price")
	s.groups = harness.Define[ihFaGroup](c, "Group")
	s.members = harness.Define[ihFaMember](c, "GroupMember")
	s.ranks = harness.Define[ihFaRank](c, "Rank")

	s.userProducts = sequelize.HasMany(s.users, s.products)
	s.productUser = sequelize.BelongsTo(s.products, s.users)
	s.productTags = sequelize.BelongsToMany(s.products, s.tags, sequelize.BelongsToManyOptions{Through: "product_tag"})
	sequelize.BelongsToMany(s.tags, s.products, sequelize.BelongsToManyOptions{Through: "product_tag"})
	s.category = sequelize.BelongsTo(s.products, s.tags, sequelize.AssociationOptions{As: "Category"})
	if company {
		s.productCompany = sequelize.BelongsTo(s.products, s.companies)
	}
	s.productPrices = sequelize.HasMany(s.products, s.prices)
	sequelize.BelongsTo(s.prices, s.products)
	s.memberships = sequelize.HasMany(s.users, s.members, sequelize.AssociationOptions{As: "Memberships"})
	sequelize.BelongsTo(s.members, s.users)
	s.memberRank = sequelize.BelongsTo(s.members, s.ranks)
	s.memberGroup = sequelize.BelongsTo(s.members, s.groups)
	sequelize.HasMany(s.groups, s.members, sequelize.AssociationOptions{As: "Memberships"})
	c.Sync()
	return s
}

// ihFixtureA is fixtureA: five users, each with five new products (three
// of them the user's), tags, a category, companies and prices.
func ihFixtureA(c *C) *ihShop {
	c.Helper()
	s := ihDefineShop(c, true)
	harness.Bulk(c, s.groups, &ihFaGroup{Name: "Developers"}, &ihFaGroup{Name: "Designers"}, &ihFaGroup{Name: "Managers"})
	groups := harness.All(c, s.groups)
	companies := harness.Bulk(c, s.companies, &ihFaCompany{Name: "Sequelize"}, &ihFaCompany{Name: "Coca Cola"},
		&ihFaCompany{Name: "Bonanza"}, &ihFaCompany{Name: "NYSE"}, &ihFaCompany{Name: "Coshopr"})
	ranks := harness.Bulk(c, s.ranks, &ihFaRank{Name: "Admin", CanInvite: 1, CanRemove: 1, CanPost: 1},
		&ihFaRank{Name: "Trustee", CanInvite: 1, CanPost: 1}, &ihFaRank{Name: "Member", CanInvite: 1})
	tags := harness.Bulk(c, s.tags, &ihFaTag{Name: "A"}, &ihFaTag{Name: "B"}, &ihFaTag{Name: "C"}, &ihFaTag{Name: "D"}, &ihFaTag{Name: "E"})
	for i := range 5 {
		user := harness.Create(c, s.users, &ihFaUser{})[0]
		harness.Bulk(c, s.products, &ihFaProduct{Title: "Chair"}, &ihFaProduct{Title: "Desk"}, &ihFaProduct{Title: "Bed"},
			&ihFaProduct{Title: "Pen"}, &ihFaProduct{Title: "Monitor"})
		products := harness.All(c, s.products)
		p := products[i*5 : i*5+5]
		// The JS fixture gives the members an unknown AccUserId, which
		// Sequelize ignores: they have no user.
		members := []*ihFaMember{{GroupID: &groups[0].ID, RankID: &ranks[0].ID}, {GroupID: &groups[1].ID, RankID: &ranks[2].ID}}
		if i < 3 {
			members = append(members, &ihFaMember{GroupID: &groups[2].ID, RankID: &ranks[1].ID})
		}
		harness.Bulk(c, s.members, members...)
		c.Must(s.userProducts.Set(c.Ctx, user, []*ihFaProduct{p[0], p[1], p[3]}))
		c.Must(s.productTags.Set(c.Ctx, p[0], []*ihFaTag{tags[0], tags[2]}))
		c.Must(s.productTags.Set(c.Ctx, p[1], []*ihFaTag{tags[1]}))
		c.Must(s.category.Set(c.Ctx, p[0], tags[1]))
		c.Must(s.productTags.Set(c.Ctx, p[2], []*ihFaTag{tags[0]}))
		c.Must(s.productTags.Set(c.Ctx, p[3], []*ihFaTag{tags[0]}))
		for k, co := range []int{4, 3, 2, 1, 0} {
			c.Must(s.productCompany.Set(c.Ctx, p[k], companies[co]))
		}
		price := func(k int, v float64) *ihFaPrice { return &ihFaPrice{ProductID: &p[k].ID, Value: v} }
		harness.Bulk(c, s.prices, price(0, 5), price(0, 10), price(1, 5), price(1, 10), price(1, 15), price(1, 20), price(2, 20), price(3, 20))
	}
	return s
}

// The models of 'should support many levels of belongsTo'.
type (
	ihLvA struct {
		ID  int64
		BID *int64
		B   *ihLvB
	}
	ihLvB struct {
		ID  int64
		CID *int64
		C   *ihLvC
	}
	ihLvC struct {
		ID  int64
		DID *int64
		D   *ihLvD
	}
	ihLvD struct {
		ID  int64
		EID *int64
		E   *ihLvE
	}
	ihLvE struct {
		ID  int64
		FID *int64
		F   *ihLvF
	}
	ihLvF struct {
		ID  int64
		GID *int64
		G   *ihLvG
	}
	ihLvG struct {
		ID   int64
		Name string
		HID  *int64
		H    *ihLvH
	}
	ihLvH struct {
		ID   int64
		Name string
	}
)

// ihLevels defines a.belongsTo(b) ... g.belongsTo(h), syncs, creates the
// chain b -> c -> ... -> h (g named "yolo") and returns the models and
// b's instance.
type ihLevels struct {
	a  *sequelize.Model[ihLvA]
	ab *sequelize.BelongsToAssociation[ihLvA, ihLvB]
	bc *sequelize.BelongsToAssociation[ihLvB, ihLvC]
	cd *sequelize.BelongsToAssociation[ihLvC, ihLvD]
	de *sequelize.BelongsToAssociation[ihLvD, ihLvE]
	ef *sequelize.BelongsToAssociation[ihLvE, ihLvF]
	fg *sequelize.BelongsToAssociation[ihLvF, ihLvG]
	gh *sequelize.BelongsToAssociation[ihLvG, ihLvH]
	b  *ihLvB
}

func ihDefineLevels(c *C) *ihLevels {
	c.Helper()
	l := &ihLevels{a: harness.Define[ihLvA](c, "a")}
	b := harness.Define[ihLvB](c, "b")
	cm := harness.Define[ihLvC](c, "c")
	d := harness.Define[ihLvD](c, "d")
	e := harness.Define[ihLvE](c, "e")
	f := harness.Define[ihLvF](c, "f")
	g := harness.Define[ihLvG](c, "g")
	h := harness.Define[ihLvH](c, "h")
	l.ab, l.bc, l.cd = sequelize.BelongsTo(l.a, b), sequelize.BelongsTo(b, cm), sequelize.BelongsTo(cm, d)
	l.de, l.ef, l.fg, l.gh = sequelize.BelongsTo(d, e), sequelize.BelongsTo(e, f), sequelize.BelongsTo(f, g), sequelize.BelongsTo(g, h)
	c.Sync()
	l.b = harness.Create(c, b, &ihLvB{})[0]
	ci := harness.Create(c, cm, &ihLvC{})[0]
	c.Must(l.bc.Set(c.Ctx, l.b, ci))
	di := harness.Create(c, d, &ihLvD{})[0]
	c.Must(l.cd.Set(c.Ctx, ci, di))
	ei := harness.Create(c, e, &ihLvE{})[0]
	c.Must(l.de.Set(c.Ctx, di, ei))
	fi := harness.Create(c, f, &ihLvF{})[0]
	c.Must(l.ef.Set(c.Ctx, ei, fi))
	gi := harness.Create(c, g, &ihLvG{Name: "yolo"})[0]
	c.Must(l.fg.Set(c.Ctx, fi, gi))
	hi := harness.Create(c, h, &ihLvH{})[0]
	c.Must(l.gh.Set(c.Ctx, gi, hi))
	return l
}

// include loads b -> c -> ... -> h, with where on g when given.
func (l *ihLevels) include(gWhere any) []sequelize.Include {
	return []sequelize.Include{{Association: l.ab, Include: []sequelize.Include{{Association: l.bc, Include: []sequelize.Include{
		{Association: l.cd, Include: []sequelize.Include{{Association: l.de, Include: []sequelize.Include{{Association: l.ef,
			Include: []sequelize.Include{{Association: l.fg, Where: gWhere, Include: []sequelize.Include{{Association: l.gh}}}}}}}}}}}}}}
}

// hChain reports whether a's chain reaches h.
func (a *ihLvA) hChain() bool {
	return a.B != nil && a.B.C != nil && a.B.C.D != nil && a.B.C.D.E != nil && a.B.C.D.E.F != nil && a.B.C.D.E.F.G != nil &&
		a.B.C.D.E.F.G.H != nil
}

// The models of 'should work on a nested set of relations with a where
// condition in between relations'.
type (
	ihNsUser struct {
		ID               int64
		SubscriptionForm *ihNsForm
	}
	ihNsForm struct {
		ID            int64
		BoundUser     *int64
		BoundCategory *int64
		Collection    *ihNsCollection
		Category      *ihNsCategory
	}
	ihNsCollection struct {
		ID            int64
		BoundDesigner *int64
	}
	ihNsCategory struct {
		ID            int64
		BoundCapital  *int64
		SubCategories []*ihNsSubCategory
		Capital       *ihNsCapital
	}
	ihNsSubCategory struct {
		ID            int64
		BoundCategory *int64
	}
	ihNsCapital struct {
		ID         int64
		Categories []*ihNsCategory
	}
)

// The models of the nested Set/Product/Tag case and of the through-model
// cases.
type (
	ihSet struct {
		ID       int64
		Title    string
		Products []*ihPtProduct
	}
	ihPtProduct struct {
		ID    int64
		Title string
		SetID *int64
		Tags  []*ihPtTag
	}
	ihPtTag struct {
		ID         int64
		Name       string
		ProductTag *ihProductTag
	}
	ihProductTag struct {
		ProductID int64
		TagID     int64
		Priority  *int64
	}
)

// ihProductTags defines Product.belongsToMany(Tag, {through: ProductTag})
// both ways and syncs, with the products Chair, Desk, Dress and the tags
// A, B, C.
func ihProductTags(c *C, withSet bool) (*sequelize.Model[ihPtProduct], *sequelize.BelongsToManyAssociation[ihPtProduct, ihPtTag], []*ihPtProduct, []*ihPtTag, *sequelize.Model[ihSet], *sequelize.HasManyAssociation[ihSet, ihPtProduct]) {
	c.Helper()
	products := harness.Define[ihPtProduct](c, "Product")
	tags := harness.Define[ihPtTag](c, "Tag")
	through := harness.Define[ihProductTag](c, "ProductTag")
	var sets *sequelize.Model[ihSet]
	var setProducts *sequelize.HasManyAssociation[ihSet, ihPtProduct]
	if withSet {
		sets = harness.Define[ihSet](c, "Set")
		setProducts = sequelize.HasMany(sets, products)
	}
	pt := sequelize.BelongsToMany(products, tags, sequelize.BelongsToManyOptions{ThroughModel: through})
	sequelize.BelongsToMany(tags, products, sequelize.BelongsToManyOptions{ThroughModel: through})
	c.Sync()
	ps := harness.Bulk(c, products, &ihPtProduct{Title: "Chair"}, &ihPtProduct{Title: "Desk"}, &ihPtProduct{Title: "Dress"})
	ts := harness.Bulk(c, tags, &ihPtTag{Name: "A"}, &ihPtTag{Name: "B"}, &ihPtTag{Name: "C"})
	return products, pt, ps, ts, sets, setProducts
}

// Models of the small User/Group, User/Project, Address/Street cases.
type (
	ihUgUser struct {
		ID       int64
		GroupID  *int64
		Group    *ihUgGroup
		TeamID   *int64
		Team     *ihUgGroup
		LeaderOf *ihUgProject
	}
	ihUgGroup struct {
		ID         int64
		Name       string
		Categories []*ihUgCategory
		Tags       []*ihUgCategory
	}
	ihUgCategory struct {
		ID       int64
		Category string
		GroupID  *int64
	}
	ihUgProject struct {
		ID         int64
		Title      string
		LeaderOfID *int64
	}
)

// ihUserGroups defines User.belongsTo(Group) (or as Team) and
// Group.hasMany(Category) (or as Tags), syncs, and creates the groups A
// and B, the given number of users, and two categories given to the
// groups one after the other (so that B ends with both).
func ihUserGroups(c *C, users int, aliases bool) (*sequelize.Model[ihUgUser], sequelize.Association, sequelize.Association, []*ihUgUser, []*ihUgGroup) {
	c.Helper()
	um := harness.Define[ihUgUser](c, "User")
	gm := harness.Define[ihUgGroup](c, "Group")
	cm := harness.Define[ihUgCategory](c, "Category")
	var ug *sequelize.BelongsToAssociation[ihUgUser, ihUgGroup]
	var gc *sequelize.HasManyAssociation[ihUgGroup, ihUgCategory]
	if aliases {
		ug = sequelize.BelongsTo(um, gm, sequelize.AssociationOptions{As: "Team"})
		gc = sequelize.HasMany(gm, cm, sequelize.AssociationOptions{As: "Tags", ForeignKey: "GroupId"})
	} else {
		ug = sequelize.BelongsTo(um, gm)
		gc = sequelize.HasMany(gm, cm)
	}
	c.Sync()
	groups := harness.Bulk(c, gm, &ihUgGroup{Name: "A"}, &ihUgGroup{Name: "B"})
	var us []*ihUgUser
	for range users {
		us = append(us, &ihUgUser{})
	}
	harness.Bulk(c, um, us...)
	cats := harness.Bulk(c, cm, &ihUgCategory{}, &ihUgCategory{})
	if gc != nil {
		for _, g := range groups {
			c.Must(gc.Set(c.Ctx, g, cats))
		}
	}
	return um, ug, gc, us, groups
}

// The models of the Member/Album case.
type (
	ihMember struct {
		ID       int64
		Email    string `sequelize:"unique;allowNull:false" validate:"isEmail;notEmpty"`
		Password string
		Albums   []*ihAlbum
	}
	ihAlbum struct {
		ID       int64
		Title    string `sequelize:"type:STRING(25);allowNull:false"`
		MemberID *int64
	}
)

// The models of 'should work on a nested set of required 1:1 relations'.
type (
	ihOoPerson struct {
		ID         int64
		Name       string `sequelize:"allowNull:false"`
		UserPerson *ihOoUserPerson
	}
	ihOoUserPerson struct {
		PersonID int64 `sequelize:"primaryKey;type:INTEGER;allowNull:false"`
		Rank     string
		User     *ihOoUser
	}
	ihOoUser struct {
		UserPersonID int64  `sequelize:"primaryKey;type:INTEGER;allowNull:false"`
		Login        string `sequelize:"unique;allowNull:false"`
	}
)

// The models of the m:n nested inner join case.
type (
	ihEnUser struct {
		Username string `sequelize:"primaryKey"`
	}
	ihEnEntity struct {
		Entity_id int64  `sequelize:"primaryKey;autoIncrement;type:INTEGER"`
		Creator   string `sequelize:"allowNull:false"`
		Votes     int64  `sequelize:"type:INTEGER;allowNull:false;defaultValue:0"`
		User      *ihEnUser
		Tags      []*ihEnTag
	}
	ihEnPost struct {
		Post_id int64 `sequelize:"primaryKey;type:INTEGER;allowNull:false"`
		Entity  *ihEnEntity
	}
	ihEnTag struct {
		Nametag   string `sequelize:"primaryKey"`
		EntityTag *ihEntityTag
	}
	ihEntityTag struct {
		Entity_id int64 `sequelize:"type:INTEGER"`
		Tag_name  string
	}
)

// The models of the inner-and-outer-join case.
type (
	ihShCustomer struct {
		ID                int64
		Name              string
		ShippingAddresses []*ihShAddress
	}
	ihShAddress struct {
		ID         int64
		Address    string
		Verified   bool
		CustomerID *int64
	}
	ihShOrder struct {
		ID         int64
		Descr      string `sequelize:"field:description;type:TEXT"`
		CustomerID *int64
		Customer   *ihShCustomer
	}
	ihShShipment struct {
		ID              int64
		TrackingNumber  string
		PurchaseOrderID *int64
		PurchaseOrder   *ihShOrder
	}
)

// The models of the paranoid through model case.
type (
	ihPcUser struct {
		ID        int64
		Name      string
		Customers []*ihPcCustomer
	}
	ihPcCustomer struct {
		ID            int64
		Name          string
		User_customer *ihPcUserCustomer
	}
	ihPcUserCustomer struct {
		UserID     int64
		CustomerID int64
		DeletedAt  *time.Time
	}
)

var _ = listed(
	difference{
		File: "include/findAll.test.js", Title: "findAll/should ignore include with attributes: [] (used for aggregates)", Kind: deliberate,
		Instead: "an aggregate over an included model's rows (COUNT(comments.id) grouped by Post.id) is refused: FindAllRaw, which reads aliased values, loads no includes and fails with an *EagerLoadingError; the include filters the parents (EXISTS) and the count is DB.Query or the association's Count.",
		Why:     "includes load with one query per level, never a JOIN (FindOptions.Include), so no column of an included table is in the parent's SELECT for an aggregate to use.",
	},
	difference{
		File: "include/findAll.test.js", Title: "findAll/should ignore include with attributes: [] and through: { attributes: [] } (used for aggregates)", Kind: deliberate,
		Instead: "as for the HasMany case: FindAllRaw refuses the include with an *EagerLoadingError; BelongsToManyAssociation.Count gives the number.",
		Why:     "includes load with one query per level, never a JOIN, so a BelongsToMany's target columns are not in the parent's SELECT.",
	},
	difference{
		File: "include/findAll.test.js", Title: "findAll/should not add primary key when including and aggregating with raw: true", Kind: deliberate,
		Instead: "FindAllRaw (raw: true) refuses an Include with an *EagerLoadingError instead of joining the included table into the aggregate.",
		Why:     "includes load with one query per level, never a JOIN, so an included model's attributes cannot be aggregated in the parent's SELECT.",
	},
)

func TestIncludeFindAll(t *testing.T) {
	js := port(t, "include/findAll.test.js")
	js.Describe("findAll", func(js *suite) {
		js.It("should work on a nested set of relations with a where condition in between relations", func(c *C) {
			users := harness.Define[ihNsUser](c, "User")
			forms := harness.Define[ihNsForm](c, "SubscriptionForm")
			collections := harness.Define[ihNsCollection](c, "Collection")
			categories := harness.Define[ihNsCategory](c, "Category")
			subs := harness.Define[ihNsSubCategory](c, "SubCategory")
			capitals := harness.Define[ihNsCapital](c, "Capital")
			userForm := sequelize.HasOne(users, forms, sequelize.AssociationOptions{ForeignKey: "boundUser"})
			sequelize.BelongsTo(forms, users, sequelize.AssociationOptions{ForeignKey: "boundUser"})
			formCollection := sequelize.HasOne(forms, collections, sequelize.AssociationOptions{ForeignKey: "boundDesigner"})
			sequelize.BelongsTo(collections, forms, sequelize.AssociationOptions{ForeignKey: "boundDesigner"})
			formCategory := sequelize.BelongsTo(forms, categories, sequelize.AssociationOptions{ForeignKey: "boundCategory"})
			sequelize.HasMany(categories, forms, sequelize.AssociationOptions{ForeignKey: "boundCategory"})
			capitalCategories := sequelize.HasMany(capitals, categories, sequelize.AssociationOptions{ForeignKey: "boundCapital"})
			categoryCapital := sequelize.BelongsTo(categories, capitals, sequelize.AssociationOptions{ForeignKey: "boundCapital"})
			categorySubs := sequelize.HasMany(categories, subs, sequelize.AssociationOptions{ForeignKey: "boundCategory"})
			sequelize.BelongsTo(subs, categories, sequelize.AssociationOptions{ForeignKey: "boundCategory"})
			c.Sync()
			include := []sequelize.Include{{Association: userForm, Include: []sequelize.Include{
				{Association: formCollection, Where: sequelize.Where{"id": 13}},
				{Association: formCategory, Include: []sequelize.Include{
					{Association: categorySubs},
					{Association: categoryCapital, Include: []sequelize.Include{{Association: capitalCategories}}},
				}},
			}}}
			u := harness.R(users.FindOne(c.Ctx, sequelize.FindOptions{Include: include})).Get(c)
			c.Eq("user in empty tables", u, (*ihNsUser)(nil))
			// With rows: the form has no collection 13, so the (not
			// required) form include is empty and the user is still found.
			user := harness.Create(c, users, &ihNsUser{})[0]
			harness.Create(c, forms, &ihNsForm{BoundUser: &user.ID})
			u = harness.R(users.FindOne(c.Ctx, sequelize.FindOptions{Include: include})).Get(c)
			if u == nil || u.SubscriptionForm != nil {
				c.Fatalf("user = %+v, want the user without a form", u)
			}
		})

		js.It("should accept nested `where` and `limit` at the same time", func(c *C) {
			_, pt, products, tags, sets, setProducts := ihProductTags(c, true)
			set := harness.Bulk(c, sets, &ihSet{Title: "office"})[0]
			c.Must(setProducts.Add(c.Ctx, set, []*ihPtProduct{products[0], products[1]}))
			// addTag(tag, {priority}) passes priority as an option, not as
			// through attributes: the links have no priority.
			c.Must(pt.Add(c.Ctx, products[0], tags[0]))
			c.Must(pt.Add(c.Ctx, products[0], tags[1]))
			c.Must(pt.Add(c.Ctx, products[0], tags[2]))
			c.Must(pt.Add(c.Ctx, products[1], tags[1]))
			c.Must(pt.Add(c.Ctx, products[2], tags[1]))
			c.Must(pt.Add(c.Ctx, products[2], tags[2]))
			got := harness.R(sets.FindAll(c.Ctx, sequelize.FindOptions{
				Include: []sequelize.Include{{Association: setProducts, Include: []sequelize.Include{
					{Association: pt, Where: sequelize.Where{"name": "A"}},
				}}},
				Limit: 1,
			})).Get(c)
			c.Eq("sets", len(got), 1)
			c.Eq("products with tag A", len(got[0].Products), 1)
			c.Eq("product", got[0].Products[0].Title, "Chair")
			c.Eq("tags", len(got[0].Products[0].Tags), 1)
			c.Eq("tag", got[0].Products[0].Tags[0].Name, "A")
		})

		js.It("should support an include with multiple different association types", func(c *C) {
			s := ihDefineShop(c, false)
			groups := harness.Bulk(c, s.groups, &ihFaGroup{Name: "Developers"}, &ihFaGroup{Name: "Designers"})
			ranks := harness.Bulk(c, s.ranks, &ihFaRank{Name: "Admin", CanInvite: 1, CanRemove: 1}, &ihFaRank{Name: "Member", CanInvite: 1})
			tags := harness.Bulk(c, s.tags, &ihFaTag{Name: "A"}, &ihFaTag{Name: "B"}, &ihFaTag{Name: "C"})
			for i := range 5 {
				user := harness.Create(c, s.users, &ihFaUser{})[0]
				harness.Bulk(c, s.products, &ihFaProduct{Title: "Chair"}, &ihFaProduct{Title: "Desk"})
				products := harness.All(c, s.products)
				p := products[i*2 : i*2+2]
				harness.Bulk(c, s.members, &ihFaMember{UserID: &user.ID, GroupID: &groups[0].ID, RankID: &ranks[0].ID},
					&ihFaMember{UserID: &user.ID, GroupID: &groups[1].ID, RankID: &ranks[1].ID})
				c.Must(s.userProducts.Set(c.Ctx, user, p))
				c.Must(s.productTags.Set(c.Ctx, p[0], []*ihFaTag{tags[0], tags[2]}))
				c.Must(s.productTags.Set(c.Ctx, p[1], []*ihFaTag{tags[1]}))
				c.Must(s.category.Set(c.Ctx, p[0], tags[1]))
				price := func(k int, v float64) *ihFaPrice { return &ihFaPrice{ProductID: &p[k].ID, Value: v} }
				harness.Bulk(c, s.prices, price(0, 5), price(0, 10), price(1, 5), price(1, 10), price(1, 15), price(1, 20))
				users := harness.R(s.users.FindAll(c.Ctx, sequelize.FindOptions{
					Include: []sequelize.Include{
						{Association: s.memberships, Include: []sequelize.Include{{Association: s.memberGroup}, {Association: s.memberRank}}},
						{Association: s.userProducts, Include: []sequelize.Include{{Association: s.productTags}, {Association: s.category}, {Association: s.productPrices}}},
					},
					Order: sequelize.Order{{"id", "ASC"}},
				})).Get(c)
				c.Eq("users", len(users), i+1)
				for _, u := range users {
					ihCheckUserShop(c, u)
				}
			}
		})

		js.It("should support many levels of belongsTo", func(c *C) {
			l := ihDefineLevels(c)
			as := harness.Bulk(c, l.a, &ihLvA{}, &ihLvA{}, &ihLvA{}, &ihLvA{}, &ihLvA{}, &ihLvA{}, &ihLvA{}, &ihLvA{})
			for _, a := range as {
				c.Must(l.ab.Set(c.Ctx, a, l.b))
			}
			got := harness.R(l.a.FindAll(c.Ctx, sequelize.FindOptions{Include: l.include(nil)})).Get(c)
			c.Eq("as", len(got), 8)
			for _, a := range got {
				if !a.hChain() {
					c.Fatalf("a %d does not reach h", a.ID)
				}
			}
		})

		js.It("should support many levels of belongsTo (with a lower level having a where)", func(c *C) {
			l := ihDefineLevels(c)
			as := harness.Bulk(c, l.a, &ihLvA{}, &ihLvA{}, &ihLvA{}, &ihLvA{}, &ihLvA{}, &ihLvA{}, &ihLvA{}, &ihLvA{})
			for _, a := range as {
				c.Must(l.ab.Set(c.Ctx, a, l.b))
			}
			got := harness.R(l.a.FindAll(c.Ctx, sequelize.FindOptions{Include: l.include(sequelize.Where{"name": "yolo"})})).Get(c)
			c.Eq("as", len(got), 8)
			for _, a := range got {
				if !a.hChain() {
					c.Fatalf("a %d does not reach h", a.ID)
				}
			}
		})

		js.It("should support ordering with only belongsTo includes", func(c *C) {
			type item struct {
				ID   int64
				Test string
			}
			type order struct {
				ID       int64
				Position int64 `sequelize:"type:INTEGER"`
			}
			type user struct {
				ID       int64
				ItemA_id *int64
				ItemA    *item
				ItemB_id *int64
				ItemB    *item
				OrderID  *int64
				Order    *order
			}
			users := harness.Define[user](c, "User")
			items := harness.Define[item](c, "Item")
			orders := harness.Define[order](c, "Order")
			itemA := sequelize.BelongsTo(users, items, sequelize.AssociationOptions{As: "itemA", ForeignKey: "itemA_id"})
			itemB := sequelize.BelongsTo(users, items, sequelize.AssociationOptions{As: "itemB", ForeignKey: "itemB_id"})
			userOrder := sequelize.BelongsTo(users, orders)
			c.Must(c.DB.Sync(c.Ctx))
			us := harness.Bulk(c, users, &user{}, &user{}, &user{})
			is := harness.Bulk(c, items, &item{Test: "abc"}, &item{Test: "def"}, &item{Test: "ghi"}, &item{Test: "jkl"})
			os := harness.Bulk(c, orders, &order{Position: 2}, &order{Position: 3}, &order{Position: 1})
			c.Must(itemA.Set(c.Ctx, us[0], is[0]))
			c.Must(itemB.Set(c.Ctx, us[0], is[1]))
			c.Must(userOrder.Set(c.Ctx, us[0], os[2]))
			c.Must(itemA.Set(c.Ctx, us[1], is[2]))
			c.Must(itemB.Set(c.Ctx, us[1], is[3]))
			c.Must(userOrder.Set(c.Ctx, us[1], os[1]))
			c.Must(itemA.Set(c.Ctx, us[2], is[0]))
			c.Must(itemB.Set(c.Ctx, us[2], is[3]))
			c.Must(userOrder.Set(c.Ctx, us[2], os[0]))
			as := harness.R(users.FindAll(c.Ctx, sequelize.FindOptions{
				Include: []sequelize.Include{
					{Association: itemA, Where: sequelize.Where{"test": "abc"}},
					{Association: itemB},
					{Association: userOrder},
				},
				Order: sequelize.Order{{userOrder, "position"}},
			})).Get(c)
			c.Eq("users", len(as), 2)
			c.Eq("as[0].itemA.test", as[0].ItemA.Test, "abc")
			c.Eq("as[1].itemA.test", as[1].ItemA.Test, "abc")
			c.Eq("as[0].Order.position", as[0].Order.Position, 1)
			c.Eq("as[1].Order.position", as[1].Order.Position, 2)
		})

		js.It("should include attributes from through models", func(c *C) {
			products, pt, ps, ts, _, _ := ihProductTags(c, false)
			add := func(p *ihPtProduct, t *ihPtTag, priority int) {
				c.Must(pt.Add(c.Ctx, p, t, sequelize.SetOptions{Through: sequelize.Values{"priority": priority}}))
			}
			add(ps[0], ts[0], 1)
			add(ps[0], ts[1], 2)
			add(ps[1], ts[1], 1)
			add(ps[2], ts[0], 3)
			add(ps[2], ts[1], 1)
			add(ps[2], ts[2], 2)
			got := harness.R(products.FindAll(c.Ctx, sequelize.FindOptions{
				Include: []sequelize.Include{{Association: pt, Order: sequelize.Order{{"id", "ASC"}}}},
				Order:   sequelize.Order{{"id", "ASC"}},
			})).Get(c)
			priorities := [][]int64{}
			for _, p := range got {
				var row []int64
				for _, t := range p.Tags {
					if t.ProductTag == nil || t.ProductTag.Priority == nil {
						c.Fatalf("product %d tag %d has no ProductTag priority", p.ID, t.ID)
					}
					row = append(row, *t.ProductTag.Priority)
				}
				priorities = append(priorities, row)
			}
			c.Eq("priorities", priorities, [][]int64{{1, 2}, {1}, {3, 1, 2}})
		})

		js.It("should support a required belongsTo include", func(c *C) {
			type group struct{ ID int64 }
			type user struct {
				ID      int64
				GroupID *int64
				Group   *group
			}
			users := harness.Define[user](c, "User")
			groups := harness.Define[group](c, "Group")
			ug := sequelize.BelongsTo(users, groups)
			c.Sync()
			gs := harness.Bulk(c, groups, &group{}, &group{})
			us := harness.Bulk(c, users, &user{}, &user{}, &user{})
			c.Must(ug.Set(c.Ctx, us[2], gs[1]))
			got := harness.R(users.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: ug, Required: sequelize.Bool(true)}}})).Get(c)
			c.Eq("users", len(got), 1)
			if got[0].Group == nil || got[0].Group.ID != gs[1].ID {
				c.Fatalf("Group = %+v, want group %d", got[0].Group, gs[1].ID)
			}
		})

		// The JS file has two cases with this title: the first with a
		// where, the second with required.
		js.It("should be possible to extend the on clause with a where option on a belongsTo include", func(c *C) {
			um, ug, _, us, groups := ihUserGroups(c, 2, false)
			c.Must(ug.(*sequelize.BelongsToAssociation[ihUgUser, ihUgGroup]).Set(c.Ctx, us[0], groups[1]))
			c.Must(ug.(*sequelize.BelongsToAssociation[ihUgUser, ihUgGroup]).Set(c.Ctx, us[1], groups[0]))
			got := harness.R(um.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: ug, Where: sequelize.Where{"name": "A"}}}})).Get(c)
			c.Eq("users", len(got), 1)
			if got[0].Group == nil {
				c.Fatal("Group not loaded")
			}
			c.Eq("Group.name", got[0].Group.Name, "A")
			c.Eq("user", got[0].ID, us[1].ID)
		})

		js.It("should be possible to extend the on clause with a where option on a belongsTo include", func(c *C) {
			um, ug, _, us, groups := ihUserGroups(c, 3, false)
			c.Must(ug.(*sequelize.BelongsToAssociation[ihUgUser, ihUgGroup]).Set(c.Ctx, us[0], groups[1]))
			c.Must(ug.(*sequelize.BelongsToAssociation[ihUgUser, ihUgGroup]).Set(c.Ctx, us[1], groups[0]))
			got := harness.R(um.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: ug, Required: sequelize.Bool(true)}}})).Get(c)
			// The JS case has two users, both with a group; a third without
			// one shows that required leaves it out.
			c.Eq("users", len(got), 2)
			for _, u := range got {
				if u.Group == nil {
					c.Fatalf("user %d has no Group", u.ID)
				}
			}
		})

		js.It("should be possible to define a belongsTo include as required with child hasMany not required", func(c *C) {
			type street struct {
				ID     int64
				Active bool
			}
			type address struct {
				ID       int64
				Active   bool
				StreetID *int64 `sequelize:"field:streetId"`
				Street   *street
			}
			type user struct {
				ID        int64
				Username  string
				AddressID *int64
				Address   *address
			}
			addresses := harness.Define[address](c, "Address")
			streets := harness.Define[street](c, "Street")
			users := harness.Define[user](c, "User")
			ua := sequelize.BelongsTo(users, addresses, sequelize.AssociationOptions{ForeignKey: "addressId"})
			sequelize.HasMany(addresses, users, sequelize.AssociationOptions{ForeignKey: "addressId"})
			as := sequelize.BelongsTo(addresses, streets, sequelize.AssociationOptions{ForeignKey: "streetId"})
			sequelize.HasMany(streets, addresses, sequelize.AssociationOptions{ForeignKey: "streetId"})
			c.Sync()
			st := harness.Create(c, streets, &street{Active: true})[0]
			ad := harness.Create(c, addresses, &address{Active: true, StreetID: &st.ID})[0]
			harness.Create(c, users, &user{Username: "John", AddressID: &ad.ID})
			john := harness.R(users.FindOne(c.Ctx, sequelize.FindOptions{
				Where: sequelize.Where{"username": "John"},
				Include: []sequelize.Include{{Association: ua, Required: sequelize.Bool(true), Where: sequelize.Where{"active": true},
					Include: []sequelize.Include{{Association: as}}}},
			})).Get(c)
			if john == nil || john.Address == nil || john.Address.Street == nil {
				c.Fatalf("john = %+v, want his address and its street", john)
			}
		})

		for _, cs := range []struct {
			title    string
			aliases  bool
			required *bool
		}{
			{"should be possible to define a belongsTo include as required with child hasMany with limit", false, nil},
			{"should be possible to define a belongsTo include as required with child hasMany with limit and aliases", true, nil},
			{"should be possible to define a belongsTo include as required with child hasMany which is not required with limit", false, sequelize.Bool(false)},
		} {
			js.It(cs.title, func(c *C) {
				um, ug, gc, us, groups := ihUserGroups(c, 2, cs.aliases)
				bt := ug.(*sequelize.BelongsToAssociation[ihUgUser, ihUgGroup])
				c.Must(bt.Set(c.Ctx, us[0], groups[1]))
				c.Must(bt.Set(c.Ctx, us[1], groups[0]))
				got := harness.R(um.FindAll(c.Ctx, sequelize.FindOptions{
					Include: []sequelize.Include{{Association: ug, Required: sequelize.Bool(true),
						Include: []sequelize.Include{{Association: gc, Required: cs.required}}}},
					Limit: 1,
				})).Get(c)
				c.Eq("users", len(got), 1)
				g := got[0].Group
				cats := func(g *ihUgGroup) []*ihUgCategory { return g.Categories }
				if cs.aliases {
					g = got[0].Team
					cats = func(g *ihUgGroup) []*ihUgCategory { return g.Tags }
				}
				if g == nil || cats(g) == nil {
					c.Fatalf("user %d: group = %+v, want it with its categories loaded", got[0].ID, g)
				}
				// B was given the categories last: they are all B's.
				want := 0
				if g.Name == "B" {
					want = 2
				}
				c.Eq("categories of "+g.Name, len(cats(g)), want)
			})
		}

		js.It("should be possible to extend the on clause with a where option on a hasOne include", func(c *C) {
			users := harness.Define[ihUgUser](c, "User")
			projects := harness.Define[ihUgProject](c, "Project")
			leader := sequelize.HasOne(users, projects, sequelize.AssociationOptions{As: "LeaderOf"})
			c.Sync()
			ps := harness.Bulk(c, projects, &ihUgProject{Title: "Alpha"}, &ihUgProject{Title: "Beta"})
			us := harness.Bulk(c, users, &ihUgUser{}, &ihUgUser{})
			c.Must(leader.Set(c.Ctx, us[1], ps[1]))
			c.Must(leader.Set(c.Ctx, us[0], ps[0]))
			got := harness.R(users.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: leader, Where: sequelize.Where{"title": "Beta"}}}})).Get(c)
			c.Eq("users", len(got), 1)
			if got[0].LeaderOf == nil {
				c.Fatal("LeaderOf not loaded")
			}
			c.Eq("LeaderOf.title", got[0].LeaderOf.Title, "Beta")
		})

		js.It("should be possible to extend the on clause with a where option on a hasMany include with a through model", func(c *C) {
			products, pt, ps, ts, _, _ := ihProductTags(c, false)
			for _, l := range [][2]int{{0, 0}, {0, 1}, {1, 1}, {2, 0}, {2, 1}, {2, 2}} {
				c.Must(pt.Add(c.Ctx, ps[l[0]], ts[l[1]]))
			}
			got := harness.R(products.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: pt, Where: sequelize.Where{"name": "C"}}}})).Get(c)
			c.Eq("products", len(got), 1)
			c.Eq("Tags", len(got[0].Tags), 1)
			c.Eq("product", got[0].Title, "Dress")
		})

		js.It("should be possible to extend the on clause with a where option on nested includes", func(c *C) {
			s := ihDefineShop(c, false)
			groups := harness.Bulk(c, s.groups, &ihFaGroup{Name: "Developers"}, &ihFaGroup{Name: "Designers"})
			ranks := harness.Bulk(c, s.ranks, &ihFaRank{Name: "Admin", CanInvite: 1, CanRemove: 1}, &ihFaRank{Name: "Member", CanInvite: 1})
			tags := harness.Bulk(c, s.tags, &ihFaTag{Name: "A"}, &ihFaTag{Name: "B"}, &ihFaTag{Name: "C"})
			for i := range 5 {
				user := harness.Create(c, s.users, &ihFaUser{Name: "FooBarzz"})[0]
				harness.Bulk(c, s.products, &ihFaProduct{Title: "Chair"}, &ihFaProduct{Title: "Desk"})
				products := harness.All(c, s.products)
				p := products[i*2 : i*2+2]
				harness.Bulk(c, s.members, &ihFaMember{UserID: &user.ID, GroupID: &groups[0].ID, RankID: &ranks[0].ID},
					&ihFaMember{UserID: &user.ID, GroupID: &groups[1].ID, RankID: &ranks[1].ID})
				c.Must(s.userProducts.Set(c.Ctx, user, p))
				c.Must(s.productTags.Set(c.Ctx, p[0], []*ihFaTag{tags[0], tags[2]}))
				c.Must(s.productTags.Set(c.Ctx, p[1], []*ihFaTag{tags[1]}))
				c.Must(s.category.Set(c.Ctx, p[0], tags[1]))
				price := func(k int, v float64) *ihFaPrice { return &ihFaPrice{ProductID: &p[k].ID, Value: v} }
				harness.Bulk(c, s.prices, price(0, 5), price(0, 10), price(1, 5), price(1, 10), price(1, 15), price(1, 20))
			}
			users := harness.R(s.users.FindAll(c.Ctx, sequelize.FindOptions{
				Include: []sequelize.Include{
					{Association: s.memberships, Include: []sequelize.Include{{Association: s.memberGroup},
						{Association: s.memberRank, Where: sequelize.Where{"name": "Admin"}}}},
					{Association: s.userProducts, Include: []sequelize.Include{{Association: s.productTags}, {Association: s.category},
						{Association: s.productPrices, Where: sequelize.Where{"value": op.Gt(15)}}}},
				},
				Order: sequelize.Order{{"id", "ASC"}},
			})).Get(c)
			c.Eq("users", len(users), 5)
			for _, u := range users {
				c.Eq("Memberships", len(u.Memberships), 1)
				c.Eq("Rank", u.Memberships[0].Rank.Name, "Admin")
				c.Eq("Products", len(u.Products), 1)
				c.Eq("Prices", len(u.Products[0].Prices), 1)
			}
		})

		js.It("should be possible to use limit and a where with a belongsTo include", func(c *C) {
			um, ug, _, us, groups := ihUserGroups(c, 4, false)
			bt := ug.(*sequelize.BelongsToAssociation[ihUgUser, ihUgGroup])
			for i, g := range []int{0, 0, 0, 1} {
				c.Must(bt.Set(c.Ctx, us[i], groups[g]))
			}
			got := harness.R(um.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: ug, Where: sequelize.Where{"name": "A"}}}, Limit: 2})).Get(c)
			c.Eq("users", len(got), 2)
			for _, u := range got {
				if u.Group == nil || u.Group.Name != "A" {
					c.Fatalf("user %d: Group = %+v, want A", u.ID, u.Group)
				}
			}
		})

		js.It("should be possible use limit, attributes and a where on a belongsTo with additional hasMany includes", func(c *C) {
			s := ihFixtureA(c)
			got := harness.R(s.products.FindAll(c.Ctx, sequelize.FindOptions{
				Attributes: []any{"id", "title"},
				Include: []sequelize.Include{
					{Association: s.productCompany, Where: sequelize.Where{"name": "NYSE"}},
					{Association: s.productTags},
					{Association: s.productPrices},
				},
				Limit: 3,
				Order: sequelize.Order{{sequelize.Col("Product.id"), "ASC"}},
			})).Get(c)
			c.Eq("products", len(got), 3)
			for _, p := range got {
				if p.Company == nil || p.Company.Name != "NYSE" {
					c.Fatalf("product %d: Company = %+v, want NYSE", p.ID, p.Company)
				}
				if len(p.Tags) == 0 || len(p.Prices) == 0 {
					c.Fatalf("product %d: %d tags, %d prices, want some", p.ID, len(p.Tags), len(p.Prices))
				}
			}
		})

		js.It("should be possible to have the primary key in attributes", func(c *C) {
			type parent struct{ ID int64 }
			type child struct {
				ID       int64
				ParentID *int64
				Parent   *parent
			}
			parents := harness.Define[parent](c, "Parent")
			children := harness.Define[child](c, "Child1")
			pc := sequelize.HasMany(parents, children)
			cp := sequelize.BelongsTo(children, parents)
			c.Sync()
			p := harness.Create(c, parents, &parent{})[0]
			ch := harness.Create(c, children, &child{})[0]
			c.Must(pc.Add(c.Ctx, p, ch))
			got := harness.R(children.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{
				{Association: cp, Attributes: []any{"id"}, Where: sequelize.Where{"id": p.ID}},
			}})).Get(c)
			if got == nil || got.Parent == nil || got.Parent.ID != p.ID {
				c.Fatalf("child = %+v, want it with parent %d", got, p.ID)
			}
		})

		js.It("should be possible to turn off the attributes for the through table", func(c *C) {
			s := ihFixtureA(c)
			got := harness.R(s.products.FindAll(c.Ctx, sequelize.FindOptions{
				Attributes: []any{"title"},
				Include:    []sequelize.Include{{Association: s.productTags, Through: sequelize.ThroughOptions{Attributes: []string{}}, Required: sequelize.Bool(true)}},
			})).Get(c)
			// Products 0 to 3 of each of the five batches have tags.
			c.Eq("products with tags", len(got), 20)
			for _, p := range got {
				if len(p.Tags) == 0 {
					c.Fatalf("product %q has no tags", p.Title)
				}
			}
		})

		for _, cs := range []struct {
			title string
			limit int
		}{
			{"should be possible to select on columns inside a through table", 0},
			{"should be possible to select on columns inside a through table and a limit", 5},
		} {
			js.It(cs.title, func(c *C) {
				s := ihFixtureA(c)
				got := harness.R(s.products.FindAll(c.Ctx, sequelize.FindOptions{
					Attributes: []any{"title"},
					Include: []sequelize.Include{{Association: s.productTags,
						Through: sequelize.ThroughOptions{Where: sequelize.Where{"ProductId": 3}}, Required: sequelize.Bool(true)}},
					Limit: cs.limit,
				})).Get(c)
				c.Eq("products", len(got), 1)
				c.Eq("product", got[0].Title, "Bed")
				c.Eq("its tags", len(got[0].Tags), 1)
			})
		}

		js.It("should be possible not to include the main id in the attributes", func(c *C) {
			members := harness.Define[ihMember](c, "Member", sequelize.ModelOptions{Attributes: map[string]sequelize.AttributeOptions{"id": {Type: datatypes.BigInt()}}})
			albums := harness.Define[ihAlbum](c, "Album", sequelize.ModelOptions{Attributes: map[string]sequelize.AttributeOptions{"id": {Type: datatypes.BigInt()}}})
			sequelize.BelongsTo(albums, members)
			ma := sequelize.HasMany(members, albums)
			c.Sync()
			var ms []*ihMember
			var as []*ihAlbum
			for i := int64(1); i <= 20; i++ {
				ms = append(ms, &ihMember{ID: i, Email: "email" + strconv.FormatInt(i, 10) + "@lmu.com", Password: "testing" + strconv.FormatInt(i, 10)})
				as = append(as, &ihAlbum{Title: "Album" + strconv.FormatInt(i, 10), MemberID: &i})
			}
			harness.Bulk(c, members, ms...)
			harness.Bulk(c, albums, as...)
			got := harness.R(members.FindAll(c.Ctx, sequelize.FindOptions{Attributes: []any{"email"}, Include: []sequelize.Include{{Association: ma}}})).Get(c)
			c.Eq("members", len(got), 20)
			for _, m := range got {
				c.Eq("albums of "+m.Email, len(m.Albums), 1)
				c.Eq("album of "+m.Email, m.Albums[0].Title, "Album"+m.Email[5:len(m.Email)-8])
			}
		})

		js.It("should be possible to use limit and a where on a hasMany with additional includes", func(c *C) {
			s := ihFixtureA(c)
			got := harness.R(s.products.FindAll(c.Ctx, sequelize.FindOptions{
				Include: []sequelize.Include{
					{Association: s.productCompany},
					{Association: s.productTags},
					{Association: s.productPrices, Where: sequelize.Where{"value": op.Gt(5)}},
				},
				Limit: 6,
				Order: sequelize.Order{{"id", "ASC"}},
			})).Get(c)
			c.Eq("products", len(got), 6)
			for _, p := range got {
				if len(p.Tags) == 0 || len(p.Prices) == 0 {
					c.Fatalf("product %d: %d tags, %d prices, want some", p.ID, len(p.Tags), len(p.Prices))
				}
				for _, pr := range p.Prices {
					if pr.Value <= 5 {
						c.Fatalf("product %d has price %v, want only > 5", p.ID, pr.Value)
					}
				}
			}
		})

		js.It("should be possible to use limit and a where on a hasMany with a through model with additional includes", func(c *C) {
			s := ihFixtureA(c)
			got := harness.R(s.products.FindAll(c.Ctx, sequelize.FindOptions{
				Include: []sequelize.Include{
					{Association: s.productCompany},
					{Association: s.productTags, Where: sequelize.Where{"name": []string{"A", "B", "C"}}},
					{Association: s.productPrices},
				},
				Limit: 10,
				Order: sequelize.Order{{"id", "ASC"}},
			})).Get(c)
			c.Eq("products", len(got), 10)
			for _, p := range got {
				if len(p.Tags) == 0 || len(p.Prices) == 0 {
					c.Fatalf("product %d: %d tags, %d prices, want some", p.ID, len(p.Tags), len(p.Prices))
				}
				for _, t := range p.Tags {
					if !slices.Contains([]string{"A", "B", "C"}, t.Name) {
						c.Fatalf("product %d has tag %q", p.ID, t.Name)
					}
				}
			}
		})

		js.It("should support including date fields, with the correct timeszone", func(c *C) {
			ihDateFields(c, false)
		})

		js.It("should still pull the main record(s) when an included model is not required and has where restrictions without matches", func(c *C) {
			as, ab := ihAB(c)
			harness.Create(c, as, &ihAbA{Name: "Foobar"})
			got := harness.R(as.FindAll(c.Ctx, sequelize.FindOptions{
				Where:   sequelize.Where{"name": "Foobar"},
				Include: []sequelize.Include{{Association: ab, Where: sequelize.Where{"name": "idontexist"}, Required: sequelize.Bool(false)}},
			})).Get(c)
			c.Eq("as", len(got), 1)
			c.Eq("bs", got[0].Bs, []*ihAbB{})
		})

		js.It("should work with paranoid, a main record where, an include where, and a limit", func(c *C) {
			type category struct {
				ID     int64
				Slug   string
				PostID *int64
			}
			type post struct {
				ID         int64
				Date       *time.Time
				Public     bool
				Categories []*category
			}
			posts := harness.Define[post](c, "post", sequelize.ModelOptions{Paranoid: true})
			categories := harness.Define[category](c, "category")
			pc := sequelize.HasMany(posts, categories)
			c.Sync()
			ps := harness.Create(c, posts, &post{Public: true}, &post{Public: true}, &post{Public: true}, &post{Public: true})
			for _, p := range ps[1:3] {
				c.Must(pc.Create(c.Ctx, p, &category{Slug: "food"}))
			}
			got := harness.R(posts.FindAll(c.Ctx, sequelize.FindOptions{
				Limit:   2,
				Where:   sequelize.Where{"public": true},
				Include: []sequelize.Include{{Association: pc, Where: sequelize.Where{"slug": "food"}}},
			})).Get(c)
			c.Eq("posts", len(got), 2)
			c.Eq("ids", []int64{got[0].ID, got[1].ID}, []int64{ps[1].ID, ps[2].ID})
		})

		js.It("should work on a nested set of required 1:1 relations", func(c *C) {
			persons := harness.Define[ihOoPerson](c, "Person")
			ups := harness.Define[ihOoUserPerson](c, "UserPerson")
			users := harness.Define[ihOoUser](c, "User")
			sequelize.BelongsTo(ups, persons, sequelize.AssociationOptions{OnDelete: "CASCADE"})
			pu := sequelize.HasOne(persons, ups, sequelize.AssociationOptions{OnDelete: "CASCADE"})
			sequelize.BelongsTo(users, ups, sequelize.AssociationOptions{ForeignKey: "UserPersonId", OnDelete: "CASCADE"})
			uu := sequelize.HasOne(ups, users, sequelize.AssociationOptions{ForeignKey: "UserPersonId", OnDelete: "CASCADE"})
			c.Sync()
			find := func() []*ihOoPerson {
				return harness.R(persons.FindAll(c.Ctx, sequelize.FindOptions{
					Offset: 0, Limit: 20, Attributes: []any{"id", "name"},
					Include: []sequelize.Include{{Association: pu, Required: sequelize.Bool(true), Attributes: []any{"rank"},
						Include: []sequelize.Include{{Association: uu, Required: sequelize.Bool(true), Attributes: []any{"login"}}}}},
				})).Get(c)
			}
			c.Eq("persons in empty tables", len(find()), 0)
			// With rows: only the person whose UserPerson has a User.
			p1 := harness.Create(c, persons, &ihOoPerson{Name: "one"})[0]
			p2 := harness.Create(c, persons, &ihOoPerson{Name: "two"})[0]
			harness.Create(c, ups, &ihOoUserPerson{PersonID: p1.ID, Rank: "r1"}, &ihOoUserPerson{PersonID: p2.ID, Rank: "r2"})
			harness.Create(c, users, &ihOoUser{UserPersonID: p2.ID, Login: "two"})
			got := find()
			c.Eq("persons", len(got), 1)
			if got[0].Name != "two" || got[0].UserPerson == nil || got[0].UserPerson.Rank != "r2" || got[0].UserPerson.User == nil || got[0].UserPerson.User.Login != "two" {
				c.Fatalf("person = %+v, want two with rank r2 and login two", got[0])
			}
		})

		js.It("should work with an empty include.where", func(c *C) {
			type company struct{ ID int64 }
			type group struct{ ID int64 }
			type user struct {
				ID        int64
				CompanyID *int64
				Company   *company
				Groups    []*group
			}
			users := harness.Define[user](c, "User")
			companies := harness.Define[company](c, "Company")
			groups := harness.Define[group](c, "Group")
			uc := sequelize.BelongsTo(users, companies)
			ug := sequelize.BelongsToMany(users, groups, sequelize.BelongsToManyOptions{Through: "UsersGroups"})
			sequelize.BelongsToMany(groups, users, sequelize.BelongsToManyOptions{Through: "UsersGroups"})
			c.Sync()
			find := func() []*user {
				return harness.R(users.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{
					{Association: ug, Where: sequelize.Where{}},
					{Association: uc, Where: sequelize.Where{}},
				}})).Get(c)
			}
			c.Eq("users in empty tables", len(find()), 0)
			// An empty where still makes the includes required.
			us := harness.Create(c, users, &user{}, &user{})
			co := harness.Create(c, companies, &company{})[0]
			g := harness.Create(c, groups, &group{})[0]
			c.Must(uc.Set(c.Ctx, us[1], co))
			c.Must(ug.Add(c.Ctx, us[1], g))
			got := find()
			c.Eq("users", len(got), 1)
			c.Eq("user", got[0].ID, us[1].ID)
		})

		js.It("should be able to order on the main table and a required belongsTo relation with custom tablenames and limit ", func(c *C) {
			type company struct {
				ID   int64
				Rank int64 `sequelize:"type:INTEGER"`
			}
			type user struct {
				ID        int64
				LastName  string
				CompanyID *int64
				Company   *company
			}
			users := harness.Define[user](c, "User", sequelize.ModelOptions{TableName: "dem_users"})
			companies := harness.Define[company](c, "Company", sequelize.ModelOptions{TableName: "dem_companies"})
			uc := sequelize.BelongsTo(users, companies)
			sequelize.HasMany(companies, users)
			c.Sync()
			us := harness.Create(c, users, &user{LastName: "Albertsen"}, &user{LastName: "Zenith"}, &user{LastName: "Hansen"})
			cs := harness.Create(c, companies, &company{Rank: 1}, &company{Rank: 2})
			c.Must(uc.Set(c.Ctx, us[0], cs[0]))
			c.Must(uc.Set(c.Ctx, us[1], cs[1]))
			c.Must(uc.Set(c.Ctx, us[2], cs[1]))
			got := harness.R(users.FindAll(c.Ctx, sequelize.FindOptions{
				Include: []sequelize.Include{{Association: uc, Required: sequelize.Bool(true)}},
				Order:   sequelize.Order{{uc, "rank", "ASC"}, {"lastName", "DESC"}},
				Limit:   5,
			})).Get(c)
			c.Eq("users", len(got), 3)
			for i, want := range []struct {
				name string
				rank int64
			}{{"Albertsen", 1}, {"Zenith", 2}, {"Hansen", 2}} {
				c.Eq("lastName", got[i].LastName, want.name)
				c.Eq("Company.rank", got[i].Company.Rank, want.rank)
			}
		})

		js.Differs("should ignore include with attributes: [] (used for aggregates)", func(c *C) {
			posts, comments := ihPostComments(c)
			_, err := posts.FindAllRaw(c.Ctx, sequelize.FindOptions{
				Attributes: []any{sequelize.As(sequelize.Fn("COUNT", sequelize.Col("comments.id")), "commentCount")},
				Include:    []sequelize.Include{{Association: comments, Attributes: []any{}}},
				Group:      []any{"id"},
			})
			var eager *sequelize.EagerLoadingError
			c.ErrAs(err, &eager)
			// What the aggregate counts, through the include and the
			// association.
			got := harness.R(posts.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: comments, Attributes: []any{}}}})).Get(c)
			c.Eq("posts", len(got), 1)
			c.Eq("comments not loaded", got[0].Comments, ([]*ihPcComment)(nil))
			c.Eq("commentCount", harness.R(comments.Count(c.Ctx, got[0])).Get(c), 3)
		})

		js.Differs("should ignore include with attributes: [] and through: { attributes: [] } (used for aggregates)", func(c *C) {
			type project struct {
				ID    int64
				Title string
			}
			type user struct {
				ID       int64
				Name     string
				Projects []*project
			}
			users := harness.Define[user](c, "User")
			projects := harness.Define[project](c, "Project")
			up := sequelize.BelongsToMany(users, projects, sequelize.BelongsToManyOptions{AssociationOptions: sequelize.AssociationOptions{As: "projects"}, Through: "UserProject"})
			sequelize.BelongsToMany(projects, users, sequelize.BelongsToManyOptions{AssociationOptions: sequelize.AssociationOptions{As: "users"}, Through: "UserProject"})
			c.Sync()
			u := &user{Name: "u", Projects: []*project{{Title: "a"}, {Title: "b"}, {Title: "c"}}}
			c.Must(users.Create(c.Ctx, u, sequelize.CreateOptions{Include: []sequelize.Include{{Association: up}}}))
			inc := []sequelize.Include{{Association: up, Attributes: []any{}, Through: sequelize.ThroughOptions{Attributes: []string{}}}}
			_, err := users.FindAllRaw(c.Ctx, sequelize.FindOptions{
				Attributes: []any{sequelize.As(sequelize.Fn("COUNT", sequelize.Col("projects.id")), "projectsCount")},
				Include:    inc,
				Group:      []any{"id"},
			})
			var eager *sequelize.EagerLoadingError
			c.ErrAs(err, &eager)
			got := harness.R(users.FindAll(c.Ctx, sequelize.FindOptions{Include: inc})).Get(c)
			c.Eq("users", len(got), 1)
			c.Eq("projects not loaded", got[0].Projects, ([]*project)(nil))
			c.Eq("projectsCount", harness.R(up.Count(c.Ctx, got[0])).Get(c), 3)
		})

		js.Differs("should not add primary key when including and aggregating with raw: true", func(c *C) {
			posts, comments := ihPostComments(c)
			_, err := posts.FindAllRaw(c.Ctx, sequelize.FindOptions{
				Attributes: []any{},
				Include:    []sequelize.Include{{Association: comments, Attributes: []any{sequelize.As(sequelize.Fn("COUNT", sequelize.Col("comments.id")), "commentCount")}}},
			})
			var eager *sequelize.EagerLoadingError
			c.ErrAs(err, &eager)
		})

		js.It("should return posts with nested include with inner join with a m:n association", func(c *C) {
			users := harness.Define[ihEnUser](c, "User")
			entities := harness.Define[ihEnEntity](c, "Entity")
			posts := harness.Define[ihEnPost](c, "Post")
			tags := harness.Define[ihEnTag](c, "TaggableSentient")
			through := harness.Define[ihEntityTag](c, "EntityTag")
			eu := sequelize.BelongsTo(entities, users, sequelize.AssociationOptions{ForeignKey: "creator", TargetKey: "username"})
			pe := sequelize.BelongsTo(posts, entities, sequelize.AssociationOptions{ForeignKey: "post_id", TargetKey: "entity_id"})
			et := sequelize.BelongsToMany(entities, tags, sequelize.BelongsToManyOptions{
				AssociationOptions: sequelize.AssociationOptions{As: "tags", ForeignKey: "entity_id"},
				ThroughModel:       through, OtherKey: "tag_name", ThroughUnique: sequelize.Bool(false),
			})
			sequelize.BelongsToMany(tags, entities, sequelize.BelongsToManyOptions{
				AssociationOptions: sequelize.AssociationOptions{As: "tags", ForeignKey: "tag_name"},
				ThroughModel:       through, OtherKey: "entity_id", ThroughUnique: sequelize.Bool(false),
			})
			c.Sync()
			harness.Create(c, users, &ihEnUser{Username: "bob"})
			harness.Create(c, tags, &ihEnTag{Nametag: "bob"})
			entity := harness.Create(c, entities, &ihEnEntity{Creator: "bob"})[0]
			harness.Create(c, posts, &ihEnPost{Post_id: entity.Entity_id})
			c.Must(et.Add(c.Ctx, entity, "bob"))
			got := harness.R(posts.FindAll(c.Ctx, sequelize.FindOptions{
				Include: []sequelize.Include{{Association: pe, Required: sequelize.Bool(true), Include: []sequelize.Include{
					{Association: eu, Required: sequelize.Bool(true)},
					{Association: et, Required: sequelize.Bool(true), Through: sequelize.ThroughOptions{Where: sequelize.Where{"tag_name": []string{"bob"}}}},
				}}},
				Limit: 5, Offset: 0,
			})).Get(c)
			c.Eq("posts", len(got), 1)
			e := got[0].Entity
			if e == nil {
				c.Fatal("Entity not loaded")
			}
			c.Eq("Entity.creator", e.Creator, "bob")
			c.Eq("Entity.tags", len(e.Tags), 1)
			if e.Tags[0].EntityTag == nil {
				c.Fatal("tags[0].EntityTag not loaded")
			}
			c.Eq("EntityTag.tag_name", e.Tags[0].EntityTag.Tag_name, "bob")
			c.Eq("EntityTag.entity_id", e.Tags[0].EntityTag.Entity_id, got[0].Post_id)
		})

		js.It("should be able to generate a correct request with inner and outer join", func(c *C) {
			customers := harness.Define[ihShCustomer](c, "customer")
			addresses := harness.Define[ihShAddress](c, "shippingAddress")
			orders := harness.Define[ihShOrder](c, "purchaseOrder")
			shipments := harness.Define[ihShShipment](c, "shipment")
			ca := sequelize.HasMany(customers, addresses)
			sequelize.BelongsTo(addresses, customers)
			sequelize.HasMany(customers, orders)
			oc := sequelize.BelongsTo(orders, customers)
			so := sequelize.BelongsTo(shipments, orders)
			sequelize.HasOne(orders, shipments)
			c.Sync()
			include := []sequelize.Include{{Association: so, Required: sequelize.Bool(true), Include: []sequelize.Include{
				{Association: oc, Include: []sequelize.Include{{Association: ca, Where: sequelize.Where{"verified": true}}}},
			}}}
			got := harness.R(shipments.FindOne(c.Ctx, sequelize.FindOptions{Include: include})).Get(c)
			c.Eq("shipment in empty tables", got, (*ihShShipment)(nil))
			// With rows: the customer include is outer, its addresses inner.
			cu := harness.Create(c, customers, &ihShCustomer{Name: "c"})[0]
			harness.Create(c, addresses, &ihShAddress{Address: "x", Verified: false, CustomerID: &cu.ID})
			o := harness.Create(c, orders, &ihShOrder{CustomerID: &cu.ID})[0]
			harness.Create(c, shipments, &ihShShipment{TrackingNumber: "t", PurchaseOrderID: &o.ID})
			got = harness.R(shipments.FindOne(c.Ctx, sequelize.FindOptions{Include: include})).Get(c)
			if got == nil || got.PurchaseOrder == nil || got.PurchaseOrder.Customer != nil {
				c.Fatalf("shipment = %+v, want it with its order and no customer (none has a verified address)", got)
			}
		})

		js.It("should be able to generate a correct request for entity with 1:n and m:1 associations and limit", func(c *C) {
			s := ihFixtureA(c)
			got := harness.R(s.products.FindAll(c.Ctx, sequelize.FindOptions{
				Attributes: []any{"title"},
				Include:    []sequelize.Include{{Association: s.productUser}, {Association: s.productPrices}},
				Limit:      10,
			})).Get(c)
			c.Eq("products", len(got), 10)
			for _, p := range got {
				if p.Title == "" {
					c.Fatal("a product has no title")
				}
				// Keys read only to load the includes are not left in the
				// result.
				c.Eq("UserId", p.UserID, (*int64)(nil))
				if p.Prices == nil {
					c.Fatalf("product %q: Prices not loaded", p.Title)
				}
			}
		})

		js.It("should allow through model to be paranoid", func(c *C) {
			users := harness.Define[ihPcUser](c, "user", sequelize.ModelOptions{Timestamps: sequelize.Bool(false)})
			customers := harness.Define[ihPcCustomer](c, "customer", sequelize.ModelOptions{Timestamps: sequelize.Bool(false)})
			through := harness.Define[ihPcUserCustomer](c, "user_customer", sequelize.ModelOptions{Paranoid: true, CreatedAt: "-", UpdatedAt: "-"})
			uc := sequelize.BelongsToMany(users, customers, sequelize.BelongsToManyOptions{ThroughModel: through})
			c.Sync()
			user := harness.Create(c, users, &ihPcUser{Name: "User 1"})[0]
			cs := harness.Create(c, customers, &ihPcCustomer{Name: "Customer 1"}, &ihPcCustomer{Name: "Customer 2"})
			c.Must(uc.Set(c.Ctx, user, []*ihPcCustomer{cs[0]}))
			c.Must(uc.Set(c.Ctx, user, []*ihPcCustomer{cs[1]}))
			got := harness.R(users.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: uc}}})).Get(c)
			c.Eq("users", len(got), 1)
			c.Eq("customers", len(got[0].Customers), 1)
			link := got[0].Customers[0].User_customer
			if link == nil {
				c.Fatal("customers[0].user_customer not loaded")
			}
			c.Eq("user_customer.deletedAt", link.DeletedAt, (*time.Time)(nil))
			all := harness.R(through.FindAll(c.Ctx, sequelize.FindOptions{Paranoid: sequelize.Bool(false)})).Get(c)
			c.Eq("links", len(all), 2)
			deleted := 0
			for _, l := range all {
				if l.DeletedAt != nil {
					deleted++
				}
			}
			c.Eq("deleted links", deleted, 1)
		})
	})
}

// ihCheckUserShop checks a user of 'should support an include with multiple
// different association types' (in findAll.test.js and include.test.js).
func ihCheckUserShop(c *C, u *ihFaUser) {
	c.Helper()
	ms := slices.Clone(u.Memberships)
	slices.SortFunc(ms, func(a, b *ihFaMember) int { return int(a.ID - b.ID) })
	c.Eq("Memberships", len(ms), 2)
	c.Eq("Memberships[0].Group.name", ms[0].Group.Name, "Developers")
	c.Eq("Memberships[0].Rank.canRemove", ms[0].Rank.CanRemove, 1)
	c.Eq("Memberships[1].Group.name", ms[1].Group.Name, "Designers")
	c.Eq("Memberships[1].Rank.canRemove", ms[1].Rank.CanRemove, 0)
	ps := slices.Clone(u.Products)
	slices.SortFunc(ps, func(a, b *ihFaProduct) int { return int(a.ID - b.ID) })
	c.Eq("Products", len(ps), 2)
	c.Eq("Products[0].Tags", len(ps[0].Tags), 2)
	c.Eq("Products[1].Tags", len(ps[1].Tags), 1)
	if ps[0].Category == nil || ps[1].Category != nil {
		c.Fatalf("categories = %+v, %+v: want the first product's only", ps[0].Category, ps[1].Category)
	}
	c.Eq("Products[0].Prices", len(ps[0].Prices), 2)
	c.Eq("Products[1].Prices", len(ps[1].Prices), 4)
}

// The models of the date-field cases.
type (
	ihDfUser struct {
		ID        int64
		DateField time.Time
		Groups    []*ihDfGroup
	}
	ihDfGroup struct {
		ID        int64
		DateField time.Time
	}
)

// ihDateFields is 'should support including date fields, with the correct
// timeszone' (findAll.test.js, and with findOne include.test.js).
func ihDateFields(c *C, findOne bool) {
	c.Helper()
	users := harness.Define[ihDfUser](c, "user", sequelize.ModelOptions{Timestamps: sequelize.Bool(false)})
	groups := harness.Define[ihDfGroup](c, "group", sequelize.ModelOptions{Timestamps: sequelize.Bool(false)})
	ug := sequelize.BelongsToMany(users, groups, sequelize.BelongsToManyOptions{Through: "group_user"})
	sequelize.BelongsToMany(groups, users, sequelize.BelongsToManyOptions{Through: "group_user"})
	c.Sync()
	day := time.Date(2014, 2, 20, 0, 0, 0, 0, time.UTC)
	user := harness.Create(c, users, &ihDfUser{DateField: day})[0]
	group := harness.Create(c, groups, &ihDfGroup{DateField: day})[0]
	c.Must(ug.Add(c.Ctx, user, group))
	o := sequelize.FindOptions{Where: sequelize.Where{"id": user.ID}, Include: []sequelize.Include{{Association: ug}}}
	var u *ihDfUser
	if findOne {
		u = harness.R(users.FindOne(c.Ctx, o)).Get(c)
	} else {
		all := harness.R(users.FindAll(c.Ctx, o)).Get(c)
		c.Eq("users", len(all), 1)
		u = all[0]
	}
	if !u.DateField.Equal(day) {
		c.Fatalf("user dateField = %v, want %v", u.DateField, day)
	}
	c.Eq("groups", len(u.Groups), 1)
	if !u.Groups[0].DateField.Equal(day) {
		c.Fatalf("group dateField = %v, want %v", u.Groups[0].DateField, day)
	}
}

// The models a belongsToMany b through a_b.
type (
	ihAbA struct {
		ID   int64
		Name string `sequelize:"type:STRING(40)"`
		Bs   []*ihAbB
	}
	ihAbB struct {
		ID   int64
		Name string `sequelize:"type:STRING(40)"`
	}
)

func ihAB(c *C) (*sequelize.Model[ihAbA], *sequelize.BelongsToManyAssociation[ihAbA, ihAbB]) {
	c.Helper()
	as := harness.Define[ihAbA](c, "a")
	bs := harness.Define[ihAbB](c, "b")
	ab := sequelize.BelongsToMany(as, bs, sequelize.BelongsToManyOptions{Through: "a_b"})
	sequelize.BelongsToMany(bs, as, sequelize.BelongsToManyOptions{Through: "a_b"})
	c.Sync()
	return as, ab
}

// The Post hasMany Comment (as comments) models of the aggregate cases.
type (
	ihPcPost struct {
		ID       int64
		Title    string
		Comments []*ihPcComment
	}
	ihPcComment struct {
		ID      int64
		Content string `sequelize:"type:TEXT"`
		PostID  *int64
	}
)

// ihPostComments defines Post.hasMany(Comment, {as: 'comments'}) and
// creates a post with three comments through the include.
func ihPostComments(c *C) (*sequelize.Model[ihPcPost], *sequelize.HasManyAssociation[ihPcPost, ihPcComment]) {
	c.Helper()
	posts := harness.Define[ihPcPost](c, "Post")
	comments := harness.Define[ihPcComment](c, "Comment")
	pc := sequelize.HasMany(posts, comments, sequelize.AssociationOptions{As: "comments"})
	c.Sync()
	p := &ihPcPost{Title: "p", Comments: []*ihPcComment{{Content: "a"}, {Content: "b"}, {Content: "c"}}}
	c.Must(posts.Create(c.Ctx, p, sequelize.CreateOptions{Include: []sequelize.Include{{Association: pc}}}))
	return posts, pc
}
