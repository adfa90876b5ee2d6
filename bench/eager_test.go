package bench

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/dialect/pgdialect"
	"github.com/gosequelize/sequelize/dialect/sqlitedialect"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// The eager-loading benchmarks read 100 users with their group (BelongsTo)
// and their posts (HasMany) from three tables that the models create
// (Sync with Force) and seed:
//
//	bench_eager_groups (id, name)                   10 rows
//	bench_eager_users  (id, username, "groupId")    100 rows, user i in group (i-1)%10+1
//	bench_eager_posts  (id, title, body, "UserId")  1000 rows, 10 per user; every 7th body is NULL
//
// plus an index on bench_eager_posts ("UserId"). The model names are
// Group, User and Post, so that the HasMany has Sequelize's default alias
// ("Posts") and foreign key ("UserId").

// EagerGroup is a group.
type EagerGroup struct {
	ID   int64
	Name string
}

// EagerUser is a user with its included group and posts.
type EagerUser struct {
	ID       int64
	Username string
	GroupID  *int64
	Group    *EagerGroup
	Posts    []*EagerPost
}

// EagerPost is a post; UserID holds the HasMany's foreign key "UserId".
type EagerPost struct {
	ID     int64
	Title  string
	Body   *string
	UserID *int64
}

const (
	eagerGroups       = 10
	eagerUsers        = 100
	eagerPostsPerUser = 10
)

// eagerModels are the three models and the two associations on one DB.
type eagerModels struct {
	groups    *sequelize.Model[EagerGroup]
	users     *sequelize.Model[EagerUser]
	posts     *sequelize.Model[EagerPost]
	group     *sequelize.BelongsToAssociation[EagerUser, EagerGroup]
	userPosts *sequelize.HasManyAssociation[EagerUser, EagerPost]
}

// defineEager defines the models on db. The non-pointer string fields are
// NOT NULL (as in the other model benchmarks: a non-pointer field of a
// nullable column is read through a boxed holder).
func defineEager(db *sequelize.DB) *eagerModels {
	notNull := func(name string) map[string]sequelize.AttributeOptions {
		return map[string]sequelize.AttributeOptions{name: {AllowNull: sequelize.Bool(false)}}
	}
	m := &eagerModels{
		groups: sequelize.Define[EagerGroup](db, sequelize.ModelOptions{ModelName: "Group", TableName: "bench_eager_groups",
			Timestamps: sequelize.Bool(false), Attributes: notNull("name")}),
		users: sequelize.Define[EagerUser](db, sequelize.ModelOptions{ModelName: "User", TableName: "bench_eager_users",
			Timestamps: sequelize.Bool(false), Attributes: notNull("username")}),
		posts: sequelize.Define[EagerPost](db, sequelize.ModelOptions{ModelName: "Post", TableName: "bench_eager_posts",
			Timestamps: sequelize.Bool(false), Attributes: notNull("title")}),
	}
	m.group = sequelize.BelongsTo(m.users, m.groups, sequelize.AssociationOptions{As: "group", ForeignKey: "groupId"})
	m.userPosts = sequelize.HasMany(m.users, m.posts)
	return m
}

// findAll is what the model case runs: the first 100 users by id with
// both includes.
func (m *eagerModels) findAll(ctx context.Context, raw bool) ([]*EagerUser, error) {
	return m.users.FindAll(ctx, sequelize.FindOptions{Limit: eagerUsers, Order: sequelize.Order{{"id"}}, Raw: raw,
		Include: []sequelize.Include{{Association: m.group}, {Association: m.userPosts}}})
}

