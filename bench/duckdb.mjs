// DuckDB side of bench/crime, through @duckdb/node-api (pinned in
// bench/package.json). Run by bench/crime under /usr/bin/time; usable alone:
//
//   node bench/duckdb.mjs load  DB 'DIR/data/*/*.csv'    fresh DB, CREATE TABLE crimes AS read_csv(...)
//   node bench/duckdb.mjs first DB q1|q2 [query options]  open DB, answer once (CSV on stdout)
//   node bench/duckdb.mjs query DB q1|q2 RUNS [options]   open DB, one warm-up, then RUNS timed runs;
//                                                          CSV on stdout, "median_ms=..." on stderr
//   node bench/duckdb.mjs version
//
// Query options (defaults are the benchmark's): --area Stockport --type Burglary
//   --n 20 --from 2023-01 --to 2023-12
//
// Q1: month x crime type for one district (LSOA names start with the district's name)
// Q2: top N LSOAs nationally for one crime type (rows without an LSOA excluded)

import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

// police.uk columns, in file order, with explicit types so the sniffer cannot
// guess wrong (Month must stay text, Crime ID is hex text, Context is empty).
const COLUMNS = [
  ['crime_id', 'VARCHAR'],
  ['month', 'VARCHAR'],
  ['reported_by', 'VARCHAR'],
  ['falls_within', 'VARCHAR'],
  ['longitude', 'DOUBLE'],
  ['latitude', 'DOUBLE'],
  ['location', 'VARCHAR'],
  ['lsoa_code', 'VARCHAR'],
  ['lsoa_name', 'VARCHAR'],
  ['crime_type', 'VARCHAR'],
  ['last_outcome_category', 'VARCHAR'],
  ['context', 'VARCHAR'],
];

function sqlString(s) {
  return `'${String(s).replace(/'/g, "''")}'`;
}

function parseOptions(args) {
  const o = { area: 'Stockport', type: 'Burglary', n: 20, from: '2023-01', to: '2023-12' };
  for (let i = 0; i < args.length; i++) {
    const k = args[i];
    const v = args[i + 1];
    if (!k.startsWith('--') || v === undefined) throw new Error(`bad option ${k}`);
    const name = k.slice(2);
    if (!(name in o)) throw new Error(`unknown option ${k}`);
    o[name] = name === 'n' ? Number.parseInt(v, 10) : v;
    i++;
  }
  return o;
}

export function querySql(q, o) {
  if (q === 'q1')
    return `SELECT month, crime_type, count(*) AS n FROM crimes
 WHERE lsoa_name LIKE ${sqlString(o.area + ' %')}
   AND month BETWEEN ${sqlString(o.from)} AND ${sqlString(o.to)}
 GROUP BY 1, 2 ORDER BY 1, 2`;
  if (q === 'q2')
    return `SELECT lsoa_code, count(*) AS n FROM crimes
 WHERE crime_type = ${sqlString(o.type)}
   AND month BETWEEN ${sqlString(o.from)} AND ${sqlString(o.to)}
   AND lsoa_code IS NOT NULL AND lsoa_code <> ''
 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${Number(o.n)}`;
  throw new Error(`unknown query ${q} (want q1 or q2)`);
}

function toCsv(reader) {
  const names = reader.columnNames();
  const lines = [names.join(',')];
  for (const row of reader.getRows()) lines.push(row.map((v) => String(v)).join(','));
  return lines.join('\n') + '\n';
}

async function load(db, glob) {
  for (const f of [db, db + '.wal']) if (existsSync(f)) rmSync(f);
  const t0 = performance.now();
  const instance = await DuckDBInstance.create(db);
  const con = await instance.connect();
  const cols = COLUMNS.map(([n, t]) => `${sqlString(n)}: ${sqlString(t)}`).join(', ');
  await con.run(`CREATE TABLE crimes AS SELECT * FROM read_csv(${sqlString(glob)},
      header = true, delim = ',', quote = '"', columns = {${cols}})`);
  await con.run('CHECKPOINT');
  const rows = (await con.runAndReadAll('SELECT count(*) FROM crimes')).getRows()[0][0];
  con.closeSync();
  instance.closeSync();
  const ms = performance.now() - t0;
  process.stdout.write(`rows=${rows} load_ms=${ms.toFixed(1)}\n`);
}

async function open(db) {
  if (!existsSync(db)) throw new Error(`no database ${db} (run 'load' first)`);
  const instance = await DuckDBInstance.create(db);
  return { instance, con: await instance.connect() };
}

async function first(db, q, o) {
  const { instance, con } = await open(db);
  const reader = await con.runAndReadAll(querySql(q, o));
  process.stdout.write(toCsv(reader));
  con.closeSync();
  instance.closeSync();
}

async function query(db, q, runs, o) {
  const { instance, con } = await open(db);
  const sql = querySql(q, o);
  let reader = await con.runAndReadAll(sql); // warm-up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    reader = await con.runAndReadAll(sql);
    reader.getRows();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const median = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  process.stdout.write(toCsv(reader));
  process.stderr.write(`median_ms=${median.toFixed(3)} runs=${runs}\n`);
  con.closeSync();
  instance.closeSync();
}

async function main() {
  const [cmd, db, ...rest] = process.argv.slice(2);
  switch (cmd) {
    case 'load':
      if (!db || !rest[0]) throw new Error('usage: load DB GLOB');
      return load(db, rest[0]);
    case 'first':
      return first(db, rest[0], parseOptions(rest.slice(1)));
    case 'query':
      return query(db, rest[0], Number.parseInt(rest[1], 10) || 10, parseOptions(rest.slice(2)));
    case 'version': {
      const instance = await DuckDBInstance.create(':memory:');
      const con = await instance.connect();
      const v = (await con.runAndReadAll('SELECT version()')).getRows()[0][0];
      process.stdout.write(`${v}\n`);
      return;
    }
    default:
      throw new Error('usage: duckdb.mjs load|first|query|version ...');
  }
}

main().catch((e) => {
  process.stderr.write(`duckdb.mjs: ${e.message}\n`);
  process.exit(1);
});
