import type { Kysely } from 'kysely';
import { createQueueChangesRecordedIndex, generationTables } from './generation-tables';
import { hasColumn } from './has-column';
import type { ReadDb } from './read-db';
import type { ReadStoreDialect } from './read-store';

/**
 * Migration 5: the queue change log becomes prunable. Every existing generation's change table gets
 * `recorded_at` (when the event behind a change was recorded in the log) and an index on it, and
 * `rm_queue_changes_pruned` records how far the log has been pruned. The log's times are not in the
 * read store, so existing changes take the time of the last event their generation applied: none
 * was recorded later, so none is pruned before its resume window has passed (a rebuild sets the
 * exact times).
 */
export async function addQueueChangePruning(db: Kysely<ReadDb>, dialect: ReadStoreDialect): Promise<void> {
  const generations = await db.selectFrom('rm_checkpoints').select(['generation', 'last_recorded_at']).execute();
  for (const { generation, last_recorded_at } of generations) {
    const { queueChanges } = generationTables(Number(generation));
    // A store created by this version already has it: migration 1 builds today's tables.
    if (!(await hasColumn(db, dialect, queueChanges, 'recorded_at'))) {
      // A generation with no checkpoint has no changes either: the default then only satisfies NOT NULL.
      const backfill = last_recorded_at ?? new Date(0).toISOString();
      await db.schema
        .alterTable(queueChanges)
        .addColumn('recorded_at', 'text', (c) => c.notNull().defaultTo(backfill))
        .execute();
    }
    await createQueueChangesRecordedIndex(db, Number(generation));
  }
  await db.schema
    .createTable('rm_queue_changes_pruned')
    .ifNotExists()
    .addColumn('projection', 'text', (c) => c.primaryKey())
    .addColumn('pruned_through', 'text', (c) => c.notNull())
    .addColumn('pruned_at', 'text', (c) => c.notNull())
    .execute();
}
