import { sql, type Kysely } from 'kysely';
import type { ReadDb } from './read-db';
import type { ReadStoreDialect } from './read-store';

/**
 * Migration 9: the contact figures aggregated in the store (`knowledge/contact-rollup.ts`), kept
 * by the contact projection in the same transaction as `rm_contacts`. Per local day of the city's
 * zone: contacts by line and channel with their counts and handle times (`rm_contact_days`),
 * transfers by department, article uses by line, contacts by line and local hour; one row per
 * callback; which tickets each contact opened and which tickets were completed at intake. The zone
 * the days follow is recorded in `rm_contact_rollup_zone`: the migration cannot know it, so the
 * projection fills the tables from `rm_contacts` (the backfill) at its first batch, and until then
 * (or for another zone) the figures are computed from the contacts themselves.
 */
export async function addContactRollup(db: Kysely<ReadDb>, dialect: ReadStoreDialect): Promise<void> {
  const longInteger = dialect === 'postgres' ? sql.raw('bigint') : sql.raw('integer');
  await sql`create table rm_contact_rollup_zone (time_zone text primary key)`.execute(db);
  await sql`create table rm_contact_days (
    cell text primary key,
    day text not null,
    line text not null,
    channel text not null,
    contacts integer not null,
    handled integer not null,
    abandoned integer not null,
    open integer not null,
    ended_handled integer not null,
    answered integer not null,
    handle_ms text not null
  )`.execute(db);
  await sql`create index rm_contact_days_day on rm_contact_days (day, line)`.execute(db);
  await sql`create table rm_contact_transfer_days (
    cell text primary key,
    day text not null,
    department text not null,
    transferred integer not null,
    transfers integer not null,
    reached integer not null
  )`.execute(db);
  await sql`create index rm_contact_transfer_days_day on rm_contact_transfer_days (day, department)`.execute(db);
  await sql`create table rm_contact_article_days (
    cell text primary key,
    day text not null,
    line text not null,
    article_id text not null,
    contacts integer not null,
    uses integer not null
  )`.execute(db);
  await sql`create index rm_contact_article_days_day on rm_contact_article_days (day, line, article_id, contacts, uses)`.execute(db);
  await sql`create table rm_contact_hours (
    cell text primary key,
    day text not null,
    weekday integer not null,
    hour integer not null,
    line text not null,
    contacts integer not null
  )`.execute(db);
  await sql`create index rm_contact_hours_day on rm_contact_hours (day, line)`.execute(db);
  await sql`create table rm_contact_callbacks (
    contact_id text not null,
    callback_id text not null,
    department text not null,
    started_at text not null,
    promised_at text not null,
    promised_day text not null,
    due_by text,
    completed_at text,
    reached integer not null,
    duration_ms ${longInteger},
    primary key (contact_id, callback_id)
  )`.execute(db);
  await sql`create index rm_contact_callbacks_started on rm_contact_callbacks (started_at)`.execute(db);
  await sql`create table rm_contact_ticket_links (
    ticket_id text not null,
    contact_id text not null,
    primary key (ticket_id, contact_id)
  )`.execute(db);
  await sql`create table rm_contact_intake_completions (ticket_id text primary key)`.execute(db);
}
