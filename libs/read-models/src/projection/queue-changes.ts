import type { TicketFacts } from '../facts/ticket-facts';
import type { QueueChangesTable } from '../store/read-db';
import { queueDepartmentOf, queueEntryOf, type QueueEntry } from './ticket-row';

export type QueueChangeKind = 'added' | 'updated' | 'removed';

/** A ticket's facts and stream revision before or after an event. */
export interface TicketVersion {
  readonly facts: TicketFacts;
  readonly revision: number;
}

/**
 * The queue changes one event causes: a ticket leaving one department's queue and entering
 * another's is two changes; an entry that looks the same afterwards is none. `recordedAt` is when
 * the event was recorded in the log (an ISO instant): the change log is pruned by it, and a
 * rebuild writes the very same rows.
 */
export function queueChangesOf(before: TicketVersion | undefined, after: TicketVersion, position: string, recordedAt: string): QueueChangesTable[] {
  const from = before && queueDepartmentOf(before.facts);
  const to = queueDepartmentOf(after.facts);
  const entry = (version: TicketVersion): QueueEntry => queueEntryOf(version.facts, version.revision);
  const change = (department: string, kind: QueueChangeKind, snapshot: QueueEntry | null): QueueChangesTable => ({
    position,
    department,
    ticket_id: after.facts.ticketId,
    kind,
    entry_json: snapshot && JSON.stringify(snapshot),
    recorded_at: recordedAt,
  });
  if (from !== undefined && from === to) {
    const next = entry(after);
    return sameEntry(entry(before!), next) ? [] : [change(to, 'updated', next)];
  }
  const changes: QueueChangesTable[] = [];
  if (from !== undefined) changes.push(change(from, 'removed', null));
  if (to !== undefined) changes.push(change(to, 'added', entry(after)));
  return changes;
}

/** Equal apart from the revision, which every event moves (field by field: two JSON texts per event were a measurable share of a rebuild). */
function sameEntry(a: QueueEntry, b: QueueEntry): boolean {
  return (Object.keys(a) as (keyof QueueEntry)[]).every((key) => key === 'revision' || a[key] === b[key]);
}
