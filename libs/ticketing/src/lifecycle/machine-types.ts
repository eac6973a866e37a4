import type { TicketCommand } from '../commands/ticket-commands';
import type { Actor } from '../model/actor';
import type { TicketState } from '../model/ticket-state';

/** What the lifecycle machine's guards may look at: the folded ticket and the policy in force. */
export interface LifecycleContext {
  readonly ticket: TicketState;
  /** How long after completion a ticket may be reopened. */
  readonly reopenWindowMs: number;
  /** Whether the catalog routes a new ticket of the service to its owning department as it is opened. */
  readonly routesOnOpen: (serviceCode: string) => boolean;
}

/** A command as the machine sees it: who asks, and when (ms since epoch). */
export type LifecycleEvent = TicketCommand & { readonly actor: Actor; readonly now: number };

export type LifecycleGuard = (args: { context: LifecycleContext; event: LifecycleEvent }) => boolean;
