import type { Kysely } from 'kysely';
import type { ReadDb } from '../store/read-db';
import type { GenerationTables } from '../store/generation-tables';

/** What the retention watcher asks: tickets of a service that ended before a cutoff and still keep their resident data. */
export interface ResidentRetentionQuery {
  readonly serviceCode: string;
  readonly endedBefore: Date;
  readonly limit: number;
}

/**
 * The tickets of a service that ended (completed or closed) at or before `endedBefore` and whose
 * resident data was not erased yet, the longest ended first. The folded state the facts row keeps
 * says whether it was (ResidentDataErased sets `residentDataErasedAt`), so erased tickets drop out
 * of the answer as soon as the projection applies the erasure; a reopened ticket is no longer ended.
 */
export async function residentDataDue(db: Kysely<ReadDb>, tables: GenerationTables, query: ResidentRetentionQuery): Promise<string[]> {
  const rows = await db
    .selectFrom(tables.facts)
    .select('ticket_id')
    .where('service_code', '=', query.serviceCode)
    .where('status', 'in', ['completed', 'closed'])
    .where('ended_at', 'is not', null)
    .where('ended_at', '<=', query.endedBefore.toISOString())
    .where('state_json', 'not like', '%"residentDataErasedAt"%')
    .orderBy('ended_at')
    .orderBy('ticket_id')
    .limit(query.limit)
    .execute();
  return rows.map((row) => row.ticket_id);
}
