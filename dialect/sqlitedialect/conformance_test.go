package sqlitedialect_test

import (
	"testing"

	"github.com/gosequelize/sequelize/dialect/dialecttest"
	_ "github.com/gosequelize/sequelize/dialect/sqlitedialect"
	"github.com/gosequelize/sequelize/internal/testdb"
)

func TestConformance(t *testing.T) { dialecttest.Run(t, testdb.SQLite) }
