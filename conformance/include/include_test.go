package include_test

import (
	"slices"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/conformance/internal/harness"
	"github.com/gosequelize/sequelize/op"
)

// The models of include.test.js's find cases on a Company and a User or
// Person (the JS defines them with no attributes of their own).
type (
	itpCompany struct {
		ID   int64
		Name string
		CEO  *itpCEO
	}
	itpCEO struct {
		ID    int64
		CEOID *int64
	}
	itpEmployee struct {
		ID         int64
		EmployerID *int64
		Employer   *itpCompany
	}
)

// The models of the user/task/group association reference cases.
type (
	itpRefUser struct {
		ID     int64
		Tasks  []*itpRefTask
		Groups []*itpRefGroup
	}
	itpRefTask struct {
		ID     int64
		Title  string
		UserID *int64
		User   *itpRefUser
	}
	itpRefGroup struct {
		ID    int64
		Users []*itpRefUser
	}
)

// The models of the simple nested and sibling cases: Task, User, Group,
// Project and Worker, each with the foreign keys and include fields the
// cases use.
type (
	itpNTask struct {
		ID        int64
		UserID    *int64
		User      *itpNUser
		GroupID   *int64
		Group     *itpNGroup
		ProjectID *int64
		Project   *itpNProject
	}
	itpNUser struct {
		ID      int64
		GroupID *int64
		Group   *itpNGroup
		Task    *itpNTask
		Tasks   []*itpNTask
	}
	itpNGroup struct {
		ID   int64
		User *itpNUser
	}
	itpNProject struct {
		ID      int64
		Workers []*itpNWorker
		Tasks   []*itpNTask
	}
	itpNWorker struct {
		ID        int64
		ProjectID *int64
		Project   *itpNProject
	}
)

// The models of 'should support to use associations with Sequelize.col'.
type (
	itpTable1 struct {
		ID     int64
		Table2 *itpTable2
	}
	itpTable2 struct {
		ID       int64
		Table1ID *int64
		Tables3  []*itpTable3
	}
	itpTable3 struct {
		ID       int64
		Value    *int64
		Table2ID *int64
	}
)

// The models of 'should support specifying attributes'.
type (
	itpAtProject struct {
		ID    int64
		Title string
		Tasks []*itpAtTask
	}
	itpAtTask struct {
		ID          int64
		Title       string
		Description string `sequelize:"type:TEXT"`
		ProjectID   *int64
		Project     *itpAtProject
	}
)

// The models of the Sequelize.literal case.
type (
	itpLtPost struct {
		ID           int64
		PostComments []*itpLtComment
	}
	itpLtComment struct {
		ID            int64
		SomeProperty  bool `sequelize:"type:VIRTUAL"`
		Comment_title string
		PostID        *int64
	}
)

// The model of the self-associated belongsToMany case.
type itpSelfGroup struct {
	ID                   int64
	Name                 string
	OutsourcingCompanies []*itpSelfGroup
}

// The models of the date fields case.
type (
	itpDtUser struct {
		ID        int64
		DateField time.Time
		Groups    []*itpDtGroup
	}
	itpDtGroup struct {
		ID        int64
		DateField time.Time
		Users     []*itpDtUser
	}
)

// The models of the user/group cases with a user_group through model
// ('should support include when retrieving associated objects' and the
// right join cases).
type (
	itpUgUser struct {
		ID     int64
		Name   string
		Groups []*itpUgGroup
		Clubs  []*itpUgGroup
	}
	itpUgGroup struct {
		ID      int64
		Name    string
		UserID  *int64
		User    *itpUgUser
		Members []*itpUgUser
	}
	itpUserGroup struct {
		UserID  int64
		GroupID int64
		Vip     *int64
	}
)

var _ = listed(
	difference{
		File: "include.test.js", Title: "find/should support to use associations with Sequelize.col", Kind: deliberate,
		Instead: "FindAllRaw (raw: true) refuses the include with an *EagerLoadingError instead of summing Sequelize.col('Table2.Tables3.value') over the join; FindAll loads Table2 and its Tables3, whose values add up to the same 12.",
		Why:     "includes load with one query per level, never a JOIN (FindOptions.Include), so no column of an included table is in the parent's SELECT for an aggregate to use.",
	},
	difference{
		File: "include.test.js", Title: "find/should support specifying attributes", Kind: deliberate,
		Instead: "the primary keys added to the attributes (the task's, and the project's in the include) are kept in the structs: the task is {id, title} with Project {id, title}; the foreign key read to load the project is zeroed.",
		Why:     "an instance keeps its primary key so that Save, Reload and DestroyInstance find its row; Sequelize reads the key too (it adds it to a find with includes) but leaves it out of the instance's values.",
	},
	difference{
		File: "include.test.js", Title: "find/should support Sequelize.literal and renaming of attributes in included model attributes", Kind: deliberate,
		Instead: "each of the include's attributes is refused with a *QueryError: a Literal carrying its own \"AS alias\" (an attribute expression needs As), and As aliases naming no attribute (someProperty2, commentTitle); the same aliased values are read with FindAllRaw on PostComment.",
		Why:     "a struct holds its attributes only, so an aliased value that fills no field would be dropped; and the included rows are read by a query of their own, so a literal aliased after Sequelize's join columns (\"PostComments.someProperty\") names nothing.",
	},
	difference{
		File: "include.test.js", Title: "right join/should support getting an include with a right join", Kind: deliberate, Dialects: "postgres mysql mariadb",
		Instead: "Include has no Right option: FindAll returns the one group that exists, as Sequelize does where RIGHT JOIN is unsupported (SQLite); the users without a group are found from the users' side.",
		Why:     "includes load the associated rows of the rows found, one query per level, never a JOIN: a right join would make instances of the model found out of NULL columns.",
	},
	difference{
		File: "include.test.js", Title: "right join/should support getting an include through with a right join", Kind: deliberate, Dialects: "postgres mysql mariadb",
		Instead: "Include has no Right option: FindAll returns the one group left, with its two members, as Sequelize does where RIGHT JOIN is unsupported (SQLite).",
		Why:     "includes load the associated rows of the rows found, one query per level, never a JOIN: a right join would make instances of the model found out of NULL columns.",
	},
	difference{
		File: "include.test.js", Title: "nested includes/should support eager loading associations using the name of the relation (string)", Kind: deliberate,
		Instead: "an Include names the association value HasMany returned (Include.Association); there is no lookup by the alias string. With it, TeamA is found with its 2 members.",
		Why:     "associations are typed values (BelongsTo, HasOne, HasMany, BelongsToMany return them), so an include is checked by the compiler rather than by a name looked up at run time.",
	},
)

