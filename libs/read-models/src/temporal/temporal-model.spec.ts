import fc from 'fast-check';
import type { EventStore, RecordedEvent } from '@switchboard/event-store';
import { DAY_MS, instantOfWallTime, stampEvent, ticketStreamName, wallTimeOf, type Actor, type TicketEvent } from '@switchboard/ticketing';
import { replayTickets } from '../facts/replay-ticket-facts';
import { completionMetrics, GROUP_BYS, metricFactsOf, type CompletionMetricsOptions } from '../metrics/completion-metrics';
import { completionMetricsFromRollup } from '../metrics/completion-rollup';
import { rollupPartsOf } from '../metrics/rollup-changes';
import { applyBatch } from '../projection/apply-batch';
import { escalationsAmong } from '../queries/escalations';
import { ReadModels } from '../read-models';
import { factsCountingIn, occurredByTime } from '../replay/replay-as-of';
import { activeGeneration, generationTables } from '../store/generation-tables';
import type { ReadStore } from '../store/read-store';
import { READ_STORE_KINDS, useReadStore } from '../testing/test-read-store';
import { demoCatalog } from '../testing/ticket-history';
import { metricFactsAtMoment } from './facts-at-moment';
import type { Moment } from './ticket-versions';

// Random histories projected in random batches; at random moments the temporal read model must
// answer exactly what a replay of the log answers: as of (events that had occurred by then) and as
// known at (events recorded by then), and the live answer what a replay of everything answers.

const catalog = demoCatalog();
const ZONE = catalog.config.calendar.timeZone;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Six days around the end of daylight saving time in New York (Sunday 1 November 2026). */
const BASE = Date.parse('2026-10-29T12:00:00Z');
const SPAN = 6 * 24 * HOUR;
const actor = { id: 'op-1', role: 'operator' } as Actor;
const SERVICES = [
  ['POTHOLE', 'DPW'],
  ['TREE-DOWN', 'DPW'],
  ['PARKING-METER', 'PARKING'],
] as const;
const DEPARTMENTS = ['DPW', 'PARKS', 'PARKING'] as const;

type Step =
  | { kind: 'assign'; department: string; dueInHours: number | null }
  | { kind: 'start' }
  | { kind: 'escalate'; tier: 1 | 2; reason: 'complex' | 'overdue' }
  | { kind: 'hold'; late: boolean }
  | { kind: 'resume'; dueInHours: number | null }
  | { kind: 'comment' }
  | { kind: 'breach' }
  | { kind: 'complete'; fcr: boolean }
  | { kind: 'close' }
  | { kind: 'reopen'; department: string; dueInHours: number | null };

interface TicketPlan {
  readonly openMs: number;
  readonly service: number;
  /** Imported: its events are appended after everything else, with the times they say they happened. */
  readonly imported: boolean;
  readonly steps: readonly { readonly step: Step; readonly afterMinutes: number }[];
}

const due = fc.option(fc.integer({ min: 1, max: 72 }));
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('assign' as const), department: fc.constantFrom(...DEPARTMENTS), dueInHours: due }),
  fc.record({ kind: fc.constant('start' as const) }),
  fc.record({
    kind: fc.constant('escalate' as const),
    tier: fc.constantFrom(1 as const, 2 as const),
    reason: fc.constantFrom('complex' as const, 'overdue' as const),
  }),
  fc.record({ kind: fc.constant('hold' as const), late: fc.boolean() }),
  fc.record({ kind: fc.constant('resume' as const), dueInHours: due }),
  fc.record({ kind: fc.constant('comment' as const) }),
  fc.record({ kind: fc.constant('breach' as const) }),
  fc.record({ kind: fc.constant('complete' as const), fcr: fc.boolean() }),
  fc.record({ kind: fc.constant('close' as const) }),
  fc.record({ kind: fc.constant('reopen' as const), department: fc.constantFrom(...DEPARTMENTS), dueInHours: due }),
);
const ticketArb: fc.Arbitrary<TicketPlan> = fc.record({
  openMs: fc.integer({ min: BASE, max: BASE + SPAN - 1 }),
  service: fc.integer({ min: 0, max: SERVICES.length - 1 }),
  imported: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  steps: fc.array(
    // Some steps at the same instant as the one before (an opening routed in the same append), most minutes to days apart.
    fc.record({ step: stepArb, afterMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 48 * 60 })) }),
    { maxLength: 7 },
  ),
});

const iso = (ms: number): string => new Date(ms).toISOString();

