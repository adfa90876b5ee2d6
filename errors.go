package sequelize

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/gosequelize/sequelize/dialect"
)

// This file holds every error class of Sequelize's reference as a Go type.
// Each type embeds its parent in Sequelize's hierarchy, and its As method
// hands out the embedded parent, so errors.As reaches a type and every one
// of its ancestors:
//
//	BaseError
//	├─ AggregateError, AssociationError, BulkRecordError, EagerLoadingError,
//	│  EmptyResultError, InstanceError, OptimisticLockError, QueryError,
//	│  SequelizeScopeError
//	├─ ConnectionError
//	│  └─ AccessDeniedError, ConnectionAcquireTimeoutError, ConnectionRefusedError,
//	│     ConnectionTimedOutError, HostNotFoundError, HostNotReachableError,
//	│     InvalidConnectionError
//	├─ DatabaseError
//	│  └─ ExclusionConstraintError, ForeignKeyConstraintError, TimeoutError,
//	│     UnknownConstraintError
//	└─ ValidationError
//	   └─ UniqueConstraintError

// ErrTxDone is returned when a statement, Commit or Rollback is attempted on
// a transaction that has already been committed or rolled back. Errors that
// wrap it also match database/sql's sql.ErrTxDone. It is a *BaseError
// (Sequelize throws a plain Error there).
var ErrTxDone error = &BaseError{Name: "SequelizeBaseError", Message: "the transaction has already been committed or rolled back"}

// ErrClosed is returned by every method of a DB after Close. It is a
// *ConnectionError.
var ErrClosed error = &ConnectionError{BaseError{Name: "SequelizeConnectionError", Message: "the DB has been closed"}}

// txDoneError is ErrTxDone with the transaction's state and the statement
// refused, as Sequelize words it.
type txDoneError struct {
	BaseError
	sql string
}

func newTxDone(state, sql string) *txDoneError {
	msg := fmt.Sprintf("%s has been called on this transaction, you can no longer use it", state)
	if sql != "" {
		msg += " (the rejected query is attached as SQL: " + sql + ")"
	}
	return &txDoneError{BaseError: newBase("SequelizeBaseError", msg, nil), sql: sql}
}

func (e *txDoneError) As(target any) bool { return asBase(&e.BaseError, target) }

func (e *txDoneError) Is(target error) bool { return target == ErrTxDone || target == sql.ErrTxDone }

// BaseError is the root of every error this package returns for Sequelize's
// error classes (Sequelize's BaseError, exported there as Sequelize.Error).
type BaseError struct {
	// Name is Sequelize's name for the error class, e.g. "SequelizeUniqueConstraintError".
	Name string
	// Message is the message without the "sequelize: " prefix.
	Message string
	// Parent is the underlying error (Sequelize's parent/original), if any.
	Parent error
	// cause is an extra error reachable through Unwrap: the context's error
	// when a statement failed because its context ended.
	cause error
}

// Error returns "sequelize: " followed by the message.
func (e *BaseError) Error() string { return "sequelize: " + e.Message }

// Unwrap returns the underlying driver error and, when the statement's
// context was cancelled or timed out, the context's error, so that
// errors.Is(err, context.Canceled) holds.
func (e *BaseError) Unwrap() []error {
	switch {
	case e.Parent != nil && e.cause != nil:
		return []error{e.Parent, e.cause}
	case e.Parent != nil:
		return []error{e.Parent}
	case e.cause != nil:
		return []error{e.cause}
	}
	return nil
}

func newBase(name, msg string, parent error) BaseError {
	return BaseError{Name: name, Message: strings.TrimPrefix(msg, "sequelize: "), Parent: parent}
}

// The constructors below make the errors this package creates itself, one
// per Sequelize class a user would expect for the condition. A message
// built around another error's text keeps that error as Parent, and drops
// the "sequelize: " its text starts with, so that the prefix appears once.

// errText is err's message without its "sequelize: " prefix.
func errText(err error) string { return strings.TrimPrefix(err.Error(), "sequelize: ") }

