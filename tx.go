package sequelize

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/gosequelize/sequelize/dialect"
)

// IsolationLevel is a transaction isolation level
// (Sequelize's Transaction.ISOLATION_LEVELS).
type IsolationLevel int

// The isolation levels. IsolationDefault leaves the database's (or
// Options.IsolationLevel's) level in place.
const (
	IsolationDefault IsolationLevel = iota
	IsolationReadUncommitted
	IsolationReadCommitted
	IsolationRepeatableRead
	IsolationSerializable
)

// String returns the level's SQL name, "READ COMMITTED" for example, or ""
// for IsolationDefault.
func (l IsolationLevel) String() string {
	switch l {
	case IsolationReadUncommitted:
		return "READ UNCOMMITTED"
	case IsolationReadCommitted:
		return "READ COMMITTED"
	case IsolationRepeatableRead:
		return "REPEATABLE READ"
	case IsolationSerializable:
		return "SERIALIZABLE"
	case IsolationDefault:
		return ""
	}
	return fmt.Sprintf("IsolationLevel(%d)", int(l))
}

// TransactionType is SQLite's transaction type (Sequelize's Transaction.TYPES).
type TransactionType int

// The transaction types. TransactionDefault is DEFERRED on SQLite, as in
// Sequelize. Other dialects accept only TransactionDefault.
const (
	TransactionDefault TransactionType = iota
	TransactionDeferred
	TransactionImmediate
	TransactionExclusive
)

// String returns "DEFERRED", "IMMEDIATE", "EXCLUSIVE", or "" for the default.
func (t TransactionType) String() string {
	switch t {
	case TransactionDeferred:
		return "DEFERRED"
	case TransactionImmediate:
		return "IMMEDIATE"
	case TransactionExclusive:
		return "EXCLUSIVE"
	case TransactionDefault:
		return ""
	}
	return fmt.Sprintf("TransactionType(%d)", int(t))
}

// TransactionOptions configures Begin and Transaction. The zero value is a
// read-write transaction at the database's default isolation level.
type TransactionOptions struct {
	// IsolationLevel sets the transaction's isolation level. SQLite always
	// runs transactions SERIALIZABLE, which satisfies every level, so any
	// level is accepted there.
	IsolationLevel IsolationLevel
	// Type is SQLite's DEFERRED (default), IMMEDIATE or EXCLUSIVE.
	Type TransactionType
	// ReadOnly starts a READ ONLY transaction (PostgreSQL, MySQL, MariaDB).
	// On SQLite it runs on a read-only connection. Unlike Sequelize v6,
	// which only routes read-only transactions to replicas, the database
	// enforces it: a write fails.
	ReadOnly bool
	// Transaction makes the new transaction a savepoint inside this one.
	// A transaction carried by the context does the same.
	Transaction *Tx
	// Logging overrides the DB's logger for the transaction's own
	// statements (BEGIN, COMMIT, ...).
	Logging *slog.Logger
}

// Tx is a transaction, or a savepoint inside one (Sequelize's Transaction).
// Statements run in it when it is carried by the context (see
// DB.Transaction) or named in an options struct's Transaction field.
//
// A Tx is used by one goroutine at a time. After Commit or Rollback every
// statement, Commit and Begin on it fails with an error matching ErrTxDone
// (and sql.ErrTxDone); Rollback after the end is a no-op that returns nil,
// so that "defer tx.Rollback(ctx)" is safe. A Tx comes from DB.Begin or
// DB.Transaction; a zero Tx is not a transaction, and its Commit and
// Rollback return an error.
type Tx struct {
	db     *DB
	conn   dialect.Conn
	parent *Tx
	name   string // transaction id, or savepoint name
	logger *slog.Logger

	mu          sync.Mutex // serialises statements on the connection
	state       string     // "", "commit" or "rollback"
	spSeq       int        // savepoint counter (root transaction only)
	afterCommit []func(ctx context.Context)
}

// Name returns the transaction's id, or the savepoint's name for a nested
// transaction.
func (tx *Tx) Name() string { return tx.name }

// Parent returns the enclosing transaction of a savepoint, or nil.
func (tx *Tx) Parent() *Tx { return tx.parent }

// Finished returns "commit" or "rollback" once the transaction (or an
// enclosing one) has ended, and "" while it is active.
func (tx *Tx) Finished() string {
	for t := tx; t != nil; t = t.parent {
		t.mu.Lock()
		s := t.state
		t.mu.Unlock()
		if s != "" {
			return s
		}
	}
	return ""
}

