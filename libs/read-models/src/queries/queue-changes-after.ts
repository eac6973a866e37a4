import type { Kysely } from 'kysely';
import type { GlobalPosition } from '@switchboard/event-store';
import type { ReadDb } from '../store/read-db';
import { type GenerationTables, TICKETS_PROJECTION } from '../store/generation-tables';
import type { QueueChangeKind } from '../projection/queue-changes';
import type { QueueEntry } from '../projection/ticket-row';
import { nonEmpty, pageLimit } from './validate';

/** One change to a department's queue; `position` is the SSE event id (Last-Event-ID). */
export interface QueueChange {
  readonly position: GlobalPosition;
  readonly department: string;
  readonly ticketId: string;
  readonly kind: QueueChangeKind;
  /** The entry after the change; null when it was removed. */
  readonly entry: QueueEntry | null;
}

/** A department's queue changes after `position` (exclusive; omitted means from the start), oldest first. */
export async function queueChangesAfter(
  db: Kysely<ReadDb>,
  tables: GenerationTables,
  department: string,
  position: GlobalPosition | undefined,
  limit: number,
): Promise<QueueChange[]> {
  nonEmpty('department', department);
  let query = db.selectFrom(tables.queueChanges).selectAll().where('department', '=', department);
  if (position !== undefined) query = query.where('position', '>', nonEmpty('position', position));
  const rows = await query
    .orderBy('position')
    .limit(pageLimit('limit', limit, 100, 1000))
    .execute();
  return rows.map((row) => ({
    position: row.position,
    department: row.department,
    ticketId: row.ticket_id,
    kind: row.kind as QueueChangeKind,
    entry: row.entry_json === null ? null : JSON.parse(row.entry_json),
  }));
}

/**
 * How far the queue change log has been pruned: the greatest position of a change ever deleted
 * (undefined: none ever was). Every change after it is kept, so a feed can resume after a
 * Last-Event-ID at or past it; an older one may have missed pruned changes.
 */
export async function queueChangesPrunedThrough(db: Kysely<ReadDb>): Promise<GlobalPosition | undefined> {
  const row = await db.selectFrom('rm_queue_changes_pruned').select('pruned_through').where('projection', '=', TICKETS_PROJECTION).executeTakeFirst();
  return row?.pruned_through;
}
