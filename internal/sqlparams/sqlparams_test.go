package sqlparams

import (
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func dollarN(b []byte, n int) []byte {
	return strconv.AppendInt(append(b, '$'), int64(n), 10)
}

func question(b []byte, _ int) []byte { return append(b, '?') }

var (
	pgSyntax = Syntax{Placeholder: dollarN, DollarQuotes: true, NestedBlockComments: true}
	mySyntax = Syntax{
		Placeholder:         question,
		BackslashEscapes:    true,
		DoubleQuotedStrings: true,
		BacktickIdentifiers: true,
		HashComments:        true,
	}
	liteSyntax = Syntax{Placeholder: question, BacktickIdentifiers: true, BracketIdentifiers: true}
)

var syntaxes = []struct {
	name string
	syn  Syntax
}{{"postgres", pgSyntax}, {"mysql", mySyntax}, {"sqlite", liteSyntax}}

// valuerList is a slice type that converts itself to one value, like
// pq.StringArray: it must not be expanded.
type valuerList []string

func (v valuerList) Value() (driver.Value, error) { return strings.Join(v, ","), nil }

type testCase struct {
	name   string
	syn    Syntax
	sql    string
	pos    []any
	named  map[string]any
	want   string
	args   []any
	err    string // full message, without the "sequelize: " prefix
	errPos int
}

func runCases(t *testing.T, fn func(string, []any, map[string]any, Syntax) (string, []any, error), cases []testCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, args, err := fn(tc.sql, tc.pos, tc.named, tc.syn)
			if tc.err != "" {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("got (%q, %v, %v), want *Error %q", got, args, err, tc.err)
				}
				if e.Msg != tc.err || e.Pos != tc.errPos {
					t.Fatalf("got error %q at %d, want %q at %d", e.Msg, e.Pos, tc.err, tc.errPos)
				}
				if err.Error() != "sequelize: "+tc.err {
					t.Fatalf("Error() = %q", err.Error())
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if got != tc.want {
				t.Errorf("sql:\n got %q\nwant %q", got, tc.want)
			}
			if len(args) != 0 || len(tc.args) != 0 {
				if !reflect.DeepEqual(args, tc.args) {
					t.Errorf("args: got %#v, want %#v", args, tc.args)
				}
			}
		})
	}
}

