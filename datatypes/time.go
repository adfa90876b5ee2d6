package datatypes

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// BooleanType is BOOLEAN. Make one with [Boolean].
type BooleanType struct{}

// Boolean is Sequelize's DataTypes.BOOLEAN: BOOLEAN on postgres,
// TINYINT(1) on mysql, mariadb and sqlite.
func Boolean() BooleanType { return BooleanType{} }

// Key returns "BOOLEAN".
func (BooleanType) Key() string { return "BOOLEAN" }

// String returns "BOOLEAN".
func (BooleanType) String() string { return "BOOLEAN" }

// SQL returns BOOLEAN on postgres and TINYINT(1) elsewhere.
func (t BooleanType) SQL(c Context) (string, error) {
	fam, err := dialectOf(c.Dialect)
	if err != nil {
		return "", err
	}
	if fam == postgres {
		return "BOOLEAN", nil
	}
	return "TINYINT(1)", nil
}

// Bind accepts bool, the integers 0 and 1, and the strings "true",
// "false", "1", "0" (as Sequelize does), and gives a bool.
func (t BooleanType) Bind(dialect string, v any) (any, error) {
	if _, err := dialectOf(dialect); err != nil {
		return nil, err
	}
	return bindLoop(constName("BOOLEAN").name, v, false, func(v any) (any, bool, error) {
		rv := reflect.ValueOf(v)
		if rv.Kind() == reflect.Bool {
			return rv.Bool(), true, nil
		}
		if n, u, unsigned, ok := intOf(v); ok {
			switch {
			case !unsigned && (n == 0 || n == 1):
				return n == 1, true, nil
			case unsigned && u <= 1:
				return u == 1, true, nil
			}
			return nil, false, fmt.Errorf("%v is not a boolean (want 0 or 1)", v)
		}
		if s, ok := stringOf(v); ok {
			switch strings.ToLower(strings.TrimSpace(s)) {
			case "true", "1":
				return true, true, nil
			case "false", "0":
				return false, true, nil
			}
			return nil, false, fmt.Errorf("%q is not a boolean", s)
		}
		return nil, false, nil
	})
}

// Scan stores a boolean (BOOLEAN, or TINYINT 0/1) into bool, integer (0
// or 1), string ("true"/"false") and sql.Scanner values.
func (t BooleanType) Scan(dialect string, src any, dst reflect.Value) error {
	return (&scanSpec{name: "BOOLEAN", canon: func(src any) (any, error) {
		b, err := toBool(normalizeDriver(src))
		if err != nil {
			return nil, fmt.Errorf("sequelize: scan BOOLEAN: cannot read %T %v as a boolean", src, src)
		}
		return b, nil
	}}).scan(src, dst)
}

// DateType is DATE: a point in time, with an optional fractional-seconds
// precision (mysql and mariadb). Make one with [Date].
type DateType struct{ fsp int }

// Date is Sequelize's DataTypes.DATE(fsp): TIMESTAMP WITH TIME ZONE on
// postgres, DATETIME(fsp) on mysql and mariadb, DATETIME on sqlite.
func Date(fsp ...int) DateType { return DateType{fsp: optLength(fsp)} }

// Precision is the fractional-seconds precision, 0 when none.
func (t DateType) Precision() int { return t.fsp }

// Key returns "DATE".
func (DateType) Key() string { return "DATE" }

// String returns "DATE" or "DATE(6)".
func (t DateType) String() string {
	if t.fsp > 0 {
		return "DATE(" + strconv.Itoa(t.fsp) + ")"
	}
	return "DATE"
}

// SQL returns TIMESTAMP WITH TIME ZONE on postgres, DATETIME or
// DATETIME(fsp) on mysql and mariadb, DATETIME on sqlite.
func (t DateType) SQL(c Context) (string, error) {
	fam, err := dialectOf(c.Dialect)
	if err != nil {
		return "", err
	}
	switch fam {
	case postgres:
		return "TIMESTAMP WITH TIME ZONE", nil
	case mysql:
		if t.fsp > 0 {
			return "DATETIME(" + strconv.Itoa(t.fsp) + ")", nil
		}
	}
	return "DATETIME", nil
}

