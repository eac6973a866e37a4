import { sql, type Kysely } from 'kysely';
import type { ReadDb } from './read-db';
import type { ReadStoreDialect } from './read-store';
import { hasColumn } from './has-column';
import { createUpdatedAtIndex, generationTables } from './generation-tables';

/**
 * Migration 3: each ticket's `updated_at` (the occurredAt of its latest event) on every existing
 * generation's tickets table, for Open311's updated_after/updated_before. The event times are not
 * in the read store, so the backfill takes the latest instant the ticket's facts record (opening,
 * assignment, start, hold, completion, closure); a later comment or reassignment is missed until
 * the ticket's next event or a rebuild (`switchboard rebuild`), which sets it exactly.
 */
export async function addTicketUpdatedAt(db: Kysely<ReadDb>, dialect: ReadStoreDialect): Promise<void> {
  const generations = await db.selectFrom('rm_checkpoints').select('generation').execute();
  for (const { generation } of generations) {
    const { tickets, facts } = generationTables(Number(generation));
    // A store created by this version already has it: migration 1 builds today's tables.
    if (await hasColumn(db, dialect, tickets, 'updated_at')) continue;
    await db.schema.alterTable(tickets).addColumn('updated_at', 'text').execute();
    const instants = ['opened_at', 'first_assigned_at', 'started_at', 'on_hold_since', 'completed_at', 'closed_at'].map(
      (column) => sql`coalesce(f.${sql.ref(column)}, f.opened_at)`,
    );
    // SQLite's many-argument max() is PostgreSQL's greatest().
    const latest = dialect === 'sqlite' ? sql`max(${sql.join(instants)})` : sql`greatest(${sql.join(instants)})`;
    await sql`update ${sql.table(tickets)} set updated_at = coalesce((select ${latest} from ${sql.table(facts)} f where f.ticket_id = ${sql.table(tickets)}.ticket_id), opened_at)`.execute(
      db,
    );
    await createUpdatedAtIndex(db, Number(generation));
  }
}
