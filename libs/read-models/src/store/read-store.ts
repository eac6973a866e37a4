import { sql, type Kysely } from 'kysely';
import type { ReadDb } from './read-db';

export type ReadStoreDialect = 'sqlite' | 'postgres';

/** How a dialect opens a write transaction and recognises a lock it should wait out. */
export interface WriteTransactionPolicy {
  readonly begin: string;
  readonly isBusy: (error: unknown) => boolean;
}

const BUSY_RETRY_DELAYS_MS = [2, 5, 10, 20, 50, 100, 200, 500];

/** The read-model database behind one typed Kysely query layer, SQLite or PostgreSQL. */
export class ReadStore {
  constructor(
    readonly db: Kysely<ReadDb>,
    readonly dialect: ReadStoreDialect,
    private readonly policy: WriteTransactionPolicy,
  ) {}

  /**
   * Runs `work` in one write transaction on one connection. SQLite begins IMMEDIATE, so a batch
   * never fails half-way on a lock upgrade; a lock held by the event store is waited out
   * asynchronously, never by blocking the event loop.
   */
  async writeTransaction<T>(work: (trx: Kysely<ReadDb>) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.connection().execute(async (connection) => {
          await sql.raw(this.policy.begin).execute(connection);
          try {
            const result = await work(connection);
            await sql`commit`.execute(connection);
            return result;
          } catch (error) {
            await sql`rollback`.execute(connection).catch(() => undefined);
            throw error;
          }
        });
      } catch (error) {
        const delay = BUSY_RETRY_DELAYS_MS[attempt];
        if (delay === undefined || !this.policy.isBusy(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** Closes the connection (SQLite) or the pool (PostgreSQL). */
  async close(): Promise<void> {
    await this.db.destroy();
  }
}
