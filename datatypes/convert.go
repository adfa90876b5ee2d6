package datatypes

import (
	"database/sql"
	"database/sql/driver"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"net"
	"reflect"
	"strconv"
	"strings"
	"time"
)

var (
	scannerType       = reflect.TypeFor[sql.Scanner]()
	valuerType        = reflect.TypeFor[driver.Valuer]()
	jsonMarshalerType = reflect.TypeFor[json.Marshaler]()
	timeType          = reflect.TypeFor[time.Time]()
	durationType      = reflect.TypeFor[time.Duration]()
	bigRatType        = reflect.TypeFor[big.Rat]()
	bigIntType        = reflect.TypeFor[big.Int]()
	bigFloatType      = reflect.TypeFor[big.Float]()
	ipNetType         = reflect.TypeFor[net.IPNet]()
	hardwareAddrType  = reflect.TypeFor[net.HardwareAddr]()
	rawMessageType    = reflect.TypeFor[json.RawMessage]()
)

// scanSpec says how one data type scans: canon turns the driver's value
// into the type's canonical Go value, which store then puts into the
// destination.
type scanSpec struct {
	name string
	// canon converts a non-NULL driver value to the canonical value
	// (int64, uint64, float64, bool, string, []byte, time.Time or a
	// type-specific value).
	canon func(src any) (any, error)
	// pre, when set, runs before the sql.Scanner check and may handle dst.
	pre func(v any, dst reflect.Value) (bool, error)
	// special, when set, runs after the sql.Scanner check and may handle dst.
	special func(v any, dst reflect.Value) (bool, error)
	// driver converts the canonical value to the value an sql.Scanner
	// receives; nil means driverValue.
	driver func(v any) (any, error)
	// iface converts the canonical value to the value stored in an
	// interface destination; nil means the canonical value itself.
	iface func(v any) (any, error)
}

// scan implements DataType.Scan for a spec.
func (s *scanSpec) scan(src any, dst reflect.Value) error {
	if !dst.IsValid() || !dst.CanSet() {
		return fmt.Errorf("sequelize: scan %s: the destination is not a settable value", s.name)
	}
	if src == nil {
		return setNull(dst)
	}
	v, err := s.canon(src)
	if err != nil {
		return err
	}
	return s.store(v, dst)
}

func (s *scanSpec) store(v any, dst reflect.Value) error {
	for dst.Kind() == reflect.Pointer {
		if dst.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
		}
		dst = dst.Elem()
	}
	if s.pre != nil {
		if ok, err := s.pre(v, dst); ok || err != nil {
			return err
		}
	}
	if sc, ok := asScanner(dst); ok {
		dv, err := v, error(nil)
		if s.driver != nil {
			dv, err = s.driver(v)
		} else {
			dv = driverValue(v)
		}
		if err != nil {
			return err
		}
		if err := sc.Scan(dv); err != nil {
			return fmt.Errorf("sequelize: scan %s into %s: %w", s.name, dst.Type(), err)
		}
		return nil
	}
	if s.special != nil {
		if ok, err := s.special(v, dst); ok || err != nil {
			return err
		}
	}
	if dst.Kind() == reflect.Interface {
		if dst.NumMethod() != 0 {
			return fmt.Errorf("sequelize: scan %s: cannot store a value into %s", s.name, dst.Type())
		}
		x := v
		if s.iface != nil {
			var err error
			if x, err = s.iface(v); err != nil {
				return err
			}
		}
		if x == nil {
			dst.SetZero()
		} else {
			dst.Set(reflect.ValueOf(x))
		}
		return nil
	}
	if err := storeGeneric(v, dst); err != nil {
		return fmt.Errorf("sequelize: scan %s: %w", s.name, err)
	}
	return nil
}

// setNull stores SQL NULL: an sql.Scanner receives nil, anything else is
// set to its zero value (nil for pointers).
func setNull(dst reflect.Value) error {
	if dst.Kind() != reflect.Pointer && dst.Kind() != reflect.Interface {
		if sc, ok := asScanner(dst); ok {
			return sc.Scan(nil)
		}
	}
	dst.SetZero()
	return nil
}

func asScanner(dst reflect.Value) (sql.Scanner, bool) {
	if dst.CanAddr() && dst.Kind() != reflect.Interface {
		sc, ok := dst.Addr().Interface().(sql.Scanner)
		return sc, ok
	}
	return nil, false
}

// literaler is a canonical value with a text form for sql.Scanner
// destinations and string destinations.
type literaler interface{ literal() string }