func TestReplacePostgres(t *testing.T) {
	pg := pgSyntax
	m := func(kv ...any) map[string]any {
		r := map[string]any{}
		for i := 0; i < len(kv); i += 2 {
			r[kv[i].(string)] = kv[i+1]
		}
		return r
	}
	runCases(t, Replace, []testCase{
		{name: "positional", syn: pg, sql: "SELECT * FROM t WHERE a = ? AND b = ?", pos: []any{1, "x"},
			want: "SELECT * FROM t WHERE a = $1 AND b = $2", args: []any{1, "x"}},
		{name: "named", syn: pg, sql: "SELECT * FROM t WHERE a = :a AND b = :b_2", named: m("a", 1, "b_2", "x", "unused", 3),
			want: "SELECT * FROM t WHERE a = $1 AND b = $2", args: []any{1, "x"}},
		{name: "repeated name", syn: pg, sql: "SELECT :a, :b, :a", named: m("a", 1, "b", 2),
			want: "SELECT $1, $2, $3", args: []any{1, 2, 1}},
		{name: "nil value", syn: pg, sql: "SELECT :a", named: m("a", nil), want: "SELECT $1", args: []any{nil}},
		{name: "unicode name", syn: pg, sql: "SELECT :名前, :größe1", named: m("名前", 1, "größe1", 2),
			want: "SELECT $1, $2", args: []any{1, 2}},
		{name: "cast", syn: pg, sql: "SELECT :a::int, x::text, y :: text, ?::int", named: m("a", 1),
			want: "SELECT $1::int, x::text, y :: text, ?::int", args: []any{1}},
		{name: "triple colon", syn: pg, sql: "SELECT x:::a", named: m(), want: "SELECT x:::a"},
		{name: "assignment", syn: pg, sql: "SELECT f(x := :a), :=, : a, :1, arr[1:2]", named: m("a", 1),
			want: "SELECT f(x := $1), :=, : a, :1, arr[1:2]", args: []any{1}},
		{name: "name after word", syn: pg, sql: "SELECT arr[lo:hi]", named: m("hi", 2),
			want: "SELECT arr[lo $1]", args: []any{2}},
		{name: "spaced slice", syn: pg, sql: "SELECT arr[lo : hi], arr[:lo : :hi]", named: m("lo", 1, "hi", 2),
			want: "SELECT arr[lo : hi], arr[$1 : $2]", args: []any{1, 2}},
		{name: "strings", syn: pg, sql: `SELECT '?', ':a', 'it''s ? :a', '\', ?`, pos: []any{1},
			want: `SELECT '?', ':a', 'it''s ? :a', '\', $1`, args: []any{1}},
		{name: "E strings", syn: pg, sql: `SELECT E'\' ? :a', e'\\', ?`, pos: []any{1},
			want: `SELECT E'\' ? :a', e'\\', $1`, args: []any{1}},
		{name: "not an E prefix", syn: pg, sql: `SELECT AE'\', ?`, pos: []any{1},
			want: `SELECT AE'\', $1`, args: []any{1}},
		{name: "quoted identifiers", syn: pg, sql: `SELECT "?", "a"":b", ?`, pos: []any{1},
			want: `SELECT "?", "a"":b", $1`, args: []any{1}},
		{name: "line comments", syn: pg, sql: "SELECT ? -- ? :a\n, ? --\r?\n", pos: []any{1, 2, 3},
			want: "SELECT $1 -- ? :a\n, $2 --\r$3\n", args: []any{1, 2, 3}},
		{name: "nested block comments", syn: pg, sql: "SELECT /* ? /* ? */ ? */ ?", pos: []any{1},
			want: "SELECT /* ? /* ? */ ? */ $1", args: []any{1}},
		{name: "dollar quotes", syn: pg, sql: "SELECT $$ ? :a $$, $fn$ ? $$ ? $fn$, $a_1$ ' $a_1$, ?", pos: []any{1},
			want: "SELECT $$ ? :a $$, $fn$ ? $$ ? $fn$, $a_1$ ' $a_1$, $1", args: []any{1}},
		{name: "unterminated dollar tag", syn: pg, sql: "SELECT :a, $x$ :a", named: m("a", 1),
			want: "SELECT $1, $x$ :a", args: []any{1}},
		{name: "unclosed double dollar is plain", syn: pg, sql: "SELECT $$ :a", named: m("a", 1),
			want: "SELECT $$ $1", args: []any{1}},
		{name: "bind tokens untouched", syn: pg, sql: "SELECT $1, $a, ?", pos: []any{1},
			want: "SELECT $1, $a, $1", args: []any{1}},
		{name: "hash is an operator", syn: pg, sql: "SELECT 1 # ?", pos: []any{1}, want: "SELECT 1 # $1", args: []any{1}},
		{name: "brackets are arrays", syn: pg, sql: "SELECT ARRAY[:a, :b]", named: m("a", 1, "b", 2),
			want: "SELECT ARRAY[$1, $2]", args: []any{1, 2}},
		{name: "jsonb operators collide", syn: pg, sql: "SELECT j ?| ?", pos: []any{1, 2},
			want: "SELECT j $1| $2", args: []any{1, 2}},
		{name: "question mark left with named", syn: pg, sql: "SELECT j ? 'k', :a", named: m("a", 1),
			want: "SELECT j ? 'k', $1", args: []any{1}},
		{name: "names left with positional", syn: pg, sql: "SELECT :a, ?", pos: []any{1},
			want: "SELECT :a, $1", args: []any{1}},
		{name: "both nil", syn: pg, sql: "SELECT ?, :a", want: "SELECT ?, :a"},
		{name: "empty slice, no params", syn: pg, sql: "SELECT 1", pos: []any{}, want: "SELECT 1"},
		{name: "empty map, no params", syn: pg, sql: "SELECT ?", named: m(), want: "SELECT ?"},
		{name: "guard before identifier", syn: pg, sql: "SELECT * FROM t WHERE a=?AND b=:b", pos: []any{1},
			want: "SELECT * FROM t WHERE a=$1 AND b=:b", args: []any{1}},
		{name: "guard after identifier", syn: pg, sql: "SELECT x:a", named: m("a", 1),
			want: "SELECT x $1", args: []any{1}},
		{name: "guard between placeholders", syn: pg, sql: "SELECT ??", pos: []any{1, 2},
			want: "SELECT $1 $2", args: []any{1, 2}},
		{name: "guard after dollar", syn: pg, sql: "SELECT $?", pos: []any{1},
			want: "SELECT $ $1", args: []any{1}},
		{name: "nil placeholder", syn: Syntax{}, sql: "SELECT :a", named: m("a", 1), want: "SELECT ?", args: []any{1}},
	})
}

func TestReplaceLists(t *testing.T) {
	pg := pgSyntax
	uuid := [16]byte{1, 2, 3}
	cases := []testCase{
		{name: "[]int", syn: pg, sql: "SELECT * FROM t WHERE id IN (:ids) AND x = :x",
			named: map[string]any{"ids": []int{1, 2, 3}, "x": "y"},
			want:  "SELECT * FROM t WHERE id IN ($1, $2, $3) AND x = $4", args: []any{1, 2, 3, "y"}},
		{name: "[]string positional", syn: pg, sql: "SELECT ? IN (?)", pos: []any{0, []string{"a", "b"}},
			want: "SELECT $1 IN ($2, $3)", args: []any{0, "a", "b"}},
		{name: "[]any", syn: pg, sql: "IN (?)", pos: []any{[]any{1, "a", nil}},
			want: "IN ($1, $2, $3)", args: []any{1, "a", nil}},
		{name: "array", syn: pg, sql: "IN (?)", pos: []any{[2]int64{7, 8}}, want: "IN ($1, $2)", args: []any{int64(7), int64(8)}},
		{name: "empty slice is NULL", syn: pg, sql: "IN (:ids)", named: map[string]any{"ids": []int{}},
			want: "IN (NULL)"},
		{name: "nil slice is NULL", syn: pg, sql: "IN (?) AND ?", pos: []any{[]string(nil), 1},
			want: "IN (NULL) AND $1", args: []any{1}},
		{name: "NULL guarded", syn: pg, sql: "SELECT x:a", named: map[string]any{"a": []any{}}, want: "SELECT x NULL"},
		{name: "[]byte is one value", syn: pg, sql: "SELECT ?", pos: []any{[]byte("abc")},
			want: "SELECT $1", args: []any{[]byte("abc")}},
		{name: "json.RawMessage is one value", syn: pg, sql: "SELECT ?", pos: []any{json.RawMessage(`[1]`)},
			want: "SELECT $1", args: []any{json.RawMessage(`[1]`)}},
		{name: "byte array is one value", syn: pg, sql: "SELECT ?", pos: []any{uuid},
			want: "SELECT $1", args: []any{uuid}},
		{name: "driver.Valuer is one value", syn: pg, sql: "SELECT ?", pos: []any{valuerList{"a", "b"}},
			want: "SELECT $1", args: []any{valuerList{"a", "b"}}},
		{name: "tuples", syn: pg, sql: "INSERT INTO t (a, b) VALUES :rows",
			named: map[string]any{"rows": [][]any{{1, "a"}, {2, "b"}}},
			want:  "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)", args: []any{1, "a", 2, "b"}},
		{name: "tuple with blob and empty tuple", syn: pg, sql: "VALUES ?",
			pos:  []any{[]any{[]any{[]byte("x"), 1}, []int{}}},
			want: "VALUES ($1, $2), (NULL)", args: []any{[]byte("x"), 1}},
		{name: "one level of nesting only", syn: pg, sql: "VALUES ?", pos: []any{[]any{[]any{[]int{1, 2}}}},
			want: "VALUES ($1)", args: []any{[]int{1, 2}}},
		{name: "repeated list", syn: mySyntax, sql: "SELECT :ids, :ids", named: map[string]any{"ids": []int{1, 2}},
			want: "SELECT ?, ?, ?, ?", args: []any{1, 2, 1, 2}},
	}
	runCases(t, Replace, cases)
}

