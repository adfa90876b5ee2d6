package sequelize

import (
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gosequelize/sequelize/datatypes"
	"github.com/gosequelize/sequelize/internal/naming"
)

// Model is a model: Sequelize's Model class, for the struct type T. Its
// methods are the model's static API (FindAll, Create, Update, ...) and the
// instance API, which takes the instance (*T) as an argument (Save,
// Reload, ...).
//
// A Model is made by Define and is safe for concurrent use. Its
// definition changes only when an association (BelongsTo, HasOne, HasMany,
// BelongsToMany) adds itself or its foreign key, which may happen at any
// time, also while other goroutines run queries: each definition is
// published whole, copy-on-write, and every call (a find with its
// includes' own finds, a create, ...) reads the definition current when it
// starts, as one snapshot that nothing changes under it.
type Model[T any] struct {
	modelCore
	tr *tracker[T]
}

// modelCore is the part of a Model handle that does not depend on T. The
// methods that need no T live on it: Go compiles every method of a generic
// type for each type argument, so what stays on Model[T] is paid once per
// model type in compile time and binary size.
type modelCore struct {
	db *DB
	r  *modelRef
	// m is the definition one call reads: nil on the views Define, Scope
	// and Unscoped return, set by at, which every exported method calls
	// first.
	m     *modelMeta
	scope *FindOptions // the scope this view applies; nil for none
}

// at returns the view pinned to the model's current definition (one
// atomic load), or md itself when it is already pinned: the call and the
// calls it makes read one definition throughout.
func (md *Model[T]) at() *Model[T] {
	if md.m != nil {
		return md
	}
	v := *md
	v.m = md.r.cur.Load()
	return &v
}

// ModelOptions are Sequelize's model options. The zero value gives
// Sequelize's defaults; DB-wide defaults come from Options.Define.
type ModelOptions struct {
	// ModelName is the model's name (default: the Go type's name). Its
	// singular and plural are derived from it; Sequelize's name option
	// ({singular, plural}) has no counterpart: it names the accessors
	// (methods with fixed names here) and an association's default alias
	// and foreign key, which AssociationOptions.As and ForeignKey give.
	ModelName string
	// TableName sets the table name (default: the plural of the model name).
	TableName string
	// FreezeTableName uses the model name as the table name.
	FreezeTableName bool
	// Underscored names columns (and the default table name) in snake_case.
	Underscored bool
	// Timestamps adds createdAt and updatedAt, managed on create and update
	// (default true; set it with Bool(false)). The columns exist even when
	// the struct has no field for them, as in Sequelize.
	Timestamps *bool
	// CreatedAt, UpdatedAt and DeletedAt rename those attributes; "-"
	// disables one (Sequelize's false).
	CreatedAt, UpdatedAt, DeletedAt string
	// Paranoid makes Destroy a soft delete through deletedAt. The rows not
	// deleted have a NULL deletedAt, or, when the deletedAt attribute has
	// a defaultValue (a fixed time), that value, as in Sequelize. It needs
	// timestamps: with Timestamps Bool(false), Define panics rather than
	// ignoring Paranoid as Sequelize does (a soft delete silently becoming
	// a real one would lose rows).
	Paranoid bool
	// Version names the optimistic-locking attribute ("version" for
	// Sequelize's version: true); a field tagged `sequelize:"version"` does
	// the same.
	Version string
	// Schema puts the table in a schema, as Sequelize does: "schema"."table"
	// on PostgreSQL and MariaDB (where the schema is a database), and one
	// table named "schema.table" on MySQL and SQLite. The schema must exist;
	// Sync creates the table in it. Sync with Alter returns an error for
	// such a model (the QueryInterface reads tables of the current schema
	// only).
	Schema string
	// Comment is the table's comment.
	Comment string
	// Engine, Charset and Collate are MySQL table options (Engine defaults to InnoDB).
	Engine, Charset, Collate string
	// InitialAutoIncrement is MySQL's AUTO_INCREMENT= table option.
	InitialAutoIncrement int64
	// OmitNull leaves nil values out of INSERT and UPDATE.
	OmitNull bool
	// Indexes are the table's indexes.
	Indexes []IndexOptions
	// Attributes gives options that tags cannot, keyed by attribute name
	// or Go field name; they override the tag.
	Attributes map[string]AttributeOptions
	// RejectOnEmpty makes FindOne and FindByPK return an *EmptyResultError
	// instead of (nil, nil), and FindAll and FindAndCountAll instead of no
	// rows, by default, as Sequelize's model option (association getters
	// read the target through these finders, so they reject too; eager
	// loading and the library's own reads do not). Unlike Sequelize's, it
	// is a bool, not an error to return instead: callers map the
	// *EmptyResultError (which also matches sql.ErrNoRows) to their own
	// errors.
	RejectOnEmpty bool
	// Validate holds model-wide validators by name (Sequelize's model
	// validate option); each receives the instance.
	Validate map[string]ModelValidator
	// DefaultScope applies to every find, count, aggregate, update and
	// destroy of the model (not to Create), until Unscoped or Scope.
	DefaultScope *FindOptions
	// Scopes are the named scopes Model.Scope applies.
	Scopes map[string]ScopeFunc
	// WhereMergeStrategy is how scopes' wheres merge: "" overwrites
	// attribute by attribute (Sequelize's default), WhereMergeAnd ANDs them.
	WhereMergeStrategy string
}

