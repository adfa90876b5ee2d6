package datatypes

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"regexp"
	"strconv"
	"strings"
)

// IntegerType is TINYINT, SMALLINT, MEDIUMINT, INTEGER or BIGINT, with an
// optional display length and the UNSIGNED and ZEROFILL flags (which only
// mysql and mariadb keep). Make one with [TinyInt], [SmallInt],
// [MediumInt], [Integer] or [BigInt].
type IntegerType struct {
	key      string
	length   int
	unsigned bool
	zerofill bool
}

func optLength(l []int) int {
	if len(l) > 0 && l[0] > 0 {
		return l[0]
	}
	return 0
}

// TinyInt is Sequelize's DataTypes.TINYINT (1 byte). PostgreSQL has no
// TINYINT: SQL fails there (use SmallInt).
func TinyInt(length ...int) IntegerType {
	return IntegerType{key: "TINYINT", length: optLength(length)}
}

// SmallInt is Sequelize's DataTypes.SMALLINT (2 bytes).
func SmallInt(length ...int) IntegerType {
	return IntegerType{key: "SMALLINT", length: optLength(length)}
}

// MediumInt is Sequelize's DataTypes.MEDIUMINT (3 bytes); mysql, mariadb
// and sqlite only.
func MediumInt(length ...int) IntegerType {
	return IntegerType{key: "MEDIUMINT", length: optLength(length)}
}

// Integer is Sequelize's DataTypes.INTEGER (4 bytes); the optional length
// is mysql's display width, INTEGER(11).
func Integer(length ...int) IntegerType {
	return IntegerType{key: "INTEGER", length: optLength(length)}
}

// BigInt is Sequelize's DataTypes.BIGINT (8 bytes).
func BigInt(length ...int) IntegerType { return IntegerType{key: "BIGINT", length: optLength(length)} }

// Unsigned returns the type with the UNSIGNED flag (Sequelize's
// INTEGER.UNSIGNED); only mysql and mariadb keep it in the DDL.
func (t IntegerType) Unsigned() IntegerType { t.unsigned = true; return t }

// ZeroFill returns the type with the ZEROFILL flag (Sequelize's
// INTEGER.ZEROFILL); only mysql and mariadb keep it in the DDL.
func (t IntegerType) ZeroFill() IntegerType { t.zerofill = true; return t }

// Length is the display length, 0 when none.
func (t IntegerType) Length() int { return t.length }

// IsUnsigned reports whether the UNSIGNED flag is set.
func (t IntegerType) IsUnsigned() bool { return t.unsigned }

// IsZeroFill reports whether the ZEROFILL flag is set.
func (t IntegerType) IsZeroFill() bool { return t.zerofill }

// Key returns "TINYINT", "SMALLINT", "MEDIUMINT", "INTEGER" or "BIGINT".
func (t IntegerType) Key() string { return t.key }

// String returns the tag form, such as "INTEGER(11).UNSIGNED.ZEROFILL".
func (t IntegerType) String() string {
	return numberString(t.key, t.length, -1, t.unsigned, t.zerofill)
}

func numberString(key string, length, decimals int, unsigned, zerofill bool) string {
	if key == "DOUBLE PRECISION" {
		key = "DOUBLE"
	}
	s := key + numberArgs(length, decimals)
	if unsigned {
		s += ".UNSIGNED"
	}
	if zerofill {
		s += ".ZEROFILL"
	}
	return s
}

func numberArgs(length, decimals int) string {
	if length <= 0 {
		return ""
	}
	s := "(" + strconv.Itoa(length)
	if decimals >= 0 {
		s += "," + strconv.Itoa(decimals)
	}
	return s + ")"
}

// mysqlNumber is Sequelize's NUMBER.toSql.
func mysqlNumber(key string, length, decimals int, unsigned, zerofill bool) string {
	s := key + numberArgs(length, decimals)
	if unsigned {
		s += " UNSIGNED"
	}
	if zerofill {
		s += " ZEROFILL"
	}
	return s
}

