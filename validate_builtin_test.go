package sequelize

import (
	"slices"
	"sort"
	"testing"
)

func TestEveryBuiltinValidator(t *testing.T) {
	cases := []struct {
		name       string
		args       []any
		pass, fail string
	}{
		{"is", []any{"^[a-z]+$"}, "abc", "Abc"},
		{"regex", []any{"^[a-z]+$", "i"}, "ABC", "a1"},
		{"not", []any{"^[0-9]"}, "a1", "1a"},
		{"notRegex", []any{"x"}, "abc", "axc"},
		{"isEmail", nil, "a@b.co", "a@"},
		{"isUrl", nil, "https://example.com/x", "not a url"},
		{"isURL", nil, "http://example.com", "::"},
		{"isIP", nil, "10.0.0.1", "10.0.0"},
		{"isIPv4", nil, "192.168.1.1", "::1"},
		{"isIPv6", nil, "::1", "127.0.0.1"},
		{"isAlpha", nil, "abcXYZ", "abc1"},
		{"isAlphanumeric", nil, "abc123", "abc-123"},
		{"isNumeric", nil, "12345", "12a"},
		{"isInt", nil, "-42", "4.2"},
		{"isFloat", nil, "4.25", "four"},
		{"isDecimal", nil, "-12.50", "1.2.3"},
		{"isLowercase", nil, "abc", "aBc"},
		{"isUppercase", nil, "ABC", "AbC"},
		{"isHexadecimal", nil, "deadBEEF", "xyz"},
		{"isHexColor", nil, "#ff0000", "#ggg"},
		{"isBase64", nil, "aGVsbG8=", "hello!"},
		{"isJSON", nil, `{"a":1}`, "{a:1}"},
		{"isCreditCard", nil, "4111111111111111", "1234"},
		{"isUUID", []any{4}, "3f2b6d1e-8c4a-4f6b-9a1d-2e3c4b5a6d7e", "3f2b6d1e-8c4a-1f6b-9a1d-2e3c4b5a6d7e"},
		{"isDate", nil, "2024-02-29", "2024-02-30"},
		{"isAfter", []any{"2020-01-01"}, "2021-01-01", "2019-12-31"},
		{"isBefore", []any{"2020-01-01"}, "2019-12-31", "2021-01-01"},
		{"isNull", nil, "", "x"},
		{"notEmpty", nil, "x", "  "},
		{"equals", []any{"yes"}, "yes", "no"},
		{"contains", []any{"ell"}, "hello", "help"},
		{"notContains", []any{"ell"}, "help", "hello"},
		{"isIn", []any{[]any{"a", "b"}}, "a", "c"},
		{"notIn", []any{"a", "b"}, "c", "a"},
		{"len", []any{2, 4}, "abc", "abcde"},
		{"max", []any{10}, "10", "11"},
		{"min", []any{10}, "10", "9"},
	}
	seen := map[string]bool{}
	for _, c := range cases {
		seen[c.name] = true
		fn := builtins[c.name]
		if fn == nil {
			t.Errorf("%s is not a built-in", c.name)
			continue
		}
		if !fn(c.pass, c.args) {
			t.Errorf("%s(%v) rejects %q", c.name, c.args, c.pass)
		}
		if fn(c.fail, c.args) {
			t.Errorf("%s(%v) accepts %q", c.name, c.args, c.fail)
		}
	}
	var missing []string
	for name := range builtins {
		if !seen[name] {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("built-ins without a case: %v", missing)
	}
	// min and max let non-numbers through, as in Sequelize.
	if !builtins["max"]("abc", []any{1}) || !slices.Contains([]string{"x"}, "x") {
		t.Error("max rejects a non-number")
	}
	// Tag parsing.
	vs, err := parseValidateTag("isEmail;len(2,10);is(^[a-z]+,x$);isIn(a,b)")
	if err != nil || len(vs) != 4 || vs[1].Name != "len" || len(vs[1].Args) != 2 || vs[2].Args[0] != "^[a-z]+,x$" || len(vs[3].Args) != 2 {
		t.Errorf("parsed %+v, %v", vs, err)
	}
	if err := checkValidators("x", []Validator{{Name: "isArray"}}); err == nil {
		t.Error("isArray accepted")
	}
}
