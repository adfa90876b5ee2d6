package conformance_test

// differences lists every ported JS case where this package deliberately
// behaves otherwise (deliberate: the Go case asserts what it does instead)
// and every case that JavaScript can say and Go cannot (goCannot: not
// ported). Each test file adds its own entries with listed, next to the
// cases that name them. README.md's tables are made from the list; a full
// run fails when an entry is not named by a case, or a case names no entry.
var differences []difference

// listed adds entries to differences; use it as var _ = listed(...).
func listed(ds ...difference) bool {
	differences = append(differences, ds...)
	return true
}