func (tx *Tx) root() *Tx {
	t := tx
	for t.parent != nil {
		t = t.parent
	}
	return t
}

type txKey struct{ db *DB }

// ContextWithTx returns a context that carries tx: every call made with it
// runs in tx. DB.Transaction does this for its callback.
func ContextWithTx(ctx context.Context, tx *Tx) context.Context {
	return context.WithValue(ctx, txKey{tx.db}, tx)
}

// TxFromContext returns the transaction of db carried by ctx, if any.
func (db *DB) TxFromContext(ctx context.Context) *Tx {
	tx, _ := ctx.Value(txKey{db}).(*Tx)
	return tx
}

// txFor picks the transaction a statement runs in: the explicit one, else
// the one carried by ctx.
func (db *DB) txFor(ctx context.Context, explicit *Tx) (*Tx, error) {
	if explicit != nil {
		if explicit.db != db {
			return nil, errors.New("sequelize: the Transaction option belongs to another DB")
		}
		return explicit, nil
	}
	return db.TxFromContext(ctx), nil
}

// Begin starts an unmanaged transaction: the caller must Commit or Rollback
// it. When opts.Transaction is set, or ctx carries a transaction of db, it
// starts a savepoint inside that one instead. Use it through ContextWithTx or
// the Transaction field of the options structs. Begin takes at most one
// TransactionOptions.
func (db *DB) Begin(ctx context.Context, opts ...TransactionOptions) (*Tx, error) {
	o, err := oneOption(opts)
	if err != nil {
		return nil, err
	}
	parent, err := db.txFor(ctx, o.Transaction)
	if err != nil {
		return nil, err
	}
	if parent != nil {
		return parent.savepoint(ctx, o)
	}
	if o.IsolationLevel == IsolationDefault {
		o.IsolationLevel = db.opts.IsolationLevel
	}
	if o.Type == TransactionDefault {
		o.Type = db.opts.TransactionType
	}
	if o.IsolationLevel < IsolationDefault || o.IsolationLevel > IsolationSerializable {
		return nil, fmt.Errorf("sequelize: invalid IsolationLevel %d", int(o.IsolationLevel))
	}
	if o.Type < TransactionDefault || o.Type > TransactionExclusive {
		return nil, fmt.Errorf("sequelize: invalid TransactionType %d", int(o.Type))
	}
	stmts, err := db.dialect.BeginStatements(dialect.TxOptions{Isolation: o.IsolationLevel.String(), Type: o.Type.String(), ReadOnly: o.ReadOnly})
	if err != nil {
		return nil, err
	}
	mode := dialect.AcquireWrite
	if o.ReadOnly {
		mode = dialect.AcquireRead
	}
	conn, err := db.acquire(ctx, mode)
	if err != nil {
		return nil, err
	}
	tx := &Tx{db: db, conn: conn, name: fmt.Sprintf("tx-%d", db.txSeq.Add(1)), logger: o.Logging}
	for _, s := range stmts {
		if err := tx.control(ctx, s); err != nil {
			conn.Release(err)
			return nil, err
		}
	}
	return tx, nil
}

func (tx *Tx) savepoint(ctx context.Context, o TransactionOptions) (*Tx, error) {
	if o.IsolationLevel != IsolationDefault || o.Type != TransactionDefault || o.ReadOnly {
		return nil, errors.New("sequelize: a nested transaction (savepoint) cannot set IsolationLevel, Type or ReadOnly: they belong to the outer transaction")
	}
	if s := tx.Finished(); s != "" {
		return nil, &txDoneError{state: s}
	}
	r := tx.root()
	r.mu.Lock()
	r.spSeq++
	n := r.spSeq
	r.mu.Unlock()
	sp := &Tx{db: tx.db, conn: tx.conn, parent: tx, name: fmt.Sprintf("%s-sp-%d", r.name, n), logger: o.Logging}
	if sp.logger == nil {
		sp.logger = tx.logger
	}
	if err := sp.control(ctx, "SAVEPOINT "+sp.quotedName()); err != nil {
		return nil, err
	}
	return sp, nil
}

func (tx *Tx) quotedName() string {
	return string(tx.db.dialect.QuoteIdentifier(nil, tx.name))
}

