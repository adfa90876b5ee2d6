package datatypes

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"
)

// UUIDType is UUID, or one of the default-value generators UUIDV1 and
// UUIDV4. Make one with [UUID], [UUIDV1] or [UUIDV4].
//
// UUIDV1 and UUIDV4 are Sequelize's markers for a default value generated
// on the client. Used as a column type they are UUID: same SQL, Bind and
// Scan. [UUIDType.Generate] makes a new value.
type UUIDType struct{ version int }

// UUID is Sequelize's DataTypes.UUID: UUID on postgres and sqlite,
// CHAR(36) BINARY on mysql and mariadb.
func UUID() UUIDType { return UUIDType{} }

// UUIDV1 is Sequelize's DataTypes.UUIDV1, a time-based UUID default.
func UUIDV1() UUIDType { return UUIDType{version: 1} }

// UUIDV4 is Sequelize's DataTypes.UUIDV4, a random UUID default.
func UUIDV4() UUIDType { return UUIDType{version: 4} }

// Version is 1 for UUIDV1, 4 for UUIDV4 and 0 for UUID.
func (t UUIDType) Version() int { return t.version }

// Key returns "UUID", "UUIDV1" or "UUIDV4".
func (t UUIDType) Key() string {
	switch t.version {
	case 1:
		return "UUIDV1"
	case 4:
		return "UUIDV4"
	}
	return "UUID"
}

// String returns the key.
func (t UUIDType) String() string { return t.Key() }

// SQL returns UUID on postgres and sqlite and CHAR(36) BINARY on mysql and
// mariadb.
func (t UUIDType) SQL(c Context) (string, error) {
	fam, err := dialectOf(c.Dialect)
	if err != nil {
		return "", err
	}
	if fam == mysql {
		return "CHAR(36) BINARY", nil
	}
	return "UUID", nil
}

// Bind accepts a UUID string (canonical, braced, "urn:uuid:" or 32 hex
// digits), a [16]byte (such as github.com/google/uuid's UUID), a 16-byte
// []byte, and driver.Valuer and fmt.Stringer values, and gives the
// canonical lower-case string.
func (t UUIDType) Bind(dialect string, v any) (any, error) {
	if _, err := dialectOf(dialect); err != nil {
		return nil, err
	}
	return bindLoop(t.String, v, true, func(v any) (any, bool, error) {
		if s, ok := stringOf(v); ok {
			u, err := parseUUID(s)
			if err != nil {
				return nil, false, err
			}
			return formatUUID(u), true, nil
		}
		if b, ok := bytesOf(v); ok && len(b) == 16 {
			return formatUUID([16]byte(b)), true, nil
		}
		return nil, false, nil
	})
}

func parseUUID(s string) ([16]byte, error) {
	var u [16]byte
	t := strings.TrimSpace(s)
	if len(t) >= 9 && strings.EqualFold(t[:9], "urn:uuid:") {
		t = t[9:]
	}
	if len(t) == 38 && t[0] == '{' && t[37] == '}' {
		t = t[1:37]
	}
	if len(t) == 36 {
		if t[8] != '-' || t[13] != '-' || t[18] != '-' || t[23] != '-' {
			return u, fmt.Errorf("%q is not a UUID", s)
		}
		t = t[:8] + t[9:13] + t[14:18] + t[19:23] + t[24:]
	}
	if len(t) != 32 {
		return u, fmt.Errorf("%q is not a UUID", s)
	}
	if _, err := hex.Decode(u[:], []byte(t)); err != nil {
		return u, fmt.Errorf("%q is not a UUID", s)
	}
	return u, nil
}

func formatUUID(u [16]byte) string {
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:], u[10:])
	return string(b[:])
}

// Scan stores a UUID into strings (canonical form), [16]byte arrays (such
// as github.com/google/uuid's UUID, which is also an sql.Scanner), and
// sql.Scanner values.
func (t UUIDType) Scan(dialect string, src any, dst reflect.Value) error {
	name := t.String()
	return (&scanSpec{
		name: name,
		canon: func(src any) (any, error) {
			switch x := normalizeDriver(src).(type) {
			case string:
				u, err := parseUUID(x)
				if err != nil {
					return nil, fmt.Errorf("sequelize: scan %s: %w", name, err)
				}
				return formatUUID(u), nil
			case []byte:
				if len(x) == 16 {
					return formatUUID([16]byte(x)), nil
				}
				u, err := parseUUID(string(x))
				if err != nil {
					return nil, fmt.Errorf("sequelize: scan %s: %w", name, err)
				}
				return formatUUID(u), nil
			}
			if b, ok := bytesOf(src); ok && len(b) == 16 {
				return formatUUID([16]byte(b)), nil
			}
			return nil, fmt.Errorf("sequelize: scan %s: cannot read %T as a UUID", name, src)
		},
		special: func(v any, dst reflect.Value) (bool, error) {
			if dst.Kind() == reflect.Array && dst.Len() == 16 && dst.Type().Elem().Kind() == reflect.Uint8 {
				u, _ := parseUUID(v.(string))
				reflect.Copy(dst, reflect.ValueOf(u[:]))
				return true, nil
			}
			return false, nil
		},
	}).scan(src, dst)
}

