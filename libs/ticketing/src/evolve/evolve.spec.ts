import type { StampedTicketEvent, TicketEvent } from '../events/ticket-events';
import { initialTicketState, type TicketState } from '../model/ticket-state';
import { HISTORY_TO } from '../testing/state-histories';
import { decide } from '../decide/decide';
import type { Actor } from '../model/actor';
import { actors, testCatalog } from '../testing/test-catalog';
import { given, TICKET_ID } from '../testing/ticket-spec';
import { evolve, fold } from './evolve';

// The fold never judges: these histories include facts today's rules would not produce (events
// imported from another 311 system, events written by older versions), and the state must still
// say what they recorded.

let sequence = 0;
/** A stored event as an import or an older version could have written it. */
const recorded = <E extends TicketEvent>(event: E, occurredAt = '2026-11-02T15:00:00.000Z'): StampedTicketEvent =>
  ({
    ...event,
    metadata: {
      eventId: `e-${++sequence}`,
      commandId: `c-${sequence}`,
      correlationId: `c-${sequence}`,
      causationId: `c-${sequence}`,
      actor: actors.operator,
      occurredAt,
      schemaVersion: 1,
    },
  }) as StampedTicketEvent;

const opened = recorded(
  {
    type: 'TicketOpened',
    data: { ticketId: TICKET_ID, serviceCode: 'TRASH-MISSED', owningDepartment: 'DPW', description: 'd', channel: 'phone', priority: 'normal' },
  },
  '2026-11-02T14:00:00.000Z',
);
const assigned = (data: Partial<Extract<TicketEvent, { type: 'TicketAssigned' }>['data']> = {}) =>
  recorded({ type: 'TicketAssigned', data: { department: 'DPW', ...data } });
const completed = (department?: string) =>
  recorded(
    { type: 'TicketCompleted', data: { resolutionCode: 'collected', note: 'n', firstContactResolution: false, ...(department ? { department } : {}) } },
    '2026-11-03T15:00:00.000Z',
  );
const held = recorded({ type: 'TicketPutOnHold', data: { reason: 'waiting', remainingBusinessMs: 3_600_000 } });
const resumed = recorded({ type: 'TicketResumed', data: { dueAt: '2026-11-05T15:00:00.000Z' } });
const escalated = (tier: 1 | 2) => recorded({ type: 'TicketEscalated', data: { tier, reason: 'complex' } });

describe('evolve: opening', () => {
  it('starts a ticket from nothing, whatever state it is folded onto', () => {
    const expected: TicketState = {
      status: 'intake',
      ticketId: TICKET_ID,
      serviceCode: 'TRASH-MISSED',
      owningDepartment: 'DPW',
      channel: 'phone',
      priority: 'normal',
      openedAt: '2026-11-02T14:00:00.000Z',
      escalationTier: 0,
      reopenCount: 0,
    };
    expect(evolve(initialTicketState, opened)).toStrictEqual(expected);
    const worn = given(...HISTORY_TO.escalated).state;
    expect(evolve({ ...worn, reopenCount: 3 }, opened)).toStrictEqual(expected);
  });
});

describe('evolve: assignment', () => {
  it('records department, assignee and the SLA clock, and ends any hold', () => {
    const state = fold([opened, held, assigned({ assignee: 'dpw-bo', dueAt: '2026-11-03T15:00:00.000Z', slaBusinessMs: 8 * 3_600_000 })]);
    expect(state).toStrictEqual({
      ...fold([opened]),
      status: 'assigned',
      department: 'DPW',
      assignee: 'dpw-bo',
      dueAt: '2026-11-03T15:00:00.000Z',
      slaBusinessMs: 8 * 3_600_000,
      heldFrom: undefined,
      slaRemainingMs: undefined,
      overdueSince: undefined,
    });
  });

  it('a reassignment that names no due time keeps the running clock', () => {
    const first = assigned({ dueAt: '2026-11-03T15:00:00.000Z', slaBusinessMs: 1000 });
    const state = fold([opened, first, assigned({ department: 'CLERK' })]);
    expect(state).toMatchObject({ department: 'CLERK', dueAt: '2026-11-03T15:00:00.000Z', slaBusinessMs: 1000 });
    expect(state.assignee).toBeUndefined();
  });
});

