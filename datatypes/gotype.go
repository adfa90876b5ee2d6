package datatypes

import (
	"database/sql"
	"fmt"
	"net"
	"net/netip"
	"reflect"
	"strings"
)

// ForGoType returns the default data type of a struct field of Go type t,
// used when no tag names one:
//
//	string                                   STRING (VARCHAR(255))
//	bool                                     BOOLEAN
//	int8, int16, uint8                       SMALLINT (UNSIGNED for uint8)
//	int, int32, uint, uint16, uint32         INTEGER (UNSIGNED for the unsigned kinds)
//	int64, uint64                            BIGINT (UNSIGNED for uint64)
//	float32                                  FLOAT
//	float64                                  DOUBLE
//	time.Time                                DATE
//	[]byte, [N]byte                          BLOB
//	json.RawMessage                          JSON
//	big.Rat, big.Int, big.Float, a type named Decimal (shopspring/decimal)   DECIMAL
//	a [16]byte type whose name contains UUID (google/uuid)                   UUID
//	net.IP, netip.Addr                       INET
//	netip.Prefix, net.IPNet                  CIDR
//	net.HardwareAddr                         MACADDR
//	sql.NullString, sql.NullInt64, ..., sql.Null[T]   the type of the value
//	a json.Marshaler                         JSON
//	map, struct, slice, array, interface     JSON
//
// Pointers give the type of their element. Named types follow their
// kind. int8 and int16 map to SMALLINT rather than TINYINT, which
// postgres lacks; int and uint map to INTEGER, Sequelize's usual integer,
// even where Go's int is 64 bits wide: use int64 (BIGINT) for larger
// values, and note that postgres has no unsigned types, so uint32 values
// above 2147483647 need a BIGINT tag there (Bind reports the overflow).
// The network types are postgres only. Channels, functions, complex numbers
// and unsafe pointers have no data type; nor has a struct that implements
// sql.Scanner or driver.Valuer without being known here (tag it with its
// type).
func ForGoType(t reflect.Type) (DataType, error) {
	if t == nil {
		return nil, fmt.Errorf("sequelize: no data type for a nil type")
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t {
	case timeType:
		return Date(), nil
	case rawMessageType:
		return JSON(), nil
	case bigRatType, bigIntType, bigFloatType:
		return Decimal(), nil
	case reflect.TypeFor[net.IP](), reflect.TypeFor[netip.Addr]():
		return INET(), nil
	case reflect.TypeFor[netip.Prefix](), ipNetType:
		return CIDR(), nil
	case hardwareAddrType:
		return MACADDR(), nil
	case reflect.TypeFor[sql.NullString]():
		return String(), nil
	case reflect.TypeFor[sql.NullBool]():
		return Boolean(), nil
	case reflect.TypeFor[sql.NullByte](), reflect.TypeFor[sql.NullInt16]():
		return SmallInt(), nil
	case reflect.TypeFor[sql.NullInt32]():
		return Integer(), nil
	case reflect.TypeFor[sql.NullInt64]():
		return BigInt(), nil
	case reflect.TypeFor[sql.NullFloat64]():
		return Double(), nil
	case reflect.TypeFor[sql.NullTime]():
		return Date(), nil
	}
	if t.PkgPath() == "database/sql" && strings.HasPrefix(t.Name(), "Null[") && t.Kind() == reflect.Struct {
		if f, ok := t.FieldByName("V"); ok {
			return ForGoType(f.Type)
		}
	}
	if t.Name() == "Decimal" && t.Kind() == reflect.Struct {
		return Decimal(), nil
	}
	if t.Kind() == reflect.Array && t.Len() == 16 && t.Elem().Kind() == reflect.Uint8 &&
		strings.Contains(strings.ToUpper(t.Name()), "UUID") {
		return UUID(), nil
	}
	if t.Implements(jsonMarshalerType) || reflect.PointerTo(t).Implements(jsonMarshalerType) {
		return JSON(), nil
	}
	switch t.Kind() {
	case reflect.String:
		return String(), nil
	case reflect.Bool:
		return Boolean(), nil
	case reflect.Int8, reflect.Int16:
		return SmallInt(), nil
	case reflect.Uint8:
		return SmallInt().Unsigned(), nil
	case reflect.Int, reflect.Int32:
		return Integer(), nil
	case reflect.Uint, reflect.Uint16, reflect.Uint32:
		return Integer().Unsigned(), nil
	case reflect.Int64:
		return BigInt(), nil
	case reflect.Uint64:
		return BigInt().Unsigned(), nil
	case reflect.Float32:
		return Float(), nil
	case reflect.Float64:
		return Double(), nil
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return Blob(), nil
		}
		return JSON(), nil
	case reflect.Map, reflect.Interface:
		return JSON(), nil
	case reflect.Struct:
		pt := reflect.PointerTo(t)
		if pt.Implements(scannerType) || t.Implements(valuerType) || pt.Implements(valuerType) {
			return nil, fmt.Errorf("sequelize: no default data type for %s, which implements sql.Scanner or driver.Valuer: give one in the tag", t)
		}
		return JSON(), nil
	}
	return nil, fmt.Errorf("sequelize: no data type for Go type %s", t)
}
