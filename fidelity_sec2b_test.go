package sequelize_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/internal/testdb"
	"github.com/gosequelize/sequelize/op"
)

// More regression tests for the fidelity issue, section 2 (identifiers
// start with fs2).

type fs2Stamped struct {
	ID        int64
	Name      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// TestCreateSilentKeepsTimestamps: CreateOptions.Silent keeps the
// createdAt and updatedAt the instance holds, as Sequelize's create with
// silent: true; a zero updatedAt still gets the insert's time, and without
// Silent updatedAt is always the insert's time.
func TestCreateSilentKeepsTimestamps(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, _ := openModels(t, tg)
		items := sequelize.Define[fs2Stamped](db)
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		created := time.Date(2012, 10, 10, 10, 10, 10, 0, time.UTC)
		updated := time.Date(2011, 11, 11, 11, 11, 11, 0, time.UTC)
		a := &fs2Stamped{Name: "a", CreatedAt: created, UpdatedAt: updated}
		if err := items.Create(ctx, a, sequelize.CreateOptions{Silent: true}); err != nil {
			t.Fatal(err)
		}
		got, err := items.FindOne(ctx, sequelize.FindOptions{Where: sequelize.Where{"updatedAt": op.Ne(nil), "id": a.ID}})
		if err != nil || got == nil {
			t.Fatalf("find: %v, %v", got, err)
		}
		for _, s := range []*fs2Stamped{a, got} {
			if !s.CreatedAt.Equal(created) || !s.UpdatedAt.Equal(updated) {
				t.Errorf("silent create: createdAt %v, updatedAt %v, want %v, %v", s.CreatedAt, s.UpdatedAt, created, updated)
			}
		}
		b := &fs2Stamped{Name: "b", CreatedAt: created}
		before := time.Now().Add(-time.Minute)
		if err := items.Create(ctx, b, sequelize.CreateOptions{Silent: true}); err != nil {
			t.Fatal(err)
		}
		if b.UpdatedAt.Before(before) || !b.CreatedAt.Equal(created) {
			t.Errorf("silent create without updatedAt: %+v", b)
		}
		c := &fs2Stamped{Name: "c", CreatedAt: created, UpdatedAt: updated}
		if err := items.Create(ctx, c); err != nil {
			t.Fatal(err)
		}
		if c.UpdatedAt.Before(before) || !c.CreatedAt.Equal(created) {
			t.Errorf("create without Silent: %+v", c)
		}
	})
}

type fs2Strict struct {
	ID          int64
	Name        string
	Fs2KeeperID int64
}

type fs2Keeper struct {
	ID         int64
	Fs2Stricts []*fs2Strict
}

// TestModelRejectOnEmptyFindAll: ModelOptions.RejectOnEmpty applies to
// FindAll and FindAndCountAll too, as Sequelize's model option; eager
// loading of an empty association does not reject.
func TestModelRejectOnEmptyFindAll(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, _ := openModels(t, tg)
		strict := sequelize.Define[fs2Strict](db, sequelize.ModelOptions{RejectOnEmpty: true})
		keepers := sequelize.Define[fs2Keeper](db)
		kept := sequelize.HasMany(keepers, strict)
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		var empty *sequelize.EmptyResultError
		if rows, err := strict.FindAll(ctx); !errors.As(err, &empty) {
			t.Errorf("FindAll on an empty table = %v, %v; want an *EmptyResultError", rows, err)
		}
		if rows, n, err := strict.FindAndCountAll(ctx); !errors.As(err, &empty) {
			t.Errorf("FindAndCountAll on an empty table = %v, %d, %v; want an *EmptyResultError", rows, n, err)
		}
		k := &fs2Keeper{}
		if err := keepers.Create(ctx, k); err != nil {
			t.Fatal(err)
		}
		// eager loading an empty association is no find of the target
		if rows, err := keepers.FindAll(ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: kept}}}); err != nil || len(rows) != 1 || len(rows[0].Fs2Stricts) != 0 {
			t.Errorf("FindAll with an empty include = %v, %v", rows, err)
		}
		if err := strict.Create(ctx, &fs2Strict{Name: "a", Fs2KeeperID: k.ID}); err != nil {
			t.Fatal(err)
		}
		if rows, err := strict.FindAll(ctx); err != nil || len(rows) != 1 {
			t.Errorf("FindAll = %v, %v", rows, err)
		}
		if rows, err := strict.FindAll(ctx, sequelize.FindOptions{Where: sequelize.Where{"name": "b"}}); !errors.As(err, &empty) {
			t.Errorf("FindAll matching nothing = %v, %v; want an *EmptyResultError", rows, err)
		}
	})
}

type fs2Handle struct {
	ID     int64
	Handle string `sequelize:"unique"`
	Secret string
}

