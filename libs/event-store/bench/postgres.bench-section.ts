// The PostgreSQL section of `npm run bench:store`: the event store against raw pg inserts into a
// table of the same shape and indexes, and against a peer library's PostgreSQL event store
// (@event-driven-io/emmett-postgresql), all on one throw-away database of the same server, one
// event per append, synchronous_commit=on throughout. Pools of 10 connections everywhere.
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { PostgresEventStore } from '../src/postgres/postgres-event-store';
import { CONCURRENCY, DATA, printResults, ratio, SECONDS, timed, type Result } from './timing';

const POOL = 10;

async function onServer(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function rawTable(url: string, name: string): Promise<Pool> {
  const pool = new Pool({ connectionString: url, max: POOL });
  await pool.query(`CREATE TABLE ${name} (position bigserial PRIMARY KEY, event_id uuid NOT NULL UNIQUE, stream_name text NOT NULL,
    revision bigint NOT NULL, type text NOT NULL, data json NOT NULL, metadata json NOT NULL, recorded_at timestamptz NOT NULL,
    UNIQUE (stream_name, revision))`);
  return pool;
}

function rawInsert(pool: Pool, table: string): (stream: string, revision: number) => Promise<void> {
  const sql = `INSERT INTO ${table} (event_id, stream_name, revision, type, data, metadata, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`;
  return async (stream, revision) => {
    await pool.query(sql, [randomUUID(), stream, revision, 'BenchmarkEvent', JSON.stringify(DATA), '{}', new Date()]);
  };
}

async function storeWorkload(url: string, name: string, concurrency: number): Promise<Result> {
  const store = await PostgresEventStore.open(url, { maxConnections: POOL });
  const result = await timed(name, concurrency, async (a, i) => {
    await store.append(`s-${a}`, i === 0 ? 'no_stream' : i - 1, [{ id: randomUUID(), type: 'BenchmarkEvent', data: DATA }]);
  });
  const { commits, appends } = store.stats();
  await store.close();
  return concurrency > 1 ? { ...result, note: `${(appends / commits).toFixed(1)} appends per commit` } : result;
}

async function emmettWorkload(url: string, name: string, concurrency: number, prefix: string): Promise<Result> {
  const pool = new Pool({ connectionString: url, max: POOL });
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
  const versions = new Map<number, bigint>();
  let failed = 0;
  const result = await timed(name, concurrency, async (a) => {
    try {
      const { nextExpectedStreamVersion } = await store.appendToStream(`${prefix}-${a}`, [{ type: 'BenchmarkEvent', data: DATA }], {
        expectedStreamVersion: versions.get(a) ?? 'STREAM_DOES_NOT_EXIST',
      });
      versions.set(a, nextExpectedStreamVersion);
    } catch {
      failed++;
    }
  });
  await store.close();
  await pool.end();
  const ok = result.appends - failed;
  const elapsed = result.appends / result.perSecond;
  return { ...result, appends: ok, perSecond: ok / elapsed, note: failed > 0 ? `${failed} appends failed` : undefined };
}

/** Runs the PostgreSQL workloads on a database created for the run and dropped afterwards. */
export async function postgresSection(serverUrl: string): Promise<void> {
  const database = `switchboard_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(serverUrl);
  await onServer(serverUrl, `CREATE DATABASE ${database}`);
  url.pathname = `/${database}`;
  const db = url.toString();
  const results: Result[] = [];
  try {
    const raw = await rawTable(db, 'raw_events');
    const insert = rawInsert(raw, 'raw_events');
    results.push(await timed('raw pg, 1 appender, 1 INSERT (autocommit) per append', 1, (_, i) => insert('single', i)));
    results.push(await storeWorkload(`${db}?schema=store_single`, 'event store, 1 appender', 1));
    results.push(await emmettWorkload(db, 'emmett-postgresql 0.42, 1 appender', 1, 'single'));
    results.push(await timed(`raw pg, ${CONCURRENCY} appenders, 1 INSERT per append (pool of ${POOL})`, CONCURRENCY, (a, i) => insert(`s-${a}`, i)));
    await raw.end();
    results.push(await storeWorkload(`${db}?schema=store_concurrent`, `event store, ${CONCURRENCY} appenders (group commit, pool of ${POOL})`, CONCURRENCY));
    results.push(await emmettWorkload(db, `emmett-postgresql 0.42, ${CONCURRENCY} appenders (pool of ${POOL})`, CONCURRENCY, 'concurrent'));
  } finally {
    await onServer(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
  const [raw1, store1, emmett1, raw64, store64, emmett64] = results;
  console.log(`PostgreSQL event store append benchmark — ${new Date().toISOString()}, ${SECONDS}s per workload, synchronous_commit=on, ${url.host}`);
  printResults(results);
  console.log(`  single appender: event store / raw pg                ${ratio(store1, raw1)}  (goal >= 0.8)`);
  console.log(`  ${CONCURRENCY} appenders / single appender (event store)      ${ratio(store64, store1)}  (goal >= 5)`);
  console.log(`  ${CONCURRENCY} appenders: event store / raw pg                ${ratio(store64, raw64)}`);
  console.log(`  single appender: emmett-postgresql / raw pg          ${ratio(emmett1, raw1)}`);
  console.log(`  ${CONCURRENCY} appenders: emmett-postgresql / raw pg          ${ratio(emmett64, raw64)}`);
  console.log(`  event store / emmett-postgresql: 1 appender ${ratio(store1, emmett1)}, ${CONCURRENCY} appenders ${ratio(store64, emmett64)}`);
}
