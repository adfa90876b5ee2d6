package datatypes

import (
	"errors"
	"reflect"
	"slices"
	"strings"
)

// VirtualType is VIRTUAL: an attribute that is not a column, computed by
// a getter and not stored. Make one with [Virtual].
type VirtualType struct {
	returnType DataType
	fields     []string
}

// Virtual is Sequelize's DataTypes.VIRTUAL(returnType, fields): returnType
// (may be nil) is the type of the computed value, and fields the
// attributes its getter needs loaded. VIRTUAL is not a column: SQL and
// Bind fail; Scan uses the return type, when there is one.
func Virtual(returnType DataType, fields ...string) VirtualType {
	t := VirtualType{returnType: returnType}
	if len(fields) > 0 {
		t.fields = slices.Clone(fields)
	}
	return t
}

// ReturnType is the type of the computed value, nil when none.
func (t VirtualType) ReturnType() DataType { return t.returnType }

// Fields returns a copy of the attributes the getter depends on.
func (t VirtualType) Fields() []string { return slices.Clone(t.fields) }

// Key returns "VIRTUAL".
func (VirtualType) Key() string { return "VIRTUAL" }

// String returns the tag form: "VIRTUAL", "VIRTUAL(INTEGER)",
// "VIRTUAL(INTEGER,'a','b')" or "VIRTUAL('a')".
func (t VirtualType) String() string {
	var args []string
	if t.returnType != nil {
		args = append(args, t.returnType.String())
	}
	for _, f := range t.fields {
		args = append(args, quoteTag(f))
	}
	if len(args) == 0 {
		return "VIRTUAL"
	}
	return "VIRTUAL(" + strings.Join(args, ",") + ")"
}

var errVirtual = errors.New("sequelize: VIRTUAL is not a column")

// SQL fails: VIRTUAL is not a column.
func (t VirtualType) SQL(c Context) (string, error) { return "", errVirtual }

// Bind fails: VIRTUAL is not a column.
func (t VirtualType) Bind(dialect string, v any) (any, error) { return nil, errVirtual }

// Scan scans as the return type, or with the generic conversions when
// there is none (a value computed by a query, for example).
func (t VirtualType) Scan(dialect string, src any, dst reflect.Value) error {
	if t.returnType != nil {
		return t.returnType.Scan(dialect, src, dst)
	}
	return genericSpec.scan(src, dst)
}
