package sequelize_test

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	_ "github.com/gosequelize/sequelize/dialect/mysqldialect"
	_ "github.com/gosequelize/sequelize/dialect/pgdialect"
	"github.com/gosequelize/sequelize/internal/testdb"
	"github.com/gosequelize/sequelize/op"
)

type Member struct {
	ID        int64
	Username  string `sequelize:"type:STRING(64);unique;allowNull:false"`
	FirstName string
	Age       int
	Score     float64
	Active    bool
	Bio       *string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// stmtLog records the statements a DB runs.
type stmtLog struct {
	mu    sync.Mutex
	stmts []string
}

func (l *stmtLog) Enabled(context.Context, slog.Level) bool { return true }
func (l *stmtLog) Handle(_ context.Context, r slog.Record) error {
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "sql" {
			l.mu.Lock()
			l.stmts = append(l.stmts, a.Value.String())
			l.mu.Unlock()
		}
		return true
	})
	return nil
}
func (l *stmtLog) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l *stmtLog) WithGroup(string) slog.Handler      { return l }
func (l *stmtLog) reset() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.stmts
	l.stmts = nil
	return s
}

// count returns how many recorded statements start with verb.
func (l *stmtLog) count(verb string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, s := range l.stmts {
		if strings.HasPrefix(s, verb) {
			n++
		}
	}
	return n
}

func (l *stmtLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.stmts, "\n")
}

func openModels(t *testing.T, tg testdb.Target) (*sequelize.DB, *stmtLog) {
	log := &stmtLog{}
	db := tg.Open(t, sequelize.Options{Logging: slog.New(log)})
	return db, log
}

