import { type Kysely, PostgresAdapter, sql } from 'kysely';
import {
  busiestTimes,
  busiestTimesOf,
  byGroupThenPeriod,
  callbackFigures,
  callbackFiguresOf,
  checkRange,
  contactCounts,
  type ContactMetricsOptions,
  type ContactState,
  countLineTime,
  firstContactAnswers,
  firstContactFigures,
  handleTimeFigures,
  handleTimes,
  type LineTimes,
  localClock,
  type MetricsRange,
  periodOfLocalDate,
  rankArticleUses,
  topArticles,
  transferFigures,
  transferFiguresOf,
  unansweredSearches,
} from '@switchboard/knowledge';
import { instantOfWallTime } from '@switchboard/ticketing';
import { activeGeneration, generationTables } from '../store/generation-tables';
import type { ReadDb } from '../store/read-db';
import { projectedContactsIn, unansweredSearchLog } from './contact-projection';
import { completedAtIntakeAmong, ContactTally, rollupZone, ticketsOpenedAt } from './contact-rollup';

const DAY_MS = 86_400_000;
const CHUNK = 500;

/** Whose figures: every line and department, or one department's (its line, and the transfers and callbacks to it). */
export interface ContactMetricsScope {
  readonly department?: string;
}

/**
 * The contact figures of docs/metrics.md ("Contacts and questions"), each by its pure function of
 * `libs/knowledge/src/metrics`, over contacts started in the range and the tickets completed at
 * intake. A department's scope keeps the rows of its own line (contacts, first-contact answers,
 * handle time, top articles) and of its own department (transfers and callbacks, whose rates are
 * over every line's contacts, as the figure defines them). The definition the rollup must equal.
 */
export function contactMetricsOf(
  all: readonly ContactState[],
  completedAtIntake: ReadonlySet<string>,
  options: ContactMetricsOptions,
  scope: ContactMetricsScope = {},
) {
  const department = scope.department;
  const own: readonly ContactState[] = department === undefined ? all : all.filter((contact) => contact.line === department);
  const ofDepartment = <R extends { group: string }>(rows: R[]) => (department === undefined ? rows : rows.filter((row) => row.group === department));
  return {
    contacts: contactCounts(own, options),
    firstContact: firstContactAnswers(own, completedAtIntake, options),
    handleTimes: handleTimes(own, options),
    transfers: ofDepartment(transferFigures(all, options)),
    callbacks: ofDepartment(callbackFigures(all, options)),
    topArticles: topArticles(own, options),
  };
}

/** Of the tickets the contacts opened, those the ticket facts of the active generation record as completed at intake. */
export async function ticketsCompletedAtIntake(db: Kysely<ReadDb>, contacts: readonly ContactState[]): Promise<Set<string>> {
  const { facts } = generationTables(await activeGeneration(db));
  const ids = [...new Set(contacts.flatMap(ticketsOpenedAt))];
  const completed = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom(facts)
      .select('ticket_id')
      .where('ticket_id', 'in', ids.slice(i, i + CHUNK))
      .where('first_contact_resolution', '=', 1)
      .execute();
    for (const row of rows) completed.add(row.ticket_id);
  }
  return completed;
}

