import type { Priority } from '../catalog';
import type { TicketPhoto } from './ticket-photo';
import type { Channel, CloseReason, EscalationTier } from './ticket-values';

/** The lifecycle states of DESIGN.md, plus `unopened` for a ticket id with no history yet. */
export const TICKET_STATUSES = ['unopened', 'intake', 'assigned', 'in_progress', 'on_hold', 'escalated', 'completed', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** States a hold can return to. */
export type ResumableStatus = Extract<TicketStatus, 'assigned' | 'in_progress' | 'escalated'>;

/** The state of one ticket, folded from its events by `evolve`. */
export interface TicketState {
  readonly status: TicketStatus;
  readonly ticketId?: string;
  readonly serviceCode?: string;
  readonly owningDepartment?: string;
  readonly channel?: Channel;
  readonly priority?: Priority;
  readonly openedAt?: string;
  /** The department whose queue holds the ticket. */
  readonly department?: string;
  readonly assignee?: string;
  /** Highest tier reached since the ticket was last opened or reopened; 0 = never escalated. */
  readonly escalationTier: 0 | EscalationTier;
  readonly heldFrom?: ResumableStatus;
  /** SLA due instant while the clock runs. */
  readonly dueAt?: string;
  /** Business time the running SLA allows in all: with `dueAt`, how much of it is used. */
  readonly slaBusinessMs?: number;
  /** Business time left on the SLA clock while it is paused on hold. */
  readonly slaRemainingMs?: number;
  /** While on hold: the due time the ticket was already late against when the hold began. */
  readonly overdueSince?: string;
  /** The due instant already recorded as breached, so a breach is recorded once per due time. */
  readonly breachedDueAt?: string;
  readonly completedAt?: string;
  readonly completedByDepartment?: string;
  readonly closeReason?: CloseReason;
  readonly reopenCount: number;
  /** When the ticket's resident data was erased (ResidentDataErased); absent while it is kept. */
  readonly residentDataErasedAt?: string;
  /** When the resident stopped the ticket's updates (ResidentUnsubscribed, the first); absent while they get them. */
  readonly residentUnsubscribedAt?: string;
  /** Reports of the same problem linked to the ticket after it was opened (AnotherReportRecorded); absent when none. */
  readonly otherReports?: number;
  /** Photos attached (PhotoAttached), oldest first; absent when none. */
  readonly photos?: readonly TicketPhoto[];
}

export const initialTicketState: TicketState = { status: 'unopened', escalationTier: 0, reopenCount: 0 };