func TestModelCRUD(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, log := openModels(t, tg)
		members := sequelize.Define[Member](db)
		if members.TableName() != "Members" {
			t.Errorf("table = %q", members.TableName())
		}
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}

		// Create fills the id and timestamps; zero values are stored as they are.
		m := &Member{Username: "ann", FirstName: "Ann", Age: 0, Active: false}
		if err := members.Create(ctx, m); err != nil {
			t.Fatal(err)
		}
		if m.ID == 0 || m.CreatedAt.IsZero() || !m.CreatedAt.Equal(m.UpdatedAt) {
			t.Errorf("after Create: %+v", m)
		}
		if members.IsNewRecord(m) {
			t.Error("a created instance is still new")
		}
		got, err := members.FindByPK(ctx, m.ID)
		if err != nil || got == nil {
			t.Fatalf("FindByPK = %v, %v", got, err)
		}
		if got.Username != "ann" || got.Age != 0 || got.Active || got.Bio != nil || !got.CreatedAt.Equal(m.CreatedAt.Truncate(time.Second)) && !got.CreatedAt.Equal(m.CreatedAt) {
			t.Errorf("FindByPK = %+v, want %+v", got, m)
		}
		if none, err := members.FindByPK(ctx, 999); none != nil || err != nil {
			t.Errorf("FindByPK of a missing row = %v, %v", none, err)
		}
		var empty *sequelize.EmptyResultError
		if _, err := members.FindByPK(ctx, 999, sequelize.FindOptions{RejectOnEmpty: sequelize.Bool(true)}); !errors.Is(err, sql.ErrNoRows) || !errors.As(err, &empty) {
			t.Errorf("RejectOnEmpty: %v", err)
		}

		// Save sends only what changed, and nothing when nothing did.
		log.reset()
		if err := members.Save(ctx, got); err != nil {
			t.Fatal(err)
		}
		if s := log.reset(); len(s) != 0 {
			t.Errorf("Save of an unchanged instance ran %v", s)
		}
		bio := "hello"
		got.Bio, got.Age = &bio, 41
		if ch := members.Changed(got); !reflect.DeepEqual(ch, []string{"age", "bio"}) {
			t.Errorf("Changed = %v", ch)
		}
		if prev, ok := members.Previous(got, "age"); !ok || prev != 0 {
			t.Errorf("Previous(age) = %v, %v", prev, ok)
		}
		if err := members.Save(ctx, got); err != nil {
			t.Fatal(err)
		}
		s := log.reset()
		if len(s) != 1 || !strings.HasPrefix(s[0], "UPDATE") || strings.Contains(s[0], "username") || !strings.Contains(s[0], "updatedAt") {
			t.Errorf("Save ran %v", s)
		}
		if len(members.Changed(got)) != 0 {
			t.Errorf("still changed after Save: %v", members.Changed(got))
		}
		if err := members.Reload(ctx, m); err != nil || m.Age != 41 || m.Bio == nil || *m.Bio != "hello" {
			t.Errorf("Reload = %+v, %v", m, err)
		}

		// More rows, then finders.
		for _, name := range []string{"bob", "carl", "dora", "ed"} {
			if err := members.Create(ctx, &Member{Username: name, FirstName: strings.ToUpper(name[:1]) + name[1:], Age: len(name) * 10, Active: name != "ed"}); err != nil {
				t.Fatal(err)
			}
		}
		list, err := members.FindAll(ctx, sequelize.FindOptions{
			Where: sequelize.Where{"age": op.Gte(30), "active": true},
			Order: sequelize.Order{{"age", "DESC"}, {"username"}},
		})
		if err != nil {
			t.Fatal(err)
		}
		if names := usernames(list); !reflect.DeepEqual(names, []string{"carl", "dora", "bob"}) {
			t.Errorf("FindAll = %v", names)
		}
		page, err := members.FindAll(ctx, sequelize.FindOptions{Order: sequelize.Order{{"id"}}, Limit: 2, Offset: 1})
		if err != nil || !reflect.DeepEqual(usernames(page), []string{"bob", "carl"}) {
			t.Errorf("Limit/Offset = %v, %v", usernames(page), err)
		}
		offOnly, err := members.FindAll(ctx, sequelize.FindOptions{Order: sequelize.Order{{"id"}}, Offset: 3})
		if err != nil || !reflect.DeepEqual(usernames(offOnly), []string{"dora", "ed"}) {
			t.Errorf("Offset only = %v, %v", usernames(offOnly), err)
		}
		one, err := members.FindOne(ctx, sequelize.FindOptions{Where: sequelize.Where{"firstName": op.Like("C%")}})
		if err != nil || one == nil || one.Username != "carl" {
			t.Errorf("FindOne = %v, %v", one, err)
		}
		n, err := members.Count(ctx, sequelize.CountOptions{Where: sequelize.Where{"active": false}})
		if err != nil || n != 2 {
			t.Errorf("Count = %d, %v", n, err)
		}
		maxAge, err := members.Max(ctx, "age")
		if err != nil || maxAge != 41 {
			t.Errorf("Max = %v, %v", maxAge, err)
		}
		sum, err := members.Sum(ctx, "age", sequelize.AggregateOptions{Where: sequelize.Where{"username": []string{"bob", "ed"}}})
		if err != nil || sum != 50 {
			t.Errorf("Sum = %v, %v", sum, err)
		}
		rows, total, err := members.FindAndCountAll(ctx, sequelize.FindOptions{Limit: 2, Order: sequelize.Order{{"id"}}})
		if err != nil || total != 5 || len(rows) != 2 {
			t.Errorf("FindAndCountAll = %d rows, total %d, %v", len(rows), total, err)
		}

		// Bulk update and increment.
		affected, err := members.Update(ctx, sequelize.Values{"active": true}, sequelize.UpdateOptions{Where: sequelize.Where{"active": false}})
		if err != nil || affected != 2 {
			t.Errorf("Update = %d, %v", affected, err)
		}
		if _, err := members.Increment(ctx, sequelize.Values{"age": 5}, sequelize.IncrementOptions{Where: sequelize.Where{"username": "ed"}}); err != nil {
			t.Fatal(err)
		}
		ed, _ := members.FindOne(ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "ed"}})
		if ed.Age != 25 || !ed.Active {
			t.Errorf("after Increment and Update: %+v", ed)
		}
		if err := members.DecrementInstance(ctx, ed, sequelize.Values{"age": 20}); err != nil || ed.Age != 5 {
			t.Errorf("DecrementInstance: age %d, %v", ed.Age, err)
		}

		// Unique violations come back typed.
		err = members.Create(ctx, &Member{Username: "ann"})
		var uniq *sequelize.UniqueConstraintError
		if !errors.As(err, &uniq) {
			t.Errorf("duplicate username: %T %v", err, err)
		}

		// Destroy needs a where; DestroyInstance deletes by primary key.
		if _, err := members.Destroy(ctx, sequelize.DestroyOptions{}); err == nil {
			t.Error("Destroy without Where was accepted")
		}
		if err := members.DestroyInstance(ctx, ed); err != nil {
			t.Fatal(err)
		}
		if !members.IsNewRecord(ed) {
			t.Error("a destroyed instance is not new")
		}
		gone, err := members.Destroy(ctx, sequelize.DestroyOptions{Where: sequelize.Where{"age": op.Lt(40)}})
		if err != nil || gone != 1 {
			t.Errorf("Destroy = %d, %v", gone, err)
		}
		if err := members.Truncate(ctx); err != nil {
			t.Fatal(err)
		}
		if n, _ := members.Count(ctx); n != 0 {
			t.Errorf("after Truncate count = %d", n)
		}
	})
}

