import type { Kysely } from 'kysely';
import { readCheckpoint } from '../projection/checkpoint';
import { createVersionsIndexes, createVersionsTable, versionsTableOf } from '../temporal/versions-table';
import type { ReadDb } from './read-db';
import type { ReadStoreDialect } from './read-store';

/**
 * Migration 13: the temporal read model (every version of each ticket's facts, `temporal/`) on
 * every existing generation. A generation that had already projected events holds no versions of
 * its past, and only the log has them: it is marked, and answers at a past moment wait for the next
 * rebuild (a new generation, written whole) rather than answer without that history. Its live
 * answers are read from the ticket facts meanwhile, as before.
 */
export async function addTicketVersions(db: Kysely<ReadDb>, dialect: ReadStoreDialect): Promise<void> {
  await db.schema
    .createTable('rm_temporal_pending')
    .ifNotExists()
    .addColumn('generation', 'integer', (c) => c.primaryKey())
    .execute();
  const generations = await db.selectFrom('rm_checkpoints').select('generation').execute();
  for (const { generation } of generations) {
    await createVersionsTable(db, dialect, Number(generation));
    await createVersionsIndexes(db, Number(generation));
    const { position } = await readCheckpoint(db, Number(generation));
    const any = await db
      .selectFrom(versionsTableOf(Number(generation)))
      .select('ticket_id')
      .limit(1)
      .executeTakeFirst();
    if (position !== undefined && !any)
      await db
        .insertInto('rm_temporal_pending')
        .values({ generation: Number(generation) })
        .execute();
  }
}

/** Whether a generation was projected before migration 13 (its versions miss the past). */
export async function temporalModelPending(db: Kysely<ReadDb>, generation: number): Promise<boolean> {
  return (await db.selectFrom('rm_temporal_pending').select('generation').where('generation', '=', generation).executeTakeFirst()) !== undefined;
}
