#!/usr/bin/env node
/*
 * generate.js — the Sequelize v6 DDL oracle for the Go port (github.com/gosequelize/sequelize).
 *
 * What it does
 *   For every case in CASES below (documented in CASES.md) and every dialect (postgres, mariadb, mysql, sqlite)
 *   it creates an empty scratch database, defines the models with real Sequelize, runs
 *   `sequelize.sync({force: true})` (cases alter, alter_noop and cycle_resync first run an unrecorded force sync,
 *   then record a second sync: see CASES.md),
 *   and writes `<case>.<dialect>.sql`: every statement Sequelize logged, in execution order, one per line,
 *   "Executing (...): " stripped, a `;` appended when the logged text has none.
 *   Pure introspection queries (SELECT / SHOW / WITH / PRAGMA other than PRAGMA foreign_keys) are dropped;
 *   everything else is kept (CREATE/DROP/ALTER TABLE, CREATE TYPE, CREATE INDEX, COMMENT ON, PRAGMA foreign_keys,
 *   the INSERT ... SELECT copies of sqlite's table rebuilds).
 *   Lines starting with `--` are comments (header, sync phase markers, Sequelize warnings, errors, prerequisites
 *   that were run by this script and not by Sequelize); compare only the other lines.
 *   The full unfiltered log of every run (introspection included) goes to $TMPDIR/sequelize-oracle-raw/ (not committed).
 *   It also writes types-probe.md: for every data type of the `types` case, what each dialect emits (or the error)
 *   when that type is used alone.
 *   Each (case, dialect) runs in its own child process because Sequelize prints each data-type warning
 *   only once per process.
 *
 * Versions used for the committed files: node v20.20.2, sequelize 6.37.8, pg 8.23.1, pg-hstore 2.3.4,
 * mysql2 3.24.6, mariadb 2.5.6, sqlite3 6.0.1; servers PostgreSQL 15.18, MariaDB 10.11.19, SQLite 3.52.0 (bundled).
 * mariadb is pinned to 2.x, the range Sequelize v6 itself is tested with (devDependency ^2.5.5): with mariadb 3.1+
 * every raw query of the 'mariadb' dialect throws "Cannot delete property 'meta' of [object Array]"
 * (sequelize/sequelize#15701), so sync({alter: true}) dies at its first removeColumn. All other files are
 * byte-identical with mariadb 3.5.4.
 *
 * How to run:
 *   mkdir -p /tmp/oracle && cp testdata/oracle/package.json /tmp/oracle/ && cd /tmp/oracle
 *   export npm_config_nodedir=/usr && npm install          # sqlite3 builds from source (~2.5 min)
 *   source /tmp/seqdev/env                                  # SEQUELIZE_TEST_POSTGRES, SEQUELIZE_TEST_MYSQL
 *   NODE_PATH=/tmp/oracle/node_modules node /path/to/repo/testdata/oracle/generate.js
 * Options: --cases a,b  --dialects postgres,sqlite  --out DIR (default: this directory)  --no-probe
 *
 * Scratch databases: oracle_pg (PostgreSQL, superuser from SEQUELIZE_TEST_POSTGRES), oracle_my (MariaDB server,
 * used by both the 'mariadb' and the 'mysql' dialects), a temp file for sqlite. They are dropped at the end.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const DIALECTS = ['postgres', 'mariadb', 'mysql', 'sqlite'];
const PG_DB = 'oracle_pg';
const MY_DB = 'oracle_my';

// ---------------------------------------------------------------------------------------------------------------
// Cases. define(sequelize, ctx) declares the models; run(sequelize, ctx, rec) performs the sync (default: force).
// ctx = { dialect, DataTypes, literal, pg, my, sqlite } (my = mysql or mariadb dialect).
// ---------------------------------------------------------------------------------------------------------------

function defineBasicUser(sequelize, DataTypes) {
  return sequelize.define('User', {
    username: DataTypes.STRING,
    firstName: DataTypes.STRING,
    lastName: DataTypes.STRING,
  });
}

// Attribute list of the `types` case: [attributeName, (DataTypes) => attribute, dialect group]
// group 'all' = every dialect, 'pg' = postgres only, 'my' = mysql + mariadb only,
// 'notpg' = all but postgres (PostgreSQL has no TINYINT: Sequelize emits TINYINT and the server rejects it).
const TYPE_ATTRS = [
  ['string', (T) => T.STRING, 'all'],
  ['string64', (T) => T.STRING(64), 'all'],
  ['stringBinary', (T) => T.STRING.BINARY, 'all'],
  ['char10', (T) => T.CHAR(10), 'all'],
  ['text', (T) => T.TEXT, 'all'],
  ['textLong', (T) => T.TEXT('long'), 'all'],
  ['integer', (T) => T.INTEGER, 'all'],
  ['bigint', (T) => T.BIGINT, 'all'],
  ['smallint', (T) => T.SMALLINT, 'all'],
  ['tinyint', (T) => T.TINYINT, 'notpg'],
  ['float', (T) => T.FLOAT, 'all'],
  ['double', (T) => T.DOUBLE, 'all'],
  ['real', (T) => T.REAL, 'all'],
  ['decimal', (T) => T.DECIMAL, 'all'],
  ['decimal10_2', (T) => T.DECIMAL(10, 2), 'all'],
  ['boolean', (T) => T.BOOLEAN, 'all'],
  ['date', (T) => T.DATE, 'all'],
  ['date6', (T) => T.DATE(6), 'all'],
  ['dateonly', (T) => T.DATEONLY, 'all'],
  ['time', (T) => T.TIME, 'all'],
  ['uuid', (T) => ({ type: T.UUID, defaultValue: T.UUIDV4 }), 'all'],
  ['blob', (T) => T.BLOB, 'all'],
  ['json', (T) => T.JSON, 'all'],
  ['enumXY', (T) => T.ENUM('x', 'y'), 'all'],
  ['jsonb', (T) => T.JSONB, 'pg'],
  ['arrayInteger', (T) => T.ARRAY(T.INTEGER), 'pg'],
  ['rangeDate', (T) => T.RANGE(T.DATE), 'pg'],
  ['inet', (T) => T.INET, 'pg'],
  ['cidr', (T) => T.CIDR, 'pg'],
  ['macaddr', (T) => T.MACADDR, 'pg'],
  ['citext', (T) => T.CITEXT, 'pg'],
  ['tsvector', (T) => T.TSVECTOR, 'pg'],
  ['hstore', (T) => T.HSTORE, 'pg'],
  ['integerUnsignedZerofill', (T) => T.INTEGER.UNSIGNED.ZEROFILL, 'my'],
  ['mediumint', (T) => T.MEDIUMINT, 'my'],
];
const TYPE_LABELS = {
  string: 'STRING', string64: 'STRING(64)', stringBinary: 'STRING.BINARY', char10: 'CHAR(10)', text: 'TEXT',
  textLong: "TEXT('long')", integer: 'INTEGER', bigint: 'BIGINT', smallint: 'SMALLINT', tinyint: 'TINYINT',
  float: 'FLOAT', double: 'DOUBLE', real: 'REAL', decimal: 'DECIMAL', decimal10_2: 'DECIMAL(10,2)',
  boolean: 'BOOLEAN', date: 'DATE', date6: 'DATE(6)', dateonly: 'DATEONLY', time: 'TIME',
  uuid: 'UUID defaultValue UUIDV4', blob: 'BLOB', json: 'JSON', enumXY: "ENUM('x','y')", jsonb: 'JSONB',
  arrayInteger: 'ARRAY(INTEGER)', rangeDate: 'RANGE(DATE)', inet: 'INET', cidr: 'CIDR', macaddr: 'MACADDR',
  citext: 'CITEXT', tsvector: 'TSVECTOR', hstore: 'HSTORE', integerUnsignedZerofill: 'INTEGER.UNSIGNED.ZEROFILL',
  mediumint: 'MEDIUMINT',
};
function typeGroupApplies(group, ctx) {
  return group === 'all' || (group === 'pg' && ctx.pg) || (group === 'my' && ctx.my) || (group === 'notpg' && !ctx.pg);
}
// PostgreSQL extensions the pg-only types need; created by this script (not by Sequelize) before the run.
const PG_EXTENSIONS = ['CREATE EXTENSION IF NOT EXISTS hstore;', 'CREATE EXTENSION IF NOT EXISTS citext;'];

const CASES = {
  basic: {
    define(sequelize, { DataTypes }) {
      defineBasicUser(sequelize, DataTypes);
    },
  },

  seed: {
    define(sequelize, { DataTypes }) {
      const User = defineBasicUser(sequelize, DataTypes);
      const UserGroup = sequelize.define('UserGroup', { name: DataTypes.STRING });
      User.belongsTo(UserGroup, { as: 'group', foreignKey: 'groupId' });
    },
  },

  reference: {
    define(sequelize, { DataTypes }) {
      const User = sequelize.define('User', {
        email: { type: DataTypes.STRING, unique: true, allowNull: false },
        status: DataTypes.ENUM('a', 'b'),
        score: { type: DataTypes.DECIMAL(10, 2), defaultValue: 0 },
      }, { paranoid: true, indexes: [{ fields: ['score'] }] });
      const Task = sequelize.define('Task', { title: DataTypes.STRING }, { underscored: true, version: true });
      User.hasMany(Task);
    },
  },

  types: {
    prereq: (ctx) => (ctx.pg ? PG_EXTENSIONS : []),
    define(sequelize, ctx) {
      const attrs = {};
      for (const [name, mk, group] of TYPE_ATTRS) {
        if (typeGroupApplies(group, ctx)) attrs[name] = mk(ctx.DataTypes);
      }
      sequelize.define('Everything', attrs);
    },
  },

  keys: {
    define(sequelize, { DataTypes, pg }) {
      sequelize.define('Product', {
        code: { type: DataTypes.STRING, primaryKey: true },
        name: DataTypes.STRING,
      });
      sequelize.define('Membership', {
        userId: { type: DataTypes.INTEGER, primaryKey: true },
        groupId: { type: DataTypes.INTEGER, primaryKey: true },
        role: DataTypes.STRING,
      });
      sequelize.define('Document', {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        title: DataTypes.STRING,
      });
      if (pg) {
        sequelize.define('Counter', {
          id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, autoIncrementIdentity: true },
          label: DataTypes.STRING,
        });
      }
    },
  },

  options: {
    define(sequelize, { DataTypes, literal }) {
      sequelize.define('Person', { name: DataTypes.STRING }, { freezeTableName: true });
      sequelize.define('Customer', { name: DataTypes.STRING }, { tableName: 'custom_people' });
      sequelize.define('Article', {
        headline: DataTypes.STRING,
        authorName: DataTypes.STRING,
      }, { underscored: true, createdAt: 'created', updatedAt: false });
      sequelize.define('Note', { body: DataTypes.TEXT }, { timestamps: false });
      sequelize.define('Post', { title: DataTypes.STRING }, { paranoid: true, deletedAt: 'removedAt' });
      sequelize.define('Contact', {
        email: { type: DataTypes.STRING, field: 'e_mail' },
        phone: { type: DataTypes.STRING, comment: 'primary phone number' },
      }, { comment: 'address book entries' });
      sequelize.define('Setting', {
        kind: { type: DataTypes.STRING, allowNull: false, defaultValue: 'x' },
        startsAt: { type: DataTypes.DATE, defaultValue: DataTypes.NOW },
        stampedAt: { type: DataTypes.DATE, defaultValue: literal('CURRENT_TIMESTAMP') },
      });
      sequelize.define('Account', {
        firstName: { type: DataTypes.STRING, unique: 'compositeName' },
        lastName: { type: DataTypes.STRING, unique: 'compositeName' },
        login: { type: DataTypes.STRING, unique: { name: 'u_named', msg: 'taken' } },
      });
    },
  },

  indexes: {
    define(sequelize, { DataTypes, pg, my, sqlite }) {
      const attrs = {
        name: DataTypes.STRING,
        email: DataTypes.STRING,
        firstName: DataTypes.STRING,
        lastName: DataTypes.STRING,
        score: DataTypes.INTEGER,
        status: DataTypes.STRING,
        bio: DataTypes.TEXT,
      };
      if (pg) attrs.data = DataTypes.JSONB;
      const indexes = [
        { fields: ['name'] },
        { name: 'profiles_full_name_unique', unique: true, fields: ['firstName', 'lastName'] },
        { fields: [{ name: 'score', order: 'DESC' }] },
      ];
      if (my) indexes.push({ fields: [{ name: 'email', length: 10 }] });
      if (pg) indexes.push({ using: 'GIN', fields: ['data'] });
      if (pg || sqlite) indexes.push({ fields: ['status'], where: { status: 'active' } });
      if (my) indexes.push({ type: 'FULLTEXT', fields: ['bio'] });
      sequelize.define('Profile', attrs, { indexes });
    },
  },

  associations: {
    define(sequelize, { DataTypes }) {
      const A = sequelize.define('A', { name: DataTypes.STRING });
      const B = sequelize.define('B', { name: DataTypes.STRING });
      const C = sequelize.define('C', { name: DataTypes.STRING });
      A.hasOne(B);
      A.hasMany(C, { onDelete: 'CASCADE' });
      C.belongsTo(A);
      const D = sequelize.define('D', { name: DataTypes.STRING });
      const E = sequelize.define('E', { name: DataTypes.STRING });
      D.belongsToMany(E, { through: 'DE' });
      const Person = sequelize.define('Person', { name: DataTypes.STRING });
      Person.belongsTo(Person, { as: 'parent' });
      Person.belongsToMany(Person, { as: 'friends', through: 'Friendship' });
      const Log = sequelize.define('Log', { message: DataTypes.STRING });
      Log.belongsTo(A, { constraints: false });
      const Comment = sequelize.define('Comment', { body: DataTypes.STRING }, { underscored: true });
      Comment.belongsTo(A);
    },
  },

  through: {
    define(sequelize, { DataTypes }) {
      const Dev = sequelize.define('Dev', { name: DataTypes.STRING });
      const Repo = sequelize.define('Repo', { name: DataTypes.STRING });
      const Contribution = sequelize.define('Contribution', {
        role: { type: DataTypes.STRING, allowNull: false, defaultValue: 'member' },
        commits: DataTypes.INTEGER,
      });
      Dev.belongsToMany(Repo, { through: Contribution });
      Repo.belongsToMany(Dev, { through: Contribution });
      const Membership = sequelize.define('Membership', {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      });
      Dev.belongsToMany(Repo, { through: Membership, as: 'memberRepos' });
      Dev.belongsToMany(Repo, { through: { model: 'Stars', paranoid: true }, as: 'starred' });
    },
  },

  cycle: {
    define(sequelize, { DataTypes }) {
      const A = sequelize.define('A', { name: DataTypes.STRING });
      const B = sequelize.define('B', { name: DataTypes.STRING });
      A.belongsTo(B);
      B.belongsTo(A);
    },
  },

  // Extra: sync({force: true}) a second time over the existing cyclic tables (only the second run is recorded).
  cycle_resync: {
    define(sequelize, ctx) {
      CASES.cycle.define(sequelize, ctx);
    },
    async run(sequelize, ctx, rec) {
      rec.off();
      await sequelize.sync({ force: true });
      rec.on();
      rec.comment('a first sequelize.sync({force: true}) of case `cycle` ran before this point (not recorded)');
      await sequelize.sync({ force: true });
    },
  },

  // Extra: sync({alter: true}) with an unchanged model over the tables of case `basic`.
  alter_noop: {
    define(sequelize, { DataTypes }) {
      defineBasicUser(sequelize, DataTypes);
    },
    async run(sequelize, ctx, rec) {
      rec.off();
      await sequelize.sync({ force: true });
      rec.on();
      rec.comment('sequelize.sync({force: true}) of case `basic` ran before this point (not recorded); model unchanged');
      await sequelize.sync({ alter: true });
    },
  },

  alter: {
    define(sequelize, { DataTypes }) {
      defineBasicUser(sequelize, DataTypes);
    },
    async run(sequelize, { DataTypes }, rec) {
      rec.off();
      await sequelize.sync({ force: true });
      rec.on();
      rec.comment('sequelize.sync({force: true}) of case `basic` ran before this point (not recorded)');
      rec.comment('User redefined: {username: STRING, firstName: STRING, age: INTEGER} (lastName removed, age added)');
      sequelize.define('User', {
        username: DataTypes.STRING,
        firstName: DataTypes.STRING,
        age: DataTypes.INTEGER,
      });
      addMarkers(sequelize, rec);
      rec.comment('sequelize.sync({alter: true})');
      await sequelize.sync({ alter: true });
    },
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Infrastructure
// ---------------------------------------------------------------------------------------------------------------

function requireEnv(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (source /tmp/seqdev/env)`);
  return v;
}

function pgAdminConfig(database) {
  const u = new URL(requireEnv('SEQUELIZE_TEST_POSTGRES'));
  return {
    host: u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password), database: database || u.pathname.slice(1),
  };
}
function myAdminConfig() {
  const u = new URL(requireEnv('SEQUELIZE_TEST_MYSQL'));
  return {
    host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  };
}
function sqliteFile() {
  if (!process.env.ORACLE_SQLITE_FILE) process.env.ORACLE_SQLITE_FILE = path.join(os.tmpdir(), `sequelize-oracle-${process.pid}.sqlite`);
  return process.env.ORACLE_SQLITE_FILE;
}

async function pgExec(database, statements) {
  const { Client } = require('pg');
  const c = new Client(pgAdminConfig(database));
  await c.connect();
  try {
    for (const s of statements) await c.query(s);
  } finally {
    await c.end();
  }
}
async function myExec(statements) {
  const mysql = require('mysql2/promise');
  const c = await mysql.createConnection(myAdminConfig());
  try {
    for (const s of statements) await c.query(s);
  } finally {
    await c.end();
  }
}

async function resetDatabase(dialect) {
  if (dialect === 'postgres') {
    await pgExec(null, [`DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE)`, `CREATE DATABASE ${PG_DB}`]);
  } else if (dialect === 'mysql' || dialect === 'mariadb') {
    await myExec([`DROP DATABASE IF EXISTS ${MY_DB}`, `CREATE DATABASE ${MY_DB}`]);
  } else {
    fs.rmSync(sqliteFile(), { force: true });
  }
}
async function dropScratch(dialects) {
  if (dialects.includes('postgres')) await pgExec(null, [`DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE)`]);
  if (dialects.includes('mysql') || dialects.includes('mariadb')) await myExec([`DROP DATABASE IF EXISTS ${MY_DB}`]);
}

function newSequelize(dialect, logging) {
  const { Sequelize } = require('sequelize');
  const common = { dialect, logging, benchmark: false };
  if (dialect === 'postgres') {
    const c = pgAdminConfig(PG_DB);
    return new Sequelize({ ...common, host: c.host, port: c.port, username: c.user, password: c.password, database: c.database });
  }
  if (dialect === 'mysql' || dialect === 'mariadb') {
    const c = myAdminConfig();
    return new Sequelize({ ...common, host: c.host, port: c.port, username: c.user, password: c.password, database: MY_DB });
  }
  return new Sequelize({ ...common, storage: sqliteFile() });
}

function driverInfo(dialect) {
  const mod = { postgres: 'pg', mariadb: 'mariadb', mysql: 'mysql2', sqlite: 'sqlite3' }[dialect];
  let dir = path.dirname(require.resolve(mod));
  for (;;) {
    const f = path.join(dir, 'package.json');
    if (fs.existsSync(f)) {
      const pkg = JSON.parse(fs.readFileSync(f, 'utf8'));
      if (pkg.name === mod) return `${mod} ${pkg.version}`;
    }
    if (path.dirname(dir) === dir) return mod;
    dir = path.dirname(dir);
  }
}
async function serverVersion(sequelize) {
  const q = async (sql) => (await sequelize.query(sql, { logging: false, type: 'SELECT' }))[0].v;
  if (sequelize.getDialect() === 'sqlite') return `SQLite ${await q('SELECT sqlite_version() AS v')}`;
  if (sequelize.getDialect() === 'postgres') return `PostgreSQL ${(await q("SELECT current_setting('server_version') AS v")).split(' ')[0]}`;
  return `MariaDB server ${await q('SELECT VERSION() AS v')}`;
}

// Statements that only read the catalog. Everything else is kept.
function isIntrospection(sql) {
  if (/^PRAGMA\s+foreign_keys\s*=/i.test(sql)) return false;
  return /^\s*(SELECT|SHOW|PRAGMA|DESCRIBE|WITH)\b/i.test(sql);
}

function makeRecorder() {
  const lines = [];
  const raw = [];
  let recording = true;
  return {
    lines,
    raw,
    on() { recording = true; },
    off() { recording = false; },
    comment(text) { if (recording) lines.push(`-- ${text}`); },
    log(msg) {
      if (!recording) return;
      const sql = String(msg).replace(/^Executing \([^)]*\): /, '');
      raw.push(sql);
      if (isIntrospection(sql)) return;
      if (/[\r\n]/.test(sql)) throw new Error(`multi-line statement, cannot write one per line: ${sql}`);
      lines.push(/;\s*$/.test(sql) ? sql.replace(/\s+$/, '') : `${sql};`);
    },
  };
}

function addMarkers(sequelize, rec) {
  for (const model of Object.values(sequelize.models)) {
    if (model.__oracleMarked) continue;
    model.__oracleMarked = true;
    const table = () => {
      const t = model.getTableName();
      return typeof t === 'string' ? t : `${t.schema}.${t.tableName}`;
    };
    model.addHook('beforeSync', (opts) => {
      const flags = ['force', 'alter', 'withoutForeignKeyConstraints'].filter((k) => opts[k]).join(', ');
      rec.comment(`${model.name}.sync (table ${table()})${flags ? ` [${flags}]` : ''}`);
    });
  }
}

function ctxFor(dialect) {
  const { DataTypes, literal } = require('sequelize');
  return {
    dialect, DataTypes, literal,
    pg: dialect === 'postgres', my: dialect === 'mysql' || dialect === 'mariadb', sqlite: dialect === 'sqlite',
  };
}

// Child: run one case on one dialect, write <case>.<dialect>.sql
async function runCase(caseName, dialect, outDir) {
  const def = CASES[caseName];
  const ctx = ctxFor(dialect);
  const warnings = [];
  const origWarn = console.warn;
  console.warn = (...args) => warnings.push(args.join(' ').replace(/\s+/g, ' ').trim());
  const rec = makeRecorder();
  await resetDatabase(dialect);
  const prereq = def.prereq ? def.prereq(ctx) : [];
  if (prereq.length) await pgExec(PG_DB, prereq);
  const sequelize = newSequelize(dialect, (msg) => rec.log(msg));
  let error = null;
  let server = '';
  try {
    server = await serverVersion(sequelize);
    def.define(sequelize, ctx);
    addMarkers(sequelize, rec);
    sequelize.addHook('beforeBulkSync', (opts) => {
      rec.comment(`sequelize.sync(${opts.force ? '{force: true}' : opts.alter ? '{alter: true}' : ''}) starts${opts.force ? ': sequelize.drop() of all models' : ''}`);
    });
    if (def.run) await def.run(sequelize, ctx, rec);
    else await sequelize.sync({ force: true });
  } catch (e) {
    error = e;
  } finally {
    await sequelize.close().catch(() => {});
    console.warn = origWarn;
  }
  const header = [
    `-- case ${caseName}, dialect ${dialect}: DDL logged by sequelize ${require('sequelize/package.json').version} (${driverInfo(dialect)}; ${server})`,
    '-- generated by testdata/oracle/generate.js; introspection queries removed; lines starting with -- are comments',
  ];
  for (const p of prereq) header.push(`-- prerequisite run by generate.js, not by Sequelize: ${p}`);
  for (const w of warnings) header.push(`-- sequelize warning: ${w}`);
  const body = rec.lines.slice();
  if (error) {
    const msg = (error.original && error.original.message) || error.message;
    body.push(`-- ERROR (${error.name}): ${String(msg).replace(/\s+/g, ' ')}`);
    if (error.sql) body.push(`-- failing statement: ${String(error.sql).replace(/\s+/g, ' ')}`);
  }
  fs.writeFileSync(path.join(outDir, `${caseName}.${dialect}.sql`), [...header, ...body].join('\n') + '\n');
  fs.mkdirSync(path.join(os.tmpdir(), 'sequelize-oracle-raw'), { recursive: true });
  fs.writeFileSync(path.join(os.tmpdir(), 'sequelize-oracle-raw', `${caseName}.${dialect}.log`), rec.raw.join('\n') + '\n');
  if (error) process.stderr.write(`${caseName}.${dialect}: ${error.message}\n`);
}

// Child: for one dialect, sync each type of the `types` case alone; print JSON {attr: {ok, ddl, warnings, error}}.
async function runProbe(dialect) {
  const ctx = ctxFor(dialect);
  const result = {};
  await resetDatabase(dialect);
  if (ctx.pg) await pgExec(PG_DB, PG_EXTENSIONS);
  const origWarn = console.warn;
  for (const [name, mk] of TYPE_ATTRS) {
    const stmts = [];
    const warnings = [];
    console.warn = (...args) => warnings.push(args.join(' ').replace(/\s+/g, ' ').trim());
    const sequelize = newSequelize(dialect, (msg) => {
      const sql = String(msg).replace(/^Executing \([^)]*\): /, '');
      if (!isIntrospection(sql) && !/^DROP TABLE /i.test(sql) && !/^DROP TYPE IF EXISTS [^;]*;?$/i.test(sql)) stmts.push(sql);
    });
    try {
      sequelize.define('Probe', { [name]: mk(ctx.DataTypes) }, { timestamps: false, tableName: `probe_${name}` });
      await sequelize.sync({ force: true });
      result[name] = { ok: true, stmts, warnings };
    } catch (e) {
      const msg = (e.original && e.original.message) || e.message;
      result[name] = { ok: false, stmts, warnings, error: String(msg).replace(/\s+/g, ' ').replace(/ sql: .*$/, '').replace(/\(conn[=:]-?\d+, /, '(') };
    } finally {
      await sequelize.close().catch(() => {});
      console.warn = origWarn;
    }
  }
  process.stdout.write(JSON.stringify(result));
}

function columnFragment(stmts, name) {
  for (const s of stmts) {
    const m = /^CREATE TABLE/i.test(s) && s.match(new RegExp(`[\`"]${name}[\`"] (.*?)(?:, PRIMARY KEY|, [\`"]|\\) ENGINE|\\);?$)`));
    if (m) return m[1].trim();
  }
  return '?';
}

function writeProbe(outDir, results) {
  const out = [
    '# types-probe: what each dialect emits for every data type of the `types` case used alone',
    '',
    'Generated by generate.js (sequelize 6.37.8): for each type, a model `Probe` with that single attribute',
    '(timestamps: false, tableName `probe_<attr>`, implicit `id`) is synced with `{force: true}`; the cell shows the',
    'column definition Sequelize put into CREATE TABLE, any extra statements (e.g. CREATE TYPE), Sequelize warnings,',
    'or the error. Group: which dialects the `types` case (`types.<dialect>.sql`) includes this type for.',
    '',
    `| attribute | DataType | group | ${DIALECTS.join(' | ')} |`,
    `|---|---|---|${DIALECTS.map(() => '---').join('|')}|`,
  ];
  const esc = (s) => s.replace(/\|/g, '\\|');
  for (const [name, , group] of TYPE_ATTRS) {
    const cells = DIALECTS.map((d) => {
      const r = results[d] && results[d][name];
      if (!r) return 'not run';
      const parts = [];
      if (r.ok) parts.push(`\`${esc(columnFragment(r.stmts, name))}\``);
      for (const s of r.stmts) if (!/^(CREATE TABLE|PRAGMA)/i.test(s)) parts.push(`+ \`${esc(s)}\``);
      for (const w of r.warnings) parts.push(`warning: ${esc(w.replace(/^\(sequelize\) Warning: /, '').replace(/ >> Check: .*$/, ''))}`);
      if (!r.ok) parts.push(`**error**: ${esc(r.error)}`);
      return parts.join('<br>');
    });
    out.push(`| ${name} | ${esc(TYPE_LABELS[name])} | ${group} | ${cells.join(' | ')} |`);
  }
  fs.writeFileSync(path.join(outDir, 'types-probe.md'), out.join('\n') + '\n');
}

function parseArgs(argv) {
  const a = { cases: Object.keys(CASES), dialects: DIALECTS, out: __dirname, probe: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--cases') a.cases = argv[++i].split(',');
    else if (argv[i] === '--dialects') a.dialects = argv[++i].split(',');
    else if (argv[i] === '--out') a.out = path.resolve(argv[++i]);
    else if (argv[i] === '--no-probe') a.probe = false;
    else if (argv[i] === '--child-case') a.childCase = argv[++i];
    else if (argv[i] === '--child-probe') a.childProbe = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return a;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.childCase) return runCase(args.childCase, args.dialects[0], args.out);
  if (args.childProbe) return runProbe(args.dialects[0]);
  fs.mkdirSync(args.out, { recursive: true });
  sqliteFile(); // fixes ORACLE_SQLITE_FILE for the children
  const child = (extra) => execFileSync(process.execPath, [__filename, ...extra], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env, maxBuffer: 64 << 20 });
  try {
    for (const c of args.cases) {
      if (!CASES[c]) throw new Error(`unknown case ${c}`);
      for (const d of args.dialects) {
        child(['--child-case', c, '--dialects', d, '--out', args.out]);
        process.stdout.write(`wrote ${c}.${d}.sql\n`);
      }
    }
    if (args.probe) {
      const results = {};
      for (const d of args.dialects) results[d] = JSON.parse(child(['--child-probe', '--dialects', d]).toString());
      writeProbe(args.out, results);
      process.stdout.write('wrote types-probe.md\n');
    }
  } finally {
    await dropScratch(args.dialects).catch((e) => process.stderr.write(`dropping scratch databases: ${e.message}\n`));
    fs.rmSync(sqliteFile(), { force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