func usernames(list []*Member) []string {
	out := make([]string, len(list))
	for i, m := range list {
		out[i] = m.Username
	}
	return out
}

type Document struct {
	ID        int64
	Title     string
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
}

func TestParanoidAndVersion(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, _ := openModels(t, tg)
		docs := sequelize.Define[Document](db, sequelize.ModelOptions{Paranoid: true, Version: "version"})
		if err := docs.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		a, b := &Document{Title: "a"}, &Document{Title: "b"}
		for _, d := range []*Document{a, b} {
			if err := docs.Create(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		if a.Version != 0 {
			t.Errorf("new version = %d", a.Version)
		}
		// Optimistic locking: a stale copy cannot be saved.
		stale, _ := docs.FindByPK(ctx, a.ID)
		a.Title = "a2"
		if err := docs.Save(ctx, a); err != nil || a.Version != 1 {
			t.Fatalf("Save: version %d, %v", a.Version, err)
		}
		stale.Title = "conflict"
		err := docs.Save(ctx, stale)
		var lock *sequelize.OptimisticLockError
		if !errors.As(err, &lock) || lock.ModelName != "Document" {
			t.Errorf("stale Save: %v", err)
		}
		// Paranoid: destroy hides, Paranoid false shows, restore brings back, force deletes.
		if err := docs.DestroyInstance(ctx, b); err != nil || b.DeletedAt == nil || !docs.IsSoftDeleted(b) {
			t.Fatalf("soft delete: %+v %v", b, err)
		}
		if n, _ := docs.Count(ctx); n != 1 {
			t.Errorf("count after soft delete = %d", n)
		}
		all, _ := docs.FindAll(ctx, sequelize.FindOptions{Paranoid: sequelize.Bool(false)})
		if len(all) != 2 {
			t.Errorf("Paranoid false finds %d", len(all))
		}
		if n, err := docs.Restore(ctx, sequelize.RestoreOptions{Where: sequelize.Where{"id": b.ID}}); err != nil || n != 1 {
			t.Errorf("Restore = %d, %v", n, err)
		}
		if n, _ := docs.Count(ctx); n != 2 {
			t.Errorf("count after restore = %d", n)
		}
		if n, err := docs.Destroy(ctx, sequelize.DestroyOptions{Where: sequelize.Where{"id": b.ID}, Force: true}); err != nil || n != 1 {
			t.Errorf("force Destroy = %d, %v", n, err)
		}
		if all, _ := docs.FindAll(ctx, sequelize.FindOptions{Paranoid: sequelize.Bool(false)}); len(all) != 1 {
			t.Errorf("after force delete %d rows remain", len(all))
		}
	})
}

