package bench

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/dialect/sqlitedialect"
	"github.com/gosequelize/sequelize/op"
	"github.com/jackc/pgx/v5/pgxpool"
)

// The model benchmarks use the table bench_models, which the model creates
// (Model.Sync) with Sequelize's column names: id, username, "firstName",
// "lastName", age, "createdAt". It is seeded, through BulkCreate, with
// seedRows rows like bench_users: every tenth firstName and every seventh
// age are NULL.

// defineUsers defines the model of User on db. username and createdAt are
// NOT NULL, as in bench_users (a non-pointer field of a nullable column
// would be read through a boxed holder instead of straight into the field).
func defineUsers(db *sequelize.DB) *sequelize.Model[User] {
	return sequelize.Define[User](db, sequelize.ModelOptions{
		TableName:  "bench_models",
		Timestamps: sequelize.Bool(false),
		Attributes: map[string]sequelize.AttributeOptions{
			"username":  {AllowNull: sequelize.Bool(false)},
			"createdAt": {AllowNull: sequelize.Bool(false)},
		},
	})
}

// The hand-written statements, in PostgreSQL ($n) and SQLite (?) forms.
type handSQL struct {
	byPK, first, seed, insert, update, bulk100 string
	// timeText, when set, is the text layout of createdAt. The model stores
	// SQLite DATE values as Sequelize does ("2006-01-02 15:04:05.000
	// +00:00"), which modernc.org/sqlite does not parse into a time.Time, so
	// the hand-written SQLite code scans a string and parses it, and writes
	// the same text.
	timeText string
}

const (
	modelCols   = `id, username, "firstName", "lastName", age, "createdAt"`
	modelInsert = `INSERT INTO bench_models (username, "firstName", "lastName", age, "createdAt") VALUES `
	bulkRows    = 100 // rows per BulkCreate100 iteration
)

var (
	pgHand = handSQL{
		byPK:    `SELECT ` + modelCols + ` FROM bench_models WHERE id = $1`,
		first:   `SELECT ` + modelCols + ` FROM bench_models ORDER BY id LIMIT 100`,
		seed:    `SELECT ` + modelCols + ` FROM bench_models WHERE id <= ` + strconv.Itoa(seedRows) + ` ORDER BY id`,
		insert:  modelInsert + `($1, $2, $3, $4, $5) RETURNING id`,
		update:  `UPDATE bench_models SET age = $1 WHERE id = $2`,
		bulk100: bulkInsertSQL(bulkRows, true),
	}
	sqliteHand = handSQL{
		byPK:     `SELECT ` + modelCols + ` FROM bench_models WHERE id = ?`,
		first:    `SELECT ` + modelCols + ` FROM bench_models ORDER BY id LIMIT 100`,
		seed:     `SELECT ` + modelCols + ` FROM bench_models WHERE id <= ` + strconv.Itoa(seedRows) + ` ORDER BY id`,
		insert:   modelInsert + `(?, ?, ?, ?, ?) RETURNING id`,
		update:   `UPDATE bench_models SET age = ? WHERE id = ?`,
		bulk100:  bulkInsertSQL(bulkRows, false),
		timeText: "2006-01-02 15:04:05.000 -07:00",
	}
)

// bulkInsertSQL is a multi-row INSERT of n users returning their ids,
// written once, as a hand-written program would.
func bulkInsertSQL(n int, dollar bool) string {
	var b strings.Builder
	b.WriteString(modelInsert)
	p := 1
	for r := range n {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for c := range 5 {
			if c > 0 {
				b.WriteString(", ")
			}
			if dollar {
				b.WriteString("$" + strconv.Itoa(p))
			} else {
				b.WriteByte('?')
			}
			p++
		}
		b.WriteByte(')')
	}
	b.WriteString(" RETURNING id")
	return b.String()
}

// Fixed values of the users that Create and BulkCreate insert, so that
// building one allocates only the *User.
var (
	benchFirst   = "Ada"
	benchLast    = "Lovelace"
	benchCreated = time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	benchAges    = func() (a [50]int32) {
		for i := range a {
			a[i] = int32(20 + i)
		}
		return a
	}()
)

// newUser is the i-th user to insert. Every implementation builds its
// input the same way: a new *User (the model API takes pointers).
func newUser(i int) *User {
	return &User{Username: "bench", FirstName: &benchFirst, LastName: &benchLast, Age: &benchAges[i%len(benchAges)], CreatedAt: benchCreated}
}