// AttributeOptions are Sequelize's column options.
type AttributeOptions struct {
	// Type is the data type (default: from the Go field's type).
	Type datatypes.DataType
	// Field is the column name.
	Field string
	// AllowNull: columns are nullable unless false or primary key.
	AllowNull *bool
	// PrimaryKey makes the attribute (part of) the primary key.
	PrimaryKey bool
	// AutoIncrement makes the database number the attribute.
	AutoIncrement bool
	// AutoIncrementIdentity uses GENERATED BY DEFAULT AS IDENTITY (PostgreSQL).
	AutoIncrementIdentity bool
	// Unique adds a unique constraint: "true" for a single-column one, or a
	// name shared by the attributes of a composite one.
	Unique string
	// UniqueMsg is the message of the UniqueConstraintError items it causes.
	UniqueMsg string
	// DefaultValue is the default: a Go value, datatypes.Now(),
	// datatypes.UUIDV1(), datatypes.UUIDV4(), a Literal or Fn (SQL
	// defaults), or a func() any called for each new instance.
	DefaultValue any
	// Comment is the column comment.
	Comment string
	// References makes the column a foreign key.
	References *References
	// OnDelete and OnUpdate are the foreign key's actions (CASCADE,
	// RESTRICT, SET NULL, SET DEFAULT, NO ACTION).
	OnDelete, OnUpdate string
	// Ignore leaves the field out of the model (the `sequelize:"-"` tag).
	// On "id" of a model without a primary key it also leaves out the
	// implicit id: the model has no primary key (Sequelize's
	// removeAttribute('id')).
	Ignore bool
	// Validate are the attribute's validators, added to those of the
	// field's `validate` tag.
	Validate []Validator
}

// References is a foreign-key target.
type References struct {
	// Table is the referenced table.
	Table string
	// Schema is the referenced table's schema ("" for the current one).
	Schema string
	// Key is the referenced column (default "id").
	Key string
}

// IndexOptions describe an index (Sequelize's IndexesOptions). An option
// the dialect cannot render (Where on MySQL, Using on SQLite, a field
// Length outside MySQL, ...) makes Sync and AddIndex fail with an error
// naming it; Sequelize drops such options silently.
type IndexOptions struct {
	// Name is the index name (default: table_field1_field2, snake_cased).
	Name string
	// Fields are attribute names, with ordering and length.
	Fields []IndexField
	// Unique makes it a unique index.
	Unique bool
	// Type is MySQL's UNIQUE, FULLTEXT or SPATIAL.
	Type string
	// Using is the index method (BTREE, HASH, GIST, GIN, ...).
	Using string
	// Where makes a partial index (PostgreSQL, SQLite).
	Where Where
	// Msg is the message for unique violations of a unique index.
	Msg string
}

// Bool returns a pointer to v, for the *bool options whose nil means
// Sequelize's default (ModelOptions.Timestamps, AttributeOptions.AllowNull).
func Bool(v bool) *bool { return &v }

