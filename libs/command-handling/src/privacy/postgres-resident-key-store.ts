import { Pool } from 'pg';
import { newResidentKey, type ResidentKeyRing, type ResidentKeyState, type ResidentKeyStore } from '@switchboard/ticketing';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The schema the keys' table lives in when the URL names none: never the log's own. */
export const DEFAULT_RESIDENT_KEYS_SCHEMA = 'resident_keys';

/** A snapshot of some records' keys: what a decode reads with after one round trip. */
class KeySnapshot implements ResidentKeyRing {
  constructor(private readonly keys: ReadonlyMap<string, ResidentKeyState>) {}
  lookup(recordId: string): ResidentKeyState {
    return this.keys.get(recordId);
  }
}

/**
 * The key store of several hosts on PostgreSQL: the table `resident_keys` in a schema of its own
 * (`?schema=`, default `resident_keys`), or in another database, as SWITCHBOARD_RESIDENT_KEYS
 * names it — never the log's schema, so `pg_dump --schema=<log>` and `switchboard export events`
 * carry no key. A ring is one query for the streams a reader is about to decode.
 */
export class PostgresResidentKeyStore implements ResidentKeyStore {
  private readonly pool: Pool;
  private readonly schema: string;
  private readonly table: string;
  private ready: Promise<void> | undefined;

  constructor(url: string) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema') ?? DEFAULT_RESIDENT_KEYS_SCHEMA;
    if (!SCHEMA_NAME.test(schema))
      throw new Error(`SWITCHBOARD_RESIDENT_KEYS: schema ${JSON.stringify(schema)} must be a lowercase identifier (letters, digits, _).`);
    parsed.searchParams.delete('schema');
    this.pool = new Pool({ connectionString: parsed.toString(), max: 4, application_name: 'switchboard-resident-keys' });
    this.schema = schema;
    this.table = `${schema}.resident_keys`;
  }

  private migrate(): Promise<void> {
    this.ready ??= (async () => {
      // Several processes open the store at once (two API instances, a projector): `IF NOT EXISTS`
      // races in PostgreSQL's catalog, so the creation is serialised by a lock on the schema's name.
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`switchboard-resident-keys:${this.schema}`]);
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
        await client.query(
          `CREATE TABLE IF NOT EXISTS ${this.table} (record_id text PRIMARY KEY, key bytea, erased_at timestamptz, CHECK ((key IS NULL) = (erased_at IS NOT NULL)))`,
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    })().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  async issue(recordId: string): Promise<Uint8Array | 'erased'> {
    await this.migrate();
    await this.pool.query(`INSERT INTO ${this.table} (record_id, key) VALUES ($1, $2) ON CONFLICT (record_id) DO NOTHING`, [
      recordId,
      Buffer.from(newResidentKey()),
    ]);
    // Another writer may have inserted first, or the record was erased: the stored row is the answer.
    return (await this.ring([recordId])).lookup(recordId) as Uint8Array | 'erased';
  }

  async ring(recordIds: readonly string[]): Promise<ResidentKeyRing> {
    await this.migrate();
    const keys = new Map<string, ResidentKeyState>();
    if (recordIds.length > 0) {
      const { rows } = await this.pool.query<{ record_id: string; key: Buffer | null }>(`SELECT record_id, key FROM ${this.table} WHERE record_id = ANY($1)`, [
        [...recordIds],
      ]);
      for (const row of rows) keys.set(row.record_id, row.key === null ? 'erased' : new Uint8Array(row.key));
    }
    return new KeySnapshot(keys);
  }

  async erase(recordId: string, erasedAt: Date): Promise<boolean> {
    await this.migrate();
    const destroyed = await this.pool.query(`UPDATE ${this.table} SET key = NULL, erased_at = $2 WHERE record_id = $1 AND key IS NOT NULL`, [
      recordId,
      erasedAt,
    ]);
    if ((destroyed.rowCount ?? 0) > 0) return true;
    const tombstone = await this.pool.query(`INSERT INTO ${this.table} (record_id, erased_at) VALUES ($1, $2) ON CONFLICT (record_id) DO NOTHING`, [
      recordId,
      erasedAt,
    ]);
    return (tombstone.rowCount ?? 0) > 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
