import type { Kysely } from 'kysely';
import type { ReadDb } from '../store/read-db';
import type { ReadStore } from '../store/read-store';
import { LeaseLostError } from '../errors';

/**
 * A lease row with an expiry, renewed by its holder's heartbeat: it works the same on SQLite and
 * PostgreSQL, and a standby takes over once a dead holder's lease expires. Every batch renews it
 * inside its own transaction (`renewIn`), so a holder that lost it can never write.
 */
export class Lease {
  constructor(
    private readonly store: ReadStore,
    readonly name: string,
    readonly holder: string,
    private readonly ttlMs: number,
  ) {}

  /** Takes the lease if it is free, expired, or already ours; true when we hold it. */
  async tryAcquire(now: Date): Promise<boolean> {
    return this.store.writeTransaction(async (trx) => {
      const expiresAt = this.expiry(now);
      await trx
        .insertInto('rm_leases')
        .values({ name: this.name, holder: this.holder, expires_at: expiresAt })
        .onConflict((conflict) => conflict.column('name').doNothing())
        .execute();
      const taken = await trx
        .updateTable('rm_leases')
        .set({ holder: this.holder, expires_at: expiresAt })
        .where('name', '=', this.name)
        .where((eb) => eb.or([eb('holder', '=', this.holder), eb('expires_at', '<', now.toISOString())]))
        .executeTakeFirst();
      return Number(taken.numUpdatedRows) === 1;
    });
  }

  /** Extends the lease in the caller's transaction; throws LeaseLostError when another holder has it. */
  async renewIn(trx: Kysely<ReadDb>, now: Date): Promise<void> {
    const renewed = await trx
      .updateTable('rm_leases')
      .set({ expires_at: this.expiry(now) })
      .where('name', '=', this.name)
      .where('holder', '=', this.holder)
      .executeTakeFirst();
    if (Number(renewed.numUpdatedRows) !== 1) throw new LeaseLostError(this.name, this.holder);
  }

  /** Extends the lease on its own (the heartbeat). */
  async renew(now: Date): Promise<void> {
    await this.store.writeTransaction((trx) => this.renewIn(trx, now));
  }

  /** Gives the lease up so a standby need not wait for it to expire. */
  async release(): Promise<void> {
    await this.store.db.deleteFrom('rm_leases').where('name', '=', this.name).where('holder', '=', this.holder).execute();
  }

  private expiry(now: Date): string {
    return new Date(now.getTime() + this.ttlMs).toISOString();
  }
}