// attribute is one attribute of a model, frozen at Define.
type attribute struct {
	name          string
	field         string
	goIndex       []int        // nil for attributes with no struct field
	goType        reflect.Type // the field's type, or the attribute's natural type
	typ           datatypes.DataType
	allowNull     bool
	primaryKey    bool
	autoIncrement bool
	identity      bool
	unique        string // "" or the unique key's name
	uniqueMsg     string
	defaultValue  any // Go value; nil for none
	defaultFn     func() any
	defaultSQL    Expr // Literal or Fn
	defaultKey    string
	comment       string
	references    *References
	onDelete      string
	onUpdate      string
	role          attrRole
	typeFromGo    bool // the type came from the Go field's type, not a tag
	autoGenerated bool // the implicit id with no struct field (a through model drops it)
	validate      []Validator
}

type attrRole int

const (
	roleNone attrRole = iota
	roleCreatedAt
	roleUpdatedAt
	roleDeletedAt
	roleVersion
)

// modelMeta is one version of a model's metadata, computed at Define and
// copied (see defineSession.draft) when an association changes it. A published
// version never changes.
type modelMeta struct {
	ref *modelRef // the model, whose current version this may be
	// cascades destroy the children of associations with Hooks before an
	// instance's row is deleted.
	cascades   []func(ctx context.Context, parent any, force bool, logger *slog.Logger) error
	name       string
	singular   string
	plural     string
	table      string
	schema     string
	goType     reflect.Type
	attrs      []*attribute
	byName     map[string]*attribute
	byLower    map[string]*attribute
	byField    map[string]*attribute
	pks        []*attribute
	autoInc    *attribute
	createdAt  *attribute
	updatedAt  *attribute
	deletedAt  *attribute
	version    *attribute
	uniqueKeys map[string]*uniqueKey
	ukOrder    []string // unique key names in definition order
	indexes    []IndexOptions
	opts       ModelOptions
	assocs     map[string]Association // by alias
	virtuals   []*attribute           // VIRTUAL attributes: validated, not columns
	stmts      *sync.Map              // statement cache for fixed shapes, of this version
	// owned are the attributes a draft has copied and may change; nil once
	// published.
	owned map[*attribute]bool
	// hasRefFields: some attribute field shares memory (slice, map,
	// pointer), so snapshots need deep copies.
	hasRefFields bool
}

type uniqueKey struct {
	name   string
	fields []string // attribute names
	msg    string
}

// Define makes a Model for the struct type T (Sequelize's sequelize.define
// or Model.init): attributes from T's exported fields and their sequelize
// tags, plus opts.Attributes. It panics on programmer errors (a bad tag, an
// unknown type, two auto-increment attributes, a TSVECTOR attribute on a
// field that cannot hold a string, where Sequelize raises a
// ValidationError at write time), like regexp.MustCompile.
// It takes at most one ModelOptions, merged over the DB's Options.Define.
//
// Define may be called at any time, also while other goroutines use the DB
// (tests and plugins define models on a live DB, as Sequelize allows): it
// changes no other model, and the new model joins the DB's registry (used
// by DB.Sync) whole. Defining a name again replaces the registry's entry;
// models already made keep working. The definition a Model returns
// changes afterwards only through associations (see Model).
func Define[T any](db *DB, opts ...ModelOptions) *Model[T] {
	if len(opts) > 1 {
		panic("sequelize: Define takes at most one ModelOptions")
	}
	o := db.opts.Define
	if len(opts) == 1 {
		o = mergeModelOptions(o, opts[0])
	}
	t := reflect.TypeFor[T]()
	if t.Kind() != reflect.Struct {
		panic(fmt.Sprintf("sequelize: Define[%s]: a model must be a struct type", t))
	}
	name := o.ModelName
	if name == "" {
		name = t.Name()
	}
	if err := db.fireDB(context.Background(), BeforeDefine, &GlobalHookEvent{Model: name, DefineOptions: &o}); err != nil {
		panic(fmt.Sprintf("sequelize: Define %s: beforeDefine hook: %v", name, err))
	}
	m, err := buildMeta(db, t, o)
	if err != nil {
		panic(err.Error())
	}
	r := &modelRef{name: m.name}
	m.ref = r
	md := &Model[T]{modelCore: modelCore{db: db, r: r}, tr: &tracker[T]{}}
	if o.DefaultScope != nil {
		ds := *o.DefaultScope
		md.scope = &ds
	}
	r.fireSync = func(ctx context.Context, t HookType) error { return md.fire(ctx, t, &HookEvent[T]{}) }
	r.junction = md
	r.cur.Store(m)
	db.register(r)
	if err := db.fireDB(context.Background(), AfterDefine, &GlobalHookEvent{Model: m.name, Defined: md}); err != nil {
		panic(fmt.Sprintf("sequelize: Define %s: afterDefine hook: %v", m.name, err))
	}
	return md
}

