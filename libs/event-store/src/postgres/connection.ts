import type { PoolConfig } from 'pg';
import { InvalidArgumentError } from '../port/errors';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Where a `postgres://…` event store URL points: the server's connection settings and the schema of the tables. */
export interface PostgresLocation {
  /** The connection string without the `schema` parameter. */
  readonly connectionString: string;
  /** The schema named by `?schema=`, created if missing; omitted means the connection's default (`public`). */
  readonly schema: string | undefined;
  /** The URL without its password, for messages. */
  readonly display: string;
}

/** Parses `postgres://user:password@host:port/database?schema=name` (also `postgresql://`). */
export function parsePostgresUrl(url: string): PostgresLocation {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidArgumentError(`Event store URL ${JSON.stringify(url)} is not a valid postgres:// URL.`);
  }
  const schema = parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new InvalidArgumentError(`Event store URL: schema ${JSON.stringify(schema)} must be a lowercase identifier (letters, digits, _).`);
  }
  const display = new URL(parsed.toString());
  if (display.password) display.password = '***';
  return { connectionString: parsed.toString(), schema, display: display.toString() };
}

/**
 * Session settings of every connection the store opens. A transaction left idle (a client cut off
 * mid-append) is ended by the server instead of holding the log's head row; TCP keepalives let the
 * server notice a vanished client, and the client a vanished server.
 */
export function poolConfig(location: PostgresLocation, max: number, timeouts: { connectMs: number; queryMs: number }): PoolConfig {
  const settings = [
    ...(location.schema ? [`search_path=${location.schema}`] : []),
    'idle_in_transaction_session_timeout=10000',
    'tcp_keepalives_idle=10',
    'tcp_keepalives_interval=5',
    'tcp_keepalives_count=3',
    // Every statement the store prepares (and those inside event_store_append) is a keyed lookup or
    // insert: a generic plan is as good as a custom one, without planning again on each call.
    'plan_cache_mode=force_generic_plan',
  ];
  return {
    connectionString: location.connectionString,
    max,
    options: settings.map((setting) => `-c ${setting}`).join(' '),
    connectionTimeoutMillis: timeouts.connectMs,
    query_timeout: timeouts.queryMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    application_name: 'switchboard-event-store',
  };
}
