package conformance_test

import (
	"time"

	"github.com/gosequelize/sequelize"
)

// insUser is the User model of the beforeEach of instance.test.js and
// instance/{save,reload,update}.test.js: incUser without the column named
// apart, and with validateCustom's message.
type insUser struct {
	ID                int64
	Username          string
	Uuidv1            string    `sequelize:"type:UUID;defaultValue:UUIDV1"`
	Uuidv4            string    `sequelize:"type:UUID;defaultValue:UUIDV4"`
	TouchedAt         time.Time `sequelize:"defaultValue:NOW"`
	ANumber           int64
	BNumber           int64
	ADate             *time.Time
	ValidateTest      *int64 `validate:"isInt"`
	ValidateCustom    *string
	DateAllowNullTrue *time.Time
	IsSuperUser       bool `sequelize:"defaultValue:false"`
	CreatedAt         time.Time
	UpdatedAt         time.Time
}

// insDefineUser defines insUser as "User" (validateCustom: len 1..20 with
// the message "Length failed.") and syncs it.
func insDefineUser(c *C) *sequelize.Model[insUser] {
	c.Helper()
	users := sequelize.Define[insUser](c.DB, sequelize.ModelOptions{ModelName: "User",
		Attributes: map[string]sequelize.AttributeOptions{
			"validateCustom": {Validate: []sequelize.Validator{{Name: "len", Args: []any{1, 20}, Msg: "Length failed."}}},
		}})
	c.Sync()
	return users
}

// insNameBio is the {name, bio, email} model of the hooks cases.
type insNameBio struct {
	ID        int64
	Name      string
	Bio       string `sequelize:"type:TEXT"`
	Email     string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// insNameBioEmail is insNameBio whose email must be an email.
type insNameBioEmail struct {
	ID        int64
	Name      string
	Bio       string `sequelize:"type:TEXT"`
	Email     string `validate:"isEmail"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

// insUsername is the {username: STRING} model of the transaction cases.
type insUsername struct {
	ID        int64
	Username  string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// insStr returns a pointer to s.
func insStr(s string) *string { return &s }

// insInt returns a pointer to n.
func insInt(n int64) *int64 { return &n }

// insLocal is new Date(y, m, d) of JavaScript (months from 0), in UTC: the
// tests' time zone.
func insLocal(y, m, d int) time.Time { return time.Date(y, time.Month(m+1), d, 0, 0, 0, 0, time.UTC) }

// insAfter fails the case unless got is after (or, with orEqual, not
// before) want.
func insAfter(c *C, what string, got, want time.Time, orEqual bool) {
	c.Helper()
	if got.Before(want) || !orEqual && got.Equal(want) {
		c.Fatalf("%s = %v, want after %v", what, got, want)
	}
}

// insSameTime fails the case unless got and want are the same instant.
func insSameTime(c *C, what string, got, want time.Time) {
	c.Helper()
	if !got.Equal(want) {
		c.Fatalf("%s = %v, want %v", what, got, want)
	}
}