// The models of createUsersAndItems (the where and findAndCountAll cases).
type (
	itpUiUser struct {
		ID   int64
		Item *itpUiItem
	}
	itpUiItem struct {
		ID     int64
		Test   string
		UserID *int64
		User   *itpUiUser
	}
)

// The models of the association getter case.
type (
	itpQnQuestion struct {
		ID              int64
		QuestionnaireID *int64
		Answers         []*itpQnAnswer
	}
	itpQnAnswer struct {
		ID        int64
		Questions []*itpQnQuestion
	}
	itpQnQuestionnaire struct {
		ID        int64
		Questions []*itpQnQuestion
	}
)

// The models of the nested includes cases.
type (
	itpTeam struct {
		ID      int64
		Name    string
		Members []*itpTeamEmployee
	}
	itpTeamEmployee struct {
		ID        int64
		Name      string
		TeamID    *int64
		Clearence *itpClearence
	}
	itpClearence struct {
		ID          int64
		Level       *int64
		ClearenceID *int64
		EmployeeID  *int64
		Employee    *itpTeamEmployee
	}
)

// itpUsersAndItems is createUsersAndItems: User.hasOne(Item),
// Item.belongsTo(User), three users with the items abc, def and ghi.
func itpUsersAndItems(c *C) (*sequelize.Model[itpUiUser], *sequelize.HasOneAssociation[itpUiUser, itpUiItem]) {
	c.Helper()
	users := harness.Define[itpUiUser](c, "User")
	items := harness.Define[itpUiItem](c, "Item")
	ui := sequelize.HasOne(users, items)
	sequelize.BelongsTo(items, users)
	c.Sync()
	harness.Bulk(c, users, &itpUiUser{}, &itpUiUser{}, &itpUiUser{})
	harness.Bulk(c, items, &itpUiItem{Test: "abc"}, &itpUiItem{Test: "def"}, &itpUiItem{Test: "ghi"})
	us, is := harness.All(c, users), harness.All(c, items)
	for i := range us {
		c.Must(ui.Set(c.Ctx, us[i], is[i]))
	}
	return users, ui
}

// itpTeams is the nested includes' beforeEach: TeamA with John
// (clearence 3) and Jane (clearence 5), TeamB with Josh and Jill (none).
type itpTeams struct {
	teams     *sequelize.Model[itpTeam]
	members   *sequelize.HasManyAssociation[itpTeam, itpTeamEmployee]
	clearence *sequelize.HasOneAssociation[itpTeamEmployee, itpClearence]
}

func itpDefineTeams(c *C) *itpTeams {
	c.Helper()
	employees := harness.Define[itpTeamEmployee](c, "Employee")
	t := &itpTeams{teams: harness.Define[itpTeam](c, "Team")}
	clearences := harness.Define[itpClearence](c, "Clearence")
	t.members = sequelize.HasMany(t.teams, employees, sequelize.AssociationOptions{As: "members"})
	t.clearence = sequelize.HasOne(employees, clearences, sequelize.AssociationOptions{As: "clearence"})
	sequelize.BelongsTo(clearences, employees, sequelize.AssociationOptions{As: "employee"})
	c.Sync()
	teamA := harness.Create(c, t.teams, &itpTeam{Name: "TeamA"})[0]
	teamB := harness.Create(c, t.teams, &itpTeam{Name: "TeamB"})[0]
	es := harness.Create(c, employees, &itpTeamEmployee{Name: "John"}, &itpTeamEmployee{Name: "Jane"}, &itpTeamEmployee{Name: "Josh"}, &itpTeamEmployee{Name: "Jill"})
	three, five := int64(3), int64(5)
	cs := harness.Create(c, clearences, &itpClearence{Level: &three}, &itpClearence{Level: &five})
	c.Must(t.members.Add(c.Ctx, teamA, es[:2]))
	c.Must(t.members.Add(c.Ctx, teamB, es[2:]))
	c.Must(t.clearence.Set(c.Ctx, es[0], cs[0]))
	c.Must(t.clearence.Set(c.Ctx, es[1], cs[1]))
	return t
}

