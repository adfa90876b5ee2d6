// Command gocase prints, as JSON, every rune that Go's unicode.ToLower or
// unicode.ToUpper changes: {"lower": {"65": 97, ...}, "upper": {...}}.
// testdata/gen_jscase.js compares them with JavaScript's mappings.
package main

import (
	"encoding/json"
	"os"
	"unicode"
	"unicode/utf8"
)

func main() {
	lower := map[rune]rune{}
	upper := map[rune]rune{}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		if l := unicode.ToLower(r); l != r {
			lower[r] = l
		}
		if u := unicode.ToUpper(r); u != r {
			upper[r] = u
		}
	}
	if err := json.NewEncoder(os.Stdout).Encode(map[string]map[rune]rune{"lower": lower, "upper": upper}); err != nil {
		os.Exit(1)
	}
}
