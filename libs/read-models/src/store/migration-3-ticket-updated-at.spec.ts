import { sql } from 'kysely';
import { InMemoryEventStore } from '@switchboard/event-store';
import { createReadStore } from './create-read-store';
import { generationTables } from './generation-tables';
import { appendTicket, demoCatalog, opened } from '../testing/ticket-history';
import { projectAll } from '../testing/project';
import { READ_STORE_KINDS, useReadStoreLocation } from '../testing/test-read-store';

const catalog = demoCatalog();

describe.each(READ_STORE_KINDS)('migration 3: ticket updated_at (%s)', (kind) => {
  const newUrl = useReadStoreLocation(kind);

  it('records the latest event time, and backfills a store made before it from the latest recorded fact', async () => {
    const events = new InMemoryEventStore();
    await appendTicket(events, 'U1', [
      ['2026-03-02T14:00:00.000Z', opened('U1')],
      ['2026-03-02T15:00:00.000Z', { type: 'WorkStarted', data: { assignee: 'sam' } }],
      ['2026-03-03T09:00:00.000Z', { type: 'TicketCommented', data: { commentId: 'c1', body: 'on it', visibility: 'internal' } }],
    ]);
    const url = newUrl();
    const store = await createReadStore(url);
    const { tickets } = generationTables(1);
    const updatedAt = async () => (await store.db.selectFrom(tickets).select('updated_at').where('ticket_id', '=', 'U1').executeTakeFirstOrThrow()).updated_at;
    try {
      await projectAll(events, store, catalog);
      expect(await updatedAt()).toBe('2026-03-03T09:00:00.000Z');

      // The store as version 2 left it: no column, no index, migration 3 not applied.
      await sql`drop index ${sql.id(`${tickets}_updated`)}`.execute(store.db);
      await store.db.schema.alterTable(tickets).dropColumn('updated_at').execute();
      await store.db.deleteFrom('rm_schema_migrations').where('version', '=', 3).execute();
    } finally {
      await store.close();
    }
    const migrated = await createReadStore(url);
    try {
      const row = await migrated.db.selectFrom(tickets).select('updated_at').where('ticket_id', '=', 'U1').executeTakeFirstOrThrow();
      // The comment is not among the facts: the backfill stops at the start of work.
      expect(row.updated_at).toBe('2026-03-02T15:00:00.000Z');
    } finally {
      await migrated.close();
    }
  });
});
