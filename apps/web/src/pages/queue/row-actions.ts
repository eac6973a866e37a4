import type { QueueEntry } from '../../lib/api-types';

/** The work actions a queue row offers; the API judges each (a refusal is shown in words). */
export function actionsFor(entry: QueueEntry): string[] {
  switch (entry.status) {
    case 'assigned':
    case 'escalated':
      return ['StartWork'];
    case 'in_progress':
      return ['PutTicketOnHold', 'CompleteTicket'];
    case 'on_hold':
      return ['ResumeTicket'];
    default:
      return [];
  }
}
