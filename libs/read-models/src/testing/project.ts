import type { EventStore } from '@switchboard/event-store';
import type { ServiceCatalog } from '@switchboard/ticketing';
import { activeGeneration, generationTables } from '../store/generation-tables';
import type { ReadStore } from '../store/read-store';
import { ProjectionRunner } from '../projection/projection-runner';
import { createReadStore } from '../store/create-read-store';

/** Runs a projection runner until it has applied everything in the store, then stops it. */
export async function projectAll(eventStore: EventStore, readStore: ReadStore, catalog: ServiceCatalog): Promise<void> {
  const head = await headPosition(eventStore);
  let failed: (error: unknown) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => (failed = reject));
  const runner = new ProjectionRunner({ eventStore, readStore, catalog, onError: (error) => failed(error) });
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

/** Every row of the active generation's tables and its checkpoint, in key order, to compare stores. */
export async function dumpReadModels(readStore: ReadStore): Promise<Record<string, unknown[]>> {
  const generation = await activeGeneration(readStore.db);
  const t = generationTables(generation);
  const normalise = (rows: object[]) => rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' || v === null || typeof v === 'string' ? (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) && k.endsWith('_ms') ? Number(v) : v) : String(v)])));
  return {
    tickets: normalise(await readStore.db.selectFrom(t.tickets).selectAll().orderBy('ticket_id').execute()),
    facts: normalise(await readStore.db.selectFrom(t.facts).selectAll().orderBy('ticket_id').execute()),
    queueChanges: normalise(await readStore.db.selectFrom(t.queueChanges).selectAll().orderBy('department').orderBy('position').execute()),
    checkpoint: normalise(await readStore.db.selectFrom('rm_checkpoints').select(['position', 'last_recorded_at']).where('generation', '=', generation).execute()),
  };
}

/** The read models a fresh store at `url` gets from projecting everything, to compare a store against. */
export async function freshProjectionDump(eventStore: EventStore, url: string, catalog: ServiceCatalog): Promise<Record<string, unknown[]>> {
  const fresh = await createReadStore(url);
  try {
    await projectAll(eventStore, fresh, catalog);
    return await dumpReadModels(fresh);
  } finally {
    await fresh.close();
  }
}
