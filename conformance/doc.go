// Package conformance has no API: its subpackages' tests are Sequelize
// v6.37.8's own integration tests (test/integration/ of the sequelize
// repository at that tag) ported to Go and run on SQLite, PostgreSQL and
// MariaDB.
//
// Each test function ports one JS file and each subtest one it(...) case,
// named by its describe path and title, with one subtest per dialect below
// it:
//
//	TestInstanceIncrement/increment/with_array/postgres
//
// A case translates what the JS test observes (rows, counts, order, errors,
// hook order, rollbacks), not its SQL text. A case where this package
// deliberately behaves otherwise asserts what it does instead; a case that
// JavaScript can say and Go cannot is not ported. Both are listed, with the
// reason, in each subpackage's README.md, whose tables the suite writes
// itself, and summed in this directory's README.md:
//
//	go test ./conformance/... -update
//	go test ./conformance -update
//
// A full run (no -run filter, every dialect available) fails when a
// README.md does not match what it measured.
package conformance