function eventOf(step: Step, at: number, ticketId: string, index: number): TicketEvent {
  const dueAt = (hours: number | null) => (hours === null ? {} : { dueAt: iso(at + hours * HOUR), slaBusinessMs: hours * HOUR });
  switch (step.kind) {
    case 'assign':
      return { type: 'TicketAssigned', data: { department: step.department, ...dueAt(step.dueInHours) } };
    case 'start':
      return { type: 'WorkStarted', data: { assignee: 'staff-1' } };
    case 'escalate':
      return { type: 'TicketEscalated', data: { tier: step.tier, reason: step.reason } };
    case 'hold':
      return { type: 'TicketPutOnHold', data: { reason: 'waiting', ...(step.late ? { overdueSince: iso(at - HOUR) } : { remainingBusinessMs: HOUR }) } };
    case 'resume':
      return { type: 'TicketResumed', data: step.dueInHours === null ? {} : { dueAt: iso(at + step.dueInHours * HOUR) } };
    case 'comment':
      return { type: 'TicketCommented', data: { commentId: `${ticketId}-c${index}`, body: 'noted', visibility: 'internal' } };
    case 'breach':
      return { type: 'SlaBreached', data: { dueAt: iso(at - MINUTE) } };
    case 'complete':
      return { type: 'TicketCompleted', data: { resolutionCode: 'fixed', note: 'done', firstContactResolution: step.fcr } };
    case 'close':
      return { type: 'TicketClosed', data: { reason: 'withdrawn' } };
    case 'reopen':
      return { type: 'TicketReopened', data: { reason: 'again', department: step.department, ...dueAt(step.dueInHours) } };
  }
}

/** The log the plans make: live tickets' events in the order they happened (recorded a few minutes later), then the imported tickets' old events. */
function logOf(plans: readonly TicketPlan[], lags: readonly number[]): RecordedEvent[] {
  const live: { ticket: number; revision: number; at: number; event: TicketEvent }[] = [];
  const imported: typeof live = [];
  plans.forEach((plan, ticket) => {
    const ticketId = `T${ticket}`;
    const [serviceCode, owningDepartment] = SERVICES[plan.service];
    let at = plan.openMs;
    const events: TicketEvent[] = [
      {
        type: 'TicketOpened',
        data: { ticketId, serviceCode, owningDepartment, description: 'a report', channel: ticket % 2 ? 'phone' : 'web', priority: 'normal' },
      },
    ];
    const times = [at];
    plan.steps.forEach(({ step, afterMinutes }, index) => {
      at += afterMinutes * MINUTE;
      events.push(eventOf(step, at, ticketId, index));
      times.push(at);
    });
    events.forEach((event, revision) => (plan.imported ? imported : live).push({ ticket, revision, at: times[revision], event }));
  });
  live.sort((a, b) => a.at - b.at || a.ticket - b.ticket || a.revision - b.revision);
  // Imported after everything they tell of happened: an import is recorded after its history.
  const importedAt = Math.max(...live.map((e) => e.at), ...imported.map((e) => e.at)) + HOUR;
  let recorded = 0;
  return [...live, ...imported].map(({ ticket, revision, at, event }, index) => {
    const stamped = stampEvent(event, revision, { commandId: `T${ticket}-${revision}`, actor, occurredAt: iso(at) });
    recorded = Math.max(recorded + 1, index < live.length ? at + lags[index % lags.length] * MINUTE : importedAt + index);
    return {
      id: stamped.metadata.eventId,
      streamName: ticketStreamName(`T${ticket}`),
      revision,
      globalPosition: String(index + 1).padStart(20, '0'),
      recordedAt: new Date(recorded),
      type: stamped.type,
      data: stamped.data,
      metadata: stamped.metadata,
    } as unknown as RecordedEvent;
  });
}

async function project(store: ReadStore, log: readonly RecordedEvent[], cuts: readonly number[]): Promise<void> {
  const tables = generationTables(await activeGeneration(store.db));
  for (const table of Object.values(tables)) await store.db.deleteFrom(table as 'rm_ticket_versions').execute();
  let start = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (log.length + 1)))].sort((a, b) => a - b).concat(log.length)) {
    if (cut <= start) continue;
    const batch = log.slice(start, cut);
    await store.writeTransaction((trx) => applyBatch(trx, store.dialect, tables, batch, catalog));
    start = cut;
  }
}

const replayed = async (events: readonly RecordedEvent[]) => replayTickets(events, catalog);

