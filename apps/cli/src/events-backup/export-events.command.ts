import type { CliIo } from '../cli-io';
import { say, writeOut } from '../cli-io';
import type { Command } from '../command';
import { withStore } from '../environment';
import { EXIT } from '../exit-codes';
import { stringOption } from '../parse-command-line';
import { isTamperEvident } from '@switchboard/event-store';
import { scanAll } from '@switchboard/read-models';
import { toBackupLine } from './backup-line';

/** `switchboard export events`: the whole event log (or its tail) as NDJSON on stdout. */
export const exportEventsCommand: Command = {
  name: 'export events',
  summary: 'Write every event of the store, in log order, as NDJSON to stdout (a lossless backup).',
  arguments: '',
  options: {
    'from-position': {
      type: 'string',
      value: '<position>',
      description: 'export only events after this global position (exclusive), e.g. the last "position" of a previous export',
    },
  },
  usesStore: true,
  usesCatalog: false,
  examples: [
    'switchboard export events > backup.ndjson',
    'switchboard export events --from-position 00000000000000001234 >> backup.ndjson',
    'switchboard export events --store sqlite:/var/lib/switchboard/switchboard.db | gzip > backup.ndjson.gz',
  ],
  run: (args, io: CliIo) =>
    withStore(args, io, async (store) => {
      let count = 0;
      const from = stringOption(args, 'from-position');
      // A store keeping a hash chain exports each event's hashes, for `audit verify --file`.
      const events = isTamperEvident(store) ? store.readChained({ after: from }) : scanAll(store, from);
      for await (const event of events) {
        await writeOut(io.stdout, toBackupLine(event));
        count += 1;
      }
      say(io, `export events: ${count} events written.`);
      return EXIT.ok;
    }),
};
