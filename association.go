package sequelize

import (
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strings"

	"github.com/gosequelize/sequelize/internal/naming"
)

// AssociationType names the four kinds of association (Sequelize's
// associationType).
type AssociationType int

// The association types.
const (
	BelongsToType AssociationType = iota + 1
	HasOneType
	HasManyType
	BelongsToManyType
)

// String returns "BelongsTo", "HasOne", "HasMany" or "BelongsToMany".
func (t AssociationType) String() string {
	switch t {
	case BelongsToType:
		return "BelongsTo"
	case HasOneType:
		return "HasOne"
	case HasManyType:
		return "HasMany"
	case BelongsToManyType:
		return "BelongsToMany"
	}
	return fmt.Sprintf("AssociationType(%d)", int(t))
}

// AssociationOptions are Sequelize's association options.
type AssociationOptions struct {
	// As is the alias (default: the target model's name, singular for
	// BelongsTo and HasOne, plural for HasMany and BelongsToMany). Included
	// rows land in the source struct's field with this name
	// (case-insensitive; a field that holds an attribute, such as a
	// foreign key "binary" beside the alias "Binary", is not one). Sequelize's {singular, plural} form of as only
	// names the generated accessors (getX, addXs); the mixins here are
	// methods with fixed names, so As is a string: the foreign keys
	// derived from it use its singular, as Sequelize's do. An alias is
	// unique per source model: a second association under the same
	// alias, given or default, panics with an *AssociationError (Sequelize
	// refuses only a given as used twice, and lets an unaliased association
	// silently replace the first).
	As string
	// ForeignKey is the foreign-key attribute (default as Sequelize names
	// it: "UserId" for BelongsTo(tasks, users)). A struct field matching it
	// case-insensitively (UserID) must exist on the model that holds it,
	// and its tag carries what Sequelize's foreignKey options object does:
	// `sequelize:"field:owner_ref;allowNull:false;type:BIGINT"` names the
	// column, makes it NOT NULL (which turns the default OnDelete from SET
	// NULL into NO ACTION for BelongsTo and CASCADE for HasOne and HasMany)
	// and sets its type, which otherwise follows the referenced key.
	ForeignKey string
	// SourceKey is the source attribute the foreign key refers to
	// (HasOne, HasMany; default the source's primary key).
	SourceKey string
	// TargetKey is the target attribute the foreign key refers to
	// (BelongsTo; default the target's primary key).
	TargetKey string
	// OnDelete and OnUpdate are the foreign key's actions (defaults as in
	// Sequelize: SET NULL when the key is nullable, else NO ACTION for
	// BelongsTo and CASCADE for HasOne/HasMany; ON UPDATE CASCADE).
	OnDelete, OnUpdate string
	// Constraints, when Bool(false), creates no REFERENCES constraint.
	Constraints *bool
	// Scope adds these attribute values to the target's where (and sets
	// them on Add and Create): polymorphic associations.
	Scope Values
	// Hooks runs the source model's BeforeAssociate and AfterAssociate
	// hooks for this association, and, on a HasOne or HasMany whose
	// OnDelete is CASCADE, makes the source's instance destroy
	// (DestroyInstance, when it deletes the row rather than soft-deleting
	// it) first load the associated rows and destroy them one by one, so
	// their destroy hooks run; the children and the row are deleted in one
	// transaction (Sequelize's hooks: true). Bulk Destroy does not cascade
	// this way, as in Sequelize. Unlike Sequelize, BelongsTo and
	// BelongsToMany never cascade a destroy: there its quirk would destroy
	// the parent, or targets other rows still link to, which the
	// database's ON DELETE CASCADE never does.
	Hooks bool
}

