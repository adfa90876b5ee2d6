package sequelize_test

import (
	"slices"
	"testing"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/internal/testdb"
)

// TestHasManySetKeepsOtherScopes: Set unlinks only the rows its own
// association reads; a polymorphic sibling's row under the same key stays
// linked (scope.test.js, 1:M).
func TestHasManySetKeepsOtherScopes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db := tg.Open(t)
		noTS := sequelize.ModelOptions{Timestamps: sequelize.Bool(false)}
		images := sequelize.Define[Image](db, noTS)
		videos := sequelize.Define[Video](db, noTS)
		remarks := sequelize.Define[Remark](db, noTS)
		imageComments := sequelize.HasMany(images, remarks, sequelize.AssociationOptions{As: "Comments", ForeignKey: "commentableId",
			Constraints: sequelize.Bool(false), Scope: sequelize.Values{"commentableType": "image"}})
		videoComments := sequelize.HasMany(videos, remarks, sequelize.AssociationOptions{As: "Comments", ForeignKey: "commentableId",
			Constraints: sequelize.Bool(false), Scope: sequelize.Values{"commentableType": "video"}})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		img, vid := &Image{ID: 1, URL: "a.png"}, &Video{ID: 1, Title: "v"}
		amxMust(t, images.Create(ctx, img))
		amxMust(t, videos.Create(ctx, vid))
		amxMust(t, videoComments.Create(ctx, vid, &Remark{Body: "nice video"}))
		amxMust(t, imageComments.Create(ctx, img, &Remark{Body: "old picture comment"}))
		fresh := &Remark{Body: "new picture comment"}
		amxMust(t, remarks.Create(ctx, fresh))
		amxMust(t, imageComments.Set(ctx, img, []*Remark{fresh}))
		got, err := imageComments.Get(ctx, img)
		amxMust(t, err)
		if len(got) != 1 || got[0].Body != "new picture comment" {
			t.Errorf("image comments = %+v", got)
		}
		vc, err := videoComments.Get(ctx, vid)
		amxMust(t, err)
		if len(vc) != 1 || vc[0].Body != "nice video" {
			t.Errorf("video comments after the image's Set = %+v, want the video's comment still linked", vc)
		}
		amxMust(t, imageComments.Set(ctx, img, nil))
		if n, _ := videoComments.Count(ctx, vid); n != 1 {
			t.Errorf("video comments after the image's Set(nil) = %d, want 1", n)
		}
	})
}

type amxScopedTag struct {
	ID   int64
	Kind string
}

type amxTagged struct {
	ID         int64
	Categories []*amxScopedTag
	Labels     []*amxScopedTag
}

// TestBelongsToManySetKeepsOtherScopes: two associations through one
// junction, scoped on the target; Set of one leaves the other's links
// (scope.test.js, N:M on the target).
func TestBelongsToManySetKeepsOtherScopes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		db, log := openModels(t, tg)
		posts := sequelize.Define[amxTagged](db)
		tags := sequelize.Define[amxScopedTag](db)
		categories := sequelize.BelongsToMany(posts, tags, sequelize.BelongsToManyOptions{Through: "tagged_tags",
			AssociationOptions: sequelize.AssociationOptions{As: "categories", Scope: sequelize.Values{"kind": "category"}}})
		labels := sequelize.BelongsToMany(posts, tags, sequelize.BelongsToManyOptions{Through: "tagged_tags",
			AssociationOptions: sequelize.AssociationOptions{As: "labels", Scope: sequelize.Values{"kind": "label"}}})
		if err := db.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		post := &amxTagged{}
		amxMust(t, posts.Create(ctx, post))
		cat := &amxScopedTag{}
		amxMust(t, categories.Create(ctx, post, cat))
		l1, l2 := &amxScopedTag{Kind: "label"}, &amxScopedTag{Kind: "label"}
		amxMust(t, tags.Create(ctx, l1))
		amxMust(t, tags.Create(ctx, l2))
		amxMust(t, labels.Add(ctx, post, l1))
		log.reset()
		amxMust(t, labels.Set(ctx, post, []*amxScopedTag{l2}))
		if log.count("DELETE") != 1 {
			t.Errorf("Set: %d DELETEs, want 1 (of l1's link): %v", log.count("DELETE"), log)
		}
		ids := func(ts []*amxScopedTag, err error) []int64 {
			amxMust(t, err)
			var out []int64
			for _, x := range ts {
				out = append(out, x.ID)
			}
			slices.Sort(out)
			return out
		}
		if got := ids(labels.Get(ctx, post)); !slices.Equal(got, []int64{l2.ID}) {
			t.Errorf("labels = %v, want [%d]", got, l2.ID)
		}
		if got := ids(categories.Get(ctx, post)); !slices.Equal(got, []int64{cat.ID}) {
			t.Errorf("categories after the labels' Set = %v, want [%d]", got, cat.ID)
		}
		amxMust(t, labels.Set(ctx, post, nil))
		if got := ids(categories.Get(ctx, post)); !slices.Equal(got, []int64{cat.ID}) {
			t.Errorf("categories after the labels' Set(nil) = %v, want [%d]", got, cat.ID)
		}
		if got := ids(labels.Get(ctx, post)); len(got) != 0 {
			t.Errorf("labels after Set(nil) = %v", got)
		}
	})
}

// amxMust fails the test when err is not nil.
func amxMust(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
