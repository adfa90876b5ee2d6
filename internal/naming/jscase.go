package naming

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// jsToLower is JavaScript's String.prototype.toLowerCase: Go's
// unicode.ToLower, except for the runes in jsLowerDiff (full mappings such
// as 'İ' → "i̇", and letters newer than Go's Unicode tables) and for 'Σ',
// which becomes 'ς' at the end of a word (Unicode's Final_Sigma condition).
// Invalid UTF-8 bytes are kept as they are.
func jsToLower(s string) string {
	ascii, hasUpper := true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			hasUpper = true
		}
	}
	if ascii {
		if !hasUpper {
			return s
		}
		b := []byte(s)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + ('a' - 'A')
			}
		}
		return string(b)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteByte(s[i])
		case r == 'Σ':
			if finalSigma(s, i, i+size) {
				b.WriteRune('ς')
			} else {
				b.WriteRune('σ')
			}
		default:
			if d, ok := jsLowerDiff[r]; ok {
				b.WriteString(d)
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
		}
		i += size
	}
	return b.String()
}

// finalSigma reports whether the 'Σ' at s[start:end] satisfies Unicode's
// Final_Sigma condition: a cased letter before it (skipping case-ignorable
// characters), and none after it.
func finalSigma(s string, start, end int) bool {
	before := false
	for i := start; i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if caseIgnorable(r) {
			continue
		}
		before = cased(r)
		break
	}
	if !before {
		return false
	}
	for i := end; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if caseIgnorable(r) {
			continue
		}
		return !cased(r)
	}
	return true
}

// cased is Unicode's Cased property: Lowercase, Uppercase or Lt.
func cased(r rune) bool {
	return unicode.IsLower(r) || unicode.IsUpper(r) || unicode.IsTitle(r) ||
		unicode.In(r, unicode.Other_Lowercase, unicode.Other_Uppercase)
}

// caseIgnorable is Unicode's Case_Ignorable property: Mn, Me, Cf, Lm, Sk,
// and Word_Break MidLetter, MidNumLet and Single_Quote.
func caseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', '\u00B7', '\u0387', '\u055F', '\u05F4', '\u2018', '\u2019',
		'\u2024', '\u2027', '\uFE13', '\uFE52', '\uFE55', '\uFF07', '\uFF0E', '\uFF1A':
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

// jsUpperUnit is JavaScript's toUpperCase of the one-character string r,
// for a rune of the Basic Multilingual Plane.
func jsUpperUnit(r rune) string {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return string(r)
	}
	if d, ok := jsUpperDiff[r]; ok {
		return d
	}
	return string(unicode.ToUpper(r))
}

// isJSSpace reports whether r is in JavaScript's \s and trim() set
// (WhiteSpace and LineTerminator). It differs from unicode.IsSpace: U+FEFF
// is in, U+0085 is out.
func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2028', '\u2029',
		'\u202F', '\u205F', '\u3000', '\uFEFF':
		return true
	}
	return r >= '\u2000' && r <= '\u200A'
}
