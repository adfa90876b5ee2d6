package datatypes

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
)

// GeometryType is GEOMETRY or GEOGRAPHY, with an optional geometry type
// (POINT, LINESTRING, POLYGON, ...) and SRID. Make one with [Geometry] or
// [Geography]. Values are GeoJSON on the Go side (see Bind, Scan and
// [GeometryType.BindSQL]).
type GeometryType struct {
	geography bool
	typ       string
	srid      int
}

// Geometry is Sequelize's DataTypes.GEOMETRY(type, srid): GEOMETRY or
// GEOMETRY(POINT,4326) on postgres (PostGIS), GEOMETRY or the geometry type
// (POINT) on mysql and mariadb, which ignore the SRID. Give the SRID with
// [GeometryType.WithSRID].
func Geometry(geometryType ...string) GeometryType {
	return GeometryType{typ: firstUpper(geometryType)}
}

// Geography is Sequelize's DataTypes.GEOGRAPHY(type, srid); postgres
// (PostGIS) only.
func Geography(geometryType ...string) GeometryType {
	return GeometryType{geography: true, typ: firstUpper(geometryType)}
}

func firstUpper(s []string) string {
	if len(s) > 0 {
		return strings.ToUpper(strings.TrimSpace(s[0]))
	}
	return ""
}

// WithSRID returns the type with a spatial reference id (0 removes it). A
// type without a geometry type gets the generic one, GEOMETRY, since
// PostGIS needs a type to carry an SRID: GEOMETRY(GEOMETRY,4326).
func (t GeometryType) WithSRID(srid int) GeometryType {
	t.srid = max(srid, 0)
	if t.srid > 0 && t.typ == "" {
		t.typ = "GEOMETRY"
	}
	return t
}

// Type is the geometry type ("POINT", ...), "" when none.
func (t GeometryType) Type() string { return t.typ }

// SRID is the spatial reference id, 0 when none.
func (t GeometryType) SRID() int { return t.srid }

// Key returns "GEOMETRY" or "GEOGRAPHY".
func (t GeometryType) Key() string {
	if t.geography {
		return "GEOGRAPHY"
	}
	return "GEOMETRY"
}

// String returns the tag form: "GEOMETRY", "GEOMETRY('POINT')",
// "GEOGRAPHY('POINT',4326)".
func (t GeometryType) String() string {
	s := t.Key()
	if t.typ != "" {
		s += "(" + quoteTag(t.typ)
		if t.srid > 0 {
			s += "," + strconv.Itoa(t.srid)
		}
		s += ")"
	}
	return s
}

