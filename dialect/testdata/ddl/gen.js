'use strict';
// Generates <dialect>.json: the DDL Sequelize 6.37.8's own QueryInterface
// sends for calls the oracle cases (testdata/oracle) do not reach. No
// database is needed: sequelize.query is replaced by a recorder, the
// dialect's driver module by a stub, and introspection queries (enum
// listing, describeTable) get canned answers.
//
//   cd /tmp/x && npm install sequelize@6.37.8
//   NODE_PATH=/tmp/x/node_modules node dialect/testdata/ddl/gen.js
//
// Each statement is normalised as testdata/oracle/generate.js does: a
// statement that ends in ";" loses trailing blanks, any other gets ";".
// The Go tests (dialect/*/ddl_test.go, TestExtraGoldens) render the same
// calls through the DDL contract and compare.

const fs = require('fs');
const path = require('path');
const { Sequelize, DataTypes, Deferrable } = require('sequelize');

const id = { type: DataTypes.INTEGER, allowNull: false, primaryKey: true, autoIncrement: true };

function stubModule(dialect) {
  if (dialect === 'postgres') {
    return { types: { setTypeParser() {}, getTypeParser() { return (v) => v; }, builtins: {} }, Client: function Client() {} };
  }
  if (dialect === 'sqlite') {
    return { verbose() { return this; }, Database: function Database() {}, OPEN_READWRITE: 2, OPEN_CREATE: 4, OPEN_FULLMUTEX: 0x10000 };
  }
  return { createConnection() {}, createPool() {} };
}

function recorder(dialect) {
  const sequelize = new Sequelize({ dialect, dialectModule: stubModule(dialect), logging: false, databaseVersion: dialect === 'postgres' ? '15.0.0' : dialect === 'sqlite' ? '3.40.0' : '10.11.0' });
  let stmts = [];
  sequelize.query = async (sql, options = {}) => {
    sql = typeof sql === 'string' ? sql : sql.query;
    if (options.type === 'DESCRIBE') {
      const col = { type: 'VARCHAR(255)', allowNull: true, defaultValue: null, primaryKey: false };
      return { name: col, memo: col };
    }
    if (/^\s*(SELECT|SHOW|PRAGMA|DESCRIBE)\b/i.test(sql)) {
      return options.plain ? null : [[], []];
    }
    stmts.push(/;\s*$/.test(sql) ? sql.replace(/\s+$/, '') : `${sql};`);
    return [[], 0];
  };
  // ensureEnums refreshes the type OIDs after creating a type: nothing to do.
  sequelize.connectionManager._refreshDynamicOIDs = async () => {};
  const qi = sequelize.getQueryInterface();
  return {
    qi,
    async run(fn) {
      stmts = [];
      await fn(qi);
      return stmts;
    },
  };
}

const owners = { model: 'Owners', key: 'id' };

