import { CheckpointWriter, isTamperEvident } from '@switchboard/event-store';
import type { CliIo } from '../../cli-io';
import { say, writeOut } from '../../cli-io';
import type { Command } from '../../command';
import { withStore } from '../../environment';
import { EXIT, UsageError } from '../../exit-codes';
import { signingKey } from './audit-key';

/** `switchboard audit checkpoint`: signs the log's head now and keeps the checkpoint in the store. */
export const auditCheckpointCommand: Command = {
  name: 'audit checkpoint',
  summary: "Sign a checkpoint of the log now (Ed25519) and keep it in the store; prints it as one JSON line for an auditor's copy.",
  arguments: '',
  options: {},
  usesStore: true,
  usesCatalog: false,
  examples: ['switchboard audit checkpoint >> checkpoints.ndjson', 'SWITCHBOARD_AUDIT_SIGNING_KEY=/etc/switchboard/audit.pem switchboard audit checkpoint'],
  run: (args, io: CliIo) =>
    withStore(args, io, async (store) => {
      if (!isTamperEvident(store)) throw new UsageError('this store keeps no hash chain.');
      const key = signingKey(args, io);
      if (key.created) say(io, `audit checkpoint: generated the signing key ${key.file} (public key beside it: give that to auditors).`);
      const checkpoint = await new CheckpointWriter(store, key.privateKey, () => io.now()).write();
      await writeOut(io.stdout, `${JSON.stringify(checkpoint)}\n`);
      say(io, `audit checkpoint: ${checkpoint.body.events} events, position ${checkpoint.body.position}, signed by key ${checkpoint.body.keyId}.`);
      return EXIT.ok;
    }),
};

/** `switchboard audit checkpoints`: every checkpoint kept in the store, for an auditor to keep outside the system. */
export const auditCheckpointsCommand: Command = {
  name: 'audit checkpoints',
  summary: 'Write every signed checkpoint kept in the store as NDJSON to stdout (what `audit verify --checkpoints` reads).',
  arguments: '',
  options: {},
  usesStore: true,
  usesCatalog: false,
  examples: ['switchboard audit checkpoints > checkpoints.ndjson'],
  run: (args, io: CliIo) =>
    withStore(args, io, async (store) => {
      if (!isTamperEvident(store)) throw new UsageError('this store keeps no hash chain.');
      const checkpoints = await store.readCheckpoints();
      for (const checkpoint of checkpoints) await writeOut(io.stdout, `${JSON.stringify(checkpoint)}\n`);
      say(io, `audit checkpoints: ${checkpoints.length} checkpoints written.`);
      return EXIT.ok;
    }),
};

/** `switchboard audit public-key`: the public key auditors verify checkpoints with. */
export const auditPublicKeyCommand: Command = {
  name: 'audit public-key',
  summary: 'Print the public key of the checkpoint signing key (PEM), which is all an auditor needs besides the export and checkpoints.',
  arguments: '',
  options: {},
  usesStore: true,
  usesCatalog: false,
  examples: ['switchboard audit public-key > audit-signing-key.pub.pem'],
  run: async (args, io: CliIo) => {
    const key = signingKey(args, io);
    if (key.created) say(io, `audit public-key: generated the signing key ${key.file}.`);
    await writeOut(io.stdout, String(key.publicKey.export({ type: 'spki', format: 'pem' })));
    return EXIT.ok;
  },
};
