package sequelize

import (
	"context"
	"database/sql"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gosequelize/sequelize/dialect"
)

func TestParseSQLiteURI(t *testing.T) {
	cases := map[string]string{
		"sqlite::memory:":          ":memory:",
		"sqlite:":                  ":memory:",
		"sqlite:data/app.db":       "data/app.db",
		"sqlite:./app.db":          "./app.db",
		"sqlite:/abs/app.db":       "/abs/app.db",
		"sqlite:///abs/app.db":     "/abs/app.db",
		"sqlite://rel/app.db":      "rel/app.db",
		"sqlite:with%20space.db":   "with space.db",
		"sqlite:app.db?mode=ro":    "app.db",
		"sqlite::memory:?cache=no": ":memory:",
	}
	for uri, want := range cases {
		cfg, err := parseURI(uri, "sqlite")
		if err != nil {
			t.Errorf("%s: %v", uri, err)
			continue
		}
		if cfg.Storage != want {
			t.Errorf("%s: storage %q, want %q", uri, cfg.Storage, want)
		}
	}
	cfg, _ := parseURI("sqlite:app.db?mode=ro&_pragma=busy_timeout(1)", "sqlite")
	if cfg.Params.Get("mode") != "ro" || cfg.Params.Get("_pragma") != "busy_timeout(1)" {
		t.Errorf("params = %v", cfg.Params)
	}
}

func TestParseServerURI(t *testing.T) {
	cfg, err := parseURI("postgres://us%40er:p%40ss%3Aw%2Frd@db.example:6543/app?sslmode=disable&application_name=x", "postgres")
	if err != nil {
		t.Fatal(err)
	}
	pw, _ := cfg.URL.User.Password()
	if cfg.URL.User.Username() != "us@er" || pw != "p@ss:w/rd" || cfg.URL.Host != "db.example:6543" || cfg.URL.Path != "/app" {
		t.Errorf("parsed %+v (password %q)", cfg.URL, pw)
	}
	if cfg.Params.Get("application_name") != "x" {
		t.Errorf("params = %v", cfg.Params)
	}
	if r := redactURI("mysql://u:secret@h/db"); strings.Contains(r, "secret") {
		t.Errorf("redactURI kept the password: %s", r)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	for uri, want := range map[string]string{
		"no-scheme":      "no scheme",
		"oracle://x/db":  `unknown scheme "oracle"`,
		"127.0.0.1:5432": "no scheme",
	} {
		_, err := Open(ctx, uri)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Open(%q) = %v, want an error mentioning %q", uri, err, want)
		}
	}
	if _, err := Open(ctx, "sqlite::memory:", Options{}, Options{}); err == nil {
		t.Error("two Options accepted")
	}
	if _, err := Open(ctx, "sqlite::memory:", Options{Timezone: "Mars/Olympus"}); err == nil || !strings.Contains(err.Error(), "Timezone") {
		t.Errorf("bad Timezone: %v", err)
	}
}

func TestNewRefusesOptionsItCannotHonour(t *testing.T) {
	for _, o := range []Options{
		{Pool: PoolOptions{Max: 3}},
		{DialectOptions: map[string]string{"x": "y"}},
		{Timezone: "+02:00"},
	} {
		if _, err := New(nil, &sql.DB{}, o); err == nil {
			t.Errorf("New accepted %+v", o)
		}
	}
}

func TestPoolDefaults(t *testing.T) {
	p := PoolOptions{}.withDefaults()
	want := PoolOptions{Max: 5, Min: 0, Idle: 10 * time.Second, Acquire: 60 * time.Second, Evict: time.Second}
	if p != want {
		t.Errorf("defaults = %+v, want Sequelize's %+v", p, want)
	}
}

func TestLowerCamel(t *testing.T) {
	for in, want := range map[string]string{
		"ID": "id", "GroupID": "groupId", "FirstName": "firstName", "HTTPServer": "httpServer",
		"UserID": "userId", "URL": "url", "name": "name", "A": "a", "CreatedAt": "createdAt", "UUIDv4": "uuiDv4",
	} {
		if got := lowerCamel(in); got != want {
			t.Errorf("lowerCamel(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNest(t *testing.T) {
	got := nest(Row{"id": 1, "group.name": "a", "group.owner.id": 2})
	want := Row{"id": 1, "group": map[string]any{"name": "a", "owner": map[string]any{"id": 2}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("nest = %#v", got)
	}
}

func TestReturnsRows(t *testing.T) {
	syn := dialect.Syntax{BacktickIdentifiers: true}
	for sql, want := range map[string]bool{
		"SELECT 1":                                 true,
		"  with x as (select 1) select * from x":   true,
		"INSERT INTO t VALUES (1)":                 false,
		"INSERT INTO t VALUES (1) RETURNING id":    true,
		"INSERT INTO t VALUES ('RETURNING')":       false,
		"INSERT INTO `returning` VALUES (1)":       false,
		"UPDATE t SET a = 1 -- RETURNING id":       false,
		"/* SELECT */ UPDATE t SET a = 1":          false,
		"CREATE TABLE t (x INTEGER)":               false,
		"PRAGMA table_info(t)":                     true,
		"DELETE FROM t WHERE id = 1 returning *":   true,
		"INSERT INTO t SELECT * FROM u":            false,
		"UPDATE t SET note = 'it''s' RETURNING id": true,
	} {
		if got := returnsRows(QueryTypeRaw, sql, syn); got != want {
			t.Errorf("returnsRows(%q) = %v, want %v", sql, got, want)
		}
	}
}

func TestAssign(t *testing.T) {
	type target struct {
		I8  int8
		U   uint
		F   float32
		B   bool
		S   string
		Bs  []byte
		T   time.Time
		P   *int
		J   map[string]int
		Any any
	}
	var v target
	rv := reflect.ValueOf(&v).Elem()
	set := func(field string, src any) error { return assign(rv.FieldByName(field), src) }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(set("I8", int64(-7)))
	must(set("U", "42"))
	must(set("F", int64(3)))
	must(set("B", int64(1)))
	must(set("S", []byte("text")))
	must(set("Bs", "raw"))
	must(set("T", "2020-01-02 03:04:05.123+00:00"))
	must(set("P", int64(9)))
	must(set("J", `{"a":1}`))
	must(set("Any", "x"))
	if v.I8 != -7 || v.U != 42 || v.F != 3 || !v.B || v.S != "text" || string(v.Bs) != "raw" || v.T.Nanosecond() != 123e6 || *v.P != 9 || v.J["a"] != 1 || v.Any != "x" {
		t.Errorf("assigned %+v", v)
	}
	if err := set("I8", int64(300)); err == nil {
		t.Error("overflow not reported")
	}
	if err := set("I8", 1.5); err == nil {
		t.Error("fraction into an int not reported")
	}
	if err := set("U", int64(-1)); err == nil {
		t.Error("negative into a uint not reported")
	}
	must(set("P", nil))
	if v.P != nil {
		t.Error("NULL did not clear a pointer")
	}
}