// sequelizeSQLiteDate is how Sequelize writes DATE values on SQLite.
const sequelizeSQLiteDate = "2006-01-02 15:04:05.000 -07:00"

// Bind accepts a time.Time or a timestamp string (RFC 3339, or
// "YYYY-MM-DD HH:MM:SS[.fff] [+hh:mm]"; UTC when it has no offset) and
// gives: on postgres a time.Time in UTC truncated to microseconds (what
// TIMESTAMP WITH TIME ZONE keeps); on mysql and mariadb a time.Time in UTC
// truncated to the column's fractional precision (whole seconds for a
// plain DATE, a DATETIME column, as Sequelize writes it, where the server
// would round or truncate); on sqlite Sequelize's text form
// "YYYY-MM-DD HH:MM:SS.SSS +00:00" (milliseconds), so that Sequelize reads
// Go's rows and the other way round. The value bound is thus the value
// stored, which Scan reads back unchanged.
func (t DateType) Bind(dialect string, v any) (any, error) {
	fam, err := dialectOf(dialect)
	if err != nil {
		return nil, err
	}
	if tm, ok := v.(time.Time); ok && fam == postgres && tm.Location() == time.UTC && tm.Nanosecond()%1000 == 0 {
		return v, nil // fast path: no re-boxing
	}
	return bindLoop(t.String, v, false, func(v any) (any, bool, error) {
		tm, ok, err := timeValue(v)
		if !ok || err != nil {
			return nil, ok, err
		}
		tm = tm.UTC()
		switch fam {
		case mysql:
			return tm.Truncate(fracUnit(t.fsp)), true, nil
		case sqlite:
			return tm.Format(sequelizeSQLiteDate), true, nil
		}
		return tm.Truncate(time.Microsecond), true, nil
	})
}

// fracUnit is the duration of the last kept digit of fsp fractional digits.
func fracUnit(fsp int) time.Duration {
	d := time.Second
	for range min(max(fsp, 0), 9) {
		d /= 10
	}
	return d
}

func timeValue(v any) (time.Time, bool, error) {
	switch x := v.(type) {
	case time.Time:
		return x, true, nil
	}
	if s, ok := stringOf(v); ok {
		t, err := parseTimestamp(s)
		return t, true, err
	}
	return time.Time{}, false, nil
}

// Scan stores a timestamp (a time.Time from the driver, or text as SQLite
// keeps it) into time.Time (in UTC), strings (RFC 3339) and sql.Scanner
// values.
func (t DateType) Scan(dialect string, src any, dst reflect.Value) error {
	return dateSpec(t.String()).scan(src, dst)
}

func dateSpec(name string) *scanSpec {
	return cachedSpec("dateSpec", name, buildDateSpec)
}

func buildDateSpec(name string) *scanSpec {
	return &scanSpec{name: name, canon: func(src any) (any, error) {
		switch x := normalizeDriver(src).(type) {
		case time.Time:
			return x.UTC(), nil
		case string, []byte:
			t, err := parseTimestamp(asString(x))
			if err != nil {
				return nil, fmt.Errorf("sequelize: scan %s: %w", name, err)
			}
			return t, nil
		}
		return nil, fmt.Errorf("sequelize: scan %s: cannot read %T as a timestamp", name, src)
	}}
}

// NowType is NOW, Sequelize's marker for "the current time" as a default
// value. Make one with [Now].
//
// NOW is not a column type: used as one, it behaves as DATE (its SQL,
// Bind and Scan are DATE's), which is what a column whose default is NOW
// needs. Sequelize itself writes the keyword NOW, which no database
// accepts as a column type.
type NowType struct{}

// Now is Sequelize's DataTypes.NOW.
func Now() NowType { return NowType{} }

// Key returns "NOW".
func (NowType) Key() string { return "NOW" }

