import { extname, join, resolve } from 'node:path';
import { isTamperEvident, verifyChain, verifyFileInParallel, type EventStore, type VerifiableEvent, type VerifyReport } from '@switchboard/event-store';
import { say, writeOut } from '../../cli-io';
import type { Command } from '../../command';
import { openStore } from '../../environment';
import { EXIT, UsageError, type ExitCode } from '../../exit-codes';
import { choiceOption, stringOption } from '../../parse-command-line';
import { verifyingKey } from './audit-key';
import { exportFileEvents, readCheckpointFile } from './export-file-events';
import { renderVerifyReport } from './render-verify-report';

/** `switchboard audit verify`: the hash chain and signed checkpoints of a live store or an export file (docs/audit.md). */
export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary: 'Check the log has not been changed: every event against its hash chain, and the signed checkpoints (exit 4 when it was).',
  arguments: '',
  options: {
    file: { type: 'string', value: '<export.ndjson>', description: 'verify an `export events` file offline instead of the store' },
    checkpoints: {
      type: 'string',
      value: '<file>',
      description: 'signed checkpoints to check (an `audit checkpoints` file kept outside the system); default: those kept in the store, unless --file',
    },
    'public-key': {
      type: 'string',
      value: '<file.pem>',
      description: "the signing key's public key (PEM); default: the embedded default's audit-signing-key.pub.pem, unless --file",
    },
    partial: { type: 'boolean', description: 'the file starts after the log did (export --from-position): take its first hashes as given' },
    format: { type: 'string', value: '<text|json>', description: 'text (default) or json' },
  },
  usesStore: true,
  usesCatalog: false,
  examples: [
    'switchboard audit verify',
    'switchboard audit verify --file backup.ndjson --checkpoints checkpoints.ndjson --public-key audit-signing-key.pub.pem',
    'switchboard audit verify --format json',
  ],
  run: async (args, io) => {
    const format = choiceOption(args, 'format', ['text', 'json'], 'text', 'audit verify');
    const file = stringOption(args, 'file');
    const checkpointsFile = stringOption(args, 'checkpoints');
    const key = verifyingKey(args, io, file === undefined);
    const checkpoints = checkpointsFile ? await readCheckpointFile(resolve(io.cwd, checkpointsFile)) : undefined;
    const partial = args.values.partial === true;
    let report: VerifyReport;
    let source: string;
    if (file) {
      source = file;
      const path = resolve(io.cwd, file);
      const oneThread = () => verifyChain(exportFileEvents(path), { checkpoints, publicKey: key?.key, partial });
      // A whole export is hashed across worker threads; a partial one (hashes taken as given where it starts) on one.
      report = partial ? await oneThread() : await verifyFileInParallel(path, { reader: EXPORT_LINE_READER, checkpoints, publicKey: key?.key }, oneThread);
    } else {
      const store = openStore(args, io);
      try {
        if (!isTamperEvident(store)) throw new UsageError('this store keeps no hash chain.');
        source = 'the store';
        const migration = await store.chainMigration();
        if (migration) {
          say(
            io,
            `the store's log was chained by its migration on ${migration.migratedAt}: ${migration.events} events (positions ${migration.fromPosition}–${migration.toPosition}).`,
          );
        }
        report = await verifyChain(storeEvents(store), { checkpoints: checkpoints ?? (await store.readCheckpoints()), publicKey: key?.key, partial });
      } finally {
        await store.close();
      }
    }
    if (!key) say(io, 'no public key: checkpoints were not checked (give --public-key).');
    if (format === 'json') await writeOut(io.stdout, `${JSON.stringify(report)}\n`);
    else await writeOut(io.stdout, renderVerifyReport(report, source));
    return verdict(report);
  },
};

/** The module the parallel verifier's workers read export lines with (export-file-events `eventsOfLines`), source or build alike. */
const EXPORT_LINE_READER = join(__dirname, `export-file-events${extname(__filename)}`);

async function* storeEvents(store: EventStore): AsyncIterable<VerifiableEvent> {
  if (!isTamperEvident(store)) return;
  for await (const event of store.readChained()) yield { ...event, position: event.globalPosition };
}

/** 0: intact; 4: the log does not match its chain or a checkpoint. */
function verdict(report: VerifyReport): ExitCode {
  return report.intact ? EXIT.ok : EXIT.tampered;
}