func TestInclude(t *testing.T) {
	js := port(t, "include.test.js")
	// The JS describe(Support.getTestDialectTeaser('Include')) only names
	// the dialect.
	js.Describe("find", itpFind)

	js.Describe("where", func(js *suite) {
		js.It("should support Sequelize.and()", func(c *C) {
			users, ui := itpUsersAndItems(c)
			got := harness.R(users.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{
				{Association: ui, Where: op.And(sequelize.Where{"test": "def"})},
			}})).Get(c)
			c.Eq("users", len(got), 1)
			c.Eq("item", got[0].Item.Test, "def")
		})

		js.It("should support Sequelize.or()", func(c *C) {
			users, ui := itpUsersAndItems(c)
			got := harness.R(users.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{
				{Association: ui, Where: op.Or(sequelize.Where{"test": "def"}, sequelize.Where{"test": "abc"})},
			}})).Get(c)
			c.Eq("users", len(got), 2)
		})
	})

	js.Describe("findAndCountAll", func(js *suite) {
		js.It("should include associations to findAndCountAll", func(c *C) {
			users, ui := itpUsersAndItems(c)
			rows, count, err := users.FindAndCountAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{
				{Association: ui, Where: sequelize.Where{"test": "def"}},
			}})
			c.Must(err)
			c.Eq("count", count, int64(1))
			c.Eq("rows", len(rows), 1)
			c.Eq("item", rows[0].Item.Test, "def")
		})
	})

	js.Describe("association getter", func(js *suite) {
		js.It("should support getting an include on a N:M association getter", func(c *C) {
			questions := harness.Define[itpQnQuestion](c, "Question")
			answers := harness.Define[itpQnAnswer](c, "Answer")
			questionnaires := harness.Define[itpQnQuestionnaire](c, "Questionnaire")
			qa := sequelize.BelongsToMany(questions, answers, sequelize.BelongsToManyOptions{Through: "question_answer"})
			sequelize.BelongsToMany(answers, questions, sequelize.BelongsToManyOptions{Through: "question_answer"})
			qq := sequelize.HasMany(questionnaires, questions)
			sequelize.BelongsTo(questions, questionnaires)
			c.Sync()
			q := harness.Create(c, questionnaires, &itpQnQuestionnaire{})[0]
			got := harness.R(qq.Get(c.Ctx, q, sequelize.FindOptions{Include: []sequelize.Include{{Association: qa}}})).Get(c)
			c.Eq("questions", len(got), 0)
		})
	})

	js.Describe("right join", func(js *suite) {
		js.DiffersOn("should support getting an include with a right join", func(c *C) {
			users := harness.Define[itpUgUser](c, "user")
			groups := harness.Define[itpUgGroup](c, "group")
			owned := sequelize.HasMany(users, groups)
			owner := sequelize.BelongsTo(groups, users)
			c.Sync()
			harness.Create(c, users, &itpUgUser{Name: "User 1"}, &itpUgUser{Name: "User 2"}, &itpUgUser{Name: "User 3"})
			harness.Create(c, groups, &itpUgGroup{Name: "A Group"})
			// Include has no Right: the groups found are the groups that
			// exist, as Sequelize's on SQLite.
			got := harness.R(groups.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: owner}}})).Get(c)
			c.Eq("groups", len(got), 1)
			// The users without a group, which the right join pairs with
			// an empty group, are found from the users' side.
			us := harness.R(users.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: owned}}})).Get(c)
			c.Eq("users", len(us), 3)
		})

		js.DiffersOn("should support getting an include through with a right join", func(c *C) {
			users := harness.Define[itpUgUser](c, "user")
			groups := harness.Define[itpUgGroup](c, "group")
			through := harness.Define[itpUserGroup](c, "user_group")
			sequelize.HasMany(users, groups)
			sequelize.BelongsTo(groups, users)
			sequelize.BelongsToMany(users, groups, sequelize.BelongsToManyOptions{ThroughModel: through,
				AssociationOptions: sequelize.AssociationOptions{As: "Clubs", Constraints: sequelize.Bool(false)}})
			members := sequelize.BelongsToMany(groups, users, sequelize.BelongsToManyOptions{ThroughModel: through,
				AssociationOptions: sequelize.AssociationOptions{As: "Members", Constraints: sequelize.Bool(false)}})
			c.Sync()
			member1 := harness.Create(c, users, &itpUgUser{Name: "Member 1"})[0]
			member2 := harness.Create(c, users, &itpUgUser{Name: "Member 2"})[0]
			group1 := harness.Create(c, groups, &itpUgGroup{Name: "Group 1"})[0]
			group2 := harness.Create(c, groups, &itpUgGroup{Name: "Group 2"})[0]
			c.Must(members.Add(c.Ctx, group1, member1))
			c.Must(members.Add(c.Ctx, group1, member2))
			c.Must(members.Add(c.Ctx, group2, member1))
			c.Must(groups.DestroyInstance(c.Ctx, group2))
			got := harness.R(groups.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: members}}})).Get(c)
			c.Eq("groups", len(got), 1)
			c.Eq("group 1 members", len(got[0].Members), 2)
		})
	})

	js.Describe("nested includes", func(js *suite) {
		js.It("should not ripple grandchild required to top level find when required of child is set to false", func(c *C) {
			t := itpDefineTeams(c)
			got := harness.R(t.teams.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{
				{Association: t.members, Required: sequelize.Bool(false), Include: []sequelize.Include{
					{Association: t.clearence, Required: sequelize.Bool(true)},
				}},
			}})).Get(c)
			c.Eq("teams", len(got), 2)
			// As Sequelize's join: the members without a clearence are not
			// loaded, and TeamB is still found.
			members := map[string]int{}
			for _, tm := range got {
				members[tm.Name] = len(tm.Members)
			}
			c.Eq("members per team", members, map[string]int{"TeamA": 2, "TeamB": 0})
		})

		js.Differs("should support eager loading associations using the name of the relation (string)", func(c *C) {
			t := itpDefineTeams(c)
			got := harness.R(t.teams.FindOne(c.Ctx, sequelize.FindOptions{
				Where:   sequelize.Where{"name": "TeamA"},
				Include: []sequelize.Include{{Association: t.members, Required: sequelize.Bool(true)}},
			})).Get(c)
			if got == nil {
				c.Fatal("team not found")
			}
			c.Eq("members", len(got.Members), 2)
		})

		js.It("should not ripple grandchild required to top level find when required of child is not given (implicitly false)", func(c *C) {
			t := itpDefineTeams(c)
			got := harness.R(t.teams.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{
				{Association: t.members, Include: []sequelize.Include{
					{Association: t.clearence, Required: sequelize.Bool(true)},
				}},
			}})).Get(c)
			c.Eq("teams", len(got), 2)
		})

		js.It("should ripple grandchild required to top level find when required of child is set to true as well", func(c *C) {
			t := itpDefineTeams(c)
			got := harness.R(t.teams.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{
				{Association: t.members, Required: sequelize.Bool(true), Include: []sequelize.Include{
					{Association: t.clearence, Required: sequelize.Bool(true)},
				}},
			}})).Get(c)
			c.Eq("teams", len(got), 1)
			c.Eq("team", got[0].Name, "TeamA")
		})
	})
}

