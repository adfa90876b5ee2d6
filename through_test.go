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

type Dev struct {
	ID    int64
	Name  string
	Repos []*Repo
}

type Repo struct {
	ID           int64
	Name         string
	Contribution *Contribution // the junction row, read with the repo
}

// Contribution is a through model: its own attributes beside the keys,
// and no ID field, so the two keys become its primary key.
type Contribution struct {
	DevID     int64
	RepoID    int64
	Role      string `sequelize:"allowNull:false;defaultValue:'member'" validate:"isIn(member,owner)"`
	Commits   int
	CreatedAt time.Time
	UpdatedAt time.Time
}

func repoRoles(repos []*Repo) string {
	var out []string
	for _, r := range repos {
		c := r.Contribution
		if c == nil {
			out = append(out, r.Name+":<nil>")
			continue
		}
		out = append(out, r.Name+":"+c.Role+"/"+string(rune('0'+c.Commits)))
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}

func TestThroughModel(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, log := openModels(t, tg)
		devs := sequelize.Define[Dev](db)
		repos := sequelize.Define[Repo](db)
		contribs := sequelize.Define[Contribution](db)
		devRepos := sequelize.BelongsToMany(devs, repos, sequelize.BelongsToManyOptions{ThroughModel: contribs})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		if got := contribs.PrimaryKeyAttributes(); !slices.Equal(got, []string{"DevId", "RepoId"}) {
			t.Fatalf("through model primary key %v, want the two keys", got)
		}
		log.reset()
		if err := db.Sync(ctx, sequelize.SyncOptions{Alter: true}); err != nil {
			t.Fatal(err)
		}
		if ddl := ddlOnly(log.reset()); len(ddl) != 0 {
			t.Errorf("Alter of an unchanged composite-key through model ran DDL: %v", ddl)
		}
		cols, err := db.QueryInterface().DescribeTable(ctx, "Contributions")
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := cols["id"]; ok || len(cols) != 6 {
			t.Fatalf("junction columns %v: want DevId, RepoId, role, commits, createdAt, updatedAt", cols)
		}

		ann := &Dev{Name: "ann"}
		if err := devs.Create(ctx, ann); err != nil {
			t.Fatal(err)
		}
		r1, r2, r3 := &Repo{Name: "r1"}, &Repo{Name: "r2"}, &Repo{Name: "r3"}
		if err := repos.BulkCreate(ctx, []*Repo{r1, r2, r3}); err != nil {
			t.Fatal(err)
		}

		// Add with SetOptions.Through for every target, and a per-target
		// row that wins over it.
		r2.Contribution = &Contribution{Role: "owner", Commits: 7}
		log.reset()
		if err := devRepos.Add(ctx, ann, []*Repo{r1, r2}, sequelize.SetOptions{Through: sequelize.Values{"commits": 3}}); err != nil {
			t.Fatal(err)
		}
		if n := log.count("INSERT"); n != 1 {
			t.Errorf("Add of two targets ran %d INSERTs, want 1:\n%s", n, log)
		}
		got, err := devRepos.Get(ctx, ann, sequelize.FindOptions{Order: sequelize.Order{{"name"}}})
		if err != nil {
			t.Fatal(err)
		}
		if s := repoRoles(got); s != "r1:member/3 r2:owner/7" {
			t.Fatalf("through attributes read back %q", s)
		}
		if c := got[0].Contribution; c.DevID != ann.ID || c.RepoID != r1.ID || c.CreatedAt.IsZero() {
			t.Errorf("junction row keys/timestamps not read: %+v", c)
		}

		// Add again: an unchanged link issues no write; a changed one one
		// UPDATE.
		log.reset()
		if err := devRepos.Add(ctx, ann, r1.ID, sequelize.SetOptions{Through: sequelize.Values{"commits": 3}}); err != nil {
			t.Fatal(err)
		}
		if n := log.count("INSERT") + log.count("UPDATE"); n != 0 {
			t.Errorf("re-adding an unchanged link wrote:\n%s", log)
		}
		if err := devRepos.Add(ctx, ann, r1.ID, sequelize.SetOptions{Through: sequelize.Values{"commits": 4}}); err != nil {
			t.Fatal(err)
		}
		if n := log.count("UPDATE"); n != 1 {
			t.Errorf("changing a link's attribute ran %d UPDATEs:\n%s", n, log)
		}

		// The through model validates: a bad role is refused and nothing
		// is linked.
		err = devRepos.Add(ctx, ann, r3, sequelize.SetOptions{Through: sequelize.Values{"role": "boss"}})
		var ve *sequelize.ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("bad through value: %v, want a ValidationError", err)
		}
		if has, _ := devRepos.Has(ctx, ann, r3); has {
			t.Error("a refused link was stored")
		}
		// Unknown through attributes and the keys are refused.
		if err := devRepos.Add(ctx, ann, r3, sequelize.SetOptions{Through: sequelize.Values{"nope": 1}}); err == nil {
			t.Error("an unknown through attribute was accepted")
		}
		if err := devRepos.Add(ctx, ann, r3, sequelize.SetOptions{Through: sequelize.Values{"DevId": 9}}); err == nil {
			t.Error("a through key in Through was accepted")
		}
		if err := devRepos.Add(ctx, ann, r3, sequelize.SetOptions{Through: sequelize.Values{"createdAt": time.Now()}}); err == nil {
			t.Error("a through timestamp in Through was accepted")
		}

		// Create with CreateOptions.Through.
		r4 := &Repo{Name: "r4"}
		if err := devRepos.Create(ctx, ann, r4, sequelize.CreateOptions{Through: sequelize.Values{"role": "owner"}}); err != nil {
			t.Fatal(err)
		}
		if err := repos.Create(ctx, &Repo{Name: "x"}, sequelize.CreateOptions{Through: sequelize.Values{"role": "owner"}}); err == nil {
			t.Error("Model.Create accepted CreateOptions.Through")
		}

		// Set keeps r2 (updating its row), drops r1 and r4, adds r3.
		r2.Contribution = &Contribution{Role: "member", Commits: 9}
		if err := devRepos.Set(ctx, ann, []*Repo{r2, r3}); err != nil {
			t.Fatal(err)
		}
		got, err = devRepos.Get(ctx, ann)
		if err != nil {
			t.Fatal(err)
		}
		if s := repoRoles(got); s != "r2:member/9 r3:member/0" {
			t.Fatalf("after Set: %q", s)
		}
		log.reset()
		if n, err := devRepos.Count(ctx, ann); err != nil || n != 2 {
			t.Errorf("Count: %d, %v", n, err)
		}
		if n, err := devRepos.Count(ctx, ann, sequelize.CountOptions{Where: sequelize.Where{"name": "r2"}}); err != nil || n != 1 {
			t.Errorf("Count with a where: %d, %v", n, err)
		}
		if has, err := devRepos.Has(ctx, ann, []any{r2.ID, r3}); err != nil || !has {
			t.Errorf("Has(r2, r3): %v, %v", has, err)
		}
		if has, err := devRepos.Has(ctx, ann, []any{r2.ID, r1}); err != nil || has {
			t.Errorf("Has(r2, r1): %v, %v", has, err)
		}
		if n := log.count("SELECT count"); n != 4 {
			t.Errorf("Count and Has ran %d COUNT statements, want 4:\n%s", n, log)
		}

		// Get with Through: a filter on the junction rows, the through
		// attributes read; other finds refuse it.
		owned, err := devRepos.Get(ctx, ann, sequelize.FindOptions{Through: sequelize.ThroughOptions{
			Where: sequelize.Where{"commits": 12345}}})
		if err != nil || len(owned) != 0 {
			t.Fatalf("Get with a through where matching nothing: %v, %v", owned, err)
		}
		owned, err = devRepos.Get(ctx, ann, sequelize.FindOptions{Through: sequelize.ThroughOptions{
			Where: sequelize.Where{"commits": 9}, Attributes: []string{"role"}}})
		if err != nil || len(owned) != 1 || owned[0].Name != "r2" || owned[0].Contribution.Role != "member" || owned[0].Contribution.Commits != 0 {
			t.Fatalf("Get with Through: %v, %v", owned, err)
		}
		if _, err := repos.FindAll(ctx, sequelize.FindOptions{Through: sequelize.ThroughOptions{Where: sequelize.Where{"commits": 9}}}); err == nil {
			t.Error("FindAll accepted FindOptions.Through")
		}

		// Eager loading reads the junction rows too; Through.Attributes
		// picks them and Through.Where filters the links (and makes the
		// include required).
		d, err := devs.FindOne(ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: devRepos,
			Through: sequelize.ThroughOptions{Attributes: []string{"commits"}}}}})
		if err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(d.Repos, func(a, b *Repo) int { return strings.Compare(a.Name, b.Name) })
		if len(d.Repos) != 2 || d.Repos[0].Contribution.Commits != 9 || d.Repos[0].Contribution.Role != "" {
			t.Fatalf("include with through attributes: %+v", d.Repos[0].Contribution)
		}
		bob := &Dev{Name: "bob"}
		if err := devs.Create(ctx, bob); err != nil {
			t.Fatal(err)
		}
		ds, err := devs.FindAll(ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: devRepos,
			Through: sequelize.ThroughOptions{Where: sequelize.Where{"commits": 9}}}}})
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) != 1 || ds[0].Name != "ann" || len(ds[0].Repos) != 1 || ds[0].Repos[0].Name != "r2" {
			t.Fatalf("Through.Where include: %d devs", len(ds))
		}
		if _, err := devs.FindAll(ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: devRepos,
			Through: sequelize.ThroughOptions{Attributes: []string{"nope"}}}}}); err == nil {
			t.Error("an unknown through attribute in an include was accepted")
		}

		// Nested creation links the new targets with their through rows.
		cy := &Dev{Name: "cy", Repos: []*Repo{{Name: "n1", Contribution: &Contribution{Role: "owner", Commits: 5}}, {Name: "n2"}}}
		if err := devs.Create(ctx, cy, sequelize.CreateOptions{Include: []sequelize.Include{{Association: devRepos}}}); err != nil {
			t.Fatal(err)
		}
		got, err = devRepos.Get(ctx, cy)
		if err != nil {
			t.Fatal(err)
		}
		if s := repoRoles(got); s != "n1:owner/5 n2:member/0" {
			t.Fatalf("nested creation's junction rows: %q", s)
		}
		if err := devRepos.Set(ctx, cy, nil); err != nil {
			t.Fatal(err)
		}

		// Through with no attributes leaves the through field nil.
		bare, err := devRepos.Get(ctx, ann, sequelize.FindOptions{Through: sequelize.ThroughOptions{Attributes: []string{}}})
		if err != nil || len(bare) == 0 || bare[0].Contribution != nil {
			t.Fatalf("Get with no through attributes: %v, %v", bare, err)
		}
		// Options a mixin does not use are refused, not dropped.
		if err := devRepos.Remove(ctx, ann, r3, sequelize.SetOptions{Through: sequelize.Values{"role": "owner"}}); err == nil {
			t.Error("Remove accepted SetOptions.Through")
		}
		if err := devRepos.Add(ctx, ann, r3, sequelize.SetOptions{Save: sequelize.Bool(false)}); err == nil {
			t.Error("BelongsToMany.Add accepted SetOptions.Save")
		}

		// Remove deletes the junction row.
		if err := devRepos.Remove(ctx, ann, r3); err != nil {
			t.Fatal(err)
		}
		if n, err := contribs.Count(ctx); err != nil || n != 1 {
			t.Errorf("junction rows after Remove: %d, %v", n, err)
		}
	})
}