// Association is what every association has; an Include names one.
type Association interface {
	// Type is the association's kind.
	Type() AssociationType
	// As is its alias.
	As() string
	// ForeignKey is its foreign-key attribute.
	ForeignKey() string
	// SourceName and TargetName are the models' names.
	SourceName() string
	TargetName() string

	// load fetches the associated rows of parents (pointers to source
	// structs) in one query per chunk, stitches them into the parents'
	// include fields and returns them for nested includes.
	load(ctx context.Context, parents []reflect.Value, inc *Include, o *FindOptions) ([]reflect.Value, error)
	// exists writes an EXISTS condition that a parent row (aliased
	// parentAlias) has associated rows matching inc.
	exists(s *sqlb, parentAlias string, inc *Include)
	// targetModel returns the target's association lookup.
	targetAssociations() map[string]Association
	// hasField reports whether the source struct has a field for the
	// included rows.
	hasField() bool
	// parentKey is the source attribute whose values load the associated
	// rows: the foreign key for BelongsTo, the source key otherwise.
	parentKey() *attribute
	// orderFirst writes (SELECT inner FROM the associated rows of the
	// parent row aliased parentAlias ORDER BY 1 dir LIMIT 1), the target
	// aliased alias: the value a parent is ordered by for an Order item on
	// the association. inc filters the rows as an include loading them
	// does (its Where, Paranoid, Through and required nested includes).
	// inner writes the value from the target's where context and, for
	// BelongsToMany, the junction's (else nil).
	orderFirst(s *sqlb, parentAlias, alias, dir string, inc *Include, inner func(s *sqlb, target, through *whereCtx))
	// sourceField is the index of that field, nil when there is none.
	sourceField() []int
	// createNested creates the associated rows held in parent's include
	// field: before the parent's INSERT for BelongsTo (setting the parent's
	// key), after it for the others.
	createNested(ctx context.Context, parent reflect.Value, inc *Include, before bool) error
}

// Include is an eager-loading request (Sequelize's include). It has no
// Right (Sequelize's right: true): includes load the associated rows of the
// rows found, never a JOIN, so a find returns only rows of its own model
// that exist, as Sequelize does where RIGHT JOIN is unsupported (SQLite).
type Include struct {
	// Association is the association to load: the value BelongsTo,
	// HasOne, HasMany or BelongsToMany returned (Sequelize's include by
	// model, by association or by its alias string, association: 'name',
	// all become this value).
	Association Association
	// Where filters the included rows; it makes the include required
	// unless Required says otherwise.
	Where any
	// Required keeps only parents that have associated rows (Sequelize's
	// INNER JOIN). Default: true when Where is set, else false.
	Required *bool
	// Attributes picks the included model's attributes; the keys the rows
	// are matched to their parents by are read and zeroed as with
	// FindOptions.Attributes. An empty non-nil
	// slice (Sequelize's attributes: []) loads no rows: the include only
	// filters, with Where or Required. The included rows are read by a
	// query of their own, so an aggregate over Sequelize's join (an As
	// alias naming no attribute) is refused, as by FindAll (see As).
	Attributes []any
	// Order sorts the included rows (within each parent).
	Order Order
	// Paranoid, for paranoid targets, skips soft-deleted rows (default true).
	Paranoid *bool
	// Include loads the target's own associations.
	Include []Include
	// Separate is accepted for Sequelize parity: includes are always loaded
	// with a separate query per level.
	Separate bool
	// Limit caps the rows loaded per parent (HasMany only), in the same
	// single query, with ROW_NUMBER() OVER (PARTITION BY the foreign key).
	Limit int
	// All includes every association of the model whose rows its struct
	// has a field for (Sequelize's {all: true}), but for those another
	// Include of the same list names; Association, Where and Include must
	// then be empty, and the other options (Attributes, Required, Order,
	// Paranoid, Limit, Separate, and Through for BelongsToMany) apply to
	// every association it includes.
	All bool
	// Scope applies these scopes of the target model to the included rows
	// instead of its default scope, as Model.Scope does; an empty non-nil
	// slice applies none (Sequelize's include: [Model.scope('name')] and
	// Model.unscoped()). Nil keeps the target's default scope.
	Scope []any
	// AllTypes, with All, includes only the associations of these types
	// (Sequelize's all: 'BelongsTo', 'HasOne', 'HasMany', or 'One' for
	// BelongsToType and HasOneType, 'Has' for HasOneType and HasManyType,
	// 'Many' for HasManyType). Nil means every type.
	AllTypes []AssociationType
	// Nested, with All, also includes every association of each included
	// model, recursively, skipping a model already on the path from the
	// model found (Sequelize's {all: true, nested: true}).
	Nested bool
	// Through shapes a BelongsToMany include's junction rows: the through
	// attributes read, a filter on them, paranoid (Sequelize's
	// include.through). Other associations refuse it.
	Through ThroughOptions
}