func TestReplaceMySQL(t *testing.T) {
	my := mySyntax
	runCases(t, Replace, []testCase{
		{name: "positional", syn: my, sql: "SELECT * FROM t WHERE a = ? AND b = ?", pos: []any{1, 2},
			want: "SELECT * FROM t WHERE a = ? AND b = ?", args: []any{1, 2}},
		{name: "named", syn: my, sql: "UPDATE t SET a = :a WHERE id = :id", named: map[string]any{"a": "x", "id": 5},
			want: "UPDATE t SET a = ? WHERE id = ?", args: []any{"x", 5}},
		{name: "backslash strings", syn: my, sql: `SELECT 'it\'s ?', "a \" :a", '\\', ?`, pos: []any{1},
			want: `SELECT 'it\'s ?', "a \" :a", '\\', ?`, args: []any{1}},
		{name: "doubled quotes", syn: my, sql: `SELECT 'it''s ?', "a "" ?", ?`, pos: []any{1},
			want: `SELECT 'it''s ?', "a "" ?", ?`, args: []any{1}},
		{name: "backticks", syn: my, sql: "SELECT `?`, `a``:b`, :b", named: map[string]any{"b": 1},
			want: "SELECT `?`, `a``:b`, ?", args: []any{1}},
		{name: "hash comments", syn: my, sql: "SELECT ? # ? :a\n, ?", pos: []any{1, 2},
			want: "SELECT ? # ? :a\n, ?", args: []any{1, 2}},
		{name: "dash comments", syn: my, sql: "SELECT ? -- ?\n, ?", pos: []any{1, 2},
			want: "SELECT ? -- ?\n, ?", args: []any{1, 2}},
		{name: "block comments do not nest", syn: my, sql: "SELECT /* /* ? */ ? */", pos: []any{1},
			want: "SELECT /* /* ? */ ? */", args: []any{1}},
		{name: "assignment", syn: my, sql: "SET @a := :v, @b:=1", named: map[string]any{"v": 1},
			want: "SET @a := ?, @b:=1", args: []any{1}},
		{name: "dollars are plain", syn: my, sql: "SELECT $$ ? $$, $a$ ? $a$", pos: []any{1, 2},
			want: "SELECT $$ ? $$, $a$ ? $a$", args: []any{1, 2}},
		{name: "E is not a prefix", syn: my, sql: `SELECT E'\'', ?`, pos: []any{1},
			want: `SELECT E'\'', ?`, args: []any{1}},
		{name: "brackets are not identifiers", syn: my, sql: "SELECT [?]", pos: []any{1}, want: "SELECT [?]", args: []any{1}},
		{name: "no guard for question marks", syn: my, sql: "SELECT ??, x?y", pos: []any{1, 2, 3},
			want: "SELECT ??, x?y", args: []any{1, 2, 3}},
	})
}

func TestReplaceSQLite(t *testing.T) {
	lite := liteSyntax
	runCases(t, Replace, []testCase{
		{name: "brackets", syn: lite, sql: "SELECT [?], [:a], :a", named: map[string]any{"a": 1},
			want: "SELECT [?], [:a], ?", args: []any{1}},
		{name: "backticks and double quotes", syn: lite, sql: "SELECT `?`, \"?\", ?", pos: []any{1},
			want: "SELECT `?`, \"?\", ?", args: []any{1}},
		{name: "no backslash escapes", syn: lite, sql: `SELECT '\', ?, "\", ?`, pos: []any{1, 2},
			want: `SELECT '\', ?, "\", ?`, args: []any{1, 2}},
		{name: "hash is not a comment", syn: lite, sql: "SELECT 1 # ?", pos: []any{1}, want: "SELECT 1 # ?", args: []any{1}},
		{name: "comments", syn: lite, sql: "SELECT /* ? */ ? -- ?", pos: []any{1}, want: "SELECT /* ? */ ? -- ?", args: []any{1}},
		{name: "unterminated bracket", syn: lite, sql: "SELECT ?, [?", pos: []any{1}, want: "SELECT ?, [?", args: []any{1}},
	})
}

