module github.com/gosequelize/sequelize/bench

go 1.26

require github.com/gosequelize/sequelize v0.0.0

replace github.com/gosequelize/sequelize => ../