// control runs a transaction-control statement on the connection.
func (tx *Tx) control(ctx context.Context, stmt string) error {
	// Query hooks see the statement; what they run goes outside this
	// transaction, whose lock the caller may hold.
	hctx := context.WithValue(ctx, txKey{tx.db}, (*Tx)(nil))
	return tx.db.aroundQuery(ctx, hctx, stmt, nil, func() error {
		start := time.Now()
		_, err := tx.conn.Exec(ctx, stmt, nil)
		tx.db.log(ctx, tx.logger, stmt, nil, tx, time.Since(start))
		if err != nil {
			return tx.db.classify(ctx, err, stmt, nil)
		}
		return nil
	})
}

// Commit commits the transaction, or releases the savepoint of a nested
// one (its changes then commit with the outer transaction). If COMMIT fails
// the connection is discarded and the transaction counts as ended.
func (tx *Tx) Commit(ctx context.Context) error {
	if tx.db == nil {
		return errNeverStarted("committed")
	}
	tx.mu.Lock()
	if s := tx.finishedLocked(); s != "" {
		tx.mu.Unlock()
		return &txDoneError{state: s}
	}
	tx.state = "commit"
	callbacks := tx.afterCommit
	tx.afterCommit = nil
	if tx.parent != nil {
		err := tx.control(ctx, "RELEASE SAVEPOINT "+tx.quotedName())
		tx.mu.Unlock()
		if err == nil {
			// The savepoint's callbacks wait for the outer commit.
			tx.parent.mu.Lock()
			tx.parent.afterCommit = append(tx.parent.afterCommit, callbacks...)
			tx.parent.mu.Unlock()
		}
		return err
	}
	err := tx.control(ctx, "COMMIT")
	tx.conn.Release(err)
	tx.mu.Unlock()
	if err == nil {
		for _, fn := range callbacks {
			fn(ctx)
		}
	}
	return err
}

// Rollback rolls the transaction back, or rolls back to the savepoint of a
// nested one. It returns nil when the transaction has already ended. It
// runs even when ctx is already cancelled.
func (tx *Tx) Rollback(ctx context.Context) error {
	if tx.db == nil {
		return errNeverStarted("rolled back")
	}
	tx.mu.Lock()
	defer tx.mu.Unlock()
	if tx.finishedLocked() != "" {
		return nil
	}
	tx.state = "rollback"
	tx.afterCommit = nil
	ctx = context.WithoutCancel(ctx)
	if tx.parent != nil {
		if err := tx.control(ctx, "ROLLBACK TO SAVEPOINT "+tx.quotedName()); err != nil {
			return err
		}
		return tx.control(ctx, "RELEASE SAVEPOINT "+tx.quotedName())
	}
	err := tx.control(ctx, "ROLLBACK")
	tx.conn.Release(err)
	return err
}

// errNeverStarted is the error of Commit and Rollback on a Tx that DB.Begin
// did not make (a zero Tx).
func errNeverStarted(verb string) error {
	b := newBase("SequelizeBaseError", "the transaction cannot be "+verb+" because it never started (a Tx comes from DB.Begin or DB.Transaction)", nil)
	return &b
}

// finishedLocked is Finished with tx.mu held.
func (tx *Tx) finishedLocked() string {
	if tx.state != "" {
		return tx.state
	}
	if tx.parent != nil {
		return tx.parent.Finished()
	}
	return ""
}

// Transaction runs fn in a transaction (Sequelize's managed transaction):
// it commits when fn returns nil and rolls back when fn returns an error or
// panics (the panic then continues). Every call made with the ctx handed to
// fn runs in the transaction. When ctx already carries a transaction of db
// (or opts.Transaction is set), fn runs in a savepoint of it instead, which
// is rolled back alone when fn fails. Transaction takes at most one
// TransactionOptions.
func (db *DB) Transaction(ctx context.Context, fn func(ctx context.Context, tx *Tx) error, opts ...TransactionOptions) (err error) {
	tx, err := db.Begin(ctx, opts...)
	if err != nil {
		return err
	}
	txCtx := ContextWithTx(ctx, tx)
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback(ctx)
			panic(p)
		}
	}()
	if err := fn(txCtx, tx); err != nil {
		if rbErr := tx.Rollback(ctx); rbErr != nil {
			return errors.Join(err, rbErr)
		}
		return err
	}
	return tx.Commit(ctx)
}