func (inc *Include) required() bool {
	if inc.Required != nil {
		return *inc.Required
	}
	return inc.Where != nil || inc.Through.Where != nil
}

// assocBase is the part every association shares.
type assocBase struct {
	typ    AssociationType
	as     string
	source *modelRef
	target *modelRef
	fk     string // foreign-key attribute name
	// fkAttr and key are the attributes of the versions the association
	// was made on (a later association may copy them again: see
	// modelMeta.mut).
	fkAttr    *attribute // on the model that holds it
	key       *attribute // the attribute the foreign key refers to
	field     []int      // the source struct field holding included rows
	fieldMany bool
	scope     Values
	sourceDB  *DB
}

func (a *assocBase) Type() AssociationType { return a.typ }
func (a *assocBase) As() string            { return a.as }
func (a *assocBase) ForeignKey() string    { return a.fk }
func (a *assocBase) SourceName() string    { return a.source.name }
func (a *assocBase) TargetName() string    { return a.target.name }
func (a *assocBase) hasField() bool        { return a.field != nil }
func (a *assocBase) sourceField() []int    { return a.field }

func (a *assocBase) orderFirst(s *sqlb, parentAlias, alias, dir string, inc *Include, inner func(s *sqlb, target, through *whereCtx)) {
	tgt := a.target.meta()
	c := &whereCtx{db: a.sourceDB, m: tgt, alias: alias}
	s.w("(SELECT ")
	inner(s, c, nil)
	s.w(" FROM ").table(tgt.schema, tgt.table).w(" AS ").id(alias).w(" WHERE ")
	if a.typ == BelongsToType {
		c.writeCol(s, a.key, nil)
		s.w(" = ").id(parentAlias).w(".").id(a.fkAttr.field)
	} else {
		c.writeCol(s, a.fkAttr, nil)
		s.w(" = ").id(parentAlias).w(".").id(a.key.field)
	}
	if len(a.scope) > 0 {
		s.w(" AND ")
		c.cond(s, Where(a.scope))
	}
	writeIncludeFilter(s, c, alias, inc)
	s.w(" ORDER BY 1 ").w(dir).w(" LIMIT 1)")
}

// writeIncludeFilter writes " AND ..." for what an include keeps of its
// target's rows (aliased alias, in c): not soft-deleted unless Paranoid
// says otherwise, its Where, and its required nested includes.
func writeIncludeFilter(s *sqlb, c *whereCtx, alias string, inc *Include) {
	if c.m.deletedAt != nil && (inc.Paranoid == nil || *inc.Paranoid) {
		s.w(" AND ")
		c.writeLive(s, c.m.deletedAt)
	}
	if inc.Where != nil {
		s.w(" AND ")
		c.cond(s, inc.Where)
	}
	for i := range inc.Include {
		if n := &inc.Include[i]; n.Association != nil && n.required() {
			s.w(" AND ")
			n.Association.exists(s, alias, n)
		}
	}
}

func (a *assocBase) parentKey() *attribute {
	if a.typ == BelongsToType {
		return a.fkAttr
	}
	return a.key
}

func (a *assocBase) targetAssociations() map[string]Association {
	return a.target.meta().assocs
}

func assocPanic(format string, args ...any) {
	panic(&AssociationError{newBase("SequelizeAssociationError", fmt.Sprintf(format, args...), nil)})
}

