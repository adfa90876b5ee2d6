package sequelize

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The formatters below turn the rows of a dialect's introspection statement
// (dialect.Introspection, whose result columns carry canonical aliases) into
// Sequelize's result shapes. They are dialect-agnostic.

func col(r Row, names ...string) any {
	for _, n := range names {
		if v, ok := r[n]; ok {
			return v
		}
	}
	for k, v := range r {
		for _, n := range names {
			if strings.EqualFold(k, n) {
				return v
			}
		}
	}
	return nil
}

func formatTables(res *QueryResult) []string {
	out := make([]string, 0, len(res.Rows))
	for _, r := range res.Rows {
		v := col(r, "tableName", "table_name", "name")
		if v == nil && len(res.Columns) > 0 {
			v = r[res.Columns[0]]
		}
		out = append(out, toString(v))
	}
	return out
}

func formatIndexes(rows []Row) []IndexDescription {
	var out []IndexDescription
	byName := map[string]int{}
	for _, r := range rows {
		name := toString(col(r, "name", "Key_name"))
		i, ok := byName[name]
		if !ok {
			i = len(out)
			byName[name] = i
			out = append(out, IndexDescription{
				Name:       name,
				Primary:    toBool(col(r, "primary")) || name == "PRIMARY",
				Unique:     toBool(col(r, "unique")),
				Type:       toString(col(r, "type", "Index_type")),
				Definition: toString(col(r, "definition")),
			})
		}
		attr := toString(col(r, "attribute", "Column_name"))
		if attr == "" {
			continue
		}
		order := strings.ToUpper(toString(col(r, "order", "Collation")))
		switch order {
		case "D", "DESC":
			order = "DESC"
		default:
			order = "ASC"
		}
		length, _ := toInt64(col(r, "length", "Sub_part"))
		out[i].Fields = append(out[i].Fields, IndexField{Attribute: attr, Order: order, Length: int(length)})
	}
	return out
}

func formatDescribe(rows []Row) map[string]ColumnDescription {
	out := make(map[string]ColumnDescription, len(rows))
	for _, r := range rows {
		var def any
		if d := col(r, "Default"); d != nil {
			def = toString(d)
		}
		out[toString(col(r, "Field"))] = ColumnDescription{
			Type:          strings.ToUpper(toString(col(r, "Type"))),
			AllowNull:     toBool(col(r, "Null")),
			DefaultValue:  def,
			PrimaryKey:    toBool(col(r, "PrimaryKey")),
			AutoIncrement: toBool(col(r, "AutoIncrement")),
			Comment:       toString(col(r, "Comment")),
		}
	}
	return out
}

func formatForeignKeys(rows []Row) []ForeignKeyReference {
	out := make([]ForeignKeyReference, 0, len(rows))
	for _, r := range rows {
		out = append(out, ForeignKeyReference{
			ConstraintName:       toString(col(r, "constraintName")),
			TableName:            toString(col(r, "tableName")),
			ColumnName:           toString(col(r, "columnName")),
			ReferencedTableName:  toString(col(r, "referencedTableName")),
			ReferencedColumnName: toString(col(r, "referencedColumnName")),
			OnUpdate:             strings.ToUpper(toString(col(r, "onUpdate"))),
			OnDelete:             strings.ToUpper(toString(col(r, "onDelete"))),
		})
	}
	return out
}

func formatConstraints(rows []Row) []ConstraintDescription {
	var out []ConstraintDescription
	byName := map[string]int{}
	for _, r := range rows {
		name := toString(col(r, "constraintName"))
		i, ok := byName[name]
		if !ok {
			i = len(out)
			byName[name] = i
			out = append(out, ConstraintDescription{
				ConstraintName:      name,
				ConstraintType:      strings.ToUpper(toString(col(r, "constraintType"))),
				TableName:           toString(col(r, "tableName")),
				ReferencedTableName: toString(col(r, "referencedTableName")),
				OnUpdate:            strings.ToUpper(toString(col(r, "onUpdate"))),
				OnDelete:            strings.ToUpper(toString(col(r, "onDelete"))),
			})
		}
		if c := toString(col(r, "columnName")); c != "" && !contains(out[i].Columns, c) {
			out[i].Columns = append(out[i].Columns, c)
		}
		if c := toString(col(r, "referencedColumnName")); c != "" && !contains(out[i].ReferencedColumns, c) {
			out[i].ReferencedColumns = append(out[i].ReferencedColumns, c)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// toString renders a scanned value as text.
func toString(v any) string {
	switch t := v.(type) {
	case nil:
		return ""
	case string:
		return t
	case []byte:
		return string(t)
	case int64:
		return strconv.FormatInt(t, 10)
	case float64:
		return strconv.FormatFloat(t, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(t)
	case time.Time:
		return t.Format(time.RFC3339Nano)
	case fmt.Stringer:
		return t.String()
	}
	return fmt.Sprint(v)
}

// toBool reads the many spellings of a boolean databases print.
func toBool(v any) bool {
	switch t := v.(type) {
	case bool:
		return t
	case int64:
		return t != 0
	case float64:
		return t != 0
	case string, []byte:
		switch strings.ToUpper(toString(t)) {
		case "1", "T", "TRUE", "YES", "Y", "ON":
			return true
		}
	}
	return false
}

func toInt64(v any) (int64, bool) {
	switch t := v.(type) {
	case int64:
		return t, true
	case float64:
		return int64(t), true
	case string, []byte:
		n, err := strconv.ParseInt(strings.TrimSpace(toString(t)), 10, 64)
		return n, err == nil
	}
	return 0, false
}
