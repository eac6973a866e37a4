import { createEventStore, type EventStore } from '@switchboard/event-store';
import { openResidentKeyStore } from '@switchboard/command-handling';
import type { ResidentKeyStore, ServiceCatalog } from '@switchboard/ticketing';
import { isDeepStrictEqual } from 'node:util';
import { createReadStore, dumpReadModels, rebuildReadModels } from '@switchboard/read-models';
import type { Acknowledged } from './load';

export interface Check {
  readonly name: string;
  readonly passed: boolean;
  readonly detail: string;
}

/** Every acknowledged command's events are in the log, exactly once, as answered; nothing else bears its id. `eventStoreUrl` as SWITCHBOARD_EVENT_STORE. */
export async function checkEventLog(eventStoreUrl: string, acknowledged: readonly Acknowledged[]): Promise<Check> {
  const store = createEventStore(eventStoreUrl);
  const byCommand = new Map<string, string[]>();
  let events = 0;
  try {
    for await (const event of store.readAll()) {
      events += 1;
      const commandId = (event.metadata as { commandId?: string }).commandId ?? '';
      const list = byCommand.get(commandId) ?? [];
      list.push(event.type);
      byCommand.set(commandId, list);
    }
  } finally {
    await store.close();
  }
  const problems = acknowledged.filter((ack) => !isDeepStrictEqual(byCommand.get(ack.commandId), [...ack.events]));
  const detail = `${acknowledged.length} acknowledged commands, ${events} events in the log; ${problems.length} missing or duplicated`;
  return {
    name: 'no lost or duplicated events',
    passed: problems.length === 0,
    detail: problems.length ? `${detail}, e.g. ${JSON.stringify(problems[0])} → ${JSON.stringify(byCommand.get(problems[0].commandId))}` : detail,
  };
}

/** The live read models equal what a fresh projection of the same log produces. */
export async function checkReadModels(eventStoreUrl: string, readStoreUrl: string, freshUrl: string, catalog: ServiceCatalog): Promise<Check> {
  const store = createEventStore(eventStoreUrl);
  const live = await createReadStore(readStoreUrl);
  // The key store the processes under test opened: contacts project the same only when opened with the same keys.
  const residentKeys = openResidentKeyStore(eventStoreUrl, process.env.SWITCHBOARD_RESIDENT_KEYS || undefined);
  try {
    const current = await dumpReadModels(live);
    const fresh = await rebuiltDump(store, freshUrl, catalog, residentKeys);
    const differing = Object.keys(fresh).filter((table) => !isDeepStrictEqual(current[table], fresh[table]));
    const rows = Object.entries(fresh)
      .map(([table, list]) => `${table} ${list.length}`)
      .join(', ');
    return { name: 'read models equal a fresh rebuild', passed: differing.length === 0, detail: differing.length ? `differ in ${differing.join(', ')}` : rows };
  } finally {
    await residentKeys.close();
    await live.close();
    await store.close();
  }
}

/** The read models a fresh store gets from replaying the whole log (no time bound: the log is large). */
async function rebuiltDump(eventStore: EventStore, url: string, catalog: ServiceCatalog, residentKeys: ResidentKeyStore): Promise<Record<string, unknown[]>> {
  const fresh = await createReadStore(url);
  try {
    await rebuildReadModels({ eventStore, readStore: fresh, catalog, residentKeys });
    return await dumpReadModels(fresh);
  } finally {
    await fresh.close();
  }
}

/** Resident memory flat: the median of the last quarter of samples within 20 % of the second quarter's. */
export function checkMemory(name: string, samples: readonly number[]): Check {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const quarter = Math.floor(samples.length / 4);
  if (quarter < 2) return { name: `memory flat: ${name}`, passed: false, detail: `only ${samples.length} samples` };
  const early = median(samples.slice(quarter, 2 * quarter));
  const late = median(samples.slice(-quarter));
  const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
  return { name: `memory flat: ${name}`, passed: late <= early * 1.2, detail: `${mb(early)} → ${mb(late)} (max ${mb(Math.max(...samples))})` };
}
