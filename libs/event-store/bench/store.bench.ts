// Append throughput of the SQLite event store against raw better-sqlite3 at the same durability
// (WAL, synchronous=FULL), measured in one run on one file system; then the PostgreSQL event store
// against raw pg inserts and a peer library's PostgreSQL store on the same server, with the same
// durability (synchronous_commit=on). Not a test: it prints ratios.
//   BENCH_SECONDS        seconds per workload (default 3)
//   BENCH_DIR            where the database files go (default ./.bench, next to where ./data would be)
//   BENCH_POSTGRES_URL   a server to create a throw-away database on (default postgres://postgres@127.0.0.1:5432/postgres);
//                        BENCH_POSTGRES=0 skips the PostgreSQL section
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '../src/sqlite/sqlite-event-store';
import { postgresSection } from './postgres.bench-section';
import { CONCURRENCY, DATA, printResults, ratio, SECONDS, timed, type Result } from './timing';

function rawDatabase(file: string): { insert: (stream: string, revision: number) => void; db: Database.Database } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, stream_name TEXT NOT NULL,
    revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL,
    UNIQUE (stream_name, revision))`);
  const statement = db.prepare('INSERT INTO events (event_id, stream_name, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insert = (stream: string, revision: number): void => {
    statement.run(randomUUID(), stream, revision, 'BenchmarkEvent', JSON.stringify(DATA), '{}', new Date().toISOString());
  };
  return { insert, db };
}

async function main(): Promise<void> {
  const base = resolve(process.env.BENCH_DIR ?? '.bench');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'store-'));
  const results: Result[] = [];
  try {
    const raw1 = rawDatabase(join(dir, 'raw-single.db'));
    results.push(await timed('raw better-sqlite3, 1 appender, 1 transaction per append', 1, (_, i) => raw1.insert('s', i)));
    raw1.db.close();

    const store1 = SqliteEventStore.open(join(dir, 'store-single.db'));
    results.push(
      await timed('event store, 1 appender', 1, async (_, i) => {
        await store1.append('s', i === 0 ? 'no_stream' : i - 1, [{ id: randomUUID(), type: 'BenchmarkEvent', data: DATA }]);
      }),
    );
    await store1.close();

    const raw64 = rawDatabase(join(dir, 'raw-concurrent.db'));
    results.push(await timed(`raw better-sqlite3, ${CONCURRENCY} appenders, 1 transaction per append`, CONCURRENCY, (a, i) => raw64.insert(`s-${a}`, i)));
    raw64.db.close();

    const rawBatch = rawDatabase(join(dir, 'raw-batched.db'));
    const batch = rawBatch.db.transaction((round: number) => {
      for (let a = 0; a < CONCURRENCY; a++) rawBatch.insert(`s-${a}`, round);
    });
    const batched = await timed(`raw better-sqlite3, ${CONCURRENCY} appends per transaction (ceiling)`, 1, (_, round) => batch(round));
    results.push({ ...batched, appends: batched.appends * CONCURRENCY, perSecond: batched.perSecond * CONCURRENCY });
    rawBatch.db.close();

    const store64 = SqliteEventStore.open(join(dir, 'store-concurrent.db'));
    const concurrent = await timed(`event store, ${CONCURRENCY} appenders (group commit)`, CONCURRENCY, async (a, i) => {
      await store64.append(`s-${a}`, i === 0 ? 'no_stream' : i - 1, [{ id: randomUUID(), type: 'BenchmarkEvent', data: DATA }]);
    });
    const { commits, appends } = store64.stats();
    results.push({ ...concurrent, note: `${(appends / commits).toFixed(1)} appends per commit` });
    await store64.close();

    // The cost of the hash chain (docs/audit.md): the same store writing no hashes, run in
    // alternating rounds with the chained store (ABAB…), so both see the same machine: on a shared
    // box the load moves more between two runs seconds apart than the chain costs.
    results.push(...(await alternating(dir, 1)), ...(await alternating(dir, CONCURRENCY)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  report(results);
  if (process.env.BENCH_POSTGRES !== '0') await postgresSection(process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
}

/** Rounds of the chained/unchained comparison, each SECONDS / ROUNDS long per store. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);

/** The chained and the unchained store appending with `appenders` appenders in alternating rounds: their totals, and the ratio of each round pair. */
async function alternating(dir: string, appenders: number): Promise<Result[]> {
  const stores = [true, false].map((chain) => SqliteEventStore.open(join(dir, `alternating-${chain}-${appenders}.db`), { chain }));
  const next = [0, 0].map(() => Array.from({ length: appenders }, () => 0));
  const totals = [
    { appends: 0, seconds: 0 },
    { appends: 0, seconds: 0 },
  ];
  const ratios: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const perSecond = [0, 0];
      // Which goes first alternates too.
      for (const which of round % 2 === 0 ? [0, 1] : [1, 0]) {
        const store = stores[which];
        const result = await timed(
          'round',
          appenders,
          async (a) => {
            const revision = next[which][a]++;
            await store.append(`s-${a}`, revision === 0 ? 'no_stream' : revision - 1, [{ id: randomUUID(), type: 'BenchmarkEvent', data: DATA }]);
          },
          SECONDS / ROUNDS,
        );
        totals[which].appends += result.appends;
        totals[which].seconds += result.appends / result.perSecond;
        perSecond[which] = result.perSecond;
      }
      ratios.push(perSecond[0] / perSecond[1]);
    }
  } finally {
    await Promise.all(stores.map((store) => store.close()));
  }
  ratios.sort((a, b) => a - b);
  const spread = `chained/unchained per round ${ratios[0].toFixed(2)}–${ratios[ratios.length - 1].toFixed(2)}, median ${ratios[Math.floor(ratios.length / 2)].toFixed(2)}`;
  const label = appenders === 1 ? '1 appender' : `${appenders} appenders (group commit)`;
  return [
    { name: `event store, ${label}, chained (alternating rounds)`, appends: totals[0].appends, perSecond: totals[0].appends / totals[0].seconds, note: spread },
    { name: `event store, ${label}, without chaining (alternating rounds)`, appends: totals[1].appends, perSecond: totals[1].appends / totals[1].seconds },
  ];
}

function report(results: readonly Result[]): void {
  const [raw1, store1, raw64, rawBatched, store64, chained1, unchained1, chained64, unchained64] = results;
  console.log(`Event store append benchmark — ${new Date().toISOString()}, node ${process.version}, ${SECONDS}s per workload, durable (WAL, synchronous=FULL)`);
  printResults(results);
  console.log(`  single appender: event store / raw                   ${ratio(store1, raw1)}  (goal >= 0.8)`);
  console.log(`  ${CONCURRENCY} appenders / single appender (event store)      ${ratio(store64, store1)}  (goal >= 5)`);
  console.log(`  ${CONCURRENCY} appenders: event store / raw 1 tx per append   ${ratio(store64, raw64)}`);
  console.log(`  ${CONCURRENCY} appenders: event store / raw batched ceiling   ${ratio(store64, rawBatched)}`);
  console.log(`  chained / unchained, 1 appender                      ${ratio(chained1, unchained1)}  (goal >= 0.9; fsync-bound)`);
  console.log(`  chained / unchained, ${CONCURRENCY} appenders                   ${ratio(chained64, unchained64)}  (goal >= 0.9)`);
}

if (require.main === module) void main();