// nextAge returns a new age that differs from p's, for Save.
func nextAge(p *int32) *int32 {
	n := int32(1)
	if p != nil {
		n = *p%100 + 1
	}
	return &n
}

// seedUsers are the seedRows users the table starts with.
func seedUsers() []*User {
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	us := make([]*User, seedRows)
	for i := range us {
		g := i + 1
		u := &User{Username: fmt.Sprintf("user%d", g), CreatedAt: base.Add(-time.Duration(g) * time.Minute)}
		if g%10 != 0 {
			s := fmt.Sprintf("First%d", g)
			u.FirstName = &s
		}
		last := fmt.Sprintf("Last%d", g)
		u.LastName = &last
		if g%7 != 0 {
			a := int32(18 + g%60)
			u.Age = &a
		}
		us[i] = u
	}
	return us
}

// prepareModelTable (re-)creates bench_models through the model and seeds
// it. If Sync fails (DDL support is still in progress for some dialects),
// it creates the table with fallbackDDL instead and says so.
func prepareModelTable(ctx context.Context, tb testing.TB, db *sequelize.DB, users *sequelize.Model[User], fallbackDDL string) error {
	if err := users.Sync(ctx, sequelize.SyncOptions{Force: true}); err != nil {
		tb.Logf("Model.Sync failed (%v): creating bench_models with raw SQL", err)
		for _, stmt := range []string{`DROP TABLE IF EXISTS bench_models`, fallbackDDL} {
			if _, err := db.Query(ctx, stmt, sequelize.QueryOptions{Type: sequelize.QueryTypeRaw}); err != nil {
				return fmt.Errorf("create bench_models: %w", err)
			}
		}
	}
	seed := seedUsers()
	if err := users.BulkCreate(ctx, seed); err != nil {
		return fmt.Errorf("seed bench_models: %w", err)
	}
	for i, u := range seed {
		if u.ID != int64(i+1) {
			return fmt.Errorf("seed bench_models: row %d got id %d", i, u.ID)
		}
	}
	return nil
}

// reset deletes the rows that Create and BulkCreate added, so that every
// run starts from the seeded table, then runs the backend's extra
// statements (on SQLite a WAL checkpoint, so that no run pays for the
// writes of the one before).
func (mb *modelBackend) reset(ctx context.Context) error {
	_, err := mb.db.Query(ctx, `DELETE FROM bench_models WHERE id > `+strconv.Itoa(seedRows), sequelize.QueryOptions{Type: sequelize.QueryTypeDelete})
	for _, stmt := range mb.resetSQL {
		if err != nil {
			break
		}
		_, err = mb.db.Query(ctx, stmt, sequelize.QueryOptions{Type: sequelize.QueryTypeRaw})
	}
	return err
}

// userOps is one implementation of the operations the model benchmarks
// compare.
type userOps struct {
	findByPK  func(ctx context.Context, id int64) (*User, error)
	findAll   func(ctx context.Context) ([]*User, error) // the first findAllLimit users by id
	loadSeed  func(ctx context.Context) ([]*User, error) // the seedRows seeded users, for Save
	create    func(ctx context.Context, u *User) error   // sets u.ID
	bulk      func(ctx context.Context, us []*User) error
	updateAge func(ctx context.Context, id int64, age int32) error
	save      func(ctx context.Context, u *User) error // u was loaded, then its Age changed
}

func modelOps(users *sequelize.Model[User]) userOps {
	return userOps{
		findByPK: func(ctx context.Context, id int64) (*User, error) {
			u, err := users.FindByPK(ctx, id)
			if err == nil && u == nil {
				err = fmt.Errorf("no user %d", id)
			}
			return u, err
		},
		findAll: func(ctx context.Context) ([]*User, error) {
			return users.FindAll(ctx, sequelize.FindOptions{Limit: findAllLimit, Order: sequelize.Order{{"id"}}})
		},
		loadSeed: func(ctx context.Context) ([]*User, error) {
			return users.FindAll(ctx, sequelize.FindOptions{Where: sequelize.Where{"id": op.Lte(seedRows)}, Order: sequelize.Order{{"id"}}})
		},
		create: func(ctx context.Context, u *User) error { return users.Create(ctx, u) },
		bulk:   func(ctx context.Context, us []*User) error { return users.BulkCreate(ctx, us) },
		updateAge: func(ctx context.Context, id int64, age int32) error {
			n, err := users.Update(ctx, sequelize.Values{"age": age}, sequelize.UpdateOptions{Where: sequelize.Where{"id": id}})
			return checkAffected(n, err)
		},
		save: func(ctx context.Context, u *User) error { return users.Save(ctx, u) },
	}
}

