import type { TicketStatus } from '@switchboard/ticketing';

/** The spec's two statuses of a service request. */
export type RequestStatus = 'open' | 'closed';

/** Completed and closed tickets are `closed`; every other lifecycle state is `open`. */
export const TICKET_STATUSES_BY_REQUEST_STATUS: Record<RequestStatus, readonly TicketStatus[]> = {
  open: ['intake', 'assigned', 'in_progress', 'on_hold', 'escalated'],
  closed: ['completed', 'closed'],
};

/** The request status of a ticket in `status`. */
export const requestStatusOf = (status: TicketStatus): RequestStatus => (TICKET_STATUSES_BY_REQUEST_STATUS.closed.includes(status) ? 'closed' : 'open');
