import type { TicketSummary } from '@switchboard/read-models';

/** A ticket as the queue answer shows it: the read model's summary plus its age at the time of the query. */
export interface QueueEntryView extends TicketSummary {
  /** Whole seconds since the ticket was opened. */
  readonly ageSeconds: number;
}

/** Adds the age at `now` to a queue entry. */
export function queueEntryView(summary: TicketSummary, now: Date): QueueEntryView {
  return { ...summary, ageSeconds: Math.max(0, Math.floor((now.getTime() - Date.parse(summary.openedAt)) / 1000)) };
}
