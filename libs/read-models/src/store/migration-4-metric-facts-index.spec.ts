import { sql } from 'kysely';
import { createReadStore } from './create-read-store';
import { generationTables } from './generation-tables';
import type { ReadStore } from './read-store';
import { READ_STORE_KINDS, useReadStoreLocation } from '../testing/test-read-store';

const indexesOf = async (store: ReadStore, table: string): Promise<string[]> => {
  const query =
    store.dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = ${table} and sql is not null`
      : sql<{
          name: string;
        }>`select indexname as name from pg_indexes where schemaname = current_schema() and tablename = ${table} and indexname not like '%_pkey'`;
  return (await query.execute(store.db)).rows.map((row) => row.name).sort();
};

/** The facts table's indexes beside the metrics index: the edge-day indexes of migration 18. */
const withEdgeDayIndexes = (metrics: string): string[] => {
  const { facts } = generationTables(1);
  return [`${facts}_assigned`, `${facts}_due`, `${facts}_ended`, metrics];
};

describe.each(READ_STORE_KINDS)('migration 4: metric facts covering index (%s)', (kind) => {
  const newUrl = useReadStoreLocation(kind);

  it('replaces the facts (opened_at, ticket_id) index of a store made before it', async () => {
    const url = newUrl();
    const { facts } = generationTables(1);
    const store = await createReadStore(url);
    try {
      expect(await indexesOf(store, facts)).toEqual(withEdgeDayIndexes(`${facts}_metrics`));
      // The store as version 3 left it.
      await sql`drop index ${sql.id(`${facts}_metrics`)}`.execute(store.db);
      await store.db.schema.createIndex(`${facts}_opened`).on(facts).columns(['opened_at', 'ticket_id']).execute();
      await store.db.deleteFrom('rm_schema_migrations').where('version', '=', 4).execute();
    } finally {
      await store.close();
    }
    const migrated = await createReadStore(url);
    try {
      expect(await indexesOf(migrated, facts)).toEqual(withEdgeDayIndexes(`${facts}_metrics`));
    } finally {
      await migrated.close();
    }
  });
});
