import type { ServiceCatalog } from '../catalog';
import type { EscalateTicket, RecordSlaBreach } from '../commands/ticket-commands';
import type { TicketState } from '../model/ticket-state';
import { DIRECTOR_TIER } from '../model/ticket-values';
import { slaStanding } from './sla-standing';

/** A command the SLA watcher should issue, with the id that makes issuing it twice harmless. */
export interface SlaAction {
  readonly command: RecordSlaBreach | EscalateTicket;
  /** Deterministic: two watchers, or one restarted mid-run, issue the very same command. */
  readonly commandId: string;
}

const clockRuns = (t: TicketState) => t.status === 'assigned' || t.status === 'in_progress' || t.status === 'escalated';

/**
 * The next thing the SLA watcher must do for a ticket at `now`, or undefined when nothing is
 * due. Call again on the state after each action: a ticket found long overdue after downtime
 * gets its breach, then tier 1, then tier 2, in that order, each exactly once.
 */
export function nextSlaAction(ticket: TicketState, now: Date, catalog: ServiceCatalog): SlaAction | undefined {
  if (!clockRuns(ticket) || !ticket.ticketId || !ticket.dueAt) return undefined;
  const standing = slaStanding(ticket, now, catalog);
  if (!standing.overdue) return undefined;
  const id = `sla:${ticket.ticketId}:${ticket.dueAt}`;
  if (ticket.breachedDueAt !== ticket.dueAt) {
    return { command: { type: 'RecordSlaBreach', ticketId: ticket.ticketId }, commandId: `${id}:breach` };
  }
  const targetTier = standing.directorAt && now >= standing.directorAt ? DIRECTOR_TIER : 1;
  if (ticket.escalationTier >= targetTier) return undefined;
  const tier = ticket.escalationTier + 1;
  return {
    command: {
      type: 'EscalateTicket',
      ticketId: ticket.ticketId,
      reason: 'overdue',
      note: tier === DIRECTOR_TIER ? 'Still open after the SLA breach: escalated to the director.' : 'SLA breached: escalated to the department head.',
    },
    commandId: `${id}:tier${tier}`,
  };
}

/** When the watcher should next look at a ticket: its due time, then the director threshold. */
export function nextSlaCheckAt(ticket: TicketState, catalog: ServiceCatalog): Date | undefined {
  if (!clockRuns(ticket) || !ticket.dueAt) return undefined;
  const standing = slaStanding(ticket, new Date(ticket.dueAt), catalog);
  if (ticket.breachedDueAt !== ticket.dueAt || ticket.escalationTier < 1) return standing.dueAt;
  return ticket.escalationTier < DIRECTOR_TIER ? standing.directorAt : undefined;
}