func mergeModelOptions(base, o ModelOptions) ModelOptions {
	out := base
	rv, bv := reflect.ValueOf(&out).Elem(), reflect.ValueOf(o)
	for i := range bv.NumField() {
		if f := bv.Field(i); !f.IsZero() {
			rv.Field(i).Set(f)
		}
	}
	if base.Attributes != nil && o.Attributes != nil {
		out.Attributes = map[string]AttributeOptions{}
		for k, v := range base.Attributes {
			out.Attributes[k] = v
		}
		for k, v := range o.Attributes {
			out.Attributes[k] = v
		}
	}
	return out
}

func buildMeta(db *DB, t reflect.Type, o ModelOptions) (*modelMeta, error) {
	m := &modelMeta{goType: t, opts: o, byName: map[string]*attribute{}, byLower: map[string]*attribute{},
		byField: map[string]*attribute{}, uniqueKeys: map[string]*uniqueKey{}, stmts: new(sync.Map)}
	m.name = o.ModelName
	if m.name == "" {
		m.name = t.Name()
	}
	fail := func(format string, a ...any) error {
		return fmt.Errorf("sequelize: Define %s: %s", m.name, fmt.Sprintf(format, a...))
	}
	m.singular, m.plural = naming.Singularize(m.name), naming.Pluralize(m.name)
	switch {
	case o.TableName != "":
		m.table = o.TableName
	case o.FreezeTableName:
		m.table = m.name
	default:
		m.table = naming.UnderscoredIf(m.plural, o.Underscored)
	}
	m.schema = o.Schema

	// Attributes from the struct's fields.
	var walk func(t reflect.Type, index []int) error
	walk = func(t reflect.Type, index []int) error {
		for i := range t.NumField() {
			f := t.Field(i)
			path := append(slices.Clone(index), i)
			tag, hasTag := f.Tag.Lookup("sequelize")
			if f.Anonymous && f.Type.Kind() == reflect.Struct && !hasTag {
				if err := walk(f.Type, path); err != nil {
					return err
				}
				continue
			}
			if !f.IsExported() || tag == "-" {
				continue
			}
			name := naming.AttributeName(f.Name)
			ao, err := parseTag(tag)
			if err != nil {
				return fail("field %s: %v", f.Name, err)
			}
			if over, ok := o.Attributes[name]; ok {
				ao = mergeAttrOptions(ao, over)
			} else if over, ok := o.Attributes[f.Name]; ok {
				ao = mergeAttrOptions(ao, over)
			}
			if ao.Ignore {
				continue
			}
			if ao.Type == nil && isAssociationField(f.Type) {
				// *Other or []*Other structs hold included rows, not columns.
				continue
			}
			if vt, ok := f.Tag.Lookup("validate"); ok {
				vs, err := parseValidateTag(vt)
				if err != nil {
					return fail("field %s: %v", f.Name, err)
				}
				ao.Validate = append(vs, ao.Validate...)
			}
			a, err := newAttribute(name, f.Type, path, ao, tag)
			if err != nil {
				return fail("field %s: %v", f.Name, err)
			}
			if prev, dup := m.byName[a.name]; dup {
				return fail("fields map twice to attribute %q (%s)", a.name, prev.name)
			}
			if a.typ.Key() == "VIRTUAL" {
				// Not a column: validated, never stored or selected.
				m.virtuals = append(m.virtuals, a)
				continue
			}
			m.addAttr(a)
		}
		return nil
	}
	if err := walk(t, nil); err != nil {
		return nil, err
	}
	for name := range o.Attributes {
		if m.byName[name] == nil && m.fieldByGoName(name) == nil && m.virtual(name) == nil && !o.Attributes[name].Ignore {
			return nil, fail("ModelOptions.Attributes names %q, which is neither an attribute nor a field", name)
		}
	}

	// The implicit primary key.
	hasPK := false
	for _, a := range m.attrs {
		hasPK = hasPK || a.primaryKey
	}
	// Attributes["id"] with Ignore leaves it out: a model without a
	// primary key (Sequelize's removeAttribute('id')).
	if id := m.byName["id"]; !hasPK && !o.Attributes["id"].Ignore {
		if id != nil {
			if !isIntKind(id.goType) && id.typ.Key() != "INTEGER" && id.typ.Key() != "BIGINT" {
				return nil, fail("a column called 'id' was added to the attributes but not marked with 'primaryKey: true'")
			}
			id.primaryKey, id.allowNull = true, false
			if isIntKind(id.goType) {
				id.autoIncrement = true
				if id.typeFromGo {
					id.typ = datatypes.Integer() // Sequelize's implicit id is INTEGER
				}
			}
		} else {
			a := &attribute{name: "id", field: "id", goType: reflect.TypeFor[int64](), typ: datatypes.Integer(),
				primaryKey: true, autoIncrement: true, autoGenerated: true}
			m.attrs = append([]*attribute{a}, m.attrs...)
			m.byName["id"] = a
			m.byLower["id"] = a
		}
	}

	// Timestamps, paranoid, version.
	timestamps := o.Timestamps == nil || *o.Timestamps
	role := func(opt, def string, r attrRole, enabled bool) (*attribute, error) {
		if !enabled || opt == "-" {
			return nil, nil
		}
		name := opt
		if name == "" {
			name = def
		}
		a := m.byName[name]
		if a == nil {
			a = &attribute{name: name, goType: reflect.TypeFor[time.Time](), typ: datatypes.Date()}
			m.addAttr(a)
		} else if a.goType != nil && a.goIndex != nil && !isTimeType(a.goType) {
			return nil, fail("attribute %s must be a time.Time (or *time.Time)", name)
		}
		a.role = r
		a.allowNull = r == roleDeletedAt
		return a, nil
	}
	var err error
	if m.createdAt, err = role(o.CreatedAt, "createdAt", roleCreatedAt, timestamps); err != nil {
		return nil, err
	}
	if m.updatedAt, err = role(o.UpdatedAt, "updatedAt", roleUpdatedAt, timestamps); err != nil {
		return nil, err
	}
	if o.Paranoid && !timestamps {
		return nil, fail("Paranoid needs Timestamps")
	}
	if m.deletedAt, err = role(o.DeletedAt, "deletedAt", roleDeletedAt, o.Paranoid); err != nil {
		return nil, err
	}
	if a := m.deletedAt; a != nil && (a.defaultFn != nil || a.defaultKey != "" || a.defaultSQL != nil) {
		return nil, fail("the defaultValue of %s, a paranoid model's deletedAt, must be a fixed value (it marks the rows not deleted)", a.name)
	}
	if o.Version != "" {
		a := m.byName[o.Version]
		if a == nil {
			a = &attribute{name: o.Version, goType: reflect.TypeFor[int64](), typ: datatypes.Integer()}
			m.addAttr(a)
		}
		a.role = roleVersion
	}
	for _, a := range m.attrs {
		if a.role == roleVersion {
			if m.version != nil && m.version != a {
				return nil, fail("two version attributes: %s and %s", m.version.name, a.name)
			}
			m.version = a
			a.allowNull = false
			if a.defaultValue == nil {
				a.defaultValue = int64(0)
			}
		}
	}

	// Columns, keys, unique constraints.
	for _, a := range m.attrs {
		if a.field == "" {
			a.field = naming.UnderscoredIf(a.name, o.Underscored)
		}
		if prev, dup := m.byField[a.field]; dup {
			return nil, fail("attributes %s and %s share the column %q", prev.name, a.name, a.field)
		}
		m.byField[a.field] = a
		if a.primaryKey {
			// NOT NULL is implied by the key; Sequelize writes it only when
			// allowNull is false.
			m.pks = append(m.pks, a)
		}
		if a.autoIncrement {
			if m.autoInc != nil {
				return nil, fail("only one attribute can be autoIncrement (%s and %s)", m.autoInc.name, a.name)
			}
			m.autoInc = a
		}
		if a.unique != "" {
			name := a.unique
			if name == "true" {
				name = naming.UniqueKeyName(m.table, a.name)
			}
			uk := m.uniqueKeys[name]
			if uk == nil {
				uk = &uniqueKey{name: name}
				m.uniqueKeys[name] = uk
				m.ukOrder = append(m.ukOrder, name)
			}
			uk.fields = append(uk.fields, a.name)
			if a.uniqueMsg != "" {
				uk.msg = a.uniqueMsg
			}
		}
	}
	indexes := slices.Clone(o.Indexes)
	for i, ix := range indexes {
		for _, f := range ix.Fields {
			if m.byName[f.Attribute] == nil && m.byField[f.Attribute] == nil {
				return nil, fail("index %q names unknown attribute %q", ix.Name, f.Attribute)
			}
		}
		// A unique index is a unique key (for Upsert's conflict target and
		// error messages), named as Sync names it; a partial one (Where)
		// is not, as it holds for some rows only.
		if ix.Unique && (ix.Name != "" || ix.Where == nil) {
			name := ix.Name
			uk := &uniqueKey{msg: ix.Msg}
			cols := make([]string, 0, len(ix.Fields))
			for _, f := range ix.Fields {
				a := m.attrOrField(f.Attribute)
				uk.fields = append(uk.fields, a.name)
				cols = append(cols, a.field)
			}
			if name == "" {
				name = naming.IndexName(m.table, cols) // the name Sync gives it
				indexes[i].Name = name
			}
			uk.name = name
			if _, dup := m.uniqueKeys[name]; !dup {
				m.ukOrder = append(m.ukOrder, name)
			}
			m.uniqueKeys[name] = uk
		}
	}
	m.indexes = indexes
	if s := o.WhereMergeStrategy; s != "" && s != WhereMergeAnd {
		return nil, fail("invalid WhereMergeStrategy %q: use \"\" (overwrite) or %q", s, WhereMergeAnd)
	}
	for n := range o.Validate {
		if m.byName[n] != nil {
			return nil, fail("a model validator has the name of attribute %s", n)
		}
	}
	for _, a := range m.attrs {
		if a.goIndex == nil {
			continue
		}
		switch a.goType.Kind() {
		case reflect.Slice, reflect.Map, reflect.Pointer, reflect.Interface:
			m.hasRefFields = true
		}
	}
	return m, nil
}

