import { resolve } from 'node:path';
import { loadPublicKey, loadSigningKey, publicKeyFileOf, signingKeyFile, type SigningKey } from '@switchboard/event-store';
import type { KeyObject } from 'node:crypto';
import type { CliIo } from '../../cli-io';
import type { ParsedArgs } from '../../command';
import { storeUrl } from '../../environment';
import { UsageError } from '../../exit-codes';
import { stringOption } from '../../parse-command-line';

/** The checkpoint signing key: SWITCHBOARD_AUDIT_SIGNING_KEY, else the embedded default's key file beside the SQLite store (generated on first use). */
export function signingKey(args: ParsedArgs, io: CliIo): SigningKey {
  const configured = io.env.SWITCHBOARD_AUDIT_SIGNING_KEY;
  const file = signingKeyFile(storeUrl(args, io), configured && resolve(io.cwd, configured));
  if (!file)
    throw new UsageError(
      'set SWITCHBOARD_AUDIT_SIGNING_KEY to the checkpoint signing key file (an Ed25519 private key, PEM): the store is not the embedded SQLite one.',
    );
  return loadSigningKey(file, { create: !configured });
}

/** The public key to verify checkpoints with: `--public-key`, else the signing key's public key file when it exists, else none. */
export function verifyingKey(args: ParsedArgs, io: CliIo, fromStore: boolean): { key: KeyObject; file: string } | undefined {
  const named = stringOption(args, 'public-key');
  if (named) return { key: loadPublicKey(resolve(io.cwd, named)), file: named };
  if (!fromStore) return undefined;
  const configured = io.env.SWITCHBOARD_AUDIT_SIGNING_KEY;
  const file = signingKeyFile(storeUrl(args, io), configured && resolve(io.cwd, configured));
  if (!file) return undefined;
  try {
    return { key: loadPublicKey(publicKeyFileOf(file)), file: publicKeyFileOf(file) };
  } catch {
    return undefined;
  }
}
