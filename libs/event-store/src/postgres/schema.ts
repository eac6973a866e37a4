import type { ClientBase } from 'pg';
import { StoreUnavailableError } from '../port/errors';
import { chainExistingLog } from './chain-migration';

/** The schema version this build writes; a database with a higher version was written by a newer Switchboard. */
export const SCHEMA_VERSION = 2;

/** The channel the append trigger notifies, with the schema of the log as payload. */
export const APPENDED_CHANNEL = 'switchboard_event_store_appended';

/**
 * Migration N brings a schema from version N - 1 to N. Never edit a released migration: add one.
 * Table names are prefixed, so the log may share a schema with the read models.
 */
export const MIGRATIONS: readonly (string | ((client: ClientBase) => Promise<void>))[] = [
  `
  -- position is assigned from event_store_head inside the appending transaction, whose row lock is
  -- held until commit: positions have no gaps and their order is commit order (docs/architecture.md).
  CREATE TABLE event_store_events (
    position    bigint PRIMARY KEY,
    event_id    uuid NOT NULL UNIQUE,
    stream_name text NOT NULL,
    revision    bigint NOT NULL,
    type        text NOT NULL,
    -- json, not jsonb: the text is kept exactly as written, so a retried append compares equal.
    data        json NOT NULL,
    metadata    json NOT NULL,
    recorded_at timestamptz NOT NULL,
    UNIQUE (stream_name, revision)
  );
  CREATE TABLE event_store_head (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    position bigint NOT NULL
  ) WITH (fillfactor = 20);
  INSERT INTO event_store_head (position) VALUES (0);
  -- One call appends a batch (see append-statement.ts). It updates the head row first: the row lock
  -- is held until commit, and what the call checks next sees every append committed before it. A
  -- missing predecessor (an exact expected revision not stored) fails it with SB001, a taken
  -- revision or event id with a unique violation; either way nothing is written. Otherwise it
  -- returns the head before the batch: row i (from 1) gets base + i.
  CREATE FUNCTION event_store_append(
    streams text[], revisions bigint[], ids uuid[], types text[], data text[], metadata text[],
    predecessor_streams text[], predecessor_revisions bigint[], recorded timestamptz
  ) RETURNS bigint LANGUAGE plpgsql AS $$
  DECLARE
    base bigint;
  BEGIN
    UPDATE event_store_head SET position = position + cardinality(streams) RETURNING position - cardinality(streams) INTO base;
    IF EXISTS (
      SELECT 1 FROM unnest(predecessor_streams, predecessor_revisions) AS p(stream_name, revision)
      WHERE NOT EXISTS (SELECT 1 FROM event_store_events e WHERE e.stream_name = p.stream_name AND e.revision = p.revision)
    ) THEN
      RAISE EXCEPTION USING ERRCODE = 'SB001', MESSAGE = 'event_store_append: an expected revision is not stored';
    END IF;
    INSERT INTO event_store_events (position, event_id, stream_name, revision, type, data, metadata, recorded_at)
    SELECT base + t.ord, t.event_id, t.stream_name, t.revision, t.type, t.data::json, t.metadata::json, recorded
    FROM unnest(streams, revisions, ids, types, data, metadata) WITH ORDINALITY AS t(stream_name, revision, event_id, type, data, metadata, ord);
    PERFORM pg_notify('${APPENDED_CHANNEL}', current_schema());
    RETURN base;
  END $$;
  `,
  // The hash chain (docs/audit.md): every event's log and stream hash, the head's hash, and the
  // signed checkpoints. The events already stored are chained, in log order, and the migration
  // records what it did. event_store_append now chains each batch under the head row's lock.
  async (client) => {
    await client.query(`
      ALTER TABLE event_store_events ADD COLUMN hash bytea, ADD COLUMN stream_hash bytea;
      ALTER TABLE event_store_head ADD COLUMN hash bytea NOT NULL DEFAULT decode(repeat('00', 32), 'hex');
      CREATE TABLE event_store_checkpoints (id bigserial PRIMARY KEY, body text NOT NULL);
      DROP FUNCTION event_store_append(text[], bigint[], uuid[], text[], text[], text[], text[], bigint[], timestamptz);
      ${CHAINED_APPEND}
    `);
    await chainExistingLog(client);
  },
];

