import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseEventStoreUrl } from '../config/event-store-url';
import { InvalidArgumentError } from '../port/errors';

/** The key file's name in the embedded default's data directory (the SQLite file's folder). */
export const DEFAULT_KEY_FILE = 'audit-signing-key.pem';
/** Its public key, written beside it for auditors. */
export const DEFAULT_PUBLIC_KEY_FILE = 'audit-signing-key.pub.pem';

/** The checkpoint signing key file: the one configured (SWITCHBOARD_AUDIT_SIGNING_KEY), else the embedded default's, else none. */
export function signingKeyFile(storeUrl: string, configured: string | undefined): string | undefined {
  if (configured) return configured;
  const config = parseEventStoreUrl(storeUrl);
  return config.adapter === 'sqlite' ? join(dirname(config.path), DEFAULT_KEY_FILE) : undefined;
}

export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly file: string;
  /** Whether this call generated the key file. */
  readonly created: boolean;
}

/**
 * Reads the Ed25519 private key (PEM, PKCS#8) from `file`; with `create`, a missing file is
 * generated (readable by its owner only) with the public key beside it (`.pub.pem`).
 */
export function loadSigningKey(file: string, { create }: { readonly create: boolean }): SigningKey {
  if (!existsSync(file)) {
    if (!create) throw new InvalidArgumentError(`The checkpoint signing key ${file} does not exist.`);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    writeFileSync(publicKeyFileOf(file), publicKey.export({ type: 'spki', format: 'pem' }));
    return { privateKey, publicKey, file, created: true };
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(file));
  } catch (error) {
    throw new InvalidArgumentError(`The checkpoint signing key ${file} is not a PEM private key: ${(error as Error).message}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new InvalidArgumentError(`The checkpoint signing key ${file} is a ${privateKey.asymmetricKeyType} key; checkpoints are signed with Ed25519.`);
  }
  return { privateKey, publicKey: createPublicKey(privateKey), file, created: false };
}

/** Reads an Ed25519 public key (PEM, SPKI) an auditor was given. */
export function loadPublicKey(file: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(readFileSync(file));
  } catch (error) {
    throw new InvalidArgumentError(`${file} is not a PEM public key: ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new InvalidArgumentError(`${file} is a ${key.asymmetricKeyType} key; checkpoints are signed with Ed25519.`);
  return key;
}

/** `x.pem` → `x.pub.pem`. */
export function publicKeyFileOf(file: string): string {
  return file.endsWith('.pem') ? `${file.slice(0, -'.pem'.length)}.pub.pem` : `${file}.pub.pem`;
}