// driverValue converts a canonical value to a database/sql driver value.
func driverValue(v any) any {
	switch x := v.(type) {
	case nil, int64, float64, bool, []byte, string, time.Time:
		return x
	case uint64:
		if x <= math.MaxInt64 {
			return int64(x)
		}
		return strconv.FormatUint(x, 10)
	case literaler:
		return x.literal()
	}
	return fmt.Sprint(v)
}

var errCannotStore = errors.New("unsupported conversion")

// storeGeneric stores a canonical value (int64, uint64, float64, bool,
// string, []byte, time.Time, literaler) into dst, converting between
// compatible kinds with range checks.
func storeGeneric(v any, dst reflect.Value) error {
	if l, ok := v.(literaler); ok {
		v = l.literal()
	}
	fail := func(reason error) error {
		return fmt.Errorf("cannot store %T into %s: %w", v, dst.Type(), reason)
	}
	switch dst.Type() {
	case timeType:
		switch x := v.(type) {
		case time.Time:
			dst.Set(reflect.ValueOf(x))
			return nil
		case string, []byte:
			t, err := parseTimestamp(asString(x))
			if err != nil {
				return fail(err)
			}
			dst.Set(reflect.ValueOf(t))
			return nil
		}
		return fail(errCannotStore)
	case bigRatType:
		r := new(big.Rat)
		switch x := v.(type) {
		case int64:
			r.SetInt64(x)
		case uint64:
			r.SetUint64(x)
		case float64:
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return fail(errors.New("not a finite number"))
			}
			r.SetFloat64(x)
		case string, []byte:
			if _, ok := r.SetString(asString(x)); !ok {
				return fail(fmt.Errorf("invalid number %q", asString(x)))
			}
		default:
			return fail(errCannotStore)
		}
		dst.Set(reflect.ValueOf(r).Elem())
		return nil
	case bigIntType:
		n := new(big.Int)
		switch x := v.(type) {
		case int64:
			n.SetInt64(x)
		case uint64:
			n.SetUint64(x)
		case string, []byte:
			r, ok := new(big.Rat).SetString(asString(x))
			if !ok || !r.IsInt() {
				return fail(fmt.Errorf("invalid integer %q", asString(x)))
			}
			n.Set(r.Num())
		default:
			return fail(errCannotStore)
		}
		dst.Set(reflect.ValueOf(n).Elem())
		return nil
	case bigFloatType:
		f := new(big.Float)
		switch x := v.(type) {
		case int64:
			f.SetInt64(x)
		case uint64:
			f.SetUint64(x)
		case float64:
			if math.IsNaN(x) {
				return fail(errors.New("NaN"))
			}
			f.SetFloat64(x)
		case string, []byte:
			if _, _, err := f.Parse(asString(x), 10); err != nil {
				return fail(err)
			}
		default:
			return fail(errCannotStore)
		}
		dst.Set(reflect.ValueOf(f).Elem())
		return nil
	case ipNetType:
		s, ok := textOf(v)
		if !ok {
			return fail(errCannotStore)
		}
		n, err := parseIPNet(s)
		if err != nil {
			return fail(err)
		}
		dst.Set(reflect.ValueOf(*n))
		return nil
	case hardwareAddrType:
		s, ok := textOf(v)
		if !ok {
			return fail(errCannotStore)
		}
		hw, err := net.ParseMAC(s)
		if err != nil {
			return fail(err)
		}
		dst.Set(reflect.ValueOf(hw))
		return nil
	}
	if s, ok := textOf(v); ok && dst.Kind() != reflect.String && dst.Type() != rawMessageType {
		if tu, ok := dst.Addr().Interface().(encoding.TextUnmarshaler); ok {
			if err := tu.UnmarshalText([]byte(s)); err != nil {
				return fail(err)
			}
			return nil
		}
	}
	switch dst.Kind() {
	case reflect.String:
		switch x := v.(type) {
		case string:
			dst.SetString(x)
		case []byte:
			dst.SetString(string(x))
		case int64:
			dst.SetString(strconv.FormatInt(x, 10))
		case uint64:
			dst.SetString(strconv.FormatUint(x, 10))
		case float64:
			dst.SetString(strconv.FormatFloat(x, 'g', -1, 64))
		case bool:
			dst.SetString(strconv.FormatBool(x))
		case time.Time:
			dst.SetString(x.Format(time.RFC3339Nano))
		default:
			return fail(errCannotStore)
		}
		return nil
	case reflect.Bool:
		b, err := toBool(v)
		if err != nil {
			return fail(err)
		}
		dst.SetBool(b)
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		var n int64
		switch x := v.(type) {
		case int64:
			n = x
		case uint64:
			if x > math.MaxInt64 {
				return fail(errRange(x))
			}
			n = int64(x)
		case float64:
			if x != math.Trunc(x) || x < -(1<<63) || x >= 1<<63 {
				return fail(fmt.Errorf("%v is not an integer in range", x))
			}
			n = int64(x)
		case bool:
			if x {
				n = 1
			}
		case string, []byte:
			var err error
			if n, err = strconv.ParseInt(strings.TrimSpace(asString(x)), 10, 64); err != nil {
				return fail(err)
			}
		default:
			return fail(errCannotStore)
		}
		if dst.OverflowInt(n) {
			return fail(errRange(n))
		}
		dst.SetInt(n)
		return nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		var n uint64
		switch x := v.(type) {
		case int64:
			if x < 0 {
				return fail(errRange(x))
			}
			n = uint64(x)
		case uint64:
			n = x
		case float64:
			if x != math.Trunc(x) || x < 0 || x >= 1<<64 {
				return fail(fmt.Errorf("%v is not an unsigned integer in range", x))
			}
			n = uint64(x)
		case bool:
			if x {
				n = 1
			}
		case string, []byte:
			var err error
			if n, err = strconv.ParseUint(strings.TrimSpace(asString(x)), 10, 64); err != nil {
				return fail(err)
			}
		default:
			return fail(errCannotStore)
		}
		if dst.OverflowUint(n) {
			return fail(errRange(n))
		}
		dst.SetUint(n)
		return nil
	case reflect.Float32, reflect.Float64:
		var f float64
		switch x := v.(type) {
		case float64:
			f = x
		case int64:
			f = float64(x)
		case uint64:
			f = float64(x)
		case string, []byte:
			var err error
			if f, err = parseFloat(asString(x)); err != nil {
				return fail(err)
			}
		default:
			return fail(errCannotStore)
		}
		if dst.Kind() == reflect.Float32 && !math.IsInf(f, 0) && dst.OverflowFloat(f) {
			return fail(errRange(f))
		}
		dst.SetFloat(f)
		return nil
	case reflect.Slice:
		if dst.Type().Elem().Kind() == reflect.Uint8 {
			switch x := v.(type) {
			case []byte:
				dst.SetBytes(append([]byte{}, x...))
			case string:
				dst.SetBytes([]byte(x))
			default:
				return fail(errCannotStore)
			}
			return nil
		}
	case reflect.Array:
		if dst.Type().Elem().Kind() == reflect.Uint8 {
			var b []byte
			switch x := v.(type) {
			case []byte:
				b = x
			case string:
				b = []byte(x)
			default:
				return fail(errCannotStore)
			}
			if len(b) != dst.Len() {
				return fail(fmt.Errorf("%d bytes do not fit [%d]byte", len(b), dst.Len()))
			}
			reflect.Copy(dst, reflect.ValueOf(b))
			return nil
		}
	}
	return fail(errCannotStore)
}