// TestUnterminated checks that text running to the end of the input is not
// an error and hides the parameters in it.
func TestUnterminated(t *testing.T) {
	tails := []struct {
		tail         string
		pg, my, lite int // "?" tokens in the tail
	}{
		{"'a ?", 0, 0, 0},
		{"'a\\", 0, 0, 0},
		{"'a\\' ?", 1, 0, 1},
		{"\"a ?", 0, 0, 0},
		{"\"a\\\" ?", 1, 0, 1},
		{"`a ?", 1, 0, 0},
		{"[a ?", 1, 1, 0},
		{"/* ?", 0, 0, 0},
		{"/* /* */ ?", 0, 1, 1},
		{"/*/ ?", 0, 0, 0},
		{"-- ?", 0, 0, 0},
		{"--\r?", 1, 0, 0},
		{"# ?", 1, 0, 1},
		{"$a$ ?", 0, 1, 1},
		{"$$ ?", 1, 1, 1},
		{"E'\\' ?", 0, 0, 1},
		{"$", 0, 0, 0},
		{":", 0, 0, 0},
		{"-", 0, 0, 0},
		{"/", 0, 0, 0},
		{"E", 0, 0, 0},
	}
	for _, tc := range tails {
		for i, s := range syntaxes {
			n := []int{tc.pg, tc.my, tc.lite}[i]
			sql := "SELECT ?, " + tc.tail
			pos := make([]any, n+1)
			got, args, err := Replace(sql, pos, nil, s.syn)
			if err != nil || len(args) != n+1 {
				t.Errorf("%s: %q: got %q %v %v, want %d args", s.name, sql, got, args, err, n+1)
				continue
			}
			if n == 0 && got != "SELECT "+string(s.syn.Placeholder(nil, 1))+", "+tc.tail {
				t.Errorf("%s: %q: got %q", s.name, sql, got)
			}
		}
	}
}

func TestReplaceErrors(t *testing.T) {
	for _, s := range syntaxes {
		t.Run(s.name, func(t *testing.T) {
			runCases(t, Replace, []testCase{
				{name: "both", syn: s.syn, sql: "SELECT ?", pos: []any{1}, named: map[string]any{},
					err: `replacements must be given either as a slice (for "?") or as a map (for ":name"), not both`, errPos: -1},
				{name: "missing name", syn: s.syn, sql: "SELECT :a, :foo", named: map[string]any{"a": 1},
					err: `named replacement ":foo" has no entry in the replacement map`, errPos: 11},
				{name: "too few", syn: s.syn, sql: "SELECT ?, ?, ?", pos: []any{1, 2},
					err: `positional replacement #3 ("?") has no value: 2 replacements given for 3 "?" in the query`, errPos: 13},
				{name: "too few, more after", syn: s.syn, sql: "SELECT ?, ?, '?', ?, ?", pos: []any{1},
					err: `positional replacement #2 ("?") has no value: 1 replacement given for 4 "?" in the query`, errPos: 10},
				{name: "none given", syn: s.syn, sql: "SELECT ?", pos: []any{},
					err: `positional replacement #1 ("?") has no value: 0 replacements given for 1 "?" in the query`, errPos: 7},
				{name: "too many", syn: s.syn, sql: "SELECT ?, '?'", pos: []any{1, 2},
					err: `2 positional replacements given but the query has only 1 "?"`, errPos: -1},
				{name: "too many, no ?", syn: s.syn, sql: "SELECT 1 -- ?", pos: []any{1},
					err: `1 positional replacement given but the query has no "?"`, errPos: -1},
			})
		})
	}
}