describe('evolve: escalation', () => {
  it('keeps the highest tier reached, even when a lower tier is recorded after it', () => {
    expect(fold([opened, assigned(), escalated(2)]).escalationTier).toBe(2);
    expect(fold([opened, assigned(), escalated(2), escalated(1)]).escalationTier).toBe(2);
    expect(fold([opened, assigned(), escalated(1)]).escalationTier).toBe(1);
  });

  it('from intake records the department and its clock; later escalations keep them', () => {
    const fromIntake = recorded({
      type: 'TicketEscalated',
      data: { tier: 1, reason: 'cannot_answer', department: 'CLERK', dueAt: '2026-11-04T15:00:00.000Z', slaBusinessMs: 5000 },
    });
    const state = fold([opened, fromIntake, escalated(2)]);
    expect(state).toMatchObject({ status: 'escalated', department: 'CLERK', dueAt: '2026-11-04T15:00:00.000Z', slaBusinessMs: 5000, escalationTier: 2 });
  });

  it('ends a hold', () => {
    const state = fold([opened, assigned(), held, escalated(1)]);
    expect(state).toMatchObject({ status: 'escalated', heldFrom: undefined, slaRemainingMs: undefined });
  });
});

describe('evolve: hold and resume', () => {
  it('pauses the clock, keeping the business time left and the lateness it was held with', () => {
    const late = recorded({ type: 'TicketPutOnHold', data: { reason: 'w', remainingBusinessMs: 0, overdueSince: '2026-11-02T14:30:00.000Z' } });
    const state = fold([opened, assigned({ dueAt: '2026-11-02T14:30:00.000Z' }), late]);
    expect(state).toMatchObject({ status: 'on_hold', heldFrom: 'assigned', slaRemainingMs: 0, overdueSince: '2026-11-02T14:30:00.000Z' });
    expect(state.dueAt).toBeUndefined();
  });

  it('a hold recorded where no hold is possible today (intake) resumes into the queue', () => {
    const state = fold([opened, held]);
    expect(state.heldFrom).toBe('assigned');
    expect(fold([resumed], state)).toMatchObject({ status: 'assigned', heldFrom: undefined, dueAt: '2026-11-05T15:00:00.000Z' });
  });

  it('a resume without a recorded hold origin goes back to the queue, with the clock it names', () => {
    const state = fold([opened, assigned(), held]);
    const { heldFrom: _heldFrom, ...withoutOrigin } = state;
    const after = evolve(withoutOrigin, resumed);
    expect(after).toStrictEqual({
      ...withoutOrigin,
      status: 'assigned',
      heldFrom: undefined,
      dueAt: '2026-11-05T15:00:00.000Z',
      slaRemainingMs: undefined,
      overdueSince: undefined,
    });
  });
});

