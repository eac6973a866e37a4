import type { EventStore } from '@switchboard/event-store';
import type { ResidentKeyStore, ServiceCatalog } from '@switchboard/ticketing';
import type { ReadStore } from '../store/read-store';
import { ProjectionRunner } from '../projection/projection-runner';
import { createReadStore } from '../store/create-read-store';
import { dumpReadModels } from '../store/dump-read-models';

export { dumpReadModels };

/** Runs a projection runner until it has applied everything in the store, then stops it. */
export async function projectAll(eventStore: EventStore, readStore: ReadStore, catalog: ServiceCatalog, residentKeys?: ResidentKeyStore): Promise<void> {
  const head = await headPosition(eventStore);
  let failed: (error: unknown) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => (failed = reject));
  const runner = new ProjectionRunner({ eventStore, readStore, catalog, residentKeys, onError: (error) => failed(error) });
  await runner.start();
  try {
    if (head) await Promise.race([runner.waitForPosition(head, 10_000), failure]);
  } finally {
    await runner.stop();
  }
}

/** The position of the last event in the store. */
export async function headPosition(eventStore: EventStore): Promise<string | undefined> {
  for await (const event of eventStore.readAll({ direction: 'backwards', maxCount: 1 })) return event.globalPosition;
  return undefined;
}

/** The read models a fresh store at `url` gets from projecting everything, to compare a store against. */
export async function freshProjectionDump(
  eventStore: EventStore,
  url: string,
  catalog: ServiceCatalog,
  residentKeys?: ResidentKeyStore,
): Promise<Record<string, unknown[]>> {
  const fresh = await createReadStore(url);
  try {
    await projectAll(eventStore, fresh, catalog, residentKeys);
    return await dumpReadModels(fresh);
  } finally {
    await fresh.close();
  }
}