// prepareEager (re-)creates the three tables through db.Sync and seeds them
// with BulkCreate.
func prepareEager(ctx context.Context, db *sequelize.DB, m *eagerModels) error {
	if err := db.Sync(ctx, sequelize.SyncOptions{Force: true}); err != nil {
		return fmt.Errorf("sync the bench_eager_ tables: %w", err)
	}
	if _, err := db.Query(ctx, `CREATE INDEX bench_eager_posts_user_id ON bench_eager_posts ("UserId")`,
		sequelize.QueryOptions{Type: sequelize.QueryTypeRaw}); err != nil {
		return err
	}
	groups := make([]*EagerGroup, eagerGroups)
	for i := range groups {
		groups[i] = &EagerGroup{Name: fmt.Sprintf("group%d", i+1)}
	}
	if err := m.groups.BulkCreate(ctx, groups); err != nil {
		return fmt.Errorf("seed bench_eager_groups: %w", err)
	}
	users := make([]*EagerUser, eagerUsers)
	for i := range users {
		users[i] = &EagerUser{Username: fmt.Sprintf("user%d", i+1), GroupID: &groups[i%eagerGroups].ID}
	}
	if err := m.users.BulkCreate(ctx, users); err != nil {
		return fmt.Errorf("seed bench_eager_users: %w", err)
	}
	posts := make([]*EagerPost, 0, eagerUsers*eagerPostsPerUser)
	for j := range eagerPostsPerUser {
		for _, u := range users {
			n := len(posts) + 1
			p := &EagerPost{Title: fmt.Sprintf("post %d of %s", j+1, u.Username), UserID: &u.ID}
			if n%7 != 0 {
				b := fmt.Sprintf("The body of post %d, long enough to look like a short paragraph of text.", n)
				p.Body = &b
			}
			posts = append(posts, p)
		}
	}
	if err := m.posts.BulkCreate(ctx, posts); err != nil {
		return fmt.Errorf("seed bench_eager_posts: %w", err)
	}
	for _, stmt := range []string{`ANALYZE bench_eager_groups`, `ANALYZE bench_eager_users`, `ANALYZE bench_eager_posts`} {
		if _, err := db.Query(ctx, stmt, sequelize.QueryOptions{Type: sequelize.QueryTypeRaw}); err != nil {
			return err
		}
	}
	return nil
}

// queryCounter is an slog handler that counts the "sequelize: query"
// records, one per statement.
type queryCounter struct{ n atomic.Int64 }

func (h *queryCounter) Enabled(context.Context, slog.Level) bool { return true }
func (h *queryCounter) Handle(_ context.Context, r slog.Record) error {
	if r.Message == "sequelize: query" {
		h.n.Add(1)
	}
	return nil
}
func (h *queryCounter) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *queryCounter) WithGroup(string) slog.Handler      { return h }

// The hand-written statements. PostgreSQL binds the key lists as arrays
// (= ANY($1)); database/sql on SQLite has no arrays, so the SQLite code
// writes IN (?, ?, …) with one placeholder per key.
const (
	eagerUsersSQL  = `SELECT id, username, "groupId" FROM bench_eager_users ORDER BY id LIMIT 100`
	eagerGroupsPG  = `SELECT id, name FROM bench_eager_groups WHERE id = ANY($1)`
	eagerPostsPG   = `SELECT id, title, body, "UserId" FROM bench_eager_posts WHERE "UserId" = ANY($1)`
	eagerGroupsSQL = `SELECT id, name FROM bench_eager_groups WHERE id IN (`
	eagerPostsSQL  = `SELECT id, title, body, "UserId" FROM bench_eager_posts WHERE "UserId" IN (`
	eagerJoinPG    = `SELECT u.id, u.username, u."groupId", g.id, g.name, p.id, p.title, p.body, p."UserId"
		FROM (SELECT id, username, "groupId" FROM bench_eager_users ORDER BY id LIMIT 100) AS u
		LEFT JOIN bench_eager_groups AS g ON g.id = u."groupId"
		LEFT JOIN bench_eager_posts AS p ON p."UserId" = u.id
		ORDER BY u.id, p.id`
)

// pgxQuerier is a *pgxpool.Pool, or a wrapper that counts statements.
type pgxQuerier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

type countingPgx struct {
	pgxQuerier
	n *int
}

func (c countingPgx) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	*c.n++
	return c.pgxQuerier.Query(ctx, sql, args...)
}

// sqlQuerier is a *sql.DB, or a wrapper that counts statements.
type sqlQuerier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