func (m *modelMeta) addAttr(a *attribute) {
	m.attrs = append(m.attrs, a)
	m.byName[a.name] = a
	m.byLower[strings.ToLower(a.name)] = a
}

// virtual returns the VIRTUAL attribute name, or nil.
func (m *modelMeta) virtual(name string) *attribute {
	for _, a := range m.virtuals {
		if a.name == name {
			return a
		}
	}
	return nil
}

func (m *modelMeta) attrOrField(name string) *attribute {
	if a := m.byName[name]; a != nil {
		return a
	}
	return m.byField[name]
}

func (m *modelMeta) fieldByGoName(name string) *attribute {
	for _, a := range slices.Concat(m.attrs, m.virtuals) {
		if a.goIndex != nil && m.goType.FieldByIndex(a.goIndex).Name == name {
			return a
		}
	}
	return nil
}

// isAssociationField reports whether a field's type holds included rows: a
// pointer to a struct or a slice of pointers to structs (other than
// time.Time and types that scan themselves).
func isAssociationField(t reflect.Type) bool {
	if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
		return false
	}
	if isTimeType(t) || t.Implements(scannerType) {
		return false
	}
	return true
}

func isTimeType(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t == timeType
}

// holdsString reports whether a field of type t can hold a string: a
// string kind (or a pointer to one), an interface, or an sql.Scanner.
func holdsString(t reflect.Type) bool {
	if t.Implements(scannerType) || reflect.PointerTo(t).Implements(scannerType) {
		return true
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.String || t.Kind() == reflect.Interface
}

func isIntKind(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return true
	}
	return false
}

