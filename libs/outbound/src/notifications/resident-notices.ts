import type { TicketHistoryStep } from '@switchboard/command-handling';
import type { ResidentContact, ResidentNotice, ServiceCatalog, TicketOpened } from '@switchboard/ticketing';
import type { ResidentNoticeFacts } from './templates/resident-templates';

// Which ticket events a resident who asked for updates hears of, read off the ticket's history:
// received, routed (a department took it, with the expected date), completed (with the
// resolution), closed, and public comments. Pure: the destination loads the history.

/** A notice a history step calls for, with what it tells. */
export interface ResidentNoticeOf {
  readonly notice: ResidentNotice;
  readonly facts: ResidentNoticeFacts;
}

/** The resident's contact as the ticket's opening recorded it (opened with the ticket's key; absent once erased). */
export const openingContactOf = (steps: readonly TicketHistoryStep[]): ResidentContact | undefined =>
  steps[0]?.event?.type === 'TicketOpened' ? (steps[0].event as { data: TicketOpened['data'] }).data.contact : undefined;

/**
 * The notice step `index` of the history calls for, if any. An open the catalog routed in the same
 * command is one notice (received, naming the department and the expected date), not two; a
 * reassignment within the department (a new assignee) is none.
 */
export function residentNoticeOf(steps: readonly TicketHistoryStep[], index: number, catalog: ServiceCatalog): ResidentNoticeOf | undefined {
  const step = steps[index];
  const event = step?.event;
  if (!event) return undefined;
  const ticketId = step.stateAfter.ticketId ?? '';
  const serviceCode = step.stateAfter.serviceCode ?? '';
  const base = { ticketId, serviceName: catalog.service(serviceCode)?.name ?? serviceCode };
  const departmentName = (code: string) => catalog.department(code)?.name ?? code;
  switch (event.type) {
    case 'TicketOpened': {
      const next = steps[index + 1]?.event;
      const routed =
        next?.type === 'TicketAssigned' && next.data.routedBy === 'catalog' && next.metadata.commandId === event.metadata.commandId ? next : undefined;
      return {
        notice: 'received',
        facts: routed ? { ...base, departmentName: departmentName(routed.data.department), expectedBy: routed.data.dueAt } : base,
      };
    }
    case 'TicketAssigned':
      if (event.data.routedBy === 'catalog' || event.data.department === step.stateBefore.department) return undefined;
      return { notice: 'routed', facts: { ...base, departmentName: departmentName(event.data.department), expectedBy: event.data.dueAt } };
    case 'TicketCompleted':
      return { notice: 'completed', facts: { ...base, resolutionCode: event.data.resolutionCode, resolutionNote: event.data.note || undefined } };
    case 'TicketClosed':
      return { notice: 'closed', facts: { ...base, closeReason: event.data.reason, parentTicketId: event.data.parentTicketId } };
    case 'TicketCommented':
      return event.data.visibility === 'public' ? { notice: 'commented', facts: { ...base, comment: event.data.body } } : undefined;
    default:
      return undefined;
  }
}

/** The event types that can call for a resident notice: the destination loads no history for any other. */
export const RESIDENT_NOTICE_EVENT_TYPES: ReadonlySet<string> = new Set([
  'TicketOpened',
  'TicketAssigned',
  'TicketCompleted',
  'TicketClosed',
  'TicketCommented',
]);