// TestBulkCreateUpdateOnDuplicateUniqueKey: without ConflictAttributes,
// UpdateOnDuplicate's conflict target is the model's unique key, as
// Sequelize infers it (model/bulk-create.test.js "should support the
// updateOnDuplicate option"); it was the primary key only, and rows
// without ids failed with a unique violation.
func TestBulkCreateUpdateOnDuplicateUniqueKey(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, _ := openModels(t, tg)
		accounts := sequelize.Define[fs2Handle](db)
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		opts := sequelize.BulkCreateOptions{Fields: []string{"handle", "secret"}, UpdateOnDuplicate: []string{"secret"}}
		if err := accounts.BulkCreate(ctx, []*fs2Handle{{Handle: "peter", Secret: "42"}, {Handle: "paul", Secret: "23"}}, opts); err != nil {
			t.Fatal(err)
		}
		if err := accounts.BulkCreate(ctx, []*fs2Handle{{Handle: "peter", Secret: "43"}, {Handle: "paul", Secret: "24"}, {Handle: "michael", Secret: "26"}}, opts); err != nil {
			t.Fatal(err)
		}
		rows, err := accounts.FindAll(ctx, sequelize.FindOptions{Order: sequelize.Order{{"id", "ASC"}}})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rows {
			got = append(got, r.Handle+"="+r.Secret)
		}
		if want := []string{"peter=43", "paul=24", "michael=26"}; !slices.Equal(got, want) {
			t.Errorf("rows = %v, want %v", got, want)
		}
	})
}

type fs2Profile struct {
	ID   int64
	Name *string
	Baz  *string `sequelize:"defaultValue:baz default"`
}

// TestUpsertDefaultsInsertOnly: a default belongs to Upsert's insert; an
// attribute left unset does not overwrite the stored value of an existing
// row with its default (model/upsert.test.js "does not update using
// default values").
func TestUpsertDefaultsInsertOnly(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, _ := openModels(t, tg)
		profiles := sequelize.Define[fs2Profile](db)
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		if err := profiles.Create(ctx, &fs2Profile{ID: 42, Name: fs2Ptr("john"), Baz: fs2Ptr("stored baz")}); err != nil {
			t.Fatal(err)
		}
		if _, err := profiles.Upsert(ctx, &fs2Profile{ID: 42, Name: fs2Ptr("doe")}); err != nil {
			t.Fatal(err)
		}
		got, err := profiles.FindByPK(ctx, 42)
		if err != nil || got == nil {
			t.Fatalf("FindByPK = %v, %v", got, err)
		}
		if *got.Name != "doe" || got.Baz == nil || *got.Baz != "stored baz" {
			t.Errorf("after Upsert: name %v, baz %v; want doe, stored baz", *got.Name, got.Baz)
		}
		// a new row takes the default
		if _, err := profiles.Upsert(ctx, &fs2Profile{ID: 43, Name: fs2Ptr("new")}); err != nil {
			t.Fatal(err)
		}
		if got, err := profiles.FindByPK(ctx, 43); err != nil || got == nil || got.Baz == nil || *got.Baz != "baz default" {
			t.Errorf("inserted row = %+v, %v; want baz default", got, err)
		}
	})
}

type fs2Signup struct {
	ID        int64
	Name      *string
	Email     *string
	Flag      bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

// TestCreateFieldsSameEverywhere: after Create with Fields the instance
// holds what was stored on every dialect (model/create.test.js "should
// only set passed fields": Sequelize builds it from the fields only), and
// after BulkCreate with Fields (with IndividualHooks or not) a value a
// BeforeCreate hook set outside Fields stays in the struct on every
// dialect (hooks/bulkOperation.test.js), unsaved and so still changed.
func TestCreateFieldsSameEverywhere(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, _ := openModels(t, tg)
		signups := sequelize.Define[fs2Signup](db)
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		u := &fs2Signup{Name: fs2Ptr("Yolo Bear"), Email: fs2Ptr("yolo@bear.com")}
		if err := signups.Create(ctx, u, sequelize.CreateOptions{Fields: []string{"name"}}); err != nil {
			t.Fatal(err)
		}
		if u.Name == nil || u.Email != nil || u.ID == 0 || u.CreatedAt.IsZero() {
			t.Errorf("after Create(Fields: name): %+v, want the name, no email", u)
		}
		if c := signups.Changed(u); len(c) != 0 {
			t.Errorf("Changed after Create = %v", c)
		}
		got, err := signups.FindByPK(ctx, u.ID)
		if err != nil || got == nil || got.Name == nil || got.Email != nil {
			t.Fatalf("stored = %+v, %v", got, err)
		}

		signups.AddHook(sequelize.BeforeCreate, "flag", func(ctx context.Context, e *sequelize.HookEvent[fs2Signup]) error {
			e.Instance.Flag = true
			e.Instance.Email = fs2Ptr("hook@x.com")
			return nil
		})
		for _, individual := range []bool{true, false} {
			rows := []*fs2Signup{{Name: fs2Ptr("a")}, {Name: fs2Ptr("b")}}
			if err := signups.BulkCreate(ctx, rows, sequelize.BulkCreateOptions{Fields: []string{"name"}, IndividualHooks: individual}); err != nil {
				t.Fatal(err)
			}
			for _, r := range rows {
				if !individual {
					continue // no BeforeCreate without IndividualHooks
				}
				if !r.Flag || r.Email == nil || *r.Email != "hook@x.com" {
					t.Errorf("individual hooks: instance %+v lost the hook's values", r)
				}
				if c := signups.Changed(r); !slices.Equal(c, []string{"email", "flag"}) {
					t.Errorf("Changed = %v, want [email flag]", c)
				}
				stored, err := signups.FindByPK(ctx, r.ID)
				if err != nil || stored == nil || stored.Flag || stored.Email != nil {
					t.Errorf("stored %+v, %v: the values outside Fields were written", stored, err)
				}
			}
		}
	})
}
