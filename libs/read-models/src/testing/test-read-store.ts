import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { ReadStore } from '../store/read-store';
import { createReadStore } from '../store/create-read-store';

export type ReadStoreKind = 'sqlite' | 'postgres';

/** Both read stores: every read-store spec runs on each (PostgreSQL must be up; a spec fails, never skips, without it). */
export const READ_STORE_KINDS: readonly ReadStoreKind[] = ['sqlite', 'postgres'];

export const POSTGRES_URL = process.env.SWITCHBOARD_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A place for read stores of one spec file: a temp directory (SQLite) or a fresh schema (PostgreSQL), removed afterwards. */
export function useReadStoreLocation(kind: ReadStoreKind): () => string {
  let dir = '';
  const schemas: string[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-rm-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (schemas.length === 0) return;
    const client = new Client({ connectionString: POSTGRES_URL });
    await client.connect();
    for (const schema of schemas) await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  });
  return () => {
    const name = `rm_${randomBytes(6).toString('hex')}`;
    if (kind === 'sqlite') return `sqlite:${join(dir, `${name}.db`)}`;
    schemas.push(name);
    return `${POSTGRES_URL}?schema=${name}`;
  };
}

/** Opens a fresh read store per test and closes it after. */
export function useReadStore(kind: ReadStoreKind): { store: () => ReadStore; url: () => string; newUrl: () => string } {
  const newUrl = useReadStoreLocation(kind);
  let store: ReadStore | undefined;
  let url = '';
  beforeEach(async () => {
    url = newUrl();
    store = await createReadStore(url);
  });
  afterEach(async () => {
    await store?.close();
  });
  return { store: () => store!, url: () => url, newUrl };
}
