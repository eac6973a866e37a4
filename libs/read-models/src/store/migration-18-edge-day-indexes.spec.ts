import { sql } from 'kysely';
import { createReadStore } from './create-read-store';
import { generationTables } from './generation-tables';
import type { ReadStore } from './read-store';
import { READ_STORE_KINDS, useReadStoreLocation } from '../testing/test-read-store';

const EDGE_DAY_INDEXES = ['assigned', 'due', 'ended'];

const indexesOf = async (store: ReadStore, table: string): Promise<string[]> => {
  const query =
    store.dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = ${table} and sql is not null`
      : sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema() and tablename = ${table}`;
  return (await query.execute(store.db)).rows.map((row) => row.name).filter((name) => EDGE_DAY_INDEXES.some((suffix) => name === `${table}_${suffix}`));
};

describe.each(READ_STORE_KINDS)('migration 18: edge-day indexes (%s)', (kind) => {
  const newUrl = useReadStoreLocation(kind);

  it("adds the first-assigned, ended and due indexes to a store made before it, and a new generation's tables have them", async () => {
    const url = newUrl();
    const { facts } = generationTables(1);
    const expected = EDGE_DAY_INDEXES.map((suffix) => `${facts}_${suffix}`);
    const store = await createReadStore(url);
    try {
      expect((await indexesOf(store, facts)).sort()).toEqual(expected);
      // The store as version 17 left it.
      for (const name of expected) await sql`drop index ${sql.id(name)}`.execute(store.db);
      await store.db.deleteFrom('rm_schema_migrations').where('version', '=', 18).execute();
      expect(await indexesOf(store, facts)).toEqual([]);
    } finally {
      await store.close();
    }
    const migrated = await createReadStore(url);
    try {
      expect((await indexesOf(migrated, facts)).sort()).toEqual(expected);
    } finally {
      await migrated.close();
    }
  });
});