func mergeAttrOptions(base, o AttributeOptions) AttributeOptions {
	out := base
	rv, bv := reflect.ValueOf(&out).Elem(), reflect.ValueOf(o)
	for i := range bv.NumField() {
		if f := bv.Field(i); !f.IsZero() {
			rv.Field(i).Set(f)
		}
	}
	return out
}

func newAttribute(name string, t reflect.Type, index []int, ao AttributeOptions, tag string) (*attribute, error) {
	a := &attribute{name: name, field: ao.Field, goIndex: index, goType: t, typ: ao.Type,
		primaryKey: ao.PrimaryKey, autoIncrement: ao.AutoIncrement || ao.AutoIncrementIdentity,
		identity: ao.AutoIncrementIdentity, unique: ao.Unique, uniqueMsg: ao.UniqueMsg, comment: ao.Comment,
		references: ao.References, onDelete: strings.ToUpper(ao.OnDelete), onUpdate: strings.ToUpper(ao.OnUpdate)}
	if strings.Contains(";"+tag+";", ";version;") {
		a.role = roleVersion
	}
	if a.typ == nil {
		dt, err := datatypes.ForGoType(t)
		if err != nil {
			return nil, err
		}
		a.typ, a.typeFromGo = dt, true
	}
	if a.typ.Key() == "TSVECTOR" && !holdsString(t) {
		// Sequelize's TSVECTOR validates that the value is a string; a
		// Go field's type says it once for all values.
		return nil, fmt.Errorf("attribute %s: a TSVECTOR holds a string, not a %s", name, t)
	}
	a.allowNull = ao.AllowNull == nil || *ao.AllowNull
	if err := a.setDefault(ao.DefaultValue); err != nil {
		return nil, err
	}
	if err := checkValidators(name, ao.Validate); err != nil {
		return nil, err
	}
	for _, v := range ao.Validate {
		if v.Name == "notNull" && a.allowNull {
			return nil, fmt.Errorf("attribute %s: the notNull validator is only allowed with allowNull: false", name)
		}
	}
	a.validate = ao.Validate
	return a, nil
}

