package sequelize

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/gosequelize/sequelize/dialect"
)

// HookType names a hook (Sequelize's hook names).
type HookType int

// The hooks. BeforeSave and AfterSave are proxies, as in Sequelize:
// registering one adds it to both the create and the update lists, so it
// runs in registration order with BeforeCreate/BeforeUpdate hooks.
const (
	BeforeValidate HookType = iota + 1
	AfterValidate
	ValidationFailed
	BeforeCreate
	AfterCreate
	BeforeUpdate
	AfterUpdate
	BeforeSave
	AfterSave
	BeforeDestroy
	AfterDestroy
	BeforeRestore
	AfterRestore
	BeforeUpsert
	AfterUpsert
	BeforeBulkCreate
	AfterBulkCreate
	BeforeBulkUpdate
	AfterBulkUpdate
	BeforeBulkDestroy
	AfterBulkDestroy
	BeforeBulkRestore
	AfterBulkRestore
	BeforeFind
	BeforeFindAfterExpandIncludeAll
	BeforeFindAfterOptions
	AfterFind
	BeforeCount
	BeforeSync
	AfterSync
	BeforeBulkSync
	AfterBulkSync
	// BeforeQuery and AfterQuery are DB-only hooks (register them with
	// DB.AddHook): they run around every statement the DB sends, with its
	// SQL and bound values in the event's SQL and Args (read-only: the
	// statement cannot be rewritten). An error from BeforeQuery stops the
	// statement; AfterQuery sees the statement's error in Err, and an error
	// it returns after a successful statement (which has already run) is
	// the call's error.
	// Statements run by these hooks themselves do not fire them.
	BeforeQuery
	AfterQuery
	// BeforeAssociate and AfterAssociate run, model then global hooks, on
	// the source model when an association with Hooks: true is made; the
	// event's Associate describes it (BeforeAssociate may change its
	// Options). An error panics, as definition mistakes do.
	BeforeAssociate
	AfterAssociate
	// BeforeDefine and AfterDefine are DB-only hooks run by Define: before
	// it reads the struct, with the model's options in DefineOptions (which
	// the hook may change), and after, with the new model in Defined. An
	// error panics, as definition mistakes do.
	BeforeDefine
	AfterDefine
	// BeforeConnect, AfterConnect, BeforeDisconnect and AfterDisconnect
	// are DB-only hooks run around each physical connection the pool of a
	// DB made by Open opens and closes (not for pools given to New).
	// BeforeConnect may change the event's ConnectConfig (host, port,
	// user, password, database: a fresh token as password, say); an error
	// fails the connection attempt. AfterConnect gets the new connection
	// in Connection (*pgx.Conn on PostgreSQL, the database/sql
	// driver.Conn on MySQL and SQLite); an error closes it and fails the
	// attempt. The disconnect hooks get the connection too; a connection
	// being closed cannot be kept, so their errors are logged (at Warn, to
	// Options.Logging) rather than returned. Register them in
	// Options.Hooks to cover the first connection.
	BeforeConnect
	AfterConnect
	BeforeDisconnect
	AfterDisconnect
	// BeforePoolAcquire and AfterPoolAcquire are DB-only hooks run around
	// each acquisition of a connection from the pool; AfterPoolAcquire
	// gets it in Connection (a dialect.Conn, not to be released by the
	// hook). An error fails the acquisition (and releases the connection).
	BeforePoolAcquire
	AfterPoolAcquire
	// BeforeInit and AfterInit run while Open makes a DB (Sequelize's
	// static beforeInit/afterInit, kept to the DB that asks for them rather
	// than process-wide): register them in Options.Hooks. BeforeInit may
	// change the URI (InitURI) and the options (InitOptions, except Hooks);
	// AfterInit gets the new DB. An error fails Open.
	BeforeInit
	AfterInit
)

