package naming

import (
	"regexp"
	"strings"
)

// rule is one entry of an inflection rule list.
type rule struct {
	re   *regexp.Regexp
	repl string // Go replacement template (only when !keep)
	keep bool   // a match leaves the word as it is
}

func keep(re *regexp.Regexp) rule { return rule{re: re, keep: true} }

func replace(re *regexp.Regexp, jsRepl string) rule {
	return rule{re: re, repl: jsReplacement(jsRepl)}
}

// jsRule compiles a JavaScript pattern that carries the "i" flag.
func jsRule(pattern string) *regexp.Regexp {
	return regexp.MustCompile(jsPattern(pattern))
}

// jsPattern rewrites a JavaScript pattern used with the "i" flag (and
// without "u") into an RE2 pattern that matches the same strings: every ASCII
// letter stands for both of its cases, in and out of brackets. Only the
// syntax the inflection rules use is supported (groups, (?:, |, ^, $ and
// bracket expressions without escapes or ranges).
func jsPattern(p string) string {
	var b strings.Builder
	inClass := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case inClass && c == ']':
			inClass = false
			b.WriteByte(c)
		case !inClass && c == '[':
			inClass = true
			b.WriteByte(c)
			if i+1 < len(p) && p[i+1] == '^' {
				b.WriteByte('^')
				i++
			}
		case isASCIILetter(c):
			lo, up := c|0x20, c&^0x20
			if inClass {
				b.WriteByte(lo)
				b.WriteByte(up)
			} else {
				b.WriteByte('[')
				b.WriteByte(lo)
				b.WriteByte(up)
				b.WriteByte(']')
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// jsReplacement rewrites a JavaScript replacement string ("$1$2ves") into
// Go's template syntax ("${1}${2}ves"). In both a group that did not take
// part in the match expands to "".
func jsReplacement(r string) string {
	var b strings.Builder
	for i := 0; i < len(r); i++ {
		if r[i] == '$' && i+1 < len(r) && r[i+1] >= '1' && r[i+1] <= '9' {
			b.WriteString("${")
			b.WriteByte(r[i+1])
			b.WriteByte('}')
			i++
			continue
		}
		b.WriteByte(r[i])
	}
	return b.String()
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

var uncountable = func() map[string]struct{} {
	m := make(map[string]struct{}, len(uncountableWords))
	for _, w := range uncountableWords {
		m[w] = struct{}{}
	}
	return m
}()

// isUncountable reports whether JavaScript's s.toLowerCase() is one of the
// uncountable words. Those are all ASCII; the only non-ASCII character that
// JavaScript lower-cases to ASCII is U+212A KELVIN SIGN ('k'). (Go's
// strings.ToLower would also turn U+0130 into 'i', which JavaScript turns
// into "i\u0307".)
func isUncountable(s string) bool {
	if len(s) > 32 { // longer than any uncountable word, even with Kelvin signs
		return false
	}
	var buf [32]byte
	b := buf[:0]
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			b = append(b, byte(r)+('a'-'A'))
		case r >= 'a' && r <= 'z':
			b = append(b, byte(r))
		case r == '\u212A':
			b = append(b, 'k')
		default:
			return false
		}
	}
	_, ok := uncountable[string(b)]
	return ok
}

// applyRules is inflection's _apply_rules without the override argument.
func applyRules(s string, rules []rule) string {
	if isUncountable(s) {
		return s
	}
	for _, r := range rules {
		if r.re.MatchString(s) {
			if !r.keep {
				s = r.re.ReplaceAllString(s, r.repl)
			}
			break
		}
	}
	return s
}

// Pluralize returns the plural of s as Sequelize's Utils.pluralize (npm
// inflection.pluralize) does. The rules look at the end of the whole string,
// so only the last word of a CamelCase or snake_case name changes
// ("UserGroup" → "UserGroups", "SalesPerson" → "SalesPeople"), while the
// uncountable list and the rules anchored at both ends only apply to the
// whole string ("Sheep" → "Sheep" but "UserSheep" → "UserSheeps", "Man" →
// "Men" but "Chairman" → "Chairmans"). Case is kept as written except in the
// replaced suffix, which comes from the rule ("PERSON" → "PEople").
func Pluralize(s string) string { return applyRules(s, pluralRules) }

// Singularize returns the singular of s as Sequelize's Utils.singularize
// (npm inflection.singularize) does, with the same whole-string behaviour as
// Pluralize ("People" → "Person", "Statuses" → "Status", "Data" → "Datum").
func Singularize(s string) string { return applyRules(s, singularRules) }
