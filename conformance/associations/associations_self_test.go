package associations_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/conformance/internal/harness"
)

func TestAssociationsSelf(t *testing.T) {
	js := port(t, "associations/self.test.js")

	type Group struct {
		ID        int64
		Parent_id *int64 `sequelize:"type:INTEGER"` //nolint:revive // the JS attribute parent_id
		Parent    *Group
	}
	type Person struct {
		ID        int64
		Name      string
		Parent_id *int64 `sequelize:"type:INTEGER"` //nolint:revive // the JS attribute parent_id
	}
	type Family struct {
		Preexisting_child  int64 `sequelize:"type:INTEGER;primaryKey"` //nolint:revive // the JS attribute preexisting_child
		Preexisting_parent int64 `sequelize:"type:INTEGER;primaryKey"` //nolint:revive // the JS attribute preexisting_parent
	}
	ids := func(ps []*Person) []int64 {
		out := []int64{}
		for _, p := range ps {
			out = append(out, p.ID)
		}
		slices.Sort(out)
		return out
	}
	createPeople := func(c *C, persons *sequelize.Model[Person]) (mary, john, chris *Person) {
		c.Helper()
		mary, john, chris = &Person{Name: "Mary"}, &Person{Name: "John"}, &Person{Name: "Chris"}
		harness.Create(c, persons, mary, john, chris)
		return
	}

	// The JS only finds; the case also checks that the parent is loaded.
	js.It("supports freezeTableName", func(c *C) {
		groups := sequelize.Define[Group](c.DB, sequelize.ModelOptions{ModelName: "Group", TableName: "user_group",
			Timestamps: sequelize.Bool(false), Underscored: true, FreezeTableName: true})
		parent := sequelize.BelongsTo(groups, groups, sequelize.AssociationOptions{As: "Parent", ForeignKey: "parent_id"})
		c.Must(groups.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
		root := &Group{}
		c.Must(groups.Create(c.Ctx, root))
		child := &Group{Parent_id: &root.ID}
		c.Must(groups.Create(c.Ctx, child))
		all, err := groups.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: parent}},
			Order: sequelize.Order{{"id"}}})
		c.Must(err)
		c.Eq("groups", len(all), 2)
		if all[0].Parent != nil || all[1].Parent == nil || all[1].Parent.ID != root.ID {
			c.Fatalf("parents: %+v, %+v", all[0].Parent, all[1].Parent)
		}
	})

	// The JS stops at setChildren; the case also reads the children back.
	js.It("can handle 1:m associations", func(c *C) {
		persons := sequelize.Define[Person](c.DB, sequelize.ModelOptions{ModelName: "Person"})
		children := sequelize.HasMany(persons, persons, sequelize.AssociationOptions{As: "Children", ForeignKey: "parent_id"})
		if !slices.Contains(persons.Attributes(), "parent_id") {
			c.Fatalf("attributes %v lack parent_id", persons.Attributes())
		}
		c.Sync()
		mary, john, chris := createPeople(c, persons)
		c.Must(children.Set(c.Ctx, mary, []*Person{john, chris}))
		c.Eq("children", ids(harness.R(children.Get(c.Ctx, mary)).Get(c)), []int64{john.ID, chris.ID})
	})

	// foreignIdentifier is the other key; the junction's attributes are
	// read as its table's columns.
	js.It("can handle n:m associations", func(c *C) {
		persons := sequelize.Define[Person](c.DB, sequelize.ModelOptions{ModelName: "Person"})
		parents := sequelize.BelongsToMany(persons, persons, sequelize.BelongsToManyOptions{Through: "Family", OtherKey: "PersonId",
			AssociationOptions: sequelize.AssociationOptions{As: "Parents", ForeignKey: "ChildId"}})
		childs := sequelize.BelongsToMany(persons, persons, sequelize.BelongsToManyOptions{Through: "Family", OtherKey: "ChildId",
			AssociationOptions: sequelize.AssociationOptions{As: "Childs", ForeignKey: "PersonId"}})
		keys := []string{parents.ForeignKey(), childs.ForeignKey()}
		slices.Sort(keys)
		c.Eq("keys", keys, []string{"ChildId", "PersonId"})
		c.Sync()
		var cols []string
		for col := range asDescribe(c, "Family") {
			cols = append(cols, col)
		}
		slices.Sort(cols)
		c.Eq("Family's columns", cols, []string{"ChildId", "PersonId", "createdAt", "updatedAt"})

		mary, john, chris := createPeople(c, persons)
		c.Must(parents.Set(c.Ctx, mary, []*Person{john}))
		c.Must(parents.Add(c.Ctx, chris, john))
		c.Eq("john's children", ids(harness.R(childs.Get(c.Ctx, john)).Get(c)), ids([]*Person{mary, chris}))
	})

	// The JS checks that the INSERTs and the SELECT name the junction's own
	// columns; here the INSERTs' text, the junction's columns, and the
	// children read back.
	js.It("can handle n:m associations with pre-defined through table", func(c *C) {
		persons := sequelize.Define[Person](c.DB, sequelize.ModelOptions{ModelName: "Person"})
		family := sequelize.Define[Family](c.DB, sequelize.ModelOptions{ModelName: "Family", Timestamps: sequelize.Bool(false)})
		parents := sequelize.BelongsToMany(persons, persons, sequelize.BelongsToManyOptions{ThroughModel: family, OtherKey: "preexisting_parent",
			AssociationOptions: sequelize.AssociationOptions{As: "Parents", ForeignKey: "preexisting_child"}})
		children := sequelize.BelongsToMany(persons, persons, sequelize.BelongsToManyOptions{ThroughModel: family, OtherKey: "preexisting_child",
			AssociationOptions: sequelize.AssociationOptions{As: "Children", ForeignKey: "preexisting_parent"}})
		keys := []string{parents.ForeignKey(), children.ForeignKey()}
		slices.Sort(keys)
		c.Eq("keys", keys, []string{"preexisting_child", "preexisting_parent"})
		attrs := slices.Clone(family.Attributes())
		slices.Sort(attrs)
		c.Eq("Family's attributes", attrs, []string{"preexisting_child", "preexisting_parent"})
		c.Sync()

		mary, john, chris := createPeople(c, persons)
		logger, log := asLogger()
		c.Must(parents.Set(c.Ctx, mary, []*Person{john}, sequelize.SetOptions{Logging: logger}))
		c.Must(parents.Add(c.Ctx, mary, chris, sequelize.SetOptions{Logging: logger}))
		inserts := 0
		for _, s := range log.All() {
			if strings.Contains(s, "INSERT") {
				inserts++
				if !strings.Contains(s, "preexisting_child") || !strings.Contains(s, "preexisting_parent") {
					c.Errorf("insert %q does not name both keys", s)
				}
			}
		}
		c.Eq("inserts", inserts, 2)
		log.Reset()
		got, err := children.Get(c.Ctx, john, sequelize.FindOptions{Logging: logger})
		c.Must(err)
		named := false
		for _, s := range log.All() {
			if _, where, ok := strings.Cut(s, "FROM"); ok && strings.Contains(where, "preexisting_child") && strings.Contains(where, "preexisting_parent") {
				named = true
			}
		}
		if !named {
			c.Errorf("no statement of Get names both keys after FROM: %v", log)
		}
		c.Eq("john's children", ids(got), []int64{mary.ID})
	})
}
