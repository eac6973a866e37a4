// `npm run bench:reports`: reports at city scale (issue 18). Not a test: it prints figures, each
// against a baseline measured in the same run. Per size it writes (once, kept in --dir) a city's
// history of several years into a SQLite event log through the store's group-committed appends,
// rebuilds the read models into SQLite (the same file) and PostgreSQL, and measures:
//   rebuild      read-model rebuild (blue-green, as `switchboard rebuild`) vs a raw sequential read
//   api          over the real API app started on the log (one child process per read store):
//                live dashboard (its three requests) p95; as-of dashboard first loads at 20 moments
//                never asked before, p95 vs live; a year by department and month p99; peak RSS
//   report       `switchboard report completion` (a child process, peak RSS) vs the raw read
//   whole        the same figures the way the report computed them before (every ticket folded and kept, then
//                completionMetrics; a child process running from the sources), for the before/after ratio
//   duckdb       DuckDB over the same tickets' facts as a flat table: the calendar-hour figures of
//                the year by department and month, vs our live GET /metrics/completion of it
// Flags (or the environment):
//   --sizes 1M,3M,10M     BENCH_EVENTS (default 1M)      --stores sqlite,postgres (default both)
//   --measure rebuild,api,report,duckdb (default all; seed: only write the histories)     --dir <folder> (default ./.bench/reports)
//   --rounds <n> loads per live scenario (default 20)     --moments <n> as-of moments (default 20)
//   --fresh  write the history again
// e.g. `npm run bench:reports -- --sizes 3M --stores sqlite --measure report`
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { SqliteEventStore } from '@switchboard/event-store';
import { completionMetrics, createReadStore, factsCountingIn, rebuildReadModels, replayAsOf, scanAll } from '../src';
import { periodsCovering } from '../src/metrics/periods';
import { demoCatalog } from '../src/testing/ticket-history';
import { buildWhenStale } from '../../../apps/api/scripts/built-api';
import { builtCli } from '../../../apps/cli/scripts/built-cli';
import { HISTORY_END, historySpan, writeCityHistory } from './city-histories';
import { BENCH_POSTGRES_URL, percentile } from './read-store-bench';

const STORES = ['sqlite', 'postgres'] as const;
type StoreKind = (typeof STORES)[number];
/** `seed` alone only writes the histories (e.g. the large ones early, in the background). */
const MEASURES = ['seed', 'rebuild', 'api', 'report', 'whole', 'duckdb'] as const;
const TIME_ZONE = 'America/New_York';
/** The last twelve whole months of the history. */
const YEAR = { from: '2025-11-01T04:00:00.000Z', to: '2026-11-01T04:00:00.000Z' };
/** The dashboard's default form: the 30 days up to now, by department. */
const DASHBOARD_FROM = new Date(HISTORY_END - 29 * 86_400_000).toISOString();

const ms = (since: number) => performance.now() - since;
const mb = (bytes: number) => Math.round(bytes / 1048576);
const sizeOf = (text: string): number => Math.round(Number(text.replace(/[mM]$/, '')) * (/[mM]$/.test(text) ? 1_000_000 : 1));
const label = (events: number) => (events % 1_000_000 === 0 ? `${events / 1_000_000}M` : String(events));
const readStoreUrl = (kind: StoreKind, dir: string, events: number) =>
  kind === 'sqlite' ? `sqlite:${join(dir, 'events.db')}` : `${BENCH_POSTGRES_URL}?schema=reports_bench_${label(events).toLowerCase()}`;

/** One printed figure: the table row it belongs to. */
interface Figure {
  readonly size: string;
  readonly store: string;
  readonly what: string;
  readonly value: string;
  readonly against: string;
}
const figures: Figure[] = [];
function record(figure: Figure): void {
  figures.push(figure);
  console.log(`  ${figure.size} ${figure.store}: ${figure.what} = ${figure.value} (${figure.against})`);
}