var hookNames = [...]string{"", "beforeValidate", "afterValidate", "validationFailed", "beforeCreate", "afterCreate",
	"beforeUpdate", "afterUpdate", "beforeSave", "afterSave", "beforeDestroy", "afterDestroy", "beforeRestore",
	"afterRestore", "beforeUpsert", "afterUpsert", "beforeBulkCreate", "afterBulkCreate", "beforeBulkUpdate",
	"afterBulkUpdate", "beforeBulkDestroy", "afterBulkDestroy", "beforeBulkRestore", "afterBulkRestore",
	"beforeFind", "beforeFindAfterExpandIncludeAll", "beforeFindAfterOptions", "afterFind", "beforeCount",
	"beforeSync", "afterSync", "beforeBulkSync", "afterBulkSync", "beforeQuery", "afterQuery", "beforeAssociate",
	"afterAssociate", "beforeDefine", "afterDefine", "beforeConnect", "afterConnect", "beforeDisconnect",
	"afterDisconnect", "beforePoolAcquire", "afterPoolAcquire", "beforeInit", "afterInit"}

// String returns Sequelize's name of the hook ("beforeCreate", ...).
func (t HookType) String() string {
	if t > 0 && int(t) < len(hookNames) {
		return hookNames[t]
	}
	return fmt.Sprintf("HookType(%d)", int(t))
}

// HookEvent is what a model hook receives. Which fields are set depends on
// the hook; hooks may change what the pointers and maps point to (the
// instance, the find options, the values of a bulk update), and the
// operation uses the changed values, as Sequelize does with its arguments.
type HookEvent[T any] struct {
	// Type is the hook being run.
	Type HookType
	// Instance is the instance of instance hooks (validate, create,
	// update, save, destroy, restore, upsert).
	Instance *T
	// Instances are the instances of BeforeBulkCreate/AfterBulkCreate and
	// the rows found by AfterFind.
	Instances []*T
	// Find holds the options of the find hooks.
	Find *FindOptions
	// Count holds the options of BeforeCount.
	Count *CountOptions
	// Values are the values of a bulk update (BeforeBulkUpdate may change them).
	Values Values
	// Where is the where of bulk update, destroy and restore hooks.
	Where *any
	// Created tells AfterUpsert whether the row was inserted.
	Created bool
	// Err is ValidationFailed's error; the hook may replace it.
	Err error
	// Associate describes the association of BeforeAssociate and
	// AfterAssociate.
	Associate *AssociateEvent
}

// AssociateEvent is what BeforeAssociate and AfterAssociate receive
// (Sequelize's {source, target, type, association}).
type AssociateEvent struct {
	// Source and Target are the models' names.
	Source, Target string
	// Type is the association's kind.
	Type AssociationType
	// Options are the association's options; BeforeAssociate may change
	// them (for BelongsToMany, the common part of BelongsToManyOptions).
	Options *AssociationOptions
	// Association is the new association (AfterAssociate only).
	Association Association
}

// Hook is a model hook: a function of the model's instance type. An error
// aborts the operation (and, inside a transaction, the transaction rolls
// back when the error reaches DB.Transaction).
type Hook[T any] func(ctx context.Context, e *HookEvent[T]) error

// GlobalHookEvent is what a global hook (DB.AddHook) receives: the model's
// name and the same data as HookEvent, the instances as any.
type GlobalHookEvent struct {
	Type      HookType
	Model     string
	Instance  any
	Instances any
	Find      *FindOptions
	Count     *CountOptions
	Values    Values
	Where     *any
	Created   bool
	Err       error
	// SQL and Args are the statement of BeforeQuery and AfterQuery.
	SQL  string
	Args []any
	// Associate is set for BeforeAssociate and AfterAssociate.
	Associate *AssociateEvent
	// DefineOptions are the options of the model BeforeDefine runs for
	// (the hook may change them); Defined is the model AfterDefine runs
	// for.
	DefineOptions *ModelOptions
	Defined       AnyModel
	// ConnectConfig is what BeforeConnect may change of the connection
	// about to open.
	ConnectConfig *ConnectionConfig
	// Connection is the connection of AfterConnect, the disconnect hooks
	// and AfterPoolAcquire.
	Connection any
	// InitURI and InitOptions are what BeforeInit may change; DB is the
	// DB of AfterInit.
	InitURI     *string
	InitOptions *Options
	DB          *DB
}

