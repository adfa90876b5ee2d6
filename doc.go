// Package sequelize is Sequelize for Go: the API of Node's Sequelize ORM
// (v6) on SQLite, PostgreSQL, MySQL and MariaDB, with Go's types, contexts
// and errors.
//
// A Sequelize user finds each concept under its own name: the Sequelize
// instance is a [*DB], sequelize.query is [DB.Query], a transaction is a
// [*Tx], and every error class of Sequelize's reference is an error type
// here ([*UniqueConstraintError], [*ConnectionRefusedError], ...).
//
// # Connecting
//
// Import the dialect you use for its side effect, then [Open] a
// Sequelize URI:
//
//	import (
//		"github.com/gosequelize/sequelize"
//		_ "github.com/gosequelize/sequelize/dialect/sqlitedialect" // "sqlite:"
//		_ "github.com/gosequelize/sequelize/dialect/pgdialect"     // "postgres://", "postgresql://"
//		_ "github.com/gosequelize/sequelize/dialect/mysqldialect"  // "mysql://", "mariadb://"
//	)
//
//	db, err := sequelize.Open(ctx, "sqlite::memory:", sequelize.Options{})
//	defer db.Close()
//
// [Options] holds Sequelize's constructor options: the pool (with
// Sequelize's defaults: max 5, idle 10s, acquire 60s), logging through
// log/slog, the time zone (UTC by default). [New] builds a DB on a pool you
// already own (*sql.DB, or pgx's *pgxpool.Pool). A DB is safe for
// concurrent use.
//
// # Raw queries
//
// [DB.Query] runs SQL with Sequelize's replacements ("?" and ":name") or
// bind parameters ("$1" and "$name"); both are sent as bound parameters, so
// no value can inject SQL. Its [QueryOptions.Type] (a [QueryType]) shapes the
// [QueryResult]: rows as maps, affected counts, the last insert id, the
// server version, table, index, column, foreign-key and constraint
// descriptions. [QueryAs] scans rows into structs, maps or single values.
//
// # Transactions
//
// [DB.Transaction] runs a function in a transaction carried by the context
// it hands to the function: every call made with that context runs in the
// transaction, as Sequelize's CLS mode does, without globals. It commits
// when the function returns nil and rolls back on an error or a panic. A
// nested DB.Transaction on such a context makes a savepoint. [DB.Begin]
// starts an unmanaged [*Tx]; pass it in an options struct's Transaction
// field or carry it with [ContextWithTx]. Isolation levels, read-only
// transactions and SQLite's DEFERRED, IMMEDIATE and EXCLUSIVE types are in
// [TransactionOptions].
//
// # Models
//
// [Define] makes a [*Model] from a struct type: exported fields are
// attributes (FirstName → "firstName"), the `sequelize` tag gives column
// options (type:STRING(64), unique, allowNull:false, field:name,
// defaultValue:..., ...), and [ModelOptions] the model options (table
// name, underscored, timestamps, paranoid, version, indexes, ...). Names
// follow Sequelize exactly, so [DB.Sync] creates the tables Sequelize
// creates for the same models. The model's methods are Sequelize's static
// API ([Model.FindAll], [Model.Create], [Model.Update], ...) and, taking the
// instance as an argument, its instance API ([Model.Save], [Model.Reload],
// [Model.Changed], ...). Instances are plain structs; the model tracks their
// persisted values on the side, so Save sends only what changed, and zero
// values are saved like any other value.
//
// # Queries
//
// A [Where] maps attribute names to values or to operators of package op;
// [FindOptions] has Sequelize's finder options (Attributes, Order, Group,
// Having, Limit, Offset, Lock, Paranoid, Include, ...). Values are always
// bound parameters and identifiers always quoted; [Literal] is the only raw
// SQL.
//
// # Associations
//
// [BelongsTo], [HasOne], [HasMany] and [BelongsToMany] associate two models
// with Sequelize's defaults for aliases, foreign keys, junction tables and
// referential actions, and return typed associations whose methods are
// Sequelize's mixins (Get, Set, Add, Remove, Has, Count, Create). An
// [Include] in FindOptions loads associated rows into the struct field
// named after the alias, with one query per include level whatever the
// number of rows. A BelongsToMany junction may be a model of its own
// ([BelongsToManyOptions].ThroughModel), whose rows are read into the
// targets and written by the mixins ([SetOptions].Through).
//
// # Validation, hooks and scopes
//
// Validators come from `validate` tags and [AttributeOptions]; they run
// where Sequelize runs them and report every failure in a
// [ValidationError]. Hooks are typed functions registered per model
// ([Model.AddHook]) or on the DB ([DB.AddHook], [Options].Hooks), fired in
// Sequelize's order: the lifecycle hooks, the query hooks around each
// statement, and the define, associate, init, connection and pool hooks.
// [WithoutHooks] is the per-call hooks: false. [ModelOptions].DefaultScope
// and Scopes give Sequelize's scopes, applied by [Model.Scope].
//
// # Concurrency
//
// A [*DB] and its [*Model] values are safe for concurrent use, and so is
// everything reachable from them, definitions included: hooks may be
// added and removed ([Model.AddHook], [DB.AddHook]), models defined and
// associated, while other goroutines run queries. Hook lists and model
// definitions are published copy-on-write: an operation reads the
// definition current when it starts, and the hooks registered when it
// fires them, and nothing changes under it. A [*Tx] is used by one
// goroutine at a time, and so is each instance (*T).
//
// # Errors
//
// Driver errors are classified by code (SQLSTATE, MySQL error number,
// SQLite extended result code) into Sequelize's error classes. Each error
// type embeds its parent class, and errors.As reaches the type and each of
// its ancestors: a *UniqueConstraintError is also a *ValidationError and a
// *BaseError; a *ForeignKeyConstraintError is also a *DatabaseError. Errors
// keep the statement and its parameters, and Unwrap reaches the driver's
// error; when a statement fails because its context ended,
// errors.Is(err, context.Canceled) (or context.DeadlineExceeded) holds.
// Messages start with "sequelize: ".
package sequelize
