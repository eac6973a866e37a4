import { verifyChain } from '../chain/verify-chain';
import { collect } from '../testing/helpers';
import { usePostgresSchemas, withPostgres } from '../testing/postgres-schemas';
import { InMemoryEventStore } from '../memory/in-memory-event-store';
import { PostgresEventStore } from './postgres-event-store';
import { MIGRATIONS } from './schema';

const AT = new Date('2024-05-01T12:00:00.000Z');

describe('PostgreSQL adapter: chaining a log written before the chain', () => {
  const newSchema = usePostgresSchemas();

  it('given a schema at version 1 with events, when the store opens it, then every event is chained, appends go on from its head, and the migration says what it did', async () => {
    const url = newSchema();
    const schema = new URL(url).searchParams.get('schema') as string;
    // A schema as version 1 wrote it (its migration, its append function): no hashes.
    await withPostgres(new URL(url.replace(/\?.*$/, '')).toString(), async (client) => {
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.query(`SET search_path = ${schema}`);
      await client.query(`CREATE TABLE event_store_meta (key text PRIMARY KEY, value text NOT NULL)`);
      await client.query(MIGRATIONS[0] as string);
      await client.query(`INSERT INTO event_store_meta VALUES ('schema_version', '1')`);
      for (let i = 0; i < 5; i++) {
        await client.query(`SELECT event_store_append($1, $2, $3, $4, $5, $6, '{}', '{}', $7)`, [
          [`ticket-${i % 2}`],
          [Math.floor(i / 2)],
          [`00000000-0000-4000-8000-00000000000${i}`],
          ['Noted'],
          [JSON.stringify({ i })],
          ['{}'],
          AT,
        ]);
      }
    });
    const memory = new InMemoryEventStore({ now: () => AT });
    for (let i = 0; i < 5; i++) await memory.append(`ticket-${i % 2}`, 'any', [{ id: `00000000-0000-4000-8000-00000000000${i}`, type: 'Noted', data: { i } }]);
    const before = await collect(memory.readChained());

    const store = await PostgresEventStore.open(url, { maxConnections: 2 });
    try {
      expect(await store.chainMigration()).toMatchObject({ events: 5, fromPosition: '00000000000000000001', toPosition: '00000000000000000005' });
      await store.append('ticket-0', 'any', [{ id: crypto.randomUUID(), type: 'Noted', data: { i: 5 } }]);
      const after = await collect(store.readChained());
      expect(after.slice(0, 5).map((e) => e.chain)).toEqual(before.map((e) => e.chain));
      expect((await verifyChain(after.map((e) => ({ ...e, position: e.globalPosition })))).intact).toBe(true);
    } finally {
      await store.close();
    }
  });
});
