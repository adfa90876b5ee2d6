package naming

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// names mirrors testdata/names.json, written by testdata/generate.js from
// npm Sequelize's own functions.
type names struct {
	Sequelize     string        `json:"sequelize"`
	Inflection    string        `json:"inflection"`
	Underscore    [][2]string   `json:"underscore"`
	Camelize      [][2]*string  `json:"camelize"` // nil output: Sequelize throws
	UnderscoredIf []condCase    `json:"underscoredIf"`
	CamelizeIf    []condCase    `json:"camelizeIf"`
	IndexName     []indexCase   `json:"indexName"`
	AddIndexName  []indexCase   `json:"addIndexName"`
	UniqueKeyName []uniqueCase  `json:"uniqueKeyName"`
	Models        []modelNaming `json:"models"`
}

type condCase struct {
	In   string
	Cond bool
	Out  string
}

func (c *condCase) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, &[]any{&c.In, &c.Cond, &c.Out})
}

type indexCase struct {
	Table  string   `json:"table"`
	Fields []string `json:"fields"`
	Name   string   `json:"name"`
	Model  string   `json:"model"`
}

type uniqueCase struct {
	Table string `json:"table"`
	Attr  string `json:"attr"`
	Name  string `json:"name"`
	Model string `json:"model"`
}

type modelNaming struct {
	Name                string   `json:"name"`
	Underscored         bool     `json:"underscored"`
	TableName           string   `json:"tableName"`
	Singular            string   `json:"singular"`
	Plural              string   `json:"plural"`
	BelongsToForeignKey string   `json:"belongsToForeignKey"`
	BelongsToField      string   `json:"belongsToField"`
	HasManyForeignKey   string   `json:"hasManyForeignKey"`
	TimestampFields     []string `json:"timestampFields"`
}

func readNames(t *testing.T) names {
	t.Helper()
	b, err := os.ReadFile("testdata/names.json")
	if err != nil {
		t.Fatal(err)
	}
	var n names
	if err := json.Unmarshal(b, &n); err != nil {
		t.Fatal(err)
	}
	if n.Sequelize != "6.37.8" || n.Inflection != "1.13.4" {
		t.Fatalf("names.json was generated with sequelize %s / inflection %s", n.Sequelize, n.Inflection)
	}
	if len(n.Underscore) == 0 || len(n.Camelize) == 0 || len(n.IndexName) == 0 || len(n.Models) == 0 {
		t.Fatal("names.json: empty section")
	}
	return n
}

func TestUnderscoreGolden(t *testing.T) {
	for _, c := range readNames(t).Underscore {
		if got := Underscore(c[0]); got != c[1] {
			t.Errorf("Underscore(%q) = %q, Sequelize gives %q", c[0], got, c[1])
		}
	}
}

func TestCamelizeGolden(t *testing.T) {
	for _, c := range readNames(t).Camelize {
		in := *c[0]
		got := Camelize(in)
		if c[1] == nil {
			// Sequelize throws; we drop the trailing separators.
			want := Camelize(strings.TrimRight(in, "-_"))
			if got != want {
				t.Errorf("Camelize(%q) = %q, want %q (Sequelize throws)", in, got, want)
			}
			continue
		}
		if got != *c[1] {
			t.Errorf("Camelize(%q) = %q, Sequelize gives %q", in, got, *c[1])
		}
	}
}

