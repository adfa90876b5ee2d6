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

// everything has one attribute per data type of the "types" case; those
// a dialect lacks are ignored per dialect.
type everything struct {
	String                  string    `sequelize:"field:string"`
	String64                string    `sequelize:"field:string64;type:STRING(64)"`
	StringBinary            string    `sequelize:"field:stringBinary;type:STRING.BINARY"`
	Char10                  string    `sequelize:"field:char10;type:CHAR(10)"`
	Text                    string    `sequelize:"field:text;type:TEXT"`
	TextLong                string    `sequelize:"field:textLong;type:TEXT('long')"`
	Integer                 int32     `sequelize:"field:integer"`
	Bigint                  int64     `sequelize:"field:bigint"`
	Smallint                int16     `sequelize:"field:smallint"`
	Tinyint                 int8      `sequelize:"field:tinyint;type:TINYINT"`
	Float                   float32   `sequelize:"field:float;type:FLOAT"`
	Double                  float64   `sequelize:"field:double"`
	Real                    float64   `sequelize:"field:real;type:REAL"`
	Decimal                 string    `sequelize:"field:decimal;type:DECIMAL"`
	Decimal10_2             string    `sequelize:"field:decimal10_2;type:DECIMAL(10,2)"`
	Boolean                 bool      `sequelize:"field:boolean"`
	Date                    time.Time `sequelize:"field:date"`
	Date6                   time.Time `sequelize:"field:date6;type:DATE(6)"`
	Dateonly                string    `sequelize:"field:dateonly;type:DATEONLY"`
	Time                    string    `sequelize:"field:time;type:TIME"`
	UUID                    string    `sequelize:"field:uuid;type:UUID;defaultValue:UUIDV4"`
	Blob                    []byte    `sequelize:"field:blob"`
	JSON                    any       `sequelize:"field:json;type:JSON"`
	EnumXY                  string    `sequelize:"field:enumXY;type:ENUM('x','y')"`
	Jsonb                   any       `sequelize:"field:jsonb;type:JSONB"`
	ArrayInteger            []int32   `sequelize:"field:arrayInteger;type:ARRAY(INTEGER)"`
	RangeDate               string    `sequelize:"field:rangeDate;type:RANGE(DATE)"`
	Inet                    string    `sequelize:"field:inet;type:INET"`
	Cidr                    string    `sequelize:"field:cidr;type:CIDR"`
	Macaddr                 string    `sequelize:"field:macaddr;type:MACADDR"`
	Citext                  string    `sequelize:"field:citext;type:CITEXT"`
	Tsvector                string    `sequelize:"field:tsvector;type:TSVECTOR"`
	Hstore                  any       `sequelize:"field:hstore;type:HSTORE"`
	IntegerUnsignedZerofill uint32    `sequelize:"field:integerUnsignedZerofill;type:INTEGER.UNSIGNED.ZEROFILL"`
	Mediumint               int32     `sequelize:"field:mediumint;type:MEDIUMINT"`
	CreatedAt               time.Time
	UpdatedAt               time.Time
}

type profile struct {
	Name      string
	Email     string
	FirstName string
	LastName  string
	Score     int32
	Status    string
	Bio       string `sequelize:"type:TEXT"`
	Data      any    `sequelize:"type:JSONB"`
}

func ignore(names ...string) map[string]AttributeOptions {
	out := map[string]AttributeOptions{}
	for _, n := range names {
		out[n] = AttributeOptions{Ignore: true}
	}
	return out
}

