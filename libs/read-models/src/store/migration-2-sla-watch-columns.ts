import type { Kysely } from 'kysely';
import type { ReadDb } from './read-db';
import type { ReadStoreDialect } from './read-store';
import { hasColumn } from './has-column';
import { createSlaCheckIndex, generationTables } from './generation-tables';

/**
 * Migration 2: the SLA watcher's next check time and the at-risk instant on every existing
 * generation's tickets table. Both need the catalog, which a migration does not have, so the
 * backfill is conservative: a ticket whose clock runs is checked from its due time (the watcher
 * then decides from the ticket's own stream), and at-risk marks appear at a ticket's next event.
 * A rebuild (`switchboard rebuild`) computes both exactly.
 */
export async function addSlaWatchColumns(db: Kysely<ReadDb>, dialect: ReadStoreDialect): Promise<void> {
  const generations = await db.selectFrom('rm_checkpoints').select('generation').execute();
  for (const { generation } of generations) {
    const { tickets } = generationTables(Number(generation));
    // A store created by this version already has them: migration 1 builds today's tables.
    if (await hasColumn(db, dialect, tickets, 'sla_next_check_at')) continue;
    await db.schema.alterTable(tickets).addColumn('sla_next_check_at', 'text').execute();
    await db.schema.alterTable(tickets).addColumn('sla_at_risk_at', 'text').execute();
    await db
      .updateTable(tickets)
      .set((eb) => ({ sla_next_check_at: eb.ref('due_at') }))
      .where('status', 'in', ['assigned', 'in_progress', 'escalated'])
      .execute();
    await createSlaCheckIndex(db, Number(generation));
  }
}
