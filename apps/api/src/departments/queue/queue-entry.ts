import type { TicketSummary } from '@switchboard/read-models';
import { type Actor, queueActionsFor } from '@switchboard/ticketing';
import type { QueueEntryView } from './department-queue.dto';

/** Adds the age at `now` and the caller's work commands to a queue entry. */
export function queueEntryView(summary: TicketSummary, actor: Actor, now: Date, reopenWindowDays: number): QueueEntryView {
  return {
    ...summary,
    ageSeconds: Math.max(0, Math.floor((now.getTime() - Date.parse(summary.openedAt)) / 1000)),
    actions: queueActionsFor(summary, actor, now, reopenWindowDays),
  };
}
