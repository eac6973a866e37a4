import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describeBlobStoreContract } from '../testing/blob-store-contract';
import { sha256Hex } from '../content/process-photo';
import { FileBlobStore } from './file-blob-store';

const roots: string[] = [];
afterAll(async () => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

const freshRoot = async () => {
  const root = await mkdtemp(join(tmpdir(), 'switchboard-blobs-'));
  roots.push(root);
  return root;
};

describeBlobStoreContract('file system', async () => {
  const root = await freshRoot();
  return { store: new FileBlobStore(root), reopen: async () => new FileBlobStore(root) };
});

describe('FileBlobStore', () => {
  it('writes by temporary file and rename: nothing but the blob is left, fanned out by the digest’s first two characters', async () => {
    const root = await freshRoot();
    const bytes = randomBytes(1000);
    const sha = sha256Hex(bytes);
    await new FileBlobStore(root).put(sha, bytes, 'image/jpeg');
    expect(await readdir(root)).toEqual([sha.slice(0, 2)]);
    expect(await readdir(join(root, sha.slice(0, 2)))).toEqual([sha]);
  });

  it('never takes a temporary file left by a crash for the blob, and writes the blob beside it', async () => {
    const root = await freshRoot();
    const bytes = randomBytes(1000);
    const sha = sha256Hex(bytes);
    await mkdir(join(root, sha.slice(0, 2)));
    await writeFile(join(root, sha.slice(0, 2), `.${sha}.abcdef.tmp`), bytes.subarray(0, 10));
    const store = new FileBlobStore(root);
    expect(await store.has(sha)).toBe(false);
    expect(await store.get(sha)).toBeUndefined();
    await store.put(sha, bytes, 'image/jpeg');
    expect((await store.get(sha))?.equals(bytes)).toBe(true);
  });
});
