/**
 * Where photos' bytes live: a content-addressed store, each blob named by the SHA-256 of its bytes
 * (lower-case hex). Blobs are only ever added — like the log that names them — so a name always
 * means the same bytes, a retried upload writes nothing new, and a reader never sees half a blob.
 */
export interface BlobStore {
  /** Stores `bytes` under `sha256` (refused when it is not their digest); storing bytes already there does nothing. */
  put(sha256: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes stored under `sha256`, or undefined when there are none. */
  get(sha256: string): Promise<Buffer | undefined>;
  has(sha256: string): Promise<boolean>;
  /** Where the blobs are, in words for logs (no credentials). */
  readonly location: string;
  close(): Promise<void>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Refuses a name that is not a SHA-256 digest: it becomes part of a path or an object key. */
export function assertBlobName(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new Error(`A blob name must be a SHA-256 digest in lower-case hex, got ${JSON.stringify(sha256.slice(0, 80))}.`);
}
