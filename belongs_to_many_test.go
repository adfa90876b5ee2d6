package sequelize_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/internal/testdb"
)

type Task struct {
	ID        int64
	Title     string
	Tags      []*Tag
	CreatedAt time.Time
	UpdatedAt time.Time
}

type Tag struct {
	ID        int64
	Name      string
	Tasks     []*Task
	CreatedAt time.Time
	UpdatedAt time.Time
}

type Human struct {
	ID        int64
	Name      string
	Friends   []*Human
	CreatedAt time.Time
	UpdatedAt time.Time
}

func tagNames(tags []*Tag) []string {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = t.Name
	}
	slices.Sort(out)
	return out
}

func TestBelongsToMany(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, log := openModels(t, tg)
		tasks := sequelize.Define[Task](db)
		tags := sequelize.Define[Tag](db)
		humans := sequelize.Define[Human](db)
		taskTags := sequelize.BelongsToMany(tasks, tags, sequelize.BelongsToManyOptions{Through: "TaskTags"})
		tagTasks := sequelize.BelongsToMany(tags, tasks, sequelize.BelongsToManyOptions{Through: "TaskTags"}) // paired
		friends := sequelize.BelongsToMany(humans, humans, sequelize.BelongsToManyOptions{
			AssociationOptions: sequelize.AssociationOptions{As: "friends"}, Through: "Friendship"})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		// The junction table: the two keys as a composite primary key.
		cons, err := db.QueryInterface().ShowConstraints(ctx, "TaskTags")
		if err != nil {
			t.Fatal(err)
		}
		var pk []string
		fks := 0
		for _, c := range cons {
			switch c.ConstraintType {
			case "PRIMARY KEY":
				pk = c.Columns
			case "FOREIGN KEY":
				fks++
				if c.OnDelete != "CASCADE" {
					t.Errorf("junction foreign key %+v", c)
				}
			}
		}
		slices.Sort(pk)
		if !slices.Equal(pk, []string{"TagId", "TaskId"}) || fks != 2 {
			t.Errorf("TaskTags constraints = %+v", cons)
		}

		work, home := &Task{Title: "work"}, &Task{Title: "home"}
		_ = tasks.BulkCreate(ctx, []*Task{work, home})
		red, blue, green := &Tag{Name: "red"}, &Tag{Name: "blue"}, &Tag{Name: "green"}
		_ = tags.BulkCreate(ctx, []*Tag{red, blue, green})

		if err := taskTags.Add(ctx, work, []*Tag{red, blue}); err != nil {
			t.Fatal(err)
		}
		if err := taskTags.Add(ctx, work, red); err != nil { // already linked: no duplicate
			t.Fatal(err)
		}
		got, err := taskTags.Get(ctx, work)
		if err != nil || !slices.Equal(tagNames(got), []string{"blue", "red"}) {
			t.Errorf("Get = %v, %v", tagNames(got), err)
		}
		if n, _ := taskTags.Count(ctx, work); n != 2 {
			t.Errorf("Count = %d", n)
		}
		if ok, _ := taskTags.Has(ctx, work, []any{red, blue.ID}); !ok {
			t.Error("Has(red, blue) is false")
		}
		if ok, _ := taskTags.Has(ctx, work, green); ok {
			t.Error("Has(green) is true")
		}
		// The paired association sees the same junction rows.
		redTasks, _ := tagTasks.Get(ctx, red)
		if len(redTasks) != 1 || redTasks[0].Title != "work" {
			t.Errorf("paired Get = %v", redTasks)
		}
		if err := taskTags.Set(ctx, work, []any{green.ID, blue}); err != nil {
			t.Fatal(err)
		}
		got, _ = taskTags.Get(ctx, work)
		if !slices.Equal(tagNames(got), []string{"blue", "green"}) {
			t.Errorf("after Set = %v", tagNames(got))
		}
		if err := taskTags.Remove(ctx, work, blue); err != nil {
			t.Fatal(err)
		}
		if err := taskTags.Create(ctx, home, &Tag{Name: "yellow"}); err != nil {
			t.Fatal(err)
		}

		// Include: one query per level, rows stitched without duplicates.
		log.reset()
		all, err := tasks.FindAll(ctx, sequelize.FindOptions{Order: sequelize.Order{{"id"}},
			Include: []sequelize.Include{{Association: taskTags, Include: []sequelize.Include{{Association: tagTasks}}}}})
		if err != nil {
			t.Fatal(err)
		}
		if s := log.reset(); len(s) != 3 {
			t.Errorf("%d statements for two include levels:\n%s", len(s), strings.Join(s, "\n"))
		}
		if len(all) != 2 || !slices.Equal(tagNames(all[0].Tags), []string{"green"}) || !slices.Equal(tagNames(all[1].Tags), []string{"yellow"}) {
			t.Errorf("include = %+v", all)
		}
		if len(all[0].Tags[0].Tasks) != 1 || all[0].Tags[0].Tasks[0].Title != "work" {
			t.Errorf("nested include = %+v", all[0].Tags[0].Tasks)
		}
		required, err := tasks.FindAll(ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: taskTags, Where: sequelize.Where{"name": "yellow"}}}})
		if err != nil || len(required) != 1 || required[0].Title != "home" {
			t.Errorf("required include = %v, %v", required, err)
		}

		// Self-association.
		a, b, c := &Human{Name: "a"}, &Human{Name: "b"}, &Human{Name: "c"}
		_ = humans.BulkCreate(ctx, []*Human{a, b, c})
		if err := friends.Add(ctx, a, []*Human{b, c}); err != nil {
			t.Fatal(err)
		}
		if n, _ := friends.Count(ctx, a); n != 2 {
			t.Errorf("friends of a = %d", n)
		}
		if n, _ := friends.Count(ctx, b); n != 0 {
			t.Errorf("friends of b = %d", n)
		}

		// Definition mistakes panic with an AssociationError.
		func() {
			defer func() {
				var ae *sequelize.AssociationError
				if err, _ := recover().(error); !errors.As(err, &ae) {
					t.Errorf("self BelongsToMany without As: %v", err)
				}
			}()
			sequelize.BelongsToMany(humans, humans, sequelize.BelongsToManyOptions{Through: "X"})
		}()
	})
}