type countingSQL struct {
	sqlQuerier
	n *int
}

func (c countingSQL) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	*c.n++
	return c.sqlQuerier.QueryContext(ctx, query, args...)
}

// stitcher collects the keys of the users read first and attaches the
// groups and posts read next: the Go side of the 3-query approach.
type stitcher struct {
	users    []*EagerUser
	byID     map[int64]*EagerUser
	groups   map[int64]*EagerGroup
	userIDs  []int64
	groupIDs []int64
}

func newStitcher() *stitcher {
	return &stitcher{users: make([]*EagerUser, 0, eagerUsers), byID: make(map[int64]*EagerUser, eagerUsers), groups: map[int64]*EagerGroup{}}
}

func (s *stitcher) addUser(u *EagerUser) {
	s.users = append(s.users, u)
	s.byID[u.ID] = u
	s.userIDs = append(s.userIDs, u.ID)
	if u.GroupID != nil {
		if _, ok := s.groups[*u.GroupID]; !ok {
			s.groups[*u.GroupID] = nil
			s.groupIDs = append(s.groupIDs, *u.GroupID)
		}
	}
}

func (s *stitcher) addGroup(g *EagerGroup) { s.groups[g.ID] = g }

// linkGroups points every user at its group, once the groups are read.
func (s *stitcher) linkGroups() {
	for _, u := range s.users {
		if u.GroupID != nil {
			u.Group = s.groups[*u.GroupID]
		}
	}
}

func (s *stitcher) addPost(p *EagerPost) {
	if p.UserID != nil {
		if u := s.byID[*p.UserID]; u != nil {
			u.Posts = append(u.Posts, p)
		}
	}
}

// pgxEager3 is the hand-written 3-query approach on pgx: the users, then
// their groups and their posts by key arrays, stitched with maps.
func pgxEager3(ctx context.Context, q pgxQuerier) ([]*EagerUser, error) {
	s := newStitcher()
	rows, err := q.Query(ctx, eagerUsersSQL)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		u := new(EagerUser)
		if err := rows.Scan(&u.ID, &u.Username, &u.GroupID); err != nil {
			rows.Close()
			return nil, err
		}
		s.addUser(u)
	}
	if rows.Close(); rows.Err() != nil {
		return nil, rows.Err()
	}
	if len(s.users) == 0 {
		return nil, nil
	}
	if len(s.groupIDs) > 0 {
		rows, err = q.Query(ctx, eagerGroupsPG, s.groupIDs)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			g := new(EagerGroup)
			if err := rows.Scan(&g.ID, &g.Name); err != nil {
				rows.Close()
				return nil, err
			}
			s.addGroup(g)
		}
		if rows.Close(); rows.Err() != nil {
			return nil, rows.Err()
		}
		s.linkGroups()
	}
	rows, err = q.Query(ctx, eagerPostsPG, s.userIDs)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		p := new(EagerPost)
		if err := rows.Scan(&p.ID, &p.Title, &p.Body, &p.UserID); err != nil {
			return nil, err
		}
		s.addPost(p)
	}
	return s.users, rows.Err()
}

// pgxEagerJoin is the hand-written single-statement approach on pgx: one
// LEFT JOIN of the three tables (a row per post), ordered by user, with
// the users and groups de-duplicated in Go.
func pgxEagerJoin(ctx context.Context, q pgxQuerier) ([]*EagerUser, error) {
	rows, err := q.Query(ctx, eagerJoinPG)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	users := make([]*EagerUser, 0, eagerUsers)
	groups := map[int64]*EagerGroup{}
	var (
		cur                  *EagerUser
		uid                  int64
		uname                string
		ugid, gid, pid, puid pgtype.Int8
		gname, ptitle, pbody pgtype.Text
	)
	for rows.Next() {
		if err := rows.Scan(&uid, &uname, &ugid, &gid, &gname, &pid, &ptitle, &pbody, &puid); err != nil {
			return nil, err
		}
		if cur == nil || cur.ID != uid {
			cur = &EagerUser{ID: uid, Username: uname}
			if ugid.Valid {
				v := ugid.Int64
				cur.GroupID = &v
			}
			if gid.Valid {
				g := groups[gid.Int64]
				if g == nil {
					g = &EagerGroup{ID: gid.Int64, Name: gname.String}
					groups[g.ID] = g
				}
				cur.Group = g
			}
			users = append(users, cur)
		}
		if pid.Valid {
			p := &EagerPost{ID: pid.Int64, Title: ptitle.String}
			if pbody.Valid {
				b := pbody.String
				p.Body = &b
			}
			if puid.Valid {
				v := puid.Int64
				p.UserID = &v
			}
			cur.Posts = append(cur.Posts, p)
		}
	}
	return users, rows.Err()
}

