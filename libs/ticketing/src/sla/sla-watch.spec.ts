import { createServiceCatalog } from '../catalog';
import { fold } from '../evolve/evolve';
import type { TicketState } from '../model/ticket-state';
import { decide } from '../decide/decide';
import { actors, testCatalog, testCatalogConfig } from '../testing/test-catalog';
import { given, steps } from '../testing/ticket-spec';
import { slaStanding } from './sla-standing';
import { nextSlaAction, nextSlaCheckAt } from './sla-watch';

// A pothole (16 business hours) routed on Wednesday 25 November 2026 at 15:30 in the city's
// zone. Thursday the 26th is Thanksgiving, the weekend follows: 1 h on Wednesday, 8 h on
// Friday, 7 h on Monday → due Monday 30 November 15:30 (20:30Z). The director threshold is
// 16 business hours later: Wednesday 2 December 15:30.
const ROUTED = '2026-11-25T20:30:00.000Z';
const DUE = '2026-11-30T20:30:00.000Z';
const DIRECTOR = '2026-12-02T20:30:00.000Z';
const pothole = () => [
  { ...steps.open({ serviceCode: 'POTHOLE' }), at: '2026-11-25T20:29:00.000Z' },
  { ...steps.assign(), at: ROUTED },
];

const second = (iso: string, delta: number) => new Date(Date.parse(iso) + delta * 1000);

/** Plays the watcher against a ticket at `now` until it has nothing left to do; returns what it did. */
function watch(state: TicketState, now: Date): { actions: string[]; state: TicketState } {
  const actions: string[] = [];
  for (let action = nextSlaAction(state, now, testCatalog); action; action = nextSlaAction(state, now, testCatalog)) {
    const decision = decide(action.command, state, { now, actor: actors.system, commandId: action.commandId, catalog: testCatalog });
    if (!decision.ok) throw new Error(decision.error.message);
    state = fold(decision.events, state);
    actions.push(action.command.type === 'EscalateTicket' ? `escalate→${state.escalationTier}` : 'breach');
  }
  return { actions, state };
}

describe('the SLA clock on the business calendar', () => {
  it('falls due across a holiday and a weekend', () => {
    expect(given(...pothole()).state.dueAt).toBe(DUE);
  });

  it('marks a ticket at risk once 80 % of its business time is used', () => {
    const { state } = given(...pothole());
    // 20 % of 16 h = 3.2 h of business time before Monday 15:30 → Monday 12:18.
    const standing = slaStanding(state, new Date('2026-11-30T17:18:00.000Z'), testCatalog);
    expect(standing.atRiskAt?.toISOString()).toBe('2026-11-30T17:18:00.000Z');
    expect(standing).toMatchObject({ atRisk: true, overdue: false });
    expect(slaStanding(state, new Date('2026-11-30T17:17:59.000Z'), testCatalog).atRisk).toBe(false);
    expect(slaStanding(state, new Date(DUE), testCatalog)).toMatchObject({ atRisk: false, overdue: true });
  });
});

describe('the SLA watcher’s decisions', () => {
  it('does nothing a second before the due time', () => {
    expect(watch(given(...pothole()).state, second(DUE, -1)).actions).toEqual([]);
  });

  it('records the breach and escalates to the department head at the due time, then waits', () => {
    const atDue = watch(given(...pothole()).state, new Date(DUE));
    expect(atDue.actions).toEqual(['breach', 'escalate→1']);
    expect(watch(atDue.state, second(DIRECTOR, -1)).actions).toEqual([]);
    expect(nextSlaCheckAt(atDue.state, testCatalog)?.toISOString()).toBe(DIRECTOR);
  });

  it('escalates to the director when still open the policy’s business hours after the breach', () => {
    const atDue = watch(given(...pothole()).state, new Date(DUE));
    const atDirector = watch(atDue.state, new Date(DIRECTOR));
    expect(atDirector.actions).toEqual(['escalate→2']);
    expect(watch(atDirector.state, new Date('2027-01-01T00:00:00Z')).actions).toEqual([]);
    expect(nextSlaCheckAt(atDirector.state, testCatalog)).toBeUndefined();
  });

  it('leaves alone a ticket completed a second before its breach', () => {
    const { state } = given(...pothole(), { ...steps.complete(), at: second(DUE, -1).toISOString() });
    expect(watch(state, new Date(DIRECTOR)).actions).toEqual([]);
    expect(nextSlaCheckAt(state, testCatalog)).toBeUndefined();
  });

  it('after a three-day outage catches up: breach, tier 1, tier 2 — each once', () => {
    const after = watch(given(...pothole()).state, second(DIRECTOR, 3 * 86_400));
    expect(after.actions).toEqual(['breach', 'escalate→1', 'escalate→2']);
    expect(watch(after.state, second(DIRECTOR, 4 * 86_400)).actions).toEqual([]);
  });

  it('is paused by a hold: the due time moves by the business time spent on hold', () => {
    // Held Monday 30 Nov 09:30 (6 h left), resumed Tuesday 1 Dec 09:30: due Tuesday 15:30.
    const { state } = given(...pothole(), { ...steps.hold(), at: '2026-11-30T14:30:00.000Z' }, { ...steps.resume(), at: '2026-12-01T14:30:00.000Z' });
    expect(state.dueAt).toBe('2026-12-01T20:30:00.000Z');
    expect(watch(state, new Date(DUE)).actions).toEqual([]);
    expect(watch(state, new Date('2026-12-01T20:30:00.000Z')).actions).toEqual(['breach', 'escalate→1']);
  });

  it('does nothing while the ticket is on hold, however late', () => {
    const { state } = given(...pothole(), { ...steps.hold(), at: '2026-11-30T14:30:00.000Z' });
    expect(watch(state, new Date('2027-03-01T00:00:00Z')).actions).toEqual([]);
  });

  it('issues the same command ids for the same ticket and due time, whoever watches', () => {
    const { state } = given(...pothole());
    expect(nextSlaAction(state, new Date(DUE), testCatalog)?.commandId).toBe(nextSlaAction(state, second(DUE, 3600), testCatalog)?.commandId);
  });

  it('follows a service’s own escalation policy over the city-wide default', () => {
    const catalog = createServiceCatalog({
      ...testCatalogConfig,
      policies: { ...testCatalogConfig.policies, escalation: { atRiskFraction: 0.5, directorAfterBusinessHours: 40 } },
      services: testCatalogConfig.services.map((s) => (s.code === 'POTHOLE' ? { ...s, escalation: { directorAfterBusinessHours: 1 } } : s)),
    });
    expect(catalog.escalationPolicy('POTHOLE')).toEqual({ atRiskFraction: 0.5, directorAfterBusinessHours: 1 });
    expect(catalog.escalationPolicy('DOG-LICENSE')).toEqual({ atRiskFraction: 0.5, directorAfterBusinessHours: 40 });
    const atDue = watch(given(...pothole()).state, new Date(DUE));
    expect(slaStanding(atDue.state, new Date(DUE), catalog).directorAt?.toISOString()).toBe('2026-11-30T21:30:00.000Z');
  });
});