// includeField finds the source struct field named after the alias
// (case-insensitively, skipping the fields of attributes). It
// first refuses an alias that names one of the source's attributes, as
// Sequelize does once the foreign key is in place (so a foreign key named
// like the alias collides too).
func includeField(m *modelMeta, as string, target reflect.Type, many bool) []int {
	checkNamingCollision(m, as)
	want := reflect.PointerTo(target)
	if many {
		want = reflect.SliceOf(want)
	}
	for i := range m.goType.NumField() {
		f := m.goType.Field(i)
		if strings.EqualFold(f.Name, as) && !m.holdsAttribute(f.Index) {
			if f.Type != want {
				assocPanic("%s.%s must be of type %s to hold the included %s rows, not %s", m.name, f.Name, want, as, f.Type)
			}
			return f.Index
		}
	}
	return nil
}

// holdsAttribute reports whether the struct field at index holds one of
// m's attributes: such a field never receives included rows (the field
// Parent of the attribute parent is not the include field of the alias
// Parent).
func (m *modelMeta) holdsAttribute(index []int) bool {
	for _, a := range m.attrs {
		if slices.Equal(a.goIndex, index) {
			return true
		}
	}
	return false
}

// fkNamed finds the attribute a foreign key named name lands in: by name,
// else case-insensitively (the field UserID holds UserId).
func (m *modelMeta) fkNamed(name string) *attribute {
	if a := m.byName[name]; a != nil {
		return a
	}
	return m.byLower[strings.ToLower(name)]
}

// fkAttribute finds (by name, case-insensitively) the foreign-key
// attribute on holder (a draft), makes it a foreign key to ref and moves
// it to the end of the attribute list, where Sequelize adds association
// keys.
func fkAttribute(holder *modelMeta, name string, ref *modelMeta, key *attribute, o AssociationOptions, onDelete string) *attribute {
	a := holder.fkNamed(name)
	if a == nil {
		assocPanic("%s has no struct field for the foreign key %q: add a field %s (type %s or a pointer to it)",
			holder.name, name, strings.ToUpper(name[:1])+name[1:], key.goType)
	}
	a = holder.mut(a)
	if a.name != name {
		// The Go field (UserID → userId) holds Sequelize's attribute (UserId).
		delete(holder.byName, a.name)
		a.name = name
		holder.byName[name] = a
	}
	if a.typeFromGo {
		a.typ = key.typ
		if k := key.typ.Key(); k == "INTEGER" || k == "BIGINT" {
			a.typ = key.typ
		}
	}
	field := naming.UnderscoredIf(name, holder.opts.Underscored)
	if a.field != field && holder.byField[a.field] == a && !strings.Contains(holder.goType.FieldByIndex(a.goIndex).Tag.Get("sequelize"), "field:") {
		delete(holder.byField, a.field)
		a.field = field
		holder.byField[field] = a
	}
	if o.Constraints == nil || *o.Constraints {
		// A key another association already made keeps its actions unless
		// these options name new ones, as in Sequelize.
		had := a.references != nil
		a.references = &References{Table: ref.table, Schema: ref.schema, Key: key.field}
		if o.OnDelete != "" || !had {
			a.onDelete = strings.ToUpper(o.OnDelete)
			if a.onDelete == "" {
				a.onDelete = onDelete
			}
		}
		if o.OnUpdate != "" || !had {
			a.onUpdate = strings.ToUpper(o.OnUpdate)
			if a.onUpdate == "" {
				a.onUpdate = "CASCADE"
			}
		}
	}
	// Sequelize appends association keys after the model's own attributes.
	for i, x := range holder.attrs {
		if x == a {
			holder.attrs = append(holder.attrs[:i:i], holder.attrs[i+1:]...)
			break
		}
	}
	holder.attrs = append(holder.attrs, a)
	return a
}

