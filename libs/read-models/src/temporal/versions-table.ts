import { type CreateTableBuilder, sql, type Kysely } from 'kysely';
import type { ReadDb } from '../store/read-db';
import type { ReadStoreDialect } from '../store/read-store';

/** The physical name of a generation's completion rollup table. */
export const rollupTableOf = (generation: number) => `rm_completion_days_g${generation}` as 'rm_completion_days';

/** The rollup's count columns (integers), which the projection adds to and takes from. */
export const ROLLUP_COUNTS = [
  'opened',
  'completed',
  'closed_wo',
  'on_time',
  'escalated',
  'reopened',
  'fcr',
  'backlog_in',
  'backlog_out',
  'overdue_in',
  'overdue_out',
  'anomalous',
] as const;
export type RollupCount = (typeof ROLLUP_COUNTS)[number];
/** The rollup's sample columns: the exact times (ms, a JSON list kept as text) medians and percentiles are read from. */
export const ROLLUP_SAMPLES = ['assign_ms', 'assign_business_ms', 'complete_ms', 'complete_business_ms'] as const;
export type RollupSamples = (typeof ROLLUP_SAMPLES)[number];

/** Creates a generation's (empty) completion rollup: one row per local day × grouping × group. */
export async function createRollupTable(db: Kysely<ReadDb>, generation: number): Promise<void> {
  const table = rollupTableOf(generation);
  let create: CreateTableBuilder<string, string> = db.schema.createTable(table).ifNotExists();
  for (const key of ['group_by', 'grp', 'day', 'zone']) create = create.addColumn(key, 'text', (c) => c.notNull());
  for (const count of ROLLUP_COUNTS) {
    create = create.addColumn(count, 'integer', (c) => c.notNull());
  }
  for (const samples of ROLLUP_SAMPLES) create = create.addColumn(samples, 'text', (c) => c.notNull());
  await create.addPrimaryKeyConstraint(`${table}_pk`, ['group_by', 'grp', 'day']).execute();
  await db.schema.createIndex(`${table}_anomalous`).ifNotExists().on(table).columns(['anomalous']).where(sql.ref('anomalous'), '>', 0).execute();
}

/** The physical name of a generation's ticket versions table. */
export const versionsTableOf = (generation: number) => `rm_ticket_versions_g${generation}` as 'rm_ticket_versions';

/** Creates a generation's (empty) ticket versions table: one row per version of a ticket's facts, keyed by the position of the event that made it. */
export async function createVersionsTable(db: Kysely<ReadDb>, dialect: ReadStoreDialect, generation: number): Promise<void> {
  const table = versionsTableOf(generation);
  const ms = dialect === 'postgres' ? 'double precision' : 'integer';
  await db.schema
    .createTable(table)
    .ifNotExists()
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('as_of_from', 'text', (c) => c.notNull())
    .addColumn('as_of_to', 'text')
    .addColumn('as_of_span', 'integer', (c) => c.notNull())
    .addColumn('known_from', 'text', (c) => c.notNull())
    .addColumn('known_to', 'text')
    .addColumn('known_span', 'integer', (c) => c.notNull())
    .addColumn('open_or_queued', 'integer', (c) => c.notNull())
    .addColumn('service_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('first_assigned_at', 'text')
    .addColumn('assign_business_ms', sql.raw(ms))
    .addColumn('completed_at', 'text')
    .addColumn('complete_business_ms', sql.raw(ms))
    .addColumn('closed_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('due_at', 'text')
    .addColumn('on_time', 'integer')
    .addColumn('escalation_count', 'integer', (c) => c.notNull())
    .addColumn('reopen_count', 'integer', (c) => c.notNull())
    .addColumn('first_contact_resolution', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('queue_department', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('assignee', 'text')
    .addColumn('escalation_tier', 'integer', (c) => c.notNull())
    .addColumn('queue_due_at', 'text')
    .addColumn('overdue_since', 'text')
    .addColumn('sla_at_risk_at', 'text')
    .addColumn('escalation_reason', 'text')
    .addColumn('escalated_at', 'text')
    .addColumn('breached_at', 'text')
    .addPrimaryKeyConstraint(`${table}_pk`, ['ticket_id', 'position'])
    .execute();
}

/**
 * The indexes "in force at T" reads through (`versions-at.ts`): ended versions by the instant the
 * ticket ended (a range's ended tickets), and versions of open tickets per axis by span class and
 * start (each class one short range before T), among versions of tickets open or in a queue.
 */
export async function createVersionsIndexes(db: Kysely<ReadDb>, generation: number): Promise<void> {
  const table = versionsTableOf(generation);
  await db.schema.createIndex(`${table}_ended`).ifNotExists().on(table).columns(['ended_at']).where(sql.ref('ended_at'), 'is not', null).execute();
  await db.schema.createIndex(`${table}_open_as_of`).ifNotExists().on(table).columns(['open_or_queued', 'as_of_span', 'as_of_from']).execute();
  await db.schema.createIndex(`${table}_open_known`).ifNotExists().on(table).columns(['open_or_queued', 'known_span', 'known_from']).execute();
}
