import fc from 'fast-check';
import type { RecordedEvent } from '@switchboard/event-store';
import {
  busiestTimes,
  CONTACT_GROUPS,
  CONTACT_PERIODS,
  type ContactMetricsOptions,
  type ContactState,
  contactStream,
  evolveContact,
  inRange,
  initialContactState,
} from '@switchboard/knowledge';
import { READ_STORE_KINDS, useReadStore } from '../testing/test-read-store';
import type { ReadStore } from '../store/read-store';
import { contactBusiestTimes, contactMetricsOf, contactMetricsReport, daysCovered } from './contact-metrics';
import { applyContactEvents } from './contact-projection';
import { rebuildContactRollup, rollupZone } from './contact-rollup';

const ZONE = 'America/New_York';
/** Eight days around the end of daylight saving time in New York (Sunday 1 November 2026). */
const BASE = Date.parse('2026-10-29T00:00:00Z');
const SPAN = 8 * 86_400_000;
const MINUTE = 60_000;
const LINES = ['311', 'CLERK', 'TREASURER'] as const;
const TICKETS = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'] as const;

type Step =
  | { kind: 'article'; articleId: string }
  | { kind: 'ticket'; ticketId: string; relation: 'opened' | 'enquired' }
  | { kind: 'transfer'; department: string; reached: boolean }
  | { kind: 'callback'; department: string; dueInMinutes: number | null; completedAfterMinutes: number | null; reached: boolean }
  | { kind: 'search' };

interface ContactPlan {
  readonly startMs: number;
  readonly line: string;
  readonly channel: 'phone' | 'chat' | 'walk_in';
  readonly steps: readonly Step[];
  readonly stepMinutes: readonly number[];
  /** Minutes (with a fraction, so ms) from start to end, or null for a contact still open. */
  readonly endAfterMinutes: number | null;
  readonly outcome: 'handled' | 'abandoned';
}

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('article' as const), articleId: fc.constantFrom('city-hall-hours', 'excise-tax-bill', 'polling-places') }),
  fc.record({ kind: fc.constant('ticket' as const), ticketId: fc.constantFrom(...TICKETS), relation: fc.constantFrom('opened' as const, 'enquired' as const) }),
  fc.record({ kind: fc.constant('transfer' as const), department: fc.constantFrom(...LINES), reached: fc.boolean() }),
  fc.record({
    kind: fc.constant('callback' as const),
    department: fc.constantFrom(...LINES),
    dueInMinutes: fc.option(fc.integer({ min: 10, max: 3 * 24 * 60 })),
    // A callback completed days later, or never.
    completedAfterMinutes: fc.option(fc.integer({ min: 5, max: 5 * 24 * 60 })),
    reached: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('search' as const) }),
);

const contactArb: fc.Arbitrary<ContactPlan> = fc.record({
  startMs: fc.integer({ min: BASE, max: BASE + SPAN - 1 }),
  line: fc.constantFrom(...LINES),
  channel: fc.constantFrom('phone' as const, 'chat' as const, 'walk_in' as const),
  steps: fc.array(stepArb, { maxLength: 4 }),
  // When each step happens: mostly during the call, some (a callback promised after a wrap-up) a day or two later.
  stepMinutes: fc.array(fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 3 * 24 * 60 })), { minLength: 4, maxLength: 4 }),
  // Most end within the half hour; some days later, a few more than 24 days later (handle times past 2^31 ms); some never.
  endAfterMinutes: fc.option(
    fc.oneof(
      fc.double({ min: 0.5, max: 30, noNaN: true }),
      fc.double({ min: 60, max: 4 * 24 * 60, noNaN: true }),
      fc.double({ min: 25 * 24 * 60, max: 30 * 24 * 60, noNaN: true }),
    ),
    { freq: 5 },
  ),
  outcome: fc.constantFrom('handled' as const, 'handled' as const, 'abandoned' as const),
});

interface Fixture {
  readonly contacts: readonly ContactPlan[];
  /** Tickets completed at intake, and when (minutes after the fixture's start; possibly after the contact ended). */
  readonly completions: readonly { ticketId: string; atMinutes: number }[];
  /** Batch sizes the events are projected in, and after which batches an earlier stretch is projected again. */
  readonly batches: readonly number[];
  readonly replays: readonly boolean[];
}

const fixtureArb: fc.Arbitrary<Fixture> = fc.record({
  contacts: fc.array(contactArb, { minLength: 1, maxLength: 18 }),
  completions: fc.uniqueArray(fc.record({ ticketId: fc.constantFrom(...TICKETS), atMinutes: fc.integer({ min: 0, max: 9 * 24 * 60 }) }), {
    selector: (c) => c.ticketId,
    maxLength: 4,
  }),
  batches: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 8 }),
  replays: fc.array(fc.boolean(), { maxLength: 8 }),
});

