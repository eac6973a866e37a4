// A rebuild of the first events of a bench history into a scratch read store, for profiling the
// projection's writing side: node --cpu-prof -r @swc-node/register libs/read-models/bench/rebuild-profile.ts \
//   <events.db> <read store url> [events]
import { performance } from 'node:perf_hooks';
import { SqliteEventStore, type EventStore } from '@switchboard/event-store';
import { createReadStore, rebuildReadModels } from '../src';
import { demoCatalog } from '../src/testing/ticket-history';

async function main(): Promise<void> {
  const [file, url, limit] = process.argv.slice(2);
  const store = SqliteEventStore.open(file);
  const most = limit === undefined ? Infinity : Number(limit);
  // The first `most` events of the log only.
  const eventStore = new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'readAll') return Reflect.get(target, property, receiver);
      return async function* (options: Parameters<EventStore['readAll']>[0]) {
        let read = 0;
        for await (const event of target.readAll(options)) {
          if (++read > most) return;
          yield event;
        }
      };
    },
  }) as EventStore;
  const readStore = await createReadStore(url);
  const started = performance.now();
  const { events } = await rebuildReadModels({ eventStore, readStore, catalog: demoCatalog() });
  const seconds = (performance.now() - started) / 1000;
  await readStore.close();
  await store.close();
  console.log(JSON.stringify({ events, seconds, rate: Math.round(events / seconds), peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

void main();