func TestWhereOperators(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, _ := openModels(t, tg)
		members := sequelize.Define[Member](db)
		if err := members.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		bio := "50%_off"
		for i, name := range []string{"al", "bea", "cy", "di_x", "eve"} {
			m := &Member{Username: name, Age: i * 10}
			if name == "bea" {
				m.Bio = &bio
			}
			if err := members.Create(ctx, m); err != nil {
				t.Fatal(err)
			}
		}
		cases := []struct {
			name  string
			where any
			want  []string
		}{
			{"eq", sequelize.Where{"username": "cy"}, []string{"cy"}},
			{"null", sequelize.Where{"bio": nil}, []string{"al", "cy", "di_x", "eve"}},
			{"ne null", sequelize.Where{"bio": op.Ne(nil)}, []string{"bea"}},
			{"in list", sequelize.Where{"age": []int{0, 20}}, []string{"al", "cy"}},
			{"empty in", sequelize.Where{"age": op.In()}, []string{}},
			{"empty notIn", sequelize.Where{"age": op.NotIn()}, []string{"al", "bea", "cy", "di_x", "eve"}},
			{"not empty in", op.Not(sequelize.Where{"age": op.In()}), []string{"al", "bea", "cy", "di_x", "eve"}},
			{"between", sequelize.Where{"age": op.Between(10, 30)}, []string{"bea", "cy", "di_x"}},
			{"and on one attribute", sequelize.Where{"age": op.And(op.Gte(10), op.Lt(30))}, []string{"bea", "cy"}},
			{"or on one attribute", sequelize.Where{"age": op.Or(0, op.Gt(30))}, []string{"al", "eve"}},
			{"or of wheres", op.Or(sequelize.Where{"username": "al"}, sequelize.Where{"age": 40}), []string{"al", "eve"}},
			{"empty or", op.Or(), []string{}},
			{"not", op.Not(sequelize.Where{"age": op.Gt(10)}), []string{"al", "bea"}},
			{"not value", sequelize.Where{"username": op.Not("al")}, []string{"bea", "cy", "di_x", "eve"}},
			{"like", sequelize.Where{"username": op.Like("%e%")}, []string{"bea", "eve"}},
			{"startsWith is literal", sequelize.Where{"username": op.StartsWith("di_")}, []string{"di_x"}},
			{"substring escapes % and _", sequelize.Where{"bio": op.Substring("%_o")}, []string{"bea"}},
			{"substring no match", sequelize.Where{"username": op.Substring("_")}, []string{"di_x"}},
			{"col", sequelize.Where{"age": op.Gt(sequelize.Col("score"))}, []string{"bea", "cy", "di_x", "eve"}},
			{"fn cond", sequelize.Cond(sequelize.Fn("upper", sequelize.Col("username")), "EVE"), []string{"eve"}},
			{"literal", sequelize.Literal("1 = 1"), []string{"al", "bea", "cy", "di_x", "eve"}},
		}
		for _, c := range cases {
			rows, err := members.FindAll(ctx, sequelize.FindOptions{Where: c.where, Order: sequelize.Order{{"username"}}})
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
				continue
			}
			if got := usernames(rows); !slices.Equal(got, c.want) {
				t.Errorf("%s: %v, want %v", c.name, got, c.want)
			}
		}
		// An unknown attribute is an error, not a silent column.
		_, err := members.FindAll(ctx, sequelize.FindOptions{Where: sequelize.Where{"nope": 1}})
		var qe *sequelize.QueryError
		if !errors.As(err, &qe) || !strings.Contains(err.Error(), `"nope"`) {
			t.Errorf("unknown attribute: %v", err)
		}
	})
}

