package sequelize

import (
	"context"
	"runtime"
	"slices"
	"testing"

	_ "github.com/gosequelize/sequelize/dialect/sqlitedialect"
)

type trackedRow struct {
	ID   int64
	Name string
	Tags []string `sequelize:"type:JSON"`
}

// TestTrackerSlabs checks change tracking of rows read in chunks: every
// row of a large result is tracked, Save sends only what changed, Destroy
// makes a row new again, and once the rows are collected their slabs go
// and objects reusing the memory are not mistaken for them.
func TestTrackerSlabs(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, "sqlite::memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows := Define[trackedRow](db, ModelOptions{Timestamps: Bool(false)})
	if err := rows.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	var batch []*trackedRow
	for i := range 300 {
		batch = append(batch, &trackedRow{Name: "r", Tags: []string{string(rune('a' + i%26))}})
	}
	if err := rows.BulkCreate(ctx, batch); err != nil {
		t.Fatal(err)
	}
	got, err := rows.FindAll(ctx, FindOptions{Order: Order{{"id"}}})
	if err != nil || len(got) != 300 {
		t.Fatalf("FindAll: %d rows, %v", len(got), err)
	}
	rows.tr.mu.Lock()
	nslabs := len(rows.tr.slabs)
	rows.tr.mu.Unlock()
	if nslabs == 0 {
		t.Fatal("300 rows were tracked without slabs")
	}
	for i, r := range got {
		if rows.IsNewRecord(r) || len(rows.Changed(r)) != 0 {
			t.Fatalf("row %d: new %v, changed %v", i, rows.IsNewRecord(r), rows.Changed(r))
		}
	}
	// A change in place, also inside a slice field, is seen.
	r := got[150]
	r.Name = "changed"
	r.Tags[0] = "zz"
	if ch := rows.Changed(r); !slices.Equal(ch, []string{"name", "tags"}) {
		t.Fatalf("Changed %v", ch)
	}
	if err := rows.Save(ctx, r); err != nil {
		t.Fatal(err)
	}
	if ch := rows.Changed(r); len(ch) != 0 {
		t.Fatalf("after Save, Changed %v", ch)
	}
	if err := rows.DestroyInstance(ctx, got[200]); err != nil {
		t.Fatal(err)
	}
	if !rows.IsNewRecord(got[200]) || rows.IsNewRecord(got[201]) {
		t.Fatal("Destroy did not make exactly its row new")
	}
	// A copy is a new struct: untracked.
	cp := *got[10]
	if !rows.IsNewRecord(&cp) {
		t.Fatal("a copy of a tracked row counts as tracked")
	}

	// Drop the rows: their slabs die, and new objects that may take
	// their memory are new records.
	got, r = nil, nil
	for range 3 {
		runtime.GC()
	}
	fresh := make([]*trackedRow, 2000)
	for i := range fresh {
		fresh[i] = &trackedRow{ID: int64(i)}
		if !rows.IsNewRecord(fresh[i]) {
			t.Fatalf("a new object at %p counts as tracked", fresh[i])
		}
	}
	// Chunks of the sizes run allocates land in the freed chunks' slots.
	var chunks [][]trackedRow
	for _, n := range []int{8, 16, 32, 64} {
		for range 100 {
			c := make([]trackedRow, n)
			chunks = append(chunks, c)
			for i := range c {
				if !rows.IsNewRecord(&c[i]) {
					t.Fatalf("a new chunk of %d rows counts as tracked", n)
				}
			}
		}
	}
	// Reading again sweeps the dead slabs.
	for range 10 {
		if _, err := rows.FindAll(ctx); err != nil {
			t.Fatal(err)
		}
		runtime.GC()
	}
	rows.tr.mu.Lock()
	live := 0
	for _, s := range rows.tr.slabs {
		if s.wp.Value() != nil {
			live++
		}
	}
	total := len(rows.tr.slabs)
	rows.tr.mu.Unlock()
	if total > 4*nslabs+64 {
		t.Errorf("%d slabs kept (%d live); dead slabs are not swept", total, live)
	}
	runtime.KeepAlive(fresh)
	runtime.KeepAlive(chunks)
}
