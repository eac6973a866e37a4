import { describeGroupCommit } from '../testing/group-commit-contract';
import { anEvent, collect } from '../testing/helpers';
import { useTempDir } from '../testing/temp-dir';
import { SqliteEventStore } from './sqlite-event-store';

describe('SQLite adapter: group commit', () => {
  const path = useTempDir();
  let store: SqliteEventStore;
  beforeEach(() => {
    store = SqliteEventStore.open(path('events.db'));
  });
  afterEach(() => store.close());

  describeGroupCommit(() => store, { maxCommitsFor200: 10 });

  it('commits appends still queued when the store closes', async () => {
    const pending = store.append('s', 'no_stream', [anEvent('A')]);
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0 });
    store = SqliteEventStore.open(path('events.db'));
    expect(await collect(store.readStream('s'))).toHaveLength(1);
  });
});