func TestBindPostgres(t *testing.T) {
	pg := pgSyntax
	runCases(t, Bind, []testCase{
		{name: "positional", syn: pg, sql: "SELECT * FROM t WHERE a = $1 AND b = $2", pos: []any{1, "x"},
			want: "SELECT * FROM t WHERE a = $1 AND b = $2", args: []any{1, "x"}},
		{name: "reordered and repeated", syn: pg, sql: "SELECT $2, $1, $2, $01", pos: []any{"a", "b"},
			want: "SELECT $1, $2, $3, $4", args: []any{"b", "a", "b", "a"}},
		{name: "named", syn: pg, sql: "SELECT * FROM t WHERE id = $id AND n = $name::text AND id2 = $id",
			named: map[string]any{"id": 1, "name": "x", "extra": 3},
			want:  "SELECT * FROM t WHERE id = $1 AND n = $2::text AND id2 = $3", args: []any{1, "x", 1}},
		{name: "unicode name", syn: pg, sql: "SELECT $名前", named: map[string]any{"名前": 1}, want: "SELECT $1", args: []any{1}},
		{name: "slice stays one value", syn: pg, sql: "SELECT * FROM t WHERE id = ANY($1)", pos: []any{[]int{1, 2}},
			want: "SELECT * FROM t WHERE id = ANY($1)", args: []any{[]int{1, 2}}},
		{name: "unclosed double dollar is an escape", syn: pg, sql: "SELECT '$' || $$ || $1", pos: []any{1},
			want: "SELECT '$' || $ || $1", args: []any{1}},
		{name: "double dollar quote", syn: pg,
			sql: "CREATE FUNCTION f(int) RETURNS int AS $$ SELECT $1 + $x $$ LANGUAGE sql; SELECT f($1)", pos: []any{5},
			want: "CREATE FUNCTION f(int) RETURNS int AS $$ SELECT $1 + $x $$ LANGUAGE sql; SELECT f($1)", args: []any{5}},
		{name: "tagged dollar quote", syn: pg, sql: "SELECT $body$ $1 $$ $x $body$, $a", named: map[string]any{"a": 1},
			want: "SELECT $body$ $1 $$ $x $body$, $1", args: []any{1}},
		{name: "escape after dollar quote", syn: pg, sql: "SELECT $$a$$, $$", named: map[string]any{},
			want: "SELECT $$a$$, $"},
		{name: "number then dollar", syn: pg, sql: "SELECT $1$", pos: []any{1}, want: "SELECT $1 $", args: []any{1}},
		{name: "dollar inside words", syn: pg, sql: "SELECT a$1, price$$, x$y FROM t$1", pos: []any{},
			want: "SELECT a$1, price$$, x$y FROM t$1"},
		{name: "strings comments identifiers", syn: pg,
			sql:  "SELECT '$1', E'\\'$1', \"$1\", $1 -- $1\n /* $1 /* $1 */ $1 */",
			pos:  []any{1},
			want: "SELECT '$1', E'\\'$1', \"$1\", $1 -- $1\n /* $1 /* $1 */ $1 */", args: []any{1}},
		{name: "replacement tokens untouched", syn: pg, sql: "SELECT ?, :a, $1", pos: []any{1},
			want: "SELECT ?, :a, $1", args: []any{1}},
		{name: "lone dollars", syn: pg, sql: "SELECT $ 1, $-1, $", pos: []any{}, want: "SELECT $ 1, $-1, $"},
		{name: "both nil", syn: pg, sql: "SELECT $1, $$", want: "SELECT $1, $$"},
		{name: "guard", syn: pg, sql: "SELECT $1AND", pos: []any{1}, want: "SELECT $1 AND", args: []any{1}},
	})
}

func TestBindMySQLAndSQLite(t *testing.T) {
	my, lite := mySyntax, liteSyntax
	runCases(t, Bind, []testCase{
		{name: "mysql positional", syn: my, sql: "SELECT $2, $1", pos: []any{1, 2}, want: "SELECT ?, ?", args: []any{2, 1}},
		{name: "mysql escapes", syn: my, sql: "SELECT '$$', $$, $$ $1 $$, $a$", named: map[string]any{"a": 1},
			err: `bind parameter "$1" needs a bind slice: bind values were given as a map`, errPos: 20},
		{name: "mysql dollar escapes always", syn: my, sql: "SELECT '$$', $$, $$ $a $$", named: map[string]any{"a": 1},
			want: "SELECT '$$', $, $ ? $", args: []any{1}},
		{name: "mysql skips", syn: my, sql: "SELECT '\\'$1', \"$1\", `$1`, $1 # $1\n-- $1", pos: []any{1},
			want: "SELECT '\\'$1', \"$1\", `$1`, ? # $1\n-- $1", args: []any{1}},
		{name: "sqlite skips", syn: lite, sql: "SELECT [$1], `$1`, \"$1\", '$1', $1", pos: []any{1},
			want: "SELECT [$1], `$1`, \"$1\", '$1', ?", args: []any{1}},
		{name: "sqlite named", syn: lite, sql: "SELECT $a, $b, $a", named: map[string]any{"a": 1, "b": 2},
			want: "SELECT ?, ?, ?", args: []any{1, 2, 1}},
	})
}

func TestBindErrors(t *testing.T) {
	for _, s := range syntaxes {
		t.Run(s.name, func(t *testing.T) {
			runCases(t, Bind, []testCase{
				{name: "both", syn: s.syn, sql: "SELECT $1", pos: []any{1}, named: map[string]any{},
					err: `bind values must be given either as a slice (for "$1") or as a map (for "$name"), not both`, errPos: -1},
				{name: "no value", syn: s.syn, sql: "SELECT $1, $3", pos: []any{1, 2},
					err: `bind parameter "$3" has no value: 2 bind values given`, errPos: 11},
				{name: "no value, one given", syn: s.syn, sql: "SELECT $2", pos: []any{1},
					err: `bind parameter "$2" has no value: 1 bind value given`, errPos: 7},
				{name: "huge", syn: s.syn, sql: "SELECT $99999999999999999999999999", pos: []any{1},
					err: `bind parameter "$99999999999999999999999999" has no value: 1 bind value given`, errPos: 7},
				{name: "zero", syn: s.syn, sql: "SELECT $0", pos: []any{1},
					err: `bind parameter "$0" is invalid: positions start at 1`, errPos: 7},
				{name: "missing name", syn: s.syn, sql: "SELECT $x", named: map[string]any{"y": 1},
					err: `bind parameter "$x" has no entry in the bind map`, errPos: 7},
				{name: "name with slice", syn: s.syn, sql: "SELECT $1, $name", pos: []any{1},
					err: `bind parameter "$name" needs a bind map: bind values were given as a slice`, errPos: 11},
				{name: "number with map", syn: s.syn, sql: "SELECT $1", named: map[string]any{"1": 1},
					err: `bind parameter "$1" needs a bind slice: bind values were given as a map`, errPos: 7},
				{name: "unused", syn: s.syn, sql: "SELECT $1, $3", pos: []any{1, 2, 3},
					err: `bind value #2 is never used: 3 bind values given but the query has no "$2"`, errPos: -1},
				{name: "unused, none referenced", syn: s.syn, sql: "SELECT '$1'", pos: []any{1},
					err: `bind value #1 is never used: 1 bind value given but the query has no "$1"`, errPos: -1},
			})
		})
	}
}

