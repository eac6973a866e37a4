import { describeChainContract } from '../testing/chain-contract';
import { describeEventStoreContract } from '../testing/contract';
import { usePostgresSchemas } from '../testing/postgres-schemas';
import { PostgresEventStore } from './postgres-event-store';

describe('PostgreSQL adapter', () => {
  const newSchema = usePostgresSchemas();
  describeEventStoreContract('postgres (default page size)', async () => PostgresEventStore.open(newSchema(), { maxConnections: 4 }));
  // Tiny pages make every read and subscription cross page boundaries.
  describeEventStoreContract('postgres (pages of 2)', async () => PostgresEventStore.open(newSchema(), { maxConnections: 4, pageSize: 2 }));
  describeChainContract('postgres', async () => PostgresEventStore.open(newSchema(), { maxConnections: 4 }));
});