// Generate returns a new UUID in canonical form: version 1 (time-based,
// with a random node) for UUIDV1, version 4 (random) otherwise.
func (t UUIDType) Generate() string {
	if t.version == 1 {
		return NewUUIDv1()
	}
	return NewUUIDv4()
}

// NewUUIDv4 returns a new random (version 4) UUID in canonical form, as
// Sequelize's UUIDV4 default does.
func NewUUIDv4() string {
	var u [16]byte
	_, _ = rand.Read(u[:])
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return formatUUID(u)
}

var v1 struct {
	sync.Mutex
	last  uint64
	seq   uint16
	node  [6]byte
	ready bool
}

// NewUUIDv1 returns a new time-based (version 1) UUID in canonical form,
// as Sequelize's UUIDV1 default does. The node is random (with the
// multicast bit set, as RFC 9562 asks), chosen once per process.
func NewUUIDv1() string {
	v1.Lock()
	if !v1.ready {
		var b [8]byte
		_, _ = rand.Read(b[:])
		copy(v1.node[:], b[:6])
		v1.node[0] |= 0x01
		v1.seq = binary.BigEndian.Uint16(b[6:]) & 0x3fff
		v1.ready = true
	}
	// 100-ns intervals since 1582-10-15.
	ts := uint64(time.Now().UnixNano()/100) + 0x01B21DD213814000
	if ts <= v1.last {
		ts = v1.last + 1
	}
	v1.last = ts
	seq, node := v1.seq, v1.node
	v1.Unlock()
	var u [16]byte
	binary.BigEndian.PutUint32(u[0:], uint32(ts))
	binary.BigEndian.PutUint16(u[4:], uint16(ts>>32))
	binary.BigEndian.PutUint16(u[6:], uint16(ts>>48)&0x0fff|0x1000)
	binary.BigEndian.PutUint16(u[8:], seq|0x8000)
	copy(u[10:], node[:])
	return formatUUID(u)
}

// BlobType is BLOB, with an optional size. Make one with [Blob].
type BlobType struct{ size string }

// Blob is Sequelize's DataTypes.BLOB; size is "tiny", "medium" or "long"
// (TINYBLOB, MEDIUMBLOB, LONGBLOB on mysql, mariadb and sqlite; postgres
// always uses BYTEA).
func Blob(size ...string) BlobType {
	if len(size) > 0 {
		return BlobType{size: strings.ToLower(size[0])}
	}
	return BlobType{}
}

// Size returns the size ("tiny", "medium", "long"), or "".
func (t BlobType) Size() string { return t.size }

// Key returns "BLOB".
func (BlobType) Key() string { return "BLOB" }

// String returns "BLOB" or "BLOB('long')".
func (t BlobType) String() string {
	if t.size != "" {
		return "BLOB(" + quoteTag(t.size) + ")"
	}
	return "BLOB"
}

// SQL returns BYTEA on postgres; BLOB, TINYBLOB, MEDIUMBLOB or LONGBLOB
// elsewhere.
func (t BlobType) SQL(c Context) (string, error) {
	fam, err := dialectOf(c.Dialect)
	if err != nil {
		return "", err
	}
	if !validSize(t.size) {
		return "", fmt.Errorf("sequelize: invalid BLOB size %q (want tiny, medium or long)", t.size)
	}
	if fam == postgres {
		return "BYTEA", nil
	}
	return strings.ToUpper(t.size) + "BLOB", nil
}

// Bind accepts []byte (of any byte-slice type), byte arrays and strings,
// and gives a []byte.
func (t BlobType) Bind(dialect string, v any) (any, error) {
	if _, err := t.SQL(Context{Dialect: dialect}); err != nil {
		return nil, err
	}
	return bindLoop(t.String, v, false, func(v any) (any, bool, error) {
		if b, ok := bytesOf(v); ok {
			return []byte(b), true, nil
		}
		if s, ok := stringOf(v); ok {
			return []byte(s), true, nil
		}
		return nil, false, nil
	})
}

// Scan stores bytes into []byte (copied), strings, byte arrays of the
// same length and sql.Scanner values.
func (t BlobType) Scan(dialect string, src any, dst reflect.Value) error {
	name := t.String()
	return (&scanSpec{name: name, canon: func(src any) (any, error) {
		switch x := normalizeDriver(src).(type) {
		case []byte:
			return x, nil
		case string:
			return []byte(x), nil
		}
		if b, ok := bytesOf(src); ok {
			return b, nil
		}
		return nil, fmt.Errorf("sequelize: scan %s: cannot read %T as bytes", name, src)
	}}).scan(src, dst)
}