// wrapText is format's message followed by ": " and err's text.
func wrapText(err error, format string, a ...any) string {
	return fmt.Sprintf(format, a...) + ": " + errText(err)
}

// errQuery is a *QueryError: options or arguments that cannot make a valid
// query (Sequelize throws a QueryError or a plain Error for these).
func errQuery(format string, a ...any) error {
	return &QueryError{newBase("SequelizeQueryError", fmt.Sprintf(format, a...), nil)}
}

// errQueryWrap is a *QueryError around err, unless err already is one of
// this package's errors, which it returns as is.
func errQueryWrap(err error, format string, a ...any) error {
	if err == nil || isBase(err) {
		return err
	}
	return &QueryError{newBase("SequelizeQueryError", wrapText(err, format, a...), err)}
}

// errInstance is an *InstanceError: an operation on an instance that
// cannot proceed (a nil instance, an unsaved one, one with no key).
func errInstance(format string, a ...any) error {
	return &InstanceError{newBase("SequelizeInstanceError", fmt.Sprintf(format, a...), nil)}
}

// errInvalidConn is an *InvalidConnectionError: a URI or connection
// setting that cannot open a DB. parent, when not nil, is kept.
func errInvalidConn(parent error, format string, a ...any) error {
	msg := fmt.Sprintf(format, a...)
	if parent != nil {
		msg += ": " + errText(parent)
	}
	return &InvalidConnectionError{ConnectionError{newBase("SequelizeInvalidConnectionError", msg, parent)}}
}

// errValue is the *ValidationError of a value that attribute a of model m
// cannot take (Sequelize's type validation): a bind or assignment failure.
func errValue(m *modelMeta, a *attribute, v any, err error) error {
	if isBase(err) {
		return err
	}
	msg := m.name + "." + a.name + ": " + errText(err)
	key := a.name
	if a.typ != nil {
		key = a.typ.Key()
	}
	e := NewValidationError(msg, []ValidationErrorItem{{Message: errText(err), Type: "Validation error", Path: a.name,
		Value: v, Origin: OriginCore, ValidatorKey: key + " validator", Original: err}})
	e.Parent = err
	return e
}

// errRead is the *DatabaseError of a value read from the database that
// the Go destination cannot hold; the statement is filled in by classify.
func errRead(err error, format string, a ...any) error {
	if isBase(err) {
		return err
	}
	return &DatabaseError{BaseError: newBase("SequelizeDatabaseError", wrapText(err, format, a...), err)}
}

// asQuery makes an error of a statement's rendering (a dialect's DDL, a
// literal, a data type's SQL) a *QueryError carrying it; this package's
// own errors and dialect.ErrRebuild pass unchanged.
func asQuery(err error) error {
	if err == nil || isBase(err) || errors.Is(err, dialect.ErrRebuild) {
		return err
	}
	return &QueryError{newBase("SequelizeQueryError", errText(err), err)}
}

// isConnErr reports whether err is a *ConnectionError (or one of its
// children).
func isConnErr(err error) bool {
	var ce *ConnectionError
	return errors.As(err, &ce)
}

// isBase reports whether err is (or wraps) one of this package's errors.
func isBase(err error) bool {
	var be *BaseError
	return errors.As(err, &be)
}

// asBase lets every direct child of BaseError hand out its BaseError.
func asBase(b *BaseError, target any) bool {
	if t, ok := target.(**BaseError); ok {
		*t = b
		return true
	}
	return false
}

// AggregateError holds several errors (Sequelize's AggregateError), such as
// the BulkRecordErrors of a failed bulk validation.
type AggregateError struct {
	BaseError
	Errors []error
}

// As reaches the BaseError.
func (e *AggregateError) As(target any) bool { return asBase(&e.BaseError, target) }

// Unwrap returns the aggregated errors (and the parent error, if any).
func (e *AggregateError) Unwrap() []error {
	return append(e.BaseError.Unwrap(), e.Errors...)
}

// NewAggregateError returns an AggregateError of errs; its message lists them.
func NewAggregateError(errs []error) *AggregateError {
	msgs := make([]string, len(errs))
	for i, err := range errs {
		msgs[i] = err.Error()
	}
	return &AggregateError{BaseError: newBase("AggregateError", strings.Join(msgs, "\n"), nil), Errors: errs}
}