// Membership has its own primary key, so the junction keys get a unique
// key instead.
type Membership struct {
	ID        int64
	DevID     int64
	RepoID    int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

func TestThroughModelOwnKey(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, log := openModels(t, tg)
		devs := sequelize.Define[Dev](db)
		repos := sequelize.Define[Repo](db)
		members := sequelize.Define[Membership](db)
		// Through by name finds the defined model.
		devRepos := sequelize.BelongsToMany(devs, repos, sequelize.BelongsToManyOptions{Through: "Membership"})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		if got := members.PrimaryKeyAttributes(); !slices.Equal(got, []string{"id"}) {
			t.Fatalf("primary key %v", got)
		}
		// Alter over the through model's table changes nothing.
		log.reset()
		if err := db.Sync(ctx, sequelize.SyncOptions{Alter: true}); err != nil {
			t.Fatal(err)
		}
		if ddl := ddlOnly(log.reset()); len(ddl) != 0 {
			t.Errorf("Alter of unchanged through models ran DDL: %v", ddl)
		}
		ix, err := db.QueryInterface().ShowIndex(ctx, "Memberships")
		if err != nil {
			t.Fatal(err)
		}
		// Sequelize declares it in CREATE TABLE, so the name is the
		// database's (MySQL takes Memberships_DevId_RepoId_unique).
		found := false
		for _, i := range ix {
			if i.Unique && !i.Primary && len(i.Fields) == 2 && i.Fields[0].Attribute == "DevId" && i.Fields[1].Attribute == "RepoId" {
				found = true
			}
		}
		if !found {
			t.Fatalf("no unique key on (DevId, RepoId) among %+v", ix)
		}
		ann, r1 := &Dev{Name: "ann"}, &Repo{Name: "r1"}
		if err := devs.Create(ctx, ann); err != nil {
			t.Fatal(err)
		}
		if err := repos.Create(ctx, r1); err != nil {
			t.Fatal(err)
		}
		if err := devRepos.Add(ctx, ann, r1); err != nil {
			t.Fatal(err)
		}
		if err := devRepos.Add(ctx, ann, r1); err != nil {
			t.Fatal(err)
		}
		rows, err := members.FindAll(ctx)
		if err != nil || len(rows) != 1 || rows[0].ID == 0 {
			t.Fatalf("membership rows %v, %v", rows, err)
		}
		// The unique key holds against a second row for the same pair.
		err = members.Create(ctx, &Membership{DevID: ann.ID, RepoID: r1.ID})
		var ue *sequelize.UniqueConstraintError
		if !errors.As(err, &ue) {
			t.Fatalf("duplicate link: %v, want a UniqueConstraintError", err)
		}
	})
}

