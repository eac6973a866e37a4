import { type ExpressionBuilder, type Kysely, PostgresAdapter, type SelectQueryBuilder, sql } from 'kysely';
import { type GenerationTables, METRIC_FACT_COLUMNS } from '../store/generation-tables';
import type { ReadDb, TicketVersionsTable } from '../store/read-db';
import type { MetricFacts } from '../metrics/completion-metrics';
import { type EscalationRow } from '../queries/escalations';
import { escalationRowOfVersion, MAX_SPAN, metricFactsOfVersion, type Moment, OPEN_SPAN, SPAN_UNIT_MS } from './ticket-versions';

type VersionsQuery = SelectQueryBuilder<ReadDb, 'rm_ticket_versions', object>;
type Eb = ExpressionBuilder<ReadDb, 'rm_ticket_versions'>;

/** Where "in force" is read: at a moment on one axis, or at the head (the latest version of every ticket: the live answer). */
export type VersionsWhen = Moment | 'head';

const axisColumns = (when: Moment) =>
  when.axis === 'asOf' ? (['as_of_from', 'as_of_to', 'as_of_span'] as const) : (['known_from', 'known_to', 'known_span'] as const);

/** The earliest instant an ISO text can name: a span reaching before it reaches before everything. */
const EARLIEST_MS = Date.parse('0000-01-01T00:00:00.000Z');

/**
 * Versions of open (or queued) tickets in force at a moment: for each span class c (versions in
 * force at most 2^c minutes) those that began in the 2^c minutes up to it, plus those still in force
 * now that began by it. Each is one index range — one query each, joined by UNION ALL: given the
 * ranges as one OR, SQLite scanned the whole index — so the rows read are about the tickets open at
 * the moment, however long the log before and after it.
 */
function openOrQueuedAt(query: VersionsQuery, when: VersionsWhen): VersionsQuery[] {
  const open = query.where('open_or_queued', '=', 1);
  if (when === 'head') return [open.where('known_span', '=', OPEN_SPAN)];
  const [from, to, span] = axisColumns(when);
  const at = when.at.toISOString();
  const inForce = open.where(from, '<=', at).where((eb: Eb) => eb.or([eb(to, 'is', null), eb(to, '>', at)]));
  const ranges = [inForce.where(span, '=', OPEN_SPAN)];
  for (let c = 0; c <= MAX_SPAN; c++) {
    const earliest = when.at.getTime() - 2 ** c * SPAN_UNIT_MS;
    const lower = earliest < EARLIEST_MS ? '' : new Date(earliest).toISOString();
    ranges.push(inForce.where(span, '=', c).where(from, '>=', lower));
  }
  return ranges;
}

/**
 * The rows of queries made the same way, as one statement. On PostgreSQL the statement runs with
 * sequential scans off: the planner takes the span classes whose range reaches before every
 * version (no lower bound) for a large share of the table and scans all of it in parallel — at
 * 10M events 2.4 s for no row, against 30 ms through the index (every branch is one index range).
 */
async function allOf<R>(db: Kysely<ReadDb>, queries: readonly SelectQueryBuilder<ReadDb, 'rm_ticket_versions', R>[]): Promise<R[]> {
  const union = queries.slice(1).reduce((all, query) => all.unionAll(query), queries[0]);
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return union.execute() as Promise<R[]>;
  const indexed = async (trx: Kysely<ReadDb>): Promise<R[]> => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const { rows } = await trx.executeQuery(union.compile());
    await sql`set local enable_seqscan = on`.execute(trx);
    return rows as R[];
  };
  return db.isTransaction ? indexed(db) : db.transaction().execute(indexed);
}

/** Versions of tickets that ended at or after `since`, in force at the moment (at the head: the latest). */
function endedSince(query: VersionsQuery, when: VersionsWhen, since: Date): VersionsQuery {
  const ended = query.where('ended_at', '>=', since.toISOString());
  if (when === 'head') return ended.where('known_to', 'is', null);
  const [from, to] = axisColumns(when);
  const at = when.at.toISOString();
  // A version is never in force before its ticket ended on either axis: the bound keeps the range to [since, at].
  return ended
    .where('ended_at', '<=', at)
    .where(from, '<=', at)
    .where((eb: Eb) => eb.or([eb(to, 'is', null), eb(to, '>', at)]));
}

/**
 * The metric facts of every ticket that can count in [from, to) as of a moment (or now), from the
 * temporal read model: opened before `to` and not ended before `from` — the tickets ended since
 * `from` and those open then, each read through its own index.
 */
export async function metricFactsAt(db: Kysely<ReadDb>, tables: GenerationTables, when: VersionsWhen, from: Date, to: Date): Promise<MetricFacts[]> {
  const base = (): VersionsQuery => (db.selectFrom(tables.versions) as unknown as VersionsQuery).where('opened_at', '<', to.toISOString());
  const ended = await endedSince(base(), when, from).select(METRIC_FACT_COLUMNS).execute();
  const open = await allOf(
    db,
    openOrQueuedAt(base().where('ended_at', 'is', null), when).map((query) => query.select(METRIC_FACT_COLUMNS)),
  );
  return [...ended, ...open].map(metricFactsOfVersion);
}

/** The escalations-list columns of every ticket in a queue at a moment, from the temporal read model. */
export async function queuedAt(db: Kysely<ReadDb>, tables: GenerationTables, when: Moment, department?: string): Promise<EscalationRow[]> {
  const at = when.at.toISOString();
  // The live list's selection (needsAttention, which the caller applies as well), so only those rows are read whole.
  let query = (db.selectFrom(tables.versions) as unknown as VersionsQuery)
    .where('queue_department', 'is not', null)
    .where((eb: Eb) =>
      eb.or([eb('escalation_tier', '>=', 1), eb('overdue_since', 'is not', null), eb('queue_due_at', '<=', at), eb('sla_at_risk_at', '<=', at)]),
    );
  if (department !== undefined) query = query.where('queue_department', '=', department);
  const rows = await allOf(
    db,
    openOrQueuedAt(query, when).map((ranged) => ranged.selectAll()),
  );
  return rows.map((row) => escalationRowOfVersion(row as TicketVersionsTable));
}