func TestBulkUpsertFindOrCreate(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t, sequelize.Options{Pool: sequelize.PoolOptions{Max: 8}})
		members := sequelize.Define[Member](db)
		if err := members.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		// BulkCreate fills ids, in order.
		batch := make([]*Member, 300)
		for i := range batch {
			batch[i] = &Member{Username: "u" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + time.Duration(i).String(), Age: i}
		}
		if err := members.BulkCreate(ctx, batch); err != nil {
			t.Fatal(err)
		}
		for i, m := range batch {
			if m.ID == 0 || i > 0 && m.ID != batch[i-1].ID+1 {
				t.Fatalf("row %d id %d after %d", i, m.ID, batch[max(i-1, 0)].ID)
			}
		}
		if n, _ := members.Count(ctx); n != 300 {
			t.Errorf("count = %d", n)
		}
		check, _ := members.FindByPK(ctx, batch[150].ID)
		if check.Age != 150 {
			t.Errorf("row 150 = %+v", check)
		}
		// IgnoreDuplicates skips conflicting rows; UpdateOnDuplicate updates them.
		dups := []*Member{{Username: batch[0].Username, Age: -1}, {Username: "fresh", Age: 7}}
		if err := members.BulkCreate(ctx, dups, sequelize.BulkCreateOptions{IgnoreDuplicates: true}); err != nil {
			t.Fatal(err)
		}
		if n, _ := members.Count(ctx); n != 301 {
			t.Errorf("after IgnoreDuplicates count = %d", n)
		}
		upd := []*Member{{Username: "fresh", Age: 8}}
		if err := members.BulkCreate(ctx, upd, sequelize.BulkCreateOptions{UpdateOnDuplicate: []string{"age"}, ConflictAttributes: []string{"username"}}); err != nil {
			t.Fatal(err)
		}
		fresh, _ := members.FindOne(ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "fresh"}})
		if fresh.Age != 8 {
			t.Errorf("UpdateOnDuplicate: age %d", fresh.Age)
		}

		// Upsert reports created on every dialect and returns the stored row.
		up := &Member{Username: "upsy", Age: 1}
		created, err := members.Upsert(ctx, up)
		if err != nil || !created || up.ID == 0 {
			t.Fatalf("Upsert new: %v %+v %v", created, up, err)
		}
		again := &Member{Username: "upsy", Age: 2}
		created, err = members.Upsert(ctx, again)
		if err != nil || created || again.ID != up.ID || again.Age != 2 {
			t.Errorf("Upsert existing: %v %+v %v", created, again, err)
		}

		// FindOrCreate under a race: one row, no error, exactly one creator.
		var wg sync.WaitGroup
		var mu sync.Mutex
		creators := 0
		ids := map[int64]bool{}
		for range 8 {
			wg.Go(func() {
				m, created, err := members.FindOrCreate(ctx, sequelize.FindOrCreateOptions{
					Where: sequelize.Where{"username": "racer"}, Defaults: sequelize.Values{"age": 33}})
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					t.Errorf("FindOrCreate: %v", err)
					return
				}
				if created {
					creators++
				}
				ids[m.ID] = true
				if m.Age != 33 {
					t.Errorf("created age = %d", m.Age)
				}
			})
		}
		wg.Wait()
		if creators != 1 || len(ids) != 1 {
			t.Errorf("race: %d creators, %d distinct rows", creators, len(ids))
		}
		built, isNew, err := members.FindOrBuild(ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{"username": "ghost"}})
		if err != nil || !isNew || built.Username != "ghost" || !members.IsNewRecord(built) {
			t.Errorf("FindOrBuild = %+v %v %v", built, isNew, err)
		}
		found, isNew, err := members.FindCreateFind(ctx, sequelize.FindOrCreateOptions{Where: sequelize.Where{"username": "racer"}})
		if err != nil || isNew || found.Age != 33 {
			t.Errorf("FindCreateFind = %+v %v %v", found, isNew, err)
		}
	})
}

