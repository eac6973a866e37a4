import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { SqliteEventStore, type EventInput, type JsonObject } from '@switchboard/event-store';
import { CURRENT_SCHEMA_VERSION, ticketStreamName, type TicketEvent } from '@switchboard/ticketing';
import { createReadStore, rebuildReadModels, ReadModels, type ReadStore } from '../src';
import { demoCatalog } from '../src/testing/ticket-history';

/**
 * Rebuild throughput against a raw sequential read of the same events, queue and metrics query
 * latency, and peak RSS during rebuilds. `BENCH_EVENTS` sets the event count (default 1,000,000).
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DEPARTMENTS = ['DPW', 'CLERK', 'ISD', 'HEALTH', 'PARKS'];
const YEAR_START = Date.parse('2026-01-01T05:00:00Z');
const catalog = demoCatalog();

/** One ticket's history (about 6.7 events on average), spread over 2026. */
function history(i: number): TicketEvent[] {
  const id = `T${i}`;
  const department = DEPARTMENTS[i % DEPARTMENTS.length];
  const events: TicketEvent[] = [
    { type: 'TicketOpened', data: { ticketId: id, serviceCode: 'POTHOLE', owningDepartment: 'DPW', description: `Pothole number ${i}`, channel: i % 3 ? 'phone' : 'web', priority: (['low', 'normal', 'high', 'urgent'] as const)[i % 4], location: { address: `${i} Main St` } } },
    { type: 'TicketAssigned', data: { department, dueAt: new Date(YEAR_START + (i % 360) * 86_400_000 + 2 * 86_400_000).toISOString(), slaBusinessMs: 57_600_000 } },
    { type: 'WorkStarted', data: { assignee: `staff-${i % 40}` } },
  ];
  if (i % 3 === 0) events.push({ type: 'TicketPutOnHold', data: { reason: 'parts', remainingBusinessMs: 3_600_000 } }, { type: 'TicketResumed', data: { dueAt: new Date(YEAR_START + (i % 360) * 86_400_000 + 3 * 86_400_000).toISOString() } });
  if (i % 5 === 0) events.push({ type: 'TicketCommented', data: { commentId: `c${i}`, body: 'update', visibility: 'internal' } });
  if (i % 7 !== 0) events.push({ type: 'TicketCompleted', data: { resolutionCode: 'fixed', note: 'done', firstContactResolution: false } });
  else events.push({ type: 'TicketEscalated', data: { tier: 1, reason: 'complex' } });
  if (i % 2 === 0) events.push({ type: 'TicketCommented', data: { commentId: `d${i}`, body: 'note', visibility: 'public' } });
  return events;
}

function toInputs(i: number, events: TicketEvent[]): EventInput[] {
  const opened = YEAR_START + (i % 360) * 86_400_000 + (i % 600) * 60_000;
  return events.map((event, n) => ({
    id: randomUUID(),
    type: event.type,
    data: event.data as unknown as JsonObject,
    metadata: { eventId: randomUUID(), commandId: `c${i}-${n}`, correlationId: `c${i}`, causationId: `c${i}`, actor: { id: 'op', role: 'operator' }, occurredAt: new Date(opened + n * 3_600_000).toISOString(), schemaVersion: CURRENT_SCHEMA_VERSION[event.type] },
  }));
}

async function generate(store: SqliteEventStore): Promise<number> {
  let written = 0;
  for (let i = 0; written < EVENTS; ) {
    const appends: Promise<unknown>[] = [];
    for (let k = 0; k < 2_000 && written < EVENTS; k++, i++) {
      const events = history(i);
      written += events.length;
      appends.push(store.append(ticketStreamName(`T${i}`), 'no_stream', toInputs(i, events)));
    }
    await Promise.all(appends);
  }
  return written;
}

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
    await readModels.completionMetrics({ from: new Date('2026-01-01T05:00:00Z'), to: new Date('2027-01-01T05:00:00Z'), groupBy: 'department', period: 'month', timeZone: 'America/New_York' });
    metrics.push(performance.now() - start);
  }
  console.log(`  queue query (limit 50): ${percentiles(queue)}`);
  console.log(`  metrics query (one year, by department and month): ${percentiles(metrics)}`);
}

async function rebuild(label: string, events: SqliteEventStore, readStore: ReadStore, rawRate: number): Promise<void> {
  const peak = trackPeakRss();
  const start = performance.now();
  const { events: applied } = await rebuildReadModels({ eventStore: events, readStore, catalog });
  const seconds = (performance.now() - start) / 1000;
  const rate = applied / seconds;
  console.log(`${label}: rebuild ${applied} events in ${seconds.toFixed(1)} s = ${Math.round(rate)} events/s (${(rate / rawRate).toFixed(2)}x raw read), peak RSS ${Math.round(peak() / 1048576)} MB`);
  await timeQueries(new ReadModels({ readStore, eventStore: events }));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const path = join(dir, 'switchboard.db');
  const schema = `rm_bench_${randomBytes(4).toString('hex')}`;
  const events = SqliteEventStore.open(path, { synchronous: 'normal' });
  try {
    const genStart = performance.now();
    const written = await generate(events);
    console.log(`generated ${written} events in ${((performance.now() - genStart) / 1000).toFixed(1)} s`);

    const readStart = performance.now();
    let count = 0;
    for await (const event of events.readAll()) if (event.streamName) count++;
    const rawRate = count / ((performance.now() - readStart) / 1000);
    console.log(`raw sequential read: ${count} events at ${Math.round(rawRate)} events/s`);

    const sqlite = await createReadStore(`sqlite:${path}`);
    await rebuild('SQLite read store (same file)', events, sqlite, rawRate);
    await sqlite.close();

    const postgres = await createReadStore(`${POSTGRES_URL}?schema=${schema}`);
    await rebuild('PostgreSQL read store', events, postgres, rawRate);
    await postgres.close();
  } finally {
    await events.close();
    const client = new Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
