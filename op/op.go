// Package op holds the where operators of Sequelize (Op.gt, Op.in, ...), one
// function per operator:
//
//	sequelize.Where{"age": op.Gte(18), "name": op.Like("J%")}
//	op.Or(sequelize.Where{"a": 5}, sequelize.Where{"a": 6})
//	sequelize.Where{"score": op.And(op.Gte(10), op.Lt(30))}
//
// An operator is data ([Op]): package sequelize compiles it to SQL for the
// model's dialect, binding every value as a parameter. Operators that a
// dialect lacks (ILIKE, regular expressions, array and range operators
// outside PostgreSQL) fail with a clear error when the query is built.
//
// # Deliberate differences from Sequelize v6
//
//   - [In] with an empty list matches nothing (rendered 0 = 1) and [NotIn]
//     with an empty list matches everything (1 = 1). Sequelize renders
//     IN (NULL) and drops NOT IN; both agree on plain queries, but ours
//     stays right under [Not].
//   - [Or] with no conditions matches nothing (0 = 1), as in Sequelize; [And]
//     with none matches everything.
//   - [Not] of a condition or an operator is NOT (...), as in Sequelize v7;
//     v6 turns {[Op.not]: {[Op.gt]: 5}} into a comparison with
//     '[object Object]'. Not of nil, true or false is IS NOT; of a list,
//     NOT IN; of another value, !=.
//   - [StartsWith], [EndsWith] and [Substring] escape % and _ in their
//     value, so they match the text literally; v6 passes them through.
//
// This package imports only the standard library.
package op

import "reflect"

// Op is one operator with its operand. Name is Sequelize's operator name
// ("eq", "gt", "in", "and", ...); Value is the operand: a value, a list
// ([]any) for In, Between and the like, or conditions for And, Or and Not.
type Op struct {
	Name  string
	Value any
}

func mk(name string, v any) Op { return Op{Name: name, Value: v} }

// list flattens variadic values: a single slice argument (other than
// []byte) is the list itself.
func list(values []any) []any {
	if len(values) == 1 {
		rv := reflect.ValueOf(values[0])
		if rv.Kind() == reflect.Slice && rv.Type().Elem().Kind() != reflect.Uint8 {
			out := make([]any, rv.Len())
			for i := range out {
				out[i] = rv.Index(i).Interface()
			}
			return out
		}
	}
	if values == nil {
		return []any{}
	}
	return values
}

// Eq is = (IS NULL for nil).
func Eq(v any) Op { return mk("eq", v) }

// Ne is != (IS NOT NULL for nil).
func Ne(v any) Op { return mk("ne", v) }

// Is is IS (for nil, true and false).
func Is(v any) Op { return mk("is", v) }

// Not negates: NOT (...) for a condition or operator, IS NOT for nil, true
// and false, NOT IN for a list, != for other values.
func Not(v any) Op { return mk("not", v) }

// Gt is >.
func Gt(v any) Op { return mk("gt", v) }

// Gte is >=.
func Gte(v any) Op { return mk("gte", v) }

// Lt is <.
func Lt(v any) Op { return mk("lt", v) }

// Lte is <=.
func Lte(v any) Op { return mk("lte", v) }

// Between is BETWEEN a AND b.
func Between(a, b any) Op { return mk("between", []any{a, b}) }

// NotBetween is NOT BETWEEN a AND b.
func NotBetween(a, b any) Op { return mk("notBetween", []any{a, b}) }

// In is IN (...). It takes values, or one slice of values.
func In(values ...any) Op { return mk("in", list(values)) }

// NotIn is NOT IN (...). It takes values, or one slice of values.
func NotIn(values ...any) Op { return mk("notIn", list(values)) }

// Like is LIKE. Its value may be Any(...) on PostgreSQL: LIKE ANY (ARRAY[...]).
func Like(v any) Op { return mk("like", v) }

// NotLike is NOT LIKE.
func NotLike(v any) Op { return mk("notLike", v) }

// ILike is ILIKE (PostgreSQL).
func ILike(v any) Op { return mk("iLike", v) }

// NotILike is NOT ILIKE (PostgreSQL).
func NotILike(v any) Op { return mk("notILike", v) }

// StartsWith is LIKE 'v%' with v matched literally.
func StartsWith(v string) Op { return mk("startsWith", v) }

// EndsWith is LIKE '%v' with v matched literally.
func EndsWith(v string) Op { return mk("endsWith", v) }

// Substring is LIKE '%v%' with v matched literally.
func Substring(v string) Op { return mk("substring", v) }

// Regexp is ~ (PostgreSQL) or REGEXP (MySQL, MariaDB).
func Regexp(v string) Op { return mk("regexp", v) }

// NotRegexp is !~ (PostgreSQL) or NOT REGEXP (MySQL, MariaDB).
func NotRegexp(v string) Op { return mk("notRegexp", v) }

// IRegexp is ~* (PostgreSQL).
func IRegexp(v string) Op { return mk("iRegexp", v) }

// NotIRegexp is !~* (PostgreSQL).
func NotIRegexp(v string) Op { return mk("notIRegexp", v) }

// Overlap is && (PostgreSQL arrays and ranges).
func Overlap(v any) Op { return mk("overlap", v) }

// Contains is @> (PostgreSQL arrays, ranges and JSONB).
func Contains(v any) Op { return mk("contains", v) }

// Contained is <@ (PostgreSQL arrays, ranges and JSONB).
func Contained(v any) Op { return mk("contained", v) }

// Adjacent is -|- (PostgreSQL ranges).
func Adjacent(v any) Op { return mk("adjacent", v) }

// StrictLeft is << (PostgreSQL ranges).
func StrictLeft(v any) Op { return mk("strictLeft", v) }

// StrictRight is >> (PostgreSQL ranges).
func StrictRight(v any) Op { return mk("strictRight", v) }

// NoExtendRight is &< (PostgreSQL ranges).
func NoExtendRight(v any) Op { return mk("noExtendRight", v) }

// NoExtendLeft is &> (PostgreSQL ranges).
func NoExtendLeft(v any) Op { return mk("noExtendLeft", v) }

// Any is = ANY (...) (PostgreSQL); as the value of Like and friends, LIKE ANY.
// It takes values, or one slice of values.
func Any(values ...any) Op { return mk("any", list(values)) }

// All is = ALL (...) (PostgreSQL). It takes values, or one slice of values.
func All(values ...any) Op { return mk("all", list(values)) }

// Col compares with another column: {a: op.Col("b")} is "a" = "b". A dotted
// name "Model.attr" names an included model's column.
func Col(name string) Op { return mk("col", name) }

// Match is @@ (PostgreSQL full text search), usually with
// sequelize.Fn("to_tsquery", ...).
func Match(v any) Op { return mk("match", v) }

// And joins conditions (sequelize.Where maps, operators, expressions) with
// AND. Inside an attribute it joins that attribute's operators.
func And(conds ...any) Op { return mk("and", conds) }

// Or joins conditions with OR. Inside an attribute it joins that
// attribute's operators or values: {"n": op.Or(1, op.Gt(10))}.
func Or(conds ...any) Op { return mk("or", conds) }