// AssociationError reports a mistake in an association definition. The
// association constructors panic with it.
type AssociationError struct{ BaseError }

// As reaches the BaseError.
func (e *AssociationError) As(target any) bool { return asBase(&e.BaseError, target) }

// BulkRecordError wraps the error of one record of a bulk operation.
type BulkRecordError struct {
	BaseError
	// Record is the record that failed.
	Record any
}

// As reaches the BaseError.
func (e *BulkRecordError) As(target any) bool { return asBase(&e.BaseError, target) }

// EagerLoadingError reports an invalid include.
type EagerLoadingError struct{ BaseError }

// As reaches the BaseError.
func (e *EagerLoadingError) As(target any) bool { return asBase(&e.BaseError, target) }

// EmptyResultError is returned by finders called with RejectOnEmpty when
// nothing matches. errors.Is(err, sql.ErrNoRows) also holds for it.
type EmptyResultError struct{ BaseError }

// As reaches the BaseError.
func (e *EmptyResultError) As(target any) bool { return asBase(&e.BaseError, target) }

// Is reports whether target is sql.ErrNoRows.
func (e *EmptyResultError) Is(target error) bool { return target == sql.ErrNoRows }

// InstanceError reports an operation on an instance that cannot proceed,
// such as reloading a row that no longer exists.
type InstanceError struct{ BaseError }

// As reaches the BaseError.
func (e *InstanceError) As(target any) bool { return asBase(&e.BaseError, target) }

// OptimisticLockError is returned when saving a versioned instance whose row
// was changed by someone else since it was read.
type OptimisticLockError struct {
	BaseError
	ModelName string
	Values    map[string]any
	Where     map[string]any
}

// As reaches the BaseError.
func (e *OptimisticLockError) As(target any) bool { return asBase(&e.BaseError, target) }

// QueryError reports options that cannot make a valid query.
type QueryError struct{ BaseError }

// As reaches the BaseError.
func (e *QueryError) As(target any) bool { return asBase(&e.BaseError, target) }

// SequelizeScopeError reports an unknown or invalid scope.
type SequelizeScopeError struct{ BaseError }

// As reaches the BaseError.
func (e *SequelizeScopeError) As(target any) bool { return asBase(&e.BaseError, target) }

// ConnectionError is the parent of every error about reaching the database.
// Parent holds the driver's error.
type ConnectionError struct{ BaseError }

// As reaches the BaseError.
func (e *ConnectionError) As(target any) bool { return asBase(&e.BaseError, target) }

func asConnection(c *ConnectionError, target any) bool {
	if t, ok := target.(**ConnectionError); ok {
		*t = c
		return true
	}
	return c.As(target)
}

// AccessDeniedError means the server refused the credentials (also on PostgreSQL,
// where Sequelize reports only a ConnectionError).
type AccessDeniedError struct{ ConnectionError }

// As reaches the ConnectionError and BaseError.
func (e *AccessDeniedError) As(target any) bool { return asConnection(&e.ConnectionError, target) }

// ConnectionAcquireTimeoutError means no pooled connection became free within
// PoolOptions.Acquire.
type ConnectionAcquireTimeoutError struct{ ConnectionError }

// As reaches the ConnectionError and BaseError.
func (e *ConnectionAcquireTimeoutError) As(target any) bool {
	return asConnection(&e.ConnectionError, target)
}

// ConnectionRefusedError means nothing accepted the connection (ECONNREFUSED).
type ConnectionRefusedError struct{ ConnectionError }

// As reaches the ConnectionError and BaseError.
func (e *ConnectionRefusedError) As(target any) bool { return asConnection(&e.ConnectionError, target) }

// ConnectionTimedOutError means connecting took too long.
type ConnectionTimedOutError struct{ ConnectionError }

// As reaches the ConnectionError and BaseError.
func (e *ConnectionTimedOutError) As(target any) bool {
	return asConnection(&e.ConnectionError, target)
}