func checkAffected(n int64, err error) error {
	if err == nil && n != 1 {
		err = fmt.Errorf("%d rows affected, want 1", n)
	}
	return err
}

// pgxOps is the hand-written pgx (pgxpool) implementation.
func pgxOps(pool *pgxpool.Pool) userOps {
	q := pgHand
	many := func(ctx context.Context, query string) ([]*User, error) {
		rows, err := pool.Query(ctx, query)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var users []*User
		for rows.Next() {
			u := new(User)
			if err := rows.Scan(&u.ID, &u.Username, &u.FirstName, &u.LastName, &u.Age, &u.CreatedAt); err != nil {
				return nil, err
			}
			users = append(users, u)
		}
		return users, rows.Err()
	}
	update := func(ctx context.Context, id int64, age any) error {
		tag, err := pool.Exec(ctx, q.update, age, id)
		return checkAffected(tag.RowsAffected(), err)
	}
	return userOps{
		findByPK: func(ctx context.Context, id int64) (*User, error) {
			u := new(User)
			err := pool.QueryRow(ctx, q.byPK, id).Scan(&u.ID, &u.Username, &u.FirstName, &u.LastName, &u.Age, &u.CreatedAt)
			if err != nil {
				return nil, err
			}
			return u, nil
		},
		findAll:  func(ctx context.Context) ([]*User, error) { return many(ctx, q.first) },
		loadSeed: func(ctx context.Context) ([]*User, error) { return many(ctx, q.seed) },
		create: func(ctx context.Context, u *User) error {
			return pool.QueryRow(ctx, q.insert, u.Username, u.FirstName, u.LastName, u.Age, u.CreatedAt).Scan(&u.ID)
		},
		bulk: func(ctx context.Context, us []*User) error {
			if len(us) != bulkRows {
				return fmt.Errorf("the hand-written bulk insert takes %d users", bulkRows)
			}
			args := make([]any, 0, 5*len(us))
			for _, u := range us {
				args = append(args, u.Username, u.FirstName, u.LastName, u.Age, u.CreatedAt)
			}
			rows, err := pool.Query(ctx, q.bulk100, args...)
			if err != nil {
				return err
			}
			defer rows.Close()
			i := 0
			for ; rows.Next(); i++ {
				if err := rows.Scan(&us[i].ID); err != nil {
					return err
				}
			}
			if err := rows.Err(); err != nil {
				return err
			}
			if i != len(us) {
				return fmt.Errorf("%d ids for %d rows", i, len(us))
			}
			return nil
		},
		updateAge: func(ctx context.Context, id int64, age int32) error { return update(ctx, id, age) },
		save:      func(ctx context.Context, u *User) error { return update(ctx, u.ID, u.Age) },
	}
}

