import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { POSTGRES_URL, type ReadStoreKind } from '../../../libs/read-models/src/testing/test-read-store';
import type { ApiConfig } from '../src/config/api-config';
import { startTestApi, type TestApi } from './api-harness';

export { READ_STORE_KINDS } from '../../../libs/read-models/src/testing/test-read-store';

/**
 * The real app for a describe block, with its read models in the event store's SQLite file or in a
 * fresh PostgreSQL schema that is dropped once the app has closed.
 */
export function useApiOnReadStore(kind: ReadStoreKind, overrides: Partial<ApiConfig> = {}): () => TestApi {
  let api: TestApi | undefined;
  const schema = `api_${randomBytes(6).toString('hex')}`;
  beforeAll(async () => {
    api = await startTestApi(kind === 'postgres' ? { readStoreUrl: `${POSTGRES_URL}?schema=${schema}`, ...overrides } : overrides);
  });
  afterAll(async () => {
    await api?.close();
    if (kind !== 'postgres') return;
    const client = new Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  });
  return () => api as TestApi;
}
