import { Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';
import type { ReadDb } from './read-db';
import { ReadStore } from './read-store';
import { migrateReadStore } from './migrations';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Opens the PostgreSQL read store and migrates it. A `schema` query parameter in the URL puts the
 * read models in that schema (created if missing), e.g. one schema per test file.
 */
export async function openPostgresReadStore(url: string, options: { maxConnections?: number } = {}): Promise<ReadStore> {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`Read store URL: schema ${JSON.stringify(schema)} must be a lowercase identifier (letters, digits, _).`);
  }
  const pool = new Pool({
    connectionString: parsed.toString(),
    max: options.maxConnections ?? 10,
    // No JIT: the read models' statements are short index reads, and a plan the planner costs high
    // (a UNION ALL of index ranges over a large table) spent ~3 s compiling for a 30 ms read.
    options: `-c jit=off${schema ? ` -c search_path=${schema}` : ''}`,
  });
  const db = new Kysely<ReadDb>({ dialect: new PostgresDialect({ pool }) });
  const store = new ReadStore(db, 'postgres', { begin: 'begin', isBusy: () => false });
  try {
    if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    await migrateReadStore(store);
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}