// sqlOps is the hand-written database/sql implementation (pgx's stdlib
// adapter, or modernc.org/sqlite).
func sqlOps(db *sql.DB, q handSQL) userOps {
	// scan reads one row into u; created is a reused holder for the text
	// form of createdAt.
	scan := func(r interface{ Scan(...any) error }, u *User, created *string) error {
		if q.timeText == "" {
			return r.Scan(&u.ID, &u.Username, &u.FirstName, &u.LastName, &u.Age, &u.CreatedAt)
		}
		if err := r.Scan(&u.ID, &u.Username, &u.FirstName, &u.LastName, &u.Age, created); err != nil {
			return err
		}
		t, err := time.Parse(q.timeText, *created)
		u.CreatedAt = t
		return err
	}
	timeArg := func(t time.Time) any {
		if q.timeText == "" {
			return t
		}
		return t.UTC().Format(q.timeText)
	}
	many := func(ctx context.Context, query string) ([]*User, error) {
		rows, err := db.QueryContext(ctx, query)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var users []*User
		var created string
		for rows.Next() {
			u := new(User)
			if err := scan(rows, u, &created); err != nil {
				return nil, err
			}
			users = append(users, u)
		}
		return users, rows.Err()
	}
	update := func(ctx context.Context, id int64, age any) error {
		res, err := db.ExecContext(ctx, q.update, age, id)
		if err != nil {
			return err
		}
		return checkAffected(res.RowsAffected())
	}
	return userOps{
		findByPK: func(ctx context.Context, id int64) (*User, error) {
			u := new(User)
			var created string
			if err := scan(db.QueryRowContext(ctx, q.byPK, id), u, &created); err != nil {
				return nil, err
			}
			return u, nil
		},
		findAll:  func(ctx context.Context) ([]*User, error) { return many(ctx, q.first) },
		loadSeed: func(ctx context.Context) ([]*User, error) { return many(ctx, q.seed) },
		create: func(ctx context.Context, u *User) error {
			return db.QueryRowContext(ctx, q.insert, u.Username, u.FirstName, u.LastName, u.Age, timeArg(u.CreatedAt)).Scan(&u.ID)
		},
		bulk: func(ctx context.Context, us []*User) error {
			if len(us) != bulkRows {
				return fmt.Errorf("the hand-written bulk insert takes %d users", bulkRows)
			}
			args := make([]any, 0, 5*len(us))
			for _, u := range us {
				args = append(args, u.Username, u.FirstName, u.LastName, u.Age, timeArg(u.CreatedAt))
			}
			rows, err := db.QueryContext(ctx, q.bulk100, args...)
			if err != nil {
				return err
			}
			defer rows.Close()
			i := 0
			for ; rows.Next(); i++ {
				if err := rows.Scan(&us[i].ID); err != nil {
					return err
				}
			}
			if err := rows.Err(); err != nil {
				return err
			}
			if i != len(us) {
				return fmt.Errorf("%d ids for %d rows", i, len(us))
			}
			return nil
		},
		updateAge: func(ctx context.Context, id int64, age int32) error { return update(ctx, id, age) },
		save:      func(ctx context.Context, u *User) error { return update(ctx, u.ID, u.Age) },
	}
}

// modelImpl is one implementation under its benchmark name.
type modelImpl struct {
	name string
	ops  userOps
}

// modelBackend is one database with its implementations, the first being
// the reference the test compares the others with.
type modelBackend struct {
	db       *sequelize.DB // the DB of the model, for housekeeping
	resetSQL []string      // run by reset after deleting the inserted rows
	impls    []modelImpl
}

var (
	modelPGOnce sync.Once
	modelPGB    *modelBackend
	modelPGErr  error
)

// modelPGSetup skips tb when SEQUELIZE_TEST_POSTGRES is unset; otherwise it
// creates and seeds bench_models, once per process. The model runs on the
// native pool (sequelize.New(pgdialect.New(), pool)); the hand-written cases
// use the same pool and its database/sql adapter.
func modelPGSetup(tb testing.TB) *modelBackend {
	tb.Helper()
	e := pgSetup(tb)
	modelPGOnce.Do(func() {
		users := defineUsers(e.native)
		modelPGErr = prepareModelTable(context.Background(), tb, e.native, users,
			`CREATE TABLE bench_models (id SERIAL PRIMARY KEY, username VARCHAR(255) NOT NULL, "firstName" VARCHAR(255),
			"lastName" VARCHAR(255), age INTEGER, "createdAt" TIMESTAMPTZ NOT NULL)`)
		modelPGB = &modelBackend{db: e.native, impls: []modelImpl{
			{"pgx", pgxOps(e.pool)},
			{"database-sql", sqlOps(e.sqlDB, pgHand)},
			{"model", modelOps(users)},
		}}
	})
	if modelPGErr != nil {
		tb.Fatal(modelPGErr)
	}
	return modelPGB
}

// modelSQLitePragmas are sqlitePragmas (those of sequelize.Open) plus
// synchronous(NORMAL): in WAL mode a commit then does not wait for the disk.
// With the default, FULL, a commit on the benchmark VM took from 10 µs to
// 3 ms depending on other I/O, which hid the cost of the code under test.
const modelSQLitePragmas = sqlitePragmas + "&_pragma=synchronous(NORMAL)"

