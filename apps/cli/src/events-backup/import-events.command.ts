import { resolve } from 'node:path';
import { type CliIo, say } from '../cli-io';
import type { Command } from '../command';
import { withStore } from '../environment';
import { EXIT } from '../exit-codes';
import { checkBackupFile } from './check-backup-file';
import { restoreEvents } from './restore-events';

/** How many bad lines to list before summarising the rest. */
const LISTED_PROBLEMS = 20;

/** `switchboard import events`: restores an NDJSON backup into a store, idempotently. */
export const importEventsCommand: Command = {
  name: 'import events',
  summary: 'Restore an NDJSON backup (from `export events`) into the store: same ids, streams, revisions and order; safe to re-run.',
  arguments: '<file.ndjson>',
  options: {},
  usesStore: true,
  usesCatalog: false,
  examples: [
    'switchboard import events backup.ndjson --store sqlite:./restored.db',
    "switchboard import events backup.ndjson --store 'esdb://localhost:2113?tls=false'",
  ],
  run: async (args, io: CliIo) => {
    const file = resolve(io.cwd, args.positionals[0]);
    const label = args.positionals[0];
    const { events, problems } = await checkBackupFile(file);
    if (problems.length > 0) {
      for (const problem of problems.slice(0, LISTED_PROBLEMS)) say(io, `${label}:${problem.line}: ${problem.reason}`);
      if (problems.length > LISTED_PROBLEMS) say(io, `… and ${problems.length - LISTED_PROBLEMS} more bad lines.`);
      say(io, `import events: ${problems.length} bad lines in ${label}; nothing was written.`);
      return EXIT.dataErrors;
    }
    return withStore(args, io, async (store) => {
      const count = await restoreEvents(store, file);
      say(io, `import events: ${events} events read, ${count.written} written, ${count.alreadyPresent} already present.`);
      return EXIT.ok;
    });
  },
};
