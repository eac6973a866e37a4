import { sql, type Kysely } from 'kysely';
import type { ReadDb } from '../store/read-db';

/** Rows per statement: well under SQLite's and PostgreSQL's bound-parameter limits for our widest table. */
const ROWS_PER_STATEMENT = 400;

/**
 * Inserts rows, replacing the row with the same key (except `keepOnConflict` columns); a table
 * without columns to update (the change log) ignores the repeat, which keeps replays idempotent.
 */
export async function upsertRows<T extends 'rm_tickets' | 'rm_ticket_facts' | 'rm_queue_changes'>(
  trx: Kysely<ReadDb>,
  table: T,
  key: string | readonly string[],
  rows: readonly ReadDb[T][],
  keepOnConflict: readonly string[] = [],
): Promise<void> {
  if (rows.length === 0) return;
  const keys = typeof key === 'string' ? [key] : key;
  const updated = Object.keys(rows[0]).filter((column) => !keys.includes(column) && !keepOnConflict.includes(column));
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    await trx
      .insertInto(table as 'rm_tickets')
      .values(chunk as never)
      .onConflict((conflict) => {
        const target = conflict.columns(keys as never);
        if (updated.length === 0) return target.doNothing();
        return target.doUpdateSet(Object.fromEntries(updated.map((column) => [column, sql.ref(`excluded.${column}`)])) as never);
      })
      .execute();
  }
}
