import fc from 'fast-check';
import { InMemoryEventStore } from '@switchboard/event-store';
import { encodeTicketEvent, stampEvent, ticketStreamName, type Actor, type TicketEvent } from '@switchboard/ticketing';
import { completionMetrics, GROUP_BYS, type CompletionMetricsOptions } from '../metrics/completion-metrics';
import { PERIODS } from '../metrics/periods';
import { metricFactsAtMoment } from '../temporal/facts-at-moment';
import type { Moment } from '../temporal/ticket-versions';
import { demoCatalog } from '../testing/ticket-history';
import { CompletionTally } from './completion-tally';
import { replayCompletion } from './replay-completion';
import { factsCountingIn } from './replay-as-of';
import { scanAll } from './scan-all';

// The report's one-pass replay, which forgets a ticket once it has ended, must answer exactly what
// the whole-history fold answers (the temporal read model's `metricFactsAtMoment`, then
// `completionMetrics`): random histories with reopens, events after an end and imports recorded
// late, at random moments on both axes, over random ranges, groups and periods.

const catalog = demoCatalog();
const ZONE = catalog.config.calendar.timeZone;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const BASE = Date.parse('2026-10-28T12:00:00Z');
const SPAN = 8 * 24 * HOUR;
const actor = { id: 'op-1', role: 'operator' } as Actor;
const SERVICES = [
  ['POTHOLE', 'DPW'],
  ['PARKING-METER', 'PARKING'],
] as const;

type Step = 'assign' | 'start' | 'escalate' | 'hold' | 'resume' | 'comment' | 'complete' | 'close' | 'reopen';
interface Plan {
  readonly openMs: number;
  readonly service: number;
  readonly imported: boolean;
  readonly steps: readonly { readonly step: Step; readonly afterMinutes: number }[];
}

const planArb: fc.Arbitrary<Plan> = fc.record({
  openMs: fc.integer({ min: BASE, max: BASE + SPAN - 1 }),
  service: fc.integer({ min: 0, max: SERVICES.length - 1 }),
  imported: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  steps: fc.array(
    fc.record({
      // Completions and reopens often, so tickets end, are forgotten and come back.
      step: fc.constantFrom<Step>('assign', 'start', 'escalate', 'hold', 'resume', 'comment', 'complete', 'complete', 'close', 'reopen', 'reopen'),
      afterMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 36 * 60 })),
    }),
    { maxLength: 8 },
  ),
});

const iso = (ms: number): string => new Date(ms).toISOString();

function eventOf(step: Step, at: number, ticketId: string, index: number, department: string): TicketEvent {
  switch (step) {
    case 'assign':
      return { type: 'TicketAssigned', data: { department, dueAt: iso(at + 24 * HOUR), slaBusinessMs: 8 * HOUR } };
    case 'start':
      return { type: 'WorkStarted', data: { assignee: 'staff-1' } };
    case 'escalate':
      return { type: 'TicketEscalated', data: { tier: 1, reason: 'complex' } };
    case 'hold':
      return { type: 'TicketPutOnHold', data: { reason: 'waiting', remainingBusinessMs: HOUR } };
    case 'resume':
      return { type: 'TicketResumed', data: { dueAt: iso(at + 12 * HOUR) } };
    case 'comment':
      return { type: 'TicketCommented', data: { commentId: `${ticketId}-c${index}`, body: 'noted', visibility: 'internal' } };
    case 'complete':
      return { type: 'TicketCompleted', data: { resolutionCode: 'fixed', note: 'done', firstContactResolution: index === 0 } };
    case 'close':
      return { type: 'TicketClosed', data: { reason: 'withdrawn' } };
    case 'reopen':
      return { type: 'TicketReopened', data: { reason: 'again', department, dueAt: iso(at + 48 * HOUR), slaBusinessMs: 16 * HOUR } };
  }
}

/** A log of the plans in an in-memory store: live tickets' events in the order they happened, recorded minutes later; imported tickets' old events last. */
async function logOf(plans: readonly Plan[], lagMinutes: readonly number[]): Promise<InMemoryEventStore> {
  let recordedAt = 0;
  const store = new InMemoryEventStore({ now: () => new Date(recordedAt) });
  const live: { ticket: number; revision: number; at: number; event: TicketEvent }[] = [];
  const imported: typeof live = [];
  plans.forEach((plan, ticket) => {
    const ticketId = `T${ticket}`;
    const [serviceCode, owningDepartment] = SERVICES[plan.service];
    let at = plan.openMs;
    const opened: TicketEvent = {
      type: 'TicketOpened',
      data: { ticketId, serviceCode, owningDepartment, description: 'a report', channel: ticket % 2 ? 'phone' : 'web', priority: 'normal' },
    };
    const events: { at: number; event: TicketEvent }[] = [{ at, event: opened }];
    plan.steps.forEach(({ step, afterMinutes }, index) => {
      at += afterMinutes * MINUTE;
      events.push({ at, event: eventOf(step, at, ticketId, index, owningDepartment) });
    });
    events.forEach(({ at: when, event }, revision) => (plan.imported ? imported : live).push({ ticket, revision, at: when, event }));
  });
  live.sort((a, b) => a.at - b.at || a.ticket - b.ticket || a.revision - b.revision);
  const importedAt = Math.max(BASE + SPAN, ...imported.map((e) => e.at)) + HOUR;
  for (const [index, { ticket, revision, at, event }] of [...live, ...imported].entries()) {
    recordedAt = Math.max(recordedAt + 1, index < live.length ? at + lagMinutes[index % lagMinutes.length] * MINUTE : importedAt + index);
    const stamped = stampEvent(event, revision, { commandId: `T${ticket}-${revision}`, actor, occurredAt: iso(at) });
    await store.append(ticketStreamName(`T${ticket}`), revision - 1 < 0 ? 'no_stream' : revision - 1, [encodeTicketEvent(stamped)]);
  }
  return store;
}

