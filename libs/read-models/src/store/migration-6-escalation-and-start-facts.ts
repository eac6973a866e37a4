import type { Kysely } from 'kysely';
import { createWorkStartsTable, generationTables } from './generation-tables';
import { hasColumn } from './has-column';
import type { ReadDb } from './read-db';
import type { ReadStoreDialect } from './read-store';

/**
 * Migration 6: what GET /escalations and a retried claim read instead of tickets' streams — each
 * ticket's latest escalation (reason, time) and breach time on the tickets table, and a table of
 * WorkStarted events keyed by ticket and command id — on every existing generation. Unlike the
 * instants of migrations 2, 3 and 5 these cannot be approximated from what the read store holds
 * (no row says why a ticket was escalated, or under which command its work started), so each
 * generation given them is marked in `rm_backfills`: the projection runner fills them in from the
 * event log before it projects again (`projection/backfill.ts`), and until it has, the queries
 * that read them answer that the read models are behind.
 */
export async function addEscalationAndStartFacts(db: Kysely<ReadDb>, dialect: ReadStoreDialect): Promise<void> {
  await db.schema
    .createTable('rm_backfills')
    .ifNotExists()
    .addColumn('generation', 'integer', (c) => c.primaryKey())
    .addColumn('done_through', 'text')
    .execute();
  const generations = await db.selectFrom('rm_checkpoints').select('generation').execute();
  for (const { generation } of generations) {
    const { tickets } = generationTables(Number(generation));
    await createWorkStartsTable(db, Number(generation));
    // A store created by this version already has them: migration 1 builds today's tables.
    if (await hasColumn(db, dialect, tickets, 'escalation_reason')) continue;
    for (const column of ['escalation_reason', 'escalated_at', 'breached_at']) await db.schema.alterTable(tickets).addColumn(column, 'text').execute();
    await db
      .insertInto('rm_backfills')
      .values({ generation: Number(generation), done_through: null })
      .execute();
  }
}
