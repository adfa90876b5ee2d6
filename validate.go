package sequelize

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/asaskevich/govalidator"
)

// Validator is one attribute validator (an entry of Sequelize's validate
// object). Name is a built-in validator, with Args as Sequelize takes them:
//
//	is, not (a regular expression, and "i" for case-insensitive),
//	isEmail, isUrl, isIP, isIPv4, isIPv6, isAlpha, isAlphanumeric,
//	isNumeric, isInt, isFloat, isDecimal, isLowercase, isUppercase,
//	isHexadecimal, isHexColor, isBase64, isJSON, isCreditCard,
//	isUUID (3, 4, 5 or none), isDate, isAfter, isBefore (a date),
//	notNull, isNull, notEmpty, equals, contains, notContains,
//	isIn, notIn (the allowed values), len (min[, max]), min, max,
//	isImmutable (the value of a saved instance may not change)
//
// or, with Fn set, a custom validator whose error fails the value (Name
// is then its key in error items). Msg replaces the default message
// "Validation <name> on <attribute> failed". The checks are validator.js's,
// through github.com/asaskevich/govalidator, its Go port.
//
// In a tag, validators go in `validate:"isEmail;len(2,50);isIn(a,b)"`.
type Validator struct {
	Name string
	Args []any
	Msg  string
	Fn   func(ctx context.Context, value any) error
}

// ModelValidator is a model-wide validator (Sequelize's model validate
// option): it receives the instance (a *T) and fails with an error.
type ModelValidator func(ctx context.Context, instance any) error

// builtin validators: each gets the value as text and the validator's args.
var builtins = map[string]func(s string, args []any) bool{
	"is":             func(s string, a []any) bool { return matches(s, a) },
	"regex":          func(s string, a []any) bool { return matches(s, a) },
	"not":            func(s string, a []any) bool { return !matches(s, a) },
	"notRegex":       func(s string, a []any) bool { return !matches(s, a) },
	"isEmail":        func(s string, _ []any) bool { return govalidator.IsEmail(s) },
	"isUrl":          func(s string, _ []any) bool { return govalidator.IsURL(s) },
	"isURL":          func(s string, _ []any) bool { return govalidator.IsURL(s) },
	"isIP":           func(s string, _ []any) bool { return govalidator.IsIP(s) },
	"isIPv4":         func(s string, _ []any) bool { return govalidator.IsIPv4(s) },
	"isIPv6":         func(s string, _ []any) bool { return govalidator.IsIPv6(s) },
	"isAlpha":        func(s string, _ []any) bool { return s != "" && govalidator.IsAlpha(s) },
	"isAlphanumeric": func(s string, _ []any) bool { return s != "" && govalidator.IsAlphanumeric(s) },
	"isNumeric":      func(s string, _ []any) bool { return s != "" && govalidator.IsNumeric(s) },
	"isInt":          func(s string, _ []any) bool { return s != "" && govalidator.IsInt(s) },
	"isFloat":        func(s string, _ []any) bool { return s != "" && govalidator.IsFloat(s) },
	"isDecimal":      func(s string, _ []any) bool { return s != "" && decimalPattern.MatchString(s) },
	"isLowercase":    func(s string, _ []any) bool { return govalidator.IsLowerCase(s) },
	"isUppercase":    func(s string, _ []any) bool { return govalidator.IsUpperCase(s) },
	"isHexadecimal":  func(s string, _ []any) bool { return govalidator.IsHexadecimal(s) },
	"isHexColor":     func(s string, _ []any) bool { return govalidator.IsHexcolor(s) },
	"isBase64":       func(s string, _ []any) bool { return govalidator.IsBase64(s) },
	"isJSON":         func(s string, _ []any) bool { return govalidator.IsJSON(s) },
	"isCreditCard":   func(s string, _ []any) bool { return govalidator.IsCreditCard(s) },
	"isUUID": func(s string, a []any) bool {
		switch argString(a, 0) {
		case "3":
			return govalidator.IsUUIDv3(s)
		case "4":
			return govalidator.IsUUIDv4(s)
		case "5":
			return govalidator.IsUUIDv5(s)
		}
		return govalidator.IsUUID(s)
	},
	"isDate":      func(s string, _ []any) bool { _, ok := parseDate(s); return ok },
	"isAfter":     func(s string, a []any) bool { return compareDates(s, a) > 0 },
	"isBefore":    func(s string, a []any) bool { return compareDates(s, a) < 0 },
	"isNull":      func(s string, _ []any) bool { return s == "" },
	"notEmpty":    func(s string, _ []any) bool { return strings.TrimSpace(s) != "" },
	"equals":      func(s string, a []any) bool { return s == argString(a, 0) },
	"contains":    func(s string, a []any) bool { return strings.Contains(s, argString(a, 0)) },
	"notContains": func(s string, a []any) bool { return !strings.Contains(s, argString(a, 0)) },
	"isIn":        func(s string, a []any) bool { return slices.Contains(argStrings(a), s) },
	"notIn":       func(s string, a []any) bool { return !slices.Contains(argStrings(a), s) },
	"len": func(s string, a []any) bool {
		n := float64(utf8.RuneCountInString(s))
		lo, hi := argFloat(a, 0, 0), argFloat(a, 1, math.Inf(1))
		return n >= lo && n <= hi
	},
	"max": func(s string, a []any) bool {
		f, err := strconv.ParseFloat(s, 64)
		return err != nil || f <= argFloat(a, 0, math.Inf(1))
	},
	"min": func(s string, a []any) bool {
		f, err := strconv.ParseFloat(s, 64)
		return err != nil || f >= argFloat(a, 0, math.Inf(-1))
	},
}