func TestBindManyPositional(t *testing.T) {
	var sb strings.Builder
	vals := make([]any, 200)
	sb.WriteString("SELECT ")
	for i := range vals {
		vals[i] = i
		fmt.Fprintf(&sb, "$%d,", len(vals)-i)
	}
	got, args, err := Bind(sb.String(), vals, nil, mySyntax)
	if err != nil {
		t.Fatal(err)
	}
	if got != "SELECT "+strings.Repeat("?,", len(vals)) || len(args) != len(vals) || args[0] != 199 || args[199] != 0 {
		t.Fatalf("got %q %v", got, args)
	}
	_, _, err = Bind(strings.Replace(sb.String(), "$150,", "", 1), vals, nil, mySyntax)
	if err == nil || !strings.Contains(err.Error(), "bind value #150 is never used") {
		t.Fatalf("got %v", err)
	}
}

// TestHostileValues checks that values never reach the SQL text: the output
// SQL does not depend on the values, and values are passed through as
// arguments unchanged.
func TestHostileValues(t *testing.T) {
	hostile := []any{
		`' OR 1=1 --`, `'; DROP TABLE users; --`, `$1`, `$$`, `?`, `:x`, `\`, `\'`, `"`, "`", `*/`, "]",
		"日本語'", "\x00", "\n#", "' || pg_sleep(10) || '",
	}
	benign := make([]any, len(hostile))
	for i := range benign {
		benign[i] = i
	}
	named := func(vals []any) map[string]any {
		m := map[string]any{}
		for i, v := range vals {
			m["v"+strconv.Itoa(i)] = v
		}
		return m
	}
	var posSQL, namedSQL, bindSQL, bindNamedSQL strings.Builder
	for i := range hostile {
		sep := " AND "
		if i == 0 {
			sep = "SELECT * FROM t WHERE "
		}
		fmt.Fprintf(&posSQL, "%sc%d = ?", sep, i)
		fmt.Fprintf(&namedSQL, "%sc%d = :v%d", sep, i, i)
		fmt.Fprintf(&bindSQL, "%sc%d = $%d", sep, i, i+1)
		fmt.Fprintf(&bindNamedSQL, "%sc%d = $v%d", sep, i, i)
	}
	list := []any{[]any{hostile[0], hostile[1]}, []string{`'`, `"`}}
	for _, s := range syntaxes {
		run := func(name, sql string, fn func(string, []any, map[string]any, Syntax) (string, []any, error),
			mk func([]any) ([]any, map[string]any)) {
			t.Run(s.name+"/"+name, func(t *testing.T) {
				wantSQL, _, err := fn(sql, first(mk(benign)), second(mk(benign)), s.syn)
				if err != nil {
					t.Fatal(err)
				}
				p, m := mk(hostile)
				got, args, err := fn(sql, p, m, s.syn)
				if err != nil {
					t.Fatal(err)
				}
				if got != wantSQL {
					t.Fatalf("output depends on values:\n got %q\nwant %q", got, wantSQL)
				}
				if !reflect.DeepEqual(args, hostile) {
					t.Fatalf("args: got %q, want %q", args, hostile)
				}
				for _, v := range hostile {
					if v := v.(string); !strings.Contains(wantSQL, v) && strings.Contains(got, v) {
						t.Errorf("output %q contains value %q", got, v)
					}
				}
			})
		}
		run("replace positional", posSQL.String(), Replace, func(v []any) ([]any, map[string]any) { return v, nil })
		run("replace named", namedSQL.String(), Replace, func(v []any) ([]any, map[string]any) { return nil, named(v) })
		run("bind positional", bindSQL.String(), Bind, func(v []any) ([]any, map[string]any) { return v, nil })
		run("bind named", bindNamedSQL.String(), Bind, func(v []any) ([]any, map[string]any) { return nil, named(v) })

		got, args, err := Replace("SELECT * FROM t WHERE a IN (:l) AND b IN (:m)", nil,
			map[string]any{"l": list[0], "m": list[1]}, s.syn)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range hostile[:2] {
			if strings.Contains(got, v.(string)) {
				t.Errorf("%s: list output %q contains value %q", s.name, got, v)
			}
		}
		if !reflect.DeepEqual(args, []any{hostile[0], hostile[1], `'`, `"`}) || strings.ContainsAny(got, `'"`) {
			t.Errorf("%s: list output %q args %q", s.name, got, args)
		}
	}
}

func first(p []any, _ map[string]any) []any           { return p }
func second(_ []any, m map[string]any) map[string]any { return m }

// fuzzSyntax returns the lexical rules of one of the test dialects with a
// placeholder "\x01n\x02" that cannot merge with its neighbours and is easy
// to find in the output.
func fuzzSyntax(mode uint8) Syntax {
	s := syntaxes[int(mode)%len(syntaxes)].syn
	s.Placeholder = func(b []byte, n int) []byte {
		b = append(b, 1)
		b = strconv.AppendInt(b, int64(n), 10)
		return append(b, 2)
	}
	return s
}

var markerRE = regexp.MustCompile("\x01([0-9]+)\x02")