const instantArb = fc.oneof(
  fc.integer({ min: BASE - 86_400_000, max: BASE + SPAN + 86_400_000 }),
  // Local midnights, as a report by whole days asks.
  fc.integer({ min: -1, max: 9 }).map((day) => Date.parse('2026-10-29T04:00:00Z') + day * 86_400_000 + (day >= 4 ? 3_600_000 : 0)),
);
const optionsArb: fc.Arbitrary<{ options: ContactMetricsOptions; department?: string }> = fc
  .record({
    a: instantArb,
    b: instantArb,
    period: fc.constantFrom(...CONTACT_PERIODS),
    groupBy: fc.constantFrom(...CONTACT_GROUPS),
    department: fc.option(fc.constantFrom(...LINES), { nil: undefined }),
  })
  .filter(({ a, b }) => a !== b)
  .map(({ a, b, period, groupBy, department }) => ({
    options: { from: new Date(Math.min(a, b)), to: new Date(Math.max(a, b)), period, groupBy, timeZone: ZONE },
    department,
  }));

/** The fixture's events in the order they happened, positioned as an event store would. */
function eventsOf(fixture: Fixture): RecordedEvent[] {
  const timed: { at: number; streamName: string; type: string; data: Record<string, unknown> }[] = [];
  fixture.contacts.forEach((plan, i) => {
    const streamName = contactStream.streamName(`C${i}`);
    const push = (at: number, type: string, data: Record<string, unknown>) => timed.push({ at, streamName, type, data });
    push(plan.startMs, 'ContactStarted', { contactId: `C${i}`, channel: plan.channel, line: plan.line });
    plan.steps.forEach((step, s) => {
      const at = plan.startMs + (s + 1) * 7_001 + plan.stepMinutes[s] * MINUTE;
      if (step.kind === 'article') push(at, 'ArticleUsed', { articleId: step.articleId });
      else if (step.kind === 'ticket') push(at, 'TicketLinked', { ticketId: step.ticketId, relation: step.relation });
      else if (step.kind === 'transfer') push(at, 'ContactTransferred', { department: step.department, reached: step.reached });
      else if (step.kind === 'search') push(at, 'KnowledgeSearched', { query: 'where do I vote', resultCount: 0 });
      else {
        const dueBy = step.dueInMinutes === null ? {} : { dueBy: new Date(at + step.dueInMinutes * MINUTE).toISOString() };
        push(at, 'CallbackPromised', { callbackId: `cb${s}`, department: step.department, ...dueBy });
        if (step.completedAfterMinutes !== null)
          push(at + step.completedAfterMinutes * MINUTE, 'CallbackCompleted', { callbackId: `cb${s}`, reached: step.reached });
      }
    });
    if (plan.endAfterMinutes !== null) push(plan.startMs + 60_000 + Math.round(plan.endAfterMinutes * MINUTE), 'ContactEnded', { outcome: plan.outcome });
  });
  for (const { ticketId, atMinutes } of fixture.completions)
    timed.push({
      at: BASE + atMinutes * MINUTE,
      streamName: `ticket-${ticketId}`,
      type: 'TicketCompleted',
      data: { resolutionCode: 'answered', note: 'n', firstContactResolution: true },
    });
  const revisions = new Map<string, number>();
  return timed
    .map((event, i) => ({ ...event, i }))
    .sort((x, y) => x.at - y.at || x.i - y.i)
    .map(({ at, streamName, type, data }, n) => {
      const revision = revisions.get(streamName) ?? 0;
      revisions.set(streamName, revision + 1);
      return {
        id: `e${n}`,
        type,
        data,
        metadata: { occurredAt: new Date(at).toISOString(), actor: { id: 'op-ana', role: 'operator' } },
        streamName,
        revision,
        globalPosition: String(n + 1).padStart(20, '0'),
        recordedAt: new Date(at),
      } as unknown as RecordedEvent;
    });
}

/** Projects the events in the fixture's batches, projecting an earlier stretch again after some: a replay must count nothing twice. */
async function project(store: ReadStore, events: readonly RecordedEvent[], fixture: Fixture): Promise<void> {
  const write = (batch: readonly RecordedEvent[]) =>
    store.writeTransaction((trx) =>
      applyContactEvents(
        trx,
        store.dialect,
        batch.filter((e) => e.streamName.startsWith(contactStream.prefix)),
        { tickets: batch.filter((e) => e.streamName.startsWith('ticket-')), timeZone: ZONE },
      ),
    );
  let done = 0;
  for (let b = 0; done < events.length; b++) {
    const size = fixture.batches[b % fixture.batches.length];
    await write(events.slice(done, done + size));
    if (fixture.replays[b]) await write(events.slice(Math.max(0, done - size), done + size));
    done += size;
  }
}

