package dialect

import "strings"

// ConstraintDef describes a table constraint for addConstraint.
type ConstraintDef struct {
	// Type is "UNIQUE", "CHECK", "PRIMARY KEY" or "FOREIGN KEY".
	Type string
	// Name is the constraint's name.
	Name string
	// Columns are the constrained columns (unquoted).
	Columns []string
	// Check is the rendered CHECK predicate.
	Check string
	// References is a FOREIGN KEY's target.
	References *ReferenceDef
}

// ConstraintDDL renders addConstraint, removeConstraint and dropAllTables.
// SQLite returns ErrRebuild for the constraints it can only add or drop by
// rebuilding the table.
type ConstraintDDL interface {
	AddConstraintSQL(schema, table string, c ConstraintDef) (string, error)
	// RemoveConstraintSQL drops the constraint name of type typ (as
	// showConstraints reports it).
	RemoveConstraintSQL(schema, table, name, typ string) (string, error)
	// DropAllTablesSQL returns the statements, run in order on one
	// connection, that drop tables whatever their foreign keys.
	DropAllTablesSQL(tables []string) []string
}

// StandardAddConstraint renders ALTER TABLE ... ADD CONSTRAINT in standard
// SQL, quoting identifiers with quote.
func StandardAddConstraint(quote func([]byte, string) []byte, table string, c ConstraintDef) string {
	b := []byte("ALTER TABLE " + table + " ADD CONSTRAINT ")
	b = quote(b, c.Name)
	b = append(b, ' ')
	cols := func(names []string) {
		b = append(b, '(')
		for i, n := range names {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = quote(b, n)
		}
		b = append(b, ')')
	}
	switch strings.ToUpper(c.Type) {
	case "CHECK":
		b = append(b, "CHECK ("+c.Check+")"...)
	case "FOREIGN KEY":
		b = append(b, "FOREIGN KEY "...)
		cols(c.Columns)
		b = append(b, " REFERENCES "...)
		if c.References.Schema != "" {
			b = append(quote(b, c.References.Schema), '.')
		}
		b = quote(b, c.References.Table)
		b = append(b, ' ')
		cols([]string{c.References.Column})
		if c.References.OnDelete != "" {
			b = append(b, " ON DELETE "+c.References.OnDelete...)
		}
		if c.References.OnUpdate != "" {
			b = append(b, " ON UPDATE "+c.References.OnUpdate...)
		}
	default:
		b = append(b, strings.ToUpper(c.Type)+" "...)
		cols(c.Columns)
	}
	return string(append(b, ';'))
}
