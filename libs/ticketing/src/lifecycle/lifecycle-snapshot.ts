import type { TicketState } from '../model/ticket-state';
import type { LifecycleContext } from './machine-types';
import { ticketLifecycle } from './ticket-machine';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The machine's snapshot for a folded ticket: the machine never stores state of its own. */
export function lifecycleSnapshot(ticket: TicketState, reopenWindowDays: number) {
  const context: LifecycleContext = { ticket, reopenWindowMs: reopenWindowDays * DAY_MS };
  return ticketLifecycle.resolveState({ value: ticket.status, context });
}

export type LifecycleSnapshot = ReturnType<typeof lifecycleSnapshot>;