type pairMember struct {
	ID   int64
	Code string `sequelize:"unique"`
}

type pairClub struct {
	ID   int64
	Slug string `sequelize:"unique"`
}

// pairLink is a through model with fields for the paired keys only
// (PairMemberCode, PairClubSlug), not for the default other keys.
type pairLink struct {
	PairMemberCode string
	PairClubSlug   string
}

// TestBelongsToManyPaired checks Sequelize's pairing: the reverse
// BelongsToMany through the same junction shares its two keys (each side's
// default target key is the other's source key, each side's default other
// key the other's foreign key), so the junction has two key columns, not
// four, and a link made on one side is read on the other.
func TestBelongsToManyPaired(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, _ := openModels(t, tg)
		members := sequelize.Define[pairMember](db)
		clubs := sequelize.Define[pairClub](db)
		mc := sequelize.BelongsToMany(members, clubs, sequelize.BelongsToManyOptions{Through: "memberships",
			AssociationOptions: sequelize.AssociationOptions{SourceKey: "code"}})
		if got := mc.ForeignKey(); got != "pairMemberCode" {
			t.Errorf("foreign key %q", got)
		}
		cm := sequelize.BelongsToMany(clubs, members, sequelize.BelongsToManyOptions{Through: "memberships",
			AssociationOptions: sequelize.AssociationOptions{SourceKey: "slug"}})
		links := sequelize.Define[pairLink](db)
		lm := sequelize.BelongsToMany(members, clubs, sequelize.BelongsToManyOptions{ThroughModel: links,
			AssociationOptions: sequelize.AssociationOptions{As: "linkedClubs", SourceKey: "code"}})
		// Alone, lm has no field for its default other key (pairClubId).
		m0 := &pairMember{Code: "m0"}
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		if err := members.Create(ctx, m0); err != nil {
			t.Fatal(err)
		}
		_, err := lm.Get(ctx, m0)
		var ae *sequelize.AssociationError
		if !errors.As(err, &ae) || !strings.Contains(err.Error(), `"pairClubId"`) {
			t.Errorf("unpaired Get = %v, want an AssociationError naming pairClubId", err)
		}
		ml := sequelize.BelongsToMany(clubs, members, sequelize.BelongsToManyOptions{ThroughModel: links,
			AssociationOptions: sequelize.AssociationOptions{As: "linkedMembers", SourceKey: "slug"}})
		if err := db.Sync(ctx, sequelize.SyncOptions{Force: true}); err != nil {
			t.Fatal(err)
		}
		for _, table := range []string{"memberships", "pairLinks"} {
			cols, err := db.QueryInterface().DescribeTable(ctx, table)
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for n := range cols {
				if n != "createdAt" && n != "updatedAt" {
					keys = append(keys, n)
				}
			}
			slices.Sort(keys)
			if !slices.Equal(keys, []string{"pairClubSlug", "pairMemberCode"}) && !slices.Equal(keys, []string{"pair_club_slug", "pair_member_code"}) {
				t.Errorf("%s columns %v, want the two paired keys", table, keys)
			}
		}
		m, c := &pairMember{Code: "m1"}, &pairClub{Slug: "c1"}
		if err := members.Create(ctx, m); err != nil {
			t.Fatal(err)
		}
		if err := clubs.Create(ctx, c); err != nil {
			t.Fatal(err)
		}
		for _, add := range []func() error{
			func() error { return mc.Add(ctx, m, c) },
			func() error { return lm.Add(ctx, m, c) },
		} {
			if err := add(); err != nil {
				t.Fatal(err)
			}
		}
		for name, get := range map[string]func() ([]*pairMember, error){
			"memberships": func() ([]*pairMember, error) { return cm.Get(ctx, c) },
			"pairLinks":   func() ([]*pairMember, error) { return ml.Get(ctx, c) },
		} {
			got, err := get()
			if err != nil || len(got) != 1 || got[0].Code != "m1" {
				t.Errorf("%s: the club's members = %v, %v, want m1", name, got, err)
			}
		}
		rows, err := links.FindAll(ctx)
		if err != nil || len(rows) != 1 || rows[0].PairMemberCode != "m1" || rows[0].PairClubSlug != "c1" {
			t.Errorf("pairLinks rows %v, %v", rows, err)
		}

		// CountOptions.Through filters the junction rows of Count and Has,
		// and is refused elsewhere.
		for _, x := range []struct {
			slug string
			want int64
		}{{"c1", 1}, {"c2", 0}} {
			thr := sequelize.CountOptions{Through: sequelize.ThroughOptions{Where: sequelize.Where{"pairClubSlug": x.slug}}}
			n, err := mc.Count(ctx, m, thr)
			if err != nil || n != x.want {
				t.Errorf("Count with Through.Where slug %s = %d, %v, want %d", x.slug, n, err, x.want)
			}
			has, err := mc.Has(ctx, m, c, thr)
			if err != nil || has != (x.want == 1) {
				t.Errorf("Has with Through.Where slug %s = %v, %v", x.slug, has, err)
			}
		}
		var qe *sequelize.QueryError
		if _, err := members.Count(ctx, sequelize.CountOptions{Through: sequelize.ThroughOptions{Where: sequelize.Where{"x": 1}}}); !errors.As(err, &qe) {
			t.Errorf("Model.Count with Through = %v, want a *QueryError", err)
		}
		if _, err := mc.Count(ctx, m, sequelize.CountOptions{Through: sequelize.ThroughOptions{Attributes: []string{"pairClubSlug"}}}); !errors.As(err, &qe) {
			t.Errorf("Count with Through.Attributes = %v, want a *QueryError", err)
		}
	})
}