// setDefault records a default value of one of the accepted kinds.
func (a *attribute) setDefault(v any) error {
	switch d := v.(type) {
	case nil:
	case func() any:
		a.defaultFn = d
	case LiteralExpr, FnExpr:
		a.defaultSQL = d.(Expr)
	case datatypes.DataType:
		switch k := d.Key(); k {
		case "NOW", "UUIDV1", "UUIDV4":
			a.defaultKey = k
		default:
			return fmt.Errorf("defaultValue %s is a data type, not a value", k)
		}
	default:
		a.defaultValue = v
	}
	return nil
}

// parseTag reads a sequelize tag: options separated by ";", each a flag
// (primaryKey, autoIncrement, unique, ...) or key:value (type:STRING(64),
// field:name, allowNull:false, unique:name, defaultValue:0, comment:...).
func parseTag(tag string) (AttributeOptions, error) {
	var ao AttributeOptions
	if tag == "" {
		return ao, nil
	}
	for _, part := range splitTag(tag) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		key, val, hasVal := strings.Cut(part, ":")
		key = strings.TrimSpace(key)
		val = strings.TrimSpace(val)
		boolVal := func() (bool, error) {
			if !hasVal {
				return true, nil
			}
			b, err := strconv.ParseBool(val)
			if err != nil {
				return false, fmt.Errorf("tag option %s: %q is not a boolean", key, val)
			}
			return b, nil
		}
		switch strings.ToLower(key) {
		case "type":
			dt, err := datatypes.Parse(val)
			if err != nil {
				return ao, err
			}
			ao.Type = dt
		case "field", "column":
			ao.Field = val
		case "primarykey", "pk":
			b, err := boolVal()
			if err != nil {
				return ao, err
			}
			ao.PrimaryKey = b
		case "autoincrement":
			b, err := boolVal()
			if err != nil {
				return ao, err
			}
			ao.AutoIncrement = b
		case "autoincrementidentity":
			b, err := boolVal()
			if err != nil {
				return ao, err
			}
			ao.AutoIncrementIdentity = b
		case "allownull":
			b, err := boolVal()
			if err != nil {
				return ao, err
			}
			ao.AllowNull = &b
		case "notnull":
			ao.AllowNull = Bool(false)
		case "unique":
			switch {
			case !hasVal || strings.EqualFold(val, "true"):
				ao.Unique = "true"
			case strings.EqualFold(val, "false"):
				ao.Unique = ""
			default:
				ao.Unique = val
			}
		case "defaultvalue", "default":
			switch strings.ToUpper(val) {
			case "NOW":
				ao.DefaultValue = datatypes.Now()
			case "UUIDV4":
				ao.DefaultValue = datatypes.UUIDV4()
			case "UUIDV1":
				ao.DefaultValue = datatypes.UUIDV1()
			default:
				ao.DefaultValue = tagDefault(val)
			}
		case "comment":
			ao.Comment = val
		case "references":
			table, col, _ := strings.Cut(val, ".")
			ao.References = &References{Table: table, Key: col}
		case "ondelete":
			ao.OnDelete = val
		case "onupdate":
			ao.OnUpdate = val
		case "version":
			// recognised by newAttribute
		case "-":
			ao.Ignore = true
		default:
			return ao, fmt.Errorf("unknown tag option %q", key)
		}
	}
	return ao, nil
}

