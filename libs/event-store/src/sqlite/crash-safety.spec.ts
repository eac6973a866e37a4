import { appendUntilKilled, expectEveryAckStored } from '../../test/crash-check';
import { anEvent, collect } from '../testing/helpers';
import { useTempDir } from '../testing/temp-dir';
import { SqliteEventStore } from './sqlite-event-store';

const APPENDERS = 8;
const KILL_AFTER_ACKS = 400;

describe('SQLite adapter: crash safety', () => {
  const path = useTempDir();

  it('after SIGKILL holds every acknowledged append, complete and in order, with no gaps, and accepts more', async () => {
    const file = path('crash.db');
    const acks = await appendUntilKilled(`sqlite:${file}`, APPENDERS, KILL_AFTER_ACKS);
    const store = SqliteEventStore.open(file);
    expect(await expectEveryAckStored(store, acks, APPENDERS)).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    const next = (await collect(store.readStream('crash-0'))).length;
    await expect(store.append('crash-0', next - 1, [anEvent('AfterCrash')])).resolves.toMatchObject({ nextExpectedRevision: next });
    await store.close();
  }, 30_000);
});