describe.each(READ_STORE_KINDS)('the temporal read model (%s read store)', (kind) => {
  const { store } = useReadStore(kind);
  const readModels = () => new ReadModels({ readStore: store(), eventStore: {} as EventStore });

  it('answers completion metrics and escalations at any moment, as of and as known at, as a replay of the log does; now as a replay of all of it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ticketArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.array(fc.tuple(fc.constantFrom('asOf' as const, 'knownAt' as const), fc.oneof(fc.nat(), fc.integer({ min: BASE, max: BASE + SPAN + 24 * HOUR }))), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.oneof(
          fc.tuple(fc.integer({ min: BASE - 24 * HOUR, max: BASE + SPAN }), fc.integer({ min: HOUR, max: SPAN + 48 * HOUR })),
          // Whole local days (what the live answer reads from the rollup), across the end of daylight saving time.
          fc.tuple(fc.integer({ min: -1, max: 6 }), fc.integer({ min: 1, max: 9 })).map(([first, days]) => {
            const day = Math.floor(wallTimeOf(ZONE, BASE) / DAY_MS) + first;
            const start = instantOfWallTime(ZONE, day * DAY_MS);
            return [start, instantOfWallTime(ZONE, (day + days) * DAY_MS) - start] as [number, number];
          }),
        ),
        fc.constantFrom(...GROUP_BYS),
        fc.constantFrom('day' as const, 'week' as const, 'range' as const),
        async (plans, lags, cuts, moments, [fromMs, lengthMs], groupBy, period) => {
          const log = logOf(plans, lags);
          await project(store(), log, cuts);
          const asked: CompletionMetricsOptions = { from: new Date(fromMs), to: new Date(fromMs + lengthMs), groupBy, period, timeZone: ZONE };

          const all = await replayed(log);
          const live = completionMetrics(
            factsCountingIn(
              all.map((t) => metricFactsOf(t.facts)),
              asked.from,
              asked.to,
            ),
            asked,
          );
          expect(await readModels().completionMetrics(asked)).toEqual(live);

          for (const [axis, pick] of moments) {
            // Half the moments exactly at an event's occurred-at or recorded-at: where a version begins.
            const event = log[pick % log.length];
            const at = pick >= BASE ? new Date(pick) : axis === 'asOf' ? new Date(event.metadata.occurredAt as string) : event.recordedAt;
            const moment: Moment = { axis, at };
            const known = log.filter((e) => (axis === 'asOf' ? occurredByTime(e, at) : e.recordedAt <= at));
            const tickets = await replayed(known);

            const escalationsThen = escalationsAmong(tickets, catalog, { now: at, limit: 500 });
            expect(await readModels().escalationsAt(moment, { limit: 500 })).toEqual(escalationsThen);

            const to = asked.to > at ? at : asked.to;
            if (asked.from >= to) continue;
            const options = { ...asked, to };
            const expected = completionMetrics(
              factsCountingIn(
                tickets.map((t) => metricFactsOf(t.facts)),
                options.from,
                options.to,
              ),
              options,
            );
            expect(await readModels().completionMetrics(options, moment)).toEqual(expected);
            // The pure fold the CLI's replay uses answers the same.
            expect(completionMetrics(factsCountingIn(await metricFactsAtMoment(log, catalog, moment), options.from, options.to), options)).toEqual(expected);
          }
        },
      ),
      { numRuns: kind === 'sqlite' ? 60 : 30 },
    );
  }, 60_000);

  /** An instant on a local day around the end of daylight saving time: its midnight, a millisecond either side, or anywhere in it. */
  const instantArb = fc
    .tuple(fc.integer({ min: -1, max: 7 }), fc.oneof(fc.constantFrom(0, 1, -1), fc.integer({ min: 1, max: DAY_MS - 1 })))
    .map(([first, offset]) => instantOfWallTime(ZONE, (Math.floor(wallTimeOf(ZONE, BASE) / DAY_MS) + first) * DAY_MS) + offset);

  it('answers live completion metrics over ranges from and to any instant from the rollup, exactly as the facts do', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ticketArb, { minLength: 1, maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.tuple(instantArb, instantArb).filter(([a, b]) => a !== b),
        fc.constantFrom(...GROUP_BYS),
        fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'range' as const),
        async (plans, cuts, [a, b], groupBy, period) => {
          const log = logOf(plans, [1]);
          await project(store(), log, cuts);
          const asked: CompletionMetricsOptions = { from: new Date(Math.min(a, b)), to: new Date(Math.max(a, b)), groupBy, period, timeZone: ZONE };
          const facts = (await replayed(log)).map((t) => metricFactsOf(t.facts));
          const expected = completionMetrics(factsCountingIn(facts, asked.from, asked.to), asked);
          const db = store().db;
          const rolledUp = await completionMetricsFromRollup(db, generationTables(await activeGeneration(db)), asked);
          // Only a history with an anomalous ticket (one ended before it was assigned or opened) is left to the tickets.
          const anomalous = facts.some((f) => rollupPartsOf(f, ZONE).some((part) => part.counts.anomalous));
          expect(rolledUp).toEqual(anomalous ? undefined : expected);
          expect(await readModels().completionMetrics(asked)).toEqual(expected);
          if (anomalous) return;
          // The live answer is the rollup's: with the tickets' versions gone (what the fallback reads), it stays the same.
          await db.deleteFrom(generationTables(await activeGeneration(db)).versions).execute();
          expect(await readModels().completionMetrics(asked)).toEqual(expected);
        },
      ),
      { numRuns: kind === 'sqlite' ? 150 : 60 },
    );
  }, 120_000);
});
