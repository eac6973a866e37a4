import { SqliteEventStore } from '@switchboard/event-store';
import { createReadStore } from '@switchboard/read-models';
import { OutboundConsumer } from '../consumer/outbound-consumer';
import { HttpTestDestination } from './http-test-destination';

/** An outbound consumer process for the crash spec: delivers to the receiver until it is killed. */
async function main(): Promise<void> {
  const [eventStorePath, readStoreUrl, receiverUrl] = process.argv.slice(2);
  const eventStore = SqliteEventStore.open(eventStorePath);
  const readStore = await createReadStore(readStoreUrl);
  const consumer = new OutboundConsumer({
    eventStore,
    readStore,
    destinations: [new HttpTestDestination(receiverUrl)],
    startAt: 'beginning',
    batchSize: 25,
    concurrency: 4,
    onError: (error) => process.stderr.write(`${String(error)}\n`),
  });
  await consumer.start();
  process.stdout.write(`started ${consumer.status}\n`);
}

void main();