// inList returns "?, ?, …)" with n placeholders, and the keys as arguments.
func inList(keys []int64) (string, []any) {
	var b strings.Builder
	args := make([]any, len(keys))
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('?')
		args[i] = k
	}
	b.WriteByte(')')
	return b.String(), args
}

// sqlEager3 is the hand-written 3-query approach on database/sql.
func sqlEager3(ctx context.Context, q sqlQuerier) ([]*EagerUser, error) {
	s := newStitcher()
	rows, err := q.QueryContext(ctx, eagerUsersSQL)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		u := new(EagerUser)
		if err := rows.Scan(&u.ID, &u.Username, &u.GroupID); err != nil {
			rows.Close()
			return nil, err
		}
		s.addUser(u)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(s.users) == 0 {
		return nil, nil
	}
	if len(s.groupIDs) > 0 {
		in, args := inList(s.groupIDs)
		rows, err = q.QueryContext(ctx, eagerGroupsSQL+in, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			g := new(EagerGroup)
			if err := rows.Scan(&g.ID, &g.Name); err != nil {
				rows.Close()
				return nil, err
			}
			s.addGroup(g)
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
		s.linkGroups()
	}
	in, args := inList(s.userIDs)
	rows, err = q.QueryContext(ctx, eagerPostsSQL+in, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		p := new(EagerPost)
		if err := rows.Scan(&p.ID, &p.Title, &p.Body, &p.UserID); err != nil {
			return nil, err
		}
		s.addPost(p)
	}
	return s.users, rows.Err()
}

// eagerImpl is one way of loading the users with their groups and posts.
type eagerImpl struct {
	name string
	load func(ctx context.Context) ([]*EagerUser, error)
	// count loads once more and returns the number of statements it ran.
	count func(ctx context.Context) (int, error)
}

// modelImpls are the model's cases: tracked instances (the default) and
// Raw. counted is the same models on a DB that logs to counter.
func modelImpls(m, counted *eagerModels, counter *queryCounter) []eagerImpl {
	mk := func(name string, raw bool) eagerImpl {
		return eagerImpl{
			name: name,
			load: func(ctx context.Context) ([]*EagerUser, error) { return m.findAll(ctx, raw) },
			count: func(ctx context.Context) (int, error) {
				before := counter.n.Load()
				_, err := counted.findAll(ctx, raw)
				return int(counter.n.Load() - before), err
			},
		}
	}
	return []eagerImpl{mk("model", false), mk("model-raw", true)}
}

func pgxImpl(name string, pool pgxQuerier, fn func(context.Context, pgxQuerier) ([]*EagerUser, error)) eagerImpl {
	return eagerImpl{
		name: name,
		load: func(ctx context.Context) ([]*EagerUser, error) { return fn(ctx, pool) },
		count: func(ctx context.Context) (int, error) {
			n := 0
			_, err := fn(ctx, countingPgx{pool, &n})
			return n, err
		},
	}
}

var (
	eagerPGOnce  sync.Once
	eagerPGImpls []eagerImpl
	eagerPGErr   error
)

// eagerPGSetup skips tb when SEQUELIZE_TEST_POSTGRES is unset; otherwise it
// creates and seeds the bench_eager_ tables, once per process. The models
// live on their own DB over the pool of BenchmarkPG (so that Sync with
// Force touches only these tables); a second DB on the same pool, with the
// same models and a counting logger, counts the model's statements.
func eagerPGSetup(tb testing.TB) []eagerImpl {
	tb.Helper()
	e := pgSetup(tb)
	eagerPGOnce.Do(func() {
		ctx := context.Background()
		db, err := sequelize.New(pgdialect.New(), e.pool)
		if err != nil {
			eagerPGErr = err
			return
		}
		counter := &queryCounter{}
		cdb, err := sequelize.New(pgdialect.New(), e.pool, sequelize.Options{Logging: slog.New(counter)})
		if err != nil {
			eagerPGErr = err
			return
		}
		closers = append(closers, db.Close, cdb.Close)
		m := defineEager(db)
		if eagerPGErr = prepareEager(ctx, db, m); eagerPGErr != nil {
			return
		}
		eagerPGImpls = append([]eagerImpl{
			pgxImpl("pgx-3queries", e.pool, pgxEager3),
			pgxImpl("pgx-join", e.pool, pgxEagerJoin),
		}, modelImpls(m, defineEager(cdb), counter)...)
	})
	if eagerPGErr != nil {
		tb.Fatal(eagerPGErr)
	}
	return eagerPGImpls
}

// eagerSQLiteSetup creates a SQLite file under dir with the bench_eager_
// tables (the same pragmas as the SQLite model benchmarks). The hand-written
// case uses the database/sql handle; the model runs on
// sequelize.New(sqlitedialect.New(), that handle).
func eagerSQLiteSetup(tb testing.TB, dir string) []eagerImpl {
	tb.Helper()
	ctx := context.Background()
	raw, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "eager.db")+"?"+modelSQLitePragmas)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { raw.Close() })
	raw.SetMaxOpenConns(poolSize)
	raw.SetMaxIdleConns(poolSize)
	db, err := sequelize.New(sqlitedialect.New(), raw)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	counter := &queryCounter{}
	cdb, err := sequelize.New(sqlitedialect.New(), raw, sequelize.Options{Logging: slog.New(counter)})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { cdb.Close() })
	m := defineEager(db)
	if err := prepareEager(ctx, db, m); err != nil {
		tb.Fatal(err)
	}
	hand := eagerImpl{
		name: "database-sql-3queries",
		load: func(ctx context.Context) ([]*EagerUser, error) { return sqlEager3(ctx, raw) },
		count: func(ctx context.Context) (int, error) {
			n := 0
			_, err := sqlEager3(ctx, countingSQL{raw, &n})
			return n, err
		},
	}
	return append([]eagerImpl{hand}, modelImpls(m, defineEager(cdb), counter)...)
}

