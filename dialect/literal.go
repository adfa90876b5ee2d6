package dialect

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// AppendLiteral appends v as a standard SQL literal: NULL, numbers, and
// strings in single quotes with quotes doubled. With backslashEscapes
// (MySQL's default mode) quotes and backslashes are escaped with a
// backslash, as Sequelize writes them. Booleans are TRUE and
// FALSE unless boolInts (1 and 0). It fails for NaN, infinities and
// strings holding NUL, which no literal can carry safely.
func AppendLiteral(b []byte, v any, backslashEscapes, boolInts bool) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return append(b, "NULL"...), nil
	case bool:
		switch {
		case boolInts && x:
			return append(b, '1'), nil
		case boolInts:
			return append(b, '0'), nil
		case x:
			return append(b, "true"...), nil
		}
		return append(b, "false"...), nil
	case int:
		return strconv.AppendInt(b, int64(x), 10), nil
	case int8:
		return strconv.AppendInt(b, int64(x), 10), nil
	case int16:
		return strconv.AppendInt(b, int64(x), 10), nil
	case int32:
		return strconv.AppendInt(b, int64(x), 10), nil
	case int64:
		return strconv.AppendInt(b, x, 10), nil
	case uint:
		return strconv.AppendUint(b, uint64(x), 10), nil
	case uint8:
		return strconv.AppendUint(b, uint64(x), 10), nil
	case uint16:
		return strconv.AppendUint(b, uint64(x), 10), nil
	case uint32:
		return strconv.AppendUint(b, uint64(x), 10), nil
	case uint64:
		return strconv.AppendUint(b, x, 10), nil
	case float32:
		return AppendLiteral(b, float64(x), backslashEscapes, boolInts)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return b, fmt.Errorf("sequelize: %v has no SQL literal", x)
		}
		return strconv.AppendFloat(b, x, 'g', -1, 64), nil
	case time.Time:
		return AppendLiteral(b, x.UTC().Format("2006-01-02 15:04:05.000 +00:00"), backslashEscapes, boolInts)
	case string:
		b = append(b, '\'')
		for i := 0; i < len(x); i++ {
			c := x[i]
			switch {
			case c == 0:
				return b, fmt.Errorf("sequelize: a string holding NUL has no SQL literal")
			case c == '\'' && backslashEscapes:
				b = append(b, '\\', '\'')
			case c == '\'':
				b = append(b, '\'', '\'')
			case c == '\\' && backslashEscapes:
				b = append(b, '\\', '\\')
			default:
				b = append(b, c)
			}
		}
		return append(b, '\''), nil
	}
	return b, fmt.Errorf("sequelize: %T has no SQL literal", v)
}
