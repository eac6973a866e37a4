import { headPosition, rebuildReadModels } from '@switchboard/read-models';
import { type CliIo, say } from '../cli-io';
import type { Command } from '../command';
import { loadCatalog, openReadStore, withStoreAndKeys } from '../environment';
import { EXIT, UsageError } from '../exit-codes';
import { ProgressReporter } from './progress-reporter';

const NAME = 'rebuild';
/** The read models' projections; they rebuild together as one generation. */
const PROJECTIONS = ['tickets'];
/** Embedded stores' positions are gapless sequence numbers, so the head is the number of events. */
const SEQUENCE_POSITION = /^\d{20}$/;

/** `switchboard rebuild`: a blue-green rebuild of the read models from the event log. */
export const rebuildCommand: Command = {
  name: NAME,
  summary: 'Rebuild the read models from the event log into a new generation, then switch to it (blue-green; the API keeps serving).',
  arguments: '[projection...]',
  options: {
    'read-store': {
      type: 'string',
      value: '<url>',
      description: 'read store URL (default: $SWITCHBOARD_READ_STORE, else the SQLite event store file)',
    },
  },
  usesStore: true,
  usesCatalog: true,
  examples: ['switchboard rebuild', 'switchboard rebuild tickets --read-store postgres://switchboard@db:5432/switchboard'],
  run: async (args, io: CliIo) => {
    const unknown = args.positionals.find((name) => !PROJECTIONS.includes(name));
    if (unknown) throw new UsageError(`unknown projection "${unknown}"; projections: ${PROJECTIONS.join(', ')}.`, NAME);
    const repeated = args.positionals.find((name, i) => args.positionals.indexOf(name) !== i);
    if (repeated) throw new UsageError(`projection "${repeated}" is named twice.`, NAME);
    const catalog = loadCatalog(args, io);
    return withStoreAndKeys(args, io, async (eventStore, residentKeys) => {
      const readStore = await openReadStore(args, io);
      try {
        const head = await headPosition(eventStore);
        const total = head && SEQUENCE_POSITION.test(head) ? Number(head) : undefined;
        const clock = () => io.now().getTime();
        const started = clock();
        const progress = new ProgressReporter({ stream: io.stderr, now: clock, unit: 'events', total });
        const result = await rebuildReadModels({ eventStore, readStore, catalog, residentKeys, onProgress: (applied) => progress.update(applied) });
        progress.finish();
        const seconds = ((clock() - started) / 1000).toFixed(1);
        say(
          io,
          `${NAME}: ${PROJECTIONS.join(', ')} rebuilt from ${result.events} events in ${seconds} s; generation ${result.generation} is active (was ${result.previous}).`,
        );
        return EXIT.ok;
      } finally {
        await readStore.close();
      }
    });
  },
};