func TestCamelizeThrowingInputs(t *testing.T) {
	for in, want := range map[string]string{
		"user_": "user", "user-": "user", "user__": "user", "x_y_": "xY", "_": "", "-": "", "__": "",
		"a_b _ ": "aB", // trimmed first, then "a_b _" ends with '_'
	} {
		if got := Camelize(in); got != want {
			t.Errorf("Camelize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIfGolden(t *testing.T) {
	n := readNames(t)
	for _, c := range n.UnderscoredIf {
		if got := UnderscoredIf(c.In, c.Cond); got != c.Out {
			t.Errorf("UnderscoredIf(%q, %v) = %q, Sequelize gives %q", c.In, c.Cond, got, c.Out)
		}
	}
	for _, c := range n.CamelizeIf {
		if got := CamelizeIf(c.In, c.Cond); got != c.Out {
			t.Errorf("CamelizeIf(%q, %v) = %q, Sequelize gives %q", c.In, c.Cond, got, c.Out)
		}
	}
}

func TestIndexNameGolden(t *testing.T) {
	n := readNames(t)
	for _, c := range n.IndexName {
		if got := IndexName(c.Table, c.Fields); got != c.Name {
			t.Errorf("IndexName(%q, %q) = %q, Sequelize gives %q (model %q)", c.Table, c.Fields, got, c.Name, c.Model)
		}
	}
	for _, c := range n.AddIndexName {
		if got := AddIndexName(c.Table, c.Fields); got != c.Name {
			t.Errorf("AddIndexName(%q, %q) = %q, Sequelize gives %q", c.Table, c.Fields, got, c.Name)
		}
	}
}

func TestUniqueKeyNameGolden(t *testing.T) {
	for _, c := range readNames(t).UniqueKeyName {
		if got := UniqueKeyName(c.Table, c.Attr); got != c.Name {
			t.Errorf("UniqueKeyName(%q, %q) = %q, Sequelize gives %q (model %q)", c.Table, c.Attr, got, c.Name, c.Model)
		}
	}
}

// TestModelNamingGolden composes the functions the way Sequelize's
// Model.init and associations do (see the package comment) and compares
// with the names of real models defined with npm Sequelize.
func TestModelNamingGolden(t *testing.T) {
	for _, m := range readNames(t).Models {
		got := modelNaming{
			Name:                m.Name,
			Underscored:         m.Underscored,
			TableName:           UnderscoredIf(Pluralize(m.Name), m.Underscored),
			Singular:            Singularize(m.Name),
			Plural:              Pluralize(m.Name),
			BelongsToForeignKey: Camelize(Singularize(m.Name) + "_" + "id"),
			HasManyForeignKey:   Camelize(Singularize(m.Name) + "_" + "id"),
			TimestampFields:     []string{UnderscoredIf("createdAt", m.Underscored), UnderscoredIf("updatedAt", m.Underscored)},
		}
		got.BelongsToField = UnderscoredIf(got.BelongsToForeignKey, m.Underscored)
		gb, _ := json.Marshal(got)
		wb, _ := json.Marshal(m)
		if string(gb) != string(wb) {
			t.Errorf("model %q underscored=%v:\n got %s\nwant %s", m.Name, m.Underscored, gb, wb)
		}
	}
}

func TestNamingExamples(t *testing.T) {
	for _, c := range []struct{ fn, in, got, want string }{
		{"Underscore", "createdAt", Underscore("createdAt"), "created_at"},
		{"Underscore", "UserId", Underscore("UserId"), "user_id"},
		{"Underscore", "UserID", Underscore("UserID"), "user_i_d"},
		{"Underscore", "HTTPServer", Underscore("HTTPServer"), "h_t_t_p_server"},
		{"Underscore", "Admin::UserGroup", Underscore("Admin::UserGroup"), "admin/user_group"},
		{"Camelize", "User_id", Camelize("User_id"), "UserId"},
		{"Camelize", "group_id", Camelize("group_id"), "groupId"},
		{"Camelize", " user id ", Camelize(" user id "), "userId"},
		{"IndexName", "Users email createdAt", IndexName("Users", []string{"email", "createdAt"}), "users_email_created_at"},
		{"IndexName", "Users UserId", IndexName("Users", []string{"UserId"}), "users__user_id"},
		{"AddIndexName", "public.Users email", AddIndexName("public.Users", []string{"email"}), "public__users_email"},
		{"UniqueKeyName", "Users email", UniqueKeyName("Users", "email"), "Users_email_unique"},
	} {
		if c.got != c.want {
			t.Errorf("%s(%q) = %q, want %q", c.fn, c.in, c.got, c.want)
		}
	}
}

func TestAttributeName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"ID", "id"},
		{"Id", "id"},
		{"GroupID", "groupId"},
		{"UserID", "userId"},
		{"FirstName", "firstName"},
		{"HTTPServer", "httpServer"},
		{"URL", "url"},
		{"UserURL", "userUrl"},
		{"URLPath", "urlPath"},
		{"CreatedAt", "createdAt"},
		{"UpdatedAt", "updatedAt"},
		{"DeletedAt", "deletedAt"},
		{"Name", "name"},
		{"A", "a"},
		{"AB", "ab"},
		{"ABc", "aBc"},
		{"JSONData", "jsonData"},
		{"APIKey", "apiKey"},
		{"Field2", "field2"},
		{"Address2Line", "address2Line"},
		{"OAuth2Token", "oAuth2Token"},
		{"IDs", "iDs"},
		{"User_ID", "user_Id"},
		{"already", "already"},
		{"ÄpfelSaft", "äpfelSaft"},
		{"ÉTÉ", "été"},
	} {
		if got := AttributeName(c.in); got != c.want {
			t.Errorf("AttributeName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestJSToLower(t *testing.T) {
	for in, want := range map[string]string{
		"":        "",
		"abc":     "abc",
		"AbC":     "abc",
		"İ":       "i\u0307",
		"ΟΔΟΣ":    "οδος",
		"ΟΔΟΣ ΑΒ": "οδος αβ",
		"ΣΑ":      "σα",
		"Σ":       "σ",
		"\xffA":   "\xffa",
	} {
		if got := jsToLower(in); got != want {
			t.Errorf("jsToLower(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzUnderscore(f *testing.F) {
	for _, s := range []string{"", "createdAt", "HTTPServer", "A::B", "_x", "ΑΣ", "İ", "\xff\xfe", "::"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u := Underscore(s)
		if utf8.ValidString(s) && !utf8.ValidString(u) {
			t.Errorf("Underscore(%q) = %q: invalid UTF-8", s, u)
		}
		IndexName(s, []string{s})
		AddIndexName(s, []string{s})
	})
}

func FuzzCamelize(f *testing.F) {
	for _, s := range []string{"", "user_id", "user_", " a-b c ", "a_\U00010428", "a_ß", "_\xff", "a_\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Camelize(s)
		if utf8.ValidString(s) && !utf8.ValidString(c) {
			t.Errorf("Camelize(%q) = %q: invalid UTF-8", s, c)
		}
	})
}

func FuzzAttributeName(f *testing.F) {
	for _, s := range []string{"", "ID", "GroupID", "HTTPServer", "FirstName", "ÄB", "\xff", "A\xffB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := AttributeName(s)
		if s != "" && a == "" {
			t.Errorf("AttributeName(%q) is empty", s)
		}
	})
}

// TestRandomGolden checks 2000 random strings (testdata/random.json, made by
// generate.js with a fixed seed) against npm Sequelize.
func TestRandomGolden(t *testing.T) {
	b, err := os.ReadFile("testdata/random.json")
	if err != nil {
		t.Fatal(err)
	}
	var rows [][5]*string
	if err := json.Unmarshal(b, &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) < 1000 {
		t.Fatalf("random.json: only %d rows", len(rows))
	}
	for _, r := range rows {
		s := *r[0]
		for _, c := range []struct {
			fn   string
			got  string
			want *string
		}{
			{"Pluralize", Pluralize(s), r[1]},
			{"Singularize", Singularize(s), r[2]},
			{"Underscore", Underscore(s), r[3]},
			{"Camelize", Camelize(s), r[4]},
		} {
			if c.want != nil && c.got != *c.want {
				t.Errorf("%s(%q) = %q, Sequelize gives %q", c.fn, s, c.got, *c.want)
			}
		}
	}
}
