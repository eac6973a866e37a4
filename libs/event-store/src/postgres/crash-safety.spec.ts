import { appendUntilKilled, expectEveryAckStored } from '../../test/crash-check';
import { anEvent, collect } from '../testing/helpers';
import { usePostgresSchemas } from '../testing/postgres-schemas';
import { PostgresEventStore } from './postgres-event-store';

const APPENDERS = 8;
const KILL_AFTER_ACKS = 400;

describe('PostgreSQL adapter: crash safety', () => {
  const newSchema = usePostgresSchemas();

  it('after SIGKILL of the appending process holds every acknowledged append, complete and in order, with no gaps, and accepts more', async () => {
    const url = newSchema();
    const acks = await appendUntilKilled(url, APPENDERS, KILL_AFTER_ACKS);
    const store = await PostgresEventStore.open(url, { maxConnections: 2 });
    expect(await expectEveryAckStored(store, acks, APPENDERS)).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    const next = (await collect(store.readStream('crash-0'))).length;
    await expect(store.append('crash-0', next - 1, [anEvent('AfterCrash')])).resolves.toMatchObject({ nextExpectedRevision: next });
    await store.close();
  }, 30_000);
});
