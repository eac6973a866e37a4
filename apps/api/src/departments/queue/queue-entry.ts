import type { TicketSummary } from '@switchboard/read-models';
import { type Actor, queueActionsFor, type TicketCommandType } from '@switchboard/ticketing';

/** A ticket as the queue answer shows it: the read model's summary, its age and what the caller may do with it. */
export interface QueueEntryView extends TicketSummary {
  /** Whole seconds since the ticket was opened. */
  readonly ageSeconds: number;
  /**
   * The work commands the caller may send for this ticket now (StartWork, PutTicketOnHold,
   * ResumeTicket, CompleteTicket), as the lifecycle judges who asks and the ticket's state; what a
   * command's own fields say is judged when it is sent.
   */
  readonly actions: TicketCommandType[];
}

/** Adds the age at `now` and the caller's work commands to a queue entry. */
export function queueEntryView(summary: TicketSummary, actor: Actor, now: Date, reopenWindowDays: number): QueueEntryView {
  return {
    ...summary,
    ageSeconds: Math.max(0, Math.floor((now.getTime() - Date.parse(summary.openedAt)) / 1000)),
    actions: queueActionsFor(summary, actor, now, reopenWindowDays),
  };
}