func errRange(v any) error { return fmt.Errorf("value %v out of range", v) }

func asString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	}
	return fmt.Sprint(v)
}

func textOf(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case []byte:
		return string(x), true
	}
	return "", false
}

func toBool(v any) (bool, error) {
	switch x := v.(type) {
	case bool:
		return x, nil
	case int64:
		return x != 0, nil
	case uint64:
		return x != 0, nil
	case float64:
		return x != 0, nil
	case []byte:
		if len(x) == 1 && x[0] <= 1 { // BIT(1)
			return x[0] == 1, nil
		}
		return toBool(string(x))
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "true", "t", "1", "yes", "y", "on":
			return true, nil
		case "false", "f", "0", "no", "n", "off":
			return false, nil
		}
		return false, fmt.Errorf("%q is not a boolean", x)
	}
	return false, errCannotStore
}

func parseFloat(s string) (float64, error) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "nan":
		return math.NaN(), nil
	case "infinity", "inf", "+infinity":
		return math.Inf(1), nil
	case "-infinity", "-inf":
		return math.Inf(-1), nil
	}
	return strconv.ParseFloat(s, 64)
}

// timestampLayouts are the text forms of timestamps the drivers and
// Sequelize write: Sequelize's SQLite form, modernc's forms, PostgreSQL's
// text output, RFC 3339, and a bare date.
var timestampLayouts = []string{
	"2006-01-02 15:04:05.999999999 -07:00",
	"2006-01-02 15:04:05.999999999-07:00",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999-07",
	"2006-01-02 15:04:05.999999999 -0700 MST",
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999-07",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04",
	"2006-01-02T15:04",
	"2006-01-02",
}