// ConnectionConfig is what a BeforeConnect hook sees, and may change, of
// the connection about to open (Sequelize's beforeConnect config). On
// SQLite only Database is set (the storage), and it cannot change.
type ConnectionConfig = dialect.ConnConfig

// GlobalHook is a hook registered on the DB: it runs for every model, after
// the model's own hooks (Sequelize's sequelize.addHook).
type GlobalHook func(ctx context.Context, e *GlobalHookEvent) error

type namedHook struct {
	name string
	fn   any // Hook[T] or GlobalHook
}

// hookSet is a registry of hooks by type, published copy-on-write: a
// reader loads one immutable table (one atomic load, no lock), so a hook
// added or removed while a query fires the others never changes the list
// that query iterates. AddHook and RemoveHook build a new table under mu
// and swap it in.
type hookSet struct {
	mu  sync.Mutex // serialises writers
	tab atomic.Pointer[hookTable]
}

// hookTable is one published state of a hookSet; it never changes.
type hookTable struct {
	lists [AfterInit + 1][]namedHook
	// query and pool report whether BeforeQuery/AfterQuery, or
	// BeforePoolAcquire/AfterPoolAcquire, hooks exist: the flags of the
	// statement and acquisition fast paths.
	query, pool bool
}

// load returns the current table, or nil when no hook was ever added.
func (hs *hookSet) load() *hookTable { return hs.tab.Load() }

// get returns the hooks of type t of the current table.
func (hs *hookSet) get(t HookType) []namedHook { return hs.load().get(t) }

func (tab *hookTable) get(t HookType) []namedHook {
	if tab == nil || t <= 0 || int(t) >= len(tab.lists) {
		return nil
	}
	return tab.lists[t]
}

func (hs *hookSet) has(t HookType) bool { return len(hs.get(t)) > 0 }

// update publishes a copy of the current table changed by edit. The lists
// of the copy share their arrays with the old table: edit must replace a
// list, never write into it.
func (hs *hookSet) update(edit func(next *hookTable)) {
	hs.mu.Lock()
	defer hs.mu.Unlock()
	next := &hookTable{}
	if cur := hs.tab.Load(); cur != nil {
		*next = *cur
	}
	edit(next)
	next.query = len(next.lists[BeforeQuery])+len(next.lists[AfterQuery]) > 0
	next.pool = len(next.lists[BeforePoolAcquire])+len(next.lists[AfterPoolAcquire]) > 0
	hs.tab.Store(next)
}

// dbOnly reports whether t is registered on the DB only.
func (t HookType) dbOnly() bool {
	return t == BeforeQuery || t == AfterQuery || t == BeforeDefine || t == AfterDefine || t.connection() ||
		t == BeforePoolAcquire || t == AfterPoolAcquire || t == BeforeInit || t == AfterInit
}

// connection reports whether t runs around physical connections.
func (t HookType) connection() bool {
	return t == BeforeConnect || t == AfterConnect || t == BeforeDisconnect || t == AfterDisconnect
}

// lists returns the lists a hook type registers into (proxies fan out).
func (t HookType) lists() []HookType {
	switch t {
	case BeforeSave:
		return []HookType{BeforeCreate, BeforeUpdate}
	case AfterSave:
		return []HookType{AfterCreate, AfterUpdate}
	}
	return []HookType{t}
}

func (hs *hookSet) add(t HookType, name string, fn any) {
	hs.update(func(next *hookTable) {
		for _, l := range t.lists() {
			// Clip so that append copies: readers of the old table keep
			// iterating the old array.
			next.lists[l] = append(slices.Clip(next.lists[l]), namedHook{name: name, fn: fn})
		}
	})
}

func (hs *hookSet) remove(t HookType, name string) {
	hs.update(func(next *hookTable) {
		for _, l := range t.lists() {
			if !slices.ContainsFunc(next.lists[l], func(h namedHook) bool { return h.name == name }) {
				continue
			}
			next.lists[l] = slices.DeleteFunc(slices.Clone(next.lists[l]), func(h namedHook) bool { return h.name == name })
		}
	})
}