// SQL returns the type name; mysql and mariadb add the length, UNSIGNED and
// ZEROFILL ("INTEGER(11) UNSIGNED ZEROFILL"); postgres and sqlite drop them,
// as Sequelize does. TINYINT and MEDIUMINT fail on postgres.
func (t IntegerType) SQL(c Context) (string, error) {
	fam, err := dialectOf(c.Dialect)
	if err != nil {
		return "", err
	}
	switch fam {
	case postgres:
		if t.key == "TINYINT" || t.key == "MEDIUMINT" {
			return "", &UnsupportedError{Type: t.String(), Dialect: c.Dialect, Reason: "use SMALLINT or INTEGER"}
		}
		return t.key, nil
	case sqlite:
		return t.key, nil
	}
	return mysqlNumber(t.key, t.length, -1, t.unsigned, t.zerofill), nil
}

func (t IntegerType) bits() uint {
	switch t.key {
	case "TINYINT":
		return 8
	case "SMALLINT":
		return 16
	case "MEDIUMINT":
		return 24
	case "INTEGER":
		return 32
	}
	return 64
}

// Bind accepts Go integers, integral floats, decimal strings and *big.Int,
// checks that the value fits the column (its width and, on mysql and
// mariadb, its signedness; SQLite integers are 64-bit), and gives an
// int64, or a uint64 for a BIGINT UNSIGNED value above MaxInt64 on mysql.
func (t IntegerType) Bind(dialect string, v any) (any, error) {
	fam, err := dialectOf(dialect)
	if err != nil {
		return nil, err
	}
	if fam == postgres && (t.key == "TINYINT" || t.key == "MEDIUMINT") {
		if _, err := t.SQL(Context{Dialect: dialect}); err != nil {
			return nil, err
		}
	}
	bits, unsigned := t.bits(), t.unsigned && fam == mysql
	if fam == sqlite {
		bits, unsigned = 64, false
	}
	// Fast path: a Go signed integer that fits, with no allocation.
	if n, ok := fastInt(v); ok {
		switch {
		case unsigned && n < 0:
		case bits >= 64:
			return n, nil
		case !unsigned && n >= -(int64(1)<<(bits-1)) && n <= int64(1)<<(bits-1)-1:
			return n, nil
		case unsigned && n <= int64(1)<<bits-1:
			return n, nil
		}
	}
	return bindLoop(t.String, v, false, func(v any) (any, bool, error) {
		var r *big.Int
		if n, u, isUnsigned, ok := intOf(v); ok {
			if isUnsigned {
				r = new(big.Int).SetUint64(u)
			} else {
				r = big.NewInt(n)
			}
		} else if f, ok := floatOf(v); ok {
			if f != math.Trunc(f) || math.IsInf(f, 0) {
				return nil, false, fmt.Errorf("%v is not an integer", f)
			}
			r, _ = big.NewFloat(f).Int(nil)
		} else if s, ok := stringOf(v); ok {
			var good bool
			if r, good = new(big.Int).SetString(strings.TrimSpace(s), 10); !good {
				return nil, false, fmt.Errorf("%q is not an integer", s)
			}
		} else if b, ok := v.(*big.Int); ok {
			r = b
		} else if b, ok := v.(big.Int); ok {
			r = &b
		} else {
			return nil, false, nil
		}
		return fitInt(r, bits, unsigned)
	})
}

func fitInt(r *big.Int, bits uint, unsigned bool) (any, bool, error) {
	var lo, hi *big.Int
	if unsigned {
		lo, hi = new(big.Int), new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), bits), big.NewInt(1))
	} else {
		hi = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), bits-1), big.NewInt(1))
		lo = new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), bits-1))
	}
	if r.Cmp(lo) < 0 || r.Cmp(hi) > 0 {
		return nil, false, fmt.Errorf("%s is out of range [%s, %s]", r, lo, hi)
	}
	if r.IsInt64() {
		return r.Int64(), true, nil
	}
	return r.Uint64(), true, nil
}

