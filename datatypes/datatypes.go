package datatypes

import (
	"fmt"
	"reflect"
	"strings"
)

// DataType is a column type: one of Sequelize's DataTypes entries. Values
// are immutable: modifiers such as [StringType.Binary] and
// [IntegerType.Unsigned] return changed copies, so a DataType may be shared
// between models and goroutines.
type DataType interface {
	// Key is Sequelize's key of the type: "STRING", "INTEGER", "DECIMAL",
	// "DOUBLE PRECISION", "ENUM", ...
	Key() string
	// SQL is the column type in the DDL of c.Dialect, exactly as Sequelize
	// v6 writes it. It fails with an *UnsupportedError naming the type and
	// the dialect when the dialect cannot store the type (JSONB on mysql,
	// ARRAY on sqlite, HSTORE anywhere but postgres, ...), and with an
	// error for an invalid type (an ENUM without values, a VIRTUAL, which
	// is not a column).
	SQL(c Context) (string, error)
	// String is the type as written in a tag ("STRING(64)",
	// "DECIMAL(10,2)", "ENUM('a','b')"); Parse reads it back to an equal
	// value.
	String() string
	// Bind converts the Go value v to what the dialect's Go driver takes as
	// a bound parameter for a column of this type (pgx v5 for postgres,
	// go-sql-driver/mysql for mysql and mariadb, modernc.org/sqlite for
	// sqlite). Nil, nil pointers, maps and slices bind as NULL. See the
	// package documentation for the accepted Go values of each type.
	Bind(dialect string, v any) (any, error)
	// Scan stores src, a column value of this type as the dialect's driver
	// returns it, into dst, a settable value such as a struct field. NULL
	// sets dst to its zero value (nil for pointers); a pointer dst is
	// allocated when src is not NULL; dst types that implement
	// sql.Scanner receive a driver value. See the package documentation
	// for the accepted destinations of each type.
	Scan(dialect string, src any, dst reflect.Value) error
}

// Context is what DataType.SQL needs beyond the dialect. Only ENUM on
// postgres uses the other fields: its column type is the named type
// "<schema>"."enum_<table>_<column>", created by CREATE TYPE (see
// [EnumType.CreateTypeSQL]).
type Context struct {
	// Dialect is "postgres", "mysql", "mariadb" or "sqlite".
	Dialect string
	// Table and Column name the column being defined.
	Table, Column string
	// Schema is the table's schema; "" means "public" on postgres.
	Schema string
}

// UnsupportedError reports a type that a dialect cannot store, or a
// default-value marker used where a column type is needed.
type UnsupportedError struct {
	// Type is the type as written in a tag, for example "JSONB".
	Type string
	// Dialect is the dialect that cannot store it.
	Dialect string
	// Reason, when set, says more.
	Reason string
}

// Error returns "sequelize: <type> is not supported by <dialect>".
func (e *UnsupportedError) Error() string {
	msg := "sequelize: " + e.Type + " is not supported by " + e.Dialect
	if e.Reason != "" {
		msg += ": " + e.Reason
	}
	return msg
}

// Equal reports whether a and b are the same data type with the same
// options. Two types are equal exactly when their String forms are.
func Equal(a, b DataType) bool {
	return reflect.DeepEqual(a, b)
}

// The dialect names.
const (
	postgres = "postgres"
	mysql    = "mysql"
	mariadb  = "mariadb"
	sqlite   = "sqlite"
)

// dialectOf validates a dialect name and returns its family: "postgres",
// "mysql" (for mysql and mariadb) or "sqlite".
func dialectOf(d string) (string, error) {
	switch d {
	case postgres, sqlite, mysql:
		return d, nil
	case mariadb:
		return mysql, nil
	}
	return "", fmt.Errorf("sequelize: unknown dialect %q (want postgres, mysql, mariadb or sqlite)", d)
}

// support checks that t can be stored on dialect d (one of the allowed
// families) and returns d's family.
func support(t DataType, d string, allowed ...string) (string, error) {
	fam, err := dialectOf(d)
	if err != nil {
		return "", err
	}
	for _, a := range allowed {
		if a == fam {
			return fam, nil
		}
	}
	return "", &UnsupportedError{Type: t.String(), Dialect: d}
}

// quoteIdent quotes a PostgreSQL identifier.
func quoteIdent(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// escapeString writes s as an SQL string literal the way Sequelize's
// SqlString.escape does for the dialect family: doubled quotes for
// postgres and sqlite (postgres also turns NUL into \0), backslash escapes
// for mysql.
func escapeString(fam, s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	if fam == mysql {
		for _, r := range s {
			switch r {
			case 0:
				b.WriteString(`\0`)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\b':
				b.WriteString(`\b`)
			case '\t':
				b.WriteString(`\t`)
			case 0x1a:
				b.WriteString(`\Z`)
			case '\\', '\'', '"':
				b.WriteByte('\\')
				b.WriteRune(r)
			default:
				b.WriteRune(r)
			}
		}
	} else {
		s = strings.ReplaceAll(s, "'", "''")
		if fam == postgres {
			s = strings.ReplaceAll(s, "\x00", `\0`)
		}
		b.WriteString(s)
	}
	b.WriteByte('\'')
	return b.String()
}

// quoteTag quotes s with single quotes, doubling the quotes inside.
func quoteTag(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