// Sequelize's isDecimal.
var decimalPattern = regexp.MustCompile(`^(?:-?(?:[0-9]+))?(?:\.[0-9]*)?(?:[eE][+-]?(?:[0-9]+))?$`)

func argString(a []any, i int) string {
	if i < len(a) {
		return fmt.Sprint(a[i])
	}
	return ""
}

func argStrings(a []any) []string {
	if len(a) == 1 && isList(a[0]) {
		a = toList(a[0])
	}
	out := make([]string, len(a))
	for i, v := range a {
		out[i] = fmt.Sprint(v)
	}
	return out
}

func argFloat(a []any, i int, def float64) float64 {
	if i >= len(a) {
		return def
	}
	f, err := strconv.ParseFloat(fmt.Sprint(a[i]), 64)
	if err != nil {
		return def
	}
	return f
}

func matches(s string, a []any) bool {
	re, err := validatorRegexp(a)
	return err == nil && re.MatchString(s)
}

func validatorRegexp(a []any) (*regexp.Regexp, error) {
	if len(a) == 0 {
		return nil, fmt.Errorf("needs a pattern")
	}
	if re, ok := a[0].(*regexp.Regexp); ok {
		return re, nil
	}
	pattern := fmt.Sprint(a[0])
	if strings.Contains(argString(a, 1), "i") {
		pattern = "(?i)" + pattern
	}
	return regexp.Compile(pattern)
}

func parseDate(s string) (time.Time, bool) {
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func compareDates(s string, a []any) int {
	v, ok := parseDate(s)
	if !ok {
		return 0
	}
	ref := time.Now()
	if len(a) > 0 {
		if t, ok := a[0].(time.Time); ok {
			ref = t
		} else if t, ok := parseDate(argString(a, 0)); ok {
			ref = t
		}
	}
	return v.Compare(ref)
}

// checkValidators refuses unknown validator names at definition time.
func checkValidators(attr string, vs []Validator) error {
	for _, v := range vs {
		if v.Fn != nil || v.Name == "notNull" || v.Name == "isImmutable" {
			continue
		}
		if _, ok := builtins[v.Name]; !ok {
			return fmt.Errorf("attribute %s: Invalid validator function: %s", attr, v.Name)
		}
		if v.Name == "is" || v.Name == "not" || v.Name == "regex" || v.Name == "notRegex" {
			if _, err := validatorRegexp(v.Args); err != nil {
				return fmt.Errorf("attribute %s: validator %s: %v", attr, v.Name, err)
			}
		}
	}
	return nil
}

// parseValidateTag reads `validate:"isEmail;len(2,50);isIn(a,b)"`.
func parseValidateTag(tag string) ([]Validator, error) {
	var out []Validator
	for _, part := range splitTag(tag) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, rest, hasArgs := strings.Cut(part, "(")
		v := Validator{Name: strings.TrimSpace(name)}
		if hasArgs {
			if !strings.HasSuffix(rest, ")") {
				return nil, fmt.Errorf("validator %q: missing )", part)
			}
			rest = rest[:len(rest)-1]
			if v.Name == "is" || v.Name == "not" || v.Name == "regex" || v.Name == "notRegex" {
				v.Args = []any{rest}
			} else {
				for _, a := range strings.Split(rest, ",") {
					v.Args = append(v.Args, strings.TrimSpace(a))
				}
			}
		}
		out = append(out, v)
	}
	return out, nil
}

// ValidateOptions are the options of Validate (Sequelize's validate
// options); the write methods take the same through their Validate fields.
type ValidateOptions struct {
	// Skip lists attributes not to validate.
	Skip []string
	// Fields, when set, validates only these attributes.
	Fields []string
}

// valueText is what built-in validators see: the value as text, as
// Sequelize passes String(value).
func valueText(v reflect.Value) string {
	switch x := v.Interface().(type) {
	case string:
		return x
	case []byte:
		return string(x)
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v.Interface())
}

