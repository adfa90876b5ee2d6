package datatypes_test

import (
	"fmt"
	"math/big"
	"reflect"
	"time"

	"github.com/gosequelize/sequelize/datatypes"
)

// The SQL of a few types in each dialect.
func Example() {
	types := []datatypes.DataType{
		datatypes.String(64),
		datatypes.String().Binary(),
		datatypes.Integer(11).Unsigned(),
		datatypes.Decimal(10, 2),
		datatypes.Boolean(),
		datatypes.Date(6),
		datatypes.UUID(),
		datatypes.Enum("active", "inactive"),
		datatypes.JSONB(),
	}
	for _, t := range types {
		fmt.Printf("%-22s", t)
		for _, d := range []string{"postgres", "mysql", "sqlite"} {
			sql, err := t.SQL(datatypes.Context{Dialect: d, Table: "Users", Column: "status"})
			if err != nil {
				sql = "-"
			}
			fmt.Printf(" | %s", sql)
		}
		fmt.Println()
	}
	// Output:
	// STRING(64)             | VARCHAR(64) | VARCHAR(64) | VARCHAR(64)
	// STRING.BINARY          | BYTEA | VARCHAR(255) BINARY | VARCHAR BINARY(255)
	// INTEGER(11).UNSIGNED   | INTEGER | INTEGER(11) UNSIGNED | INTEGER
	// DECIMAL(10,2)          | DECIMAL(10,2) | DECIMAL(10,2) | DECIMAL(10,2)
	// BOOLEAN                | BOOLEAN | TINYINT(1) | TINYINT(1)
	// DATE(6)                | TIMESTAMP WITH TIME ZONE | DATETIME(6) | DATETIME
	// UUID                   | UUID | CHAR(36) BINARY | UUID
	// ENUM('active','inactive') | "public"."enum_Users_status" | ENUM('active', 'inactive') | TEXT
	// JSONB                  | JSONB | - | -
}

// Parse reads a type from a tag; String writes it back.
func ExampleParse() {
	for _, s := range []string{"string(64)", "INTEGER(11) UNSIGNED ZEROFILL", "DOUBLE PRECISION", "ENUM('it''s', 'a,b')", "ARRAY(ENUM('a','b'))", "GEOMETRY('POINT', 4326)", "VARCHAR(10)"} {
		t, err := datatypes.Parse(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s -> %s (key %s)\n", s, t, t.Key())
	}
	// Output:
	// string(64) -> STRING(64) (key STRING)
	// INTEGER(11) UNSIGNED ZEROFILL -> INTEGER(11).UNSIGNED.ZEROFILL (key INTEGER)
	// DOUBLE PRECISION -> DOUBLE (key DOUBLE PRECISION)
	// ENUM('it''s', 'a,b') -> ENUM('it''s','a,b') (key ENUM)
	// ARRAY(ENUM('a','b')) -> ARRAY(ENUM('a','b')) (key ARRAY)
	// GEOMETRY('POINT', 4326) -> GEOMETRY('POINT',4326) (key GEOMETRY)
	// sequelize: unrecognized data type "VARCHAR(10)"
}

// ForGoType gives the default type of a struct field.
func ExampleForGoType() {
	type Product struct {
		Name     string
		Price    big.Rat
		Stock    uint16
		Weight   float64
		Active   bool
		Released *time.Time
		Photo    []byte
		Labels   map[string]string
	}
	rt := reflect.TypeFor[Product]()
	for i := range rt.NumField() {
		t, _ := datatypes.ForGoType(rt.Field(i).Type)
		fmt.Printf("%s: %s\n", rt.Field(i).Name, t)
	}
	// Output:
	// Name: STRING
	// Price: DECIMAL
	// Stock: INTEGER.UNSIGNED
	// Weight: DOUBLE
	// Active: BOOLEAN
	// Released: DATE
	// Photo: BLOB
	// Labels: JSON
}

// Bind converts Go values to driver parameters; Scan reads them back.
func ExampleDataType_bind() {
	price := datatypes.Decimal(10, 2)
	v, _ := price.Bind("postgres", big.NewRat(1999, 100))
	fmt.Printf("%T %v\n", v, v)

	when := time.Date(2024, 3, 4, 5, 6, 7, 891000000, time.UTC)
	v, _ = datatypes.Date().Bind("sqlite", when)
	fmt.Printf("%T %v\n", v, v)

	var got *big.Rat
	_ = price.Scan("postgres", "19.99", reflect.ValueOf(&got).Elem())
	fmt.Println(got.FloatString(2))

	var missing *big.Rat
	_ = price.Scan("postgres", nil, reflect.ValueOf(&missing).Elem())
	fmt.Println(missing == nil)
	// Output:
	// string 19.99
	// string 2024-03-04 05:06:07.891 +00:00
	// 19.99
	// true
}

// ENUM columns on postgres use a named type, created first.
func ExampleEnumType_CreateTypeSQL() {
	status := datatypes.Enum("active", "inactive")
	c := datatypes.Context{Dialect: "postgres", Table: "Users", Column: "status"}
	create, _ := status.CreateTypeSQL(c)
	column, _ := status.SQL(c)
	fmt.Println(create)
	fmt.Println(column)
	// Output:
	// CREATE TYPE "public"."enum_Users_status" AS ENUM('active', 'inactive');
	// "public"."enum_Users_status"
}

// A RANGE value binds as a PostgreSQL range literal.
func ExampleRangeValue() {
	r := datatypes.NewRange(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC))
	v, _ := datatypes.Range(datatypes.DateOnly()).Bind("postgres", r)
	fmt.Println(v)

	var back datatypes.RangeValue[int]
	_ = back.Scan("[1,10)")
	fmt.Println(*back.Lower, *back.Upper, back.LowerInclusive, back.UpperInclusive)
	// Output:
	// [2024-01-01,2024-02-01)
	// 1 10 true false
}

// Unsupported combinations fail with an *UnsupportedError.
func ExampleUnsupportedError() {
	_, err := datatypes.HStore().SQL(datatypes.Context{Dialect: "mysql"})
	fmt.Println(err)
	_, err = datatypes.Virtual(datatypes.Integer()).SQL(datatypes.Context{Dialect: "sqlite"})
	fmt.Println(err)
	// Output:
	// sequelize: HSTORE is not supported by mysql
	// sequelize: VIRTUAL is not a column
}
