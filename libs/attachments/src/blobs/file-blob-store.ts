import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '../content/process-photo';
import { assertBlobName, type BlobStore } from './blob-store';

const missing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Blobs as files under a directory (the embedded default: beside the SQLite log, in the data
 * directory), fanned out by the digest's first two characters. A blob is written to a temporary
 * file in its final directory, flushed, and renamed into place, then the directory is flushed: after
 * a crash a blob is there whole or not at all, never half-written under its name.
 */
export class FileBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  get location(): string {
    return this.root;
  }

  private pathOf(sha256: string): { dir: string; file: string } {
    assertBlobName(sha256);
    const dir = join(this.root, sha256.slice(0, 2));
    return { dir, file: join(dir, sha256) };
  }

  async put(sha256: string, bytes: Buffer, _contentType?: string): Promise<void> {
    const { dir, file } = this.pathOf(sha256);
    if (sha256Hex(bytes) !== sha256) throw new Error(`The bytes given for blob ${sha256} have another SHA-256.`);
    if (await this.has(sha256)) return;
    await mkdir(dir, { recursive: true });
    const temporary = join(dir, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await open(temporary, 'wx', 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    const directory = await open(dir, 'r');
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
  }

  async get(sha256: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.pathOf(sha256).file);
    } catch (error) {
      if (missing(error)) return undefined;
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256).file)).isFile();
    } catch (error) {
      if (missing(error)) return false;
      throw error;
    }
  }

  async close(): Promise<void> {}
}
