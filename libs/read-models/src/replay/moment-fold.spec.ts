import fc from 'fast-check';
import type { RecordedEvent } from '@switchboard/event-store';
import { encodeTicketEvent, stampEvent, ticketStreamName, type Actor, type TicketEvent } from '@switchboard/ticketing';
import { foldAtMoment, type TicketAtMoment } from '../temporal/facts-at-moment';
import { metricFactsOfVersion, type Moment, normalised } from '../temporal/ticket-versions';
import { demoCatalog } from '../testing/ticket-history';
import { hasEnded, metricFactsAtMomentOf, MomentFold, type MomentTicket } from './moment-fold';

const catalog = demoCatalog();
const HOUR = 3_600_000;
const BASE = Date.parse('2026-10-28T12:00:00Z');
const actor = { id: 'op-1', role: 'operator' } as Actor;
const iso = (ms: number): string => new Date(ms).toISOString();

const STEPS: TicketEvent[] = [
  { type: 'TicketAssigned', data: { department: 'DPW', dueAt: iso(BASE + 24 * HOUR), slaBusinessMs: 8 * HOUR } },
  { type: 'WorkStarted', data: { assignee: 'staff-1' } },
  { type: 'TicketCommented', data: { commentId: 'c1', body: 'noted', visibility: 'internal' } },
  { type: 'TicketEscalated', data: { tier: 1, reason: 'complex' } },
  { type: 'TicketPutOnHold', data: { reason: 'waiting', remainingBusinessMs: HOUR } },
  { type: 'TicketResumed', data: { dueAt: iso(BASE + 12 * HOUR) } },
  { type: 'TicketCompleted', data: { resolutionCode: 'fixed', note: 'done', firstContactResolution: false } },
  { type: 'TicketClosed', data: { reason: 'withdrawn' } },
  { type: 'TicketReopened', data: { reason: 'again', department: 'DPW', dueAt: iso(BASE + 48 * HOUR), slaBusinessMs: 16 * HOUR } },
];

/** One ticket's recorded events, at times that may go backwards (an import), with a comment among them. */
function recordedOf(steps: readonly { step: number; occurredMs: number; lagMs: number }[]): RecordedEvent[] {
  const opened: TicketEvent = {
    type: 'TicketOpened',
    data: { ticketId: 'T1', serviceCode: 'POTHOLE', owningDepartment: 'DPW', description: 'a report', channel: 'web', priority: 'normal' },
  };
  const events = [{ event: opened, occurredMs: BASE, lagMs: 0 }, ...steps.map(({ step, occurredMs, lagMs }) => ({ event: STEPS[step], occurredMs, lagMs }))];
  return events.map(({ event, occurredMs, lagMs }, revision) => {
    const stamped = stampEvent(event, revision, { commandId: `c${revision}`, actor, occurredAt: iso(occurredMs) });
    return {
      ...encodeTicketEvent(stamped),
      id: `e${revision}`,
      streamName: ticketStreamName('T1'),
      revision,
      globalPosition: String(revision + 1),
      recordedAt: new Date(occurredMs + lagMs),
    } as RecordedEvent;
  });
}

describe('MomentFold', () => {
  it('holds, after every event, the metric facts foldAtMoment holds in force at the moment, on both axes, and settles when it does', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            step: fc.integer({ min: 0, max: STEPS.length - 1 }),
            occurredMs: fc.integer({ min: BASE - 10 * HOUR, max: BASE + 100 * HOUR }),
            lagMs: fc.integer({ min: 0, max: 30 * HOUR }),
          }),
          { maxLength: 12 },
        ),
        fc.constantFrom<Moment['axis']>('asOf', 'knownAt'),
        fc.integer({ min: -10 * HOUR, max: 120 * HOUR }),
        (steps, axis, offset) => {
          const moment: Moment = { axis, at: new Date(BASE + offset) };
          const fold = new MomentFold(catalog, moment);
          const reference = new Map<string, TicketAtMoment>();
          let ticket: MomentTicket | undefined;
          for (const recorded of recordedOf(steps)) {
            foldAtMoment(reference, recorded, catalog, moment);
            ticket = fold.fold(ticket, recorded);
            const expected = reference.get(recorded.streamName)!;
            expect(ticket!.settled).toBe(expected.settled);
            expect(ticket!.facts && metricFactsAtMomentOf(ticket!.facts)).toEqual(expected.atMoment && metricFactsOfVersion(expected.atMoment));
            if (!expected.settled) expect(hasEnded(ticket!)).toBe(expected.version.ended_at !== null);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('relies on a version beginning at every event, a comment too, as the temporal fold (nextVersion) begins one', () => {
    const [opened, assigned] = recordedOf([{ step: 0, occurredMs: BASE + HOUR, lagMs: 0 }]);
    const commented = recordedOf([
      { step: 0, occurredMs: BASE + HOUR, lagMs: 0 },
      { step: 2, occurredMs: BASE + 2 * HOUR, lagMs: 0 },
    ])[2];
    // A moment between the assignment and the comment: the comment's version begins after it and settles the ticket.
    const moment: Moment = { axis: 'asOf', at: new Date(BASE + 90 * 60_000) };
    const reference = new Map<string, TicketAtMoment>();
    [opened, assigned, commented].forEach((recorded) => foldAtMoment(reference, recorded, catalog, moment));
    expect(reference.get(opened.streamName)!.settled).toBe(true);
    const fold = new MomentFold(catalog, moment);
    const ticket = [opened, assigned, commented].reduce<MomentTicket | undefined>((held, recorded) => fold.fold(held, recorded), undefined);
    expect(ticket!.settled).toBe(true);
  });
});

describe('normalised', () => {
  it('is what toISOString writes, for instants already written so and for other texts a Date reads', () => {
    const texts = fc.oneof(
      fc.integer({ min: Date.parse('0000-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59.999Z') }).map(iso),
      fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => iso(ms).replace(/T(\d\d)/, (_, hour) => `T${hour === '00' ? '24' : hour}`)),
      fc
        .tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
        .map(([year, month, day]) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T12:00:00.000Z`),
      fc.constantFrom('2026-11-01T05:00:00Z', '2026-11-01T01:00:00-04:00', '2026-02-30T00:00:00.000Z', '2026-11-01', '+010000-01-01T00:00:00.000Z'),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const date = new Date(text);
        if (Number.isNaN(date.getTime())) expect(() => normalised(text)).toThrow(RangeError);
        else expect(normalised(text)).toBe(date.toISOString());
      }),
      { numRuns: 2000 },
    );
  });
});