// String returns "NOW".
func (NowType) String() string { return "NOW" }

// SQL returns DATE's SQL.
func (NowType) SQL(c Context) (string, error) { return Date().SQL(c) }

// Bind binds as DATE.
func (NowType) Bind(dialect string, v any) (any, error) { return Date().Bind(dialect, v) }

// Scan scans as DATE.
func (NowType) Scan(dialect string, src any, dst reflect.Value) error {
	return dateSpec("NOW").scan(src, dst)
}

// Generate returns the current time in UTC: the value of a NOW default.
func (NowType) Generate() time.Time { return time.Now().UTC() }

// DateOnlyType is DATEONLY: a calendar date without a time. Make one with
// [DateOnly].
type DateOnlyType struct{}

// DateOnly is Sequelize's DataTypes.DATEONLY: DATE in every dialect.
func DateOnly() DateOnlyType { return DateOnlyType{} }

// Key returns "DATEONLY".
func (DateOnlyType) Key() string { return "DATEONLY" }

// String returns "DATEONLY".
func (DateOnlyType) String() string { return "DATEONLY" }

// SQL returns DATE.
func (t DateOnlyType) SQL(c Context) (string, error) {
	if _, err := dialectOf(c.Dialect); err != nil {
		return "", err
	}
	return "DATE", nil
}

const dateLayout = "2006-01-02"

// Bind accepts a time.Time (its calendar date in its own location, with no
// time-zone conversion, as Sequelize does) or a string "YYYY-MM-DD" (or a
// timestamp, whose UTC date is used), and gives the string "YYYY-MM-DD".
func (t DateOnlyType) Bind(dialect string, v any) (any, error) {
	if _, err := dialectOf(dialect); err != nil {
		return nil, err
	}
	return bindLoop(constName("DATEONLY").name, v, false, func(v any) (any, bool, error) {
		if x, ok := v.(time.Time); ok {
			return x.Format(dateLayout), true, nil
		}
		if s, ok := stringOf(v); ok {
			d, err := dateText(s)
			return d, err == nil, err
		}
		return nil, false, nil
	})
}

func dateText(s string) (string, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(dateLayout, s); err == nil {
		return t.Format(dateLayout), nil
	}
	t, err := parseTimestamp(s)
	if err != nil {
		return "", fmt.Errorf("%q is not a date", s)
	}
	return t.Format(dateLayout), nil
}

// Scan stores a date into strings ("YYYY-MM-DD"), time.Time (midnight UTC)
// and sql.Scanner values.
func (t DateOnlyType) Scan(dialect string, src any, dst reflect.Value) error {
	return (&scanSpec{name: "DATEONLY", canon: func(src any) (any, error) {
		switch x := normalizeDriver(src).(type) {
		case time.Time:
			return x.Format(dateLayout), nil
		case string, []byte:
			d, err := dateText(asString(x))
			if err != nil {
				return nil, fmt.Errorf("sequelize: scan DATEONLY: %w", err)
			}
			return d, nil
		}
		return nil, fmt.Errorf("sequelize: scan DATEONLY: cannot read %T as a date", src)
	}}).scan(src, dst)
}

// TimeType is TIME: a time of day (or, on mysql and mariadb, a duration).
// Make one with [Time].
type TimeType struct{}

// Time is Sequelize's DataTypes.TIME: TIME in every dialect.
func Time() TimeType { return TimeType{} }

// Key returns "TIME".
func (TimeType) Key() string { return "TIME" }

// String returns "TIME".
func (TimeType) String() string { return "TIME" }

// SQL returns TIME.
func (t TimeType) SQL(c Context) (string, error) {
	if _, err := dialectOf(c.Dialect); err != nil {
		return "", err
	}
	return "TIME", nil
}

var timeSyntax = regexp.MustCompile(`^(-)?([0-9]+):([0-5][0-9])(?::([0-5][0-9])(?:\.([0-9]{1,9}))?)?$`)

