package datatypes

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"reflect"
	"slices"
	"strings"
)

// EnumType is ENUM: one of a fixed list of strings. Make one with [Enum].
type EnumType struct{ values []string }

// Enum is Sequelize's DataTypes.ENUM(values...). SQL fails when there are
// no values.
func Enum(values ...string) EnumType {
	if len(values) == 0 {
		return EnumType{}
	}
	return EnumType{values: slices.Clone(values)}
}

// errNoEnumValues is Sequelize's message for an ENUM without values.
//
//lint:ignore ST1005 this is Sequelize's message, kept word for word.
var errNoEnumValues = errors.New("sequelize: Values for ENUM have not been defined.")

// Values returns a copy of the allowed values, in order.
func (t EnumType) Values() []string { return slices.Clone(t.values) }

// Key returns "ENUM".
func (EnumType) Key() string { return "ENUM" }

// String returns the tag form, "ENUM('a','b')" (quotes doubled inside
// values), or "ENUM" without values.
func (t EnumType) String() string {
	if len(t.values) == 0 {
		return "ENUM"
	}
	q := make([]string, len(t.values))
	for i, v := range t.values {
		q[i] = quoteTag(v)
	}
	return "ENUM(" + strings.Join(q, ",") + ")"
}

// EnumTypeName is the name Sequelize gives the PostgreSQL type of an ENUM
// column: "enum_<table>_<column>".
func EnumTypeName(table, column string) string { return "enum_" + table + "_" + column }

// TypeName returns the quoted, schema-qualified name of the column's
// PostgreSQL type, "public"."enum_Users_status"; c needs Table and Column
// (Schema defaults to "public").
func (t EnumType) TypeName(c Context) (string, error) {
	if c.Table == "" || c.Column == "" {
		return "", errors.New("sequelize: an ENUM on postgres needs the table and column (Context.Table, Context.Column) to name its type")
	}
	schema := c.Schema
	if schema == "" {
		schema = "public"
	}
	return quoteIdent(schema) + "." + quoteIdent(EnumTypeName(c.Table, c.Column)), nil
}

// SQL returns the named type "<schema>"."enum_<table>_<column>" on
// postgres (created with [EnumType.CreateTypeSQL]), ENUM('a', 'b') on mysql
// and mariadb, and TEXT on sqlite.
func (t EnumType) SQL(c Context) (string, error) {
	fam, err := dialectOf(c.Dialect)
	if err != nil {
		return "", err
	}
	if len(t.values) == 0 {
		return "", errNoEnumValues
	}
	switch fam {
	case postgres:
		return t.TypeName(c)
	case sqlite:
		return "TEXT", nil
	}
	return "ENUM(" + t.sqlValues(fam) + ")", nil
}

func (t EnumType) sqlValues(fam string) string {
	q := make([]string, len(t.values))
	for i, v := range t.values {
		q[i] = escapeString(fam, v)
	}
	return strings.Join(q, ", ")
}

// CreateTypeSQL returns the statement that creates the column's type on
// postgres, as Sequelize writes it:
//
//	CREATE TYPE "public"."enum_Users_status" AS ENUM('a', 'b');
func (t EnumType) CreateTypeSQL(c Context) (string, error) {
	if _, err := support(t, c.Dialect, postgres); err != nil {
		return "", err
	}
	if len(t.values) == 0 {
		return "", errNoEnumValues
	}
	name, err := t.TypeName(c)
	if err != nil {
		return "", err
	}
	return "CREATE TYPE " + name + " AS ENUM(" + t.sqlValues(postgres) + ");", nil
}

// Bind accepts strings (of any string kind, so named enum types work) and
// fmt.Stringer values, checks that the value is one of Values, and gives a
// string.
func (t EnumType) Bind(dialect string, v any) (any, error) {
	if _, err := dialectOf(dialect); err != nil {
		return nil, err
	}
	if len(t.values) == 0 {
		return nil, errNoEnumValues
	}
	return bindLoop(constName("ENUM").name, v, true, func(v any) (any, bool, error) {
		s, ok := stringOf(v)
		if !ok {
			return nil, false, nil
		}
		if !slices.Contains(t.values, s) {
			return nil, false, fmt.Errorf("%q is not a valid choice for %s", s, t)
		}
		return s, true, nil
	})
}

// Scan stores the value into strings (of any string kind), []byte and
// sql.Scanner values. It does not check the value against Values.
func (t EnumType) Scan(dialect string, src any, dst reflect.Value) error {
	return textSpec("ENUM").scan(src, dst)
}

// NetType is CIDR, INET or MACADDR, PostgreSQL's network address types.
// Make one with [CIDR], [INET] or [MACADDR].
type NetType struct{ key string }

// CIDR is Sequelize's DataTypes.CIDR, an IPv4 or IPv6 network; postgres
// only.
func CIDR() NetType { return NetType{key: "CIDR"} }

// INET is Sequelize's DataTypes.INET, an IPv4 or IPv6 host address with
// an optional netmask; postgres only.
func INET() NetType { return NetType{key: "INET"} }

