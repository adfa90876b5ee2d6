// Command compare counts, for each candidate Go inflection library, the
// words of the golden file on which its Pluralize/Singularize differ from
// npm inflection 1.13.4 (as called by Sequelize 6.37.8). Words listed in
// words.txt and the rows generate.js adds for inflection's uncountable list
// are counted separately.
//
//	cd internal/naming/testdata/compare
//	go run . ../inflection.tsv ../words.txt [candidate-substring-to-list-mismatches]
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	pluralize "github.com/gertd/go-pluralize"
	openapi "github.com/go-openapi/inflect"
	"github.com/gobuffalo/flect"
	"github.com/jinzhu/inflection"
)

type candidate struct {
	name       string
	plur, sing func(string) string
}

type row struct{ w, p, s string }

func lines(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: compare inflection.tsv words.txt [candidate]")
		os.Exit(2)
	}
	pc := pluralize.NewClient()
	cands := []candidate{
		{"github.com/jinzhu/inflection v1.0.0", inflection.Plural, inflection.Singular},
		{"github.com/go-openapi/inflect v1.0.1", openapi.Pluralize, openapi.Singularize},
		{"github.com/gobuffalo/flect v1.0.3", flect.Pluralize, flect.Singularize},
		{"github.com/gertd/go-pluralize v0.2.1", pc.Plural, pc.Singular},
	}
	listed := map[string]bool{}
	for _, w := range lines(os.Args[2]) {
		listed[strings.TrimSpace(w)] = true
	}
	var words, uncountables []row
	for _, l := range lines(os.Args[1]) {
		p := strings.Split(l, "\t")
		r := row{p[0], p[1], p[2]}
		if listed[r.w] {
			words = append(words, r)
		} else {
			uncountables = append(uncountables, r)
		}
	}
	for _, set := range []struct {
		name string
		rows []row
	}{{"words.txt", words}, {"inflection's uncountable words", uncountables}} {
		fmt.Printf("\n%s: %d words\n\n", set.name, len(set.rows))
		fmt.Println("| library | pluralize mismatches | singularize mismatches | words with any mismatch |")
		fmt.Println("| --- | --- | --- | --- |")
		for _, c := range cands {
			var mp, ms, any int
			var ex []string
			for _, r := range set.rows {
				gp, gs := c.plur(r.w), c.sing(r.w)
				if gp != r.p {
					mp++
					ex = append(ex, fmt.Sprintf("pluralize(%s): npm %s, go %s", r.w, r.p, gp))
				}
				if gs != r.s {
					ms++
					ex = append(ex, fmt.Sprintf("singularize(%s): npm %s, go %s", r.w, r.s, gs))
				}
				if gp != r.p || gs != r.s {
					any++
				}
			}
			fmt.Printf("| %s | %d | %d | %d |\n", c.name, mp, ms, any)
			if len(os.Args) > 3 && strings.Contains(c.name, os.Args[3]) {
				for _, e := range ex {
					fmt.Println("    " + e)
				}
			}
		}
	}
}