// checkHookType panics for a HookType that is none of the constants.
func checkHookType(t HookType) {
	if t <= 0 || t > AfterInit {
		panic(fmt.Sprintf("sequelize: %s is not a hook type", t))
	}
}

// AddHook registers fn for hook t under name (which RemoveHook takes; it
// may be ""). Hooks of one type run in registration order, model hooks
// before global ones (Sequelize's Model.addHook). It may be called at any
// time, also while other goroutines run queries: an operation runs the
// hooks registered when it fires them. It panics for a value that is not
// one of the HookType constants, and for a DB-only hook.
func (md *Model[T]) AddHook(t HookType, name string, fn Hook[T]) {
	checkHookType(t)
	if t.dbOnly() {
		panic(fmt.Sprintf("sequelize: %s is a DB hook: register it with DB.AddHook", t))
	}
	md.r.hooks.add(t, name, fn)
}

// RemoveHook removes every hook of type t registered under name
// (Sequelize's removeHook). Like AddHook, it may be called while queries
// run; a hook already started finishes.
func (md *Model[T]) RemoveHook(t HookType, name string) { md.r.hooks.remove(t, name) }

// HasHook reports whether hooks of type t are registered on the model.
func (md *Model[T]) HasHook(t HookType) bool { return md.r.hooks.has(t) }

// AddHook registers a global hook, run for every model after its own
// hooks (Sequelize's sequelize.addHook), or one of the DB-only hooks. It
// may be called at any time, also while other goroutines run queries: a
// statement runs the BeforeQuery and AfterQuery hooks registered when it
// starts, an operation the hooks registered when it fires them. It panics
// for a value that is not one of the HookType constants, and for
// connection hooks on a DB made by New, whose pool is not its own to hook
// into.
func (db *DB) AddHook(t HookType, name string, fn GlobalHook) {
	checkHookType(t)
	if t.connection() && db.wrapped {
		panic(fmt.Sprintf("sequelize: %s runs only for pools Open creates; this DB wraps a pool given to New", t))
	}
	if t == BeforeInit || t == AfterInit {
		panic(fmt.Sprintf("sequelize: %s runs while Open makes the DB: register it in Options.Hooks", t))
	}
	db.hooks.add(t, name, fn)
}

// RemoveHook removes the global hooks of type t registered under name.
// Like AddHook, it may be called while queries run.
func (db *DB) RemoveHook(t HookType, name string) { db.hooks.remove(t, name) }

// connHooks are the hooks a dialect runs around the connections of the
// pool Open makes.
func (db *DB) connHooks() *dialect.ConnHooks {
	warn := func(t HookType, err error) {
		if l := db.opts.Logging; l != nil {
			l.Warn("sequelize: "+t.String()+" hook failed", "error", err)
		}
	}
	return &dialect.ConnHooks{
		BeforeConnect: func(ctx context.Context, cc *dialect.ConnConfig) error {
			return db.fireDB(ctx, BeforeConnect, &GlobalHookEvent{ConnectConfig: cc})
		},
		AfterConnect: func(ctx context.Context, conn any) error {
			return db.fireDB(ctx, AfterConnect, &GlobalHookEvent{Connection: conn})
		},
		Disconnecting: func() bool {
			tab := db.hooks.load()
			return len(tab.get(BeforeDisconnect))+len(tab.get(AfterDisconnect)) > 0
		},
		Disconnect: func(conn any, close func() error) error {
			ctx := context.Background()
			if err := db.fireDB(ctx, BeforeDisconnect, &GlobalHookEvent{Connection: conn}); err != nil {
				warn(BeforeDisconnect, err)
			}
			err := close()
			if herr := db.fireDB(ctx, AfterDisconnect, &GlobalHookEvent{Connection: conn}); herr != nil {
				warn(AfterDisconnect, herr)
			}
			return err
		},
	}
}

type noHooksKey struct{}

// WithoutHooks returns a context under which operations run no hooks,
// model or global: Sequelize's per-call option hooks: false. Everything
// else (validation, timestamps, transactions) runs as usual, and so do
// the operations it starts, such as the nested creates of an Include.
func WithoutHooks(ctx context.Context) context.Context {
	return context.WithValue(ctx, noHooksKey{}, true)
}