// modelSQLiteSetup creates a SQLite file under dir with bench_models. The
// hand-written case uses a database/sql handle on modernc.org/sqlite; the
// model runs on sequelize.New(sqlitedialect.New(), that handle), so that
// the difference between them is our code alone.
func modelSQLiteSetup(tb testing.TB, dir string) *modelBackend {
	tb.Helper()
	ctx := context.Background()
	raw, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "models.db")+"?"+modelSQLitePragmas)
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
	if err := db.Authenticate(ctx); err != nil {
		tb.Fatal(err)
	}
	users := defineUsers(db)
	if err := prepareModelTable(ctx, tb, db, users,
		`CREATE TABLE bench_models (id INTEGER PRIMARY KEY AUTOINCREMENT, username VARCHAR(255) NOT NULL, "firstName" VARCHAR(255),
		"lastName" VARCHAR(255), age INTEGER, "createdAt" DATETIME NOT NULL)`); err != nil {
		tb.Fatal(err)
	}
	return &modelBackend{db: db, resetSQL: []string{`PRAGMA wal_checkpoint(TRUNCATE)`}, impls: []modelImpl{
		{"database-sql", sqlOps(raw, sqliteHand)},
		{"model", modelOps(users)},
	}}
}

func BenchmarkModel(b *testing.B) {
	b.Run("PG", func(b *testing.B) { benchModelOps(b, modelPGSetup(b)) })
	b.Run("SQLite", func(b *testing.B) { benchModelOps(b, modelSQLiteSetup(b, b.TempDir())) })
}

// benchModelOps runs every operation with every implementation of mb. For
// each, prep runs before the timed loop and returns one iteration. Besides
// ns/op (wall time, which on PostgreSQL includes the server's work and the
// loopback round trip), each case reports cpu-ns/op: the CPU time of this
// process (every thread, so the garbage collector too) per operation.
func benchModelOps(b *testing.B, mb *modelBackend) {
	ctx := context.Background()
	run := func(op string, prep func(b *testing.B, ops userOps) func(i int) error) {
		b.Run(op, func(b *testing.B) {
			for _, im := range mb.impls {
				b.Run(im.name, func(b *testing.B) {
					iter := prep(b, im.ops)
					b.ReportAllocs()
					cpu0, cpuOK := processCPU()
					i := 0
					for b.Loop() {
						if err := iter(i); err != nil {
							b.Fatal(err)
						}
						i++
					}
					if cpu1, ok := processCPU(); ok && cpuOK {
						b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
					}
				})
			}
		})
	}
	// Every write case starts from the seeded table.
	reset := func(b *testing.B) {
		if err := mb.reset(ctx); err != nil {
			b.Fatal(err)
		}
	}

	run("FindByPK", func(b *testing.B, ops userOps) func(int) error {
		return func(i int) error {
			id := pkFor(i)
			u, err := ops.findByPK(ctx, id)
			if err == nil && u.ID != id {
				err = fmt.Errorf("read id %d for %d", u.ID, id)
			}
			return err
		}
	})
	run("FindAll100", func(b *testing.B, ops userOps) func(int) error {
		return func(int) error {
			us, err := ops.findAll(ctx)
			if err == nil && len(us) != findAllLimit {
				err = fmt.Errorf("read %d users", len(us))
			}
			return err
		}
	})
	run("Create", func(b *testing.B, ops userOps) func(int) error {
		reset(b)
		return func(i int) error {
			u := newUser(i)
			if err := ops.create(ctx, u); err != nil {
				return err
			}
			if u.ID <= seedRows {
				return fmt.Errorf("created id %d", u.ID)
			}
			return nil
		}
	})
	run("BulkCreate100", func(b *testing.B, ops userOps) func(int) error {
		reset(b)
		return func(i int) error {
			us := make([]*User, bulkRows)
			for j := range us {
				us[j] = newUser(i*bulkRows + j)
			}
			if err := ops.bulk(ctx, us); err != nil {
				return err
			}
			if us[0].ID <= seedRows || us[bulkRows-1].ID != us[0].ID+bulkRows-1 {
				return fmt.Errorf("ids %d..%d", us[0].ID, us[bulkRows-1].ID)
			}
			return nil
		}
	})
	run("UpdateByPK", func(b *testing.B, ops userOps) func(int) error {
		reset(b)
		return func(i int) error { return ops.updateAge(ctx, pkFor(i), int32(20+i%50)) }
	})
	run("Save", func(b *testing.B, ops userOps) func(int) error {
		reset(b)
		us, err := ops.loadSeed(ctx)
		if err != nil || len(us) != seedRows {
			b.Fatal(err, len(us))
		}
		return func(i int) error {
			u := us[i%len(us)]
			u.Age = nextAge(u.Age)
			return ops.save(ctx, u)
		}
	})
}

// TestModelSameResults checks that the implementations BenchmarkModel
// compares read the same users, and that what each one writes reads back
// the same through the reference (first) implementation.
func TestModelSameResults(t *testing.T) {
	t.Run("PG", func(t *testing.T) { checkModelBackend(t, modelPGSetup(t)) })
	t.Run("SQLite", func(t *testing.T) { checkModelBackend(t, modelSQLiteSetup(t, t.TempDir())) })
}

