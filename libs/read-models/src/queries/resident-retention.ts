import { sql, type Kysely } from 'kysely';
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

/** What the retention watcher asks of contacts: those that ended (or, never ended, started) before a cutoff and still keep a resident. */
export interface ContactRetentionQuery {
  readonly endedBefore: Date;
  readonly limit: number;
}

/**
 * The 311 contacts whose resident data the city's contact retention period says to erase: ended at
 * or before `endedBefore` (or started then, for a contact never ended), with a resident in their
 * folded state — an anonymous contact has nothing to erase, and an erased one no longer has it
 * (the row is written from the folded contact) —, the longest ended first. The start index bounds
 * the scan to contacts started before the cutoff (a contact ends after it starts).
 */
export async function contactResidentDataDue(db: Kysely<ReadDb>, query: ContactRetentionQuery): Promise<string[]> {
  const cutoff = query.endedBefore.toISOString();
  const rows = await db
    .selectFrom('rm_contacts')
    .select('contact_id')
    .where('started_at', '<=', cutoff)
    .where((eb) => eb.or([eb('ended_at', '<=', cutoff), eb('ended_at', 'is', null)]))
    .where('state', 'like', '%"resident":{%')
    .where('state', 'not like', '%"residentDataErasedAt"%')
    .orderBy(sql`coalesce(ended_at, started_at)`)
    .orderBy('contact_id')
    .limit(query.limit)
    .execute();
  return rows.map((row) => row.contact_id);
}