// Scan stores an integer into Go integers (with an overflow check),
// floats, strings, bools (0 and 1), *big.Int and sql.Scanner values.
func (t IntegerType) Scan(dialect string, src any, dst reflect.Value) error {
	return integerSpec(t.String()).scan(src, dst)
}

func integerSpec(name string) *scanSpec {
	return cachedSpec("integerSpec", name, buildIntegerSpec)
}

func buildIntegerSpec(name string) *scanSpec {
	return &scanSpec{name: name, canon: func(src any) (any, error) {
		switch x := normalizeDriver(src).(type) {
		case int64, uint64:
			return x, nil
		case float64:
			if x == math.Trunc(x) && x >= -(1<<63) && x < 1<<63 {
				return int64(x), nil
			}
			return x, nil
		case bool:
			if x {
				return int64(1), nil
			}
			return int64(0), nil
		case string, []byte:
			s := strings.TrimSpace(asString(x))
			if n, err := strconv.ParseInt(s, 10, 64); err == nil {
				return n, nil
			}
			if u, err := strconv.ParseUint(s, 10, 64); err == nil {
				return u, nil
			}
			return nil, fmt.Errorf("sequelize: scan %s: %q is not an integer", name, s)
		}
		return nil, fmt.Errorf("sequelize: scan %s: cannot read %T as an integer", name, src)
	}}
}

// FloatType is FLOAT, REAL or DOUBLE (DOUBLE PRECISION), with an optional
// length and number of decimals and the UNSIGNED and ZEROFILL flags (which
// only mysql and mariadb keep). Make one with [Float], [Real] or [Double].
type FloatType struct {
	key      string
	length   int
	decimals int // -1: none
	unsigned bool
	zerofill bool
}

func newFloat(key string, args []int) FloatType {
	t := FloatType{key: key, decimals: -1}
	if len(args) > 0 && args[0] > 0 {
		t.length = args[0]
		if len(args) > 1 && args[1] >= 0 {
			t.decimals = args[1]
		}
	}
	return t
}

// Float is Sequelize's DataTypes.FLOAT(length, decimals); both are
// optional, and decimals needs a length.
func Float(lengthDecimals ...int) FloatType { return newFloat("FLOAT", lengthDecimals) }

// Real is Sequelize's DataTypes.REAL(length, decimals).
func Real(lengthDecimals ...int) FloatType { return newFloat("REAL", lengthDecimals) }

// Double is Sequelize's DataTypes.DOUBLE (DOUBLE PRECISION) with an
// optional length and decimals.
func Double(lengthDecimals ...int) FloatType { return newFloat("DOUBLE PRECISION", lengthDecimals) }

// Unsigned returns the type with the UNSIGNED flag (mysql and mariadb only).
func (t FloatType) Unsigned() FloatType { t.unsigned = true; return t }

// ZeroFill returns the type with the ZEROFILL flag (mysql and mariadb only).
func (t FloatType) ZeroFill() FloatType { t.zerofill = true; return t }

// Length is the declared length, 0 when none.
func (t FloatType) Length() int { return t.length }

// Decimals is the declared number of decimals; ok is false when none.
func (t FloatType) Decimals() (n int, ok bool) { return t.decimals, t.decimals >= 0 }

// IsUnsigned reports whether the UNSIGNED flag is set.
func (t FloatType) IsUnsigned() bool { return t.unsigned }

// IsZeroFill reports whether the ZEROFILL flag is set.
func (t FloatType) IsZeroFill() bool { return t.zerofill }

// Key returns "FLOAT", "REAL" or "DOUBLE PRECISION".
func (t FloatType) Key() string { return t.key }

// String returns the tag form, such as "FLOAT(11,10)" or "DOUBLE".
func (t FloatType) String() string {
	return numberString(t.key, t.length, t.decimals, t.unsigned, t.zerofill)
}

