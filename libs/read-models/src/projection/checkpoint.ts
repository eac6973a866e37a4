import type { Kysely } from 'kysely';
import type { GlobalPosition, RecordedEvent } from '@switchboard/event-store';
import type { ReadDb } from '../store/read-db';

/** Where a generation's projection stands in `$all`. */
export interface Checkpoint {
  readonly position: GlobalPosition | undefined;
  /** When the last applied event was recorded. */
  readonly lastRecordedAt: Date | undefined;
}

/** Reads a generation's checkpoint. */
export async function readCheckpoint(db: Kysely<ReadDb>, generation: number): Promise<Checkpoint> {
  const row = await db.selectFrom('rm_checkpoints').select(['position', 'last_recorded_at']).where('generation', '=', generation).executeTakeFirst();
  return { position: row?.position ?? undefined, lastRecordedAt: row?.last_recorded_at ? new Date(row.last_recorded_at) : undefined };
}

/** Moves a generation's checkpoint to the last event of a batch; call it in the batch's transaction. */
export async function writeCheckpoint(trx: Kysely<ReadDb>, generation: number, last: RecordedEvent, now: Date): Promise<void> {
  await trx
    .updateTable('rm_checkpoints')
    .set({ position: last.globalPosition, last_recorded_at: last.recordedAt.toISOString(), updated_at: now.toISOString() })
    .where('generation', '=', generation)
    .execute();
}