// addAssociation registers a on its source (a draft), refusing duplicate
// aliases.
func addAssociation(m *modelMeta, a Association) {
	if m.assocs == nil {
		m.assocs = map[string]Association{}
	}
	if _, dup := m.assocs[a.As()]; dup {
		assocPanic("You have used the alias %s in two separate associations. Aliased associations must have unique aliases.", a.As())
	}
	checkNamingCollision(m, a.As())
	m.assocs[a.As()] = a
}

// checkNamingCollision refuses an alias equal to an attribute name of the
// source, with Sequelize's message.
func checkNamingCollision(m *modelMeta, as string) {
	if m.byName[as] != nil {
		assocPanic("Naming collision between attribute '%s' and association '%s' on model %s. To remedy this, change either foreignKey or as in your association definition", as, as, m.name)
	}
}

// keyOf normalises a key value for matching parents and children: it
// dereferences pointers and widens integers.
func keyOf(v reflect.Value) (any, bool) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return nil, false
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int(), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return int64(v.Uint()), true
	case reflect.String:
		if v.String() == "" {
			return nil, false
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			// a []byte key: a string, so that it can key a map
			if v.Len() == 0 {
				return nil, false
			}
			return string(v.Bytes()), true
		}
	}
	if v.IsZero() {
		return nil, false
	}
	return v.Interface(), true
}

// rowKey converts a key column's value as the driver returned it to the
// form keyOf gives for attribute a's struct field, so that keys read from
// rows and keys read from instances meet in one map: MySQL and MariaDB
// return text as []byte (and, in their text protocol, numbers too). The
// common cases, an int64 for an integer field and a string for a string
// field, are returned as they are.
func rowKey(db *DB, a *attribute, raw any) (any, bool) {
	if t := a.goType; t != nil {
		k := t.Kind()
		if k == reflect.Pointer {
			k = t.Elem().Kind()
		}
		switch r := raw.(type) {
		case int64:
			if k >= reflect.Int && k <= reflect.Uint64 {
				return r, true
			}
		case string:
			if k == reflect.String {
				return r, r != ""
			}
		}
		v := reflect.New(t).Elem()
		if err := scanValue(db, a, raw, v); err == nil {
			return keyOf(v)
		}
	}
	return keyOf(reflect.ValueOf(raw))
}

// keyValue reads a key (or foreign key) of an instance.
func keyValue(inst reflect.Value, a *attribute) (any, bool) {
	if a.goIndex == nil {
		return nil, false
	}
	return keyOf(inst.Elem().FieldByIndex(a.goIndex))
}