// SQL returns FLOAT, REAL or DOUBLE PRECISION; mysql and mariadb add the
// length, decimals and flags ("DOUBLE PRECISION(11,10)"); postgres keeps a
// FLOAT length without decimals ("FLOAT(11)") and drops everything else;
// sqlite drops all options.
func (t FloatType) SQL(c Context) (string, error) {
	fam, err := dialectOf(c.Dialect)
	if err != nil {
		return "", err
	}
	switch fam {
	case postgres:
		if t.key == "FLOAT" && t.length > 0 && t.decimals < 0 {
			return "FLOAT(" + strconv.Itoa(t.length) + ")", nil
		}
		return t.key, nil
	case sqlite:
		return t.key, nil
	}
	return mysqlNumber(t.key, t.length, t.decimals, t.unsigned, t.zerofill), nil
}

// Bind accepts Go floats, integers and numeric strings ("NaN",
// "Infinity" and "-Infinity" included) and gives a float64. mysql and
// mariadb cannot store NaN or infinities.
func (t FloatType) Bind(dialect string, v any) (any, error) {
	fam, err := dialectOf(dialect)
	if err != nil {
		return nil, err
	}
	return bindLoop(t.String, v, false, func(v any) (any, bool, error) {
		var f float64
		if x, ok := floatOf(v); ok {
			f = x
		} else if n, u, unsigned, ok := intOf(v); ok {
			if unsigned {
				f = float64(u)
			} else {
				f = float64(n)
			}
		} else if s, ok := stringOf(v); ok {
			var err error
			if f, err = parseFloat(s); err != nil {
				return nil, false, err
			}
		} else {
			return nil, false, nil
		}
		if fam == mysql && (math.IsNaN(f) || math.IsInf(f, 0)) {
			return nil, false, fmt.Errorf("%s cannot store %v", dialect, f)
		}
		return f, true, nil
	})
}

// Scan stores a number into Go floats, integers (when integral), strings,
// *big.Float, *big.Rat and sql.Scanner values.
func (t FloatType) Scan(dialect string, src any, dst reflect.Value) error {
	name := t.String()
	return (&scanSpec{name: name, canon: func(src any) (any, error) {
		switch x := normalizeDriver(src).(type) {
		case float64:
			return x, nil
		case int64:
			return float64(x), nil
		case uint64:
			return float64(x), nil
		case string, []byte:
			f, err := parseFloat(asString(x))
			if err != nil {
				return nil, fmt.Errorf("sequelize: scan %s: %w", name, err)
			}
			return f, nil
		}
		return nil, fmt.Errorf("sequelize: scan %s: cannot read %T as a number", name, src)
	}}).scan(src, dst)
}

// DecimalType is DECIMAL (NUMERIC): an exact number with an optional
// precision and scale. Make one with [Decimal] or [Numeric]. Values travel
// as decimal strings, never through float64.
type DecimalType struct {
	precision int
	scale     int
	unsigned  bool
	zerofill  bool
}

// Decimal is Sequelize's DataTypes.DECIMAL(precision, scale); both are
// optional. Like Sequelize, SQL leaves out a zero scale: DECIMAL(10, 0) is
// "DECIMAL(10)", the same column type.
func Decimal(precisionScale ...int) DecimalType {
	var t DecimalType
	if len(precisionScale) > 0 && precisionScale[0] > 0 {
		t.precision = precisionScale[0]
		if len(precisionScale) > 1 && precisionScale[1] > 0 {
			t.scale = precisionScale[1]
		}
	}
	return t
}

// Numeric is Sequelize's DataTypes.NUMERIC, the same type as DECIMAL.
func Numeric(precisionScale ...int) DecimalType { return Decimal(precisionScale...) }

// Unsigned returns the type with the UNSIGNED flag (mysql and mariadb only).
func (t DecimalType) Unsigned() DecimalType { t.unsigned = true; return t }

// ZeroFill returns the type with the ZEROFILL flag (mysql and mariadb only).
func (t DecimalType) ZeroFill() DecimalType { t.zerofill = true; return t }

