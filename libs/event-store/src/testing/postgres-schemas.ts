import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The PostgreSQL server the tests use (trust auth on the local machine by default). */
export const TEST_POSTGRES_URL = process.env.SWITCHBOARD_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Runs `work` with a plain connection to `url`, closed afterwards. */
export async function withPostgres<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Fresh schemas on the test server for one spec file: each call gives the URL of a new schema
 * (`?schema=es_…`, created by the store on open); all of them, and the resident key schemas beside
 * them, are dropped after the file's tests.
 * Fails, never skips, when PostgreSQL is down.
 */
export function usePostgresSchemas(base: string = TEST_POSTGRES_URL): () => string {
  const schemas: string[] = [];
  afterAll(async () => {
    if (schemas.length === 0) return;
    await withPostgres(base, async (client) => {
      // A store a failed test left open must not make the clean-up wait forever.
      await client.query(`SET lock_timeout = '5s'`);
      // The resident keys of a log in a schema live beside it, in `<schema>_resident_keys`.
      for (const schema of schemas.flatMap((name) => [name, `${name}_resident_keys`])) {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch((error: Error) => console.warn(`schema ${schema} left behind: ${error.message}`));
      }
    });
  });
  return () => {
    const schema = `es_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    const url = new URL(base);
    url.searchParams.set('schema', schema);
    return url.toString();
  };
}
