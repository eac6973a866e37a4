import type { Kysely } from 'kysely';
import type { GenerationTables } from '../store/generation-tables';
import type { ReadDb } from '../store/read-db';
import { pageLimit, validDate } from './validate';

/** A ticket the SLA watcher must look at: a breach or an escalation fell due at `checkAt`. */
export interface SlaCheck {
  readonly ticketId: string;
  readonly checkAt: string;
}

/** Where a page of SLA checks ended; the next page starts after it. */
export interface SlaCheckCursor {
  readonly checkAt: string;
  readonly ticketId: string;
}

export interface SlaCheckPage {
  readonly checks: SlaCheck[];
  /** Undefined on the last page. */
  readonly next?: SlaCheckCursor;
}

/** Tickets whose next SLA check is due at `now`, the longest-waiting first, one keyset page at a time. */
export async function slaChecksDue(
  db: Kysely<ReadDb>,
  tables: GenerationTables,
  now: Date,
  after: SlaCheckCursor | undefined,
  limit: number,
): Promise<SlaCheckPage> {
  const size = pageLimit('limit', limit, 500, 5000);
  let query = db.selectFrom(tables.tickets).select(['ticket_id', 'sla_next_check_at']).where('sla_next_check_at', '<=', validDate('now', now).toISOString());
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('sla_next_check_at', '>', after.checkAt), eb.and([eb('sla_next_check_at', '=', after.checkAt), eb('ticket_id', '>', after.ticketId)])]),
    );
  }
  const rows = await query
    .orderBy('sla_next_check_at')
    .orderBy('ticket_id')
    .limit(size + 1)
    .execute();
  const checks = rows.slice(0, size).map((row) => ({ ticketId: row.ticket_id, checkAt: row.sla_next_check_at! }));
  const last = checks.at(-1);
  return { checks, next: rows.length > size && last ? { checkAt: last.checkAt, ticketId: last.ticketId } : undefined };
}