/**
 * One call appends a batch (see append-statement.ts). It locks the head row first (held until
 * commit), so what it reads next sees every append committed before it. Each row's content digest
 * comes from the caller (chain/event-hash.ts); the call links it to the head's hash (the log chain)
 * and to the stream's previous hash: that of the row stream_previous names in the same batch (from
 * 1), or else of the stored revision before it. A missing predecessor (a revision after one not
 * stored) fails it with SB001, a taken revision or event id with a unique violation; either way
 * nothing is written. Otherwise it returns the head before the batch: row i (from 1) gets base + i.
 */
const CHAINED_APPEND = `
  CREATE FUNCTION event_store_append(
    streams text[], revisions bigint[], ids uuid[], types text[], data text[], metadata text[],
    digests bytea[], stream_previous int[], recorded timestamptz
  ) RETURNS bigint LANGUAGE plpgsql AS $$
  DECLARE
    genesis constant bytea := decode(repeat('00', 32), 'hex');
    n constant int := cardinality(streams);
    base bigint;
    log_hash bytea;
    previous bytea;
    hashes bytea[] := '{}';
    stream_hashes bytea[] := '{}';
  BEGIN
    SELECT position, hash INTO base, log_hash FROM event_store_head FOR UPDATE;
    FOR i IN 1..n LOOP
      IF stream_previous[i] > 0 THEN
        previous := stream_hashes[stream_previous[i]];
      ELSIF revisions[i] = 0 THEN
        previous := genesis;
      ELSE
        SELECT e.stream_hash INTO previous FROM event_store_events e WHERE e.stream_name = streams[i] AND e.revision = revisions[i] - 1;
        IF NOT FOUND THEN
          RAISE EXCEPTION USING ERRCODE = 'SB001', MESSAGE = 'event_store_append: an expected revision is not stored';
        END IF;
      END IF;
      log_hash := sha256('\\x01'::bytea || log_hash || digests[i]);
      hashes[i] := log_hash;
      stream_hashes[i] := sha256('\\x02'::bytea || coalesce(previous, genesis) || digests[i]);
    END LOOP;
    UPDATE event_store_head SET position = base + n, hash = log_hash;
    INSERT INTO event_store_events (position, event_id, stream_name, revision, type, data, metadata, recorded_at, hash, stream_hash)
    SELECT base + t.ord, t.event_id, t.stream_name, t.revision, t.type, t.data::json, t.metadata::json, recorded, t.hash, t.stream_hash
    FROM unnest(streams, revisions, ids, types, data, metadata, hashes, stream_hashes)
      WITH ORDINALITY AS t(stream_name, revision, event_id, type, data, metadata, hash, stream_hash, ord);
    PERFORM pg_notify('${APPENDED_CHANNEL}', current_schema());
    RETURN base;
  END $$;
`;

/**
 * Creates the schema if needed and applies the migrations it lacks, in one transaction under an
 * advisory lock (several processes may open the store at once). Returns the schema the tables are in.
 */
export async function migrate(client: ClientBase, schema: string | undefined, display: string): Promise<string> {
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`switchboard_event_store:${schema ?? ''}`]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    const { rows } = await client.query<{ schema: string; meta: string | null }>(
      `SELECT current_schema() AS schema, to_regclass('event_store_meta')::text AS meta`,
    );
    const [{ schema: actual, meta }] = rows;
    if (actual === null) throw new StoreUnavailableError(`Event store ${display}: no schema to create the tables in (check search_path).`);
    let from = 0;
    if (meta === null) {
      await client.query(`CREATE TABLE event_store_meta (key text PRIMARY KEY, value text NOT NULL)`);
    } else {
      const version = await client.query<{ value: string }>(`SELECT value FROM event_store_meta WHERE key = 'schema_version'`);
      from = Number(version.rows[0]?.value ?? 0);
    }
    if (from > SCHEMA_VERSION) {
      throw new StoreUnavailableError(
        `Event store ${display} has schema version ${from}, newer than the ${SCHEMA_VERSION} this build understands; ` +
          'it was left untouched. Upgrade Switchboard to open it.',
      );
    }
    for (let version = from + 1; version <= SCHEMA_VERSION; version++) {
      const migration = MIGRATIONS[version - 1];
      if (typeof migration === 'string') await client.query(migration);
      else await migration(client);
    }
    if (from < SCHEMA_VERSION) {
      await client.query(`INSERT INTO event_store_meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [
        String(SCHEMA_VERSION),
      ]);
    }
    await client.query('COMMIT');
    return actual;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
