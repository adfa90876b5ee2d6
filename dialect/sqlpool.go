package dialect

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"net"
	"os"
	"syscall"
)

// SQLPool adapts *sql.DB pools to [Pool]. Writes (and transactions) go to
// the write pool; reads to the read pool, which may be the same *sql.DB.
type SQLPool struct {
	dialect Dialect
	write   *sql.DB
	read    *sql.DB
	owned   bool
	closers []func() error
	// Normalize, when set, converts a value read by Rows.Values, given the
	// column's type as the driver reports it (nil unless NormalizeUsesTypes).
	Normalize func(ct *sql.ColumnType, v any) any
	// NormalizeUsesTypes asks for the column types, which cost a call per
	// query, to be passed to Normalize.
	NormalizeUsesTypes bool
}

var _ Pool = (*SQLPool)(nil)

// NewSQLPool returns a Pool over write and read (read may be nil: reads then
// use write). When owned is true, Close closes both pools and then runs
// closers; otherwise Close only runs closers.
func NewSQLPool(d Dialect, write, read *sql.DB, owned bool, closers ...func() error) *SQLPool {
	if read == nil {
		read = write
	}
	return &SQLPool{dialect: d, write: write, read: read, owned: owned, closers: closers}
}

// Dialect returns the pool's dialect.
func (p *SQLPool) Dialect() Dialect { return p.dialect }

// DB returns the *sql.DB used for mode.
func (p *SQLPool) DB(mode AcquireMode) *sql.DB {
	if mode == AcquireRead {
		return p.read
	}
	return p.write
}

// Acquire takes a dedicated connection from the pool chosen by mode.
func (p *SQLPool) Acquire(ctx context.Context, mode AcquireMode) (Conn, error) {
	c, err := p.DB(mode).Conn(ctx)
	if err != nil {
		return nil, err
	}
	return &sqlConn{c: c, p: p}, nil
}

// Stats reports the write pool's counters, plus the read pool's when separate.
func (p *SQLPool) Stats() PoolStats {
	s := p.write.Stats()
	st := PoolStats{MaxOpen: s.MaxOpenConnections, Open: s.OpenConnections, InUse: s.InUse, Idle: s.Idle}
	if p.read != p.write {
		r := p.read.Stats()
		st.MaxOpen += r.MaxOpenConnections
		st.Open += r.OpenConnections
		st.InUse += r.InUse
		st.Idle += r.Idle
	}
	return st
}

// Close closes the pools it owns and runs the closers.
func (p *SQLPool) Close() error {
	var errs []error
	if p.owned {
		if p.read != p.write {
			errs = append(errs, p.read.Close())
		}
		errs = append(errs, p.write.Close())
	}
	for _, c := range p.closers {
		errs = append(errs, c())
	}
	return errors.Join(errs...)
}

type sqlConn struct {
	c *sql.Conn
	p *SQLPool
}

func (c *sqlConn) Query(ctx context.Context, query string, args []any) (Rows, error) {
	rows, err := c.c.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	cols, err := rows.Columns()
	if err != nil {
		rows.Close()
		return nil, err
	}
	return &sqlRows{rows: rows, cols: cols, norm: c.p.Normalize, useTypes: c.p.NormalizeUsesTypes}, nil
}

func (c *sqlConn) Exec(ctx context.Context, query string, args []any) (Result, error) {
	res, err := c.c.ExecContext(ctx, query, args...)
	if err != nil {
		return Result{}, err
	}
	var r Result
	r.RowsAffected, err = res.RowsAffected()
	if err != nil {
		r.RowsAffected = -1
	}
	if id, err := res.LastInsertId(); err == nil {
		r.LastInsertID, r.HasLastInsertID = id, true
	}
	return r, nil
}

func (c *sqlConn) Release(broken error) {
	if broken != nil {
		// Returning driver.ErrBadConn from Raw makes database/sql close the
		// connection instead of putting it back into the pool.
		_ = c.c.Raw(func(any) error { return driver.ErrBadConn })
	}
	_ = c.c.Close()
}

type sqlRows struct {
	rows     *sql.Rows
	cols     []string
	types    []*sql.ColumnType
	norm     func(*sql.ColumnType, any) any
	useTypes bool
	vals     []any
	ptrs     []any
}

func (r *sqlRows) Columns() []string      { return r.cols }
func (r *sqlRows) Next() bool             { return r.rows.Next() }
func (r *sqlRows) Scan(dest ...any) error { return r.rows.Scan(dest...) }
func (r *sqlRows) Err() error             { return r.rows.Err() }
func (r *sqlRows) Close() error           { return r.rows.Close() }
func (r *sqlRows) RowsAffected() int64    { return -1 }

func (r *sqlRows) Values() ([]any, error) {
	if r.ptrs == nil {
		r.vals = make([]any, len(r.cols))
		r.ptrs = make([]any, len(r.cols))
		for i := range r.vals {
			r.ptrs[i] = &r.vals[i]
		}
		if r.norm != nil && r.useTypes {
			types, err := r.rows.ColumnTypes()
			if err != nil {
				return nil, err
			}
			r.types = types
		}
	}
	if err := r.rows.Scan(r.ptrs...); err != nil {
		return nil, err
	}
	out := make([]any, len(r.vals))
	for i, v := range r.vals {
		if b, ok := v.([]byte); ok {
			// The driver may reuse its buffer: copy.
			v = append([]byte(nil), b...)
		}
		if r.norm != nil {
			var ct *sql.ColumnType
			if r.types != nil {
				ct = r.types[i]
			}
			v = r.norm(ct, v)
		}
		out[i] = v
	}
	return out, nil
}

// ClassifyNetError maps a network error from connecting to a server to the
// connection family, by the error's type and errno, as Sequelize maps
// ECONNREFUSED, ENOTFOUND, EHOSTUNREACH, EINVAL and timeouts. ok is false
// when err is not a network error.
func ClassifyNetError(err error) (kind ErrorKind, ok bool) {
	var dnsErr *net.DNSError
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return KindConnectionRefused, true
	case errors.As(err, &dnsErr):
		if dnsErr.IsTimeout {
			return KindConnectionTimedOut, true
		}
		return KindHostNotFound, true
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH),
		errors.Is(err, syscall.EADDRNOTAVAIL), errors.Is(err, syscall.EAFNOSUPPORT):
		return KindHostNotReachable, true
	case errors.Is(err, syscall.ETIMEDOUT), errors.Is(err, os.ErrDeadlineExceeded):
		return KindConnectionTimedOut, true
	case errors.Is(err, syscall.EINVAL):
		return KindInvalidConnection, true
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) {
		if opErr.Timeout() {
			return KindConnectionTimedOut, true
		}
		if opErr.Op == "dial" {
			return KindConnection, true
		}
	}
	var addrErr *net.AddrError
	if errors.As(err, &addrErr) {
		return KindInvalidConnection, true
	}
	return KindDatabase, false
}