func validGeoType(s string) bool {
	if s == "" || len(s) > 64 {
		return s == ""
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// SQL returns the PostGIS type on postgres (GEOMETRY, GEOMETRY(POINT),
// GEOMETRY(POINT,4326), and the same for GEOGRAPHY) and, for GEOMETRY on
// mysql and mariadb, the geometry type or GEOMETRY.
func (t GeometryType) SQL(c Context) (string, error) {
	allowed := []string{postgres, mysql}
	if t.geography {
		allowed = allowed[:1]
	}
	fam, err := support(t, c.Dialect, allowed...)
	if err != nil {
		return "", err
	}
	if !validGeoType(t.typ) {
		return "", fmt.Errorf("sequelize: invalid geometry type %q", t.typ)
	}
	if fam == mysql {
		if t.typ != "" {
			return t.typ, nil
		}
		return "GEOMETRY", nil
	}
	s := t.Key()
	if t.typ != "" {
		s += "(" + t.typ
		if t.srid > 0 {
			s += "," + strconv.Itoa(t.srid)
		}
		s += ")"
	}
	return s, nil
}

// BindSQL wraps the placeholder of a bound GEOMETRY or GEOGRAPHY value in
// the function that reads it, as Sequelize does:
// ST_GeomFromGeoJSON($1) on postgres, ST_GeomFromText(?) on mysql and
// mariadb. Statements that bind such a value must use it.
func (t GeometryType) BindSQL(dialect, placeholder string) string {
	if fam, _ := dialectOf(dialect); fam == mysql {
		return "ST_GeomFromText(" + placeholder + ")"
	}
	return "ST_GeomFromGeoJSON(" + placeholder + ")"
}

// BindWrapper is implemented by data types whose bound parameter must be
// wrapped in an SQL function: GEOMETRY and GEOGRAPHY.
type BindWrapper interface {
	BindSQL(dialect, placeholder string) string
}

var _ BindWrapper = GeometryType{}

// Bind accepts GeoJSON (a map, a struct that marshals to GeoJSON,
// json.RawMessage, []byte or a string starting with "{") or WKT text
// ("POINT(1 2)", optionally "SRID=4326;POINT(1 2)"), and gives GeoJSON
// text on postgres and WKT text on mysql and mariadb, for the function
// that [GeometryType.BindSQL] puts around the placeholder.
func (t GeometryType) Bind(dialect string, v any) (any, error) {
	if _, err := t.SQL(Context{Dialect: dialect}); err != nil {
		return nil, err
	}
	fam, _ := dialectOf(dialect)
	return bindLoop(t.String, v, false, func(v any) (any, bool, error) {
		var g map[string]any
		var text []byte
		switch x := v.(type) {
		case json.RawMessage:
			text = x
		case []byte:
			text = x
		default:
			if s, ok := stringOf(v); ok {
				if strings.HasPrefix(strings.TrimSpace(s), "{") {
					text = []byte(s)
					break
				}
				var err error
				if g, err = parseWKT(s); err != nil {
					return nil, false, err
				}
				break
			}
			b, err := json.Marshal(v)
			if err != nil {
				return nil, false, err
			}
			text = b
		}
		if g == nil {
			if err := json.Unmarshal(text, &g); err != nil || g == nil {
				return nil, false, errors.New("not GeoJSON")
			}
		}
		if fam == mysql {
			w, err := geoJSONToWKT(g)
			return w, err == nil, err
		}
		if _, err := geoJSONToWKT(g); err != nil { // validate
			return nil, false, err
		}
		b, err := json.Marshal(g)
		return string(b), err == nil, err
	})
}

// Scan decodes the database's geometry (hex EWKB text on postgres,
// SRID-prefixed WKB on mysql and mariadb) into GeoJSON, with a "crs"
// member naming the SRID ("EPSG:4326") when there is one, as Sequelize
// returns it; the GeoJSON is then stored as JSON is: into a map or
// struct, json.RawMessage, []byte and string (GeoJSON text), an interface
// (map[string]any) or an sql.Scanner (GeoJSON text).
func (t GeometryType) Scan(dialect string, src any, dst reflect.Value) error {
	name := t.String()
	spec := jsonSpec(name, false)
	jsonSpecial := spec.special
	spec.special = func(v any, dst reflect.Value) (bool, error) {
		if dst.Kind() == reflect.String {
			dst.SetString(string(v.([]byte)))
			return true, nil
		}
		return jsonSpecial(v, dst)
	}
	fam, _ := dialectOf(dialect)
	spec.canon = func(src any) (any, error) {
		var wkb []byte
		srid := uint32(0)
		switch x := normalizeDriver(src).(type) {
		case string:
			s := strings.TrimSpace(x)
			if strings.HasPrefix(s, "{") {
				if !json.Valid([]byte(s)) {
					return nil, fmt.Errorf("sequelize: scan %s: invalid GeoJSON", name)
				}
				return []byte(s), nil
			}
			b, err := hex.DecodeString(s)
			if err != nil {
				g, werr := parseWKT(s)
				if werr != nil {
					return nil, fmt.Errorf("sequelize: scan %s: neither hex WKB nor WKT: %w", name, werr)
				}
				return json.Marshal(g)
			}
			wkb = b
		case []byte:
			wkb = x
			if fam == mysql {
				if len(x) < 5 {
					return nil, fmt.Errorf("sequelize: scan %s: short geometry value", name)
				}
				srid, wkb = binary.LittleEndian.Uint32(x), x[4:]
			} else if b, err := hex.DecodeString(string(x)); err == nil {
				wkb = b
			}
		default:
			return nil, fmt.Errorf("sequelize: scan %s: cannot read %T as a geometry", name, src)
		}
		g, s2, err := parseWKB(wkb)
		if err != nil {
			return nil, fmt.Errorf("sequelize: scan %s: %w", name, err)
		}
		if srid == 0 {
			srid = s2
		}
		if srid != 0 {
			g["crs"] = map[string]any{"type": "name", "properties": map[string]any{"name": "EPSG:" + strconv.FormatUint(uint64(srid), 10)}}
		}
		return json.Marshal(g)
	}
	return spec.scan(src, dst)
}

// WKB geometry type codes.
var wkbNames = [...]string{1: "Point", 2: "LineString", 3: "Polygon", 4: "MultiPoint", 5: "MultiLineString", 6: "MultiPolygon", 7: "GeometryCollection"}

type wkbReader struct {
	b     []byte
	i     int
	order binary.ByteOrder
}

func (r *wkbReader) u32() (uint32, error) {
	if r.i+4 > len(r.b) {
		return 0, errors.New("truncated WKB")
	}
	v := r.order.Uint32(r.b[r.i:])
	r.i += 4
	return v, nil
}

func (r *wkbReader) f64() (float64, error) {
	if r.i+8 > len(r.b) {
		return 0, errors.New("truncated WKB")
	}
	v := math.Float64frombits(r.order.Uint64(r.b[r.i:]))
	r.i += 8
	return v, nil
}

// count reads an element count and checks it against the bytes left,
// each element taking at least min bytes.
func (r *wkbReader) count(min int) (int, error) {
	n, err := r.u32()
	if err != nil {
		return 0, err
	}
	if int64(n)*int64(min) > int64(len(r.b)-r.i) {
		return 0, errors.New("truncated WKB")
	}
	return int(n), nil
}

// parseWKB decodes WKB or PostGIS EWKB (2D, Z; M dropped) into a GeoJSON
// map, returning the EWKB SRID, if any.
func parseWKB(b []byte) (map[string]any, uint32, error) {
	r := &wkbReader{b: b}
	g, srid, err := r.geometry(0)
	if err != nil {
		return nil, 0, err
	}
	if r.i != len(r.b) {
		return nil, 0, errors.New("trailing bytes after WKB")
	}
	return g, srid, nil
}

func (r *wkbReader) geometry(depth int) (map[string]any, uint32, error) {
	if depth > 32 {
		return nil, 0, errors.New("WKB nested too deeply")
	}
	if r.i >= len(r.b) {
		return nil, 0, errors.New("truncated WKB")
	}
	switch r.b[r.i] {
	case 0:
		r.order = binary.BigEndian
	case 1:
		r.order = binary.LittleEndian
	default:
		return nil, 0, errors.New("invalid WKB byte order")
	}
	r.i++
	code, err := r.u32()
	if err != nil {
		return nil, 0, err
	}
	hasZ, hasM := code&0x80000000 != 0, code&0x40000000 != 0
	var srid uint32
	if code&0x20000000 != 0 {
		if srid, err = r.u32(); err != nil {
			return nil, 0, err
		}
	}
	code &= 0x0fffffff
	switch code / 1000 {
	case 1:
		hasZ = true
	case 2:
		hasM = true
	case 3:
		hasZ, hasM = true, true
	}
	code %= 1000
	if code < 1 || code > 7 {
		return nil, 0, fmt.Errorf("unknown WKB geometry type %d", code)
	}
	dims := 2
	if hasZ {
		dims++
	}
	if hasM {
		dims++
	}
	point := func() ([]any, error) {
		c := make([]any, 0, 3)
		for d := range dims {
			f, err := r.f64()
			if err != nil {
				return nil, err
			}
			if d < 2 || (d == 2 && hasZ) {
				c = append(c, f)
			}
		}
		return c, nil
	}
	points := func() ([]any, error) {
		n, err := r.count(8 * dims)
		if err != nil {
			return nil, err
		}
		out := make([]any, n)
		for i := range out {
			if out[i], err = point(); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	rings := func() ([]any, error) {
		n, err := r.count(4)
		if err != nil {
			return nil, err
		}
		out := make([]any, n)
		for i := range out {
			if out[i], err = points(); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	g := map[string]any{"type": wkbNames[code]}
	switch code {
	case 1:
		c, err := point()
		if err != nil {
			return nil, 0, err
		}
		if f, ok := c[0].(float64); ok && math.IsNaN(f) {
			c = []any{} // POINT EMPTY
		}
		g["coordinates"] = c
	case 2:
		c, err := points()
		if err != nil {
			return nil, 0, err
		}
		g["coordinates"] = c
	case 3:
		c, err := rings()
		if err != nil {
			return nil, 0, err
		}
		g["coordinates"] = c
	default:
		n, err := r.count(5)
		if err != nil {
			return nil, 0, err
		}
		parts := make([]any, n)
		for i := range parts {
			order := r.order
			sub, _, err := r.geometry(depth + 1)
			r.order = order
			if err != nil {
				return nil, 0, err
			}
			if code == 7 {
				parts[i] = sub
			} else {
				parts[i] = sub["coordinates"]
			}
		}
		if code == 7 {
			g["geometries"] = parts
		} else {
			g["coordinates"] = parts
		}
	}
	return g, srid, nil
}

// geoJSONToWKT writes a GeoJSON geometry as WKT.
func geoJSONToWKT(g map[string]any) (string, error) {
	var b strings.Builder
	if err := writeWKT(&b, g, 0); err != nil {
		return "", err
	}
	return b.String(), nil
}

func writeWKT(b *strings.Builder, g map[string]any, depth int) error {
	if depth > 32 {
		return errors.New("GeoJSON nested too deeply")
	}
	typ, _ := g["type"].(string)
	name := strings.ToUpper(typ)
	if typ == "GeometryCollection" {
		geoms, ok := g["geometries"].([]any)
		if !ok {
			return errors.New(`GeoJSON GeometryCollection without "geometries"`)
		}
		if len(geoms) == 0 {
			b.WriteString("GEOMETRYCOLLECTION EMPTY")
			return nil
		}
		b.WriteString("GEOMETRYCOLLECTION(")
		for i, sub := range geoms {
			m, ok := sub.(map[string]any)
			if !ok {
				return errors.New("invalid GeoJSON geometry in a collection")
			}
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeWKT(b, m, depth+1); err != nil {
				return err
			}
		}
		b.WriteByte(')')
		return nil
	}
	levels := map[string]int{"Point": 0, "LineString": 1, "MultiPoint": 1, "Polygon": 2, "MultiLineString": 2, "MultiPolygon": 3}
	level, ok := levels[typ]
	if !ok {
		return fmt.Errorf("unknown GeoJSON geometry type %q", typ)
	}
	c, ok := g["coordinates"].([]any)
	if !ok {
		return fmt.Errorf("GeoJSON %s without coordinates", typ)
	}
	if len(c) == 0 {
		b.WriteString(name + " EMPTY")
		return nil
	}
	b.WriteString(name)
	if level == 0 {
		b.WriteByte('(')
		if err := writePosition(b, c); err != nil {
			return err
		}
		b.WriteByte(')')
		return nil
	}
	return writeCoords(b, c, level)
}

func writeCoords(b *strings.Builder, c []any, level int) error {
	b.WriteByte('(')
	for i, e := range c {
		if i > 0 {
			b.WriteByte(',')
		}
		sub, ok := e.([]any)
		if !ok {
			return errors.New("invalid GeoJSON coordinates")
		}
		var err error
		if level == 1 {
			err = writePosition(b, sub)
		} else {
			err = writeCoords(b, sub, level-1)
		}
		if err != nil {
			return err
		}
	}
	b.WriteByte(')')
	return nil
}

func writePosition(b *strings.Builder, p []any) error {
	if len(p) < 2 || len(p) > 3 {
		return errors.New("a GeoJSON position has 2 or 3 numbers")
	}
	for i, x := range p {
		f, ok := x.(float64)
		if !ok || math.IsNaN(f) || math.IsInf(f, 0) {
			return errors.New("a GeoJSON position has 2 or 3 numbers")
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.FormatFloat(f, 'f', -1, 64))
	}
	return nil
}

// parseWKT reads WKT or EWKT ("SRID=4326;POINT(1 2)") into GeoJSON, with
// a crs member for the SRID.
func parseWKT(s string) (map[string]any, error) {
	p := &wktParser{s: strings.TrimSpace(s)}
	srid := 0
	if len(p.s) > 5 && strings.EqualFold(p.s[:5], "SRID=") {
		i := strings.IndexByte(p.s, ';')
		if i < 0 {
			return nil, errors.New("invalid EWKT: missing \";\"")
		}
		n, err := strconv.Atoi(p.s[5:i])
		if err != nil || n < 0 {
			return nil, errors.New("invalid EWKT SRID")
		}
		srid, p.i = n, i+1
	}
	g, err := p.geometry(0)
	if err != nil {
		return nil, fmt.Errorf("invalid WKT %q: %w", truncate(s), err)
	}
	p.skip()
	if p.i != len(p.s) {
		return nil, fmt.Errorf("invalid WKT %q: text after the geometry", truncate(s))
	}
	if srid > 0 {
		g["crs"] = map[string]any{"type": "name", "properties": map[string]any{"name": "EPSG:" + strconv.Itoa(srid)}}
	}
	return g, nil
}

type wktParser struct {
	s string
	i int
}

func (p *wktParser) skip() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
}

func (p *wktParser) word() string {
	p.skip()
	start := p.i
	for p.i < len(p.s) && (p.s[p.i] >= 'A' && p.s[p.i] <= 'Z' || p.s[p.i] >= 'a' && p.s[p.i] <= 'z') {
		p.i++
	}
	return strings.ToUpper(p.s[start:p.i])
}

func (p *wktParser) peek(c byte) bool {
	p.skip()
	return p.i < len(p.s) && p.s[p.i] == c
}

func (p *wktParser) expect(c byte) error {
	if !p.peek(c) {
		return fmt.Errorf("expected %q", c)
	}
	p.i++
	return nil
}

var wktTypes = map[string]string{
	"POINT": "Point", "LINESTRING": "LineString", "POLYGON": "Polygon", "MULTIPOINT": "MultiPoint",
	"MULTILINESTRING": "MultiLineString", "MULTIPOLYGON": "MultiPolygon", "GEOMETRYCOLLECTION": "GeometryCollection",
}

func (p *wktParser) geometry(depth int) (map[string]any, error) {
	if depth > 32 {
		return nil, errors.New("nested too deeply")
	}
	w := p.word()
	typ, ok := wktTypes[w]
	if !ok {
		return nil, fmt.Errorf("unknown geometry type %q", w)
	}
	save := p.i
	switch p.word() {
	case "Z", "M", "ZM":
	default:
		p.i = save
	}
	g := map[string]any{"type": typ}
	save = p.i
	if p.word() == "EMPTY" {
		if typ == "GeometryCollection" {
			g["geometries"] = []any{}
		} else {
			g["coordinates"] = []any{}
		}
		return g, nil
	}
	p.i = save
	if typ == "GeometryCollection" {
		if err := p.expect('('); err != nil {
			return nil, err
		}
		var geoms []any
		for {
			sub, err := p.geometry(depth + 1)
			if err != nil {
				return nil, err
			}
			geoms = append(geoms, sub)
			if !p.peek(',') {
				break
			}
			p.i++
		}
		if err := p.expect(')'); err != nil {
			return nil, err
		}
		g["geometries"] = geoms
		return g, nil
	}
	levels := map[string]int{"Point": 1, "LineString": 1, "Polygon": 2, "MultiLineString": 2, "MultiPolygon": 3}
	if typ == "MultiPoint" {
		// MULTIPOINT((1 2),(3 4)) or MULTIPOINT(1 2,3 4)
		if err := p.expect('('); err != nil {
			return nil, err
		}
		var pts []any
		for {
			paren := p.peek('(')
			if paren {
				p.i++
			}
			pos, err := p.position()
			if err != nil {
				return nil, err
			}
			if paren {
				if err := p.expect(')'); err != nil {
					return nil, err
				}
			}
			pts = append(pts, pos)
			if !p.peek(',') {
				break
			}
			p.i++
		}
		if err := p.expect(')'); err != nil {
			return nil, err
		}
		g["coordinates"] = pts
		return g, nil
	}
	c, err := p.coords(levels[typ])
	if err != nil {
		return nil, err
	}
	if typ == "Point" {
		if len(c) != 1 {
			return nil, errors.New("a POINT has one position")
		}
		g["coordinates"] = c[0]
	} else {
		g["coordinates"] = c
	}
	return g, nil
}

// coords reads a parenthesized list; at level 1 its items are positions.
func (p *wktParser) coords(level int) ([]any, error) {
	if err := p.expect('('); err != nil {
		return nil, err
	}
	var out []any
	for {
		var item any
		var err error
		if level == 1 {
			item, err = p.position()
		} else {
			item, err = p.coords(level - 1)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, item)
		if !p.peek(',') {
			break
		}
		p.i++
	}
	return out, p.expect(')')
}

func (p *wktParser) position() ([]any, error) {
	var pos []any
	for {
		p.skip()
		start := p.i
		for p.i < len(p.s) && strings.IndexByte("+-.0123456789eE", p.s[p.i]) >= 0 {
			p.i++
		}
		if start == p.i {
			break
		}
		f, err := strconv.ParseFloat(p.s[start:p.i], 64)
		if err != nil {
			return nil, err
		}
		pos = append(pos, f)
	}
	if len(pos) < 2 || len(pos) > 4 {
		return nil, errors.New("a position has 2 to 4 numbers")
	}
	if len(pos) == 4 {
		pos = pos[:3] // drop M
	}
	return pos, nil
}