type seedUserGroup struct {
	ID        int64
	Name      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

type seedUser struct {
	ID        int64
	Username  string
	FirstName string
	LastName  string
	GroupID   *int64
	Group     *seedUserGroup
	CreatedAt time.Time
	UpdatedAt time.Time
}

type asnA struct {
	ID        int64
	Name      string
	CreatedAt time.Time
	UpdatedAt time.Time
}
type asnB struct {
	ID        int64
	Name      string
	CreatedAt time.Time
	UpdatedAt time.Time
	AID       *int64
}
type asnLog struct {
	ID        int64
	Message   string
	CreatedAt time.Time
	UpdatedAt time.Time
	AID       *int64
}
type asnComment struct {
	ID        int64
	Body      string
	CreatedAt time.Time
	UpdatedAt time.Time
	AID       *int64
}
type asnPerson struct {
	ID        int64
	Name      string
	CreatedAt time.Time
	UpdatedAt time.Time
	ParentID  *int64
}

type thrContribution struct {
	Role      string `sequelize:"allowNull:false;defaultValue:'member'"`
	Commits   int32
	CreatedAt time.Time
	UpdatedAt time.Time
	DevID     int64
	RepoID    int64
}
type thrMembership struct {
	ID        int32 `sequelize:"type:INTEGER;primaryKey;autoIncrement;allowNull:true"`
	CreatedAt time.Time
	UpdatedAt time.Time
	DevID     int64
	RepoID    int64
}

type goldenCase struct {
	file   string
	define func(db *DB)
}

var goldenCases = []goldenCase{
	{"associations", func(db *DB) {
		a := Define[asnA](db, ModelOptions{ModelName: "A"})
		b := Define[asnB](db, ModelOptions{ModelName: "B"})
		c := Define[asnB](db, ModelOptions{ModelName: "C"})
		HasOne(a, b)
		HasMany(a, c, AssociationOptions{OnDelete: "CASCADE"})
		BelongsTo(c, a)
		d := Define[asnA](db, ModelOptions{ModelName: "D"})
		e := Define[asnA](db, ModelOptions{ModelName: "E"})
		BelongsToMany(d, e, BelongsToManyOptions{Through: "DE"})
		p := Define[asnPerson](db, ModelOptions{ModelName: "Person"})
		BelongsTo(p, p, AssociationOptions{As: "parent"})
		BelongsToMany(p, p, BelongsToManyOptions{AssociationOptions: AssociationOptions{As: "friends"}, Through: "Friendship"})
		l := Define[asnLog](db, ModelOptions{ModelName: "Log"})
		BelongsTo(l, a, AssociationOptions{Constraints: Bool(false)})
		cm := Define[asnComment](db, ModelOptions{ModelName: "Comment", Underscored: true})
		BelongsTo(cm, a)
	}},
	{"through", func(db *DB) {
		dev := Define[asnA](db, ModelOptions{ModelName: "Dev"})
		repo := Define[asnA](db, ModelOptions{ModelName: "Repo"})
		con := Define[thrContribution](db, ModelOptions{ModelName: "Contribution"})
		BelongsToMany(dev, repo, BelongsToManyOptions{ThroughModel: con})
		BelongsToMany(repo, dev, BelongsToManyOptions{ThroughModel: con})
		mem := Define[thrMembership](db, ModelOptions{ModelName: "Membership"})
		BelongsToMany(dev, repo, BelongsToManyOptions{ThroughModel: mem, AssociationOptions: AssociationOptions{As: "memberRepos"}})
		BelongsToMany(dev, repo, BelongsToManyOptions{Through: "Stars", ThroughParanoid: true, AssociationOptions: AssociationOptions{As: "starred"}})
	}},
	{"seed", func(db *DB) {
		users := Define[seedUser](db, ModelOptions{ModelName: "User"})
		groups := Define[seedUserGroup](db, ModelOptions{ModelName: "UserGroup"})
		BelongsTo(users, groups, AssociationOptions{As: "group", ForeignKey: "groupId"})
	}},
	{"types", func(db *DB) {
		pgOnly := []string{"Jsonb", "ArrayInteger", "RangeDate", "Inet", "Cidr", "Macaddr", "Citext", "Tsvector", "Hstore"}
		myOnly := []string{"IntegerUnsignedZerofill", "Mediumint"}
		var drop []string
		switch db.dialect.Name() {
		case "postgres":
			drop = append(myOnly, "Tinyint")
		case "sqlite":
			drop = append(pgOnly, myOnly...)
		default:
			drop = pgOnly
		}
		Define[everything](db, ModelOptions{ModelName: "Everything", Attributes: ignore(drop...)})
	}},
	{"indexes", func(db *DB) {
		ix := []IndexOptions{
			{Fields: []IndexField{{Attribute: "name"}}},
			{Name: "profiles_full_name_unique", Unique: true, Fields: []IndexField{{Attribute: "firstName"}, {Attribute: "lastName"}}},
			{Fields: []IndexField{{Attribute: "score", Order: "DESC"}}},
		}
		var drop []string
		switch db.dialect.Name() {
		case "postgres":
			ix = append(ix, IndexOptions{Using: "GIN", Fields: []IndexField{{Attribute: "data"}}},
				IndexOptions{Fields: []IndexField{{Attribute: "status"}}, Where: Where{"status": "active"}})
		case "sqlite":
			ix = append(ix, IndexOptions{Fields: []IndexField{{Attribute: "status"}}, Where: Where{"status": "active"}})
			drop = []string{"Data"}
		default:
			ix = append(ix, IndexOptions{Fields: []IndexField{{Attribute: "email", Length: 10}}},
				IndexOptions{Type: "FULLTEXT", Fields: []IndexField{{Attribute: "bio"}}})
			drop = []string{"Data"}
		}
		Define[profile](db, ModelOptions{ModelName: "Profile", Indexes: ix, Attributes: ignore(drop...)})
	}},
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
			strings.HasPrefix(line, "CREATE UNIQUE INDEX"), strings.HasPrefix(line, "ALTER TABLE") && strings.Contains(line, " INDEX "):
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