// HostNotFoundError means the host name did not resolve (ENOTFOUND).
type HostNotFoundError struct{ ConnectionError }

// As reaches the ConnectionError and BaseError.
func (e *HostNotFoundError) As(target any) bool { return asConnection(&e.ConnectionError, target) }

// HostNotReachableError means no route to the host (EHOSTUNREACH, ENETUNREACH).
type HostNotReachableError struct{ ConnectionError }

// As reaches the ConnectionError and BaseError.
func (e *HostNotReachableError) As(target any) bool { return asConnection(&e.ConnectionError, target) }

// InvalidConnectionError means the connection parameters are invalid (EINVAL, a
// malformed address).
type InvalidConnectionError struct{ ConnectionError }

// As reaches the ConnectionError and BaseError.
func (e *InvalidConnectionError) As(target any) bool {
	return asConnection(&e.ConnectionError, target)
}

// DatabaseError is an error the database returned for a statement. It keeps
// the statement and its parameters; Parent is the driver's error.
type DatabaseError struct {
	BaseError
	// SQL is the statement that failed.
	SQL string
	// Parameters are its bound parameters.
	Parameters []any
}

// As reaches the BaseError.
func (e *DatabaseError) As(target any) bool { return asBase(&e.BaseError, target) }

func asDatabase(d *DatabaseError, target any) bool {
	if t, ok := target.(**DatabaseError); ok {
		*t = d
		return true
	}
	return d.As(target)
}

// ExclusionConstraintError means a PostgreSQL EXCLUDE constraint was violated.
type ExclusionConstraintError struct {
	DatabaseError
	Constraint string
	Fields     []string
	Table      string
}

// As reaches the DatabaseError and BaseError.
func (e *ExclusionConstraintError) As(target any) bool { return asDatabase(&e.DatabaseError, target) }

// ForeignKeyConstraintError means a foreign key was violated.
type ForeignKeyConstraintError struct {
	DatabaseError
	// Table is the table the database names (the referencing table on
	// PostgreSQL and MySQL; empty on SQLite, which reports no details).
	Table string
	// Fields are the foreign-key columns, when reported.
	Fields []string
	// Value is the offending value, when reported.
	Value any
	// Index is the constraint's name, when reported.
	Index string
	// RelType is "parent" when a referenced row was deleted or updated and
	// "child" when a new or changed row references nothing; empty when the
	// database does not tell (SQLite).
	RelType string
}

// As reaches the DatabaseError and BaseError.
func (e *ForeignKeyConstraintError) As(target any) bool { return asDatabase(&e.DatabaseError, target) }

// TimeoutError means the statement waited too long for a lock or ran past a
// statement timeout (SQLITE_BUSY, lock wait timeouts, statement timeouts).
type TimeoutError struct{ DatabaseError }

// As reaches the DatabaseError and BaseError.
func (e *TimeoutError) As(target any) bool { return asDatabase(&e.DatabaseError, target) }

// UnknownConstraintError means a statement named a constraint that does not exist.
type UnknownConstraintError struct {
	DatabaseError
	Constraint string
	Fields     []string
	Table      string
}

// As reaches the DatabaseError and BaseError.
func (e *UnknownConstraintError) As(target any) bool { return asDatabase(&e.DatabaseError, target) }

// ValidationErrorItem is one validation failure (Sequelize's
// ValidationErrorItem, the reference index's ValidationItem).
type ValidationErrorItem struct {
	// Message is the human-readable message.
	Message string
	// Type is "notNull Violation", "string violation", "unique violation" or
	// "Validation error".
	Type string
	// Path is the attribute (or model validator) that failed.
	Path string
	// Value is the offending value.
	Value any
	// Origin is "CORE", "DB" or "FUNCTION".
	Origin string
	// Instance is the instance being validated, if any.
	Instance any
	// ValidatorKey is the validator's key ("len", "is_null", "not_unique").
	ValidatorKey string
	// ValidatorName is the validator's name, when it differs from the key.
	ValidatorName string
	// ValidatorArgs are the validator's arguments.
	ValidatorArgs []any
	// Original is the error a custom validator returned, if any.
	Original error
}

