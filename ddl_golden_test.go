package sequelize

import (
	"bufio"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gosequelize/sequelize/dialect"
	_ "github.com/gosequelize/sequelize/dialect/mysqldialect"
	_ "github.com/gosequelize/sequelize/dialect/pgdialect"
	_ "github.com/gosequelize/sequelize/dialect/sqlitedialect"
)

// The models of testdata/oracle/CASES.md, declared in Go. The golden
// files hold the DDL real Sequelize 6.37.8 ran for the same models.

type goldenUser struct {
	ID        int64
	Username  string
	FirstName string
	LastName  string
	CreatedAt time.Time
	UpdatedAt time.Time
}

type refUser struct {
	ID        int64
	Email     string `sequelize:"unique;allowNull:false"`
	Status    string `sequelize:"type:ENUM('a','b')"`
	Score     string `sequelize:"type:DECIMAL(10,2);defaultValue:0"`
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
}

type refTask struct {
	ID        int64
	Title     string
	CreatedAt time.Time
	UpdatedAt time.Time
	Version   int
	UserID    *int64 `sequelize:"type:INTEGER;field:user_id;references:Users.id;onDelete:SET NULL;onUpdate:CASCADE"`
}

type optPerson struct{ Name string }
type optCustomer struct{ Name string }
type optArticle struct {
	Headline   string
	AuthorName string
}
type optNote struct {
	Body string `sequelize:"type:TEXT"`
}
type optPost struct{ Title string }
type optContact struct {
	Email string `sequelize:"field:e_mail"`
	Phone string `sequelize:"comment:primary phone number"`
}
type optSetting struct {
	Kind      string    `sequelize:"allowNull:false;defaultValue:'x'"`
	StartsAt  time.Time `sequelize:"defaultValue:NOW"`
	StampedAt time.Time
}
type optAccount struct {
	FirstName string `sequelize:"unique:compositeName"`
	LastName  string `sequelize:"unique:compositeName"`
	Login     string `sequelize:"unique:u_named"`
}

type keyProduct struct {
	Code string `sequelize:"primaryKey"`
	Name string
}
type keyMembership struct {
	UserID  int32 `sequelize:"type:INTEGER;primaryKey"`
	GroupID int32 `sequelize:"type:INTEGER;primaryKey"`
	Role    string
}
type keyDocument struct {
	ID    string `sequelize:"type:UUID;primaryKey;defaultValue:UUIDV4"`
	Title string
}

type keyCounter struct {
	ID    int32 `sequelize:"type:INTEGER;primaryKey;autoIncrementIdentity"`
	Label string
}

type goldenCase struct {
	file   string
	define func(db *DB)
}

var goldenCases = []goldenCase{
	{"basic", func(db *DB) { Define[goldenUser](db, ModelOptions{ModelName: "User"}) }},
	{"reference", func(db *DB) {
		Define[refUser](db, ModelOptions{ModelName: "User", Paranoid: true, Indexes: []IndexOptions{{Fields: []IndexField{{Attribute: "score"}}}}})
		Define[refTask](db, ModelOptions{ModelName: "Task", Underscored: true, Version: "version"})
	}},
	{"options", func(db *DB) {
		Define[optPerson](db, ModelOptions{ModelName: "Person", FreezeTableName: true})
		Define[optCustomer](db, ModelOptions{ModelName: "Customer", TableName: "custom_people"})
		Define[optArticle](db, ModelOptions{ModelName: "Article", Underscored: true, CreatedAt: "created", UpdatedAt: "-"})
		Define[optNote](db, ModelOptions{ModelName: "Note", Timestamps: Bool(false)})
		Define[optPost](db, ModelOptions{ModelName: "Post", Paranoid: true, DeletedAt: "removedAt"})
		Define[optContact](db, ModelOptions{ModelName: "Contact", Comment: "address book entries"})
		Define[optSetting](db, ModelOptions{ModelName: "Setting", Attributes: map[string]AttributeOptions{
			"stampedAt": {DefaultValue: Literal("CURRENT_TIMESTAMP")}}})
		Define[optAccount](db, ModelOptions{ModelName: "Account"})
	}},
	{"keys", func(db *DB) {
		Define[keyProduct](db, ModelOptions{ModelName: "Product"})
		Define[keyMembership](db, ModelOptions{ModelName: "Membership"})
		Define[keyDocument](db, ModelOptions{ModelName: "Document"})
		if db.dialect.Name() == "postgres" {
			Define[keyCounter](db, ModelOptions{ModelName: "Counter"})
		}
	}},
}

var goldenURIs = map[string]string{
	"postgres": "postgres://x@127.0.0.1:1/golden",
	"mysql":    "mysql://x@127.0.0.1:1/golden",
	"mariadb":  "mariadb://x@127.0.0.1:1/golden",
	"sqlite":   "sqlite::memory:",
}

// goldenDDL reads the CREATE TABLE and index statements of a golden file,
// keyed by the order they appear in.
func goldenDDL(t *testing.T, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no golden file: %v", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "CREATE TABLE"), strings.HasPrefix(line, "CREATE INDEX"),
			strings.HasPrefix(line, "CREATE UNIQUE INDEX"), strings.Contains(line, " ADD INDEX "), strings.Contains(line, " ADD UNIQUE INDEX "):
			out = append(out, line)
		}
	}
	return out
}

func TestDDLMatchesSequelize(t *testing.T) {
	for _, gc := range goldenCases {
		for name, uri := range goldenURIs {
			t.Run(gc.file+"."+name, func(t *testing.T) {
				want := goldenDDL(t, "testdata/oracle/"+gc.file+"."+name+".sql")
				db, err := Open(context.Background(), uri)
				if err != nil {
					t.Fatal(err)
				}
				defer db.Close()
				ddl, ok := db.dialect.(dialect.DDL)
				if !ok {
					t.Skip("dialect has no DDL yet")
				}
				gc.define(db)
				models, err := db.sortedModels()
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, m := range models {
					td, err := db.tableDef(m)
					if err != nil {
						t.Fatal(err)
					}
					stmts, err := ddl.CreateTableSQL(td)
					if err != nil {
						t.Fatal(err)
					}
					for _, s := range stmts {
						if strings.HasPrefix(s, "CREATE TABLE") {
							got = append(got, s)
						}
					}
					for _, ix := range m.indexes {
						def, err := db.indexDef(m, ix)
						if err != nil {
							t.Fatal(err)
						}
						s, err := ddl.AddIndexSQL(m.schema, m.table, def)
						if err != nil {
							t.Fatal(err)
						}
						got = append(got, s)
					}
				}
				if len(got) != len(want) {
					t.Fatalf("%d statements, want %d:\ngot:\n%s\nwant:\n%s", len(got), len(want), strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
				for i := range want {
					g := strings.TrimSuffix(got[i], ";")
					w := strings.TrimSuffix(want[i], ";")
					if g != w {
						t.Errorf("statement %d:\ngot:  %s\nwant: %s", i, g, w)
					}
				}
			})
		}
	}
}
