import type { Kysely } from 'kysely';
import type { ReadDb } from '../store/read-db';
import type { ReadStore } from '../store/read-store';
import { LeaseLostError } from '../errors';
import { holderIsGone, localProcesses, type ProcessTable } from './lease-holder';

/**
 * A lease row with an expiry, renewed by its holder's heartbeat: it works the same on SQLite and
 * PostgreSQL, and a standby takes over once a dead holder's lease expires — or at once when the
 * holder id names a process of this host that is gone (`lease-holder.ts`): a process restarted
 * after a crash does not wait for its predecessor's lease. Every batch renews the lease inside its
 * own transaction (`renewIn`), so a holder that lost it can never write.
 */
export class Lease {
  constructor(
    private readonly store: ReadStore,
    readonly name: string,
    readonly holder: string,
    private readonly ttlMs: number,
    private readonly processes: ProcessTable = localProcesses,
  ) {}

  /** Takes the lease if it is free, expired, already ours, or held by a process of this host that is gone; true when we hold it. */
  async tryAcquire(now: Date): Promise<boolean> {
    return this.store.writeTransaction(async (trx) => {
      const expiresAt = this.expiry(now);
      await trx
        .insertInto('rm_leases')
        .values({ name: this.name, holder: this.holder, expires_at: expiresAt })
        .onConflict((conflict) => conflict.column('name').doNothing())
        .execute();
      const current = await trx.selectFrom('rm_leases').select('holder').where('name', '=', this.name).executeTakeFirstOrThrow();
      const gone = current.holder !== this.holder && holderIsGone(current.holder, this.processes) ? current.holder : undefined;
      // `holder = gone` makes taking a dead holder's lease a compare-and-set: of two processes
      // restarting at once, the second finds the first's (live) holder id and stands by.
      const taken = await trx
        .updateTable('rm_leases')
        .set({ holder: this.holder, expires_at: expiresAt })
        .where('name', '=', this.name)
        .where((eb) =>
          eb.or([eb('holder', '=', this.holder), eb('expires_at', '<', now.toISOString()), ...(gone === undefined ? [] : [eb('holder', '=', gone)])]),
        )
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