func BenchmarkEager(b *testing.B) {
	b.Run("PG", func(b *testing.B) { benchEager(b, eagerPGSetup(b)) })
	b.Run("SQLite", func(b *testing.B) { benchEager(b, eagerSQLiteSetup(b, b.TempDir())) })
}

// benchEager runs every implementation. Besides ns/op and cpu-ns/op (as in
// benchModelOps), each case reports stmts/op: the statements that one
// load runs, counted once before the timed loop.
func benchEager(b *testing.B, impls []eagerImpl) {
	ctx := context.Background()
	for _, im := range impls {
		b.Run(im.name, func(b *testing.B) {
			stmts, err := im.count(ctx)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			cpu0, cpuOK := processCPU()
			for b.Loop() {
				us, err := im.load(ctx)
				if err != nil {
					b.Fatal(err)
				}
				if len(us) != eagerUsers || len(us[0].Posts) != eagerPostsPerUser || us[0].Group == nil {
					b.Fatalf("read %d users", len(us))
				}
			}
			if cpu1, ok := processCPU(); ok && cpuOK {
				b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
			}
			b.ReportMetric(float64(stmts), "stmts/op")
		})
	}
}

// TestEagerSameResults checks that every implementation BenchmarkEager
// compares loads the same users, groups and posts (posts compared in id
// order: the 3-query loads do not order them), that every user of a group
// shares one *EagerGroup, and how many statements each one runs.
func TestEagerSameResults(t *testing.T) {
	t.Run("PG", func(t *testing.T) {
		checkEager(t, eagerPGSetup(t), map[string]int{"pgx-3queries": 3, "pgx-join": 1, "model": 3, "model-raw": 3})
	})
	t.Run("SQLite", func(t *testing.T) {
		checkEager(t, eagerSQLiteSetup(t, t.TempDir()), map[string]int{"database-sql-3queries": 3, "model": 3, "model-raw": 3})
	})
}

