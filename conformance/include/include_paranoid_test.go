package include_test

import (
	"fmt"
	"github.com/gosequelize/sequelize/conformance/internal/harness"
	"strings"
	"testing"

	"github.com/gosequelize/sequelize"
)

// The paranoid models of include/paranoid.test.js's beforeEach.
type (
	ihPaA struct {
		ID   int64
		Name string
		BID  *int64
		B    *ihPaB
	}
	ihPaB struct {
		ID   int64
		Name string
	}
	ihPaC struct {
		ID   int64
		Name string
		AID  *int64
		BID  *int64
	}
	ihPaD struct {
		ID   int64
		Name string
	}
)

// ihParanoidModels is the beforeEach: A, B, C, D, all paranoid, and their
// associations, synced. It returns A and A.belongsTo(B).
func ihParanoidModels(c *C) (*sequelize.Model[ihPaA], *sequelize.BelongsToAssociation[ihPaA, ihPaB]) {
	c.Helper()
	p := sequelize.ModelOptions{Paranoid: true}
	a := harness.Define[ihPaA](c, "A", p)
	b := harness.Define[ihPaB](c, "B", p)
	cm := harness.Define[ihPaC](c, "C", p)
	d := harness.Define[ihPaD](c, "D", p)
	ab := sequelize.BelongsTo(a, b)
	sequelize.BelongsToMany(a, d, sequelize.BelongsToManyOptions{Through: "a_d"})
	sequelize.HasMany(a, cm)
	sequelize.HasMany(b, a)
	sequelize.HasMany(b, cm)
	sequelize.BelongsTo(cm, a)
	sequelize.BelongsTo(cm, b)
	sequelize.BelongsToMany(d, a, sequelize.BelongsToManyOptions{Through: "a_d"})
	c.Sync()
	return a, ab
}

var _ = listed(difference{
	File: "include/paranoid.test.js", Title: "paranoid with timestamps: false should be ignored / not crash", Kind: deliberate,
	Instead: "Define panics (\"Paranoid needs Timestamps\") for a model with Paranoid and Timestamps: Bool(false), as for other definition mistakes.",
	Why:     "Sequelize silently ignores paranoid without timestamps, so Destroy deletes rows the definition asked to keep; an option is never dropped silently, and definitions fail fast.",
})

func TestIncludeParanoid(t *testing.T) {
	js := port(t, "include/paranoid.test.js")

	js.Differs("paranoid with timestamps: false should be ignored / not crash", func(c *C) {
		ihParanoidModels(c)
		type test struct {
			ID   int64
			Name string
		}
		var recovered any
		func() {
			defer func() { recovered = recover() }()
			harness.Define[test](c, "Test", sequelize.ModelOptions{Timestamps: sequelize.Bool(false), Paranoid: true})
		}()
		if msg := fmt.Sprint(recovered); recovered == nil || !strings.Contains(msg, "Paranoid needs Timestamps") {
			c.Fatalf("Define recovered %v, want a panic saying Paranoid needs Timestamps", recovered)
		}
	})

	for _, cs := range []struct {
		title    string
		required bool
	}{
		{"test if non required is marked as false", false},
		{"test if required is marked as true", true},
	} {
		js.It(cs.title, func(c *C) {
			as, ab := ihParanoidModels(c)
			harness.Create(c, as, &ihPaA{Name: "no b"})
			o := sequelize.FindOptions{Include: []sequelize.Include{{Association: ab, Required: sequelize.Bool(cs.required)}}}
			got := harness.R(as.FindOne(c.Ctx, o)).Get(c)
			c.Eq("include required after the find", *o.Include[0].Required, cs.required)
			// And it is honoured: an A without B is found only when the
			// include is not required.
			c.Eq("A found", got != nil, !cs.required)
		})
	}

	js.It("should not load paranoid, destroyed instances, with a non-paranoid parent", func(c *C) {
		ihParanoidModels(c)
		type y struct {
			ID   int64
			Name string
			XID  *int64
		}
		type x struct {
			ID   int64
			Name string
			Ys   []*y
		}
		xs := harness.Define[x](c, "x")
		ys := harness.Define[y](c, "y", sequelize.ModelOptions{Timestamps: sequelize.Bool(true), Paranoid: true})
		xy := sequelize.HasMany(xs, ys)
		c.Sync()
		x0 := harness.Create(c, xs, &x{})[0]
		y0 := harness.Create(c, ys, &y{})[0]
		c.Must(xy.Add(c.Ctx, x0, y0))
		c.Must(ys.DestroyInstance(c.Ctx, y0))
		got := harness.R(xs.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: xy}}})).Get(c)
		c.Eq("xs", len(got), 1)
		c.Eq("ys", got[0].Ys, []*y{})
	})
}
