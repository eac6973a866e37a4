import type { Actor } from '../model/actor';
import { queueActionsFor } from './allowed-commands';

const now = new Date('2026-11-02T14:00:00Z');
const entry = (status: string, assignee: string | null = null) => ({ ticketId: 'T-1', status, department: 'DPW', assignee });
const staff: Actor = { id: 'sam', role: 'staff', department: 'DPW' };
const engineer: Actor = { id: 'eng', role: 'staff', department: 'ENG' };
const operator: Actor = { id: 'ada', role: 'operator' };

describe('queueActionsFor', () => {
  it.each([
    ['assigned', ['StartWork', 'PutTicketOnHold', 'CompleteTicket']],
    ['in_progress', ['PutTicketOnHold', 'CompleteTicket']],
    ['escalated', ['StartWork', 'PutTicketOnHold', 'CompleteTicket']],
    ['on_hold', ['ResumeTicket', 'CompleteTicket']],
  ])('offers the department’s staff the work commands the lifecycle accepts when %s', (status, actions) => {
    expect(queueActionsFor(entry(status, 'sam'), staff, now, 30)).toEqual(actions);
  });

  it('offers nothing to those the lifecycle does not let work the ticket', () => {
    expect(queueActionsFor(entry('assigned'), engineer, now, 30)).toEqual([]);
    expect(queueActionsFor(entry('assigned'), operator, now, 30)).toEqual([]);
  });
});