// TestSaveFieldsKeepsOtherChanges checks that Save with Fields writes only
// those attributes and leaves the other changes pending, as Sequelize's
// save({fields}) does: Changed still lists them and the next Save writes
// them, instead of forgetting them unsaved.
func TestSaveFieldsKeepsOtherChanges(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, _ := openModels(t, tg)
		members := sequelize.Define[Member](db)
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		m := &Member{Username: "ann", FirstName: "Ann", Age: 1}
		if err := members.Create(ctx, m); err != nil {
			t.Fatal(err)
		}
		m.FirstName, m.Age = "Annie", 2
		if err := members.Save(ctx, m, sequelize.SaveOptions{Fields: []string{"age"}}); err != nil {
			t.Fatal(err)
		}
		if got := members.Changed(m); !slices.Equal(got, []string{"firstName"}) {
			t.Errorf("Changed after Save(Fields: age) = %v, want [firstName]", got)
		}
		stored, err := members.FindByPK(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if stored.FirstName != "Ann" || stored.Age != 2 {
			t.Errorf("stored %q %d, want Ann 2", stored.FirstName, stored.Age)
		}
		if err := members.Save(ctx, m); err != nil {
			t.Fatal(err)
		}
		if stored, err = members.FindByPK(ctx, m.ID); err != nil || stored.FirstName != "Annie" {
			t.Errorf("after a second Save: %+v, %v, want firstName Annie", stored, err)
		}
		if got := members.Changed(m); len(got) != 0 {
			t.Errorf("Changed after the second Save = %v", got)
		}
	})
}

// tagCode is a Scanner that reads only driver values (strings), as most
// sql.Scanner implementations do.
type tagCode string

func (c *tagCode) Scan(src any) error {
	s, ok := src.(string)
	if !ok {
		return errors.New("tagCode: not a string")
	}
	*c = tagCode(s)
	return nil
}

type Tagged struct {
	ID   int64
	Code *tagCode `sequelize:"type:STRING"`
	Main tagCode  `sequelize:"type:STRING"`
}

// TestSetScannerFieldOwnType checks that Model.Set stores a value of a
// Scanner field's own type as it is instead of handing it to Scan, which
// reads driver values (a foreign key copied from its source's key is
// such a value).
func TestSetScannerFieldOwnType(t *testing.T) {
	db, _ := openModels(t, testdb.SQLite)
	tagged := sequelize.Define[Tagged](db)
	inst := &Tagged{}
	if err := tagged.Set(inst, sequelize.Values{"code": tagCode("a"), "main": tagCode("b")}); err != nil {
		t.Fatal(err)
	}
	if inst.Code == nil || *inst.Code != "a" || inst.Main != "b" {
		t.Errorf("set %+v", inst)
	}
	// A driver value still goes through Scan.
	if err := tagged.Set(inst, sequelize.Values{"main": "c"}); err != nil || inst.Main != "c" {
		t.Errorf("set from a string: %v, %q", err, inst.Main)
	}
}

// TestFindAndCountAllRefusesGroup checks that FindAndCountAll refuses
// Group, whose count Sequelize gives per group, instead of counting every
// row as if Group were not there.
func TestFindAndCountAllRefusesGroup(t *testing.T) {
	db, _ := openModels(t, testdb.SQLite)
	members := sequelize.Define[Member](db)
	if err := db.Sync(t.Context()); err != nil {
		t.Fatal(err)
	}
	_, _, err := members.FindAndCountAll(t.Context(), sequelize.FindOptions{Attributes: []any{"age"}, Group: []any{"age"}})
	var qe *sequelize.QueryError
	if !errors.As(err, &qe) || !strings.Contains(err.Error(), "CountGroups") {
		t.Errorf("err = %v, want a *QueryError naming CountGroups", err)
	}
}
