import { sql } from 'kysely';
import { createReadStore } from './create-read-store';
import { generationTables } from './generation-tables';
import { hasColumn } from './has-column';
import type { ReadStore } from './read-store';
import { READ_STORE_KINDS, useReadStoreLocation } from '../testing/test-read-store';

const tableExists = async (store: ReadStore, table: string): Promise<boolean> => {
  const query =
    store.dialect === 'sqlite'
      ? sql`select 1 from sqlite_master where type = 'table' and name = ${table}`
      : sql`select 1 from pg_tables where schemaname = current_schema() and tablename = ${table}`;
  return (await query.execute(store.db)).rows.length > 0;
};
const indexExists = async (store: ReadStore, index: string): Promise<boolean> => {
  const query =
    store.dialect === 'sqlite'
      ? sql`select 1 from sqlite_master where type = 'index' and name = ${index}`
      : sql`select 1 from pg_indexes where schemaname = current_schema() and indexname = ${index}`;
  return (await query.execute(store.db)).rows.length > 0;
};

describe.each(READ_STORE_KINDS)('migration 5: a prunable queue change log (%s)', (kind) => {
  const newUrl = useReadStoreLocation(kind);
  const { queueChanges } = generationTables(1);

  it('gives a fresh store the recording time, its index and the prune mark table', async () => {
    const store = await createReadStore(newUrl());
    try {
      expect(await hasColumn(store.db, store.dialect, queueChanges, 'recorded_at')).toBe(true);
      expect(await indexExists(store, `${queueChanges}_recorded`)).toBe(true);
      expect(await tableExists(store, 'rm_queue_changes_pruned')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('adds them to a store made before it, dating existing changes by the last event their generation applied', async () => {
    const url = newUrl();
    const store = await createReadStore(url);
    try {
      // The store as version 4 left it, with one change and its checkpoint.
      await sql`drop index ${sql.id(`${queueChanges}_recorded`)}`.execute(store.db);
      await sql`alter table ${sql.table(queueChanges)} drop column recorded_at`.execute(store.db);
      await store.db.schema.dropTable('rm_queue_changes_pruned').execute();
      await store.db.deleteFrom('rm_schema_migrations').where('version', '=', 5).execute();
      await sql`insert into ${sql.table(queueChanges)} (position, department, ticket_id, kind, entry_json) values ('00000000000000000002', 'DPW', 'A1', 'added', null)`.execute(
        store.db,
      );
      await store.db
        .updateTable('rm_checkpoints')
        .set({ position: '00000000000000000002', last_recorded_at: '2026-03-02T12:00:00.000Z' })
        .where('generation', '=', 1)
        .execute();
    } finally {
      await store.close();
    }
    const migrated = await createReadStore(url);
    try {
      const rows = await migrated.db.selectFrom(generationTables(1).queueChanges).select(['ticket_id', 'recorded_at']).execute();
      expect(rows).toEqual([{ ticket_id: 'A1', recorded_at: '2026-03-02T12:00:00.000Z' }]);
      expect(await indexExists(migrated, `${queueChanges}_recorded`)).toBe(true);
      expect(await tableExists(migrated, 'rm_queue_changes_pruned')).toBe(true);
      expect((await migrated.db.selectFrom('rm_schema_migrations').select('version').where('version', '=', 5).execute()).length).toBe(1);
    } finally {
      await migrated.close();
    }
  });
});
