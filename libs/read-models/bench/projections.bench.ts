import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { SqliteEventStore } from '@switchboard/event-store';
import { createReadStore, rebuildReadModels, ReadModels } from '../src';
import { demoCatalog } from '../src/testing/ticket-history';
import { lagUnderLoad } from './lag-under-load';
import { DEPARTMENTS, generate } from './ticket-histories';

/**
 * Rebuild throughput against a raw sequential read of the same events, queue and metrics query
 * latency, peak RSS during rebuilds, and projection lag under a sustained append load.
 * `BENCH_EVENTS` sets the event count (default 1,000,000). Each read store is measured in a child
 * process of its own, so its RSS is the rebuild's, not the generator's.
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const LOAD_EVENTS_PER_SECOND = 1_000;
const LOAD_SECONDS = 10;
const catalog = demoCatalog();

function trackPeakRss(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss);
  };
}

function percentiles(samples: number[]): string {
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.ceil(p * samples.length) - 1)].toFixed(2);
  return `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`;
}

async function timeQueries(readModels: ReadModels): Promise<void> {
  const now = new Date('2026-07-01T12:00:00Z');
  const queue: number[] = [];
  for (let i = 0; i < 500; i++) {
    const start = performance.now();
    await readModels.departmentQueue(DEPARTMENTS[i % DEPARTMENTS.length], { now, limit: 50 });
    queue.push(performance.now() - start);
  }
  const metrics: number[] = [];
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    await readModels.completionMetrics({
      from: new Date('2026-01-01T05:00:00Z'),
      to: new Date('2027-01-01T05:00:00Z'),
      groupBy: 'department',
      period: 'month',
      timeZone: 'America/New_York',
    });
    metrics.push(performance.now() - start);
  }
  console.log(`  queue query (limit 50): ${percentiles(queue)}`);
  console.log(`  metrics query (one year, by department and month): ${percentiles(metrics)}`);
}

/** Child: rebuilds one read store from the event file, times its queries, then its lag under load. */
async function measureStore(label: string, eventsPath: string, readStoreUrl: string, rawRate: number, firstLoadTicket: number): Promise<void> {
  const events = SqliteEventStore.open(eventsPath, { synchronous: 'normal' });
  const readStore = await createReadStore(readStoreUrl);
  try {
    const rssBefore = process.memoryUsage().rss;
    const peak = trackPeakRss();
    const start = performance.now();
    const { events: applied } = await rebuildReadModels({ eventStore: events, readStore, catalog });
    const seconds = (performance.now() - start) / 1000;
    const rate = applied / seconds;
    const mb = (bytes: number) => Math.round(bytes / 1048576);
    console.log(
      `${label}: rebuild ${applied} events in ${seconds.toFixed(1)} s = ${Math.round(rate)} events/s (${(rate / rawRate).toFixed(2)}x raw read), RSS ${mb(rssBefore)} MB before, peak ${mb(peak())} MB`,
    );
    await timeQueries(new ReadModels({ readStore, eventStore: events }));
    const load = await lagUnderLoad(events, readStore, firstLoadTicket, LOAD_EVENTS_PER_SECOND, LOAD_SECONDS);
    console.log(
      `  lag under ${Math.round(load.eventsPerSecond)} appended events/s for ${LOAD_SECONDS} s (${load.events} events), append to projected: ${percentiles([...load.lagMs])}, max ${Math.max(...load.lagMs).toFixed(1)} ms`,
    );
  } finally {
    await readStore.close();
    await events.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const path = join(dir, 'switchboard.db');
  const schema = `rm_bench_${randomBytes(4).toString('hex')}`;
  try {
    const events = SqliteEventStore.open(path, { synchronous: 'normal' });
    const genStart = performance.now();
    const written = await generate(events, EVENTS);
    console.log(`generated ${written} events in ${((performance.now() - genStart) / 1000).toFixed(1)} s`);
    const readStart = performance.now();
    let count = 0;
    for await (const event of events.readAll()) if (event.streamName) count++;
    const rawRate = count / ((performance.now() - readStart) / 1000);
    console.log(`raw sequential read: ${count} events at ${Math.round(rawRate)} events/s`);
    await events.close();

    // Ticket numbers above any generated one, so the load phases open new tickets (the second store also rebuilds the first one's).
    const child = (label: string, url: string, firstLoadTicket: number) =>
      execFileSync(process.execPath, [...process.execArgv, __filename, label, path, url, String(rawRate), String(firstLoadTicket)], { stdio: 'inherit' });
    child('SQLite read store (same file)', `sqlite:${path}`, EVENTS);
    child('PostgreSQL read store', `${POSTGRES_URL}?schema=${schema}`, 2 * EVENTS);
  } finally {
    const client = new Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

const [label, eventsPath, readStoreUrl, rawRate, firstLoadTicket] = process.argv.slice(2);
void (label ? measureStore(label, eventsPath, readStoreUrl, Number(rawRate), Number(firstLoadTicket)) : main());
