import type { Kysely } from 'kysely';
import type { ReadDb } from './read-db';
import { createEdgeDayIndexes } from './generation-tables';

/**
 * Migration 18: on every existing generation's facts table, the indexes the completion rollup
 * reads a range's edge-day tickets through (first assigned, ended and due), so live figures over
 * a range that does not start or end at local midnight are answered from the rollup.
 */
export async function addEdgeDayIndexes(db: Kysely<ReadDb>): Promise<void> {
  const generations = await db.selectFrom('rm_checkpoints').select('generation').execute();
  for (const { generation } of generations) await createEdgeDayIndexes(db, Number(generation));
}
