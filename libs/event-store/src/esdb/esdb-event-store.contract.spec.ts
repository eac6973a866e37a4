import { describeChainContract } from '../testing/chain-contract';
import { describeEventStoreContract } from '../testing/contract';
import { EsdbEventStore } from './esdb-event-store';

const url = process.env.SWITCHBOARD_TEST_ESDB_URL;

if (url) {
  describeEventStoreContract('EventStoreDB', async () => EsdbEventStore.connect(url), { globallyUniqueEventIds: false });
  describeChainContract('EventStoreDB', async () => EsdbEventStore.connect(url));
} else {
  describe('EventStore contract and chain contract: EventStoreDB — SKIPPED: set SWITCHBOARD_TEST_ESDB_URL to run against a real EventStoreDB', () => {
    it('was skipped because SWITCHBOARD_TEST_ESDB_URL is not set', () => {
      console.warn(
        'EventStoreDB contract suite and chain checks SKIPPED: set SWITCHBOARD_TEST_ESDB_URL (e.g. esdb://localhost:2113?tls=false, see docker/eventstore.single.yml) to run it.',
      );
    });
  });
}
