import { sql, type Kysely } from 'kysely';
import type { ReadDb } from './read-db';
import { createMetricFactsIndex, generationTables } from './generation-tables';

/**
 * Migration 4: the metrics query's covering index on every existing generation's facts table, in
 * place of the (opened_at, ticket_id) index it supersedes.
 */
export async function addMetricFactsIndex(db: Kysely<ReadDb>): Promise<void> {
  const generations = await db.selectFrom('rm_checkpoints').select('generation').execute();
  for (const { generation } of generations) {
    const { facts } = generationTables(Number(generation));
    // A generation created by this version has the new index already and never had the old one.
    await sql`drop index if exists ${sql.id(`${facts}_opened`)}`.execute(db);
    await createMetricFactsIndex(db, Number(generation));
  }
}
