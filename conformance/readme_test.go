package conformance_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite README.md's tables from the packages' READMEs")

// TestREADME checks that README.md's tables are the sum of the conformance
// packages' own (each written by that package's full run), or rewrites them
// with -update. It needs no database.
func TestREADME(t *testing.T) {
	subs, err := filepath.Glob("*/README.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) == 0 {
		t.Fatal("no conformance package READMEs")
	}
	var docs [][]byte
	for _, f := range subs {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, b)
	}
	counts, err := sumCounts(docs)
	if err != nil {
		t.Fatal(err)
	}
	old, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	out := old
	for _, sec := range []struct{ name, body string }{
		{"counts", counts},
		{"differences", unionRows(docs, "differences")},
		{"cannot", unionRows(docs, "cannot")},
		{"bugs", unionRows(docs, "bugs")},
	} {
		if out, err = replaceSection(out, sec.name, sec.body); err != nil {
			t.Fatal(err)
		}
	}
	if bytes.Equal(out, old) {
		return
	}
	if *update {
		if err := os.WriteFile("README.md", out, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatal("README.md does not sum the packages' READMEs; run: go test ./conformance -update (after go test ./conformance/... -update)")
}

func section(doc []byte, name string) (string, error) {
	begin := "<!-- begin " + name + " -->\n"
	end := "<!-- end " + name + " -->"
	s := string(doc)
	i := strings.Index(s, begin)
	j := strings.Index(s, end)
	if i < 0 || j < i {
		return "", fmt.Errorf("a README lacks the %q markers", name)
	}
	return s[i+len(begin) : j], nil
}

func replaceSection(doc []byte, name, body string) ([]byte, error) {
	if _, err := section(doc, name); err != nil {
		return nil, err
	}
	begin := "<!-- begin " + name + " -->\n"
	s := string(doc)
	i := strings.Index(s, begin) + len(begin)
	j := strings.Index(s, "<!-- end "+name+" -->")
	return []byte(s[:i] + body + s[j:]), nil
}

func cells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	row = strings.TrimSuffix(row, "|")
	out := strings.Split(row, " | ")
	for i := range out {
		out[i] = strings.TrimSpace(out[i])
	}
	return out
}

// sumCounts adds up the packages' counts tables by JS file (a file whose
// cases are split between packages gets one row) and by dialect column.
func sumCounts(docs [][]byte) (string, error) {
	var cols []string // dialect columns, in the first table's order
	sums := map[string]map[string]int{}
	for _, doc := range docs {
		sec, err := section(doc, "counts")
		if err != nil {
			return "", err
		}
		lines := strings.Split(strings.TrimSpace(sec), "\n")
		if len(lines) < 2 {
			continue // a package that has not run yet
		}
		head := cells(lines[0])
		if len(head) < 3 {
			return "", fmt.Errorf("unexpected counts header %q", lines[0])
		}
		if cols == nil {
			cols = head[1:]
		} else if !slices.Equal(cols, head[1:]) {
			return "", fmt.Errorf("counts headers differ: %q and %q", cols, head[1:])
		}
		for _, l := range lines[2:] {
			c := cells(l)
			if c[0] == "**all**" {
				continue
			}
			if sums[c[0]] == nil {
				sums[c[0]] = map[string]int{}
			}
			for i, h := range head[1:] {
				n, err := strconv.Atoi(c[i+1])
				if err != nil {
					return "", fmt.Errorf("counts row %q: %v", l, err)
				}
				sums[c[0]][h] += n
			}
		}
	}
	files := make([]string, 0, len(sums))
	for f := range sums {
		files = append(files, f)
	}
	slices.Sort(files)
	var b strings.Builder
	b.WriteString("| JS file (test/integration/) | " + strings.Join(cols, " | ") + " |\n|---|")
	for range cols {
		b.WriteString("--:|")
	}
	b.WriteString("\n")
	total := map[string]int{}
	for _, f := range files {
		b.WriteString("| " + f + " |")
		for _, h := range cols {
			total[h] += sums[f][h]
			fmt.Fprintf(&b, " %d |", sums[f][h])
		}
		b.WriteString("\n")
	}
	b.WriteString("| **all** |")
	for _, h := range cols {
		fmt.Fprintf(&b, " **%d** |", total[h])
	}
	b.WriteString("\n")
	return b.String(), nil
}

// unionRows merges one table section of the packages' READMEs: one header,
// every row, sorted ("None." when no package has a row).
func unionRows(docs [][]byte, name string) string {
	var head string
	var rows []string
	for _, doc := range docs {
		sec, err := section(doc, name)
		if err != nil {
			continue
		}
		lines := strings.Split(strings.TrimSpace(sec), "\n")
		if len(lines) < 2 || !strings.HasPrefix(lines[0], "|") {
			continue
		}
		head = lines[0] + "\n" + lines[1] + "\n"
		rows = append(rows, lines[2:]...)
	}
	if head == "" {
		return "None.\n"
	}
	slices.Sort(rows)
	return head + strings.Join(rows, "\n") + "\n"
}