// The origins of validation items (Sequelize's ValidationErrorItemOrigin).
const (
	OriginCore     = "CORE"
	OriginDB       = "DB"
	OriginFunction = "FUNCTION"
)

// GetValidatorKey returns the validator key, namespaced by the origin when
// useTypeAsNS is true ("function.isemail", "core.is_null", "db.not_unique"),
// joined with sep ("." when empty), as Sequelize's getValidatorKey.
func (it ValidationErrorItem) GetValidatorKey(useTypeAsNS bool, sep string) string {
	if sep == "" {
		sep = "."
	}
	key := it.ValidatorKey
	if !useTypeAsNS || it.Origin == "" {
		return key
	}
	return strings.ToLower(it.Origin) + sep + key
}

// ValidationError carries every validation failure of an operation.
type ValidationError struct {
	BaseError
	// Errors are the failures, all of them, in the order found.
	Errors []ValidationErrorItem
}

// As reaches the BaseError.
func (e *ValidationError) As(target any) bool { return asBase(&e.BaseError, target) }

// Get returns the items for path.
func (e *ValidationError) Get(path string) []ValidationErrorItem {
	var out []ValidationErrorItem
	for _, it := range e.Errors {
		if it.Path == path {
			out = append(out, it)
		}
	}
	return out
}

// NewValidationError returns a ValidationError. With an empty message the
// message lists the items as "<type>: <message>" joined by ",\n", as
// Sequelize does.
func NewValidationError(message string, items []ValidationErrorItem) *ValidationError {
	if message == "" {
		parts := make([]string, len(items))
		for i, it := range items {
			t := it.Type
			if t == "" {
				t = it.Origin
			}
			parts[i] = t + ": " + it.Message
		}
		message = strings.Join(parts, ",\n")
		if message == "" {
			message = "Validation Error"
		}
	}
	return &ValidationError{BaseError: newBase("SequelizeValidationError", message, nil), Errors: items}
}

// UniqueConstraintError means a unique constraint or primary key was violated.
// It is also a ValidationError whose items are "unique violation"s, one per
// field.
type UniqueConstraintError struct {
	ValidationError
	// Fields maps each column of the violated key to its value, as the
	// database reports them. MySQL and MariaDB report the key name and the
	// value only: Fields then maps the key name to the value.
	Fields map[string]any
	// Constraint is the violated constraint or index, when reported.
	Constraint string
	// Table is the table, when reported.
	Table string
	// SQL is the statement that failed.
	SQL string
	// Parameters are its bound parameters.
	Parameters []any
}

// As reaches the ValidationError and BaseError.
func (e *UniqueConstraintError) As(target any) bool {
	if t, ok := target.(**ValidationError); ok {
		*t = &e.ValidationError
		return true
	}
	return e.ValidationError.As(target)
}

// Compile-time checks that every class is an error.
var (
	_ error = (*AggregateError)(nil)
	_ error = (*AssociationError)(nil)
	_ error = (*BulkRecordError)(nil)
	_ error = (*EagerLoadingError)(nil)
	_ error = (*EmptyResultError)(nil)
	_ error = (*InstanceError)(nil)
	_ error = (*OptimisticLockError)(nil)
	_ error = (*QueryError)(nil)
	_ error = (*SequelizeScopeError)(nil)
	_ error = (*AccessDeniedError)(nil)
	_ error = (*ConnectionAcquireTimeoutError)(nil)
	_ error = (*ConnectionRefusedError)(nil)
	_ error = (*ConnectionTimedOutError)(nil)
	_ error = (*HostNotFoundError)(nil)
	_ error = (*HostNotReachableError)(nil)
	_ error = (*InvalidConnectionError)(nil)
	_ error = (*ExclusionConstraintError)(nil)
	_ error = (*ForeignKeyConstraintError)(nil)
	_ error = (*TimeoutError)(nil)
	_ error = (*UnknownConstraintError)(nil)
	_ error = (*UniqueConstraintError)(nil)
)
