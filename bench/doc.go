// Package bench holds the benchmarks of package sequelize. It is a separate
// module so that users of the library never download what the benchmarks
// import. Everything is in the _test.go files; see README.md.
package bench
