package sequelize_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/dialect"
	"github.com/gosequelize/sequelize/internal/testdb"
)

// mw2Seat has a unique seat number among the rows not released.
type mw2Seat struct {
	ID       int64
	Number   int64      `sequelize:"type:INTEGER"`
	Holder   string     `sequelize:"type:STRING"`
	Released *time.Time `sequelize:"type:DATE"`
}

// TestMw2ConflictWhere: BulkCreate's and Upsert's ConflictWhere name a
// partial unique index as the conflict target on PostgreSQL and SQLite (a
// released seat never conflicts), and are a *QueryError on MySQL and
// MariaDB, with nothing written; ConflictWhere without UpdateOnDuplicate
// is a *QueryError everywhere.
func TestMw2ConflictWhere(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		index := sequelize.IndexOptions{Unique: true, Fields: []sequelize.IndexField{{Attribute: "number"}}}
		if db.Dialect().Features().Has(dialect.OnConflict) {
			index.Where = sequelize.Where{"released": nil} // MySQL and MariaDB have no partial indexes
		}
		seats := sequelize.Define[mw2Seat](db, sequelize.ModelOptions{Timestamps: sequelize.Bool(false),
			Indexes: []sequelize.IndexOptions{index}})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		bulk := sequelize.BulkCreateOptions{ConflictAttributes: []string{"number"}, ConflictWhere: sequelize.Where{"released": nil},
			UpdateOnDuplicate: []string{"holder"}}
		count := func() int64 {
			t.Helper()
			n, err := seats.Count(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}

		err := seats.BulkCreate(ctx, []*mw2Seat{{Number: 1, Holder: "a"}}, sequelize.BulkCreateOptions{ConflictWhere: sequelize.Where{"released": nil}})
		var qe *sequelize.QueryError
		if want := "UpdateOnDuplicate"; !errors.As(err, &qe) || !strings.Contains(err.Error(), want) && db.Dialect().Features().Has(dialect.OnConflict) {
			t.Fatalf("ConflictWhere without UpdateOnDuplicate: err = %v, want a *QueryError naming UpdateOnDuplicate", err)
		}

		if !db.Dialect().Features().Has(dialect.OnConflict) {
			err := seats.BulkCreate(ctx, []*mw2Seat{{Number: 1, Holder: "a"}}, bulk)
			if !errors.As(err, &qe) || !strings.Contains(err.Error(), "conflictWhere not supported for dialect "+db.Dialect().Name()) {
				t.Fatalf("BulkCreate: err = %v, want a *QueryError: conflictWhere not supported", err)
			}
			_, err = seats.Upsert(ctx, &mw2Seat{Number: 1, Holder: "a"}, sequelize.UpsertOptions{ConflictWhere: sequelize.Where{"released": nil}})
			if !errors.As(err, &qe) || !strings.Contains(err.Error(), "conflictWhere not supported") {
				t.Fatalf("Upsert: err = %v, want a *QueryError: conflictWhere not supported", err)
			}
			if n := count(); n != 0 {
				t.Fatalf("%d rows written", n)
			}
			return
		}

		old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
		first := []*mw2Seat{{Number: 1, Holder: "a"}, {Number: 2, Holder: "b", Released: &old}}
		if err := seats.BulkCreate(ctx, first, bulk); err != nil {
			t.Fatal(err)
		}
		// Seat 1 is taken: updated in place; seat 2 is released: a new row.
		second := []*mw2Seat{{Number: 1, Holder: "c"}, {Number: 2, Holder: "d"}}
		if err := seats.BulkCreate(ctx, second, bulk); err != nil {
			t.Fatal(err)
		}
		if second[0].ID != first[0].ID || second[1].ID == first[1].ID {
			t.Errorf("ids %d %d after %d %d: want seat 1 updated, seat 2 inserted", second[0].ID, second[1].ID, first[0].ID, first[1].ID)
		}
		if n := count(); n != 3 {
			t.Fatalf("rows = %d, want 3", n)
		}

		// Upsert infers the partial index as the conflict key (Number is
		// its only attribute) when ConflictWhere is given.
		up := sequelize.UpsertOptions{ConflictWhere: sequelize.Where{"released": nil}}
		taken := &mw2Seat{Number: 1, Holder: "e"}
		created, err := seats.Upsert(ctx, taken, up)
		if err != nil {
			t.Fatal(err)
		}
		if created || taken.ID != first[0].ID || taken.Holder != "e" {
			t.Errorf("upsert of taken seat 1: created %v, id %d, holder %q; want the row %d updated", created, taken.ID, taken.Holder, first[0].ID)
		}
		released := &mw2Seat{Number: 1, Holder: "f", Released: &old}
		created, err = seats.Upsert(ctx, released, up)
		if err != nil {
			t.Fatal(err)
		}
		if !created || released.ID == first[0].ID || released.Holder != "f" || released.Released == nil {
			t.Errorf("upsert of a released seat 1: created %v, id %d, holder %q; want a new row", created, released.ID, released.Holder)
		}
		if n := count(); n != 4 {
			t.Fatalf("rows = %d, want 4", n)
		}
		var still mw2Seat
		got, err := seats.FindByPK(ctx, first[0].ID)
		if err != nil || got == nil {
			t.Fatal(err)
		}
		still = *got
		if still.Holder != "e" || still.Released != nil {
			t.Errorf("seat 1 = %+v, want holder e, not released", still)
		}
	})
}

