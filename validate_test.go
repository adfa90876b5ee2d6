package sequelize_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gosequelize/sequelize"
	"github.com/gosequelize/sequelize/internal/testdb"
)

type Signup struct {
	ID       int64
	Email    string  `validate:"isEmail"`
	Name     string  `sequelize:"allowNull:false" validate:"notEmpty;len(2,10)"`
	Nick     *string `sequelize:"allowNull:false"`
	Age      int     `validate:"min(13);max(120)"`
	Role     string  `validate:"isIn(admin,user)"`
	Website  string  `validate:"isUrl"`
	Code     string  `validate:"is(^[A-Z]{3}$)"`
	Even     int
	Password string
}

func signups(t *testing.T, tg testdb.Target) (*sequelize.DB, *sequelize.Model[Signup]) {
	db := tg.Open(t)
	m := sequelize.Define[Signup](db, sequelize.ModelOptions{
		Timestamps: sequelize.Bool(false),
		Attributes: map[string]sequelize.AttributeOptions{
			"even": {Validate: []sequelize.Validator{{Name: "isEven", Fn: func(ctx context.Context, v any) error {
				if v.(int)%2 != 0 {
					return errors.New("must be even")
				}
				return nil
			}}}},
			"password": {Validate: []sequelize.Validator{{Name: "len", Args: []any{8}, Msg: "password too short"}}},
		},
		Validate: map[string]sequelize.ModelValidator{
			"passwordNotName": func(ctx context.Context, inst any) error {
				s := inst.(*Signup)
				if s.Password != "" && strings.EqualFold(s.Password, s.Name) {
					return errors.New("password equals name")
				}
				return nil
			},
		},
	})
	if err := m.Sync(t.Context()); err != nil {
		t.Fatal(err)
	}
	return db, m
}

func valid() *Signup {
	nick := "nick"
	return &Signup{Email: "a@b.co", Name: "Ann", Nick: &nick, Age: 30, Role: "user", Website: "https://example.com", Code: "ABC", Even: 2, Password: "longenough"}
}

func TestValidationRules(t *testing.T) {
	ctx := context.Background()
	_, m := signups(t, testdb.SQLite)
	if err := m.Validate(ctx, valid()); err != nil {
		t.Fatalf("a valid record fails: %v", err)
	}
	cases := []struct {
		mutate func(s *Signup)
		path   string
		typ    string
		key    string
	}{
		{func(s *Signup) { s.Email = "nope" }, "email", "Validation error", "isEmail"},
		{func(s *Signup) { s.Name = "   " }, "name", "Validation error", "notEmpty"},
		{func(s *Signup) { s.Name = "abcdefghijkl" }, "name", "Validation error", "len"},
		{func(s *Signup) { s.Nick = nil }, "nick", "notNull Violation", "is_null"},
		{func(s *Signup) { s.Age = 12 }, "age", "Validation error", "min"},
		{func(s *Signup) { s.Age = 121 }, "age", "Validation error", "max"},
		{func(s *Signup) { s.Role = "root" }, "role", "Validation error", "isIn"},
		{func(s *Signup) { s.Website = "not a url" }, "website", "Validation error", "isUrl"},
		{func(s *Signup) { s.Code = "abc" }, "code", "Validation error", "is"},
		{func(s *Signup) { s.Even = 3 }, "even", "Validation error", "isEven"},
		{func(s *Signup) { s.Password = "short" }, "password", "Validation error", "len"},
		{func(s *Signup) { s.Password = "annannann"; s.Name = "annannann" }, "passwordNotName", "Validation error", "passwordNotName"},
	}
	for _, c := range cases {
		s := valid()
		c.mutate(s)
		err := m.Validate(ctx, s)
		var ve *sequelize.ValidationError
		if !errors.As(err, &ve) || len(ve.Errors) != 1 {
			t.Errorf("%s: %v", c.path, err)
			continue
		}
		it := ve.Errors[0]
		if it.Path != c.path || it.Type != c.typ || it.ValidatorKey != c.key {
			t.Errorf("%s: item %+v", c.path, it)
		}
	}
	// Every failure is collected, and messages are Sequelize's.
	bad := valid()
	bad.Email, bad.Age, bad.Password = "x", 5, "pw"
	err := m.Validate(ctx, bad)
	var ve *sequelize.ValidationError
	if !errors.As(err, &ve) || len(ve.Errors) != 3 {
		t.Fatalf("collected = %v", err)
	}
	want := "sequelize: Validation error: Validation isEmail on email failed,\nValidation error: Validation min on age failed,\nValidation error: password too short"
	if err.Error() != want {
		t.Errorf("message = %q", err.Error())
	}
	if len(ve.Get("age")) != 1 {
		t.Errorf("Get(age) = %v", ve.Get("age"))
	}
	// Skip and Fields.
	if err := m.Validate(ctx, bad, sequelize.ValidateOptions{Skip: []string{"email", "age", "password"}}); err != nil {
		t.Errorf("Skip: %v", err)
	}
	if err := m.Validate(ctx, bad, sequelize.ValidateOptions{Fields: []string{"name"}}); err != nil {
		t.Errorf("Fields: %v", err)
	}
	// Unknown validators fail at definition.
	func() {
		defer func() {
			if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "Invalid validator function: isArray") {
				t.Errorf("unknown validator: %v", r)
			}
		}()
		type Bad struct {
			ID int64
			X  string `validate:"isArray"`
		}
		sequelize.Define[Bad](testdb.SQLite.Open(t))
	}()
}