// validateAttr validates one attribute's value, appending failures. prev
// is the value last read or saved (invalid for a new record), for
// isImmutable.
func (m *modelMeta) validateAttr(ctx context.Context, a *attribute, v reflect.Value, inst any, items []ValidationErrorItem, prev reflect.Value) []ValidationErrorItem {
	isNil := !v.IsValid() || (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface || v.Kind() == reflect.Map || v.Kind() == reflect.Slice) && v.IsNil()
	var value any
	if v.IsValid() {
		value = v.Interface()
	}
	if isNil {
		if !a.allowNull && !a.autoIncrement && a.defaultSQL == nil {
			msg := m.name + "." + a.name + " cannot be null"
			for _, vd := range a.validate {
				if vd.Name == "notNull" && vd.Msg != "" {
					msg = vd.Msg
				}
			}
			items = append(items, ValidationErrorItem{Message: msg, Type: "notNull Violation", Path: a.name, Value: nil,
				Origin: OriginCore, Instance: inst, ValidatorKey: "is_null"})
			return items
		}
	}
	orig := v
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	for _, vd := range a.validate {
		if vd.Name == "notNull" {
			continue
		}
		if vd.Name == "isImmutable" {
			if !isNil && prev.IsValid() && !sameValue(orig, prev) {
				msg := vd.Msg
				if msg == "" {
					msg = "Validation isImmutable on " + a.name + " failed"
				}
				items = append(items, ValidationErrorItem{Message: msg, Type: "Validation error", Path: a.name, Value: value,
					Origin: OriginFunction, Instance: inst, ValidatorKey: vd.Name, ValidatorName: vd.Name, ValidatorArgs: vd.Args})
			}
			continue
		}
		if vd.Fn != nil {
			if err := vd.Fn(ctx, value); err != nil {
				msg := vd.Msg
				if msg == "" {
					msg = err.Error()
				}
				items = append(items, ValidationErrorItem{Message: msg, Type: "Validation error", Path: a.name, Value: value,
					Origin: OriginFunction, Instance: inst, ValidatorKey: vd.Name, ValidatorName: vd.Name, Original: err})
			}
			continue
		}
		if isNil {
			continue // built-in validators skip NULL, as in Sequelize
		}
		if !builtins[vd.Name](valueText(v), vd.Args) {
			msg := vd.Msg
			if msg == "" {
				msg = "Validation " + vd.Name + " on " + a.name + " failed"
			}
			items = append(items, ValidationErrorItem{Message: msg, Type: "Validation error", Path: a.name, Value: value,
				Origin: OriginFunction, Instance: inst, ValidatorKey: vd.Name, ValidatorName: vd.Name, ValidatorArgs: vd.Args})
		}
	}
	return items
}

// validate checks inst's attributes (restricted by o) and the model
// validators, collecting every failure. prev is inst's persisted values
// (invalid for a new record).
func (m *modelMeta) validate(ctx context.Context, inst any, rv reflect.Value, o ValidateOptions, prev reflect.Value) error {
	var items []ValidationErrorItem
	for _, a := range slices.Concat(m.attrs, m.virtuals) {
		if a.goIndex == nil || a.role != roleNone || slices.Contains(o.Skip, a.name) {
			continue
		}
		if o.Fields != nil && !slices.Contains(o.Fields, a.name) {
			continue
		}
		var pv reflect.Value
		if prev.IsValid() {
			pv = prev.FieldByIndex(a.goIndex)
		}
		items = m.validateAttr(ctx, a, rv.FieldByIndex(a.goIndex), inst, items, pv)
	}
	if o.Fields == nil {
		names := make([]string, 0, len(m.opts.Validate))
		for n := range m.opts.Validate {
			names = append(names, n)
		}
		slices.Sort(names)
		for _, n := range names {
			if err := m.opts.Validate[n](ctx, inst); err != nil {
				items = append(items, ValidationErrorItem{Message: err.Error(), Type: "Validation error", Path: n,
					Origin: OriginFunction, Instance: inst, ValidatorKey: n, ValidatorName: n, Original: err})
			}
		}
	}
	if len(items) > 0 {
		return NewValidationError("", items)
	}
	return nil
}

// Validate checks inst against the model's validators (Sequelize's
// instance.validate()): allowNull: false gives a "notNull Violation",
// built-in and custom attribute validators and model validators give
// "Validation error" items, all collected into one *ValidationError.
func (md *Model[T]) Validate(ctx context.Context, inst *T, opts ...ValidateOptions) error {
	md = md.at()
	o, err := oneOption(opts)
	if err != nil {
		return err
	}
	var prev reflect.Value
	if snap := md.tr.snapshot(inst); snap != nil {
		prev = reflect.ValueOf(snap).Elem()
	}
	return md.m.validate(ctx, inst, reflect.ValueOf(inst).Elem(), o, prev)
}

// validateValues checks values about to be written by Update.
func (m *modelMeta) validateValues(ctx context.Context, values Values) error {
	var items []ValidationErrorItem
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		a := m.byName[k]
		if a == nil || a.role != roleNone {
			continue
		}
		if _, isExpr := values[k].(Expr); isExpr {
			continue // SQL expressions are not validated, as in Sequelize
		}
		v := reflect.ValueOf(values[k])
		items = m.validateAttr(ctx, a, v, nil, items, reflect.Value{})
	}
	if len(items) > 0 {
		return NewValidationError("", items)
	}
	return nil
}
