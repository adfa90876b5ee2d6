// Package datatypes holds Sequelize's DataTypes: one constructor per entry
// ([String], [Integer], [Decimal], [Enum], [JSONB], ...), each giving a
// [DataType] that knows its SQL in every dialect, its tag form, and how its
// values travel between Go and the database drivers.
//
//	price := datatypes.Decimal(10, 2)
//	price.SQL(datatypes.Context{Dialect: "mysql"})   // "DECIMAL(10,2)", nil
//	price.String()                                   // "DECIMAL(10,2)", as in a tag
//	datatypes.Parse("decimal(10, 2)")                // an equal DataType
//	price.Bind("postgres", big.NewRat(1999, 100))    // "19.99": a driver parameter
//	price.Scan("postgres", "19.99", reflect.ValueOf(&field).Elem())
//
// The dialects are named "postgres", "mysql", "mariadb" (the same as
// mysql here) and "sqlite". Values of this package are immutable:
// modifiers such as [StringType.Binary] and [IntegerType.Unsigned] return
// copies, so types may be shared between goroutines. The package imports
// only the standard library.
//
// # Types and their SQL
//
// SQL gives the column type exactly as Sequelize v6 writes it:
//
//	DataType                   postgres                    mysql, mariadb              sqlite
//	String(n) (255)            VARCHAR(n)                  VARCHAR(n)                  VARCHAR(n)
//	String(n).Binary()         BYTEA                       VARCHAR(n) BINARY           VARCHAR BINARY(n)
//	Char(n)                    CHAR(n)                     CHAR(n)                     CHAR(n)
//	Text(), Text("long")       TEXT                        TEXT, LONGTEXT              TEXT
//	CIText()                   CITEXT                      -                           TEXT COLLATE NOCASE
//	TSVector()                 TSVECTOR                    -                           -
//	TinyInt(n)                 -                           TINYINT(n)                  TINYINT
//	SmallInt, Integer, BigInt  SMALLINT, INTEGER, BIGINT   + (n) UNSIGNED ZEROFILL     SMALLINT, INTEGER, BIGINT
//	MediumInt(n)               -                           MEDIUMINT(n)                MEDIUMINT
//	Float(l, d)                FLOAT (FLOAT(l) without d)  FLOAT(l,d)                  FLOAT
//	Real(l, d)                 REAL                        REAL(l,d)                   REAL
//	Double(l, d)               DOUBLE PRECISION            DOUBLE PRECISION(l,d)       DOUBLE PRECISION
//	Decimal(p, s), Numeric     DECIMAL(p,s)                DECIMAL(p,s)                DECIMAL(p,s)
//	Boolean()                  BOOLEAN                     TINYINT(1)                  TINYINT(1)
//	Date(fsp)                  TIMESTAMP WITH TIME ZONE    DATETIME(fsp)               DATETIME
//	DateOnly(), Time()         DATE, TIME                  DATE, TIME                  DATE, TIME
//	UUID(), UUIDV1(), UUIDV4() UUID                        CHAR(36) BINARY             UUID
//	Blob(), Blob("long")       BYTEA                       BLOB, LONGBLOB              BLOB, LONGBLOB
//	JSON(), JSONB()            JSON, JSONB                 JSON, -                     JSON, -
//	HStore()                   HSTORE                      -                           -
//	Enum("a", "b")             "public"."enum_<t>_<c>"     ENUM('a', 'b')              TEXT
//	Array(Integer())           INTEGER[]                   -                           -
//	Range(Integer())           int4range (int8range, numrange, tstzrange, daterange)  -  -
//	Geometry("POINT")          GEOMETRY(POINT[,srid])      POINT                       -
//	Geography("POINT")         GEOGRAPHY(POINT[,srid])     -                           -
//	CIDR(), INET(), MACADDR()  CIDR, INET, MACADDR         -                           -
//	Now()                      as Date()                   as Date()                   as Date()
//	Virtual(t, fields...)      not a column                not a column                not a column
//
// On postgres an ENUM column has a named type that must exist first:
// [EnumType.CreateTypeSQL] writes the CREATE TYPE statement, and the
// [Context] passed to SQL names the table, column and schema.
//
// Three entries are not column types in Sequelize. NOW is a default-value
// marker; used as a column type it is DATE here (Sequelize would write the
// keyword NOW, which no database accepts), and [NowType.Generate] gives
// the current time. UUIDV1 and UUIDV4 are default generators; as column
// types they are UUID, and [UUIDType.Generate] makes a value. VIRTUAL
// is an attribute without a column: SQL and Bind fail with
// "sequelize: VIRTUAL is not a column", and Scan uses its return type.
//
// # Unsupported combinations
//
// SQL and Bind fail with an [*UnsupportedError] ("sequelize: JSONB is not
// supported by mysql") where Sequelize v6 marks a type as not supported by
// the database (the "-" cells above): CITEXT on mysql; TSVECTOR, JSONB,
// HSTORE, ARRAY, RANGE, GEOGRAPHY, CIDR, INET and MACADDR anywhere but
// postgres; GEOMETRY on sqlite; and TINYINT and MEDIUMINT on postgres,
// which has neither (Sequelize writes the keyword; use SMALLINT or INTEGER).
// RANGE takes only the subtypes PostgreSQL has ranges of: INTEGER, BIGINT,
// DECIMAL, DATE and DATEONLY. An ENUM without values fails with Sequelize's
// "Values for ENUM have not been defined.", an ARRAY without an element
// type with "ARRAY is missing type definition for its values.".
//
// # Go value mapping
//
// Bind turns a Go value into what the dialect's driver takes as a bound
// parameter (pgx v5, go-sql-driver/mysql, modernc.org/sqlite). Nil, nil
// pointers, nil maps and nil slices bind as NULL; pointers are followed;
// a driver.Valuer the type does not know is asked for its value. Scan
// stores a value read from the database, as the driver returns it, into a
// settable reflect.Value: NULL sets the zero value (nil for a pointer), a
// pointer is allocated otherwise, and an sql.Scanner destination receives
// a driver value (text for JSON, arrays, ranges, hstore).
//
//	Type            Bind accepts                                   binds as              Scan stores into
//	STRING, CHAR,   string kinds, []byte, numbers, fmt.Stringer   string ([]byte for    string, []byte, numbers,
//	TEXT, CITEXT,                                                  BINARY on postgres)   TextUnmarshaler
//	TSVECTOR, ENUM  (ENUM: string kinds, checked against Values)
//	integers        Go integers, integral floats, decimal text,   int64 (uint64 above   Go integers (overflow
//	                *big.Int; range-checked for the column        MaxInt64 on mysql)    checked), floats, string,
//	                                                                                     *big.Int
//	FLOAT, REAL,    Go floats and integers, numeric text, "NaN",  float64               floats, integral ints,
//	DOUBLE          "Infinity" (not on mysql)                                            string, *big.Float
//	DECIMAL         decimal text, Go integers, *big.Rat,          exact decimal text    string, *big.Rat, *big.Int,
//	                *big.Int, *big.Float, Valuer/Stringer such                          *big.Float, sql.Scanner
//	                as shopspring/decimal; float64 via 'f', -1                          (shopspring), ints, floats
//	BOOLEAN         bool, 0 and 1, "true"/"false"/"1"/"0"         bool                  bool, ints, string
//	DATE, NOW       time.Time, timestamp text                     time.Time in UTC      time.Time (UTC), string
//	                                                              (sqlite: Sequelize's
//	                                                              "2006-01-02 15:04:05.000 +00:00")
//	DATEONLY        time.Time (its own calendar date), text       "YYYY-MM-DD"          string, time.Time
//	TIME            time.Time, time.Duration, "HH:MM:SS[.f]"      "HH:MM:SS[.f]"        string, time.Duration,
//	                                                                                     time.Time
//	UUID            UUID text, [16]byte (google/uuid), Stringer   canonical text        string, [16]byte
//	BLOB            []byte, byte arrays, string                   []byte                []byte, string, [N]byte
//	JSON, JSONB     anything encoding/json marshals; RawMessage   JSON text (string)    what encoding/json
//	                and []byte are JSON text; a Go string is a                          unmarshals into;
//	                JSON string, as in Sequelize                                        RawMessage gets the text
//	HSTORE          map[string]string, map[string]*string,        hstore text           those maps, string
//	                map[string]any, hstore text
//	ARRAY           slices and arrays of element values           []any (pgx-known      slices and arrays of the
//	                                                              elements) or array    element's destinations
//	                                                              literal text
//	RANGE           RangeValue[T], [lower, upper] pairs,          range literal text    RangeValue[T], string,
//	                range literal text                                                  any (RangeValue[any])
//	CIDR, INET      net.IP, netip.Addr, netip.Prefix,              text                  those types, string
//	                net.IPNet, text
//	MACADDR         net.HardwareAddr, text                        text                  net.HardwareAddr, string
//	GEOMETRY,       GeoJSON (map, struct, RawMessage, text) or    GeoJSON text (pg),    GeoJSON: map, struct,
//	GEOGRAPHY       WKT text                                      WKT text (mysql)      RawMessage, string
//
// GEOMETRY and GEOGRAPHY values are read by an SQL function, as in
// Sequelize: a statement that binds one must wrap its placeholder with
// [GeometryType.BindSQL] (ST_GeomFromGeoJSON($1) on postgres,
// ST_GeomFromText(?) on mysql); see [BindWrapper]. Scan decodes the
// database's (E)WKB into GeoJSON, adding a "crs" member for an SRID as
// Sequelize does.
//
// Known limits of the drivers rather than of the types: SQLite's NUMERIC
// affinity stores a DECIMAL that keeps its first 15 significant digits as
// a REAL, so DECIMAL values are exact there only up to 15 digits (as with
// Sequelize; use a STRING column for exact text); pgx returns
// multi-dimensional arrays flattened, so ARRAY(ARRAY(...)) columns must be
// selected as text (v::text) to scan; and PostgreSQL JSON numbers come
// back through float64, exact only up to 2^53.
//
// # Default types of Go fields
//
// [ForGoType] gives the data type of a struct field without a type in its
// tag: string → STRING, bool → BOOLEAN, int8/int16/uint8 → SMALLINT,
// int/int32/uint/uint16/uint32 → INTEGER, int64/uint64 → BIGINT (unsigned
// kinds with UNSIGNED), float32 → FLOAT, float64 → DOUBLE, time.Time →
// DATE, []byte → BLOB, big numbers and Decimal types → DECIMAL, UUID
// arrays → UUID, the net types → INET, CIDR, MACADDR, and maps, structs,
// slices and json.Marshaler types → JSON.
//
// # Tags
//
// [Parse] reads the tag form case-insensitively ("STRING(64)",
// "INTEGER(11).UNSIGNED.ZEROFILL", "ENUM('a','b')", "ARRAY(ENUM('a','b'))",
// "RANGE(DATE)", "GEOMETRY('POINT', 4326)", ...) and every DataType's
// String gives text that Parse reads back to an [Equal] value.
package datatypes
