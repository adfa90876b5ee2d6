// Package sqlparams rewrites the parameters of raw SQL queries, as accepted
// by sequelize.query(sql, {replacements, bind}), into real bound parameters
// in the placeholder syntax of the target dialect.
//
// # Replacements and bind parameters
//
// [Replace] handles Sequelize "replacements": positional "?" tokens (values
// given as a slice) or named ":name" tokens (values given as a map). Unlike
// Sequelize, which escapes replacement values and inlines them into the SQL
// text, this port turns every replacement into a bound parameter, so a value
// can never change the structure of the query. A replacement value that is a
// slice or an array (other than a byte slice or byte array, which is a single
// blob value, and other than a type implementing [driver.Valuer], which
// converts itself to one value) expands to a comma-separated list of
// placeholders, so "IN (:ids)" with ids = []int{1, 2, 3} becomes
// "IN ($1, $2, $3)". A list element that is itself a list expands to a
// parenthesised tuple, as in Sequelize v6, so "VALUES :rows" with
// rows = [][]any{{1, "a"}, {2, "b"}} becomes "VALUES ($1, $2), ($3, $4)";
// lists are expanded one level deep only. An empty list expands to NULL (as
// Sequelize renders it), so "IN (:ids)" with no ids matches nothing.
//
// [Bind] handles Sequelize "bind" parameters: positional "$1", "$2", ...
// (1-based, values given as a slice) or named "$name" (values given as a
// map). Bind values are passed through unchanged: a slice stays one
// parameter (a PostgreSQL array, for instance). "$$" is an escaped "$" and
// becomes a single "$" (see below for PostgreSQL dollar quotes).
//
// Both functions return the rewritten SQL and the arguments in placeholder
// order. Every occurrence of a parameter gets its own placeholder: a name or
// position used twice produces two placeholders and two copies of the value,
// which keeps the output valid for drivers that only understand "?".
// Replacements and bind parameters cannot be combined in one query; callers
// must reject a query that has both before calling either function.
//
// A name is an ASCII or Unicode letter or an underscore, followed by letters,
// digits and underscores. A named replacement is ":" followed by a name and
// not preceded by another ":", so PostgreSQL casts ("x::int"), MySQL
// assignments (":=") and a ":" followed by anything else are left alone. As
// in Sequelize v6, a name may directly follow an identifier, so a PostgreSQL
// array slice written "arr[lo:hi]" contains the replacement ":hi"; write it
// "arr[lo : hi]". A "$" that continues an identifier (as in "price$1" or
// "a$$b") is never a bind parameter or a dollar quote.
//
// When replacements are given as a map, a bare "?" is left as it is; when
// they are given as a slice, ":name" tokens are left as they are (Sequelize
// behaves the same way). With a positional slice, every "?" outside strings,
// quoted identifiers and comments is a replacement: PostgreSQL's jsonb
// operators "?", "?|" and "?&" collide with positional replacements (as they
// do in Sequelize), so queries using them must use named replacements or bind
// parameters. Unused entries of a named map are ignored, but the number of
// positional values must match the query exactly: too few and too many are
// both errors, so nothing is silently dropped.
//
// With a positional bind slice a "$name" token is an error, and with a named
// bind map a "$1" token is an error. Every value of a positional bind slice
// must be referenced at least once.
//
// # Lexing
//
// Parameters are only recognised outside of string literals, quoted
// identifiers and comments, which are copied unchanged. The [Syntax] of the
// dialect selects the rules: '...' strings (a doubled quote is an escaped
// quote, and with BackslashEscapes so is \'), "..." strings or identifiers,
// `...` identifiers, [...] identifiers, "--" and "/* */" comments (nested when
// NestedBlockComments), "#" comments, and PostgreSQL dollar-quoted strings
// and E'...' strings. "--" always starts a comment, even in MySQL, which
// strictly requires a space after it, and MySQL executable comments
// ("/*! ... */") are comments too, so parameters inside them are left alone.
// Text that is not terminated (a string, identifier or comment running to
// the end of the input) is not an error here: scanning simply stops and the
// database reports the syntax error.
//
// # Dollar quotes and "$$"
//
// Sequelize v6 treats "$$" in a bind query as an escaped "$", but in
// PostgreSQL "$$" opens an anonymous dollar-quoted string, as in a function
// body written "AS $$ ... $$". So that valid PostgreSQL is never corrupted,
// when the syntax has DollarQuotes a "$$" starts a dollar-quoted string if a
// closing "$$" follows it later in the query (the string is then copied
// unchanged, parameters and all, exactly as PostgreSQL reads it); only a
// "$$" without a closing "$$" is an escaped "$" in [Bind]. A tagged opener
// "$tag$" always starts a dollar-quoted string, which runs to the closing
// "$tag$" or to the end of the input. A tag cannot start with a digit, so
// "$1$" is the bind parameter "$1" followed by "$". Without DollarQuotes
// (MySQL, SQLite) "$$" is always an escaped "$" in [Bind]. A v6 PostgreSQL
// query that uses "$$" as an escape twice (as in "SELECT $$, $$") is
// therefore read as a dollar-quoted string, as PostgreSQL itself reads it;
// such literal dollars belong in string literals ('$'). [Replace] never gives
// "$" a meaning of its own, it only skips dollar-quoted strings.
//
// # Output
//
// A placeholder written next to an identifier character would merge with it
// ("a$1" is an identifier in PostgreSQL, "$1AND" is an error), so when the
// character before or after an emitted placeholder and the placeholder's own
// first or last character are both identifier characters ("$" included), a
// space is inserted between them. SQL without any parameter is returned
// unchanged.
package sqlparams

