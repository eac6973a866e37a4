import type { TicketState } from '../model/ticket-state';
import type { LifecycleContext } from './machine-types';
import { ticketLifecycle } from './ticket-machine';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A catalog that routes no service on open: every new ticket stays in intake. */
const NO_ROUTING_ON_OPEN = () => false;

/**
 * The machine's snapshot for a folded ticket: the machine never stores state of its own.
 * `routesOnOpen` is the catalog's routing policy, which only an open asks about.
 */
export function lifecycleSnapshot(ticket: TicketState, reopenWindowDays: number, routesOnOpen: LifecycleContext['routesOnOpen'] = NO_ROUTING_ON_OPEN) {
  const context: LifecycleContext = { ticket, reopenWindowMs: reopenWindowDays * DAY_MS, routesOnOpen };
  return ticketLifecycle.resolveState({ value: ticket.status, context });
}

export type LifecycleSnapshot = ReturnType<typeof lifecycleSnapshot>;