/** What the whole-history fold answers at the moment. */
async function expected(store: InMemoryEventStore, moment: Moment, options: CompletionMetricsOptions) {
  const facts = factsCountingIn(await metricFactsAtMoment(scanAll(store), catalog, moment), options.from, options.to);
  return { figures: completionMetrics(facts, options), tickets: facts.length };
}

describe('replayCompletion', () => {
  it('answers what the whole-history fold answers, at random moments on both axes, over random ranges, groups and periods', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(planArb, { minLength: 1, maxLength: 25 }),
        fc.array(fc.integer({ min: 0, max: 90 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom<Moment['axis']>('asOf', 'knownAt'),
        fc.integer({ min: -SPAN / 4, max: SPAN + SPAN / 2 }),
        fc.integer({ min: 0, max: SPAN }),
        fc.integer({ min: HOUR, max: SPAN + 2 * 24 * HOUR }),
        fc.constantFrom(...GROUP_BYS),
        fc.constantFrom(...PERIODS.filter((period) => period !== 'month')),
        async (plans, lags, axis, momentOffset, fromOffset, length, groupBy, period) => {
          const store = await logOf(plans, lags);
          const moment: Moment = { axis, at: new Date(BASE + momentOffset) };
          const from = new Date(BASE - 24 * HOUR + fromOffset);
          const options: CompletionMetricsOptions = { from, to: new Date(from.getTime() + length), groupBy, period, timeZone: ZONE };
          const replayed = await replayCompletion(store, catalog, moment, options);
          const whole = await expected(store, moment, options);
          expect(replayed.figures).toEqual(whole.figures);
          expect(replayed.tickets).toBe(whole.tickets);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('holds only the tickets open at once, however many have ended, and takes a reopened one back out of the figures', async () => {
    // 200 tickets one after another, each completed before the next opens; every 10th reopened and completed again later.
    const plans: Plan[] = Array.from({ length: 200 }, (_, i) => ({
      openMs: BASE + i * 30 * MINUTE,
      service: i % 2,
      imported: false,
      steps: [
        { step: 'assign', afterMinutes: 1 },
        { step: 'complete', afterMinutes: 10 + (i % 7) },
        ...(i % 10 === 0
          ? [
              { step: 'reopen' as const, afterMinutes: 12 * 60 },
              { step: 'complete' as const, afterMinutes: 60 },
            ]
          : []),
      ],
    }));
    const store = await logOf(plans, [0]);
    const moment: Moment = { axis: 'asOf', at: new Date(BASE + SPAN) };
    const options: CompletionMetricsOptions = { from: new Date(BASE), to: new Date(BASE + SPAN), groupBy: 'department', period: 'day', timeZone: ZONE };
    const replayed = await replayCompletion(store, catalog, moment, options);
    expect(replayed.figures).toEqual((await expected(store, moment, options)).figures);
    expect(replayed.tickets).toBe(200);
    expect(replayed.restored).toBe(20);
    // A reopened ticket is open while later tickets open and end: a few at once, never the 200.
    expect(replayed.peakOpen).toBeLessThanOrEqual(3);
  });
});

describe('CompletionTally', () => {
  it('equals completionMetrics over the tickets added and not taken back out', () => {
    const options: CompletionMetricsOptions = { from: new Date(BASE), to: new Date(BASE + SPAN), groupBy: 'service', period: 'day', timeZone: ZONE };
    const ticket = (i: number, completedAfterHours: number) => ({
      ticketId: `T${i}`,
      serviceCode: SERVICES[i % 2][0],
      channel: 'phone' as const,
      department: SERVICES[i % 2][1],
      openedAt: iso(BASE + i * HOUR),
      firstAssignedAt: iso(BASE + i * HOUR + 5 * MINUTE),
      assignBusinessMs: 5 * MINUTE,
      completedAt: iso(BASE + (i + completedAfterHours) * HOUR),
      completeBusinessMs: completedAfterHours * HOUR,
      closedAt: null,
      dueAt: iso(BASE + (i + 24) * HOUR),
      onTime: completedAfterHours <= 24,
      escalationCount: i % 3,
      reopenCount: 0,
      firstContactResolution: false,
    });
    const kept = Array.from({ length: 40 }, (_, i) => ticket(i, (i * 7) % 30));
    const tally = new CompletionTally(options);
    kept.forEach((facts) => tally.add(facts));
    // The same samples again, then taken back out (as a reopen takes back a completion): nothing changes.
    kept.slice(0, 15).forEach((facts) => tally.add(facts));
    kept.slice(0, 15).forEach((facts) => tally.remove(facts));
    expect(tally.figures()).toEqual(completionMetrics(kept, options));
  });
});
