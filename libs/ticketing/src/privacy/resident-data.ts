import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

// Residents' personal data is stored sealed (AES-256-GCM) under a key per resident record: a
// ticket or a 311 contact, named by its stream. The keys live apart from the log (a
// ResidentKeyStore); destroying one leaves the sealed text in the log, hashed and chained as it
// was written, and nobody able to read it (docs/audit.md, "Erasable personal data").

/** A record's key as the codec sees it: the 32 bytes, `erased` once its data was erased, undefined when none was ever issued. */
export type ResidentKeyState = Uint8Array | 'erased' | undefined;

/** The sync view of the keys a decode reads with: resolved for the streams about to be read. */
export interface ResidentKeyRing {
  lookup(recordId: string): ResidentKeyState;
}

/** What an encode seals a record's personal data with: the record (its stream name) and its key, or `erased` (the data is dropped). */
export interface ResidentSealing {
  readonly recordId: string;
  readonly key: Uint8Array | 'erased';
}

/** The key store: apart from the log (a SQLite file of its own by default; a city's KMS can implement it). */
export interface ResidentKeyStore {
  /** The record's key, created on first use; `erased` when its data was erased (no new key is ever issued for it). */
  issue(recordId: string): Promise<Uint8Array | 'erased'>;
  /** The keys of these records as they stand now, for decoding their events. */
  ring(recordIds: readonly string[]): Promise<ResidentKeyRing>;
  /** Destroys the record's key and marks it erased (also when it never had one: its plaintext events are then redacted on read). False when it was erased already. */
  erase(recordId: string, erasedAt: Date): Promise<boolean>;
  close(): Promise<void>;
}

/** The one key ring with no keys: sealed data reads as redacted, plaintext as written. */
export const NO_RESIDENT_KEYS: ResidentKeyRing = { lookup: () => undefined };

/** Personal data as the log stores it: `A256GCM.<iv>.<ciphertext>.<tag>` (base64url), bound to its record by the associated data. */
export interface SealedResidentData {
  readonly sealed: string;
}

const FORMAT = 'A256GCM';
const KEY_BYTES = 32;
const IV_BYTES = 12;

/** A fresh random key. */
export const newResidentKey = (): Uint8Array => randomBytes(KEY_BYTES);

/**
 * Seals `value` for the record. The IV is synthetic (HMAC of the key over event id and plaintext):
 * the same event written again (an import re-run, a retried append) is the same text, so the
 * store's idempotent retry still recognises it, and two different plaintexts never share an IV.
 */
export function sealResidentData(value: unknown, key: Uint8Array, recordId: string, eventId: string): SealedResidentData {
  if (key.length !== KEY_BYTES) throw new Error(`A resident key has ${KEY_BYTES} bytes (got ${key.length}).`);
  const plaintext = JSON.stringify(value);
  const iv = createHmac('sha256', key).update(`${recordId}\0${eventId}\0${plaintext}`).digest().subarray(0, IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(recordId, 'utf8'));
  const text = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { sealed: [FORMAT, iv.toString('base64url'), text.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.') };
}

/** The value sealed for this record; undefined when the key is not the one it was sealed with (or the text was changed). */
export function openResidentData(data: SealedResidentData, key: Uint8Array, recordId: string): unknown {
  const [format, iv, text, tag] = data.sealed.split('.');
  if (format !== FORMAT || iv === undefined || text === undefined || tag === undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(recordId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return JSON.parse(Buffer.concat([decipher.update(Buffer.from(text, 'base64url')), decipher.final()]).toString('utf8'));
  } catch {
    return undefined;
  }
}

export const isSealedResidentData = (value: unknown): value is SealedResidentData =>
  typeof value === 'object' && value !== null && typeof (value as { sealed?: unknown }).sealed === 'string' && Object.keys(value).length === 1;

/** An event's data with the personal field sealed; without it when the record was erased. Fails loudly when a writer forgot the key. */
export function sealedField(
  data: Readonly<Record<string, unknown>>,
  field: string,
  eventId: string,
  sealing: ResidentSealing | undefined,
): Record<string, unknown> {
  const value = data[field];
  if (value === undefined) return data as Record<string, unknown>;
  if (!sealing) throw new Error(`Resident data (${field}) is written sealed: the writer must issue the record's key first.`);
  const { [field]: _personal, ...rest } = data;
  return sealing.key === 'erased' ? rest : { ...rest, [field]: sealResidentData(value, sealing.key, sealing.recordId, eventId) };
}

/**
 * An event's data with the personal field readable, when it can be: sealed data opened with the
 * record's key, plaintext (events written before sealing) kept until the record is erased. Dropped
 * otherwise (erased, no key, or no record id to bind it to), so no reader ever sees ciphertext or
 * erased plaintext. `fallback` stands in when the field is required by the event's shape.
 */
export function openedField(
  data: Readonly<Record<string, unknown>>,
  field: string,
  recordId: string | undefined,
  keys: ResidentKeyRing,
  fallback?: unknown,
): Record<string, unknown> {
  const value = data[field];
  if (value === undefined) return data as Record<string, unknown>;
  const key = recordId === undefined ? undefined : keys.lookup(recordId);
  const readable = !isSealedResidentData(value)
    ? key === 'erased'
      ? undefined
      : value
    : key instanceof Uint8Array
      ? openResidentData(value, key, recordId!)
      : undefined;
  if (readable !== undefined) return { ...data, [field]: readable };
  const { [field]: _personal, ...rest } = data;
  return fallback === undefined ? rest : { ...rest, [field]: fallback };
}