// distinctKeys collects the distinct keys of instances.
func distinctKeys(insts []reflect.Value, a *attribute) []any {
	seen := map[any]bool{}
	var out []any
	for _, in := range insts {
		if k, ok := keyValue(in, a); ok && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// includeFind turns an include into the target's find options for the
// rows whose attr is in keys; their values of attr are recorded in the
// options' match (see childKey).
func includeFind(inc *Include, o *FindOptions, key *attribute, keys []any, scope Values) FindOptions {
	attr := key.name
	conds := []any{Where{attr: keys}}
	if len(scope) > 0 {
		conds = append(conds, Where(scope))
	}
	if inc.Where != nil {
		conds = append(conds, inc.Where)
	}
	f := FindOptions{Where: conds, Order: inc.Order, Paranoid: inc.Paranoid, Raw: o.Raw,
		Include: inc.Include, Transaction: o.Transaction, Logging: o.Logging, internal: true}
	if inc.Limit > 0 {
		f.perParent = &perParent{attr: attr, n: inc.Limit}
	}
	f.Attributes = inc.Attributes
	f.match = &matchKey{attr: key}
	return f
}

// childKey returns the key rows[i] of an include was matched by: the value
// includeFind's match recorded (the field may have been zeroed), or the
// field's when a hook replaced the options.
func childKey(f *FindOptions, n, i int, row reflect.Value, key *attribute) any {
	if f.match != nil && len(f.match.vals) == n {
		return f.match.vals[i]
	}
	k, _ := keyValue(row, key)
	return k
}

// chunks splits keys to stay under the parameter limit.
func chunks(keys []any) [][]any {
	const per = maxParams / 2
	var out [][]any
	for len(keys) > per {
		out = append(out, keys[:per])
		keys = keys[per:]
	}
	return append(out, keys)
}

// loadIncludes loads includes into insts, one query per include (and
// chunk of keys); each of those queries loads its own nested includes.
func loadIncludes(ctx context.Context, insts []reflect.Value, includes []Include, assocs map[string]Association, modelName string, o *FindOptions) error {
	if len(insts) == 0 {
		return nil
	}
	for i := range includes {
		inc := &includes[i]
		if inc.Limit > 0 && inc.Association.Type() != HasManyType {
			return &EagerLoadingError{newBase("SequelizeEagerLoadingError",
				fmt.Sprintf("an Include Limit is per parent and needs a HasMany association, not %s %s", inc.Association.Type(), inc.Association.As()), nil)}
		}
		if a, ok := assocs[inc.Association.As()]; !ok || a != inc.Association {
			return errNotAssociated(inc.Association, modelName)
		}
		if inc.Attributes != nil && len(inc.Attributes) == 0 {
			continue // filter only
		}
		if !inc.Association.hasField() {
			return &EagerLoadingError{newBase("SequelizeEagerLoadingError", fmt.Sprintf(
				"%s has no field %s to hold the included %s rows: add one (*%s, or []*%s for a to-many association), or give the Include Attributes: []any{} to only filter by it",
				modelName, upperFirst(inc.Association.As()), inc.Association.TargetName(), inc.Association.TargetName(), inc.Association.TargetName()), nil)}
		}
		// The target's finder loads the nested includes of these rows.
		if _, err := inc.Association.load(ctx, insts, inc, o); err != nil {
			return err
		}
	}
	return nil
}

// errNotAssociated is the error of an Include whose association is not
// one of model's. Sequelize names the included model ("Task is not
// associated to Worker!" for Worker.findAll({include: [Task]})); the Go
// mistake that matches it is an association of another model (Task's
// belongsTo Worker), whose source is the model meant. An association of
// model itself that is not registered (another DB's) names its target.
func errNotAssociated(a Association, model string) error {
	name := a.TargetName()
	if a.SourceName() != model {
		name = a.SourceName()
	}
	return &EagerLoadingError{newBase("SequelizeEagerLoadingError", fmt.Sprintf("%s is not associated to %s!", name, model), nil)}
}

// writeRequired adds EXISTS conditions for required includes to a WHERE.
func writeRequired(s *sqlb, parentAlias string, includes []Include) bool {
	wrote := false
	for i := range includes {
		inc := &includes[i]
		if inc.Association == nil || !inc.required() {
			continue
		}
		if wrote {
			s.w(" AND ")
		}
		inc.Association.exists(s, parentAlias, inc)
		wrote = true
	}
	return wrote
}

// SetOptions are the options of the Set mixins.
type SetOptions struct {
	// Save, when Bool(false), only sets the foreign key on the source
	// struct without saving it (BelongsTo).
	Save *bool
	// Through gives the junction row's attributes for every target Add or
	// Set links (BelongsToMany; Sequelize's options.through). A target
	// whose through field is set uses that row's attributes instead, all
	// of them, zero values included: a Go struct cannot leave some unset.
	Through     Values
	Transaction *Tx
	Logging     *slog.Logger
}

// check refuses the fields a mixin does not use: Save (BelongsTo's Set
// only) and Through (BelongsToMany's Add and Set only).
func (o SetOptions) check(mixin string, save, through bool) error {
	if o.Save != nil && !save {
		return errQuery("%s: SetOptions.Save is for BelongsTo's Set", mixin)
	}
	if o.Through != nil && !through {
		return errQuery("%s: SetOptions.Through is for BelongsToMany's Add and Set", mixin)
	}
	return nil
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
