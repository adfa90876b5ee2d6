package include_test

import (
	"testing"

	"github.com/gosequelize/sequelize/conformance/internal/harness"
)

// The harness's names, as the ported cases use them.
type (
	C          = harness.C
	suite      = harness.Suite
	difference = harness.Difference
)

const (
	deliberate = harness.Deliberate
)

var (
	port   = harness.Port
	listed = harness.Listed
)

func TestMain(m *testing.M) { harness.Main(m) }
