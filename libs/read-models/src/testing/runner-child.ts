import { SqliteEventStore } from '@switchboard/event-store';
import { ProjectionRunner } from '../projection/projection-runner';
import { createReadStore } from '../store/create-read-store';
import { demoCatalog } from './ticket-history';

/** A projector process for the crash spec: projects in small batches and reports each commit, until killed. */
async function main(): Promise<void> {
  const [eventStorePath, readStoreUrl, holderId] = process.argv.slice(2);
  const eventStore = SqliteEventStore.open(eventStorePath);
  const readStore = await createReadStore(readStoreUrl);
  const runner = new ProjectionRunner({
    eventStore,
    readStore,
    catalog: demoCatalog(),
    holderId,
    batchSize: 25,
    onBatch: ({ position }) => process.stdout.write(`batch ${position}\n`),
    onError: (error) => process.stderr.write(`${String(error)}\n`),
  });
  await runner.start();
}

void main();