describe('evolve: completion', () => {
  it('records the completing department the event names', () => {
    expect(fold([opened, assigned({ department: 'DPW' }), completed('CLERK')]).completedByDepartment).toBe('CLERK');
  });

  it('an event without a department (as older versions wrote it) is credited to the queue holding the ticket', () => {
    expect(fold([opened, assigned({ department: 'CLERK' }), completed()]).completedByDepartment).toBe('CLERK');
  });

  it('and before any routing, to the department owning the service', () => {
    expect(fold([opened, completed()]).completedByDepartment).toBe('DPW');
  });

  it('ends the running clock and any hold', () => {
    const state = fold([opened, assigned({ dueAt: '2026-11-03T15:00:00.000Z' }), held, completed()]);
    expect(state).toMatchObject({ status: 'completed', completedAt: '2026-11-03T15:00:00.000Z' });
    expect([state.dueAt, state.heldFrom, state.slaRemainingMs, state.overdueSince]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('the completing department’s head may reopen a ticket completed by an event without a department', () => {
    const state = fold([opened, assigned({ department: 'CLERK' }), completed()]);
    const reopen = (actor: Actor) =>
      decide({ type: 'ReopenTicket', ticketId: TICKET_ID, reason: 'not fixed' }, state, {
        now: new Date('2026-11-04T15:00:00.000Z'),
        actor,
        commandId: 'reopen-1',
        catalog: testCatalog,
      });
    expect(reopen(actors.clerkHead)).toMatchObject({ ok: true, events: [{ type: 'TicketReopened', data: { department: 'CLERK' } }] });
    expect(reopen(actors.dpwHead)).toMatchObject({ ok: false, error: { kind: 'Forbidden' } });
  });
});

describe('evolve: reopening and closing', () => {
  it('a reopen starts a fresh cycle in the completing department’s queue', () => {
    const reopened = recorded({ type: 'TicketReopened', data: { reason: 'r', department: 'DPW', dueAt: '2026-11-10T15:00:00.000Z', slaBusinessMs: 42 } });
    const breach = recorded({ type: 'SlaBreached', data: { dueAt: '2026-11-03T15:00:00.000Z' } });
    const before = fold([opened, assigned({ assignee: 'dpw-bo', dueAt: '2026-11-03T15:00:00.000Z' }), escalated(2), breach, completed()]);
    expect(before).toMatchObject({ escalationTier: 2, breachedDueAt: '2026-11-03T15:00:00.000Z', assignee: 'dpw-bo' });
    const state = fold([reopened], { ...before, reopenCount: 1 });
    expect(state).toMatchObject({
      status: 'assigned',
      department: 'DPW',
      escalationTier: 0,
      dueAt: '2026-11-10T15:00:00.000Z',
      slaBusinessMs: 42,
      reopenCount: 2,
    });
    expect([state.assignee, state.breachedDueAt, state.completedAt]).toEqual([undefined, undefined, undefined]);
    expect(state.completedByDepartment).toBe('DPW');
  });

  it('a close records its reason and stops the clock', () => {
    const closed = recorded({ type: 'TicketClosed', data: { reason: 'duplicate', parentTicketId: 'ABC-1' } });
    const state = fold([opened, assigned({ dueAt: '2026-11-03T15:00:00.000Z' }), held, closed]);
    expect(state).toMatchObject({ status: 'closed', closeReason: 'duplicate' });
    expect([state.dueAt, state.heldFrom, state.slaRemainingMs, state.overdueSince]).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('evolve: facts that do not move the ticket', () => {
  it('a comment leaves the state as it was', () => {
    const state = fold([opened, assigned()]);
    const comment = recorded({ type: 'TicketCommented', data: { commentId: 'm1', body: 'b', visibility: 'public' } });
    expect(evolve(state, comment)).toBe(state);
  });

  it('another report of the problem counts the reports, whatever state it was recorded in (an import may record one after completion)', () => {
    const report = recorded({ type: 'AnotherReportRecorded', data: { channel: 'phone', contact: { phone: '978 555 0142' } } });
    const state = fold([opened, assigned(), report, report]);
    expect(state).toMatchObject({ status: 'assigned', department: 'DPW', otherReports: 2 });
    expect(fold([opened, assigned(), completed(), report])).toMatchObject({ status: 'completed', otherReports: 1 });
    expect(fold([opened]).otherReports).toBeUndefined();
  });

  it('an event type this version does not know is kept in history and folded as nothing', () => {
    const state = fold([opened, assigned()]);
    const unknown = {
      ...recorded({ type: 'TicketCommented', data: { commentId: 'm1', body: 'b', visibility: 'public' } }),
      type: 'TicketGeotagged',
      data: { lat: 1 },
    };
    expect(evolve(state, unknown as unknown as StampedTicketEvent)).toBe(state);
    expect(fold([opened, unknown as unknown as StampedTicketEvent, assigned()])).toStrictEqual(state);
  });
});

describe('fold', () => {
  it('starts from a ticket that does not exist yet, or from the state it is given', () => {
    expect(fold([])).toBe(initialTicketState);
    const state = fold([opened]);
    expect(fold([], state)).toBe(state);
    expect(fold([assigned()], state)).toMatchObject({ status: 'assigned', ticketId: TICKET_ID });
  });
});