// Bind accepts a time.Time (its clock in its own location), a
// time.Duration (the time since midnight; mysql and mariadb also take
// negative and longer durations) or a string "HH:MM[:SS[.ffffff]]", and
// gives the string "HH:MM:SS[.ffffff]".
func (t TimeType) Bind(dialect string, v any) (any, error) {
	if _, err := dialectOf(dialect); err != nil {
		return nil, err
	}
	return bindLoop(constName("TIME").name, v, false, func(v any) (any, bool, error) {
		switch x := v.(type) {
		case time.Time:
			return normalizeClock(x.Format("15:04:05.999999999")), true, nil
		case time.Duration:
			return formatDuration(x), true, nil
		}
		if s, ok := stringOf(v); ok {
			s = strings.TrimSpace(s)
			if !timeSyntax.MatchString(s) {
				return nil, false, fmt.Errorf("%q is not a time of day", s)
			}
			return s, true, nil
		}
		return nil, false, nil
	})
}

func formatDuration(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	h := d / time.Hour
	m := d % time.Hour / time.Minute
	s := d % time.Minute / time.Second
	ns := d % time.Second
	out := fmt.Sprintf("%s%02d:%02d:%02d", sign, h, m, s)
	if ns != 0 {
		out += strings.TrimRight(fmt.Sprintf(".%09d", ns), "0")
	}
	return out
}

// normalizeClock trims trailing zeros of the fraction: "12:34:56.789000"
// becomes "12:34:56.789" and "12:34:56.000" becomes "12:34:56".
func normalizeClock(s string) string {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	return s
}

func parseClock(s string) (time.Duration, error) {
	m := timeSyntax.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, fmt.Errorf("%q is not a time of day", s)
	}
	h, _ := strconv.ParseInt(m[2], 10, 64)
	mi, _ := strconv.ParseInt(m[3], 10, 64)
	var sec, ns int64
	if m[4] != "" {
		sec, _ = strconv.ParseInt(m[4], 10, 64)
	}
	if m[5] != "" {
		ns, _ = strconv.ParseInt((m[5] + "000000000")[:9], 10, 64)
	}
	if h > 2562047 {
		return 0, fmt.Errorf("%q overflows time.Duration", s)
	}
	d := time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute + time.Duration(sec)*time.Second + time.Duration(ns)
	if m[1] == "-" {
		d = -d
	}
	return d, nil
}

// Scan stores a time of day into strings ("HH:MM:SS[.ffffff]", trailing
// zeros of the fraction trimmed), time.Duration (since midnight),
// time.Time (on January 1 of year 0, UTC, like time.Parse) and sql.Scanner
// values.
func (t TimeType) Scan(dialect string, src any, dst reflect.Value) error {
	return (&scanSpec{
		name: "TIME",
		canon: func(src any) (any, error) {
			switch x := normalizeDriver(src).(type) {
			case time.Time:
				return normalizeClock(x.Format("15:04:05.999999999")), nil
			case string, []byte:
				s := strings.TrimSpace(asString(x))
				if !timeSyntax.MatchString(s) {
					return nil, fmt.Errorf("sequelize: scan TIME: %q is not a time of day", s)
				}
				return normalizeClock(s), nil
			case int64: // a duration in seconds, as some drivers give it
				return formatDuration(time.Duration(x) * time.Second), nil
			}
			return nil, fmt.Errorf("sequelize: scan TIME: cannot read %T as a time", src)
		},
		special: func(v any, dst reflect.Value) (bool, error) {
			switch dst.Type() {
			case durationType:
				d, err := parseClock(v.(string))
				if err != nil {
					return true, fmt.Errorf("sequelize: scan TIME: %w", err)
				}
				dst.SetInt(int64(d))
				return true, nil
			case timeType:
				d, err := parseClock(v.(string))
				if err != nil {
					return true, fmt.Errorf("sequelize: scan TIME: %w", err)
				}
				dst.Set(reflect.ValueOf(time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC).Add(d)))
				return true, nil
			}
			return false, nil
		},
	}).scan(src, dst)
}