/** The local days wholly inside [from, to) (`firstDay` up to `endDay`, exclusive), and the stretches of the range outside them. */
export function daysCovered(from: Date, to: Date, timeZone: string): { firstDay: string; endDay: string; edges: { from: Date; to: Date }[] } {
  const dayOf = (instant: number) => localClock(instant, timeZone).toISOString().slice(0, 10);
  const startOf = (day: string) => instantOfWallTime(timeZone, Date.parse(`${day}T00:00:00Z`));
  let firstDay = dayOf(from.getTime());
  if (startOf(firstDay) !== from.getTime()) firstDay = new Date(Date.parse(`${firstDay}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  const endDay = dayOf(to.getTime());
  if (firstDay >= endDay) return { firstDay, endDay: firstDay, edges: [{ from, to }] };
  const edges = [
    { from, to: new Date(startOf(firstDay)) },
    { from: new Date(startOf(endDay)), to },
  ].filter((edge) => edge.from.getTime() < edge.to.getTime());
  return { firstDay, endDay, edges };
}

/** The contacts of the range's edges (parts of a local day) tallied as the rollup would hold them. */
async function edgeTally(db: Kysely<ReadDb>, edges: readonly { from: Date; to: Date }[], timeZone: string): Promise<ContactTally> {
  const contacts = (await Promise.all(edges.map((edge) => projectedContactsIn(db, edge)))).flat();
  const completed = await completedAtIntakeAmong(db, contacts.flatMap(ticketsOpenedAt));
  const tally = new ContactTally(timeZone);
  for (const contact of contacts) tally.add(contact, completed);
  return tally;
}

const isPostgres = (db: Kysely<ReadDb>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

interface ContactBucket {
  group: string;
  period: string;
  contacts: number;
  handled: number;
  abandoned: number;
  open: number;
  endedHandled: number;
  answered: number;
  handleMs: number[];
}

/**
 * The contact figures, as `contactMetricsOf` defines them, from the contact rollup (migration 9):
 * the local days wholly in the range from its rows, the parts of a day at either end from the
 * contacts started there, callbacks from their rows. A rollup not (yet) kept in the range's zone
 * answers from the contacts themselves.
 */
export async function contactMetricsReport(db: Kysely<ReadDb>, options: ContactMetricsOptions, scope: ContactMetricsScope = {}) {
  checkRange(options);
  if ((await rollupZone(db)) !== options.timeZone) {
    const all = await projectedContactsIn(db, options);
    return contactMetricsOf(all, await ticketsCompletedAtIntake(db, all), options, scope);
  }
  const { department } = scope;
  const { firstDay, endDay, edges } = daysCovered(options.from, options.to, options.timeZone);
  const edge = await edgeTally(db, edges, options.timeZone);
  const ownLine = (line: string) => department === undefined || line === department;
  const groupOf = (line: string, channel: string) => (options.groupBy === 'all' ? 'all' : (options.groupBy === 'line' ? line : channel) || 'unknown');

  let dayQuery = db.selectFrom('rm_contact_days').selectAll().where('day', '>=', firstDay).where('day', '<', endDay);
  if (department !== undefined) dayQuery = dayQuery.where('line', '=', department);
  const buckets = new Map<string, ContactBucket>();
  const totals = new Map<string, number>();
  const count = (day: string, line: string, channel: string, row: Omit<ContactBucket, 'group' | 'period' | 'handleMs'>, handleMs: readonly number[]) => {
    const period = periodOfLocalDate(day, options);
    if (department === undefined) totals.set(period, (totals.get(period) ?? 0) + row.contacts);
    if (!ownLine(line)) return;
    const group = groupOf(line, channel);
    const key = `${group}\u0000${period}`;
    const bucket = buckets.get(key) ?? { group, period, contacts: 0, handled: 0, abandoned: 0, open: 0, endedHandled: 0, answered: 0, handleMs: [] };
    bucket.contacts += row.contacts;
    bucket.handled += row.handled;
    bucket.abandoned += row.abandoned;
    bucket.open += row.open;
    bucket.endedHandled += row.endedHandled;
    bucket.answered += row.answered;
    for (const duration of handleMs) bucket.handleMs.push(duration);
    buckets.set(key, bucket);
  };
  for (const row of await dayQuery.execute()) {
    const counts = {
      contacts: Number(row.contacts),
      handled: Number(row.handled),
      abandoned: Number(row.abandoned),
      open: Number(row.open),
      endedHandled: Number(row.ended_handled),
      answered: Number(row.answered),
    };
    count(row.day, row.line, row.channel, counts, JSON.parse(row.handle_ms) as number[]);
  }
  for (const cell of edge.days.values()) count(cell.day, cell.line, cell.channel, { ...cell, endedHandled: cell.ended_handled }, cell.added);
  if (department !== undefined) {
    const byDay = await db
      .selectFrom('rm_contact_days')
      .select(['day', (eb) => eb.fn.sum<number | string>('contacts').as('contacts')])
      .where('day', '>=', firstDay)
      .where('day', '<', endDay)
      .groupBy('day')
      .execute();
    const dayTotals = [...byDay.map((row) => ({ day: row.day, contacts: Number(row.contacts) })), ...edge.days.values()];
    for (const { day, contacts } of dayTotals) totals.set(periodOfLocalDate(day, options), (totals.get(periodOfLocalDate(day, options)) ?? 0) + contacts);
  }
  const sorted = [...buckets.values()].sort(byGroupThenPeriod);
  return {
    contacts: sorted.map(({ group, period, contacts, handled, abandoned, open }) => ({ group, period, contacts, handled, abandoned, open })),
    firstContact: sorted
      .filter((b) => b.endedHandled > 0)
      .map(({ group, period, endedHandled, answered }) => ({ group, period, ...firstContactFigures(endedHandled, answered) })),
    handleTimes: sorted.filter((b) => b.handleMs.length > 0).map(({ group, period, handleMs }) => ({ group, period, ...handleTimeFigures(handleMs) })),
    transfers: await transfersFromRollup(db, options, firstDay, endDay, edge, totals, department),
    callbacks: await callbacksFromRollup(db, options, department),
    topArticles: await articlesFromRollup(db, firstDay, endDay, edge, department),
  };
}

async function transfersFromRollup(
  db: Kysely<ReadDb>,
  options: ContactMetricsOptions,
  firstDay: string,
  endDay: string,
  edge: ContactTally,
  totals: ReadonlyMap<string, number>,
  department: string | undefined,
) {
  let query = db.selectFrom('rm_contact_transfer_days').selectAll().where('day', '>=', firstDay).where('day', '<', endDay);
  if (department !== undefined) query = query.where('department', '=', department);
  const buckets = new Map<string, { group: string; period: string; transferred: number; transfers: number; reached: number }>();
  for (const row of [
    ...(await query.execute()),
    ...[...edge.transfers.values()].filter((cell) => department === undefined || cell.department === department),
  ]) {
    const period = periodOfLocalDate(row.day, options);
    const key = `${row.department}\u0000${period}`;
    const bucket = buckets.get(key) ?? { group: row.department, period, transferred: 0, transfers: 0, reached: 0 };
    bucket.transferred += Number(row.transferred);
    bucket.transfers += Number(row.transfers);
    bucket.reached += Number(row.reached);
    buckets.set(key, bucket);
  }
  return [...buckets.values()]
    .sort(byGroupThenPeriod)
    .map(({ group, period, transferred, transfers, reached }) => ({
      group,
      period,
      ...transferFiguresOf(totals.get(period) ?? 0, transferred, transfers, reached),
    }));
}

/** Callbacks of contacts started in the range, promised in it, by department and local day of the promise: counted by the store, `to` deciding what is done and late. */
async function callbacksFromRollup(db: Kysely<ReadDb>, options: ContactMetricsOptions, department: string | undefined) {
  const from = options.from.toISOString();
  const to = options.to.toISOString();
  const durations = isPostgres(db)
    ? sql<string | null>`string_agg(case when completed_at < ${to} then duration_ms::text end, ',')`
    : sql<string | null>`group_concat(case when completed_at < ${to} then duration_ms end)`;
  let query = db
    .selectFrom('rm_contact_callbacks')
    .select([
      'department',
      'promised_day',
      sql<number | string>`count(*)`.as('promised'),
      sql<number | string>`sum(case when completed_at < ${to} and reached = 1 then 1 else 0 end)`.as('reached'),
      sql<
        number | string
      >`sum(case when due_by is not null and ((completed_at < ${to} and completed_at > due_by) or ((completed_at is null or completed_at >= ${to}) and due_by < ${to})) then 1 else 0 end)`.as(
        'late',
      ),
      durations.as('durations'),
    ])
    .where('started_at', '>=', from)
    .where('started_at', '<', to)
    .where('promised_at', '>=', from)
    .where('promised_at', '<', to);
  if (department !== undefined) query = query.where('department', '=', department);
  const buckets = new Map<string, { group: string; period: string; promised: number; reached: number; late: number; durations: number[] }>();
  for (const row of await query.groupBy(['department', 'promised_day']).execute()) {
    const period = periodOfLocalDate(row.promised_day, options);
    const key = `${row.department}\u0000${period}`;
    const bucket = buckets.get(key) ?? { group: row.department, period, promised: 0, reached: 0, late: 0, durations: [] };
    bucket.promised += Number(row.promised);
    bucket.reached += Number(row.reached);
    bucket.late += Number(row.late);
    if (row.durations) for (const duration of row.durations.split(',')) bucket.durations.push(Number(duration));
    buckets.set(key, bucket);
  }
  return [...buckets.values()]
    .sort(byGroupThenPeriod)
    .map(({ group, period, promised, reached, late, durations: completed }) => ({ group, period, ...callbackFiguresOf(promised, reached, late, completed) }));
}

async function articlesFromRollup(db: Kysely<ReadDb>, firstDay: string, endDay: string, edge: ContactTally, department: string | undefined) {
  let query = db
    .selectFrom('rm_contact_article_days')
    .select(['article_id', (eb) => eb.fn.sum<number | string>('contacts').as('contacts'), (eb) => eb.fn.sum<number | string>('uses').as('uses')])
    .where('day', '>=', firstDay)
    .where('day', '<', endDay);
  if (department !== undefined) query = query.where('line', '=', department);
  const uses = new Map<string, { articleId: string; contacts: number; uses: number }>();
  const rows = [
    ...(await query.groupBy('article_id').execute()),
    ...[...edge.articles.values()].filter((cell) => department === undefined || cell.line === department),
  ];
  for (const row of rows) {
    const entry = uses.get(row.article_id) ?? { articleId: row.article_id, contacts: 0, uses: 0 };
    entry.contacts += Number(row.contacts);
    entry.uses += Number(row.uses);
    uses.set(row.article_id, entry);
  }
  return rankArticleUses(uses.values());
}

/** When each line is busiest (`busiestTimes`) over the contacts started in the range, from the rollup's contacts by local hour; a department's scope is its own line. */
export async function contactBusiestTimes(db: Kysely<ReadDb>, range: Omit<MetricsRange, 'period'>, scope: ContactMetricsScope = {}) {
  checkRange({ ...range, period: 'range' });
  const { department } = scope;
  if ((await rollupZone(db)) !== range.timeZone) return busiestTimes(await projectedContactsIn(db, { ...range, line: department }), range);
  const { firstDay, endDay, edges } = daysCovered(range.from, range.to, range.timeZone);
  let query = db.selectFrom('rm_contact_hours').select(['line', 'day', 'weekday', 'hour', 'contacts']).where('day', '>=', firstDay).where('day', '<', endDay);
  if (department !== undefined) query = query.where('line', '=', department);
  const edge = await edgeTally(db, edges, range.timeZone);
  const lines = new Map<string, LineTimes>();
  for (const row of [...(await query.execute()), ...[...edge.hours.values()].filter((cell) => department === undefined || cell.line === department)])
    countLineTime(lines, row.line || 'unknown', Number(row.weekday), Number(row.hour), row.day, Number(row.contacts));
  return busiestTimesOf(lines);
}

/** What residents asked that the knowledge base does not answer (`unansweredSearches`); a department's scope is searches on its line. */
export async function knowledgeGaps(db: Kysely<ReadDb>, range: { from: Date; to: Date }, scope: ContactMetricsScope = {}, limit?: number) {
  return unansweredSearches(await unansweredSearchLog(db, { ...range, line: scope.department }), range, limit);
}
