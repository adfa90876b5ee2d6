package associations_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"strings"
	"time"

	"github.com/gosequelize/sequelize"
)

// Helpers of the associations/*.test.js ports.

// asSchema creates a schema for a case's models (Support.dropTestSchemas
// then sequelize.createSchema(name)) and drops it when the case ends: a
// PostgreSQL schema in the case's database, a MariaDB database (named
// after name with a random suffix, since databases are shared by the
// server's parallel cases), and nothing on SQLite, where ModelOptions.Schema
// only prefixes the table's name. It returns the name to give
// ModelOptions.Schema.
func asSchema(c *C, name string) string {
	c.Helper()
	switch c.Dialect {
	case "postgres":
		_, err := c.DB.Query(c.Ctx, "CREATE SCHEMA "+c.Quote(name))
		c.Must(err)
	case "mariadb", "mysql":
		b := make([]byte, 4)
		_, _ = rand.Read(b)
		name += "_" + hex.EncodeToString(b)
		_, err := c.DB.Query(c.Ctx, "CREATE DATABASE "+c.Quote(name))
		c.Must(err)
		c.Cleanup(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			if _, err := c.DB.Query(ctx, "DROP DATABASE IF EXISTS "+c.Quote(name)); err != nil {
				c.Error(err)
			}
		})
	}
	return name
}

// asDescribe describes a table (QueryInterface.DescribeTable).
func asDescribe(c *C, table string) map[string]sequelize.ColumnDescription {
	c.Helper()
	d, err := c.DB.QueryInterface().DescribeTable(c.Ctx, table)
	c.Must(err)
	return d
}

// asFKs lists a table's foreign keys (getForeignKeyReferencesForTable).
func asFKs(c *C, table string) []sequelize.ForeignKeyReference {
	c.Helper()
	fks, err := c.DB.QueryInterface().GetForeignKeyReferencesForTable(c.Ctx, table)
	c.Must(err)
	return fks
}

// asFK returns table's foreign key on column, failing the case when there
// is none.
func asFK(c *C, table, column string) sequelize.ForeignKeyReference {
	c.Helper()
	for _, fk := range asFKs(c, table) {
		if fk.ColumnName == column {
			return fk
		}
	}
	c.Fatalf("%s has no foreign key on %s: %+v", table, column, asFKs(c, table))
	return sequelize.ForeignKeyReference{}
}

// asPanic runs fn, which must panic with an *AssociationError (an
// association definition mistake), and returns its message.
func asPanic(c *C, fn func()) (msg string) {
	c.Helper()
	defer func() {
		c.Helper()
		r := recover()
		err, _ := r.(error)
		var ae *sequelize.AssociationError
		if !errors.As(err, &ae) {
			c.Fatalf("recovered %v (%T), want an *AssociationError", r, r)
		}
		msg = err.Error()
	}()
	fn()
	c.Fatal("no panic, want an *AssociationError")
	return ""
}

// asLogger returns a logger recording the statements it is given, for the
// per-call logging option (a sinon spy as options.logging).
func asLogger() (*slog.Logger, *stmtLog) {
	l := &stmtLog{}
	return slog.New(l), l
}

// asFKError fails the case unless err is a *ForeignKeyConstraintError.
func asFKError(c *C, err error) {
	c.Helper()
	var fk *sequelize.ForeignKeyConstraintError
	c.ErrAs(err, &fk)
}

// asType tells the kind of a column's type as DescribeTable prints it:
// "INTEGER", "BIGINT", "STRING" or the type itself, so cases compare types
// across dialects (INT(11), integer, character varying(255), ...).
func asType(t string) string {
	u := strings.ToUpper(t)
	switch {
	case strings.HasPrefix(u, "BIGINT"):
		return "BIGINT"
	case strings.HasPrefix(u, "INT"):
		return "INTEGER"
	case strings.Contains(u, "CHAR"), strings.HasPrefix(u, "TEXT"):
		return "STRING"
	}
	return u
}

// asRaw reads one column of the rows of table, ordered by orderBy, as the
// database stores it.
func asRaw(c *C, table, column, orderBy string) []any {
	c.Helper()
	res, err := c.DB.Query(c.Ctx, "SELECT "+c.Quote(column)+" AS v FROM "+c.Quote(table)+" ORDER BY "+c.Quote(orderBy),
		sequelize.QueryOptions{Type: sequelize.QueryTypeSelect})
	c.Must(err)
	out := make([]any, len(res.Rows))
	for i, r := range res.Rows {
		out[i] = r["v"]
		if b, ok := out[i].([]byte); ok {
			out[i] = string(b)
		}
	}
	return out
}

// asPtr returns a pointer to v.
func asPtr[T any](v T) *T { return &v }