func hooksOff(ctx context.Context) bool {
	off, _ := ctx.Value(noHooksKey{}).(bool)
	return off
}

// hasHooks reports whether firing hooks of type t under ctx runs any.
func (md *Model[T]) hasHooks(ctx context.Context, t HookType) bool {
	return !hooksOff(ctx) && (md.r.hooks.has(t) || md.db.hooks.has(t))
}

// fire runs the model's then the global hooks of type t.
func (md *Model[T]) fire(ctx context.Context, t HookType, e *HookEvent[T]) error {
	e.Type = t
	own, globals := md.r.hooks.get(t), md.db.hooks.get(t)
	if len(own)+len(globals) == 0 || hooksOff(ctx) {
		return nil
	}
	for _, h := range own {
		if err := h.fn.(Hook[T])(ctx, e); err != nil {
			return err
		}
	}
	if len(globals) == 0 {
		return nil
	}
	g := &GlobalHookEvent{Type: t, Model: md.r.name, Find: e.Find, Count: e.Count, Values: e.Values, Where: e.Where,
		Created: e.Created, Err: e.Err, Associate: e.Associate}
	if e.Instance != nil {
		g.Instance = e.Instance
	}
	if e.Instances != nil {
		g.Instances = e.Instances
	}
	for _, h := range globals {
		if err := h.fn.(GlobalHook)(ctx, g); err != nil {
			return err
		}
	}
	e.Values, e.Err = g.Values, g.Err
	return nil
}

// validateWithHooks runs BeforeValidate, the validation, ValidationFailed
// (which may replace the error) and AfterValidate.
func (md *Model[T]) validateWithHooks(ctx context.Context, inst *T, o ValidateOptions) error {
	e := &HookEvent[T]{Instance: inst}
	if err := md.fire(ctx, BeforeValidate, e); err != nil {
		return err
	}
	if err := md.Validate(ctx, inst, o); err != nil {
		e.Err = err
		if herr := md.fire(ctx, ValidationFailed, e); herr != nil {
			return herr
		}
		return e.Err
	}
	return md.fire(ctx, AfterValidate, e)
}

// AfterCommit registers fn to run after the transaction commits
// successfully (Sequelize's transaction.afterCommit). On a savepoint it
// waits for the outermost transaction's commit, and is dropped if the
// savepoint rolls back. Unlike Sequelize, whose callbacks also run when
// COMMIT fails, they never run after a failed COMMIT or a rollback.
// AfterCommit panics when fn is nil (Sequelize throws "fn must be a
// function" there too).
func (tx *Tx) AfterCommit(fn func(ctx context.Context)) {
	if fn == nil {
		panic("sequelize: Tx.AfterCommit: fn is nil")
	}
	tx.mu.Lock()
	tx.afterCommit = append(tx.afterCommit, fn)
	tx.mu.Unlock()
}

// fireDB runs the global hooks of type t with e (BeforeDefine,
// AfterDefine).
func (db *DB) fireDB(ctx context.Context, t HookType, e *GlobalHookEvent) error {
	return db.hooks.load().fireDB(ctx, t, e)
}

// fireDB runs the global hooks of type t of this table with e.
func (tab *hookTable) fireDB(ctx context.Context, t HookType, e *GlobalHookEvent) error {
	e.Type = t
	for _, h := range tab.get(t) {
		if err := h.fn.(GlobalHook)(ctx, e); err != nil {
			return err
		}
	}
	return nil
}

// fireAssociate runs BeforeAssociate (a == nil) or AfterAssociate on the
// source model of an association with Hooks: true; an error panics.
func fireAssociate[S any](source *Model[S], typ AssociationType, target string, o *AssociationOptions, a Association) {
	if !o.Hooks {
		return
	}
	t := BeforeAssociate
	if a != nil {
		t = AfterAssociate
	}
	ev := &AssociateEvent{Source: source.r.name, Target: target, Type: typ, Options: o, Association: a}
	if err := source.fire(context.Background(), t, &HookEvent[S]{Associate: ev}); err != nil {
		assocPanic("%s.%s: %s hook: %v", source.r.name, typ, t, err)
	}
}