// checkMarkers verifies that the placeholders of out are numbered 1..len(args)
// in order and returns out with each placeholder replaced by its argument,
// which must be a string.
func checkMarkers(t *testing.T, out string, args []any) string {
	t.Helper()
	ms := markerRE.FindAllStringSubmatchIndex(out, -1)
	if len(ms) != len(args) {
		t.Fatalf("%d placeholders in %q for %d args", len(ms), out, len(args))
	}
	var sb strings.Builder
	last := 0
	for i, m := range ms {
		if n, _ := strconv.Atoi(out[m[2]:m[3]]); n != i+1 {
			t.Fatalf("placeholder #%d numbered %d in %q", i+1, n, out)
		}
		sb.WriteString(out[last:m[0]])
		sb.WriteString(args[i].(string))
		last = m[1]
	}
	sb.WriteString(out[last:])
	return sb.String()
}

var fuzzSeeds = []string{
	"SELECT * FROM t WHERE a = ? AND b = :b",
	"SELECT :a::int, x::text, f(x := :b), arr[lo:hi]",
	`SELECT '?', 'it''s :a', E'\' ?', "?", "a"":b", ?`,
	"SELECT $$ ? $$, $fn$ :a $fn$, $1, $name, $$, $0",
	"SELECT /* ? /* ? */ ? */ ? -- ?\n # ?\n ?",
	"SELECT `?`, `a``?`, [?], [a:b] :c",
	`SELECT 'a\'?', "b\"?" ?`,
	"SELECT $x$ :a",
	"SELECT $1AND a$1 $2$ $$$1 ?? x?y :名前 $größe",
	"INSERT INTO t VALUES ($1, $2, $1) RETURNING $$",
}

func FuzzReplace(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, uint8(i))
	}
	nameRE := regexp.MustCompile(`:([\p{L}_][\p{L}\p{Nd}_]*)`)
	f.Fuzz(func(t *testing.T, sql string, mode uint8) {
		if strings.ContainsAny(sql, "\x01\x02") {
			return
		}
		syn := fuzzSyntax(mode)
		if out, args, err := Replace(sql, nil, nil, syn); out != sql || args != nil || err != nil {
			t.Fatalf("no values: got %q %v %v", out, args, err)
		}
		// Named: every name-like token, wherever it is, gets its own text
		// as value, so the rewrite must succeed and be reversible.
		named := map[string]any{}
		for _, m := range nameRE.FindAllStringSubmatch(sql, -1) {
			named[m[1]] = ":" + m[1]
		}
		out, args, err := Replace(sql, nil, named, syn)
		if err != nil {
			t.Fatalf("named: %v", err)
		}
		if back := checkMarkers(t, out, args); back != sql {
			t.Fatalf("named: %q -> %q -> %q", sql, out, back)
		}
		if len(args) == 0 && out != sql {
			t.Fatalf("named: no parameters but %q -> %q", sql, out)
		}
		// Positional: exactly as many values as "?" tokens must succeed,
		// one more or one less must fail.
		n := 0
		lx := lexer{sql: sql, syn: syn}
		for tok := lx.next(); tok.kind != tokEOF; tok = lx.next() {
			if tok.kind == tokQuestion {
				n++
			}
		}
		pos := make([]any, n+1)
		for i := range pos {
			pos[i] = "?"
		}
		out, args, err = Replace(sql, pos[:n], nil, syn)
		if err != nil {
			t.Fatalf("positional: %v", err)
		}
		if back := checkMarkers(t, out, args); back != sql {
			t.Fatalf("positional: %q -> %q -> %q", sql, out, back)
		}
		var e *Error
		if _, _, err := Replace(sql, pos, nil, syn); !errors.As(err, &e) || e.Pos != -1 {
			t.Fatalf("positional: %d values for %d ?: %v", n+1, n, err)
		}
		if n > 0 {
			if _, _, err := Replace(sql, pos[:n-1], nil, syn); !errors.As(err, &e) || e.Pos < 0 || sql[e.Pos] != '?' {
				t.Fatalf("positional: %d values for %d ?: %v", n-1, n, err)
			}
		}
		// Lists expand to the same placeholders as their elements.
		if n > 0 {
			lists := make([]any, n)
			for i := range lists {
				lists[i] = []string{"?"}
			}
			out2, args2, err := Replace(sql, lists, nil, syn)
			if err != nil || out2 != out || !reflect.DeepEqual(args2, args) {
				t.Fatalf("lists: got %q %v %v, want %q %v", out2, args2, err, out, args)
			}
		}
		// With the "$n" placeholder and no "$" in the input, the
		// "$n" in the output are exactly the placeholders: re-reading them as
		// bind parameters checks that none merged with its neighbours.
		for _, vals := range [][]any{pos[:n], nil} {
			pgs := syn
			pgs.Placeholder = dollarN
			var m map[string]any
			if vals == nil {
				m = named
			}
			out, args, err := Replace(sql, vals, m, pgs)
			if err != nil {
				t.Fatalf("postgres: %v", err)
			}
			if strings.Contains(sql, "$") {
				continue
			}
			lx := lexer{sql: out, syn: pgs, bind: true}
			k := 0
			for tok := lx.next(); tok.kind != tokEOF; tok = lx.next() {
				k++
				if tok.kind != tokDollarNumber || out[tok.start:tok.end] != "$"+strconv.Itoa(k) {
					t.Fatalf("postgres: %q -> %q: token %q at %d", sql, out, out[tok.start:tok.end], tok.start)
				}
			}
			if k != len(args) {
				t.Fatalf("postgres: %q -> %q: %d placeholders for %d args", sql, out, k, len(args))
			}
		}
	})
}