// Precision is the declared precision, 0 when none.
func (t DecimalType) Precision() int { return t.precision }

// Scale is the declared scale, 0 when none.
func (t DecimalType) Scale() int { return t.scale }

// IsUnsigned reports whether the UNSIGNED flag is set.
func (t DecimalType) IsUnsigned() bool { return t.unsigned }

// IsZeroFill reports whether the ZEROFILL flag is set.
func (t DecimalType) IsZeroFill() bool { return t.zerofill }

// Key returns "DECIMAL".
func (t DecimalType) Key() string { return "DECIMAL" }

func (t DecimalType) args() string {
	switch {
	case t.precision > 0 && t.scale > 0:
		return "(" + strconv.Itoa(t.precision) + "," + strconv.Itoa(t.scale) + ")"
	case t.precision > 0:
		return "(" + strconv.Itoa(t.precision) + ")"
	}
	return ""
}

// String returns the tag form: "DECIMAL", "DECIMAL(10)", "DECIMAL(10,2)".
func (t DecimalType) String() string {
	s := "DECIMAL" + t.args()
	if t.unsigned {
		s += ".UNSIGNED"
	}
	if t.zerofill {
		s += ".ZEROFILL"
	}
	return s
}

// SQL returns DECIMAL, DECIMAL(p) or DECIMAL(p,s); mysql and mariadb add
// UNSIGNED and ZEROFILL. Note that mysql's plain DECIMAL is DECIMAL(10,0).
func (t DecimalType) SQL(c Context) (string, error) {
	fam, err := dialectOf(c.Dialect)
	if err != nil {
		return "", err
	}
	s := "DECIMAL" + t.args()
	if fam == mysql {
		if t.unsigned {
			s += " UNSIGNED"
		}
		if t.zerofill {
			s += " ZEROFILL"
		}
	}
	return s, nil
}

var decimalSyntax = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

// Bind gives the exact decimal text of v. It accepts decimal strings
// (validated), Go integers, *big.Int, *big.Rat (with the type's scale,
// rounded as the database would, when the type has one; else exactly, and
// an error for a fraction with no finite decimal form such as 1/3),
// *big.Float, driver.Valuer and fmt.Stringer values such as
// shopspring/decimal's Decimal, and float64 (formatted with
// strconv.FormatFloat(f, 'f', -1, 64): the shortest text that reads back as
// the same float64). "NaN", "Infinity" and "-Infinity" are postgres only.
func (t DecimalType) Bind(dialect string, v any) (any, error) {
	fam, err := dialectOf(dialect)
	if err != nil {
		return nil, err
	}
	return bindLoop(t.String, v, true, func(v any) (any, bool, error) {
		special := func(s string) (any, bool, error) {
			if fam != postgres {
				return nil, false, fmt.Errorf("%s cannot store %s in a DECIMAL", dialect, s)
			}
			return s, true, nil
		}
		if s, ok := stringOf(v); ok {
			s = strings.TrimSpace(s)
			switch strings.ToLower(s) {
			case "nan":
				return special("NaN")
			case "infinity", "+infinity":
				return special("Infinity")
			case "-infinity":
				return special("-Infinity")
			}
			if !decimalSyntax.MatchString(s) {
				return nil, false, fmt.Errorf("%q is not a decimal number", s)
			}
			return s, true, nil
		}
		if n, u, unsigned, ok := intOf(v); ok {
			if unsigned {
				return strconv.FormatUint(u, 10), true, nil
			}
			return strconv.FormatInt(n, 10), true, nil
		}
		if f, ok := floatOf(v); ok {
			switch {
			case math.IsNaN(f):
				return special("NaN")
			case math.IsInf(f, 1):
				return special("Infinity")
			case math.IsInf(f, -1):
				return special("-Infinity")
			}
			return strconv.FormatFloat(f, 'f', -1, 64), true, nil
		}
		switch x := v.(type) {
		case *big.Rat:
			s, err := ratString(x, t.scale)
			return s, err == nil, err
		case big.Rat:
			s, err := ratString(&x, t.scale)
			return s, err == nil, err
		case *big.Int:
			return x.String(), true, nil
		case big.Int:
			return x.String(), true, nil
		case *big.Float:
			return floatString(x, t.scale, special)
		case big.Float:
			return floatString(&x, t.scale, special)
		}
		return nil, false, nil
	})
}

