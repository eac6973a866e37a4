import { describeChainContract } from '../testing/chain-contract';
import { describeEventStoreContract } from '../testing/contract';
import { InMemoryEventStore } from './in-memory-event-store';

describeEventStoreContract('in-memory', async () => new InMemoryEventStore());
describeChainContract('in-memory', async () => new InMemoryEventStore());