func checkEager(t *testing.T, impls []eagerImpl, wantStmts map[string]int) {
	ctx := context.Background()
	ref := impls[0]
	want, err := ref.load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkEagerShape(want); err != nil {
		t.Fatalf("%s: %v", ref.name, err)
	}
	wantText := fmtEager(want)
	for _, im := range impls {
		n, err := im.count(ctx)
		if err != nil {
			t.Fatalf("%s: %v", im.name, err)
		}
		t.Logf("%s: %d statements", im.name, n)
		if n != wantStmts[im.name] {
			t.Errorf("%s ran %d statements, want %d", im.name, n, wantStmts[im.name])
		}
		if im.name == ref.name {
			continue
		}
		got, err := im.load(ctx)
		if err != nil {
			t.Fatalf("%s: %v", im.name, err)
		}
		if err := checkEagerShape(got); err != nil {
			t.Errorf("%s: %v", im.name, err)
		}
		gotText := fmtEager(got)
		diffs := 0
		for i := range max(len(gotText), len(wantText)) {
			var g, w string
			if i < len(gotText) {
				g = gotText[i]
			}
			if i < len(wantText) {
				w = wantText[i]
			}
			if g != w {
				t.Errorf("%s: user %d:\n got %s\n%s read %s", im.name, i, g, ref.name, w)
				if diffs++; diffs == 3 {
					break
				}
			}
		}
	}
}

// checkEagerShape checks the counts of the seed and that the users of a
// group share its *EagerGroup.
func checkEagerShape(us []*EagerUser) error {
	if len(us) != eagerUsers {
		return fmt.Errorf("%d users", len(us))
	}
	groups := map[int64]*EagerGroup{}
	for _, u := range us {
		if u.Group == nil || u.GroupID == nil || u.Group.ID != *u.GroupID {
			return fmt.Errorf("user %d: group %v, groupId %v", u.ID, u.Group, u.GroupID)
		}
		if g, ok := groups[u.Group.ID]; ok && g != u.Group {
			return fmt.Errorf("user %d: group %d is a second instance", u.ID, u.Group.ID)
		}
		groups[u.Group.ID] = u.Group
		if len(u.Posts) != eagerPostsPerUser {
			return fmt.Errorf("user %d: %d posts", u.ID, len(u.Posts))
		}
	}
	if len(groups) != eagerGroups {
		return fmt.Errorf("%d groups", len(groups))
	}
	return nil
}

// fmtEager prints every user with its group and its posts by id.
func fmtEager(us []*EagerUser) []string {
	out := make([]string, len(us))
	str := func(p *string) any {
		if p == nil {
			return nil
		}
		return *p
	}
	num := func(p *int64) any {
		if p == nil {
			return nil
		}
		return *p
	}
	for i, u := range us {
		var b strings.Builder
		fmt.Fprintf(&b, "{%d %q groupId=%v", u.ID, u.Username, num(u.GroupID))
		if u.Group != nil {
			fmt.Fprintf(&b, " group={%d %q}", u.Group.ID, u.Group.Name)
		}
		posts := slices.SortedFunc(slices.Values(u.Posts), func(a, b *EagerPost) int { return int(a.ID - b.ID) })
		b.WriteString(" posts=[")
		for _, p := range posts {
			fmt.Fprintf(&b, "{%d %q %v UserId=%v}", p.ID, p.Title, str(p.Body), num(p.UserID))
		}
		b.WriteString("]}")
		out[i] = b.String()
	}
	return out
}
