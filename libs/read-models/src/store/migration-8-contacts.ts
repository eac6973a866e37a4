import { sql, type Kysely } from 'kysely';
import type { ReadDb } from './read-db';

/**
 * Migration 8: contacts on the read side (`knowledge/contact-projection.ts`). `rm_contacts` keeps
 * each contact's state as its events left it (JSON), with the columns a metrics range is selected
 * by (start, line, channel, operator, status); `rm_contact_searches` is the search log, one row per
 * `KnowledgeSearched` event (keyed by its position, so a replay adds nothing), with the line of the
 * contact it was run for. Not generational, like the knowledge base's tables.
 */
export async function addContacts(db: Kysely<ReadDb>): Promise<void> {
  await sql`create table rm_contacts (
    contact_id text primary key,
    state text not null,
    last_position text not null,
    status text not null,
    channel text,
    line text,
    operator_id text,
    started_at text,
    ended_at text
  )`.execute(db);
  await sql`create index rm_contacts_started on rm_contacts (started_at)`.execute(db);
  await sql`create index rm_contacts_line_started on rm_contacts (line, started_at)`.execute(db);
  await sql`create index rm_contacts_channel_started on rm_contacts (channel, started_at)`.execute(db);
  await sql`create index rm_contacts_operator_started on rm_contacts (operator_id, started_at)`.execute(db);
  await sql`create table rm_contact_searches (
    position text primary key,
    contact_id text not null,
    at text not null,
    query text not null,
    line text not null,
    language text,
    result_count integer not null
  )`.execute(db);
  await sql`create index rm_contact_searches_at on rm_contact_searches (result_count, at)`.execute(db);
}