// splitTag splits on ";" outside parentheses and quotes, so that
// type:ENUM('a;b') stays whole.
func splitTag(tag string) []string {
	var parts []string
	depth, quote, start := 0, byte(0), 0
	for i := 0; i < len(tag); i++ {
		c := tag[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == ';' && depth == 0:
			parts = append(parts, tag[start:i])
			start = i + 1
		}
	}
	return append(parts, tag[start:])
}

// tagDefault is a tag's default value: a quoted string, or text that the
// attribute's type converts when the value is bound.
func tagDefault(val string) any {
	if len(val) >= 2 && (val[0] == '\'' && val[len(val)-1] == '\'' || val[0] == '"' && val[len(val)-1] == '"') {
		return val[1 : len(val)-1]
	}
	if n, err := strconv.ParseInt(val, 10, 64); err == nil {
		return n
	}
	if f, err := strconv.ParseFloat(val, 64); err == nil {
		return f
	}
	if b, err := strconv.ParseBool(val); err == nil {
		return b
	}
	return val
}

// register records r in the DB's model registry (Sequelize's
// sequelize.models); redefining a name replaces the old model.
func (db *DB) register(r *modelRef) {
	db.orderMu.Lock()
	defer db.orderMu.Unlock()
	if _, loaded := db.models.Swap(r.name, r); !loaded {
		db.order = append(db.order, r.name)
	}
}

// lookupModel returns the registered model named name.
func (db *DB) lookupModel(name string) (*modelRef, bool) {
	v, ok := db.models.Load(name)
	if !ok {
		return nil, false
	}
	return v.(*modelRef), true
}

// modelMetas returns the current versions of the registered models, in
// definition order.
func (db *DB) modelMetas() []*modelMeta {
	db.orderMu.Lock()
	defer db.orderMu.Unlock()
	out := make([]*modelMeta, 0, len(db.order))
	for _, n := range db.order {
		if r, ok := db.lookupModel(n); ok {
			out = append(out, r.cur.Load())
		}
	}
	return out
}

// Name returns the model's name (Sequelize's Model.name).
func (md *Model[T]) Name() string { return md.r.name }

// TableName returns the table's name (Sequelize's getTableName without schema).
func (md *Model[T]) TableName() string { return md.at().m.table }

// DB returns the DB the model was defined on.
func (md *Model[T]) DB() *DB { return md.db }

// Attributes lists the model's attribute names in definition order.
func (md *Model[T]) Attributes() []string {
	md = md.at()
	out := make([]string, len(md.m.attrs))
	for i, a := range md.m.attrs {
		out[i] = a.name
	}
	return out
}

// PrimaryKeyAttributes lists the primary-key attributes.
func (md *Model[T]) PrimaryKeyAttributes() []string {
	md = md.at()
	out := make([]string, len(md.m.pks))
	for i, a := range md.m.pks {
		out[i] = a.name
	}
	return out
}

// FieldName returns the column of an attribute, and false for an unknown one.
func (md *Model[T]) FieldName(attr string) (string, bool) {
	if a := md.at().m.byName[attr]; a != nil {
		return a.field, true
	}
	return "", false
}
