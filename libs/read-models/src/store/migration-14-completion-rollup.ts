import type { Kysely } from 'kysely';
import { readCheckpoint } from '../projection/checkpoint';
import { createRollupTable, rollupTableOf } from '../temporal/versions-table';
import type { ReadDb } from './read-db';

/**
 * Migration 14: the completion rollup (`metrics/completion-rollup.ts`) on every existing generation.
 * Only the projection knows the city's zone, so a generation that had already projected events is
 * marked as migration 13 marks one (`rm_temporal_pending`): its answers are read from its ticket facts
 * now, and wait for a rebuild at a past moment, until a rebuild writes a generation whole.
 */
export async function addCompletionRollup(db: Kysely<ReadDb>): Promise<void> {
  const generations = await db.selectFrom('rm_checkpoints').select('generation').execute();
  for (const { generation } of generations) {
    await createRollupTable(db, Number(generation));
    const { position } = await readCheckpoint(db, Number(generation));
    const any = await db
      .selectFrom(rollupTableOf(Number(generation)))
      .select('day')
      .limit(1)
      .executeTakeFirst();
    const marked = await db.selectFrom('rm_temporal_pending').select('generation').where('generation', '=', Number(generation)).executeTakeFirst();
    if (position !== undefined && !any && !marked)
      await db
        .insertInto('rm_temporal_pending')
        .values({ generation: Number(generation) })
        .execute();
  }
}
