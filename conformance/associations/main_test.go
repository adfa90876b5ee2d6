package associations_test

import (
	"testing"

	"github.com/gosequelize/sequelize/conformance/internal/harness"
)

// The harness's names, as the ported cases use them.
type (
	C          = harness.C
	suite      = harness.Suite
	difference = harness.Difference
	stmtLog    = harness.StmtLog
)

const (
	deliberate = harness.Deliberate
	goCannot   = harness.GoCannot
)

var (
	port   = harness.Port
	listed = harness.Listed
)

func TestMain(m *testing.M) { harness.Main(m) }
