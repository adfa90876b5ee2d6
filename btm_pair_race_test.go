package sequelize_test

import (
	"sync"
	"testing"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/internal/testdb"
)

// TestBelongsToManyPairWhileQuerying defines the reverse BelongsToMany of an
// association (which pairs the two and republishes the first one's keys)
// while goroutines query through the first: run under -race, it shows the
// pairing publishes the keys safely, and the queries keep working.
func TestBelongsToManyPairWhileQuerying(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, _ := openModels(t, tg)
		members := sequelize.Define[pairMember](db)
		clubs := sequelize.Define[pairClub](db)
		mc := sequelize.BelongsToMany(members, clubs, sequelize.BelongsToManyOptions{Through: "memberships"})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		m := &pairMember{Code: "m"}
		c := &pairClub{Slug: "c"}
		if err := members.Create(ctx, m); err != nil {
			t.Fatal(err)
		}
		if err := clubs.Create(ctx, c); err != nil {
			t.Fatal(err)
		}
		if err := mc.Add(ctx, m, c); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make(chan error, 4)
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 20 {
					got, err := mc.Get(ctx, m)
					if err == nil && len(got) != 1 {
						t.Errorf("Get = %d clubs, want 1", len(got))
					}
					if err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		// Same default key names on both sides: pairing keeps the columns.
		cm := sequelize.BelongsToMany(clubs, members, sequelize.BelongsToManyOptions{Through: "memberships"})
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		if n, err := cm.Count(ctx, c); err != nil || n != 1 {
			t.Fatalf("reverse Count = %d, %v; want 1", n, err)
		}
	})
}
