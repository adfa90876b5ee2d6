package query_test

import (
	"database/sql"
	"errors"
	"log/slog"
	"regexp"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
)

// mqUser is the User model the beforeEach of model/findOne.test.js,
// model/findAll.test.js and model.test.js defines. The attributes that JS
// leaves NULL and whose NULL the cases observe (a where on intVal or aBool
// must not match rows that never set them) are pointers.
type mqUser struct {
	ID          int64
	Username    string
	SecretValue string
	Data        string
	IntVal      *int64
	TheDate     *time.Time
	ABool       *bool
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// mqSetupUser defines User and syncs it (the files' outer beforeEach).
func mqSetupUser(c *C) *sequelize.Model[mqUser] {
	c.Helper()
	users := sequelize.Define[mqUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
	c.Must(users.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
	return users
}

// mqUsername is the one-attribute User of the "supports transactions"
// cases, and of rejectOnEmpty's Test model.
type mqUsername struct {
	ID        int64
	Username  string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// mqLogger returns a logger recording the statements logged to it (a
// per-call logging option) and the record.
func mqLogger() (*slog.Logger, *stmtLog) {
	l := &stmtLog{}
	return slog.New(l), l
}

// mqNotAssociated checks the error of an include naming an association of
// another model: Sequelize's "<Model> is not associated to <Other>!".
func mqNotAssociated(c *C, err error, model, to string) {
	c.Helper()
	var e *sequelize.EagerLoadingError
	c.ErrAs(err, &e)
	c.Eq("message", err.Error(), "sequelize: "+model+" is not associated to "+to+"!")
}

// mqBadInclude checks the error of an include with no association: the Go
// form of include: [1].
func mqBadInclude(c *C, err error) {
	c.Helper()
	var e *sequelize.EagerLoadingError
	c.ErrAs(err, &e)
}

func mqPtr[T any](v T) *T { return &v }

// The eager-loading models of findOne.test.js: Task {title} and Worker
// {name}, with the key and include fields of every association its cases
// make.
type mqTask struct {
	ID        int64
	Title     string
	WorkerID  *int64 // WorkerId: belongsTo(Worker), Worker.hasOne/hasMany(Task)
	ToDoID    *int64 // ToDoId: Worker.hasOne(Task, {as: 'ToDo'})
	DoToID    *int64
	Worker    *mqWorker
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mqWorker struct {
	ID        int64
	Name      string
	ToDoID    *int64 // ToDoId: Worker.belongsTo(Task, {as: 'ToDo'})
	DoToID    *int64
	Task      *mqTask
	ToDo      *mqTask
	DoTo      *mqTask
	Tasks     []*mqTask
	ToDos     []*mqTask
	DoTos     []*mqTask
	CreatedAt time.Time
	UpdatedAt time.Time
}

// mqEager is the eager loading describe's models and its init: the rows
// worker and task.
type mqEager struct {
	tasks   *sequelize.Model[mqTask]
	workers *sequelize.Model[mqWorker]
	worker  *mqWorker
	task    *mqTask
}

func mqEagerModels(c *C, taskName, workerName string) *mqEager {
	return &mqEager{
		tasks:   sequelize.Define[mqTask](c.DB, sequelize.ModelOptions{ModelName: taskName}),
		workers: sequelize.Define[mqWorker](c.DB, sequelize.ModelOptions{ModelName: workerName}),
	}
}

// init syncs and creates the worker and the task (this.init).
func (e *mqEager) init(c *C) {
	c.Helper()
	c.Sync()
	e.worker, e.task = &mqWorker{Name: "worker"}, &mqTask{Title: "homework"}
	c.Must(e.workers.Create(c.Ctx, e.worker))
	c.Must(e.tasks.Create(c.Ctx, e.task))
}

type mqUserPrimary struct {
	Specialkey string `sequelize:"primaryKey"`
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

type mqUserIdentifier struct {
	Identifier string `sequelize:"primaryKey"`
	Name       string
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

type mqUserStringID struct {
	ID        string `sequelize:"primaryKey"`
	Name      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mqUserBigID struct {
	ID        int64 `sequelize:"type:BIGINT;primaryKey"`
	Name      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// mqUserCapital has Sequelize's attributes ID and Login: the columns are
// named so.
type mqUserCapital struct {
	ID        int64  `sequelize:"field:ID;type:INTEGER;primaryKey;autoIncrement"`
	Login     string `sequelize:"field:Login"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mqBitUser struct {
	ID   int64
	Bool bool
}

type mqUserBoolean struct {
	ID        int64
	Active    *bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mqUserCitext struct {
	ID        int64
	Username  string `sequelize:"type:CITEXT"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mqUserTsvector struct {
	ID        int64
	Username  string `sequelize:"type:TSVECTOR"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

// mqCitext creates PostgreSQL's citext extension, which Sequelize's test
// databases have and CITEXT needs.
func mqCitext(c *C) {
	c.Helper()
	if c.Dialect == "postgres" {
		_, err := c.DB.Query(c.Ctx, "CREATE EXTENSION IF NOT EXISTS citext")
		c.Must(err)
	}
}

type mqDomain struct {
	ID        int64
	IP        string `sequelize:"field:ip"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mqEnvironment struct {
	ID              int64
	Name            string
	PrivateDomainID *int64 // privateDomainId
	PublicDomainID  *int64 // publicDomainId
	PrivateDomain   *mqDomain
	PublicDomain    *mqDomain
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

// The string-keyed models of the "eager loads with non-id primary keys"
// cases.
type mqUserPK struct {
	Username               string `sequelize:"primaryKey"`
	GroupPKeagerbelongName *string
	GroupPKeageroneName    *string
	GroupPKeagerbelong     *mqGroupPK
	GroupPKeagerones       []*mqGroupPK
	CreatedAt              time.Time
	UpdatedAt              time.Time
}

type mqGroupPK struct {
	Name           string `sequelize:"primaryKey"`
	UserPKeagerone *mqUserPK
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

type mqMsgUser struct {
	ID        int64 `sequelize:"type:INTEGER;primaryKey;autoIncrement"`
	Username  string
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mqMessage struct {
	ID        int64  `sequelize:"type:INTEGER;primaryKey;autoIncrement"`
	User_id   *int64 `sequelize:"type:INTEGER"` //nolint:revive // Sequelize's attribute user_id
	Message   string
	UserID    *int64 // UserId: User.hasMany(Message)
	User      *mqMsgUser
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mqContact struct {
	ID           int64
	Name         string
	Photos       []*mqPhoto
	PhoneNumbers []*mqPhoneNumber
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

type mqPhoto struct {
	ID        int64
	Img       string `sequelize:"type:TEXT"`
	ContactID *int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mqPhoneNumber struct {
	ID        int64
	Phone     string `sequelize:"type:TEXT"`
	ContactID *int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mqProduct struct {
	ID        int64
	Title     string
	Tags      []*mqTag
	CreatedAt time.Time
	UpdatedAt time.Time
}

type mqTag struct {
	ID        int64
	Name      string
	Products  []*mqProduct
	CreatedAt time.Time
	UpdatedAt time.Time
}

// mqProductTag is define('product_tag'): no attributes of its own.
type mqProductTag struct {
	ProductID int64
	TagID     int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

var _ = listed(
	difference{
		File: "model/findOne.test.js", Title: "findOne/general / basic function/should make aliased attributes available", Kind: deliberate,
		Instead: "FindOne and FindAll fill struct fields only: an As alias that names no attribute is refused with a QueryError pointing to FindAllRaw, whose rows carry the aliased value under its alias.",
		Why:     "A struct has no place for a value under a new name; Sequelize keeps it in dataValues. Refusing beats dropping it silently.",
	},
	difference{
		File: "model/findOne.test.js", Title: "findOne/eager loading/hasOne with alias/alias/throws an error indicating an incorrect alias was entered if an association and alias exist but the alias doesn't match", Kind: goCannot,
		Why: "An Include names its association, which carries its alias: there is no model-plus-alias form whose alias could be wrong.",
	},
	difference{
		File: "model/findOne.test.js", Title: "findOne/eager loading/hasMany with alias/alias/throws an error indicating an incorrect alias was entered if an association and alias exist but the alias doesn't match", Kind: goCannot,
		Why: "An Include names its association, which carries its alias: there is no model-plus-alias form whose alias could be wrong.",
	},
)

func TestModelFindOne(t *testing.T) {
	js := port(t, "model/findOne.test.js")
	js.Describe("findOne", func(js *suite) {
		js.It("supports transactions", func(c *C) {
			c.File()
			users := sequelize.Define[mqUsername](c.DB, sequelize.ModelOptions{ModelName: "User"})
			c.Sync()
			tx, err := c.DB.Begin(c.Ctx)
			c.Must(err)
			defer tx.Rollback(c.Ctx)
			c.Must(users.Create(c.Ctx, &mqUsername{Username: "foo"}, sequelize.CreateOptions{Transaction: tx}))
			user1, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "foo"}})
			c.Must(err)
			user2, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "foo"}, Transaction: tx})
			c.Must(err)
			c.Eq("user1", user1, (*mqUsername)(nil))
			if user2 == nil {
				c.Fatal("user2 = nil inside the transaction")
			}
		})

		js.Describe("general / basic function", func(js *suite) {
			// beforeEach: the user barfooz, and UserPrimary {specialkey: 'a string'}.
			setup := func(c *C) (*sequelize.Model[mqUser], *sequelize.Model[mqUserPrimary], *mqUser) {
				c.Helper()
				users := mqSetupUser(c)
				user := &mqUser{Username: "barfooz"}
				c.Must(users.Create(c.Ctx, user))
				prim := sequelize.Define[mqUserPrimary](c.DB, sequelize.ModelOptions{ModelName: "UserPrimary"})
				c.Must(prim.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				c.Must(prim.Create(c.Ctx, &mqUserPrimary{Specialkey: "a string"}))
				return users, prim, user
			}

			js.It("allows bit fields as booleans", func(c *C) {
				c.Only("mysql")
				setup(c)
				// The BIT(1) column, made as JS makes it with a first
				// definition; then the model that reads it as BOOLEAN.
				_, err := c.DB.Query(c.Ctx, "CREATE TABLE `bitusers` (`id` INTEGER NOT NULL auto_increment, `bool` BIT(1), PRIMARY KEY (`id`))")
				c.Must(err)
				bits := sequelize.Define[mqBitUser](c.DB, sequelize.ModelOptions{ModelName: "bituser", Timestamps: sequelize.Bool(false)})
				c.Must(bits.BulkCreate(c.Ctx, []*mqBitUser{{Bool: false}, {Bool: true}}))
				list, err := bits.FindAll(c.Ctx, sequelize.FindOptions{Order: sequelize.Order{{"id"}}})
				c.Must(err)
				c.Eq("rows", len(list), 2)
				c.Eq("bool 0", list[0].Bool, false)
				c.Eq("bool 1", list[1].Bool, true)
			})

			js.It("treats questionmarks in an array", func(c *C) {
				_, prim, _ := setup(c)
				logger, log := mqLogger()
				u, err := prim.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"specialkey": "awesome"}, Logging: logger})
				c.Must(err)
				c.Eq("found", u, (*mqUserPrimary)(nil))
				if log.Count(`WHERE ["`+"`"+`]UserPrimary["`+"`"+`]\.["`+"`"+`]specialkey["`+"`"+`] = `) != 1 {
					c.Fatalf("logged %v, want the SELECT with its where on UserPrimary.specialkey", log)
				}
			})

			js.It("doesn't throw an error when entering in a non integer value for a specified primary field", func(c *C) {
				_, prim, _ := setup(c)
				u, err := prim.FindByPK(c.Ctx, "a string")
				c.Must(err)
				c.Eq("specialkey", u.Specialkey, "a string")
			})

			js.It("returns a single dao", func(c *C) {
				users, _, user := setup(c)
				u, err := users.FindByPK(c.Ctx, user.ID)
				c.Must(err)
				c.Eq("id", u.ID, user.ID)
				c.Eq("id", u.ID, 1)
			})

			js.It("returns a single dao given a string id", func(c *C) {
				users, _, user := setup(c)
				u, err := users.FindByPK(c.Ctx, "1")
				c.Must(err)
				c.Eq("id", u.ID, user.ID)
				c.Eq("id", u.ID, 1)
			})

			js.Differs("should make aliased attributes available", func(c *C) {
				users, _, _ := setup(c)
				o := sequelize.FindOptions{Where: sequelize.Where{"id": 1}, Attributes: []any{"id", sequelize.As("username", "name")}}
				_, err := users.FindOne(c.Ctx, o)
				var qe *sequelize.QueryError
				c.ErrAs(err, &qe)
				if !regexp.MustCompile(`"name".*FindAllRaw`).MatchString(err.Error()) {
					c.Fatalf("err = %v, want it to name the alias and FindAllRaw", err)
				}
				rows, err := users.FindAllRaw(c.Ctx, o)
				c.Must(err)
				c.Eq("rows", len(rows), 1)
				c.Eq("name", rows[0]["name"], "barfooz")
			})

			js.It("should fail with meaningful error message on invalid attributes definition", func(c *C) {
				users, _, _ := setup(c)
				_, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": 1}, Attributes: []any{"id", []any{"username"}}})
				var qe *sequelize.QueryError
				c.ErrAs(err, &qe)
				if !regexp.MustCompile(`\[username\].*sequelize\.As`).MatchString(err.Error()) {
					c.Fatalf("err = %v, want it to name [username] and the As form", err)
				}
			})

			js.It("should not try to convert boolean values if they are not selected", func(c *C) {
				setup(c)
				ub := sequelize.Define[mqUserBoolean](c.DB, sequelize.ModelOptions{ModelName: "UserBoolean"})
				c.Must(ub.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				u := &mqUserBoolean{Active: mqPtr(true)}
				c.Must(ub.Create(c.Ctx, u))
				u0, err := ub.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": u.ID}, Attributes: []any{"id"}})
				c.Must(err)
				c.Eq("id", u0.ID, u.ID)
				c.Eq("active", u0.Active, (*bool)(nil))
			})

			js.It("finds a specific user via where option", func(c *C) {
				users, _, _ := setup(c)
				u, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "barfooz"}})
				c.Must(err)
				c.Eq("username", u.Username, "barfooz")
			})

			js.It("doesn't find a user if conditions are not matching", func(c *C) {
				users, _, _ := setup(c)
				u, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "foo"}})
				c.Must(err)
				c.Eq("user", u, (*mqUser)(nil))
			})

			js.It("allows sql logging", func(c *C) {
				users, _, _ := setup(c)
				logger, log := mqLogger()
				_, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "foo"}, Logging: logger})
				c.Must(err)
				c.Eq("SELECTs logged", log.Count(`SELECT`), 1)
			})

			js.It("ignores passed limit option", func(c *C) {
				users, _, _ := setup(c)
				u, err := users.FindOne(c.Ctx, sequelize.FindOptions{Limit: 10})
				c.Must(err)
				c.Eq("username", u.Username, "barfooz")
			})

			js.It("finds entries via primary keys", func(c *C) {
				setup(c)
				up := sequelize.Define[mqUserIdentifier](c.DB, sequelize.ModelOptions{ModelName: "UserWithPrimaryKey"})
				c.Must(up.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				c.Must(up.Create(c.Ctx, &mqUserIdentifier{Identifier: "an identifier", Name: "John"}))
				for _, a := range up.Attributes() {
					if a == "id" {
						c.Fatalf("attributes %v: no id when another primary key is given", up.Attributes())
					}
				}
				u2, err := up.FindByPK(c.Ctx, "an identifier")
				c.Must(err)
				c.Eq("identifier", u2.Identifier, "an identifier")
				c.Eq("name", u2.Name, "John")
			})

			js.It("finds entries via a string primary key called id", func(c *C) {
				setup(c)
				up := sequelize.Define[mqUserStringID](c.DB, sequelize.ModelOptions{ModelName: "UserWithPrimaryKey"})
				c.Must(up.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				c.Must(up.Create(c.Ctx, &mqUserStringID{ID: "a string based id", Name: "Johnno"}))
				u2, err := up.FindByPK(c.Ctx, "a string based id")
				c.Must(err)
				c.Eq("id", u2.ID, "a string based id")
				c.Eq("name", u2.Name, "Johnno")
			})

			js.It("finds entries via a bigint primary key called id", func(c *C) {
				setup(c)
				up := sequelize.Define[mqUserBigID](c.DB, sequelize.ModelOptions{ModelName: "UserWithPrimaryKey"})
				c.Must(up.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				const big = 9007199254740993 // 2^53 + 1: not a float64
				c.Must(up.Create(c.Ctx, &mqUserBigID{ID: big, Name: "Johnno"}))
				u2, err := up.FindByPK(c.Ctx, int64(big))
				c.Must(err)
				c.Eq("name", u2.Name, "Johnno")
				c.Eq("id", u2.ID, int64(big))
			})

			js.It("always honors ZERO as primary key", func(c *C) {
				users, _, _ := setup(c)
				c.Must(users.BulkCreate(c.Ctx, []*mqUser{{Username: "jack"}, {Username: "jack"}}))
				for _, perm := range []any{0, "0"} {
					logger, log := mqLogger()
					u, err := users.FindByPK(c.Ctx, perm, sequelize.FindOptions{Logging: logger})
					c.Must(err)
					c.Eq("user", u, (*mqUser)(nil))
					c.Eq("queries for key "+log.String(), len(log.All()), 1)
				}
			})

			js.It("should allow us to find IDs using capital letters", func(c *C) {
				setup(c)
				uc := sequelize.Define[mqUserCapital](c.DB, sequelize.ModelOptions{ModelName: "UserCapital"})
				c.Must(uc.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				c.Must(uc.Create(c.Ctx, &mqUserCapital{Login: "foo"}))
				u, err := uc.FindByPK(c.Ctx, 1)
				c.Must(err)
				c.Eq("ID", u.ID, 1)
				c.Eq("Login", u.Login, "foo")
			})

			js.It("should allow case-insensitive find on CITEXT type", func(c *C) {
				c.Only("postgres", "sqlite")
				setup(c)
				mqCitext(c)
				ci := sequelize.Define[mqUserCitext](c.DB, sequelize.ModelOptions{ModelName: "UserWithCaseInsensitiveName"})
				c.Must(ci.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				c.Must(ci.Create(c.Ctx, &mqUserCitext{Username: "longUserNAME"}))
				u, err := ci.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "LONGusername"}})
				c.Must(err)
				if u == nil {
					c.Fatal("no user found case-insensitively")
				}
				c.Eq("username", u.Username, "longUserNAME")
			})

			js.It("should allow case-sensitive find on TSVECTOR type", func(c *C) {
				c.Only("postgres")
				setup(c)
				ts := sequelize.Define[mqUserTsvector](c.DB, sequelize.ModelOptions{ModelName: "UserWithCaseInsensitiveName"})
				c.Must(ts.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				c.Must(ts.Create(c.Ctx, &mqUserTsvector{Username: "longUserNAME"}))
				u, err := ts.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "longUserNAME"}})
				c.Must(err)
				if u == nil {
					c.Fatal("no user found")
				}
				c.Eq("username", u.Username, "'longUserNAME'")
			})
		})

		js.Describe("eager loading", func(js *suite) {
			js.Describe("belongsTo", func(js *suite) {
				js.Describe("generic", func(js *suite) {
					js.It("throws an error about unexpected input if include contains a non-object", func(c *C) {
						mqSetupUser(c)
						e := mqEagerModels(c, "Task", "Worker")
						e.init(c)
						_, err := e.workers.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{}}})
						mqBadInclude(c, err)
					})

					js.It("throws an error if included DaoFactory is not associated", func(c *C) {
						mqSetupUser(c)
						e := mqEagerModels(c, "Task", "Worker")
						// The association a Go caller could pass by mistake:
						// Task's, not Worker's.
						worker := sequelize.BelongsTo(e.tasks, e.workers)
						e.init(c)
						_, err := e.workers.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: worker}}})
						mqNotAssociated(c, err, "Task", "Worker")
					})

					js.It("returns the associated worker via task.worker", func(c *C) {
						mqSetupUser(c)
						e := mqEagerModels(c, "Task", "Worker")
						worker := sequelize.BelongsTo(e.tasks, e.workers)
						e.init(c)
						c.Must(worker.Set(c.Ctx, e.task, e.worker))
						task, err := e.tasks.FindOne(c.Ctx, sequelize.FindOptions{
							Where: sequelize.Where{"title": "homework"}, Include: []sequelize.Include{{Association: worker}},
						})
						c.Must(err)
						if task == nil || task.Worker == nil {
							c.Fatalf("task = %+v, want its Worker", task)
						}
						c.Eq("worker name", task.Worker.Name, "worker")
					})
				})

				js.It("returns the private and public ip", func(c *C) {
					mqSetupUser(c)
					domains := sequelize.Define[mqDomain](c.DB, sequelize.ModelOptions{ModelName: "Domain"})
					envs := sequelize.Define[mqEnvironment](c.DB, sequelize.ModelOptions{ModelName: "Environment"})
					private := sequelize.BelongsTo(envs, domains, sequelize.AssociationOptions{As: "PrivateDomain", ForeignKey: "privateDomainId"})
					public := sequelize.BelongsTo(envs, domains, sequelize.AssociationOptions{As: "PublicDomain", ForeignKey: "publicDomainId"})
					c.Must(domains.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
					c.Must(envs.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
					privateIP, publicIP := &mqDomain{IP: "192.168.0.1"}, &mqDomain{IP: "91.65.189.19"}
					c.Must(domains.Create(c.Ctx, privateIP))
					c.Must(domains.Create(c.Ctx, publicIP))
					env := &mqEnvironment{Name: "environment"}
					c.Must(envs.Create(c.Ctx, env))
					c.Must(private.Set(c.Ctx, env, privateIP))
					c.Must(public.Set(c.Ctx, env, publicIP))
					got, err := envs.FindOne(c.Ctx, sequelize.FindOptions{
						Where:   sequelize.Where{"name": "environment"},
						Include: []sequelize.Include{{Association: private}, {Association: public}},
					})
					c.Must(err)
					if got == nil || got.PrivateDomain == nil || got.PublicDomain == nil {
						c.Fatalf("environment = %+v, want both domains", got)
					}
					c.Eq("private ip", got.PrivateDomain.IP, "192.168.0.1")
					c.Eq("public ip", got.PublicDomain.IP, "91.65.189.19")
				})

				js.It("eager loads with non-id primary keys", func(c *C) {
					mqSetupUser(c)
					users := sequelize.Define[mqUserPK](c.DB, sequelize.ModelOptions{ModelName: "UserPKeagerbelong"})
					groups := sequelize.Define[mqGroupPK](c.DB, sequelize.ModelOptions{ModelName: "GroupPKeagerbelong"})
					group := sequelize.BelongsTo(users, groups)
					c.Sync()
					c.Must(groups.Create(c.Ctx, &mqGroupPK{Name: "people"}))
					c.Must(users.Create(c.Ctx, &mqUserPK{Username: "someone", GroupPKeagerbelongName: mqPtr("people")}))
					u, err := users.FindOne(c.Ctx, sequelize.FindOptions{
						Where: sequelize.Where{"username": "someone"}, Include: []sequelize.Include{{Association: group}},
					})
					c.Must(err)
					if u == nil || u.GroupPKeagerbelong == nil {
						c.Fatalf("user = %+v, want its group", u)
					}
					c.Eq("username", u.Username, "someone")
					c.Eq("group name", u.GroupPKeagerbelong.Name, "people")
				})

				js.It("getting parent data in many to one relationship", func(c *C) {
					mqSetupUser(c)
					users := sequelize.Define[mqMsgUser](c.DB, sequelize.ModelOptions{ModelName: "User"})
					messages := sequelize.Define[mqMessage](c.DB, sequelize.ModelOptions{ModelName: "Message"})
					sequelize.HasMany(users, messages)
					user := sequelize.BelongsTo(messages, users, sequelize.AssociationOptions{ForeignKey: "user_id"})
					c.Sync()
					u := &mqMsgUser{Username: "test_testerson"}
					c.Must(users.Create(c.Ctx, u))
					c.Must(messages.Create(c.Ctx, &mqMessage{User_id: &u.ID, Message: "hi there!"}))
					c.Must(messages.Create(c.Ctx, &mqMessage{User_id: &u.ID, Message: "a second message"}))
					list, err := messages.FindAll(c.Ctx, sequelize.FindOptions{
						Where:      sequelize.Where{"user_id": u.ID},
						Attributes: []any{"user_id", "message"},
						Include:    []sequelize.Include{{Association: user, Attributes: []any{"username"}}},
						Order:      sequelize.Order{{"message", "DESC"}}, // JS relies on insertion order
					})
					c.Must(err)
					c.Eq("messages", len(list), 2)
					c.Eq("message 0", list[0].Message, "hi there!")
					c.Eq("message 1", list[1].Message, "a second message")
					for i, m := range list {
						if m.User == nil {
							c.Fatalf("message %d has no User", i)
						}
						c.Eq("username", m.User.Username, "test_testerson")
					}
				})

				js.It("allows mulitple assocations of the same model with different alias", func(c *C) {
					mqSetupUser(c)
					e := mqEagerModels(c, "Task", "Worker")
					todo := sequelize.BelongsTo(e.workers, e.tasks, sequelize.AssociationOptions{As: "ToDo"})
					doto := sequelize.BelongsTo(e.workers, e.tasks, sequelize.AssociationOptions{As: "DoTo"})
					e.init(c)
					w, err := e.workers.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: todo}, {Association: doto}}})
					c.Must(err)
					if w == nil || w.ToDo != nil || w.DoTo != nil {
						c.Fatalf("worker = %+v, want it without tasks", w)
					}
				})
			})

			js.Describe("hasOne", func(js *suite) {
				// beforeEach: Worker.hasOne(Task); init; worker.setTask(task).
				setup := func(c *C) (*mqEager, *sequelize.HasOneAssociation[mqWorker, mqTask]) {
					c.Helper()
					mqSetupUser(c)
					e := mqEagerModels(c, "Task", "Worker")
					task := sequelize.HasOne(e.workers, e.tasks)
					e.init(c)
					c.Must(task.Set(c.Ctx, e.worker, e.task))
					return e, task
				}

				js.It("throws an error if included DaoFactory is not associated", func(c *C) {
					e, task := setup(c)
					_, err := e.tasks.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: task}}})
					mqNotAssociated(c, err, "Worker", "Task")
				})

				js.It("returns the associated task via worker.task", func(c *C) {
					e, task := setup(c)
					w, err := e.workers.FindOne(c.Ctx, sequelize.FindOptions{
						Where: sequelize.Where{"name": "worker"}, Include: []sequelize.Include{{Association: task}},
					})
					c.Must(err)
					if w == nil || w.Task == nil {
						c.Fatalf("worker = %+v, want its Task", w)
					}
					c.Eq("title", w.Task.Title, "homework")
				})

				js.It("eager loads with non-id primary keys", func(c *C) {
					setup(c)
					users := sequelize.Define[mqUserPK](c.DB, sequelize.ModelOptions{ModelName: "UserPKeagerone"})
					groups := sequelize.Define[mqGroupPK](c.DB, sequelize.ModelOptions{ModelName: "GroupPKeagerone"})
					user := sequelize.HasOne(groups, users)
					c.Sync()
					c.Must(groups.Create(c.Ctx, &mqGroupPK{Name: "people"}))
					c.Must(users.Create(c.Ctx, &mqUserPK{Username: "someone", GroupPKeageroneName: mqPtr("people")}))
					g, err := groups.FindOne(c.Ctx, sequelize.FindOptions{
						Where: sequelize.Where{"name": "people"}, Include: []sequelize.Include{{Association: user}},
					})
					c.Must(err)
					if g == nil || g.UserPKeagerone == nil {
						c.Fatalf("group = %+v, want its user", g)
					}
					c.Eq("name", g.Name, "people")
					c.Eq("username", g.UserPKeagerone.Username, "someone")
				})
			})

			js.Describe("hasOne with alias", func(js *suite) {
				js.It("throws an error if included DaoFactory is not referenced by alias", func(c *C) {
					mqSetupUser(c)
					e := mqEagerModels(c, "Task", "Worker")
					worker := sequelize.BelongsTo(e.tasks, e.workers)
					e.init(c)
					_, err := e.workers.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: worker}}})
					mqNotAssociated(c, err, "Task", "Worker")
				})

				js.Describe("alias", func(js *suite) {
					// beforeEach: Worker.hasOne(Task, {as: 'ToDo'}); init; worker.setToDo(task).
					setup := func(c *C) (*mqEager, *sequelize.HasOneAssociation[mqWorker, mqTask]) {
						c.Helper()
						mqSetupUser(c)
						e := mqEagerModels(c, "Task", "Worker")
						todo := sequelize.HasOne(e.workers, e.tasks, sequelize.AssociationOptions{As: "ToDo"})
						e.init(c)
						c.Must(todo.Set(c.Ctx, e.worker, e.task))
						return e, todo
					}

					js.Cannot("throws an error indicating an incorrect alias was entered if an association and alias exist but the alias doesn't match")

					for _, title := range []string{
						"returns the associated task via worker.task",
						"returns the associated task via worker.task when daoFactory is aliased with model",
					} {
						js.It(title, func(c *C) {
							e, todo := setup(c)
							w, err := e.workers.FindOne(c.Ctx, sequelize.FindOptions{
								Where: sequelize.Where{"name": "worker"}, Include: []sequelize.Include{{Association: todo}},
							})
							c.Must(err)
							if w == nil || w.ToDo == nil {
								c.Fatalf("worker = %+v, want its ToDo", w)
							}
							c.Eq("title", w.ToDo.Title, "homework")
						})
					}

					js.It("allows mulitple assocations of the same model with different alias", func(c *C) {
						e, todo := setup(c)
						doto := sequelize.HasOne(e.workers, e.tasks, sequelize.AssociationOptions{As: "DoTo"})
						e.init(c) // this.init again: a fresh worker and task
						w, err := e.workers.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: todo}, {Association: doto}}})
						c.Must(err)
						if w == nil || w.ToDo != nil || w.DoTo != nil {
							c.Fatalf("worker = %+v, want it without tasks", w)
						}
					})
				})
			})

			js.Describe("hasMany", func(js *suite) {
				// beforeEach: Worker.hasMany(Task); init; worker.setTasks([task]).
				setup := func(c *C) (*mqEager, *sequelize.HasManyAssociation[mqWorker, mqTask]) {
					c.Helper()
					mqSetupUser(c)
					e := mqEagerModels(c, "Task", "Worker")
					tasks := sequelize.HasMany(e.workers, e.tasks)
					e.init(c)
					c.Must(tasks.Set(c.Ctx, e.worker, []*mqTask{e.task}))
					return e, tasks
				}

				js.It("throws an error if included DaoFactory is not associated", func(c *C) {
					e, tasks := setup(c)
					_, err := e.tasks.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: tasks}}})
					mqNotAssociated(c, err, "Worker", "Task")
				})

				js.It("returns the associated tasks via worker.tasks", func(c *C) {
					e, tasks := setup(c)
					w, err := e.workers.FindOne(c.Ctx, sequelize.FindOptions{
						Where: sequelize.Where{"name": "worker"}, Include: []sequelize.Include{{Association: tasks}},
					})
					c.Must(err)
					if w == nil || len(w.Tasks) == 0 {
						c.Fatalf("worker = %+v, want its Tasks", w)
					}
					c.Eq("title", w.Tasks[0].Title, "homework")
				})

				js.It("including two has many relations should not result in duplicate values", func(c *C) {
					setup(c)
					contacts := sequelize.Define[mqContact](c.DB, sequelize.ModelOptions{ModelName: "Contact"})
					photos := sequelize.Define[mqPhoto](c.DB, sequelize.ModelOptions{ModelName: "Photo"})
					phones := sequelize.Define[mqPhoneNumber](c.DB, sequelize.ModelOptions{ModelName: "PhoneNumber"})
					photosOf := sequelize.HasMany(contacts, photos, sequelize.AssociationOptions{As: "Photos"})
					phonesOf := sequelize.HasMany(contacts, phones)
					c.Sync()
					contact := &mqContact{Name: "Boris"}
					c.Must(contacts.Create(c.Ctx, contact))
					photo := &mqPhoto{Img: "img.jpg"}
					c.Must(photos.Create(c.Ctx, photo))
					p1, p2 := &mqPhoneNumber{Phone: "000000"}, &mqPhoneNumber{Phone: "111111"}
					c.Must(phones.Create(c.Ctx, p1))
					c.Must(phones.Create(c.Ctx, p2))
					c.Must(photosOf.Set(c.Ctx, contact, []*mqPhoto{photo}))
					c.Must(phonesOf.Set(c.Ctx, contact, []*mqPhoneNumber{p1, p2}))
					got, err := contacts.FindOne(c.Ctx, sequelize.FindOptions{
						Where:   sequelize.Where{"name": "Boris"},
						Include: []sequelize.Include{{Association: phonesOf}, {Association: photosOf}},
					})
					c.Must(err)
					if got == nil {
						c.Fatal("no contact")
					}
					c.Eq("photos", len(got.Photos), 1)
					c.Eq("phone numbers", len(got.PhoneNumbers), 2)
				})

				js.It("eager loads with non-id primary keys", func(c *C) {
					setup(c)
					users := sequelize.Define[mqUserPK](c.DB, sequelize.ModelOptions{ModelName: "UserPKeagerone"})
					groups := sequelize.Define[mqGroupPK](c.DB, sequelize.ModelOptions{ModelName: "GroupPKeagerone"})
					sequelize.BelongsToMany(groups, users, sequelize.BelongsToManyOptions{Through: "group_user"})
					groupsOf := sequelize.BelongsToMany(users, groups, sequelize.BelongsToManyOptions{Through: "group_user"})
					c.Sync()
					u, g := &mqUserPK{Username: "someone"}, &mqGroupPK{Name: "people"}
					c.Must(users.Create(c.Ctx, u))
					c.Must(groups.Create(c.Ctx, g))
					c.Must(groupsOf.Set(c.Ctx, u, []*mqGroupPK{g}))
					got, err := users.FindOne(c.Ctx, sequelize.FindOptions{
						Where: sequelize.Where{"username": "someone"}, Include: []sequelize.Include{{Association: groupsOf}},
					})
					c.Must(err)
					if got == nil || len(got.GroupPKeagerones) == 0 {
						c.Fatalf("user = %+v, want its groups", got)
					}
					c.Eq("username", got.Username, "someone")
					c.Eq("group name", got.GroupPKeagerones[0].Name, "people")
				})
			})

			js.Describe("hasMany with alias", func(js *suite) {
				js.It("throws an error if included DaoFactory is not referenced by alias", func(c *C) {
					mqSetupUser(c)
					e := mqEagerModels(c, "Task", "Worker")
					worker := sequelize.BelongsTo(e.tasks, e.workers)
					e.init(c)
					_, err := e.workers.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: worker}}})
					mqNotAssociated(c, err, "Task", "Worker")
				})

				js.Describe("alias", func(js *suite) {
					// beforeEach: Worker.hasMany(Task, {as: 'ToDos'}); init; worker.setToDos([task]).
					setup := func(c *C) (*mqEager, *sequelize.HasManyAssociation[mqWorker, mqTask]) {
						c.Helper()
						mqSetupUser(c)
						e := mqEagerModels(c, "Task", "Worker")
						todos := sequelize.HasMany(e.workers, e.tasks, sequelize.AssociationOptions{As: "ToDos"})
						e.init(c)
						c.Must(todos.Set(c.Ctx, e.worker, []*mqTask{e.task}))
						return e, todos
					}

					js.Cannot("throws an error indicating an incorrect alias was entered if an association and alias exist but the alias doesn't match")

					for _, title := range []string{
						"returns the associated task via worker.task",
						"returns the associated task via worker.task when daoFactory is aliased with model",
					} {
						js.It(title, func(c *C) {
							e, todos := setup(c)
							w, err := e.workers.FindOne(c.Ctx, sequelize.FindOptions{
								Where: sequelize.Where{"name": "worker"}, Include: []sequelize.Include{{Association: todos}},
							})
							c.Must(err)
							if w == nil || len(w.ToDos) == 0 {
								c.Fatalf("worker = %+v, want its ToDos", w)
							}
							c.Eq("title", w.ToDos[0].Title, "homework")
						})
					}

					js.It("allows mulitple assocations of the same model with different alias", func(c *C) {
						e, todos := setup(c)
						dotos := sequelize.HasMany(e.workers, e.tasks, sequelize.AssociationOptions{As: "DoTos"})
						e.init(c)
						w, err := e.workers.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: todos}, {Association: dotos}}})
						c.Must(err)
						if w == nil || len(w.ToDos)+len(w.DoTos) != 0 {
							c.Fatalf("worker = %+v, want it with empty ToDos and DoTos", w)
						}
					})
				})
			})

			js.Describe("hasMany (N:M) with alias", func(js *suite) {
				// The shared body of both cases: five products, three tags,
				// their links, then the four reads.
				run := func(c *C, products *sequelize.Model[mqProduct], tags *sequelize.Model[mqTag],
					tagsOf *sequelize.BelongsToManyAssociation[mqProduct, mqTag], productsOf *sequelize.BelongsToManyAssociation[mqTag, mqProduct]) {
					c.Helper()
					c.Must(c.DB.Sync(c.Ctx))
					c.Must(products.BulkCreate(c.Ctx, []*mqProduct{{Title: "Chair"}, {Title: "Desk"}, {Title: "Handbag"}, {Title: "Dress"}, {Title: "Jan"}}))
					c.Must(tags.BulkCreate(c.Ctx, []*mqTag{{Name: "Furniture"}, {Name: "Clothing"}, {Name: "People"}}))
					ps, err := products.FindAll(c.Ctx, sequelize.FindOptions{Order: sequelize.Order{{"id"}}})
					c.Must(err)
					ts, err := tags.FindAll(c.Ctx, sequelize.FindOptions{Order: sequelize.Order{{"id"}}})
					c.Must(err)
					c.Must(tagsOf.Set(c.Ctx, ps[0], []*mqTag{ts[0], ts[1]}))
					c.Must(tagsOf.Add(c.Ctx, ps[1], ts[0]))
					c.Must(tagsOf.Add(c.Ctx, ps[2], ts[1]))
					c.Must(tagsOf.Set(c.Ctx, ps[3], []*mqTag{ts[1]}))
					c.Must(tagsOf.Set(c.Ctx, ps[4], []*mqTag{ts[2]}))

					tag, err := tags.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": ts[0].ID}, Include: []sequelize.Include{{Association: productsOf}}})
					c.Must(err)
					c.Eq("tag 0 products", len(tag.Products), 2)
					got, err := productsOf.Get(c.Ctx, ts[1])
					c.Must(err)
					c.Eq("tag 1 products", len(got), 3)
					product, err := products.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"id": ps[0].ID}, Include: []sequelize.Include{{Association: tagsOf}}})
					c.Must(err)
					c.Eq("product 0 tags", len(product.Tags), 2)
					gotTags, err := tagsOf.Get(c.Ctx, ps[1])
					c.Must(err)
					c.Eq("product 1 tags", len(gotTags), 1)
				}

				js.It("returns the associated models when using through as string and alias", func(c *C) {
					mqSetupUser(c)
					products := sequelize.Define[mqProduct](c.DB, sequelize.ModelOptions{ModelName: "Product"})
					tags := sequelize.Define[mqTag](c.DB, sequelize.ModelOptions{ModelName: "Tag"})
					tagsOf := sequelize.BelongsToMany(products, tags, sequelize.BelongsToManyOptions{AssociationOptions: sequelize.AssociationOptions{As: "tags"}, Through: "product_tag"})
					productsOf := sequelize.BelongsToMany(tags, products, sequelize.BelongsToManyOptions{AssociationOptions: sequelize.AssociationOptions{As: "products"}, Through: "product_tag"})
					run(c, products, tags, tagsOf, productsOf)
				})

				js.It("returns the associated models when using through as model and alias", func(c *C) {
					mqSetupUser(c)
					products := sequelize.Define[mqProduct](c.DB, sequelize.ModelOptions{ModelName: "Product"})
					tags := sequelize.Define[mqTag](c.DB, sequelize.ModelOptions{ModelName: "Tag"})
					pt := sequelize.Define[mqProductTag](c.DB, sequelize.ModelOptions{ModelName: "product_tag"})
					tagsOf := sequelize.BelongsToMany(products, tags, sequelize.BelongsToManyOptions{AssociationOptions: sequelize.AssociationOptions{As: "tags"}, ThroughModel: pt})
					productsOf := sequelize.BelongsToMany(tags, products, sequelize.BelongsToManyOptions{AssociationOptions: sequelize.AssociationOptions{As: "products"}, ThroughModel: pt})
					run(c, products, tags, tagsOf, productsOf)
				})
			})
		})

		js.Describe("queryOptions", func(js *suite) {
			setup := func(c *C) *sequelize.Model[mqUser] {
				c.Helper()
				users := mqSetupUser(c)
				c.Must(users.Create(c.Ctx, &mqUser{Username: "barfooz"}))
				return users
			}
			// A DAO is a tracked instance (IsNewRecord false, Save updates
			// it); raw data is a plain struct the model does not track.
			for _, tc := range []struct {
				title string
				raw   bool
			}{
				{"should return a DAO when queryOptions are not set", false},
				{"should return a DAO when raw is false", false},
				{"should return raw data when raw is true", true},
			} {
				js.It(tc.title, func(c *C) {
					users := setup(c)
					u, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "barfooz"}, Raw: tc.raw})
					c.Must(err)
					c.Eq("username", u.Username, "barfooz")
					c.Eq("is an untracked plain struct (IsNewRecord)", users.IsNewRecord(u), tc.raw)
				})
			}
		})

		js.It("should support logging", func(c *C) {
			users := mqSetupUser(c)
			logger, log := mqLogger()
			_, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{}, Logging: logger})
			c.Must(err)
			if len(log.All()) == 0 {
				c.Fatal("nothing logged")
			}
		})

		js.Describe("rejectOnEmpty mode", func(js *suite) {
			empty := func(c *C, err error) {
				c.Helper()
				var e *sequelize.EmptyResultError
				c.ErrAs(err, &e)
			}
			js.It("throws error when record not found by findOne", func(c *C) {
				users := mqSetupUser(c)
				_, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "ath-kantam-pradakshnami"}, RejectOnEmpty: sequelize.Bool(true)})
				empty(c, err)
			})

			js.It("throws error when record not found by findByPk", func(c *C) {
				users := mqSetupUser(c)
				// 4732322332323333232344334354234 is no Go integer; the
				// largest INTEGER, which no row has, says the same.
				_, err := users.FindByPK(c.Ctx, 2147483647, sequelize.FindOptions{RejectOnEmpty: sequelize.Bool(true)})
				empty(c, err)
			})

			js.It("throws error when record not found by find", func(c *C) {
				users := mqSetupUser(c)
				_, err := users.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "some-username-that-is-not-used-anywhere"}, RejectOnEmpty: sequelize.Bool(true)})
				empty(c, err)
			})

			js.It("works from model options", func(c *C) {
				mqSetupUser(c)
				m := sequelize.Define[mqUsername](c.DB, sequelize.ModelOptions{ModelName: "Test", RejectOnEmpty: true})
				c.Must(m.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				_, err := m.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "some-username-that-is-not-used-anywhere"}})
				empty(c, err)
				if !errors.Is(err, sql.ErrNoRows) {
					c.Fatalf("errors.Is(%v, sql.ErrNoRows) = false", err)
				}
			})

			js.It("override model options", func(c *C) {
				m := sequelize.Define[mqUsername](c.DB, sequelize.ModelOptions{ModelName: "Test", RejectOnEmpty: true})
				c.Must(m.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				u, err := m.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "some-username-that-is-not-used-anywhere"},
					RejectOnEmpty: sequelize.Bool(false)})
				c.Must(err)
				c.Eq("user", u, (*mqUsername)(nil))
			})

			js.It("resolve null when disabled", func(c *C) {
				mqSetupUser(c)
				m := sequelize.Define[mqUsername](c.DB, sequelize.ModelOptions{ModelName: "Test"})
				c.Must(m.Sync(c.Ctx, sequelize.SyncOptions{Force: true}))
				u, err := m.FindOne(c.Ctx, sequelize.FindOptions{Where: sequelize.Where{"username": "some-username-that-is-not-used-anywhere-for-sure-this-time"}})
				c.Must(err)
				c.Eq("user", u, (*mqUsername)(nil))
			})
		})
	})
}
