import type { TicketCommand, TicketCommandType } from '../commands/ticket-commands';
import type { Actor } from '../model/actor';
import type { TicketState } from '../model/ticket-state';
import { actors } from './test-catalog';
import { TICKET_ID } from './ticket-spec';

/**
 * A well-formed command of each type for a ticket in `state`, with an actor the permission
 * table allows, and the moment to issue it (a breach is only possible after the due time).
 */
export function sampleCommand(type: TicketCommandType, state: TicketState, clock: number): { command: TicketCommand; actor: Actor; now: number } {
  const otherDepartment = state.department === 'DPW' ? 'CLERK' : 'DPW';
  const base = { ticketId: TICKET_ID };
  const byDirector = (command: TicketCommand) => ({ command, actor: actors.director as Actor, now: clock });
  switch (type) {
    case 'OpenTicket':
      return {
        command: { ...base, type, serviceCode: 'POTHOLE', description: 'Deep pothole', channel: 'phone' },
        actor: actors.operator,
        now: clock,
      };
    case 'AssignTicket':
      return byDirector({ ...base, type, department: otherDepartment });
    case 'EscalateTicket':
      return byDirector({ ...base, type, reason: 'complex', department: otherDepartment });
    case 'PutTicketOnHold':
      return byDirector({ ...base, type, reason: 'waiting on utility company' });
    case 'CommentOnTicket':
      return byDirector({ ...base, type, body: 'status update', visibility: 'public' });
    case 'RecordAnotherReport':
      return byDirector({ ...base, type, channel: 'phone', contact: { phone: '(978) 555-0142' } });
    case 'AttachPhoto':
      return byDirector({ ...base, type, photo: { attachmentId: 'P1', visibility: 'public', source: 'link', url: 'https://app.example.org/p/1.jpg' } });
    case 'ChangePriority':
      return byDirector({ ...base, type, priority: state.priority === 'urgent' ? 'low' : 'urgent' });
    case 'CompleteTicket':
      return byDirector({ ...base, type, resolutionCode: 'repaired', note: 'Patched' });
    case 'ReopenTicket':
      return byDirector({ ...base, type, reason: 'came back' });
    case 'CloseTicket':
      return byDirector({ ...base, type, reason: 'withdrawn' });
    case 'RecordSlaBreach':
      return {
        command: { ...base, type },
        actor: actors.system,
        now: state.dueAt ? Math.max(clock, Date.parse(state.dueAt) + 1000) : clock,
      };
    case 'StartWork':
    case 'ResumeTicket':
      return byDirector({ ...base, type });
  }
}
