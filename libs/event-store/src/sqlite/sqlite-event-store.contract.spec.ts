import { describeChainContract } from '../testing/chain-contract';
import { describeEventStoreContract } from '../testing/contract';
import { useTempDir } from '../testing/temp-dir';
import { SqliteEventStore } from './sqlite-event-store';

describe('SQLite adapter', () => {
  const path = useTempDir();
  describeEventStoreContract('sqlite (default page size)', async () => SqliteEventStore.open(path('events.db')));
  // Tiny pages make every read and subscription cross page boundaries.
  describeEventStoreContract('sqlite (pages of 2)', async () => SqliteEventStore.open(path('events.db'), { pageSize: 2 }));
  describeChainContract('sqlite', async () => SqliteEventStore.open(path('events.db')));
});
