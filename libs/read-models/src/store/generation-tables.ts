import { sql, type Kysely } from 'kysely';
import type { ReadDb } from './read-db';
import type { ReadStoreDialect } from './read-store';
import { createRollupTable, createVersionsIndexes, createVersionsTable, rollupTableOf, versionsTableOf } from '../temporal/versions-table';

/** The projection whose tables are built in generations (blue-green rebuilds). */
export const TICKETS_PROJECTION = 'tickets';

/** Physical names of one generation's tables, typed as the logical tables they hold. */
export function generationTables(generation: number) {
  return {
    tickets: `rm_tickets_g${generation}` as 'rm_tickets',
    facts: `rm_ticket_facts_g${generation}` as 'rm_ticket_facts',
    queueChanges: `rm_queue_changes_g${generation}` as 'rm_queue_changes',
    workStarts: `rm_work_starts_g${generation}` as 'rm_work_starts',
    versions: versionsTableOf(generation),
    rollup: rollupTableOf(generation),
  };
}

export type GenerationTables = ReturnType<typeof generationTables>;

/**
 * Creates a generation's empty tables and checkpoint row, and its secondary indexes unless a
 * rebuild adds them after loading (`withIndexes` false).
 */
export async function createGenerationTables(db: Kysely<ReadDb>, dialect: ReadStoreDialect, generation: number, withIndexes = true): Promise<void> {
  const t = generationTables(generation);
  // PostgreSQL returns BIGINT as a string; durations in ms fit a double exactly.
  const ms = dialect === 'postgres' ? 'double precision' : 'integer';
  await db.schema
    .createTable(t.tickets)
    .addColumn('ticket_id', 'text', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('last_position', 'text', (c) => c.notNull())
    .addColumn('service_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('queue_department', 'text')
    .addColumn('assignee', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('priority_rank', 'integer', (c) => c.notNull())
    .addColumn('escalation_tier', 'integer', (c) => c.notNull())
    .addColumn('on_hold', 'integer', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('due_sort', 'text', (c) => c.notNull())
    .addColumn('overdue_since', 'text')
    .addColumn('sla_started_at', 'text')
    .addColumn('sla_business_ms', sql.raw(ms))
    .addColumn('sla_next_check_at', 'text')
    .addColumn('sla_at_risk_at', 'text')
    .addColumn('escalation_reason', 'text')
    .addColumn('escalated_at', 'text')
    .addColumn('breached_at', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('latitude', sql.raw(dialect === 'postgres' ? 'double precision' : 'real'))
    .addColumn('longitude', sql.raw(dialect === 'postgres' ? 'double precision' : 'real'))
    .addColumn('address_key', 'text')
    .addColumn('resident_phone_key', 'text')
    .addColumn('resident_email_key', 'text')
    .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable(t.facts)
    .addColumn('ticket_id', 'text', (c) => c.primaryKey())
    .addColumn('last_position', 'text', (c) => c.notNull())
    .addColumn('service_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('owning_department', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('first_assigned_at', 'text')
    .addColumn('assign_business_ms', sql.raw(ms))
    .addColumn('started_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('complete_business_ms', sql.raw(ms))
    .addColumn('closed_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('due_at', 'text')
    .addColumn('sla_started_at', 'text')
    .addColumn('on_hold_since', 'text')
    .addColumn('on_hold_business_ms', sql.raw(ms), (c) => c.notNull())
    .addColumn('on_hold_calendar_ms', sql.raw(ms), (c) => c.notNull())
    .addColumn('escalation_count', 'integer', (c) => c.notNull())
    .addColumn('max_escalation_tier', 'integer', (c) => c.notNull())
    .addColumn('reopen_count', 'integer', (c) => c.notNull())
    .addColumn('first_contact_resolution', 'integer', (c) => c.notNull())
    .addColumn('on_time', 'integer')
    .addColumn('state_json', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable(t.queueChanges)
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entry_json', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${t.queueChanges}_pk`, ['department', 'position'])
    .execute();

  await createWorkStartsTable(db, generation);
  await createVersionsTable(db, dialect, generation);
  await createRollupTable(db, generation);
  if (withIndexes) await createGenerationIndexes(db, generation);
  await db
    .insertInto('rm_checkpoints')
    .values({ generation, position: null, last_recorded_at: null, updated_at: new Date(0).toISOString() })
    .execute();
}

/** The table of a generation's WorkStarted events, keyed by ticket and command id (the key a retried claim looks up). */
export async function createWorkStartsTable(db: Kysely<ReadDb>, generation: number): Promise<void> {
  const { workStarts } = generationTables(generation);
  await db.schema
    .createTable(workStarts)
    .ifNotExists()
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('command_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${workStarts}_pk`, ['ticket_id', 'command_id'])
    .execute();
}

/**
 * A generation's secondary indexes. A rebuild adds them once its rows are loaded: one sort per
 * index instead of an index insert per row and batch.
 */
export async function createGenerationIndexes(db: Kysely<ReadDb>, generation: number): Promise<void> {
  const t = generationTables(generation);
  await db.schema
    .createIndex(`${t.tickets}_queue`)
    .on(t.tickets)
    .columns(['queue_department', 'escalation_tier desc', 'priority_rank desc', 'due_sort', 'ticket_id'])
    .execute();
  await db.schema.createIndex(`${t.tickets}_opened`).on(t.tickets).columns(['opened_at desc', 'ticket_id desc']).execute();
  await createSlaCheckIndex(db, generation);
  await createUpdatedAtIndex(db, generation);
  await createMetricFactsIndex(db, generation);
  await createEdgeDayIndexes(db, generation);
  await createQueueChangesRecordedIndex(db, generation);
  await createDuplicateSearchIndexes(db, generation);
  await createVersionsIndexes(db, generation);
}

/**
 * The indexes possible duplicates and a resident's tickets are found through: open or not, a
 * service's located tickets by latitude then longitude (the bounding box), its tickets by address,
 * and tickets by the resident's phone or e-mail digest. Partial (rows with the value only), so
 * tickets reported without one cost nothing.
 */
export async function createDuplicateSearchIndexes(db: Kysely<ReadDb>, generation: number): Promise<void> {
  const { tickets } = generationTables(generation);
  const partial = (name: string, columns: string[], notNull: string) =>
    db.schema.createIndex(`${tickets}_${name}`).ifNotExists().on(tickets).columns(columns).where(sql.ref(notNull), 'is not', null).execute();
  await partial('dup_place', ['service_code', 'latitude', 'longitude'], 'latitude');
  await partial('dup_address', ['service_code', 'address_key'], 'address_key');
  await partial('resident_phone', ['resident_phone_key'], 'resident_phone_key');
  await partial('resident_email', ['resident_email_key'], 'resident_email_key');
}

/** The index pruning reads the queue change log through, oldest recorded first. */
export async function createQueueChangesRecordedIndex(db: Kysely<ReadDb>, generation: number): Promise<void> {
  const { queueChanges } = generationTables(generation);
  await db.schema.createIndex(`${queueChanges}_recorded`).ifNotExists().on(queueChanges).columns(['recorded_at']).execute();
}

/** The columns the metrics query reads, in the order of its keyset (opened_at, ticket_id). */
export const METRIC_FACT_COLUMNS = [
  'opened_at',
  'ticket_id',
  'ended_at',
  'service_code',
  'channel',
  'department',
  'first_assigned_at',
  'assign_business_ms',
  'completed_at',
  'complete_business_ms',
  'closed_at',
  'due_at',
  'on_time',
  'escalation_count',
  'reopen_count',
  'first_contact_resolution',
] as const;

/**
 * The metrics query's covering index: its range and keyset on (opened_at, ticket_id) and every
 * column it reads, so the query never visits the wide facts rows (which live in insertion order,
 * one random page read per ticket at a million events).
 */
export async function createMetricFactsIndex(db: Kysely<ReadDb>, generation: number): Promise<void> {
  const { facts } = generationTables(generation);
  await db.schema
    .createIndex(`${facts}_metrics`)
    .ifNotExists()
    .on(facts)
    .columns([...METRIC_FACT_COLUMNS])
    .execute();
}

/**
 * The indexes the completion rollup finds the tickets of a range's edge days through (a range
 * from or to a moment that is not local midnight): by first assignment, by end (completed, or
 * else closed) and by due time; by opening it reads the metrics index.
 */
export async function createEdgeDayIndexes(db: Kysely<ReadDb>, generation: number): Promise<void> {
  const { facts } = generationTables(generation);
  for (const [name, column] of [
    ['assigned', 'first_assigned_at'],
    ['ended', 'ended_at'],
    ['due', 'due_at'],
  ] as const) {
    await db.schema.createIndex(`${facts}_${name}`).ifNotExists().on(facts).column(column).execute();
  }
}

/** The index the SLA watcher reads pending checks through, oldest first. */
export async function createSlaCheckIndex(db: Kysely<ReadDb>, generation: number): Promise<void> {
  const { tickets } = generationTables(generation);
  await db.schema.createIndex(`${tickets}_sla_check`).on(tickets).columns(['sla_next_check_at', 'ticket_id']).execute();
}

/** The index a search by last update time (Open311's updated_after/updated_before) reads through. */
export async function createUpdatedAtIndex(db: Kysely<ReadDb>, generation: number): Promise<void> {
  const { tickets } = generationTables(generation);
  await db.schema.createIndex(`${tickets}_updated`).on(tickets).columns(['updated_at', 'ticket_id']).execute();
}

/** Drops a generation's tables, checkpoint and pending backfill once it no longer serves. */
export async function dropGenerationTables(db: Kysely<ReadDb>, generation: number): Promise<void> {
  const t = generationTables(generation);
  for (const table of [t.tickets, t.facts, t.queueChanges, t.workStarts, t.versions, t.rollup]) await db.schema.dropTable(table).ifExists().execute();
  await db.deleteFrom('rm_checkpoints').where('generation', '=', generation).execute();
  await db.deleteFrom('rm_backfills').where('generation', '=', generation).execute();
}

/** The generation queries read from. */
export async function activeGeneration(db: Kysely<ReadDb>): Promise<number> {
  const row = await db.selectFrom('rm_generations').select('active').where('projection', '=', TICKETS_PROJECTION).executeTakeFirstOrThrow();
  return Number(row.active);
}