const cases = {
  postgres: {
    createTable_bigserial: (qi) => qi.createTable('Bigs', { id: { ...id, type: DataTypes.BIGINT }, name: DataTypes.STRING }),
    createTable_smallserial: (qi) => qi.createTable('Smalls', { id: { ...id, type: DataTypes.SMALLINT } }),
    createTable_misc: (qi) => qi.createTable('Items', {
      id,
      flag: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      note: { type: DataTypes.TEXT, comment: "it's a note" },
      code: { type: DataTypes.STRING, unique: true, defaultValue: 'a' },
      ownerId: { type: DataTypes.INTEGER, references: { ...owners, deferrable: Deferrable.INITIALLY_DEFERRED }, onDelete: 'CASCADE', onUpdate: 'CASCADE' },
    }, { comment: "items' table" }),
    createTable_schema: (qi) => qi.createTable({ tableName: 'Items', schema: 'app' }, {
      id,
      ownerId: { type: DataTypes.INTEGER, references: owners, onDelete: 'SET NULL', onUpdate: 'CASCADE' },
    }),
    createTable_enum_notnull: (qi) => qi.createTable('Items', {
      id,
      status: { type: DataTypes.ENUM('on', 'off'), allowNull: false, defaultValue: 'on' },
    }),
    addColumn_enum: (qi) => qi.addColumn('Items', 'status', { type: DataTypes.ENUM('on', 'off') }),
    addColumn_comment: (qi) => qi.addColumn('Items', 'memo', { type: DataTypes.TEXT, comment: "it's a memo" }),
    addColumn_ref: (qi) => qi.addColumn('Items', 'helperId', { type: DataTypes.INTEGER, references: { ...owners, deferrable: Deferrable.INITIALLY_DEFERRED }, onDelete: 'CASCADE', onUpdate: 'CASCADE' }),
    addColumn_schema_ref: (qi) => qi.addColumn({ tableName: 'Items', schema: 'app' }, 'helperId', { type: DataTypes.INTEGER, references: owners, onDelete: 'SET NULL', onUpdate: 'CASCADE' }),
    changeColumn_default: (qi) => qi.changeColumn('Items', 'flag', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true }),
    changeColumn_unique: (qi) => qi.changeColumn('Items', 'code', { type: DataTypes.STRING, unique: true }),
    changeColumn_default_unique: (qi) => qi.changeColumn('Items', 'code', { type: DataTypes.STRING, unique: true, defaultValue: 'a' }),
    changeColumn_comment: (qi) => qi.changeColumn('Items', 'note', { type: DataTypes.TEXT, comment: "it's a note" }),
    changeColumn_enum: (qi) => qi.changeColumn('Items', 'status', { type: DataTypes.ENUM('on', 'off'), allowNull: false, defaultValue: 'on' }),
    changeColumn_schema: (qi) => qi.changeColumn({ tableName: 'Items', schema: 'app' }, 'name', { type: DataTypes.STRING }),
    removeColumn_schema: (qi) => qi.removeColumn({ tableName: 'Items', schema: 'app' }, 'name'),
    renameColumn: (qi) => qi.renameColumn('Items', 'memo', 'remark'),
    renameColumn_schema: (qi) => qi.renameColumn({ tableName: 'Items', schema: 'app' }, 'name', 'title'),
    renameTable: (qi) => qi.renameTable('Items', 'Things'),
    dropTable_schema: (qi) => qi.dropTable({ tableName: 'Items', schema: 'app' }, { cascade: true }),
    removeIndex: (qi) => qi.removeIndex('Items', 'items_c'),
    addIndex_unnamed: (qi) => qi.addIndex('Items', ['ownerId', 'helperId']),
    addIndex_concurrently: (qi) => qi.addIndex('Items', { name: 'items_c', unique: true, concurrently: true, fields: [{ name: 'code', collate: 'C', order: 'ASC' }] }),
    addIndex_opclass_using: (qi) => qi.addIndex('Items', { name: 'items_o', using: 'BTREE', fields: [{ name: 'code', operator: 'text_pattern_ops' }] }),
    addIndex_schema: (qi) => qi.addIndex({ tableName: 'Items', schema: 'app' }, { name: 'items_s', fields: ['name'] }),
    addIndex_ignored_options: (qi) => qi.addIndex('Items', { name: 'items_i', type: 'FULLTEXT', parser: 'ngram', fields: [{ name: 'name', length: 5 }] }),
  },
  mysql: {
    createTable_misc: (qi) => qi.createTable('Items', {
      id,
      flag: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      note: { type: DataTypes.TEXT, comment: "it's a \"note\"\n\\" },
      code: { type: DataTypes.STRING, unique: true, defaultValue: 'a' },
      ownerId: { type: DataTypes.INTEGER, references: owners, onDelete: 'CASCADE', onUpdate: 'CASCADE' },
    }, { comment: "items' table", charset: 'utf8mb4', collate: 'utf8mb4_bin', initialAutoIncrement: 100, engine: 'InnoDB' }),
    createTable_no_defaults: (qi) => qi.createTable('Defaults', {
      id,
      body: { type: DataTypes.TEXT, defaultValue: 'x' },
      long: { type: DataTypes.TEXT('long'), defaultValue: 'x' },
      bin: { type: DataTypes.STRING.BINARY, defaultValue: 'y' },
      uid: { type: DataTypes.UUID, defaultValue: 'abc' },
      doc: { type: DataTypes.JSON, defaultValue: 'z' },
      blob: { type: DataTypes.BLOB, defaultValue: 'w' },
    }),
    createTable_pk_ref: (qi) => qi.createTable('Extras', {
      ownerId: { type: DataTypes.INTEGER, primaryKey: true, references: owners, onDelete: 'CASCADE' },
      data: DataTypes.STRING,
    }, { engine: 'MyISAM' }),
    createTable_schema: (qi) => qi.createTable({ tableName: 'Items', schema: 'app' }, {
      id,
      ownerId: { type: DataTypes.INTEGER, references: { model: { tableName: 'Owners', schema: 'app' }, key: 'id' }, onDelete: 'SET NULL', onUpdate: 'CASCADE' },
    }),
    addColumn_ref: (qi) => qi.addColumn('Items', 'helperId', { type: DataTypes.INTEGER, references: owners, onDelete: 'SET NULL', onUpdate: 'CASCADE' }),
    addColumn_comment: (qi) => qi.addColumn('Items', 'memo', { type: DataTypes.TEXT, comment: "it's a memo" }),
    addColumn_schema: (qi) => qi.addColumn({ tableName: 'Items', schema: 'app' }, 'memo', { type: DataTypes.STRING, allowNull: false, defaultValue: 'm' }),
    changeColumn_default: (qi) => qi.changeColumn('Items', 'flag', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true }),
    changeColumn_ref: (qi) => qi.changeColumn('Items', 'ownerId', { type: DataTypes.INTEGER, references: owners, onDelete: 'CASCADE', onUpdate: 'CASCADE' }),
    changeColumn_comment: (qi) => qi.changeColumn('Items', 'note', { type: DataTypes.TEXT, comment: "it's a note" }),
    changeColumn_unique: (qi) => qi.changeColumn('Items', 'code', { type: DataTypes.STRING(100), unique: true }),
    removeColumn: (qi) => qi.removeColumn('Items', 'memo'),
    removeColumn_schema: (qi) => qi.removeColumn({ tableName: 'Items', schema: 'app' }, 'memo'),
    renameTable: (qi) => qi.renameTable('Items', 'Things'),
    renameTable_schema: (qi) => qi.renameTable({ tableName: 'Items', schema: 'app' }, { tableName: 'Things', schema: 'arch' }),
    dropTable: (qi) => qi.dropTable('Items', { cascade: true }),
    removeIndex: (qi) => qi.removeIndex('Items', 'items_u'),
    addIndex_unnamed: (qi) => qi.addIndex('Items', ['ownerId', 'helperId']),
    addIndex_using: (qi) => qi.addIndex('Items', { name: 'items_u', using: 'BTREE', unique: true, fields: [{ name: 'code', length: 5, order: 'DESC' }] }),
    addIndex_fulltext_parser: (qi) => qi.addIndex('Items', { name: 'items_f', type: 'FULLTEXT', parser: 'ngram', fields: ['note'] }),
    addIndex_type_unique: (qi) => qi.addIndex('Items', { name: 'items_tu', type: 'UNIQUE', fields: ['flag'] }),
    addIndex_ignored_options: (qi) => qi.addIndex('Items', { name: 'items_i', concurrently: true, where: { code: 'x' }, fields: [{ name: 'code', collate: 'utf8mb4_bin', operator: 'x' }] }),
    addIndex_schema: (qi) => qi.addIndex({ tableName: 'Items', schema: 'app' }, { name: 'items_s', fields: ['memo'] }),
  },
  sqlite: {
    createTable_misc: (qi) => qi.createTable('Items', {
      id,
      flag: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      label: { type: DataTypes.STRING, defaultValue: 'false' },
      note: { type: DataTypes.TEXT, comment: "it's a note" },
      code: { type: DataTypes.STRING, unique: true, defaultValue: 'a' },
      ownerId: { type: DataTypes.INTEGER, references: owners, onDelete: 'CASCADE', onUpdate: 'CASCADE' },
    }),
    createTable_bigint_pk: (qi) => qi.createTable('Bigs', { id: { ...id, type: DataTypes.BIGINT }, name: { type: DataTypes.STRING, unique: true } }),
    createTable_pk_ref: (qi) => qi.createTable('Extras', {
      ownerId: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false, defaultValue: 1, references: owners, onDelete: 'CASCADE' },
      data: DataTypes.STRING,
    }),
    createTable_composite: (qi) => qi.createTable('Pairs', {
      a: { type: DataTypes.STRING, primaryKey: true, allowNull: false },
      b: { type: DataTypes.INTEGER, primaryKey: true, references: owners },
    }, { uniqueKeys: { ab: { fields: ['a', 'b'] } } }),
    createTable_schema: (qi) => qi.createTable({ tableName: 'Items', schema: 'app' }, {
      id,
      ownerId: { type: DataTypes.INTEGER, references: { model: { tableName: 'Owners', schema: 'app' }, key: 'id' }, onDelete: 'SET NULL' },
    }),
    addColumn_bool: (qi) => qi.addColumn('Items', 'active', { type: DataTypes.BOOLEAN, defaultValue: false }),
    addColumn_ref: (qi) => qi.addColumn('Items', 'helperId', { type: DataTypes.INTEGER, references: owners, onDelete: 'SET NULL', onUpdate: 'CASCADE' }),
    renameTable: (qi) => qi.renameTable('Items', 'Things'),
    dropTable: (qi) => qi.dropTable('Items', { cascade: true }),
    removeIndex: (qi) => qi.removeIndex('Items', 'items_c'),
    addIndex_unnamed: (qi) => qi.addIndex('Items', ['ownerId', 'helperId']),
    addIndex_collate_where: (qi) => qi.addIndex('Items', { name: 'items_c', unique: true, fields: [{ name: 'code', collate: 'NOCASE', order: 'DESC' }], where: { code: 'x' } }),
    addIndex_ignored_options: (qi) => qi.addIndex('Items', { name: 'items_i', using: 'BTREE', type: 'FULLTEXT', concurrently: true, parser: 'ngram', fields: [{ name: 'code', length: 5, operator: 'x' }] }),
    addIndex_schema: (qi) => qi.addIndex({ tableName: 'Items', schema: 'app' }, { name: 'items_s', fields: ['ownerId'] }),
  },
};
cases.mariadb = cases.mysql;

(async () => {
  for (const dialect of ['postgres', 'mysql', 'mariadb', 'sqlite']) {
    const rec = recorder(dialect);
    const out = [];
    for (const [name, fn] of Object.entries(cases[dialect])) {
      out.push({ name, stmts: await rec.run(fn) });
    }
    fs.writeFileSync(path.join(__dirname, `${dialect}.json`), `${JSON.stringify(out, null, 1)}\n`);
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