import (
	"database/sql/driver"
	"fmt"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Syntax describes the lexical rules of a dialect that matter for finding
// parameters: the placeholder written for each output argument and which
// kinds of strings, quoted identifiers and comments must be skipped.
type Syntax struct {
	// Placeholder appends the placeholder for the n-th (1-based) output
	// argument to b and returns the extended slice: "$n" for PostgreSQL,
	// "?" for MySQL and SQLite. A nil Placeholder writes "?".
	Placeholder func(b []byte, n int) []byte

	// BackslashEscapes makes a backslash escape the next character inside
	// '...' strings, and inside "..." strings when DoubleQuotedStrings is
	// also set (MySQL).
	BackslashEscapes bool

	// DoubleQuotedStrings reports that "..." is a string literal (MySQL);
	// otherwise it is a quoted identifier. It is skipped either way, with ""
	// as an escaped quote.
	DoubleQuotedStrings bool

	// BacktickIdentifiers enables `...` quoted identifiers, with `` as an
	// escaped backtick (MySQL, SQLite).
	BacktickIdentifiers bool

	// DollarQuotes enables PostgreSQL lexing: $tag$ ... $tag$ and $$ ... $$
	// dollar-quoted strings (see the package documentation for "$$"),
	// E'...' strings with backslash escapes, and a carriage return ending a
	// "--" comment.
	DollarQuotes bool

	// HashComments makes '#' start a comment running to the end of the line
	// (MySQL).
	HashComments bool

	// NestedBlockComments makes /* ... */ comments nest (PostgreSQL).
	NestedBlockComments bool

	// BracketIdentifiers enables [...] quoted identifiers, which have no
	// escape (SQLite).
	BracketIdentifiers bool
}

// Error is the error returned by [Replace] and [Bind] when the parameters of
// a query do not match the values given.
type Error struct {
	// Msg describes the problem, without the "sequelize: " prefix.
	Msg string
	// Pos is the byte offset in the SQL of the offending token, or -1 when
	// the problem is not tied to one token.
	Pos int
}

// Error returns Msg prefixed with "sequelize: ".
func (e *Error) Error() string { return "sequelize: " + e.Msg }

func newError(pos int, format string, args ...any) error {
	return &Error{Msg: fmt.Sprintf(format, args...), Pos: pos}
}

// Replace rewrites the replacements of sql, positional "?" tokens or named
// ":name" tokens, into placeholders of syn and returns the rewritten SQL with
// the arguments in placeholder order. At most one of positional and named
// may be non-nil: positional gives the values of the "?" tokens in order,
// named the values of the ":name" tokens by name. When both are nil the SQL
// is returned unchanged without being scanned, so raw SQL containing a
// literal "?" or ":name" works. List values expand to several placeholders,
// as described in the package documentation. The error, if any, is an
// [*Error].
func Replace(sql string, positional []any, named map[string]any, syn Syntax) (string, []any, error) {
	if positional == nil && named == nil {
		return sql, nil, nil
	}
	if positional != nil && named != nil {
		return "", nil, newError(-1, `replacements must be given either as a slice (for "?") or as a map (for ":name"), not both`)
	}
	lx := lexer{sql: sql, syn: syn}
	w := writer{src: sql, ph: syn.Placeholder, argsCap: len(positional)}
	if named != nil {
		w.argsCap = min(len(named), 16)
	}
	used := 0
	for {
		t := lx.next()
		switch t.kind {
		case tokEOF:
			if positional != nil && used < len(positional) {
				if used == 0 {
					return "", nil, newError(-1, `%s given but the query has no "?"`, plural(len(positional), "positional replacement"))
				}
				return "", nil, newError(-1, `%s given but the query has only %d "?"`, plural(len(positional), "positional replacement"), used)
			}
			return w.finish()
		case tokQuestion:
			if positional == nil {
				continue
			}
			if used == len(positional) {
				total := used + 1
				for rest := lx.next(); rest.kind != tokEOF; rest = lx.next() {
					if rest.kind == tokQuestion {
						total++
					}
				}
				return "", nil, newError(t.start, `positional replacement #%d ("?") has no value: %s given for %d "?" in the query`,
					used+1, plural(len(positional), "replacement"), total)
			}
			w.value(t.start, t.end, positional[used])
			used++
		case tokColonName:
			if named == nil {
				continue
			}
			v, ok := named[sql[t.start+1:t.end]]
			if !ok {
				return "", nil, newError(t.start, `named replacement %q has no entry in the replacement map`, sql[t.start:t.end])
			}
			w.value(t.start, t.end, v)
		}
	}
}

// Bind rewrites the bind parameters of sql, positional "$1", "$2", ... or
// named "$name", into placeholders of syn, unescapes "$$" into "$", and
// returns the rewritten SQL with the arguments in placeholder order. At most
// one of positional and named may be non-nil: positional gives the value of
// "$n" at index n-1, named the values of the "$name" tokens by name. When
// both are nil the SQL is returned unchanged without being scanned. Values
// are passed through unchanged, one argument per occurrence. The error, if
// any, is an [*Error].
func Bind(sql string, positional []any, named map[string]any, syn Syntax) (string, []any, error) {
	if positional == nil && named == nil {
		return sql, nil, nil
	}
	if positional != nil && named != nil {
		return "", nil, newError(-1, `bind values must be given either as a slice (for "$1") or as a map (for "$name"), not both`)
	}
	lx := lexer{sql: sql, syn: syn, bind: true}
	w := writer{src: sql, ph: syn.Placeholder, argsCap: len(positional)}
	if named != nil {
		w.argsCap = min(len(named), 16)
	}
	var usedSmall [2]uint64
	used := usedSmall[:]
	if len(positional) > 64*len(usedSmall) {
		used = make([]uint64, (len(positional)+63)/64)
	}
	for {
		t := lx.next()
		text := sql[t.start:t.end]
		switch t.kind {
		case tokEOF:
			for i := range positional {
				if used[i/64]&(1<<(i%64)) == 0 {
					return "", nil, newError(-1, `bind value #%d is never used: %s given but the query has no "$%d"`,
						i+1, plural(len(positional), "bind value"), i+1)
				}
			}
			return w.finish()
		case tokDollarEscape:
			w.begin(t.start)
			w.buf = append(w.buf, '$')
			w.last = t.end
		case tokDollarNumber:
			if positional == nil {
				return "", nil, newError(t.start, `bind parameter %q needs a bind slice: bind values were given as a map`, text)
			}
			n := 0
			for i := 1; i < len(text) && n <= len(positional); i++ {
				n = n*10 + int(text[i]-'0')
			}
			if n == 0 {
				return "", nil, newError(t.start, `bind parameter %q is invalid: positions start at 1`, text)
			}
			if n > len(positional) {
				return "", nil, newError(t.start, `bind parameter %q has no value: %s given`, text, plural(len(positional), "bind value"))
			}
			used[(n-1)/64] |= 1 << ((n - 1) % 64)
			mark := w.begin(t.start)
			w.placeholder(positional[n-1])
			w.end(mark, t.end)
		case tokDollarName:
			if named == nil {
				return "", nil, newError(t.start, `bind parameter %q needs a bind map: bind values were given as a slice`, text)
			}
			v, ok := named[text[1:]]
			if !ok {
				return "", nil, newError(t.start, `bind parameter %q has no entry in the bind map`, text)
			}
			mark := w.begin(t.start)
			w.placeholder(v)
			w.end(mark, t.end)
		}
	}
}

// plural formats n followed by noun, adding an "s" unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// writer builds the output SQL and argument list. The output buffer is only
// allocated once a parameter is found, so SQL without parameters is returned
// as it is.
type writer struct {
	src     string
	ph      func([]byte, int) []byte
	buf     []byte
	args    []any
	argsCap int
	last    int // end of the part of src already written to buf
}

// begin copies src up to start into the output and returns the output
// length, marking where the emission for the token at start begins.
func (w *writer) begin(start int) int {
	if w.buf == nil {
		w.buf = make([]byte, 0, len(w.src)+32)
	}
	w.buf = append(w.buf, w.src[w.last:start]...)
	w.last = start
	return len(w.buf)
}

// end finishes the emission begun at mark for the token ending at next in
// src, separating it with spaces from identifier characters it would
// otherwise merge with.
func (w *writer) end(mark, next int) {
	b := w.buf
	if mark > 0 && mark < len(b) && identByte(b[mark-1]) && identByte(b[mark]) {
		b = append(b, 0)
		copy(b[mark+1:], b[mark:])
		b[mark] = ' '
	}
	if len(b) > mark && next < len(w.src) && identByte(b[len(b)-1]) && identByte(w.src[next]) {
		b = append(b, ' ')
	}
	w.buf = b
	w.last = next
}

// placeholder appends one argument and its placeholder.
func (w *writer) placeholder(v any) {
	if w.args == nil {
		w.args = make([]any, 0, max(w.argsCap, 1))
	}
	w.args = append(w.args, v)
	if w.ph == nil {
		w.buf = append(w.buf, '?')
		return
	}
	w.buf = w.ph(w.buf, len(w.args))
}

// value emits the replacement value v for the token src[start:end],
// expanding lists.
func (w *writer) value(start, end int, v any) {
	mark := w.begin(start)
	if l, ok := asList(v); ok {
		w.list(l, true)
	} else {
		w.placeholder(v)
	}
	w.end(mark, end)
}

// list emits the elements of l separated by ", ", or NULL when l is empty.
// When outer is set, elements that are lists become parenthesised tuples.
func (w *writer) list(l list, outer bool) {
	n := l.len()
	if n == 0 {
		w.buf = append(w.buf, "NULL"...)
		return
	}
	for i := range n {
		if i > 0 {
			w.buf = append(w.buf, ", "...)
		}
		e := l.at(i)
		if outer {
			if inner, ok := asList(e); ok {
				w.buf = append(w.buf, '(')
				w.list(inner, false)
				w.buf = append(w.buf, ')')
				continue
			}
		}
		w.placeholder(e)
	}
}

// finish returns the output SQL and arguments.
func (w *writer) finish() (string, []any, error) {
	if w.buf == nil {
		return w.src, w.args, nil
	}
	w.buf = append(w.buf, w.src[w.last:]...)
	// The buffer is never written again, so it can back the string without
	// a copy, as strings.Builder does.
	return unsafe.String(unsafe.SliceData(w.buf), len(w.buf)), w.args, nil
}

// list is a replacement value that expands to several placeholders.
type list struct {
	items []any
	rv    reflect.Value // valid when the value is not a []any
}

func (l list) len() int {
	if l.rv.IsValid() {
		return l.rv.Len()
	}
	return len(l.items)
}

func (l list) at(i int) any {
	if l.rv.IsValid() {
		return l.rv.Index(i).Interface()
	}
	return l.items[i]
}

// asList reports whether the replacement value v is a list: a slice or an
// array whose elements are not bytes, and that does not implement
// driver.Valuer.
func asList(v any) (list, bool) {
	switch x := v.(type) {
	case nil, string, []byte, bool, int, int8, int16, int32, int64,
		uint, uint8, uint16, uint32, uint64, float32, float64, driver.Valuer:
		return list{}, false
	case []any:
		return list{items: x}, true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		if rv.Type().Elem().Kind() != reflect.Uint8 {
			return list{rv: rv}, true
		}
	}
	return list{}, false
}

type tokenKind uint8

const (
	tokEOF          tokenKind = iota
	tokQuestion               // "?" (Replace only)
	tokColonName              // ":name" (Replace only)
	tokDollarNumber           // "$123" (Bind only)
	tokDollarName             // "$name" (Bind only)
	tokDollarEscape           // "$$" that does not open a dollar-quoted string (Bind only)
)

// token is a parameter token at sql[start:end].
type token struct {
	kind       tokenKind
	start, end int
}

// lexer finds the parameter tokens of a query, skipping strings, quoted
// identifiers and comments.
type lexer struct {
	sql  string
	syn  Syntax
	bind bool // find bind tokens instead of replacement tokens
	pos  int
	// noClosingDD records that no "$$" follows the last position searched,
	// so later "$$" cannot open a dollar-quoted string either.
	noClosingDD bool
}

// next returns the next parameter token, or a tokEOF token.
func (l *lexer) next() token {
	s := l.sql
	for l.pos < len(s) {
		i := l.pos
		c := s[i]
		class := byteClass[c]
		if class == 0 {
			l.pos = i + 1
			continue
		}
		if class&classWord != 0 {
			// A whole word (identifier, keyword or number), including any
			// "$" inside it, so "a$1" is not a bind parameter.
			j := i + 1
			for j < len(s) && byteClass[s[j]]&classIdent != 0 {
				j++
			}
			if j == i+1 && (c == 'E' || c == 'e') && l.syn.DollarQuotes && j < len(s) && s[j] == '\'' {
				j = skipQuoted(s, j+1, '\'', true)
			}
			l.pos = j
			continue
		}
		switch {
		case c == '\'':
			l.pos = skipQuoted(s, i+1, '\'', l.syn.BackslashEscapes)
		case c == '"':
			l.pos = skipQuoted(s, i+1, '"', l.syn.BackslashEscapes && l.syn.DoubleQuotedStrings)
		case c == '`' && l.syn.BacktickIdentifiers:
			l.pos = skipQuoted(s, i+1, '`', false)
		case c == '[' && l.syn.BracketIdentifiers:
			l.pos = skipPast(s, i+1, "]")
		case c == '-' && i+1 < len(s) && s[i+1] == '-':
			l.pos = l.skipLineComment(i + 2)
		case c == '#' && l.syn.HashComments:
			l.pos = l.skipLineComment(i + 1)
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			l.pos = l.skipBlockComment(i + 2)
		case c == '$':
			if t, ok := l.dollar(i); ok {
				return t
			}
		case c == '?':
			l.pos = i + 1
			if !l.bind {
				return token{kind: tokQuestion, start: i, end: i + 1}
			}
		case c == ':' && !l.bind:
			j := i + 1
			if j < len(s) && s[j] == ':' {
				for j < len(s) && s[j] == ':' {
					j++
				}
				l.pos = j
				continue
			}
			if e := nameEnd(s, j); e > j {
				l.pos = e
				return token{kind: tokColonName, start: i, end: e}
			}
			l.pos = j
		default:
			l.pos = i + 1
		}
	}
	return token{kind: tokEOF, start: len(s), end: len(s)}
}

// dollar handles a "$" at i that does not continue a word: a dollar-quoted
// string is skipped, a bind token is returned.
func (l *lexer) dollar(i int) (token, bool) {
	s := l.sql
	if l.syn.DollarQuotes {
		if end := dollarTagEnd(s, i); end > 0 {
			if end > i+2 {
				l.pos = skipPast(s, end, s[i:end])
				return token{}, false
			}
			if !l.noClosingDD {
				if k := strings.Index(s[end:], "$$"); k >= 0 {
					l.pos = end + k + 2
					return token{}, false
				}
				l.noClosingDD = true
			}
		}
	}
	l.pos = i + 1
	if i+1 == len(s) {
		return token{}, false
	}
	if !l.bind {
		if s[i+1] == '$' {
			l.pos = i + 2 // "$$" is one token, as in Bind
		}
		return token{}, false
	}
	j := i + 1
	switch c := s[j]; {
	case c == '$':
		l.pos = j + 1
		return token{kind: tokDollarEscape, start: i, end: j + 1}, true
	case '0' <= c && c <= '9':
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		l.pos = j
		return token{kind: tokDollarNumber, start: i, end: j}, true
	}
	if e := nameEnd(s, j); e > j {
		l.pos = e
		return token{kind: tokDollarName, start: i, end: e}, true
	}
	return token{}, false
}

// dollarTagEnd returns the end of the dollar-quote delimiter "$$" or
// "$tag$" starting at s[i], or -1 if there is none. Tags follow PostgreSQL:
// letters, underscores, non-ASCII bytes and, after the first byte, digits.
func dollarTagEnd(s string, i int) int {
	j := i + 1
	if j < len(s) && s[j] == '$' {
		return j + 1
	}
	if j >= len(s) || !tagStartByte(s[j]) {
		return -1
	}
	for j++; j < len(s) && wordByte(s[j]); j++ {
	}
	if j < len(s) && s[j] == '$' {
		return j + 1
	}
	return -1
}

// skipQuoted returns the position after the closing quote q of a quoted
// string or identifier whose content starts at j; a doubled quote is an
// escaped quote, and with backslash so is a backslash sequence.
func skipQuoted(s string, j int, q byte, backslash bool) int {
	for j < len(s) {
		c := s[j]
		switch {
		case c == '\\' && backslash:
			j += 2
		case c == q:
			if j+1 < len(s) && s[j+1] == q {
				j += 2
				continue
			}
			return j + 1
		default:
			j++
		}
	}
	return len(s)
}

// skipPast returns the position after the first delim at or after j, or
// len(s).
func skipPast(s string, j int, delim string) int {
	if k := strings.Index(s[j:], delim); k >= 0 {
		return j + k + len(delim)
	}
	return len(s)
}

// skipLineComment returns the position after the end of the line comment
// whose content starts at j.
func (l *lexer) skipLineComment(j int) int {
	s := l.sql
	for ; j < len(s); j++ {
		if c := s[j]; c == '\n' || (c == '\r' && l.syn.DollarQuotes) {
			return j + 1
		}
	}
	return len(s)
}

// skipBlockComment returns the position after the end of the block comment
// whose content starts at j.
func (l *lexer) skipBlockComment(j int) int {
	s := l.sql
	if !l.syn.NestedBlockComments {
		return skipPast(s, j, "*/")
	}
	for depth := 1; j+1 < len(s); {
		switch {
		case s[j] == '*' && s[j+1] == '/':
			j += 2
			if depth--; depth == 0 {
				return j
			}
		case s[j] == '/' && s[j+1] == '*':
			j += 2
			depth++
		default:
			j++
		}
	}
	return len(s)
}

// nameEnd returns the end of the name starting at s[j], or j if there is
// none: a letter (ASCII or Unicode) or underscore followed by letters, digits
// and underscores.
func nameEnd(s string, j int) int {
	start := j
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || j > start && '0' <= c && c <= '9' {
				j++
				continue
			}
			return j
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || j > start && unicode.IsDigit(r) {
			j += n
			continue
		}
		return j
	}
	return j
}