func TestValidationOnWrites(t *testing.T) {
	testdb.Each(t, func(t *testing.T, tg testdb.Target) {
		ctx := t.Context()
		_, m := signups(t, tg)
		bad := valid()
		bad.Email = "bad"
		var ve *sequelize.ValidationError
		if err := m.Create(ctx, bad); !errors.As(err, &ve) {
			t.Fatalf("Create: %v", err)
		}
		if err := m.Create(ctx, bad, sequelize.CreateOptions{Validate: sequelize.Bool(false)}); err != nil {
			t.Errorf("Create without validation: %v", err)
		}
		s := valid()
		if err := m.Create(ctx, s); err != nil {
			t.Fatal(err)
		}
		// Save validates the changed attributes only.
		s.Age = 200
		if err := m.Save(ctx, s); !errors.As(err, &ve) || ve.Errors[0].Path != "age" {
			t.Errorf("Save: %v", err)
		}
		s.Age = 40
		if err := m.Save(ctx, s); err != nil {
			t.Errorf("Save of a valid change: %v", err)
		}
		// Update validates the values it writes.
		if _, err := m.Update(ctx, sequelize.Values{"role": "god"}, sequelize.UpdateOptions{Where: sequelize.Where{"id": s.ID}}); !errors.As(err, &ve) {
			t.Errorf("Update: %v", err)
		}
		// BulkCreate with Validate: nothing is inserted if any record fails.
		before, _ := m.Count(ctx)
		recs := []*Signup{valid(), valid(), valid()}
		recs[1].Code = "no"
		recs[2].Role = "x"
		err := m.BulkCreate(ctx, recs, sequelize.BulkCreateOptions{Validate: true})
		var agg *sequelize.AggregateError
		if !errors.As(err, &agg) || len(agg.Errors) != 2 {
			t.Fatalf("BulkCreate: %v", err)
		}
		var rec *sequelize.BulkRecordError
		if !errors.As(agg.Errors[0], &rec) || rec.Record != recs[1] {
			t.Errorf("BulkRecordError = %+v", agg.Errors[0])
		}
		if after, _ := m.Count(ctx); after != before {
			t.Errorf("rows inserted despite a failed record: %d -> %d", before, after)
		}
		// Upsert validates.
		up := valid()
		up.ID = s.ID
		up.Email = "x"
		if _, err := m.Upsert(ctx, up); !errors.As(err, &ve) {
			t.Errorf("Upsert: %v", err)
		}
		_ = time.Second
	})
}
