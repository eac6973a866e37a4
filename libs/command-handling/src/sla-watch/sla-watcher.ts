import { nextSlaAction, type Actor, type ServiceCatalog, type SlaAction, type TicketState } from '@switchboard/ticketing';
import type { TicketCommandHandler } from '../ticket-command-handler';

/** What the watcher did to a ticket, as metrics name it. */
export type SlaActionKind = 'breach' | 'escalate_tier1' | 'escalate_tier2';

/** Where a page of due checks ended (the read models' keyset). */
export interface SlaCheckCursor {
  readonly checkAt: string;
  readonly ticketId: string;
}

/** Tickets with a breach or an escalation due, longest-waiting first: the read models' `slaChecksDue`. */
export interface SlaCheckSource {
  slaChecksDue(
    now: Date,
    after?: SlaCheckCursor,
    limit?: number,
  ): Promise<{ readonly checks: readonly { readonly ticketId: string }[]; readonly next?: SlaCheckCursor }>;
}

export interface SlaWatcherObserver {
  /** The watcher recorded a breach or an escalation. */
  slaAction?(kind: SlaActionKind, ticketId: string): void;
  /** A ticket a scan could not settle (the store failed, or the domain refused what the ticket's state called for); the next scan tries again. */
  failed?(ticketId: string, error: unknown): void;
}

export interface SlaWatcherOptions {
  readonly catalog: ServiceCatalog;
  /** The command pipeline the watcher's commands go through, like everyone else's: it decides each on the state it loads. */
  readonly handler: Pick<TicketCommandHandler, 'executeOnFresh'>;
  readonly checks: SlaCheckSource;
  readonly now: () => Date;
  readonly observer?: SlaWatcherObserver;
  /** Tickets read from the read models per page. Default 500. */
  readonly pageSize?: number;
}

/** What one scan did. */
export interface SlaScanResult {
  readonly tickets: number;
  readonly actions: number;
  readonly failures: number;
}

/** The actor the watcher's breaches and escalations are recorded under. */
export const SLA_WATCHER_ACTOR: Actor = { id: 'sla-watcher', role: 'system' };

/**
 * Records SLA breaches and overdue escalations. It keeps no state of its own: a scan reads what is
 * due from the read models, then decides each ticket on its fresh stream with deterministic
 * command ids, so a restarted watcher, or two at once, issue every action exactly once in effect,
 * and a scan after downtime catches up on everything that fell due, the longest-waiting first.
 * The pipeline picks each action on the state it loads to decide it: one read of the stream per action.
 */
export class SlaWatcher {
  constructor(private readonly options: SlaWatcherOptions) {}

  /** Settles every ticket with something due now. */
  async scan(): Promise<SlaScanResult> {
    const now = this.options.now();
    const tally = { tickets: 0, actions: 0, failures: 0 };
    let after: SlaCheckCursor | undefined;
    do {
      const page = await this.options.checks.slaChecksDue(now, after, this.options.pageSize ?? 500);
      for (const { ticketId } of page.checks) {
        tally.tickets += 1;
        try {
          await this.settle(ticketId, now, () => (tally.actions += 1));
        } catch (error) {
          tally.failures += 1;
          this.options.observer?.failed?.(ticketId, error);
        }
      }
      after = page.next;
    } while (after);
    return tally;
  }

  /**
   * Issues every action due for one ticket at `now` (breach, then tier 1, then tier 2), each picked
   * on the ticket's freshly loaded state; the next is looked for on the state the last one left.
   */
  private async settle(ticketId: string, now: Date, acted: () => void): Promise<void> {
    for (;;) {
      const done = await this.options.handler.executeOnFresh(
        ticketId,
        ({ state }) => {
          const action = nextSlaAction(state, now, this.options.catalog);
          return action && { ...action, correlationId: action.commandId, kind: kindOf(action, state) };
        },
        { actor: SLA_WATCHER_ACTOR },
      );
      if (!done) return;
      acted();
      this.options.observer?.slaAction?.(done.chosen.kind, ticketId);
      if (!nextSlaAction(done.state, now, this.options.catalog)) return;
    }
  }
}

function kindOf(action: SlaAction, before: TicketState): SlaActionKind {
  if (action.command.type === 'RecordSlaBreach') return 'breach';
  return before.escalationTier === 0 ? 'escalate_tier1' : 'escalate_tier2';
}