// mw2Stamped has timestamps.
type mw2Stamped struct {
	ID        int64
	Name      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// TestMw2BulkCreateSilent: BulkCreate keeps the updatedAt each record has
// (a zero one is set to now), with Silent or without it, as Sequelize's
// bulkCreate (model.js: updatedAt is set only when the record has none);
// Silent with IndividualHooks is a *QueryError and nothing is written.
func TestMw2BulkCreateSilent(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		rows := sequelize.Define[mw2Stamped](db)
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		old := time.Date(2011, 11, 11, 11, 11, 11, 0, time.UTC)
		before := time.Now().Add(-time.Minute)
		batch := []*mw2Stamped{{Name: "kept", CreatedAt: old, UpdatedAt: old}, {Name: "set"}}
		if err := rows.BulkCreate(ctx, batch, sequelize.BulkCreateOptions{Silent: true}); err != nil {
			t.Fatal(err)
		}
		if err := rows.BulkCreate(ctx, []*mw2Stamped{{Name: "loud", UpdatedAt: old}}); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"kept", "set", "loud"} {
			got, err := rows.FindOne(ctx, sequelize.FindOptions{Where: sequelize.Where{"name": name}})
			if err != nil || got == nil {
				t.Fatalf("%s: %v, %v", name, got, err)
			}
			if kept := got.UpdatedAt.UTC().Equal(old); kept != (name != "set") {
				t.Errorf("%s: updatedAt = %v (old %v)", name, got.UpdatedAt, old)
			}
			if name == "set" && got.UpdatedAt.Before(before) {
				t.Errorf("%s: updatedAt = %v, want now", name, got.UpdatedAt)
			}
		}
		err := rows.BulkCreate(ctx, []*mw2Stamped{{Name: "hooked"}}, sequelize.BulkCreateOptions{Silent: true, IndividualHooks: true})
		var qe *sequelize.QueryError
		if !errors.As(err, &qe) {
			t.Fatalf("Silent with IndividualHooks: err = %v, want a *QueryError", err)
		}
		if n, err := rows.Count(ctx); err != nil || n != 3 {
			t.Fatalf("rows = %d, %v; want 3", n, err)
		}
	})
}

// TestMw2UpdateLimit: Update's Limit updates at most that many rows on
// MySQL and MariaDB (also with IndividualHooks); on PostgreSQL and SQLite,
// which have no UPDATE ... LIMIT, it is a *QueryError and no row changes;
// a negative Limit is a *QueryError everywhere.
func TestMw2UpdateLimit(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		rows := sequelize.Define[mw2Stamped](db)
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		if err := rows.BulkCreate(ctx, []*mw2Stamped{{Name: "a"}, {Name: "a"}, {Name: "a"}}); err != nil {
			t.Fatal(err)
		}
		changed := func() int64 {
			t.Helper()
			n, err := rows.Count(ctx, sequelize.CountOptions{Where: sequelize.Where{"name": "b"}})
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		var qe *sequelize.QueryError
		_, err := rows.Update(ctx, sequelize.Values{"name": "b"}, sequelize.UpdateOptions{Where: sequelize.Where{}, Limit: -1})
		if !errors.As(err, &qe) {
			t.Fatalf("Limit -1: err = %v, want a *QueryError", err)
		}
		if !db.Dialect().Features().Has(dialect.UpdateLimit) {
			for _, hooks := range []bool{false, true} {
				_, err := rows.Update(ctx, sequelize.Values{"name": "b"}, sequelize.UpdateOptions{Where: sequelize.Where{}, Limit: 1, IndividualHooks: hooks})
				if !errors.As(err, &qe) || !strings.Contains(err.Error(), "Limit") {
					t.Fatalf("Limit on %s: err = %v, want a *QueryError naming Limit", tg.Name, err)
				}
			}
			if n := changed(); n != 0 {
				t.Fatalf("%d rows changed", n)
			}
			return
		}
		n, err := rows.Update(ctx, sequelize.Values{"name": "b"}, sequelize.UpdateOptions{Where: sequelize.Where{"name": "a"}, Limit: 1})
		if err != nil || n != 1 || changed() != 1 {
			t.Fatalf("Limit 1: n = %d, err = %v, %d rows changed; want 1", n, err, changed())
		}
		n, err = rows.Update(ctx, sequelize.Values{"name": "b"}, sequelize.UpdateOptions{Where: sequelize.Where{"name": "a"}, Limit: 1, IndividualHooks: true})
		if err != nil || n != 1 || changed() != 2 {
			t.Fatalf("Limit 1 with IndividualHooks: n = %d, err = %v, %d rows changed; want 2", n, err, changed())
		}
	})
}

// TestMw2TSVectorHoldsString: Define refuses a TSVECTOR attribute on a
// field that cannot hold a string (Sequelize's TSVECTOR validation) and
// accepts string and *string fields.
func TestMw2TSVectorHoldsString(t *testing.T) {
	type mw2DocInt struct {
		ID   int64
		Body int64 `sequelize:"type:TSVECTOR"`
	}
	type mw2DocString struct {
		ID    int64
		Body  string  `sequelize:"type:TSVECTOR"`
		Title *string `sequelize:"type:TSVECTOR"`
	}
	db := openMemory(t)
	func() {
		defer func() {
			if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "TSVECTOR holds a string") {
				t.Errorf("Define of an int64 TSVECTOR: panic %v, want a TSVECTOR holds a string", r)
			}
		}()
		sequelize.Define[mw2DocInt](db)
	}()
	sequelize.Define[mw2DocString](db) // must not panic
}
