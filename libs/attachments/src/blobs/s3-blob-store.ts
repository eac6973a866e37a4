import { GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { sha256Hex } from '../content/process-photo';
import { assertBlobName, type BlobStore } from './blob-store';

/** Where blobs go in an S3-compatible store. */
export interface S3Location {
  readonly bucket: string;
  /** Key prefix, without a trailing slash ('' for none). */
  readonly prefix: string;
  /** An S3-compatible endpoint (MinIO, Ceph, Garage, …), addressed path-style; absent for AWS itself. */
  readonly endpoint?: string;
  readonly region: string;
}

/**
 * Reads a store's address: `s3://bucket[/prefix]` for AWS S3, or `http(s)://host[:port]/bucket[/prefix]`
 * for an S3-compatible endpoint. Credentials never go in it: the AWS SDK's own chain finds them
 * (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, an instance role).
 */
export function parseS3Location(url: string, region = 'us-east-1'): S3Location {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`An S3 location must be s3://bucket[/prefix] or http(s)://host[:port]/bucket[/prefix], got ${JSON.stringify(url)}.`);
  }
  if (parsed.username || parsed.password)
    throw new Error('An S3 location must not carry credentials; the AWS SDK reads them from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.');
  const path = parsed.pathname.split('/').filter(Boolean);
  if (parsed.protocol === 's3:') return { bucket: parsed.hostname, prefix: path.join('/'), region };
  if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && path.length > 0) {
    return { bucket: path[0], prefix: path.slice(1).join('/'), endpoint: parsed.origin, region };
  }
  throw new Error(`An S3 location must be s3://bucket[/prefix] or http(s)://host[:port]/bucket[/prefix], got ${JSON.stringify(url)}.`);
}

const notThere = (error: unknown): boolean =>
  error instanceof NoSuchKey || error instanceof NotFound || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404);

/**
 * Blobs as objects of an S3-compatible store (production: every API instance reads and writes the
 * same bucket). A PUT is atomic in S3 — an object is visible whole or not at all — and the digest
 * is sent along (`x-amz-checksum-sha256`), so the store itself refuses bytes damaged on the way.
 */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;

  constructor(
    private readonly where: S3Location,
    client?: S3Client,
  ) {
    this.client = client ?? new S3Client({ region: where.region, ...(where.endpoint ? { endpoint: where.endpoint, forcePathStyle: true } : {}) });
  }

  get location(): string {
    return `${this.where.endpoint ?? 's3:/'}/${this.where.bucket}${this.where.prefix ? `/${this.where.prefix}` : ''}`;
  }

  private keyOf(sha256: string): string {
    assertBlobName(sha256);
    return `${this.where.prefix ? `${this.where.prefix}/` : ''}${sha256.slice(0, 2)}/${sha256}`;
  }

  async put(sha256: string, bytes: Buffer, contentType: string): Promise<void> {
    const key = this.keyOf(sha256);
    if (sha256Hex(bytes) !== sha256) throw new Error(`The bytes given for blob ${sha256} have another SHA-256.`);
    if (await this.has(sha256)) return;
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.where.bucket,
        Key: key,
        Body: bytes,
        ContentType: contentType,
        ContentLength: bytes.length,
        ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
      }),
    );
  }

  async get(sha256: string): Promise<Buffer | undefined> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.where.bucket, Key: this.keyOf(sha256) }));
      return answer.Body ? Buffer.from(await answer.Body.transformToByteArray()) : undefined;
    } catch (error) {
      if (notThere(error)) return undefined;
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.where.bucket, Key: this.keyOf(sha256) }));
      return true;
    } catch (error) {
      if (notThere(error)) return false;
      throw error;
    }
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