// parseTimestamp parses a timestamp in one of timestampLayouts; times
// without an offset are UTC. The result is in UTC.
func parseTimestamp(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range timestampLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), nil
		}
	}
	if strings.HasSuffix(s, " UTC") || strings.Contains(s, " m=") {
		if i := strings.Index(s, " m="); i >= 0 {
			s = s[:i]
		}
		if t, err := time.Parse("2006-01-02 15:04:05.999999999 -0700 MST", s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot parse %q as a timestamp", s)
}

// bindLoop implements the common part of Bind: nil-able nils bind as
// NULL; a driver.Valuer of a named bool, number or string type is asked
// for its value first; conv handles the Go values the type knows; another
// driver.Valuer is asked for its value, an fmt.Stringer for its text when stringer is set,
// and pointers are followed, each time trying conv again.
// constName is a type name for bindLoop's error messages.
type constName string

func (n constName) name() string { return string(n) }

func bindLoop(name func() string, v any, stringer bool, conv func(v any) (any, bool, error)) (any, error) {
	orig := v
	for range 16 {
		if v == nil {
			return nil, nil
		}
		rv := reflect.ValueOf(v)
		switch rv.Kind() {
		case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Interface, reflect.Func, reflect.Chan:
			if rv.IsNil() {
				return nil, nil
			}
		}
		// A named bool, number or string type with a Value method stores
		// what Value gives, as database/sql's default converter has it,
		// not its underlying value (which conv would take by its kind).
		if dv, isValuer := v.(driver.Valuer); isValuer && rv.Type().PkgPath() != "" && basicKind(rv.Kind()) {
			var err error
			if v, err = dv.Value(); err != nil {
				return nil, fmt.Errorf("sequelize: bind %s: %w", name(), err)
			}
			continue
		}
		out, ok, err := conv(v)
		if err != nil {
			return nil, fmt.Errorf("sequelize: bind %s: %w", name(), err)
		}
		if ok {
			return out, nil
		}
		if dv, isValuer := v.(driver.Valuer); isValuer {
			if v, err = dv.Value(); err != nil {
				return nil, fmt.Errorf("sequelize: bind %s: %w", name(), err)
			}
			continue
		}
		if s, isStringer := v.(fmt.Stringer); isStringer && stringer {
			v = s.String()
			continue
		}
		if rv.Kind() == reflect.Pointer {
			v = rv.Elem().Interface()
			continue
		}
		break
	}
	return nil, fmt.Errorf("sequelize: bind %s: cannot convert %T", name(), orig)
}

// basicKind reports whether k is a bool, number or string kind.
func basicKind(k reflect.Kind) bool {
	return k == reflect.Bool || k == reflect.String || k >= reflect.Int && k <= reflect.Float64
}

// intOf returns v as an int64 or uint64 when it is an integer of any Go
// integer kind.
func intOf(v any) (n int64, u uint64, unsigned, ok bool) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int(), 0, false, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return 0, rv.Uint(), true, true
	}
	return 0, 0, false, false
}

// floatOf returns v as a float64 when it is of a Go float kind.
func floatOf(v any) (float64, bool) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Float32:
		// Through the decimal text, so that float32(0.1) gives 0.1.
		f, _ := strconv.ParseFloat(strconv.FormatFloat(rv.Float(), 'g', -1, 32), 64)
		return f, true
	case reflect.Float64:
		return rv.Float(), true
	}
	return 0, false
}

// stringOf returns v's text when v is of a Go string kind.
func stringOf(v any) (string, bool) {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.String {
		return rv.String(), true
	}
	return "", false
}

// bytesOf returns v's bytes when v is a byte slice or byte array.
func bytesOf(v any) ([]byte, bool) {
	if b, ok := v.([]byte); ok {
		return b, true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice:
		if rv.Type().Elem().Kind() == reflect.Uint8 {
			return rv.Bytes(), true
		}
	case reflect.Array:
		if rv.Type().Elem().Kind() == reflect.Uint8 {
			b := make([]byte, rv.Len())
			reflect.Copy(reflect.ValueOf(b), rv)
			return b, true
		}
	}
	return nil, false
}

// normalizeDriver unwraps values a driver may return that are not plain
// driver values (pgx types implementing driver.Valuer).
func normalizeDriver(src any) any {
	switch src.(type) {
	case int64, float64, bool, string, []byte, time.Time:
		return src
	}
	if dv, ok := src.(driver.Valuer); ok {
		if v, err := dv.Value(); err == nil {
			return v
		}
	}
	if n, u, unsigned, ok := intOf(src); ok {
		if unsigned {
			return u
		}
		return n
	}
	if f, ok := floatOf(src); ok {
		return f
	}
	return src
}