func itpFind(js *suite) {
	// employer defines User.belongsTo(Company, {as: 'Employer'}) (with the
	// given foreign key), syncs and creates a user.
	employer := func(c *C, fk string) (*sequelize.Model[itpCompany], *sequelize.Model[itpEmployee], *sequelize.BelongsToAssociation[itpEmployee, itpCompany]) {
		c.Helper()
		companies := harness.Define[itpCompany](c, "Company")
		users := harness.Define[itpEmployee](c, "User")
		emp := sequelize.BelongsTo(users, companies, sequelize.AssociationOptions{As: "Employer", ForeignKey: fk})
		c.Sync()
		return companies, users, emp
	}

	js.It("should support an empty belongsTo include", func(c *C) {
		_, users, emp := employer(c, "")
		harness.Create(c, users, &itpEmployee{})
		u := harness.R(users.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: emp}}})).Get(c)
		if u == nil {
			c.Fatal("user not found")
		}
		c.Eq("employer", u.Employer, (*itpCompany)(nil))
	})

	js.It("should support a belongsTo association reference", func(c *C) {
		// Go's Include always names the association value: the model/as
		// pair and the reference are the same request.
		_, users, emp := employer(c, "")
		harness.Create(c, users, &itpEmployee{})
		u := harness.R(users.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: emp}}})).Get(c)
		if u == nil {
			c.Fatal("user not found")
		}
	})

	js.Differs("should support to use associations with Sequelize.col", func(c *C) {
		t1 := harness.Define[itpTable1](c, "Table1")
		t2 := harness.Define[itpTable2](c, "Table2")
		t3 := harness.Define[itpTable3](c, "Table3")
		t1t2 := sequelize.HasOne(t1, t2, sequelize.AssociationOptions{ForeignKey: "Table1Id"})
		t2t3 := sequelize.HasMany(t2, t3, sequelize.AssociationOptions{As: "Tables3", ForeignKey: "Table2Id"})
		c.Sync()
		table1 := harness.Create(c, t1, &itpTable1{})[0]
		table2 := harness.Create(c, t2, &itpTable2{Table1ID: &table1.ID})[0]
		five, seven := int64(5), int64(7)
		harness.Bulk(c, t3, &itpTable3{Table2ID: &table2.ID, Value: &five}, &itpTable3{Table2ID: &table2.ID, Value: &seven})
		_, err := t1.FindAllRaw(c.Ctx, sequelize.FindOptions{
			Attributes: []any{sequelize.As(sequelize.Fn("SUM", sequelize.Col("Table2.Tables3.value")), "sum")},
			Include: []sequelize.Include{{Association: t1t2, Attributes: []any{}, Include: []sequelize.Include{
				{Association: t2t3, Attributes: []any{}},
			}}},
		})
		var eager *sequelize.EagerLoadingError
		c.ErrAs(err, &eager)
		// The values the sum adds up, through the includes.
		got := harness.R(t1.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: t1t2, Include: []sequelize.Include{
			{Association: t2t3},
		}}}})).Get(c)
		c.Eq("table1 rows", len(got), 1)
		if got[0].Table2 == nil {
			c.Fatal("Table2 not loaded")
		}
		var sum int64
		for _, r := range got[0].Table2.Tables3 {
			sum += *r.Value
		}
		c.Eq("sum", sum, int64(12))
	})

	js.It("should support a belongsTo association reference with a where", func(c *C) {
		companies, users, emp := employer(c, "employerId")
		company := harness.Create(c, companies, &itpCompany{Name: "CyberCorp"})[0]
		harness.Create(c, users, &itpEmployee{EmployerID: &company.ID})
		u := harness.R(users.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{
			{Association: emp, Where: sequelize.Where{"name": "CyberCorp"}},
		}})).Get(c)
		if u == nil || u.Employer == nil {
			c.Fatalf("user = %+v, want the user with its employer", u)
		}
		c.Eq("employer", u.Employer.Name, "CyberCorp")
	})

	// ceo defines Company.hasOne(Person, {as: 'CEO'}), syncs and creates a
	// company.
	ceo := func(c *C) (*sequelize.Model[itpCompany], *sequelize.HasOneAssociation[itpCompany, itpCEO]) {
		c.Helper()
		companies := harness.Define[itpCompany](c, "Company")
		persons := harness.Define[itpCEO](c, "Person")
		a := sequelize.HasOne(companies, persons, sequelize.AssociationOptions{As: "CEO"})
		c.Sync()
		harness.Create(c, companies, &itpCompany{})
		return companies, a
	}

	js.It("should support a empty hasOne include", func(c *C) {
		companies, a := ceo(c)
		got := harness.R(companies.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: a}}})).Get(c)
		if got == nil {
			c.Fatal("company not found")
		}
		c.Eq("CEO", got.CEO, (*itpCEO)(nil))
	})

	js.It("should support a hasOne association reference", func(c *C) {
		companies, a := ceo(c)
		got := harness.R(companies.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: a}}})).Get(c)
		if got == nil {
			c.Fatal("company not found")
		}
	})

	js.It("should support including a belongsTo association rather than a model/as pair", func(c *C) {
		companies := harness.Define[itpCompany](c, "Company")
		persons := harness.Define[itpEmployee](c, "Person")
		emp := sequelize.BelongsTo(persons, companies, sequelize.AssociationOptions{As: "employer"})
		c.Sync()
		person := harness.Create(c, persons, &itpEmployee{})[0]
		company := harness.Create(c, companies, &itpCompany{})[0]
		c.Must(emp.Set(c.Ctx, person, company))
		got := harness.R(persons.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: emp}}})).Get(c)
		if got == nil || got.Employer == nil {
			c.Fatalf("person = %+v, want the person with its employer", got)
		}
		c.Eq("employer", got.Employer.ID, company.ID)
	})

	// userTasks defines user.hasMany(task) and task.belongsTo(user) and
	// syncs.
	userTasks := func(c *C) (*sequelize.Model[itpRefUser], *sequelize.HasManyAssociation[itpRefUser, itpRefTask]) {
		c.Helper()
		users := harness.Define[itpRefUser](c, "user")
		tasks := harness.Define[itpRefTask](c, "task")
		a := sequelize.HasMany(users, tasks)
		sequelize.BelongsTo(tasks, users)
		c.Sync()
		return users, a
	}

	js.It("should support a hasMany association reference", func(c *C) {
		users, tasks := userTasks(c)
		u := harness.Create(c, users, &itpRefUser{})[0]
		c.Must(tasks.Create(c.Ctx, u, &itpRefTask{}))
		got := harness.R(users.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: tasks}}})).Get(c)
		if got == nil {
			c.Fatal("user not found")
		}
		c.Eq("tasks", len(got.Tasks), 1)
	})

	js.It("should support a hasMany association reference with a where condition", func(c *C) {
		users, tasks := userTasks(c)
		u := harness.Create(c, users, &itpRefUser{})[0]
		c.Must(tasks.Create(c.Ctx, u, &itpRefTask{Title: "trivial"}))
		c.Must(tasks.Create(c.Ctx, u, &itpRefTask{Title: "pursuit"}))
		got := harness.R(users.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{
			{Association: tasks, Where: sequelize.Where{"title": "trivial"}},
		}})).Get(c)
		if got == nil {
			c.Fatal("user not found")
		}
		c.Eq("tasks", len(got.Tasks), 1)
		c.Eq("task", got.Tasks[0].Title, "trivial")
	})

	js.It("should support a belongsToMany association reference", func(c *C) {
		users := harness.Define[itpRefUser](c, "user")
		groups := harness.Define[itpRefGroup](c, "group")
		ug := sequelize.BelongsToMany(users, groups, sequelize.BelongsToManyOptions{Through: "UserGroup"})
		sequelize.BelongsToMany(groups, users, sequelize.BelongsToManyOptions{Through: "UserGroup"})
		c.Sync()
		u := harness.Create(c, users, &itpRefUser{})[0]
		c.Must(ug.Create(c.Ctx, u, &itpRefGroup{}))
		got := harness.R(users.FindOne(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: ug}}})).Get(c)
		if got == nil {
			c.Fatal("user not found")
		}
		c.Eq("groups", len(got.Groups), 1)
	})

	js.It("should support a simple nested belongsTo -> belongsTo include", func(c *C) {
		tasks := harness.Define[itpNTask](c, "Task")
		users := harness.Define[itpNUser](c, "User")
		groups := harness.Define[itpNGroup](c, "Group")
		tu := sequelize.BelongsTo(tasks, users)
		ug := sequelize.BelongsTo(users, groups)
		c.Sync()
		task := harness.Create(c, tasks, &itpNTask{})[0]
		user := harness.Create(c, users, &itpNUser{})[0]
		group := harness.Create(c, groups, &itpNGroup{})[0]
		c.Must(tu.Set(c.Ctx, task, user))
		c.Must(ug.Set(c.Ctx, user, group))
		got := harness.R(tasks.FindOne(c.Ctx, sequelize.FindOptions{
			Where:   sequelize.Where{"id": task.ID},
			Include: []sequelize.Include{{Association: tu, Include: []sequelize.Include{{Association: ug}}}},
		})).Get(c)
		if got == nil || got.User == nil || got.User.Group == nil {
			c.Fatalf("task = %+v, want its user and the user's group", got)
		}
	})

	js.It("should support a simple sibling set of belongsTo include", func(c *C) {
		tasks := harness.Define[itpNTask](c, "Task")
		users := harness.Define[itpNUser](c, "User")
		groups := harness.Define[itpNGroup](c, "Group")
		tu := sequelize.BelongsTo(tasks, users)
		tg := sequelize.BelongsTo(tasks, groups)
		c.Sync()
		task := &itpNTask{User: &itpNUser{}, Group: &itpNGroup{}}
		c.Must(tasks.Create(c.Ctx, task, sequelize.CreateOptions{Include: []sequelize.Include{{Association: tu}, {Association: tg}}}))
		got := harness.R(tasks.FindOne(c.Ctx, sequelize.FindOptions{
			Where:   sequelize.Where{"id": task.ID},
			Include: []sequelize.Include{{Association: tu}, {Association: tg}},
		})).Get(c)
		if got == nil || got.User == nil || got.Group == nil {
			c.Fatalf("task = %+v, want its user and its group", got)
		}
	})

	js.It("should support a simple nested hasOne -> hasOne include", func(c *C) {
		tasks := harness.Define[itpNTask](c, "Task")
		users := harness.Define[itpNUser](c, "User")
		groups := harness.Define[itpNGroup](c, "Group")
		ut := sequelize.HasOne(users, tasks)
		gu := sequelize.HasOne(groups, users)
		ug := sequelize.BelongsTo(users, groups)
		c.Sync()
		user := &itpNUser{Task: &itpNTask{}, Group: &itpNGroup{}}
		c.Must(users.Create(c.Ctx, user, sequelize.CreateOptions{Include: []sequelize.Include{{Association: ut}, {Association: ug}}}))
		got := harness.R(groups.FindOne(c.Ctx, sequelize.FindOptions{
			Where:   sequelize.Where{"id": user.Group.ID},
			Include: []sequelize.Include{{Association: gu, Include: []sequelize.Include{{Association: ut}}}},
		})).Get(c)
		if got == nil || got.User == nil || got.User.Task == nil {
			c.Fatalf("group = %+v, want its user and the user's task", got)
		}
	})

	js.It("should support a simple nested hasMany -> belongsTo include", func(c *C) {
		tasks := harness.Define[itpNTask](c, "Task")
		users := harness.Define[itpNUser](c, "User")
		projects := harness.Define[itpNProject](c, "Project")
		ut := sequelize.HasMany(users, tasks)
		tp := sequelize.BelongsTo(tasks, projects)
		c.Sync()
		harness.Bulk(c, projects, &itpNProject{ID: 1}, &itpNProject{ID: 2})
		one, two := int64(1), int64(2)
		user := &itpNUser{Tasks: []*itpNTask{{ProjectID: &one}, {ProjectID: &two}, {ProjectID: &one}, {ProjectID: &two}}}
		c.Must(users.Create(c.Ctx, user, sequelize.CreateOptions{Include: []sequelize.Include{{Association: ut}}}))
		got := harness.R(users.FindOne(c.Ctx, sequelize.FindOptions{
			Where:   sequelize.Where{"id": user.ID},
			Include: []sequelize.Include{{Association: ut, Include: []sequelize.Include{{Association: tp}}}},
		})).Get(c)
		if got == nil {
			c.Fatal("user not found")
		}
		c.Eq("tasks", len(got.Tasks), 4)
		for i, task := range got.Tasks {
			if task.Project == nil {
				c.Fatalf("task %d has no project", i)
			}
		}
	})

	js.It("should support a simple nested belongsTo -> hasMany include", func(c *C) {
		tasks := harness.Define[itpNTask](c, "Task")
		workers := harness.Define[itpNWorker](c, "Worker")
		projects := harness.Define[itpNProject](c, "Project")
		wp := sequelize.BelongsTo(workers, projects)
		pw := sequelize.HasMany(projects, workers)
		pt := sequelize.HasMany(projects, tasks)
		c.Sync()
		project := &itpNProject{Workers: []*itpNWorker{{}}, Tasks: []*itpNTask{{}, {}, {}, {}}}
		c.Must(projects.Create(c.Ctx, project, sequelize.CreateOptions{Include: []sequelize.Include{{Association: pw}, {Association: pt}}}))
		got := harness.R(workers.FindOne(c.Ctx, sequelize.FindOptions{
			Where:   sequelize.Where{"id": project.Workers[0].ID},
			Include: []sequelize.Include{{Association: wp, Include: []sequelize.Include{{Association: pt}}}},
		})).Get(c)
		if got == nil || got.Project == nil {
			c.Fatalf("worker = %+v, want its project", got)
		}
		c.Eq("tasks", len(got.Project.Tasks), 4)
	})

	js.It("should support a simple nested hasMany to hasMany include", func(c *C) {
		// The shop's models: the JS case's User, Product and Tag with the
		// same associations, and models it does not use.
		s := ihDefineShop(c, false)
		user := &ihFaUser{ID: 1, Products: []*ihFaProduct{{Title: "Chair"}, {Title: "Desk"}, {Title: "Dress"}, {Title: "Bed"}}}
		c.Must(s.users.Create(c.Ctx, user, sequelize.CreateOptions{Include: []sequelize.Include{{Association: s.userProducts}}}))
		products := harness.All(c, s.products)
		harness.Bulk(c, s.tags, &ihFaTag{Name: "A"}, &ihFaTag{Name: "B"}, &ihFaTag{Name: "C"})
		tags := harness.All(c, s.tags)
		c.Must(s.productTags.Set(c.Ctx, products[0], []*ihFaTag{tags[0], tags[2]}))
		c.Must(s.productTags.Set(c.Ctx, products[1], []*ihFaTag{tags[1]}))
		c.Must(s.productTags.Set(c.Ctx, products[2], []*ihFaTag{tags[0], tags[1], tags[2]}))
		// order: [User.id, [Product, 'id']]: the products' order is the
		// include's own (a HasMany's rows are sorted within their parent).
		got := harness.R(s.users.FindOne(c.Ctx, sequelize.FindOptions{
			Where: sequelize.Where{"id": 1},
			Include: []sequelize.Include{{Association: s.userProducts, Order: sequelize.Order{{"id", "ASC"}},
				Include: []sequelize.Include{{Association: s.productTags}}}},
			Order: sequelize.Order{{"id", "ASC"}},
		})).Get(c)
		if got == nil {
			c.Fatal("user not found")
		}
		c.Eq("products", len(got.Products), 4)
		var counts []int
		for _, p := range got.Products {
			counts = append(counts, len(p.Tags))
		}
		c.Eq("tags per product", counts, []int{2, 1, 3, 0})
	})

	js.It("should support an include with multiple different association types", func(c *C) {
		// The shop's models are the JS case's, with the same associations.
		s := ihDefineShop(c, false)
		product1 := &ihFaProduct{ID: 1, Title: "Chair", Prices: []*ihFaPrice{{Value: 5}, {Value: 10}}}
		product2 := &ihFaProduct{ID: 2, Title: "Desk", Prices: []*ihFaPrice{{Value: 5}, {Value: 10}, {Value: 15}, {Value: 20}}}
		for _, p := range []*ihFaProduct{product1, product2} {
			c.Must(s.products.Create(c.Ctx, p, sequelize.CreateOptions{Include: []sequelize.Include{{Association: s.productPrices}}}))
		}
		user := &ihFaUser{ID: 1, Memberships: []*ihFaMember{
			{ID: 1, Group: &ihFaGroup{Name: "Developers"}, Rank: &ihFaRank{Name: "Admin", CanInvite: 1, CanRemove: 1}},
			{ID: 2, Group: &ihFaGroup{Name: "Designers"}, Rank: &ihFaRank{Name: "Member", CanInvite: 1, CanRemove: 0}},
		}}
		c.Must(s.users.Create(c.Ctx, user, sequelize.CreateOptions{Include: []sequelize.Include{{Association: s.memberships,
			Include: []sequelize.Include{{Association: s.memberGroup}, {Association: s.memberRank}}}}}))
		harness.Bulk(c, s.tags, &ihFaTag{Name: "A"}, &ihFaTag{Name: "B"}, &ihFaTag{Name: "C"})
		tags := harness.All(c, s.tags)
		c.Must(s.userProducts.Set(c.Ctx, user, []*ihFaProduct{product1, product2}))
		c.Must(s.productTags.Set(c.Ctx, product1, []*ihFaTag{tags[0], tags[2]}))
		c.Must(s.productTags.Set(c.Ctx, product2, []*ihFaTag{tags[1]}))
		c.Must(s.category.Set(c.Ctx, product1, tags[1]))

		got := harness.R(s.users.FindOne(c.Ctx, sequelize.FindOptions{
			Where: sequelize.Where{"id": 1},
			Include: []sequelize.Include{
				{Association: s.memberships, Include: []sequelize.Include{{Association: s.memberGroup}, {Association: s.memberRank}}},
				{Association: s.userProducts, Include: []sequelize.Include{{Association: s.productTags}, {Association: s.category}, {Association: s.productPrices}}},
			},
		})).Get(c)
		if got == nil {
			c.Fatal("user not found")
		}
		slices.SortFunc(got.Memberships, func(a, b *ihFaMember) int { return int(a.ID - b.ID) })
		c.Eq("memberships", len(got.Memberships), 2)
		c.Eq("membership 0 group", got.Memberships[0].Group.Name, "Developers")
		c.Eq("membership 0 canRemove", got.Memberships[0].Rank.CanRemove, int64(1))
		c.Eq("membership 1 group", got.Memberships[1].Group.Name, "Designers")
		c.Eq("membership 1 canRemove", got.Memberships[1].Rank.CanRemove, int64(0))

		slices.SortFunc(got.Products, func(a, b *ihFaProduct) int { return int(a.ID - b.ID) })
		c.Eq("products", len(got.Products), 2)
		c.Eq("product 0 tags", len(got.Products[0].Tags), 2)
		c.Eq("product 1 tags", len(got.Products[1].Tags), 1)
		if got.Products[0].Category == nil {
			c.Fatal("product 0 has no category")
		}
		c.Eq("product 1 category", got.Products[1].Category, (*ihFaTag)(nil))
		c.Eq("product 0 prices", len(got.Products[0].Prices), 2)
		c.Eq("product 1 prices", len(got.Products[1].Prices), 4)
	})

	js.Differs("should support specifying attributes", func(c *C) {
		projects := harness.Define[itpAtProject](c, "Project")
		tasks := harness.Define[itpAtTask](c, "Task")
		sequelize.HasMany(projects, tasks)
		tp := sequelize.BelongsTo(tasks, projects)
		c.Sync()
		c.Must(tasks.Create(c.Ctx, &itpAtTask{Title: "FooBar", Project: &itpAtProject{Title: "BarFoo"}},
			sequelize.CreateOptions{Include: []sequelize.Include{{Association: tp}}}))
		got := harness.R(tasks.FindAll(c.Ctx, sequelize.FindOptions{
			Attributes: []any{"title"},
			Include:    []sequelize.Include{{Association: tp, Attributes: []any{"title"}}},
		})).Get(c)
		c.Eq("tasks", len(got), 1)
		// The primary keys are read and kept; the foreign key read to load
		// the project is zeroed.
		task := harness.R(tasks.FindOne(c.Ctx)).Get(c)
		project := harness.R(projects.FindOne(c.Ctx)).Get(c)
		c.Eq("task", got[0], &itpAtTask{ID: task.ID, Title: "FooBar", Project: &itpAtProject{ID: project.ID, Title: "BarFoo"}})
	})

	js.Differs("should support Sequelize.literal and renaming of attributes in included model attributes", func(c *C) {
		posts := harness.Define[itpLtPost](c, "Post")
		comments := harness.Define[itpLtComment](c, "PostComment")
		pc := sequelize.HasMany(posts, comments)
		c.Sync()
		post := harness.Create(c, posts, &itpLtPost{})[0]
		c.Must(pc.Create(c.Ctx, post, &itpLtComment{Comment_title: "WAT"}))
		// Each of the JS include's attributes is refused.
		for _, a := range []any{
			sequelize.Literal(`EXISTS(SELECT 1) AS "PostComments.someProperty"`),
			sequelize.As(sequelize.Literal("EXISTS(SELECT 1)"), "someProperty2"),
			sequelize.As("comment_title", "commentTitle"),
		} {
			_, err := posts.FindAll(c.Ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: pc, Attributes: []any{a}}}})
			var qe *sequelize.QueryError
			c.ErrAs(err, &qe)
		}
		// The aliased values, read from the comments' own table.
		rows := harness.R(comments.FindAllRaw(c.Ctx, sequelize.FindOptions{Attributes: []any{
			sequelize.As(sequelize.Literal("EXISTS(SELECT 1)"), "someProperty2"),
			sequelize.As("comment_title", "commentTitle"),
		}})).Get(c)
		c.Eq("rows", len(rows), 1)
		if v := rows[0]["someProperty2"]; v != true && v != int64(1) {
			c.Fatalf("someProperty2 = %#v, want a true value", v)
		}
		c.Eq("commentTitle", rows[0]["commentTitle"], "WAT")
	})

	js.It("should support self associated hasMany (with through) include", func(c *C) {
		groups := harness.Define[itpSelfGroup](c, "Group")
		oc := sequelize.BelongsToMany(groups, groups, sequelize.BelongsToManyOptions{Through: "groups_outsourcing_companies",
			AssociationOptions: sequelize.AssociationOptions{As: "OutsourcingCompanies"}})
		c.Sync()
		harness.Bulk(c, groups, &itpSelfGroup{Name: "SoccerMoms"}, &itpSelfGroup{Name: "Coca Cola"}, &itpSelfGroup{Name: "Dell"}, &itpSelfGroup{Name: "Pepsi"})
		all := harness.All(c, groups)
		c.Must(oc.Set(c.Ctx, all[0], all[1:]))
		got := harness.R(groups.FindOne(c.Ctx, sequelize.FindOptions{
			Where:   sequelize.Where{"id": all[0].ID},
			Include: []sequelize.Include{{Association: oc}},
		})).Get(c)
		if got == nil {
			c.Fatal("group not found")
		}
		c.Eq("outsourcing companies", len(got.OutsourcingCompanies), 3)
	})

	js.It("should support including date fields, with the correct timeszone", func(c *C) {
		noTimestamps := sequelize.ModelOptions{Timestamps: sequelize.Bool(false)}
		users := harness.Define[itpDtUser](c, "user", noTimestamps)
		groups := harness.Define[itpDtGroup](c, "group", noTimestamps)
		ug := sequelize.BelongsToMany(users, groups, sequelize.BelongsToManyOptions{Through: "group_user"})
		sequelize.BelongsToMany(groups, users, sequelize.BelongsToManyOptions{Through: "group_user"})
		c.Sync()
		when := time.Date(2014, 2, 20, 0, 0, 0, 0, time.UTC)
		user := harness.Create(c, users, &itpDtUser{DateField: when})[0]
		group := harness.Create(c, groups, &itpDtGroup{DateField: when})[0]
		c.Must(ug.Add(c.Ctx, user, group))
		got := harness.R(users.FindOne(c.Ctx, sequelize.FindOptions{
			Where:   sequelize.Where{"id": user.ID},
			Include: []sequelize.Include{{Association: ug}},
		})).Get(c)
		if got == nil || len(got.Groups) != 1 {
			c.Fatalf("user = %+v, want it with its group", got)
		}
		c.Eq("user dateField", got.DateField.UnixMilli(), when.UnixMilli())
		c.Eq("group dateField", got.Groups[0].DateField.UnixMilli(), when.UnixMilli())
	})

	js.It("should support include when retrieving associated objects", func(c *C) {
		users := harness.Define[itpUgUser](c, "user")
		groups := harness.Define[itpUgGroup](c, "group")
		through := harness.Define[itpUserGroup](c, "user_group")
		owned := sequelize.HasMany(users, groups)
		sequelize.BelongsTo(groups, users)
		sequelize.BelongsToMany(users, groups, sequelize.BelongsToManyOptions{ThroughModel: through, AssociationOptions: sequelize.AssociationOptions{As: "Clubs"}})
		members := sequelize.BelongsToMany(groups, users, sequelize.BelongsToManyOptions{ThroughModel: through, AssociationOptions: sequelize.AssociationOptions{As: "Members"}})
		c.Sync()
		owner := harness.Create(c, users, &itpUgUser{Name: "Owner"})[0]
		member := harness.Create(c, users, &itpUgUser{Name: "Member"})[0]
		group := harness.Create(c, groups, &itpUgGroup{Name: "Group"})[0]
		c.Must(owned.Add(c.Ctx, owner, group))
		c.Must(members.Add(c.Ctx, group, member))
		got := harness.R(owned.Get(c.Ctx, owner, sequelize.FindOptions{Include: []sequelize.Include{{Association: members}}})).Get(c)
		c.Eq("groups", len(got), 1)
		if len(got[0].Members) == 0 {
			c.Fatal("group has no members")
		}
		c.Eq("member", got[0].Members[0].Name, "Member")
	})
}