// TestThroughParanoid: a paranoid junction soft-deletes links, hides them
// from reads, and restores them when they are added again.
func TestThroughParanoid(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, log := openModels(t, tg)
		tasks := sequelize.Define[Task](db)
		tags := sequelize.Define[Tag](db)
		taskTags := sequelize.BelongsToMany(tasks, tags, sequelize.BelongsToManyOptions{Through: "TaskTags", ThroughParanoid: true})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		log.reset()
		if err := db.Sync(ctx, sequelize.SyncOptions{Alter: true}); err != nil {
			t.Fatal(err)
		}
		if ddl := ddlOnly(log.reset()); len(ddl) != 0 {
			t.Errorf("Alter of an unchanged paranoid junction ran DDL: %v", ddl)
		}
		task := &Task{Title: "t"}
		if err := tasks.Create(ctx, task); err != nil {
			t.Fatal(err)
		}
		a, b := &Tag{Name: "a"}, &Tag{Name: "b"}
		if err := tags.BulkCreate(ctx, []*Tag{a, b}); err != nil {
			t.Fatal(err)
		}
		if err := taskTags.Add(ctx, task, []*Tag{a, b}); err != nil {
			t.Fatal(err)
		}
		if err := taskTags.Remove(ctx, task, a); err != nil {
			t.Fatal(err)
		}
		q := `SELECT COUNT(*) AS n FROM "TaskTags" WHERE "deletedAt" IS NOT NULL`
		if tg.Name == "mariadb" || tg.Name == "mysql" {
			q = strings.ReplaceAll(q, `"`, "`")
		}
		rows, err := db.Query(ctx, q, sequelize.QueryOptions{Type: sequelize.QueryTypeSelect, Plain: true})
		if err != nil {
			t.Fatal(err)
		}
		if n := rows.Row["n"]; n != int64(1) {
			t.Fatalf("soft-deleted links: %v (%T), want 1", n, n)
		}
		got, err := taskTags.Get(ctx, task)
		if err != nil || len(got) != 1 || got[0].Name != "b" {
			t.Fatalf("Get after soft remove: %v, %v", tagNames(got), err)
		}
		found, err := tasks.FindAll(ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: taskTags,
			Through: sequelize.ThroughOptions{Paranoid: sequelize.Bool(false)}}}})
		if err != nil || len(found[0].Tags) != 2 {
			t.Fatalf("include with Through.Paranoid false: %v, %v", found, err)
		}
		// Adding it again restores the link rather than failing on the
		// primary key.
		if err := taskTags.Add(ctx, task, a); err != nil {
			t.Fatal(err)
		}
		if n, err := taskTags.Count(ctx, task); err != nil || n != 2 {
			t.Fatalf("Count after restoring: %d, %v", n, err)
		}
	})
}
