import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResidentKeyStore } from '@switchboard/ticketing';
import { usePostgresSchemas } from '../../../event-store/src/testing/postgres-schemas';
import { InMemoryResidentKeyStore } from './in-memory-resident-key-store';
import { PostgresResidentKeyStore } from './postgres-resident-key-store';
import { residentKeysPathFor, residentKeysSetting } from './open-resident-key-store';
import { SqliteResidentKeyStore } from './sqlite-resident-key-store';

const erasedAt = new Date('2026-11-02T15:00:00Z');
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'resident-keys-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const newSchema = usePostgresSchemas();

describe.each([
  ['SQLite', () => new SqliteResidentKeyStore(join(dir, 'resident-keys.db'))],
  ['in memory', () => new InMemoryResidentKeyStore()],
  ['PostgreSQL', () => new PostgresResidentKeyStore(newSchema())],
] as const)('the resident key store contract (%s)', (_name, open: () => ResidentKeyStore) => {
  it('given a record, when its key is issued twice, then it is the same 32 bytes, and another record gets another', async () => {
    const keys = open();
    const first = await keys.issue('ticket-A');
    expect(first).toBeInstanceOf(Uint8Array);
    expect((first as Uint8Array).length).toBe(32);
    expect(await keys.issue('ticket-A')).toEqual(first);
    expect(await keys.issue('ticket-B')).not.toEqual(first);
    expect((await keys.ring(['ticket-A', 'ticket-C'])).lookup('ticket-A')).toEqual(first);
    expect((await keys.ring(['ticket-C'])).lookup('ticket-C')).toBeUndefined();
    await keys.close();
  });

  it('given an issued key, when erased, then it reads erased, no key is issued again, and a second erasure says so', async () => {
    const keys = open();
    await keys.issue('ticket-A');
    await keys.issue('ticket-B');
    expect(await keys.erase('ticket-A', erasedAt)).toBe(true);
    expect((await keys.ring(['ticket-A'])).lookup('ticket-A')).toBe('erased');
    expect(await keys.issue('ticket-A')).toBe('erased');
    expect(await keys.erase('ticket-A', erasedAt)).toBe(false);
    expect((await keys.ring(['ticket-B'])).lookup('ticket-B')).toBeInstanceOf(Uint8Array);
    await keys.close();
  });

  it('given a record that never had a key (plaintext from before sealing), when erased, then it reads erased', async () => {
    const keys = open();
    expect(await keys.erase('ticket-OLD', erasedAt)).toBe(true);
    expect((await keys.ring(['ticket-OLD'])).lookup('ticket-OLD')).toBe('erased');
    expect(await keys.issue('ticket-OLD')).toBe('erased');
    await keys.close();
  });
});

describe('the PostgreSQL key store opened by several processes at once', () => {
  it('given a schema nobody created yet, when six stores issue keys in it at the same moment, then all succeed and agree', async () => {
    const url = newSchema();
    const stores = Array.from({ length: 6 }, () => new PostgresResidentKeyStore(url));
    try {
      const keys = await Promise.all(stores.map((store) => store.issue('ticket-SHARED')));
      for (const key of keys) expect(key).toEqual(keys[0]);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });
});

describe('the embedded key store file', () => {
  it('given keys written and the store reopened, then they are the same; after erasure the key’s bytes are in no file of the store', async () => {
    const path = join(dir, 'resident-keys.db');
    const keys = new SqliteResidentKeyStore(path);
    const key = Buffer.from((await keys.issue('ticket-A')) as Uint8Array);
    await keys.close();
    const reopened = new SqliteResidentKeyStore(path);
    expect(Buffer.from((await reopened.issue('ticket-A')) as Uint8Array)).toEqual(key);
    await reopened.erase('ticket-A', erasedAt);
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file)).includes(key)).toBe(false);
    await reopened.close();
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file)).includes(key)).toBe(false);
  });

  it('lives beside a SQLite log, in memory with a memory log, in a schema apart beside a PostgreSQL log, where configured, else in the data folder', () => {
    expect(residentKeysPathFor('sqlite:/var/lib/switchboard/switchboard.db')).toBe('/var/lib/switchboard/resident-keys.db');
    expect(residentKeysPathFor('memory:')).toBe('memory');
    expect(residentKeysPathFor('postgres://localhost/test', '/keys/resident-keys.db')).toBe('/keys/resident-keys.db');
    expect(residentKeysPathFor('postgres://localhost/test', 'postgres://localhost/keys?schema=k')).toBe('postgres://localhost/keys?schema=k');
    expect(residentKeysSetting('postgres://localhost/keys?schema=k', '/srv')).toBe('postgres://localhost/keys?schema=k');
    expect(residentKeysSetting('keys.db', '/srv')).toBe('/srv/keys.db');
    expect(residentKeysPathFor('postgres://localhost/test')).toBe('postgres://localhost/test?schema=resident_keys');
    expect(residentKeysPathFor('postgresql://u:p@db:5432/events?schema=log')).toBe('postgresql://u:p@db:5432/events?schema=log_resident_keys');
    expect(residentKeysPathFor('esdb://localhost:2113?tls=false')).toBe(join(process.cwd(), 'data', 'resident-keys.db'));
  });
});