/** Writes the history of `events` events into `dir`/events.db once (a marker says it is complete). */
async function seed(dir: string, events: number, fresh: boolean): Promise<void> {
  const marker = join(dir, 'seeded.json');
  if (existsSync(marker) && !fresh) return void console.log(`history of ${label(events)} events: kept from ${readFileSync(marker, 'utf8').trim()}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let recordedAt = 0;
  // Each group is recorded when its latest event happened (as a live system would have recorded it), so "as known at" has a history too.
  const store = SqliteEventStore.open(join(dir, 'events.db'), { synchronous: 'normal', now: () => new Date(recordedAt || Date.now()) });
  const { start, end } = historySpan(events);
  const started = performance.now();
  let reported = 0;
  const written = await writeCityHistory(store, events, (done) => {
    if (done - reported >= 1_000_000) console.log(`  … ${(reported = done)} events, ${(ms(started) / 1000).toFixed(0)} s`);
    recordedAt = Math.min(end, start + ((end - start) * done) / events);
  });
  await store.close();
  const seconds = ms(started) / 1000;
  const what = `${written.events} events, ${written.tickets} tickets, ${new Date(start).toISOString().slice(0, 10)} to ${new Date(end).toISOString().slice(0, 10)}`;
  console.log(`history: ${what} written in ${seconds.toFixed(0)} s (${Math.round(written.events / seconds)} events/s)`);
  writeFileSync(marker, JSON.stringify({ what, seconds }) + '\n');
}

/** A raw sequential read of the whole log in the replay's own pages, without decoding: the baseline of the replay and the rebuild. */
async function rawRead(dir: string): Promise<{ events: number; seconds: number }> {
  const store = SqliteEventStore.open(join(dir, 'events.db'));
  const started = performance.now();
  let events = 0;
  for await (const event of scanAll(store)) if (event.streamName) events++;
  const seconds = ms(started) / 1000;
  await store.close();
  return { events, seconds };
}

/** Runs this file as a child for one measurement (its RSS is its own); the child prints one JSON line last. */
function child<T>(role: string, ...args: string[]): T {
  return nodeChild<T>([...process.execArgv, __filename, role, ...args]);
}

/** Runs Node with `args` in a child; its output's lines are passed on but the last, a JSON line, which is answered. */
function nodeChild<T>(args: string[]): T {
  const output = execFileSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
  });
  const lines = output.trim().split('\n');
  lines.slice(0, -1).forEach((line) => console.log(line));
  return JSON.parse(lines[lines.length - 1]) as T;
}

/** Child: a blue-green rebuild of one read store from the log. */
async function rebuildChild(dir: string, url: string): Promise<void> {
  const eventStore = SqliteEventStore.open(join(dir, 'events.db'));
  const readStore = await createReadStore(url);
  const started = performance.now();
  const { events } = await rebuildReadModels({ eventStore, readStore, catalog: demoCatalog() });
  const seconds = ms(started) / 1000;
  await readStore.close();
  await eventStore.close();
  console.log(JSON.stringify({ events, seconds, peakMb: mb(process.resourceUsage().maxRSS * 1024) }));
}

const digestOf = (figures: unknown): string => createHash('sha256').update(JSON.stringify(figures)).digest('hex').slice(0, 16);

/** Child: the report's figures as the CLI computed them before the one-pass replay — every ticket folded and kept (`replayAsOf`), then `completionMetrics`. */
async function wholeChild(dir: string, events: number): Promise<void> {
  const store = SqliteEventStore.open(join(dir, 'events.db'));
  const { start, end } = historySpan(events);
  const [from, to] = [new Date(start), new Date(end)];
  const started = performance.now();
  const tickets = await replayAsOf(store, demoCatalog(), to);
  const facts = factsCountingIn(
    tickets.map((ticket) => ticket.facts),
    from,
    to,
  );
  const figures = completionMetrics(facts, { from, to, groupBy: 'department', period: 'month', timeZone: TIME_ZONE });
  const seconds = ms(started) / 1000;
  await store.close();
  console.log(JSON.stringify({ seconds, tickets: facts.length, peakMb: mb(process.resourceUsage().maxRSS * 1024), digest: digestOf(figures) }));
}

interface ApiFigures {
  live: number[];
  asOfFirst: number[];
  year: number[];
  yearFigures: unknown[];
  rssAtStartMb: number;
  rssAfterLiveMb: number;
  rssAfterAsOfMb: number;
  events: string;
}

/**
 * The real API from its build (`reports-api-child.js`, built first when stale, as `npm start` does)
 * in a child process on the log and one read store, asked what the console asks; its peak RSS is
 * the API's own.
 */
function apiChild(dir: string, url: string, rounds: number, moments: number): ApiFigures {
  const entry = resolve(buildWhenStale());
  const tokens = JSON.parse(readFileSync(join(__dirname, '../../../apps/api/config/demo-tokens.json'), 'utf8')) as { tokens: Record<string, string> };
  const spec = {
    dist: dirname(entry),
    dir,
    url,
    rounds,
    moments,
    historyEnd: new Date(HISTORY_END).toISOString(),
    dashboardFrom: DASHBOARD_FROM,
    year: YEAR,
    director: tokens.tokens['dee.director'],
  };
  return nodeChild<ApiFigures>([join(__dirname, '../../../apps/api/bench/reports-api-child.js'), JSON.stringify(spec)]);
}

/**
 * `switchboard report completion` over the whole history in a child process, straight from the
 * CLI's build (made once before: the bin's own freshness check could rebuild inside the timing
 * when sources change); its wall time and peak RSS.
 */
function timedReport(dir: string, events: number, extra: string[] = []): { seconds: number; peakMb: number; tickets: string; digest: string } {
  const built = builtCli();
  const preload = join(__dirname, '../../../apps/cli/bench/print-peak-rss.js');
  const main = `const { processIo } = require(${JSON.stringify(join(built, 'cli-io.js'))}); require(${JSON.stringify(join(built, 'main.js'))})
    .main(process.argv.slice(1), processIo()).then((code) => (process.exitCode = code));`;
  const { start, end } = historySpan(events);
  const args = ['report', 'completion', '--from', new Date(start).toISOString(), '--to', new Date(end).toISOString(), '--by', 'department'];
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ['--require', preload, '-e', main, ...args, '--format', 'json', ...extra, '--store', `sqlite:${join(dir, 'events.db')}`],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  const seconds = ms(started) / 1000;
  if (run.status !== 0) throw new Error(`report completion failed (${run.status}): ${run.stderr}`);
  const peakKb = Number(/peak-rss-kb (\d+)/.exec(run.stderr)?.[1] ?? NaN);
  const digest = digestOf((JSON.parse(run.stdout) as { figures: unknown }).figures);
  return { seconds, peakMb: peakKb / 1024, tickets: /(\d+) tickets in range/.exec(run.stderr)?.[1] ?? '?', digest };
}

interface FlatFigure {
  group: string;
  period: string;
  opened: number;
  completed: number;
  closedWithoutCompletion: number;
  timeToComplete: { samples: number; medianHours: number | null; p90Hours: number | null };
}

/**
 * DuckDB over the same tickets' facts as a flat table (loaded from the SQLite read store, not
 * timed): the year by department and month — opened, completed, closed without completion, and
 * the nearest-rank median and 90th percentile of calendar hours to complete — in one SQL query.
 */
async function duckdbYear(dir: string, rounds: number): Promise<{ times: number[]; figures: FlatFigure[]; tickets: number }> {
  const sqlite = new Database(join(dir, 'events.db'), { readonly: true });
  const generation = (sqlite.prepare(`select active from rm_generations where projection = 'tickets'`).get() as { active: number }).active;
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  await duck.run('create table facts (department varchar, opened_ms bigint, completed_ms bigint, closed_ms bigint)');
  const appender = await duck.createAppender('facts');
  const at = (iso: string | null) => (iso === null ? null : BigInt(Date.parse(iso)));
  let tickets = 0;
  for (const row of sqlite.prepare(`select department, opened_at, completed_at, closed_at from rm_ticket_facts_g${generation}`).iterate() as Iterable<{
    department: string;
    opened_at: string;
    completed_at: string | null;
    closed_at: string | null;
  }>) {
    appender.appendVarchar(row.department);
    appender.appendBigInt(at(row.opened_at)!);
    for (const value of [at(row.completed_at), row.completed_at === null ? at(row.closed_at) : null]) {
      if (value === null) appender.appendNull();
      else appender.appendBigInt(value);
    }
    appender.endRow();
    tickets++;
  }
  appender.closeSync();
  sqlite.close();
  const months = periodsCovering(new Date(YEAR.from), new Date(YEAR.to), 'month', TIME_ZONE);
  await duck.run('create table months (label varchar, start_ms bigint, end_ms bigint)');
  await duck.run(`insert into months values ${months.map((m) => `('${m.label}', ${m.start}, ${m.end})`).join(', ')}`);
  const query = `
    with opened as (select department, m.label, count(*) n from facts join months m on opened_ms >= m.start_ms and opened_ms < m.end_ms group by all),
    closed as (select department, m.label, count(*) n from facts join months m on closed_ms >= m.start_ms and closed_ms < m.end_ms group by all),
    done as (
      select department, m.label, count(*) n, list((completed_ms - opened_ms) / 3600000.0 order by completed_ms - opened_ms) durations
      from facts join months m on completed_ms >= m.start_ms and completed_ms < m.end_ms group by all)
    select g.department, g.label, coalesce(o.n, 0) opened, coalesce(d.n, 0) completed, coalesce(c.n, 0) closed,
      d.durations[greatest(1, ceil(0.5 * d.n)::int)] median, d.durations[greatest(1, ceil(0.9 * d.n)::int)] p90
    from (select department, label from (select distinct department from facts) cross join months) g
    left join opened o using (department, label) left join done d using (department, label) left join closed c using (department, label)
    order by 1, 2`;
  let rows: Record<string, unknown>[] = [];
  const times: number[] = [];
  for (let i = 0; i <= rounds; i++) {
    const started = performance.now();
    rows = (await duck.runAndReadAll(query)).getRowObjects();
    if (i > 0) times.push(ms(started)); // the first is a warm-up
  }
  const figures = rows.map((row) => ({
    group: String(row.department),
    period: String(row.label),
    opened: Number(row.opened),
    completed: Number(row.completed),
    closedWithoutCompletion: Number(row.closed),
    timeToComplete: {
      samples: Number(row.completed),
      medianHours: row.median === null ? null : Number(row.median),
      p90Hours: row.p90 === null ? null : Number(row.p90),
    },
  }));
  return { times, figures, tickets };
}

/** Whether our figures and DuckDB's agree, cell for cell, on what both compute. */
function agreement(ours: unknown[], theirs: FlatFigure[]): string {
  const key = (f: { group: string; period: string }) => `${f.group} ${f.period}`;
  const served = new Map((ours as FlatFigure[]).filter((f) => f.opened + f.completed + f.closedWithoutCompletion > 0).map((f) => [key(f), f]));
  const flat = theirs.filter((f) => f.opened + f.completed + f.closedWithoutCompletion > 0);
  const differing = flat.filter((f) => {
    const o = served.get(key(f));
    return (
      !o ||
      o.opened !== f.opened ||
      o.completed !== f.completed ||
      o.closedWithoutCompletion !== f.closedWithoutCompletion ||
      o.timeToComplete.medianHours !== f.timeToComplete.medianHours ||
      o.timeToComplete.p90Hours !== f.timeToComplete.p90Hours
    );
  });
  return differing.length === 0 && served.size === flat.length
    ? `all ${flat.length} cells agree`
    : `${differing.length} of ${flat.length} cells differ (we serve ${served.size}), e.g. ${JSON.stringify(differing[0])}`;
}

async function dropSchema(events: number): Promise<void> {
  const client = new Client({ connectionString: BENCH_POSTGRES_URL });
  await client.connect();
  await client.query(`drop schema if exists reports_bench_${label(events).toLowerCase()} cascade`);
  await client.end();
}

const fmt = (value: number, digits = 0) => value.toFixed(digits);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: process.env.BENCH_EVENTS ?? '1M' },
      stores: { type: 'string', default: STORES.join(',') },
      measure: { type: 'string', default: MEASURES.slice(1).join(',') },
      dir: { type: 'string', default: process.env.BENCH_DIR ? join(process.env.BENCH_DIR, 'reports') : '.bench/reports' },
      rounds: { type: 'string', default: '20' },
      moments: { type: 'string', default: '20' },
      fresh: { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(sizeOf);
  const stores = values.stores.split(',') as StoreKind[];
  const measures = new Set(values.measure.split(','));
  const rounds = Number(values.rounds);
  const moments = Number(values.moments);
  for (const unknown of [...stores.filter((s) => !STORES.includes(s)), ...[...measures].filter((m) => !(MEASURES as readonly string[]).includes(m))])
    throw new Error(`unknown store or measurement ${unknown}: stores ${STORES.join(', ')}; measurements ${MEASURES.join(', ')}`);
  console.log(`bench:reports ${process.version}, sizes ${sizes.map(label).join(', ')}, stores ${stores.join(', ')}, measuring ${[...measures].join(', ')}`);

  for (const events of sizes) {
    const size = label(events);
    const dir = resolve(values.dir, size);
    if (values.fresh) await dropSchema(events);
    await seed(dir, events, values.fresh);
    if (measures.size === 1 && measures.has('seed')) continue;
    const raw = await rawRead(dir);
    console.log(`${size}: raw sequential read of $all: ${raw.events} events in ${raw.seconds.toFixed(1)} s (${Math.round(raw.events / raw.seconds)} events/s)`);
    const rawRate = raw.events / raw.seconds;
    const apiYear = new Map<StoreKind, ApiFigures>();
    for (const store of stores) {
      const url = readStoreUrl(store, dir, events);
      if (measures.has('rebuild')) {
        const rebuild = child<{ events: number; seconds: number; peakMb: number }>('rebuild', dir, url);
        const rate = rebuild.events / rebuild.seconds;
        record({
          size,
          store,
          what: 'rebuild events/s',
          value: `${Math.round(rate)} (${fmt(rebuild.seconds, 1)} s, peak ${rebuild.peakMb} MB)`,
          against: `${fmt(rate / rawRate, 2)}× the raw read (goal ≥ 0.5 on SQLite)`,
        });
      }
      if (measures.has('api')) {
        const api = apiChild(dir, url, rounds, moments);
        apiYear.set(store, api);
        const liveP95 = percentile(api.live, 0.95);
        const asOfP95 = percentile(api.asOfFirst, 0.95);
        record({ size, store, what: 'live dashboard p95 ms', value: fmt(liveP95), against: `p50 ${fmt(percentile(api.live, 0.5))} ms; goal ≤ 150 ms` });
        record({
          size,
          store,
          what: `as-of dashboard, first load (${moments} moments) p95 ms`,
          value: fmt(asOfP95),
          against: `${fmt(asOfP95 / liveP95, 2)}× live p95 (goal ≤ 2×)`,
        });
        record({
          size,
          store,
          what: 'year by department and month p99 ms',
          value: fmt(percentile(api.year, 0.99)),
          against: `p50 ${fmt(percentile(api.year, 0.5))} ms; goal ≤ 200 ms`,
        });
        record({
          size,
          store,
          what: `API peak RSS after ${moments} as-of moments MB`,
          value: String(api.rssAfterAsOfMb),
          against: `${api.rssAtStartMb} MB at start, ${api.rssAfterLiveMb} after the live loads (the API from its build); goal ≤ 400 MB`,
        });
      }
    }
    let reportDigest: string | undefined;
    if (measures.has('report')) {
      const report = timedReport(dir, events);
      reportDigest = report.digest;
      record({
        size,
        store: 'log',
        what: 'report completion s',
        value: `${fmt(report.seconds, 1)} (${Math.round(raw.events / report.seconds)} events/s, ${report.tickets} tickets)`,
        against: `${fmt(raw.seconds / report.seconds, 2)}× the raw read (goal ≥ 0.5)`,
      });
      record({ size, store: 'log', what: 'report completion peak RSS MB', value: fmt(report.peakMb), against: 'goal ≤ 250 MB at 10M' });
    }
    if (measures.has('whole')) {
      const whole = child<{ seconds: number; tickets: number; peakMb: number; digest: string }>('whole', dir, String(events));
      record({
        size,
        store: 'log',
        what: 'before: whole-history fold (every ticket kept) s',
        value: `${fmt(whole.seconds, 1)} (${whole.tickets} tickets), peak RSS ${whole.peakMb} MB`,
        against:
          `${fmt(raw.seconds / whole.seconds, 2)}× the raw read; from the sources (about 80 MB more at start than the CLI's build)` +
          (reportDigest ? `; figures ${reportDigest === whole.digest ? 'equal' : 'DIFFER from'} the report's` : ''),
      });
    }
    if (measures.has('duckdb')) {
      const duck = await duckdbYear(dir, rounds);
      const ours = apiYear.get('sqlite') ?? apiYear.get('postgres');
      const duckP50 = percentile(duck.times, 0.5);
      record({
        size,
        store: 'DuckDB',
        what: `year by department and month, flat table of ${duck.tickets} facts, p50 ms`,
        value: fmt(duckP50, 1),
        against: ours
          ? `ours (live GET /metrics/completion) p50 ${fmt(percentile(ours.year, 0.5))} ms = ${fmt(percentile(ours.year, 0.5) / duckP50, 1)}× DuckDB (goal ≤ 5×); ${agreement(ours.yearFigures, duck.figures)}`
          : 'run with --measure api too for the ratio',
      });
    }
  }
  console.log('\n| events | store | what | figure | against the baseline / goal |\n|---|---|---|---:|---|');
  for (const f of figures) console.log(`| ${f.size} | ${f.store} | ${f.what} | ${f.value} | ${f.against} |`);
}

const [role, ...args] = process.argv.slice(2);
const run = role === 'rebuild' ? rebuildChild(args[0], args[1]) : role === 'whole' ? wholeChild(args[0], Number(args[1])) : main();
run.catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
