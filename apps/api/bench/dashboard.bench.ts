// `npm run bench:dashboard`: what the web console's director dashboard asks of the API — two
// completion reports (period=range and week, by department, 30 days) and the escalations list —
// live from the read models and as of a past moment (from the temporal read model: no replay),
// against a raw paged read of the whole log in the same run. Not a test: it prints figures.
//   BENCH_EVENTS  events in the seeded history (default 200,000; ~6.7 per ticket, spread over 2026)
//   BENCH_ROUNDS  dashboard loads per live / repeated as-of scenario (default 10)
//   BENCH_DIR     where the SQLite file goes (default ./.bench)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EVENT_STORE, type EventStore, SqliteEventStore } from '@switchboard/event-store';
import { createReadStore, rebuildReadModels, scanAll, systemClock } from '@switchboard/read-models';
import { demoCatalog } from '../../../libs/read-models/src/testing/ticket-history';
import { generate } from '../../../libs/read-models/bench/ticket-histories';
import { loadApiConfig } from '../src/config/api-config';
import { createApp } from '../src/create-app';
import { SlaWatchService } from '../src/sla/sla-watch.service';
import demoTokens from '../config/demo-tokens.json';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
/** Distinct asOf moments, each asked for the first time once. */
const MOMENTS = 3;
const DIRECTOR = `Bearer ${demoTokens.tokens['dee.director']}`;
// The API's clock: noon on the last day of the seeded year; the dashboard's default range is the 30 days up to now.
const NOW = new Date('2026-12-31T17:00:00Z');
const FROM = '2026-12-02T05:00:00.000Z';
/** asOf moments inside the range (one minute apart). */
const asOfMoment = (i: number) => new Date(Date.parse('2026-12-16T17:00:00Z') + i * 60_000).toISOString();

const ms = (since: number) => performance.now() - since;
const mb = (bytes: number) => Math.round(bytes / 1048576);
const at = (samples: number[], p: number) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.ceil(p * samples.length) - 1)];

/** The dashboard's three requests, at once, as the console sends them; resolves with the escalations listed. */
async function loadDashboard(base: string, asOf?: string): Promise<number> {
  const get = async (path: string, query: Record<string, string | undefined>) => {
    const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const response = await fetch(`${base}${path}?${params}`, { headers: { authorization: DIRECTOR } });
    if (!response.ok) throw new Error(`GET ${path}?${params} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { tickets: unknown[]; nextCursor: string | null };
  };
  const report = { from: FROM, to: asOf ?? NOW.toISOString(), groupBy: 'department', asOf };
  // Like the console: the first 200 escalations (the rest come with "Show more").
  const escalations = async () => (await get('/escalations', { asOf, limit: '200' })).tickets.length;
  const [, , listed] = await Promise.all([
    get('/metrics/completion', { ...report, period: 'range' }),
    get('/metrics/completion', { ...report, period: 'week' }),
    escalations(),
  ]);
  return listed;
}

/** Wall time of each dashboard load, in ms. */
async function rounds(count: number, load: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await load();
    times.push(ms(started));
  }
  return times;
}

/** Waits until the read models have applied the whole log. */
async function caughtUp(url: string): Promise<void> {
  for (;;) {
    const ready = (await (await fetch(`${url}/health/ready`)).json()) as { projectionLag?: { eventsBehind: number; checkpoint: string | null } };
    if (ready.projectionLag?.eventsBehind === 0 && ready.projectionLag.checkpoint !== null) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The seeding runs in a child process, so this process's peak RSS is the API's own. */
async function seed(file: string): Promise<void> {
  const store = SqliteEventStore.open(file);
  let started = performance.now();
  const written = await generate(store, EVENTS);
  console.log(`history: ${written} events written in ${(ms(started) / 1000).toFixed(1)} s (durable SQLite, synchronous=FULL)`);
  // The read models as an API restarted on this file finds them: built once, in the same file.
  started = performance.now();
  const readStore = await createReadStore(`sqlite:${file}`);
  await rebuildReadModels({ eventStore: store, readStore, catalog: demoCatalog() });
  await readStore.close();
  await store.close();
  console.log(`read models built in ${(ms(started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const base = resolve(process.env.BENCH_DIR ?? '.bench');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'dashboard-'));
  const file = join(dir, 'switchboard.db');
  execFileSync(process.execPath, [...process.execArgv, __filename, 'seed', file], { stdio: 'inherit' });

  // The real app on the seeded file, with its in-process projector and SLA watcher (the embedded default).
  const config = { ...loadApiConfig({}), eventStoreUrl: `sqlite:${file}`, logLevel: 'silent' as const, docs: false };
  const app = await createApp(config, { ...systemClock, now: () => NOW });
  try {
    let started = performance.now();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = await app.getUrl();
    // The SLA watcher settles every ticket overdue by now once (as a running API would have), then stays still so the log does.
    const watch = app.get(SlaWatchService);
    await watch.onModuleDestroy();
    const sla = await watch.watcher.scan();
    await caughtUp(url);
    console.log(
      `API up; the SLA watcher settled ${sla.tickets} overdue tickets (${sla.actions} actions), projected, in ${(ms(started) / 1000).toFixed(1)} s; RSS ${mb(process.memoryUsage().rss)} MB`,
    );

    const store = app.get<EventStore>(EVENT_STORE);
    const rawScan = async () => {
      let events = 0;
      for await (const _ of scanAll(store)) events++;
      return events;
    };
    const listed = await loadDashboard(url); // warm-up
    const live = await rounds(ROUNDS, () => loadDashboard(url));
    const livePeak = process.resourceUsage().maxRSS * 1024;
    // Raw scans and first as-of loads alternate, so both see the same machine.
    const raw: number[] = [];
    const first: number[] = [];
    let events = 0;
    for (let i = 0; i < MOMENTS; i++) {
      started = performance.now();
      events = await rawScan();
      raw.push(ms(started));
      started = performance.now();
      await loadDashboard(url, asOfMoment(i));
      first.push(ms(started));
    }
    const listedAsOf = await loadDashboard(url, asOfMoment(MOMENTS - 1)); // warm-up
    const repeated = await rounds(ROUNDS, () => loadDashboard(url, asOfMoment(MOMENTS - 1)));

    console.log(`\nDashboard (director, ${FROM.slice(0, 10)} – ${NOW.toISOString().slice(0, 10)}, by department) over ${events} events (${process.version})\n`);
    console.log('| what | median ms | p95 ms | samples |\n|---|---:|---:|---:|');
    const row = (what: string, samples: number[]) =>
      console.log(`| ${what} | ${at(samples, 0.5).toFixed(0)} | ${at(samples, 0.95).toFixed(0)} | ${samples.length} |`);
    row(`baseline: raw paged read of $all (${events} events)`, raw);
    row(`live (read models), ${listed} escalations listed`, live);
    row(`as of, first load at a new moment, ${listedAsOf} escalations listed`, first);
    row('as of, the same moment again', repeated);
    const ratio = (a: number[], b: number[]) => (at(a, 0.5) / at(b, 0.5)).toFixed(2);
    console.log(
      `\nas of, first / raw read: ${ratio(first, raw)}×; as of, first / live: ${ratio(first, live)}×; as of, repeated / live: ${ratio(repeated, live)}×`,
    );
    console.log(`peak RSS ${mb(livePeak)} MB after the live loads, ${mb(process.resourceUsage().maxRSS * 1024)} MB after ${MOMENTS} as-of moments`);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const [role, seedFile] = process.argv.slice(2);
(role === 'seed' ? seed(seedFile) : main()).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
