import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../content/process-photo';
import type { BlobStore } from '../blobs/blob-store';

/** A store under test, and a second one opened on the same place (another process, or the next start). */
export interface BlobStoreUnderTest {
  readonly store: BlobStore;
  reopen(): Promise<BlobStore>;
}

const blob = (size = 2048) => {
  const bytes = randomBytes(size);
  return { bytes, sha256: sha256Hex(bytes) };
};

/** What every blob store must do: the file system store and the S3 adapter run the same suite. */
export function describeBlobStoreContract(name: string, open: () => Promise<BlobStoreUnderTest>): void {
  describe(`BlobStore contract: ${name}`, () => {
    let subject: BlobStoreUnderTest;
    const opened: BlobStore[] = [];
    beforeEach(async () => {
      subject = await open();
      opened.push(subject.store);
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    it('gives back the bytes stored under their digest, and says it has them', async () => {
      const { bytes, sha256 } = blob();
      expect(await subject.store.has(sha256)).toBe(false);
      await subject.store.put(sha256, bytes, 'image/jpeg');
      expect(await subject.store.has(sha256)).toBe(true);
      expect((await subject.store.get(sha256))?.equals(bytes)).toBe(true);
    });

    it('answers undefined for a digest it does not hold', async () => {
      const { sha256 } = blob();
      expect(await subject.store.get(sha256)).toBeUndefined();
      expect(await subject.store.has(sha256)).toBe(false);
    });

    it('takes the same bytes again (a retried upload), also at once, and keeps them whole', async () => {
      const { bytes, sha256 } = blob(64 * 1024);
      await Promise.all([subject.store.put(sha256, bytes, 'image/png'), subject.store.put(sha256, bytes, 'image/png')]);
      await subject.store.put(sha256, bytes, 'image/png');
      expect((await subject.store.get(sha256))?.equals(bytes)).toBe(true);
    });

    it('refuses bytes that are not those the name says, and stores nothing', async () => {
      const { bytes } = blob();
      const other = blob();
      await expect(subject.store.put(other.sha256, bytes, 'image/jpeg')).rejects.toThrow(/another SHA-256/);
      expect(await subject.store.has(other.sha256)).toBe(false);
    });

    it('refuses a name that is not a SHA-256 digest (it would become a path or a key)', async () => {
      for (const bad of ['../../etc/passwd', 'A'.repeat(64), `${'a'.repeat(63)}/`, '']) {
        await expect(subject.store.get(bad)).rejects.toThrow(/SHA-256 digest/);
        await expect(subject.store.put(bad, Buffer.from('x'), 'image/jpeg')).rejects.toThrow(/SHA-256 digest/);
      }
    });

    it('keeps what it stored for another store opened on the same place', async () => {
      const { bytes, sha256 } = blob();
      await subject.store.put(sha256, bytes, 'image/webp');
      const again = await subject.reopen();
      opened.push(again);
      expect((await again.get(sha256))?.equals(bytes)).toBe(true);
    });
  });
}
