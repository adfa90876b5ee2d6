// Module compare measures Go inflection libraries against the golden file
// ../inflection.tsv (npm inflection 1.13.4 via Sequelize 6.37.8). It is a
// separate module so that package naming does not depend on them:
//
//	cd internal/naming/testdata/compare && go run . ../inflection.tsv [name-filter-to-list-mismatches]
module compare

go 1.26.0

require (
	github.com/gertd/go-pluralize v0.2.1
	github.com/go-openapi/inflect v1.0.1
	github.com/gobuffalo/flect v1.0.3
	github.com/jinzhu/inflection v1.0.0
)
