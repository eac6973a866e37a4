import { sql, type Kysely } from 'kysely';
import type { ReadDb } from './read-db';
import type { ReadStoreDialect } from './read-store';

/** Whether a table has a column: migrations that add one skip tables already created with it. */
export async function hasColumn(db: Kysely<ReadDb>, dialect: ReadStoreDialect, table: string, column: string): Promise<boolean> {
  const query =
    dialect === 'sqlite'
      ? sql`select 1 from pragma_table_info(${table}) where name = ${column}`
      : sql`select 1 from information_schema.columns where table_schema = current_schema() and table_name = ${table} and column_name = ${column}`;
  return (await query.execute(db)).rows.length > 0;
}
