// Command quickstart is the TypeScript example of Sequelize's API reference
// (User and UserGroup, User.belongsTo(UserGroup, {as: 'group', foreignKey:
// 'groupId'})) translated to Go, on an embedded in-memory SQLite database.
// It prints each step and the SQL it ran. Run it with:
//
//	go run ./examples/quickstart
package main

import (
	"context"
	"fmt"
	"log"
	"log/slog"
	"os"
	"time"

	"github.com/gosequelize/sequelize"
	_ "github.com/gosequelize/sequelize/dialect/sqlitedialect"
)

// UserGroup is the seed's UserGroup model: table "UserGroups".
type UserGroup struct {
	ID        int64
	Name      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// User is the seed's User model: table "Users".
type User struct {
	ID        int64
	Username  string
	FirstName string
	LastName  string
	GroupID   *int64     // the foreign key "groupId"
	Group     *UserGroup // filled by Include
	CreatedAt time.Time
	UpdatedAt time.Time
}

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

// sqlLogger prints each statement indented under the step that ran it.
func sqlLogger() *slog.Logger {
	return slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		switch a.Key {
		case slog.TimeKey, slog.LevelKey, slog.MessageKey:
			return slog.Attr{}
		}
		return a
	}}))
}

func step(s string) { fmt.Println("\n== " + s) }

func run(ctx context.Context) error {
	db, err := sequelize.Open(ctx, "sqlite::memory:", sequelize.Options{Logging: sqlLogger(), LogQueryParameters: true})
	if err != nil {
		return err
	}
	defer db.Close()

	// User.init(...); UserGroup.init(...)
	users := sequelize.Define[User](db)
	groups := sequelize.Define[UserGroup](db)
	// User.belongsTo(UserGroup, { as: 'group', foreignKey: 'groupId' })
	group := sequelize.BelongsTo(users, groups, sequelize.AssociationOptions{As: "group", ForeignKey: "groupId"})

	step("sequelize.sync()")
	if err := db.Sync(ctx); err != nil {
		return err
	}

	step("seed: two groups and a user in the first")
	admins, staff := &UserGroup{Name: "admins"}, &UserGroup{Name: "staff"}
	for _, g := range []*UserGroup{admins, staff} {
		if err := groups.Create(ctx, g); err != nil {
			return err
		}
	}
	if err := users.Create(ctx, &User{Username: "jdoe", FirstName: "Jane", LastName: "Doe", GroupID: &admins.ID}); err != nil {
		return err
	}

	step("const user = await User.findOne({ include: [Group] })")
	user, err := users.FindOne(ctx, sequelize.FindOptions{Include: []sequelize.Include{{Association: group}}})
	if err != nil {
		return err
	}
	fmt.Printf("-> user %d %s, group %q\n", user.ID, user.Username, user.Group.Name)

	step("user.firstName = 'John'; await user.save()")
	user.FirstName = "John"
	if err := users.Save(ctx, user); err != nil {
		return err
	}
	fmt.Printf("-> saved: %s %s\n", user.FirstName, user.LastName)

	step("await user.setGroup(2)")
	if err := group.Set(ctx, user, int64(2)); err != nil {
		return err
	}
	g, err := group.Get(ctx, user)
	if err != nil {
		return err
	}
	fmt.Printf("-> user %d is now in group %d %q\n", user.ID, *user.GroupID, g.Name)

	step("const user2 = await User.create({ firstName: 'John', groupId: 1 })")
	user2 := &User{FirstName: "John", GroupID: &admins.ID}
	if err := users.Create(ctx, user2); err != nil {
		return err
	}
	fmt.Printf("-> user2 has id %d, group %d, new record: %v\n", user2.ID, *user2.GroupID, users.IsNewRecord(user2))
	return nil
}
