package dialect

import (
	"context"
	"database/sql/driver"
)

// ConnConfig is what a BeforeConnect hook sees of the connection about to
// open, and may change (Sequelize's beforeConnect config): a fresh
// password from a token service, another host.
type ConnConfig struct {
	Host     string
	Port     int
	User     string
	Password string
	Database string
}

// ConnHooks are package sequelize's connection hooks, which a dialect's
// pool calls around each physical connection it opens and closes. Each
// func is set.
type ConnHooks struct {
	// BeforeConnect runs before a connection opens and may change cc; an
	// error fails the attempt.
	BeforeConnect func(ctx context.Context, cc *ConnConfig) error
	// AfterConnect runs with the new connection (*pgx.Conn, or the
	// database/sql driver.Conn); an error closes it and fails the attempt.
	AfterConnect func(ctx context.Context, conn any) error
	// Disconnecting reports whether disconnect hooks are registered. A
	// database/sql connection opened while it is false is not wrapped.
	Disconnecting func() bool
	// Disconnect closes conn with close, running the disconnect hooks
	// around it, and returns close's error.
	Disconnect func(conn any, close func() error) error
}

// HookConnector wraps a database/sql connector so that its connections
// run hooks' AfterConnect and, when disconnect hooks are registered, its
// Disconnect when database/sql closes them. BeforeConnect is the
// dialect's to run, since only it can rebuild a connector from a changed
// ConnConfig.
func HookConnector(base driver.Connector, hooks *ConnHooks) driver.Connector {
	return &hookConnector{base: base, hooks: hooks}
}

type hookConnector struct {
	base  driver.Connector
	hooks *ConnHooks
}

func (c *hookConnector) Driver() driver.Driver { return c.base.Driver() }

func (c *hookConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.base.Connect(ctx)
	if err != nil {
		return nil, err
	}
	if err := c.hooks.AfterConnect(ctx, conn); err != nil {
		conn.Close()
		return nil, err
	}
	if !c.hooks.Disconnecting() {
		return conn, nil
	}
	return &hookConn{Conn: conn, hooks: c.hooks}, nil
}

// hookConn runs the disconnect hooks when closed. It forwards the
// optional interfaces database/sql looks for, and answers as database/sql
// does without them when the driver's connection lacks one.
type hookConn struct {
	driver.Conn
	hooks *ConnHooks
}

func (c *hookConn) Close() error { return c.hooks.Disconnect(c.Conn, c.Conn.Close) }

func (c *hookConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if b, ok := c.Conn.(driver.ConnBeginTx); ok {
		return b.BeginTx(ctx, opts)
	}
	//lint:ignore SA1019 the fallback database/sql itself uses
	return c.Conn.Begin()
}

func (c *hookConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	if p, ok := c.Conn.(driver.ConnPrepareContext); ok {
		return p.PrepareContext(ctx, query)
	}
	return c.Conn.Prepare(query)
}

func (c *hookConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if e, ok := c.Conn.(driver.ExecerContext); ok {
		return e.ExecContext(ctx, query, args)
	}
	return nil, driver.ErrSkip
}

func (c *hookConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if q, ok := c.Conn.(driver.QueryerContext); ok {
		return q.QueryContext(ctx, query, args)
	}
	return nil, driver.ErrSkip
}

func (c *hookConn) CheckNamedValue(nv *driver.NamedValue) error {
	if v, ok := c.Conn.(driver.NamedValueChecker); ok {
		return v.CheckNamedValue(nv)
	}
	return driver.ErrSkip
}

func (c *hookConn) Ping(ctx context.Context) error {
	if p, ok := c.Conn.(driver.Pinger); ok {
		return p.Ping(ctx)
	}
	return nil
}

func (c *hookConn) ResetSession(ctx context.Context) error {
	if r, ok := c.Conn.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

func (c *hookConn) IsValid() bool {
	if v, ok := c.Conn.(driver.Validator); ok {
		return v.IsValid()
	}
	return true
}
