import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { duplicateRadiusOf, parseCatalog, PRIORITIES } from '@switchboard/ticketing';
import { createReadStore, ReadModels } from '../src';
import { upsertRows } from '../src/projection/upsert-rows';
import { OPEN_TICKET_STATUSES } from '../src/queries/possible-duplicates';
import { residentEmailKey, residentPhoneKey } from '../src/queries/resident-keys';
import { addressKey } from '../src/queries/ticket-place';
import { generationTables } from '../src/store/generation-tables';
import type { TicketsTable } from '../src/store/read-db';
import type { ReadStore } from '../src/store/read-store';
import { onBothReadStores, percentile, ratioToBaseline } from './read-store-bench';

/**
 * Duplicate search latency with `BENCH_TICKETS` tickets (default 1,000,000) in the read store, on
 * SQLite and PostgreSQL: the tickets are written as rows straight into the active generation's
 * tickets table (batched multi-row inserts, not through the API), spread over a 12 km × 12 km city
 * and the demo catalog's services, one in six still open, addresses from 400 streets × 200 numbers,
 * a phone on two in five and an e-mail on one in five. Then `BENCH_ROUNDS` searches (default 2,000)
 * as the desk sends them: a service, a point, its address and the caller's phone (what GET
 * /tickets/possible-duplicates asks `ReadModels.possibleDuplicates`). The baseline, in the same run,
 * is a primary-key lookup of one ticket row. Prints p50 and p99 and the ratio of ours to the baseline.
 * Goal (issue 17): p99 ≤ 20 ms.
 */
const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2_000);
const ROOT = join(__dirname, '../../..');
const CITY = { latitude: 42.7, longitude: -71.15, spanDegrees: 0.11 };
const STREETS = ['Elm', 'Oak', 'Main', 'Maple', 'Pine', 'Cedar', 'Walnut', 'Chestnut', 'Broadway', 'Summer'];
const SUFFIXES = ['Street', 'St', 'Avenue', 'Road', 'Lane'];
const BATCH = 4096;

const catalog = parseCatalog(readFileSync(join(ROOT, 'libs/ticketing/config/demo-catalog.json'), 'utf8'), 'demo-catalog.json');
const services = catalog.services().map((service) => service.code);

/** mulberry32: a deterministic, well-spread stream, so both stores hold the very same tickets. */
function spread(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const addressOf = (next: () => number) =>
  `${1 + Math.floor(next() * 200)} ${STREETS[Math.floor(next() * STREETS.length)]}${Math.floor(next() * 40)} ${SUFFIXES[Math.floor(next() * SUFFIXES.length)]}`;
const phoneOf = (next: () => number) => `978-555-${String(Math.floor(next() * 100_000)).padStart(5, '0')}`;

function ticketRow(i: number, next: () => number): TicketsTable {
  const open = next() < 1 / 6;
  const status = open ? OPEN_TICKET_STATUSES[Math.floor(next() * OPEN_TICKET_STATUSES.length)] : next() < 0.8 ? 'completed' : 'closed';
  const opened = new Date(Date.parse('2024-01-01T00:00:00Z') + Math.floor(next() * 3 * 365 * 86_400_000)).toISOString();
  const address = addressOf(next);
  const located = next() < 0.85;
  const priority = PRIORITIES[Math.floor(next() * PRIORITIES.length)];
  return {
    ticket_id: `B${String(i).padStart(8, '0')}`,
    revision: 3,
    last_position: String(i).padStart(20, '0'),
    service_code: services[Math.floor(next() * services.length)],
    channel: 'phone',
    status,
    department: 'DPW',
    queue_department: open && status !== 'intake' ? 'DPW' : null,
    assignee: null,
    priority,
    priority_rank: PRIORITIES.indexOf(priority),
    escalation_tier: 0,
    on_hold: status === 'on_hold' ? 1 : 0,
    opened_at: opened,
    due_at: null,
    due_sort: '9999-12-31T23:59:59.999Z',
    overdue_since: null,
    sla_started_at: null,
    sla_business_ms: null,
    sla_next_check_at: null,
    sla_at_risk_at: null,
    escalation_reason: null,
    escalated_at: null,
    breached_at: null,
    description: `Reported at ${address}`,
    address,
    search_text: `reported at ${address}`.toLowerCase(),
    updated_at: opened,
    latitude: located ? CITY.latitude + next() * CITY.spanDegrees : null,
    longitude: located ? CITY.longitude + next() * CITY.spanDegrees : null,
    address_key: addressKey(address),
    resident_phone_key: next() < 0.4 ? residentPhoneKey(phoneOf(next)) : null,
    resident_email_key: next() < 0.2 ? residentEmailKey(`r${Math.floor(next() * 100_000)}@example.org`) : null,
    report_count: 1,
  };
}

async function load(store: ReadStore): Promise<number> {
  const started = performance.now();
  const next = spread(17);
  const { tickets } = generationTables(1);
  for (let done = 0; done < TICKETS; done += BATCH) {
    const rows: TicketsTable[] = [];
    for (let i = done; i < Math.min(TICKETS, done + BATCH); i++) rows.push(ticketRow(i, next));
    await store.writeTransaction((trx) => upsertRows(trx, store.dialect, tickets, 'ticket_id', rows));
  }
  await sql.raw(store.dialect === 'postgres' ? `analyze ${tickets}` : 'analyze').execute(store.db);
  return (performance.now() - started) / 1000;
}

async function measure(label: string, url: string): Promise<void> {
  const store = await createReadStore(url);
  try {
    const seconds = await load(store);
    const readModels = new ReadModels({ readStore: store, eventStore: undefined as never });
    const { tickets } = generationTables(1);
    const next = spread(99);
    const ours: number[] = [];
    const raw: number[] = [];
    let offered = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const serviceCode = services[Math.floor(next() * services.length)];
      const search = {
        serviceCode,
        radiusMeters: duplicateRadiusOf(catalog.service(serviceCode)!),
        latitude: CITY.latitude + next() * CITY.spanDegrees,
        longitude: CITY.longitude + next() * CITY.spanDegrees,
        address: addressOf(next),
        phone: phoneOf(next),
      };
      const id = `B${String(Math.floor(next() * TICKETS)).padStart(8, '0')}`;
      let started = performance.now();
      await store.db.selectFrom(tickets).selectAll().where('ticket_id', '=', id).executeTakeFirst();
      raw.push(performance.now() - started);
      started = performance.now();
      const found = await readModels.possibleDuplicates(search);
      ours.push(performance.now() - started);
      offered += found.nearby.length + found.callersOwn.length;
    }
    const p = (samples: number[], q: number) => percentile(samples, q).toFixed(2);
    console.log(
      `${label}: ${TICKETS} tickets written in ${seconds.toFixed(1)} s; ${ROUNDS} duplicate searches (service, point, address, phone; ${(offered / ROUNDS).toFixed(2)} offered on average) — ` +
        `ours p50 ${p(ours, 0.5)} ms, p99 ${p(ours, 0.99)} ms; primary-key lookup p50 ${p(raw, 0.5)} ms, p99 ${p(raw, 0.99)} ms; ` +
        `${ratioToBaseline(ours, raw)} (goal: p99 ≤ 20 ms)`,
    );
  } finally {
    await store.close();
  }
}

void onBothReadStores('dup', measure);
