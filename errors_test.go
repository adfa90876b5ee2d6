package sequelize

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"syscall"
	"testing"

	"github.com/gosequelize/sequelize/dialect"
)

// reaches reports whether errors.As finds a *T in err.
func reaches[T any, PT interface {
	*T
	error
}](err error) bool {
	var target PT
	return errors.As(err, &target) && target != nil
}

func TestErrorHierarchy(t *testing.T) {
	driverErr := errors.New("driver says no")
	base := func(name string) BaseError { return newBase(name, "msg", driverErr) }
	dbe := DatabaseError{BaseError: base("SequelizeDatabaseError"), SQL: "SELECT 1"}
	conn := ConnectionError{base("SequelizeConnectionError")}
	cases := []struct {
		err        error
		database   bool
		connection bool
		validation bool
	}{
		{&UniqueConstraintError{ValidationError: ValidationError{BaseError: base("SequelizeUniqueConstraintError")}}, false, false, true},
		{&ForeignKeyConstraintError{DatabaseError: dbe}, true, false, false},
		{&ExclusionConstraintError{DatabaseError: dbe}, true, false, false},
		{&UnknownConstraintError{DatabaseError: dbe}, true, false, false},
		{&TimeoutError{dbe}, true, false, false},
		{&AccessDeniedError{conn}, false, true, false},
		{&ConnectionAcquireTimeoutError{conn}, false, true, false},
		{&ConnectionRefusedError{conn}, false, true, false},
		{&ConnectionTimedOutError{conn}, false, true, false},
		{&HostNotFoundError{conn}, false, true, false},
		{&HostNotReachableError{conn}, false, true, false},
		{&InvalidConnectionError{conn}, false, true, false},
		{&ValidationError{BaseError: base("SequelizeValidationError")}, false, false, true},
		{&DatabaseError{BaseError: base("SequelizeDatabaseError")}, true, false, false},
		{&ConnectionError{base("SequelizeConnectionError")}, false, true, false},
		{&AggregateError{BaseError: base("AggregateError")}, false, false, false},
		{&AssociationError{base("SequelizeAssociationError")}, false, false, false},
		{&BulkRecordError{BaseError: base("SequelizeBulkRecordError")}, false, false, false},
		{&EagerLoadingError{base("SequelizeEagerLoadingError")}, false, false, false},
		{&EmptyResultError{base("SequelizeEmptyResultError")}, false, false, false},
		{&InstanceError{base("SequelizeInstanceError")}, false, false, false},
		{&OptimisticLockError{BaseError: base("SequelizeOptimisticLockError")}, false, false, false},
		{&QueryError{base("SequelizeQueryError")}, false, false, false},
		{&SequelizeScopeError{base("SequelizeScopeError")}, false, false, false},
	}
	for _, c := range cases {
		wrapped := fmt.Errorf("context: %w", c.err)
		name := fmt.Sprintf("%T", c.err)
		if !reaches[BaseError](wrapped) {
			t.Errorf("%s does not reach *BaseError", name)
		}
		if got := reaches[DatabaseError](wrapped); got != c.database {
			t.Errorf("%s reaches *DatabaseError = %v, want %v", name, got, c.database)
		}
		if got := reaches[ConnectionError](wrapped); got != c.connection {
			t.Errorf("%s reaches *ConnectionError = %v, want %v", name, got, c.connection)
		}
		if got := reaches[ValidationError](wrapped); got != c.validation {
			t.Errorf("%s reaches *ValidationError = %v, want %v", name, got, c.validation)
		}
		if c.err.Error() != "sequelize: msg" {
			t.Errorf("%s message = %q", name, c.err.Error())
		}
		if !errors.Is(wrapped, driverErr) {
			t.Errorf("%s does not unwrap to the driver's error", name)
		}
	}
	// The ancestor handed out shares the child's data.
	u := &UniqueConstraintError{ValidationError: ValidationError{BaseError: base("SequelizeUniqueConstraintError")}, Fields: map[string]any{"a": 1}}
	var be *BaseError
	if errors.As(u, &be); be.Name != "SequelizeUniqueConstraintError" {
		t.Errorf("BaseError.Name = %q", be.Name)
	}
}

func TestEmptyResultErrorIsErrNoRows(t *testing.T) {
	err := fmt.Errorf("find: %w", &EmptyResultError{newBase("SequelizeEmptyResultError", "no rows", nil)})
	if !errors.Is(err, sql.ErrNoRows) {
		t.Error("EmptyResultError does not match sql.ErrNoRows")
	}
}

func TestValidationErrorMessage(t *testing.T) {
	items := []ValidationErrorItem{
		{Message: "User.name cannot be null", Type: "notNull Violation", Path: "name", Origin: OriginCore, ValidatorKey: "is_null"},
		{Message: "Validation len on bio failed", Type: "Validation error", Path: "bio", Origin: OriginFunction, ValidatorKey: "len"},
	}
	err := NewValidationError("", items)
	want := "sequelize: notNull Violation: User.name cannot be null,\nValidation error: Validation len on bio failed"
	if err.Error() != want {
		t.Errorf("message = %q, want %q", err.Error(), want)
	}
	if got := err.Get("bio"); len(got) != 1 || got[0].ValidatorKey != "len" {
		t.Errorf("Get(bio) = %v", got)
	}
	if k := items[0].GetValidatorKey(true, ""); k != "core.is_null" {
		t.Errorf("GetValidatorKey = %q", k)
	}
	if k := items[1].GetValidatorKey(false, ""); k != "len" {
		t.Errorf("GetValidatorKey(false) = %q", k)
	}
	if NewValidationError("", nil).Error() != "sequelize: Validation Error" {
		t.Error("empty ValidationError message")
	}
	agg := NewAggregateError([]error{errors.New("a"), err})
	if !errors.Is(agg, err) || !reaches[ValidationError](agg) {
		t.Error("AggregateError does not unwrap to its errors")
	}
}

