import { sql, type Kysely } from 'kysely';
import type { ReadDb } from './read-db';
import type { ReadStoreDialect } from './read-store';

/**
 * Migration 9: the contact figures aggregated in the store (`knowledge/contact-rollup.ts`), kept
 * by the contact projection in the same transaction as `rm_contacts`. One row per local day of the
 * city's zone (`rm_contact_days`): the contacts started that day by line and channel with their
 * counts and handle times, transfers by department, contacts by line and local hour, callbacks by
 * day promised and department, article uses; article uses by line and day; one row per callback;
 * which tickets each contact opened and which tickets were completed at intake. The zone
 * the days follow is recorded in `rm_contact_rollup_zone`: the migration cannot know it, so the
 * projection fills the tables from `rm_contacts` (the backfill) at its first batch, and until then
 * (or for another zone) the figures are computed from the contacts themselves.
 */
export async function addContactRollup(db: Kysely<ReadDb>, dialect: ReadStoreDialect): Promise<void> {
  const longInteger = dialect === 'postgres' ? sql.raw('bigint') : sql.raw('integer');
  await sql`create table rm_contact_rollup_zone (time_zone text primary key)`.execute(db);
  await sql`create table rm_contact_days (
    day text primary key,
    doc text not null,
    handle_ms text not null
  )`.execute(db);
  await sql`create table rm_contact_article_days (
    cell text primary key,
    day text not null,
    line text not null,
    article_id text not null,
    contacts integer not null,
    uses integer not null
  )`.execute(db);
  await sql`create index rm_contact_article_days_line on rm_contact_article_days (line, day, article_id, contacts, uses)`.execute(db);
  await sql`create table rm_contact_callbacks (
    contact_id text not null,
    callback_id text not null,
    department text not null,
    started_at text not null,
    promised_at text not null,
    promised_day text not null,
    due_by text,
    completed_at text,
    settled_at text not null,
    reached integer not null,
    duration_ms ${longInteger},
    primary key (contact_id, callback_id)
  )`.execute(db);
  await sql`create index rm_contact_callbacks_started on rm_contact_callbacks (started_at)`.execute(db);
  await sql`create index rm_contact_callbacks_promised on rm_contact_callbacks (promised_at)`.execute(db);
  await sql`create index rm_contact_callbacks_settled on rm_contact_callbacks (settled_at)`.execute(db);
  await sql`create table rm_contact_ticket_links (
    ticket_id text not null,
    contact_id text not null,
    primary key (ticket_id, contact_id)
  )`.execute(db);
  await sql`create table rm_contact_intake_completions (ticket_id text primary key)`.execute(db);
}
