import type { Actor } from '../model/actor';
import { intakeActionsFor } from './allowed-commands';
import { mayRead, readRefusal } from './read-rules';

const operator: Actor = { id: 'ada', role: 'operator' };
const director: Actor = { id: 'dee', role: 'director' };
const dpwStaff: Actor = { id: 'sam', role: 'staff', department: 'DPW' };
const dpwHead: Actor = { id: 'hana', role: 'department_head', department: 'DPW' };
const clerkHead: Actor = { id: 'cleo', role: 'department_head', department: 'CLERK' };
const resident: Actor = { id: 'app', role: 'resident' };
const system: Actor = { id: 'sla-watcher', role: 'system' };
const NOW = new Date('2026-11-02T15:00:00Z');

describe('the intake queue (tickets waiting for triage)', () => {
  it('given the read rule theIntakeQueueIsFor311AndTheDirector, then it admits 311 operators and the director only', () => {
    for (const actor of [operator, director]) expect(mayRead('theIntakeQueueIsFor311AndTheDirector', actor, {})).toBe(true);
    for (const actor of [dpwStaff, dpwHead, resident, system]) expect(mayRead('theIntakeQueueIsFor311AndTheDirector', actor, {})).toBe(false);
  });

  it('when a department member asks, then the refusal names the rule, who may and where they read instead', () => {
    expect(readRefusal('theIntakeQueueIsFor311AndTheDirector', dpwStaff, {})).toEqual({
      rule: 'theIntakeQueueIsFor311AndTheDirector',
      whoMay: [{ role: 'operator' }, { role: 'director' }],
      message: 'The intake queue (tickets waiting for triage) is for 311 operators and the director; departments read their own queue.',
    });
  });

  it('given a ticket in intake of a DPW service, then each caller is offered the triage commands the lifecycle lets them send', () => {
    const entry = { ticketId: 'K7M-4QX2', department: 'DPW' };
    expect(intakeActionsFor(entry, operator, NOW, 30)).toEqual(['AssignTicket', 'EscalateTicket', 'CompleteTicket', 'CloseTicket']);
    expect(intakeActionsFor(entry, director, NOW, 30)).toEqual(['AssignTicket', 'EscalateTicket', 'CompleteTicket', 'CloseTicket']);
    // The owner's head may route and close it (D is the owning department before routing), not resolve it at first contact.
    expect(intakeActionsFor(entry, dpwHead, NOW, 30)).toEqual(['AssignTicket', 'EscalateTicket', 'CloseTicket']);
    expect(intakeActionsFor(entry, clerkHead, NOW, 30)).toEqual([]);
    expect(intakeActionsFor(entry, resident, NOW, 30)).toEqual([]);
  });
});
