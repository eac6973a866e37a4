import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Enough for the projection's upsert shapes (tables × chunk sizes) plus transaction control. */
const CACHED_STATEMENTS = 64;

/**
 * The database as Kysely sees it, reusing prepared write statements: Kysely prepares every query
 * afresh, and preparing a multi-row upsert costs about as much as running it. Only statements that
 * return no rows are cached; a reader could still be mid-iteration when it is asked for again.
 */
export function withStatementCache(database: Database.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare: (source: string): SqliteStatement => {
      const cached = cache.get(source);
      if (cached) return cached;
      const statement = database.prepare(source);
      if (statement.reader) return statement;
      if (cache.size >= CACHED_STATEMENTS) cache.delete(cache.keys().next().value!);
      cache.set(source, statement);
      return statement;
    },
  };
}