// Byte classes used by the lexer.
const (
	classTagStart = 1 << iota // can start a dollar-quote tag
	classWord                 // belongs to a word: identifier, keyword or number
	classIdent                // can continue an unquoted identifier: a word byte or "$"
	classSpecial              // may start a token, string, quoted identifier or comment
)

// byteClass maps each byte to its classes; bytes of class 0 never matter to
// the lexer. Word bytes are ASCII letters, digits and underscores, and all
// bytes of non-ASCII characters, which every database concerned accepts in
// unquoted identifiers.
var byteClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '_', c >= utf8.RuneSelf:
			t[c] = classTagStart | classWord | classIdent
		case '0' <= c && c <= '9':
			t[c] = classWord | classIdent
		case c == '$':
			t[c] = classIdent | classSpecial
		case strings.IndexByte("'\"`[-#/?:", byte(c)) >= 0:
			t[c] = classSpecial
		}
	}
	return t
}()

// tagStartByte reports whether c can start a dollar-quote tag.
func tagStartByte(c byte) bool { return byteClass[c]&classTagStart != 0 }

// wordByte reports whether c belongs to a word.
func wordByte(c byte) bool { return byteClass[c]&classWord != 0 }

// identByte reports whether c can continue an unquoted identifier: a word
// byte or "$".
func identByte(c byte) bool { return byteClass[c]&classIdent != 0 }
