import { CompiledQuery, type Kysely } from 'kysely';
import type { ReadDb } from '../store/read-db';
import type { ReadStoreDialect } from '../store/read-store';

type ProjectionTable =
  | 'rm_tickets'
  | 'rm_ticket_facts'
  | 'rm_ticket_versions'
  | 'rm_completion_days'
  | 'rm_queue_changes'
  | 'rm_work_starts'
  | 'rm_kb_articles'
  | 'rm_contacts'
  | 'rm_contact_searches'
  | 'rm_contact_days'
  | 'rm_contact_article_days'
  | 'rm_contact_callbacks'
  | 'rm_contact_ticket_links'
  | 'rm_contact_intake_completions'
  | 'rm_phone_rosters'
  | 'rm_phone_roster_versions'
  | 'rm_phone_availability'
  | 'rm_phone_available_spans';

/**
 * Rows per SQLite statement, in power-of-two chunks so a handful of statement texts recur and
 * the store's statement cache prepares each once; 256 rows of our widest table stay well under
 * SQLite's 32,766 bound parameters.
 */
const SQLITE_CHUNKS = [256, 64, 16, 4, 1];

/**
 * Inserts rows, replacing the row with the same key (except `keepOnConflict` columns); a table
 * without columns to update (the change log) ignores the repeat, which keeps replays idempotent.
 * Keys must be unique within `rows`. The SQL is written here rather than built by Kysely: building
 * and compiling a statement of thousands of values per batch cost more than running it.
 */
export async function upsertRows<T extends ProjectionTable>(
  trx: Kysely<ReadDb>,
  dialect: ReadStoreDialect,
  table: T,
  key: string | readonly string[],
  rows: readonly ReadDb[T][],
  keepOnConflict: readonly string[] = [],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const keys = typeof key === 'string' ? [key] : key;
  const updated = columns.filter((column) => !keys.includes(column) && !keepOnConflict.includes(column));
  const onConflict = `on conflict (${keys.map(quote).join(', ')}) do ${
    updated.length === 0 ? 'nothing' : `update set ${updated.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ')}`
  }`;
  const columnList = columns.map(quote).join(', ');
  if (dialect === 'postgres') {
    // One statement and one parameter however many rows: the table's own row type gives each value its column type.
    const text = `insert into ${quote(table)} (${columnList}) select ${columnList} from json_populate_recordset(null::${quote(table)}, $1) ${onConflict}`;
    await trx.executeQuery(CompiledQuery.raw(text, [JSON.stringify(rows)]));
    return;
  }
  const row = `(${columns.map(() => '?').join(', ')})`;
  let done = 0;
  for (const size of SQLITE_CHUNKS) {
    for (; rows.length - done >= size; done += size) {
      const text = `insert into ${quote(table)} (${columnList}) values ${new Array(size).fill(row).join(', ')} ${onConflict}`;
      const parameters: unknown[] = [];
      for (let i = done; i < done + size; i++) for (const column of columns) parameters.push((rows[i] as unknown as Record<string, unknown>)[column]);
      await trx.executeQuery(CompiledQuery.raw(text, parameters));
    }
  }
}

function quote(identifier: string): string {
  return `"${identifier}"`;
}