func checkModelBackend(t *testing.T, mb *modelBackend) {
	ctx := context.Background()
	ref := mb.impls[0]
	t.Cleanup(func() {
		if err := mb.reset(ctx); err != nil {
			t.Error(err)
		}
	})
	sameAll := func(what, name string, got, want []*User) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: %s: %d users, %s: %d", what, name, len(got), ref.name, len(want))
		}
		for i := range got {
			if !sameUser(*got[i], *want[i]) {
				t.Errorf("%s: %s: row %d: got %s, %s read %s", what, name, i, fmtUser(*got[i]), ref.name, fmtUser(*want[i]))
			}
		}
	}

	// Reads.
	for _, id := range []int64{1, 7, 10, 70, 999} { // 7, 70: NULL age; 10, 70: NULL firstName
		want, err := ref.ops.findByPK(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkUser(*want, id); err != nil {
			t.Fatal(err)
		}
		for _, im := range mb.impls[1:] {
			u, err := im.ops.findByPK(ctx, id)
			if err != nil {
				t.Fatalf("%s: FindByPK(%d): %v", im.name, id, err)
			}
			if !sameUser(*u, *want) {
				t.Errorf("%s: FindByPK(%d): got %s, %s read %s", im.name, id, fmtUser(*u), ref.name, fmtUser(*want))
			}
		}
	}
	wantFirst, err := ref.ops.findAll(ctx)
	if err != nil || len(wantFirst) != findAllLimit {
		t.Fatal(err, len(wantFirst))
	}
	wantSeed, err := ref.ops.loadSeed(ctx)
	if err != nil || len(wantSeed) != seedRows {
		t.Fatal(err, len(wantSeed))
	}
	for _, im := range mb.impls[1:] {
		us, err := im.ops.findAll(ctx)
		if err != nil {
			t.Fatalf("%s: FindAll: %v", im.name, err)
		}
		sameAll("FindAll100", im.name, us, wantFirst)
		us, err = im.ops.loadSeed(ctx)
		if err != nil {
			t.Fatalf("%s: load: %v", im.name, err)
		}
		sameAll("load", im.name, us, wantSeed)
	}

	// Writes, read back through the reference.
	readBack := func(name string, u *User) {
		t.Helper()
		got, err := ref.ops.findByPK(ctx, u.ID)
		if err != nil {
			t.Fatalf("%s: read back %d: %v", name, u.ID, err)
		}
		if !sameUser(*got, *u) {
			t.Errorf("%s: wrote %s, %s read back %s", name, fmtUser(*u), ref.name, fmtUser(*got))
		}
	}
	for k, im := range mb.impls {
		u := newUser(k)
		if err := im.ops.create(ctx, u); err != nil || u.ID <= seedRows {
			t.Fatalf("%s: Create: %v, id %d", im.name, err, u.ID)
		}
		readBack(im.name+": Create", u)

		us := make([]*User, bulkRows)
		for j := range us {
			us[j] = newUser(j)
		}
		if err := im.ops.bulk(ctx, us); err != nil {
			t.Fatalf("%s: BulkCreate: %v", im.name, err)
		}
		for j, u := range us {
			if u.ID != us[0].ID+int64(j) {
				t.Fatalf("%s: BulkCreate: ids %d, %d at %d", im.name, us[0].ID, u.ID, j)
			}
		}
		readBack(im.name+": BulkCreate", us[0])
		readBack(im.name+": BulkCreate", us[bulkRows-1])

		id := int64(11 + k) // a row with a firstName and an age
		age := int32(90 + k)
		if err := im.ops.updateAge(ctx, id, age); err != nil {
			t.Fatalf("%s: Update: %v", im.name, err)
		}
		if got, err := ref.ops.findByPK(ctx, id); err != nil || got.Age == nil || *got.Age != age {
			t.Fatalf("%s: Update: read back %v, %v", im.name, got, err)
		}

		seed, err := im.ops.loadSeed(ctx)
		if err != nil {
			t.Fatal(err)
		}
		s := seed[20+k] // id 21+k
		s.Age = nextAge(s.Age)
		if err := im.ops.save(ctx, s); err != nil {
			t.Fatalf("%s: Save: %v", im.name, err)
		}
		readBack(im.name+": Save", s)
	}
}
