import { sql } from 'kysely';
import { InMemoryEventStore } from '@switchboard/event-store';
import { createReadStore } from './create-read-store';
import { generationTables } from './generation-tables';
import { appendTicket, demoCatalog, opened } from '../testing/ticket-history';
import { projectAll } from '../testing/project';
import { READ_STORE_KINDS, useReadStoreLocation } from '../testing/test-read-store';

const catalog = demoCatalog();

describe.each(READ_STORE_KINDS)('migration 2: SLA watch columns (%s)', (kind) => {
  const newUrl = useReadStoreLocation(kind);

  it('stores the next check and at-risk instants, and backfills a store made before it to check running tickets from their due time', async () => {
    const events = new InMemoryEventStore();
    await appendTicket(events, 'W1', [
      ['2026-03-02T14:00:00.000Z', opened('W1')],
      ['2026-03-02T14:10:00.000Z', { type: 'TicketAssigned', data: { department: 'DPW', dueAt: '2026-03-04T14:10:00.000Z', slaBusinessMs: 28_800_000 * 2 } }],
    ]);
    const url = newUrl();
    const store = await createReadStore(url);
    const { tickets } = generationTables(1);
    const row = (db = store.db) =>
      db.selectFrom(tickets).select(['sla_next_check_at', 'sla_at_risk_at']).where('ticket_id', '=', 'W1').executeTakeFirstOrThrow();
    try {
      await projectAll(events, store, catalog);
      // 3.2 business hours (20 % of 16) before Wednesday 09:10 in the city: 40 min that morning, the rest Tuesday until 16:30 → 13:58.
      expect(await row()).toEqual({ sla_next_check_at: '2026-03-04T14:10:00.000Z', sla_at_risk_at: '2026-03-03T18:58:00.000Z' });

      // The store as version 1 left it: no columns, no index, migration 2 not applied.
      await sql`drop index ${sql.id(`${tickets}_sla_check`)}`.execute(store.db);
      await store.db.schema.alterTable(tickets).dropColumn('sla_next_check_at').execute();
      await store.db.schema.alterTable(tickets).dropColumn('sla_at_risk_at').execute();
      await store.db.deleteFrom('rm_schema_migrations').where('version', '=', 2).execute();
    } finally {
      await store.close();
    }
    const migrated = await createReadStore(url);
    try {
      expect(await row(migrated.db)).toEqual({ sla_next_check_at: '2026-03-04T14:10:00.000Z', sla_at_risk_at: null });
    } finally {
      await migrated.close();
    }
  });
});