// MACADDR is Sequelize's DataTypes.MACADDR, a MAC address; postgres only.
func MACADDR() NetType { return NetType{key: "MACADDR"} }

// Key returns "CIDR", "INET" or "MACADDR".
func (t NetType) Key() string { return t.key }

// String returns the key.
func (t NetType) String() string { return t.key }

// SQL returns the key on postgres.
func (t NetType) SQL(c Context) (string, error) {
	if _, err := support(t, c.Dialect, postgres); err != nil {
		return "", err
	}
	return t.key, nil
}

// Bind accepts strings (validated), net.IP, netip.Addr, netip.Prefix,
// net.IPNet and *net.IPNet for INET and CIDR, and net.HardwareAddr for
// MACADDR, and gives a string.
func (t NetType) Bind(dialect string, v any) (any, error) {
	if _, err := t.SQL(Context{Dialect: dialect}); err != nil {
		return nil, err
	}
	return bindLoop(constName(t.key).name, v, true, func(v any) (any, bool, error) {
		if t.key == "MACADDR" {
			switch x := v.(type) {
			case net.HardwareAddr:
				return x.String(), true, nil
			}
			if s, ok := stringOf(v); ok {
				hw, err := net.ParseMAC(strings.TrimSpace(s))
				if err != nil {
					return nil, false, err
				}
				return hw.String(), true, nil
			}
			return nil, false, nil
		}
		var s string
		switch x := v.(type) {
		case net.IP:
			if x.To16() == nil {
				return nil, false, errors.New("invalid net.IP")
			}
			s = x.String()
		case netip.Addr:
			if !x.IsValid() {
				return nil, false, errors.New("invalid netip.Addr")
			}
			s = x.String()
		case netip.Prefix:
			if !x.IsValid() {
				return nil, false, errors.New("invalid netip.Prefix")
			}
			s = x.String()
		case net.IPNet:
			s = x.String()
		case *net.IPNet:
			s = x.String()
		default:
			str, ok := stringOf(v)
			if !ok {
				return nil, false, nil
			}
			s = strings.TrimSpace(str)
			if _, err := parseIPNet(s); err != nil {
				return nil, false, err
			}
		}
		return s, true, nil
	})
}

// parseIPNet parses an address with an optional prefix length, keeping
// the host bits ("10.0.0.1/8" keeps 10.0.0.1); a bare address gets a full
// mask.
func parseIPNet(s string) (*net.IPNet, error) {
	if strings.Contains(s, "/") {
		ip, n, err := net.ParseCIDR(s)
		if err != nil {
			return nil, err
		}
		if ip4 := ip.To4(); ip4 != nil && len(n.Mask) == net.IPv4len {
			ip = ip4
		}
		n.IP = ip
		return n, nil
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return nil, err
	}
	a = a.Unmap()
	return &net.IPNet{IP: net.IP(a.AsSlice()), Mask: net.CIDRMask(a.BitLen(), a.BitLen())}, nil
}

// Scan stores an address into strings, net.IP and netip.Addr (the host
// address), netip.Prefix, net.IPNet, net.HardwareAddr (MACADDR) and
// sql.Scanner values.
func (t NetType) Scan(dialect string, src any, dst reflect.Value) error {
	name := t.key
	return (&scanSpec{
		name: name,
		canon: func(src any) (any, error) {
			switch x := src.(type) {
			case net.HardwareAddr:
				return x.String(), nil
			case netip.Prefix:
				if x.Bits() == x.Addr().BitLen() && name == "INET" {
					return x.Addr().String(), nil
				}
				return x.String(), nil
			case netip.Addr:
				return x.String(), nil
			case []byte:
				if name == "MACADDR" && len(x) == 6 {
					return net.HardwareAddr(x).String(), nil
				}
				return string(x), nil
			case string:
				return x, nil
			}
			if s, ok := normalizeDriver(src).(string); ok {
				return s, nil
			}
			return nil, fmt.Errorf("sequelize: scan %s: cannot read %T as an address", name, src)
		},
		special: func(v any, dst reflect.Value) (bool, error) {
			s := v.(string)
			switch dst.Type() {
			case reflect.TypeFor[netip.Addr]():
				n, err := parseIPNet(s)
				if err != nil {
					return true, fmt.Errorf("sequelize: scan %s: %w", name, err)
				}
				a, _ := netip.AddrFromSlice(n.IP)
				dst.Set(reflect.ValueOf(a.Unmap()))
				return true, nil
			case reflect.TypeFor[netip.Prefix]():
				if !strings.Contains(s, "/") {
					a, err := netip.ParseAddr(s)
					if err != nil {
						return true, fmt.Errorf("sequelize: scan %s: %w", name, err)
					}
					dst.Set(reflect.ValueOf(netip.PrefixFrom(a, a.BitLen())))
					return true, nil
				}
			case reflect.TypeFor[net.IP]():
				n, err := parseIPNet(s)
				if err != nil {
					return true, fmt.Errorf("sequelize: scan %s: %w", name, err)
				}
				dst.Set(reflect.ValueOf(n.IP))
				return true, nil
			}
			return false, nil
		},
	}).scan(src, dst)
}
