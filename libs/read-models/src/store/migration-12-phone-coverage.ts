import { sql, type Kysely } from 'kysely';
import type { ReadDb } from './read-db';

/**
 * Migration 12: phone coverage on the read side (`knowledge/coverage-projection.ts`). Each
 * department's roster as it stands (`rm_phone_rosters`) and every version it had, from when it
 * took effect (`rm_phone_roster_versions`, keyed by the event's position), so a past day is
 * judged by the roster in force then; each staff member's availability as it stands
 * (`rm_phone_availability`) and the spans they were marked available (`rm_phone_available_spans`,
 * keyed by the position of the mark, its end moved earlier when they mark away). Not
 * generational, like the knowledge base's tables; idempotent by position.
 */
export async function addPhoneCoverage(db: Kysely<ReadDb>): Promise<void> {
  await sql`create table rm_phone_rosters (
    department text primary key,
    state text not null,
    last_position text not null
  )`.execute(db);
  await sql`create table rm_phone_roster_versions (
    position text primary key,
    department text not null,
    effective_at text not null,
    state text not null
  )`.execute(db);
  await sql`create index rm_phone_roster_versions_department on rm_phone_roster_versions (department, effective_at)`.execute(db);
  await sql`create table rm_phone_availability (
    staff_id text primary key,
    department text,
    status text not null,
    state text not null,
    open_span text,
    last_position text not null
  )`.execute(db);
  await sql`create index rm_phone_availability_department on rm_phone_availability (department, status)`.execute(db);
  await sql`create table rm_phone_available_spans (
    position text primary key,
    staff_id text not null,
    department text not null,
    from_at text not null,
    until_at text not null
  )`.execute(db);
  await sql`create index rm_phone_available_spans_department on rm_phone_available_spans (department, from_at)`.execute(db);
}