func floatString(f *big.Float, scale int, special func(string) (any, bool, error)) (any, bool, error) {
	if f.IsInf() {
		if f.Sign() > 0 {
			return special("Infinity")
		}
		return special("-Infinity")
	}
	r, _ := f.Rat(nil)
	s, err := ratString(r, scale)
	return s, err == nil, err
}

// ratString formats r exactly, or rounded to scale digits when scale > 0.
func ratString(r *big.Rat, scale int) (string, error) {
	if scale > 0 {
		return r.FloatString(scale), nil
	}
	if r.IsInt() {
		return r.Num().String(), nil
	}
	d := new(big.Int).Set(r.Denom())
	var twos, fives int
	two, five, zero := big.NewInt(2), big.NewInt(5), new(big.Int)
	m := new(big.Int)
	for {
		if m.Mod(d, two); m.Cmp(zero) != 0 {
			break
		}
		d.Quo(d, two)
		twos++
	}
	for {
		if m.Mod(d, five); m.Cmp(zero) != 0 {
			break
		}
		d.Quo(d, five)
		fives++
	}
	if d.Cmp(big.NewInt(1)) != 0 {
		return "", fmt.Errorf("%s has no exact decimal form; give the DECIMAL a scale", r.RatString())
	}
	return r.FloatString(max(twos, fives)), nil
}

// Scan keeps the exact decimal text: it stores it into strings, *big.Rat,
// *big.Float, *big.Int, sql.Scanner values (such as shopspring/decimal's
// Decimal) and encoding.TextUnmarshaler values, into Go integers when the
// value is integral, and into floats (rounded).
func (t DecimalType) Scan(dialect string, src any, dst reflect.Value) error {
	name := t.String()
	return (&scanSpec{
		name: name,
		canon: func(src any) (any, error) {
			switch x := normalizeDriver(src).(type) {
			case string, []byte:
				return strings.TrimSpace(asString(x)), nil
			case int64:
				return strconv.FormatInt(x, 10), nil
			case uint64:
				return strconv.FormatUint(x, 10), nil
			case float64:
				return strconv.FormatFloat(x, 'f', -1, 64), nil
			}
			return nil, fmt.Errorf("sequelize: scan %s: cannot read %T as a decimal", name, src)
		},
		special: func(v any, dst reflect.Value) (bool, error) {
			s := v.(string)
			switch dst.Kind() {
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
				reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
				r, ok := new(big.Rat).SetString(s)
				if !ok || !r.IsInt() {
					return true, fmt.Errorf("sequelize: scan %s: %q is not an integer: cannot store it into %s", name, s, dst.Type())
				}
				n := r.Num()
				if dst.CanInt() {
					if !n.IsInt64() || dst.OverflowInt(n.Int64()) {
						return true, fmt.Errorf("sequelize: scan %s: %s overflows %s", name, s, dst.Type())
					}
					dst.SetInt(n.Int64())
					return true, nil
				}
				if !n.IsUint64() || dst.OverflowUint(n.Uint64()) {
					return true, fmt.Errorf("sequelize: scan %s: %s overflows %s", name, s, dst.Type())
				}
				dst.SetUint(n.Uint64())
				return true, nil
			}
			return false, nil
		},
	}).scan(src, dst)
}

// fastInt reads the common signed integer kinds without reflection.
func fastInt(v any) (int64, bool) {
	switch x := v.(type) {
	case int:
		return int64(x), true
	case int64:
		return x, true
	case int32:
		return int64(x), true
	case int16:
		return int64(x), true
	case int8:
		return int64(x), true
	}
	return 0, false
}