/** The contacts as their streams fold, and the tickets completed at intake: what the pure functions are given. */
function truth(events: readonly RecordedEvent[]): { contacts: ContactState[]; completed: Set<string> } {
  const contacts = new Map<string, ContactState>();
  const completed = new Set<string>();
  for (const event of events) {
    if (event.type === 'TicketCompleted') completed.add(event.streamName.slice('ticket-'.length));
    const decoded = contactStream.decode(event);
    if (decoded) contacts.set(event.streamName, evolveContact(contacts.get(event.streamName) ?? initialContactState, decoded));
  }
  return { contacts: [...contacts.values()], completed };
}

const ROLLUP_TABLES = ['rm_contact_days', 'rm_contact_article_days', 'rm_contact_callbacks', 'rm_contact_ticket_links'] as const;

async function rollupDump(store: ReadStore): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of ROLLUP_TABLES) {
    const rows = await store.db.selectFrom(table).selectAll().execute();
    dump[table] = rows
      .map((row) =>
        JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' || typeof v === 'bigint' ? String(v) : v]))),
      )
      .sort();
  }
  return dump;
}

async function clear(store: ReadStore): Promise<void> {
  await store.writeTransaction(async (trx) => {
    for (const table of [...ROLLUP_TABLES, 'rm_contacts', 'rm_contact_searches', 'rm_contact_intake_completions'] as const)
      await trx.deleteFrom(table).execute();
  });
}

describe('the local days a range covers', () => {
  it('given a range from local midnight to local midnight across the end of daylight saving time, when covered, then every day is whole and no edge is left', () => {
    expect(daysCovered(new Date('2026-10-31T04:00:00Z'), new Date('2026-11-02T05:00:00Z'), ZONE)).toEqual({
      firstDay: '2026-10-31',
      endDay: '2026-11-02',
      start: new Date('2026-10-31T04:00:00Z'),
      end: new Date('2026-11-02T05:00:00Z'),
      edges: [],
    });
  });

  it('given a range that starts and ends mid-day, when covered, then the parts of a day at either end are its edges', () => {
    const from = new Date('2026-10-31T15:00:00Z');
    const to = new Date('2026-11-03T12:00:00Z');
    expect(daysCovered(from, to, ZONE)).toEqual({
      firstDay: '2026-11-01',
      endDay: '2026-11-03',
      start: new Date('2026-11-01T04:00:00Z'),
      end: new Date('2026-11-03T05:00:00Z'),
      edges: [
        { from, to: new Date('2026-11-01T04:00:00Z') },
        { from: new Date('2026-11-03T05:00:00Z'), to },
      ],
    });
  });

  it('given a range inside one day, when covered, then the whole range is an edge', () => {
    const from = new Date('2026-11-02T15:00:00Z');
    const to = new Date('2026-11-02T16:00:00Z');
    expect(daysCovered(from, to, ZONE).edges).toEqual([{ from, to }]);
  });
});

describe.each(READ_STORE_KINDS)('contact figures from the rollup (%s read store)', (kind) => {
  const { store } = useReadStore(kind);

  it('given contacts projected in batches with replays, ended and called back days later, and tickets completed at intake before or after the contact, when reported, then every figure equals the pure functions’ over the folded contacts', async () => {
    await fc.assert(
      fc.asyncProperty(fixtureArb, fc.array(optionsArb, { minLength: 3, maxLength: 3 }), async (fixture, queries) => {
        await clear(store());
        const events = eventsOf(fixture);
        await project(store(), events, fixture);
        expect(await rollupZone(store().db)).toBe(ZONE);
        const { contacts, completed } = truth(events);
        for (const { options, department } of queries) {
          const started = contacts.filter((contact) => inRange(contact.startedAt, options));
          const scope = { department };
          expect(await contactMetricsReport(store().db, options, scope)).toEqual(contactMetricsOf(started, completed, options, scope));
          expect(await contactBusiestTimes(store().db, options, scope)).toEqual(
            busiestTimes(department ? started.filter((c) => c.line === department) : started, options),
          );
        }
        const kept = await rollupDump(store());
        await store().writeTransaction((trx) => rebuildContactRollup(trx, store().dialect, ZONE));
        expect(await rollupDump(store())).toEqual(kept);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('given a bad range, when reported, then the RangeError names the option', async () => {
    const options = {
      from: new Date('2026-11-02T00:00:00Z'),
      to: new Date('2026-11-01T00:00:00Z'),
      period: 'day' as const,
      groupBy: 'line' as const,
      timeZone: ZONE,
    };
    await expect(contactMetricsReport(store().db, options)).rejects.toThrow(/^from:/);
    await expect(contactBusiestTimes(store().db, { ...options, timeZone: 'Mars/Olympus' })).rejects.toThrow(/^from:/);
    await expect(contactMetricsReport(store().db, { ...options, from: options.to, to: options.from, timeZone: 'Mars/Olympus' })).rejects.toThrow(/^timeZone:/);
  });
});