func FuzzBind(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, uint8(i))
	}
	f.Fuzz(func(t *testing.T, sql string, mode uint8) {
		if strings.ContainsAny(sql, "\x01\x02") {
			return
		}
		syn := fuzzSyntax(mode)
		if out, args, err := Bind(sql, nil, nil, syn); out != sql || args != nil || err != nil {
			t.Fatalf("no values: got %q %v %v", out, args, err)
		}
		// Collect the tokens and build the expected output with each
		// parameter written in canonical form and "$$" escapes applied.
		var numbers []int
		var names []string
		var expected strings.Builder
		last := 0
		lx := lexer{sql: sql, syn: syn, bind: true}
		for tok := lx.next(); tok.kind != tokEOF; tok = lx.next() {
			text := sql[tok.start:tok.end]
			expected.WriteString(sql[last:tok.start])
			last = tok.end
			switch tok.kind {
			case tokDollarEscape:
				expected.WriteString("$")
			case tokDollarNumber:
				n, err := strconv.Atoi(text[1:])
				if err != nil || n > 1000 {
					n = 1001
				}
				numbers = append(numbers, n)
				expected.WriteString("$" + strconv.Itoa(n))
			case tokDollarName:
				names = append(names, text[1:])
				expected.WriteString(text)
			default:
				t.Fatalf("unexpected token %v %q", tok.kind, text)
			}
		}
		expected.WriteString(sql[last:])

		maxN, valid := 0, true
		seen := map[int]bool{}
		for _, n := range numbers {
			seen[n] = true
			maxN = max(maxN, n)
			valid = valid && n >= 1 && n <= 1000
		}
		for i := 1; i <= maxN; i++ {
			valid = valid && seen[i]
		}
		pos := make([]any, min(maxN, 1000))
		for i := range pos {
			pos[i] = "$" + strconv.Itoa(i+1)
		}
		out, args, err := Bind(sql, pos, nil, syn)
		if wantOK := valid && len(names) == 0; wantOK != (err == nil) {
			t.Fatalf("positional: %q: err = %v, want ok = %v", sql, err, wantOK)
		}
		if err == nil {
			if back := checkMarkers(t, out, args); back != expected.String() {
				t.Fatalf("positional: %q -> %q -> %q, want %q", sql, out, back, expected.String())
			}
		}
		named := map[string]any{}
		for _, name := range names {
			named[name] = "$" + name
		}
		out, args, err = Bind(sql, nil, named, syn)
		if wantOK := len(numbers) == 0; wantOK != (err == nil) {
			t.Fatalf("named: %q: err = %v, want ok = %v", sql, err, wantOK)
		}
		if err == nil {
			if back := checkMarkers(t, out, args); back != expected.String() {
				t.Fatalf("named: %q -> %q -> %q, want %q", sql, out, back, expected.String())
			}
			if len(args) == 0 && !strings.Contains(sql, "$$") && out != sql {
				t.Fatalf("named: no parameters but %q -> %q", sql, out)
			}
		}
		_, _, _ = Bind(sql, pos, nil, pgSyntax)
		_, _, _ = Bind(sql, nil, named, pgSyntax)
	})
}

const benchSQL = "SELECT u.id, u.name, u.email, p.title, p.created_at FROM users AS u " +
	"INNER JOIN posts AS p ON p.user_id = u.id WHERE u.status = :status " +
	"AND p.created_at > :since AND u.org_id = :org ORDER BY p.created_at DESC LIMIT 20"

func BenchmarkReplace(b *testing.B) {
	named := map[string]any{"status": "active", "since": "2024-01-01", "org": 42}
	b.ReportAllocs()
	b.SetBytes(int64(len(benchSQL)))
	for b.Loop() {
		if _, _, err := Replace(benchSQL, nil, named, pgSyntax); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBind(b *testing.B) {
	sql := strings.NewReplacer(":status", "$1", ":since", "$2", ":org", "$3").Replace(benchSQL)
	pos := []any{"active", "2024-01-01", 42}
	b.ReportAllocs()
	b.SetBytes(int64(len(sql)))
	for b.Loop() {
		if _, _, err := Bind(sql, pos, nil, pgSyntax); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleReplace() {
	pg := Syntax{
		Placeholder:  func(b []byte, n int) []byte { return strconv.AppendInt(append(b, '$'), int64(n), 10) },
		DollarQuotes: true, NestedBlockComments: true,
	}
	sql, args, err := Replace("SELECT * FROM users WHERE id IN (:ids) AND name <> ':ids' AND role = :role::text", nil,
		map[string]any{"ids": []int{1, 2, 3}, "role": "admin"}, pg)
	fmt.Println(sql)
	fmt.Println(args, err)
	// Output:
	// SELECT * FROM users WHERE id IN ($1, $2, $3) AND name <> ':ids' AND role = $4::text
	// [1 2 3 admin] <nil>
}

func ExampleBind() {
	mysql := Syntax{
		Placeholder:      func(b []byte, _ int) []byte { return append(b, '?') },
		BackslashEscapes: true, DoubleQuotedStrings: true, BacktickIdentifiers: true, HashComments: true,
	}
	sql, args, err := Bind("SELECT CONCAT('$', $2), `$1`, $$ FROM t WHERE a = $1 OR b = $1", []any{"x", 9}, nil, mysql)
	fmt.Println(sql)
	fmt.Println(args, err)
	// Output:
	// SELECT CONCAT('$', ?), `$1`, $ FROM t WHERE a = ? OR b = ?
	// [9 x x] <nil>
}