func TestTxDoneError(t *testing.T) {
	err := newTxDone("rollback", "SELECT 1")
	if !errors.Is(err, ErrTxDone) || !errors.Is(err, sql.ErrTxDone) {
		t.Error("txDoneError does not match ErrTxDone and sql.ErrTxDone")
	}
	if !reaches[BaseError](err) || !reaches[BaseError](ErrTxDone) || !reaches[ConnectionError](ErrClosed) {
		t.Error("ErrTxDone, its errors and ErrClosed do not reach *BaseError")
	}
	want := "sequelize: rollback has been called on this transaction, you can no longer use it (the rejected query is attached as SQL: SELECT 1)"
	if err.Error() != want {
		t.Errorf("message = %q", err.Error())
	}
}

func TestClassifyNetError(t *testing.T) {
	op := func(err error) error {
		return &net.OpError{Op: "dial", Net: "tcp", Err: &os.SyscallError{Syscall: "connect", Err: err}}
	}
	cases := []struct {
		err  error
		kind dialect.ErrorKind
	}{
		{op(syscall.ECONNREFUSED), dialect.KindConnectionRefused},
		{op(syscall.EHOSTUNREACH), dialect.KindHostNotReachable},
		{op(syscall.ENETUNREACH), dialect.KindHostNotReachable},
		{op(syscall.EADDRNOTAVAIL), dialect.KindHostNotReachable},
		{op(syscall.ETIMEDOUT), dialect.KindConnectionTimedOut},
		{op(syscall.EINVAL), dialect.KindInvalidConnection},
		{&net.DNSError{Err: "no such host", Name: "x.invalid", IsNotFound: true}, dialect.KindHostNotFound},
		{&net.DNSError{Err: "timeout", Name: "x", IsTimeout: true}, dialect.KindConnectionTimedOut},
		{&net.AddrError{Err: "missing port", Addr: "x"}, dialect.KindInvalidConnection},
		{op(syscall.ECONNRESET), dialect.KindConnection},
	}
	for _, c := range cases {
		k, ok := dialect.ClassifyNetError(fmt.Errorf("connect: %w", c.err))
		if !ok || k != c.kind {
			t.Errorf("%v: kind %v (%v), want %v", c.err, k, ok, c.kind)
		}
	}
	if _, ok := dialect.ClassifyNetError(errors.New("syntax error")); ok {
		t.Error("a non-network error was classified as one")
	}
}

// fakeDialect classifies errors by their text, for testing the mapping
// from ErrorInfo to error types without a database.
type fakeDialect struct{ dialect.Dialect }

func (fakeDialect) ClassifyError(err error) dialect.ErrorInfo {
	var info dialect.ErrorInfo
	fmt.Sscan(err.Error(), &info.Kind)
	info.Fields, info.Values, info.Table, info.Constraint, info.RelType = []string{"a", "b"}, []string{"1", "2"}, "t", "c", "child"
	return info
}

func TestClassifyMapsEveryKind(t *testing.T) {
	db := &DB{dialect: fakeDialect{}}
	check := func(kind dialect.ErrorKind, ok func(error) bool) {
		t.Helper()
		err := db.classify(context.Background(), fmt.Errorf("%d", int(kind)), "SQL", []any{1})
		if !ok(err) {
			t.Errorf("%v → %T", kind, err)
		}
	}
	check(dialect.KindDatabase, reaches[DatabaseError])
	check(dialect.KindUniqueConstraint, func(err error) bool {
		var u *UniqueConstraintError
		return errors.As(err, &u) && u.Fields["a"] == "1" && u.Fields["b"] == "2" && len(u.Errors) == 2 && u.SQL == "SQL" && u.Table == "t"
	})
	check(dialect.KindForeignKey, func(err error) bool {
		var f *ForeignKeyConstraintError
		return errors.As(err, &f) && f.RelType == "child" && f.Index == "c" && f.Value == "1" && f.SQL == "SQL"
	})
	check(dialect.KindExclusion, reaches[ExclusionConstraintError])
	check(dialect.KindUnknownConstraint, reaches[UnknownConstraintError])
	check(dialect.KindTimeout, reaches[TimeoutError])
	check(dialect.KindConnection, reaches[ConnectionError])
	check(dialect.KindConnectionRefused, reaches[ConnectionRefusedError])
	check(dialect.KindAccessDenied, reaches[AccessDeniedError])
	check(dialect.KindHostNotFound, reaches[HostNotFoundError])
	check(dialect.KindHostNotReachable, reaches[HostNotReachableError])
	check(dialect.KindConnectionTimedOut, reaches[ConnectionTimedOutError])
	check(dialect.KindInvalidConnection, reaches[InvalidConnectionError])

	// A cancelled context stays reachable.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := db.classify(ctx, errors.New("0"), "SQL", nil)
	if !errors.Is(err, context.Canceled) || !reaches[DatabaseError](err) {
		t.Errorf("cancelled: %v", err)
	}
}
