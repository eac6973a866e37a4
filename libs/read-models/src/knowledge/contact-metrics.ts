import type { Kysely } from 'kysely';
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
import { completedAtIntakeAmong, ContactTally, handleSamples, rollupZone, ticketsOpenedAt } from './contact-rollup';
import type { ContactDaysTable } from '../store/read-db';

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

/** The local days wholly inside [from, to) (`firstDay` up to `endDay`, exclusive; the instants `start` to `end`), and the stretches of the range outside them. */
export function daysCovered(
  from: Date,
  to: Date,
  timeZone: string,
): { firstDay: string; endDay: string; start: Date; end: Date; edges: { from: Date; to: Date }[] } {
  const dayOf = (instant: number) => localClock(instant, timeZone).toISOString().slice(0, 10);
  const startOf = (day: string) => new Date(instantOfWallTime(timeZone, Date.parse(`${day}T00:00:00Z`)));
  let firstDay = dayOf(from.getTime());
  if (startOf(firstDay).getTime() !== from.getTime()) firstDay = new Date(Date.parse(`${firstDay}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  const endDay = dayOf(to.getTime());
  if (firstDay >= endDay) return { firstDay, endDay: firstDay, start: from, end: from, edges: [{ from, to }] };
  const start = startOf(firstDay);
  const end = startOf(endDay);
  const edges = [
    { from, to: start },
    { from: end, to },
  ].filter((edge) => edge.from.getTime() < edge.to.getTime());
  return { firstDay, endDay, start, end, edges };
}

/** The rollup's days wholly in the range (`interior`), and the contacts of the range's edges (parts of a day) tallied the same way. */
async function rollupDays(db: Kysely<ReadDb>, range: { from: Date; to: Date; timeZone: string }, withHandleTimes = true) {
  const covered = daysCovered(range.from, range.to, range.timeZone);
  const contacts = (await Promise.all(covered.edges.map((edge) => projectedContactsIn(db, edge)))).flat();
  const completed = await completedAtIntakeAmong(db, contacts.flatMap(ticketsOpenedAt));
  const edge = new ContactTally(range.timeZone);
  for (const contact of contacts) edge.add(contact, completed);
  const interior = await db
    .selectFrom('rm_contact_days')
    .select(withHandleTimes ? ['day', 'doc', 'handle_ms'] : ['day', 'doc'])
    .where('day', '>=', covered.firstDay)
    .where('day', '<', covered.endDay)
    .execute();
  return { covered, interior: interior.map(readDay), edge, edgeDays: [...edge.days.values()].map((doc) => readDay(doc.encode())) };
}

interface DayRead {
  readonly day: string;
  readonly doc: EncodedDay;
  readonly samples: Int32Array | Float64Array;
}

/** `DayDoc#encode`'s JSON. */
interface EncodedDay {
  c: [string, string, number, number, number, number, number, number, number][];
  t: [string, number, number, number][];
  h: [string, ...number[]][];
  b: [string, string, number, number, number, number, number[]][];
  a: [string, number, number][];
}

function readDay(row: Pick<ContactDaysTable, 'day' | 'doc'> & { handle_ms?: string }): DayRead {
  return { day: row.day, doc: JSON.parse(row.doc) as EncodedDay, samples: row.handle_ms === undefined ? new Int32Array(0) : handleSamples(row.handle_ms) };
}

/** `periodOfLocalDate` for the range, each day's label worked out once. */
function periodsOfDays(range: ContactMetricsOptions): (day: string) => string {
  const labels = new Map<string, string>();
  return (day) => {
    let label = labels.get(day);
    if (label === undefined) labels.set(day, (label = periodOfLocalDate(day, range)));
    return label;
  };
}

interface ContactBucket {
  group: string;
  period: string;
  contacts: number;
  handled: number;
  abandoned: number;
  open: number;
  endedHandled: number;
  answered: number;
  samples: (Int32Array | Float64Array)[];
  sampleCount: number;
}

/** Views of samples as one array. */
function joined(parts: readonly (Int32Array | Float64Array)[], count: number): Float64Array {
  const all = new Float64Array(count);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/**
 * The contact figures, as `contactMetricsOf` defines them, from the contact rollup (migration 9):
 * the local days wholly in the range from their rows, the parts of a day at either end from the
 * contacts started there, tallied the same way; callbacks not wholly inside those days, and those
 * the report's end finds not yet completed, from their own rows. A rollup not (yet) kept in the
 * range's zone answers from the contacts themselves.
 */
export async function contactMetricsReport(db: Kysely<ReadDb>, options: ContactMetricsOptions, scope: ContactMetricsScope = {}) {
  checkRange(options);
  const periodOf = periodsOfDays(options);
  if ((await rollupZone(db)) !== options.timeZone) {
    const all = await projectedContactsIn(db, options);
    return contactMetricsOf(all, await ticketsCompletedAtIntake(db, all), options, scope);
  }
  const { department } = scope;
  const { covered, interior, edge, edgeDays } = await rollupDays(db, options);
  const groupOf = (line: string, channel: string) => (options.groupBy === 'all' ? 'all' : (options.groupBy === 'line' ? line : channel) || 'unknown');
  const buckets = new Map<string, ContactBucket>();
  const totals = new Map<string, number>();
  const transfers = new Map<string, { group: string; period: string; transferred: number; transfers: number; reached: number }>();
  const articles = new Map<string, { articleId: string; contacts: number; uses: number }>();
  for (const { day, doc, samples } of [...interior, ...edgeDays]) {
    const period = periodOf(day);
    let at = 0;
    for (const [line, channel, contacts, handled, abandoned, open, endedHandled, answered, n] of doc.c) {
      const handleMs = samples.subarray(at, at + n);
      at += n;
      totals.set(period, (totals.get(period) ?? 0) + contacts);
      if (department !== undefined && line !== department) continue;
      const group = groupOf(line, channel);
      const key = `${group}\u0000${period}`;
      const bucket = buckets.get(key) ?? {
        group,
        period,
        contacts: 0,
        handled: 0,
        abandoned: 0,
        open: 0,
        endedHandled: 0,
        answered: 0,
        samples: [],
        sampleCount: 0,
      };
      bucket.contacts += contacts;
      bucket.handled += handled;
      bucket.abandoned += abandoned;
      bucket.open += open;
      bucket.endedHandled += endedHandled;
      bucket.answered += answered;
      bucket.samples.push(handleMs);
      bucket.sampleCount += n;
      buckets.set(key, bucket);
    }
    for (const [to, transferred, count, reached] of doc.t) {
      if (department !== undefined && to !== department) continue;
      const key = `${to}\u0000${period}`;
      const bucket = transfers.get(key) ?? { group: to, period, transferred: 0, transfers: 0, reached: 0 };
      bucket.transferred += transferred;
      bucket.transfers += count;
      bucket.reached += reached;
      transfers.set(key, bucket);
    }
    if (department === undefined)
      for (const [articleId, contacts, uses] of doc.a) {
        const entry = articles.get(articleId) ?? { articleId, contacts: 0, uses: 0 };
        entry.contacts += contacts;
        entry.uses += uses;
        articles.set(articleId, entry);
      }
  }
  if (department !== undefined) await lineArticles(db, covered, edge, department, articles);
  const sorted = [...buckets.values()].sort(byGroupThenPeriod);
  return {
    contacts: sorted.map(({ group, period, contacts, handled, abandoned, open }) => ({ group, period, contacts, handled, abandoned, open })),
    firstContact: sorted
      .filter((b) => b.endedHandled > 0)
      .map(({ group, period, endedHandled, answered }) => ({ group, period, ...firstContactFigures(endedHandled, answered) })),
    handleTimes: sorted
      .filter((b) => b.sampleCount > 0)
      .map(({ group, period, samples, sampleCount }) => ({ group, period, ...handleTimeFigures(joined(samples, sampleCount)) })),
    transfers: [...transfers.values()].sort(byGroupThenPeriod).map(({ group, period, transferred, transfers: count, reached }) => ({
      group,
      period,
      ...transferFiguresOf(totals.get(period) ?? 0, transferred, count, reached),
    })),
    callbacks: await callbacksFromRollup(db, options, periodOf, covered, interior, department),
    topArticles: rankArticleUses(articles.values()),
  };
}

/** A department's article uses: its line's rows of the days in the range, and the edges' contacts on its line. */
async function lineArticles(
  db: Kysely<ReadDb>,
  covered: { firstDay: string; endDay: string },
  edge: ContactTally,
  department: string,
  articles: Map<string, { articleId: string; contacts: number; uses: number }>,
): Promise<void> {
  const rows = await db
    .selectFrom('rm_contact_article_days')
    .select(['article_id', (eb) => eb.fn.sum<number | string>('contacts').as('contacts'), (eb) => eb.fn.sum<number | string>('uses').as('uses')])
    .where('line', '=', department)
    .where('day', '>=', covered.firstDay)
    .where('day', '<', covered.endDay)
    .groupBy('article_id')
    .execute();
  for (const row of [...rows, ...[...edge.lineArticles.values()].filter((cell) => cell.line === department)]) {
    const entry = articles.get(row.article_id) ?? { articleId: row.article_id, contacts: 0, uses: 0 };
    entry.contacts += Number(row.contacts);
    entry.uses += Number(row.uses);
    articles.set(row.article_id, entry);
  }
}

interface CallbackBucket {
  group: string;
  period: string;
  promised: number;
  reached: number;
  late: number;
  samples: number[];
  removed: number[];
}

/**
 * Callbacks of contacts started in the range and promised in it, by department and the period of
 * the promise. Those of contacts started on the days wholly in the range and promised on them come
 * from the days' rows, which count them as completed if ever completed; the report's end decides
 * what is done and late, so those it finds not yet completed (few: the open ones and those
 * completed after `to`) are read from their own rows and set right. The callbacks of the edges'
 * contacts, or promised after the last whole day, are read from their rows and counted whole.
 */
async function callbacksFromRollup(
  db: Kysely<ReadDb>,
  options: ContactMetricsOptions,
  periodOf: (day: string) => string,
  covered: { firstDay: string; endDay: string; start: Date; end: Date },
  interior: readonly DayRead[],
  department: string | undefined,
) {
  const from = options.from.toISOString();
  const to = options.to.toISOString();
  const start = covered.start.toISOString();
  const end = covered.end.toISOString();
  const buckets = new Map<string, CallbackBucket>();
  const bucketOf = (departmentCode: string, promisedDay: string) => {
    const period = periodOf(promisedDay);
    const key = `${departmentCode}\u0000${period}`;
    const bucket = buckets.get(key) ?? { group: departmentCode, period, promised: 0, reached: 0, late: 0, samples: [], removed: [] };
    buckets.set(key, bucket);
    return bucket;
  };
  for (const { doc } of interior)
    for (const [promisedDay, departmentCode, promised, , reached, lateIfDone, durations] of doc.b) {
      if (promisedDay < covered.firstDay || promisedDay >= covered.endDay || (department !== undefined && departmentCode !== department)) continue;
      const bucket = bucketOf(departmentCode, promisedDay);
      bucket.promised += promised;
      bucket.reached += reached;
      bucket.late += lateIfDone;
      for (const duration of durations) bucket.samples.push(duration);
    }
  // Each read below is one index range (start, promise, or settled time) over few rows; the rest is judged here.
  const rowsWhere = async (column: 'started_at' | 'promised_at' | 'settled_at', low: string, high?: string) => {
    let query = db
      .selectFrom('rm_contact_callbacks')
      .select(['department', 'promised_day', 'started_at', 'promised_at', 'due_by', 'completed_at', 'reached', 'duration_ms'])
      .where(column, '>=', low);
    if (high !== undefined) query = query.where(column, '<', high);
    if (department !== undefined) query = query.where('department', '=', department);
    return query.execute();
  };
  const within = (instant: string, low: string, high: string) => instant >= low && instant < high;
  const ofDays = (row: { started_at: string; promised_at: string }) => within(row.started_at, start, end) && within(row.promised_at, start, end);
  const whole = [
    ...(await rowsWhere('started_at', from, start)),
    ...(await rowsWhere('started_at', end, to)),
    ...(await rowsWhere('promised_at', from, start)).filter((row) => within(row.started_at, start, end)),
    ...(await rowsWhere('promised_at', end, to)).filter((row) => within(row.started_at, start, end)),
  ].filter((row) => within(row.started_at, from, to) && within(row.promised_at, from, to));
  for (const row of whole) {
    const bucket = bucketOf(row.department, row.promised_day);
    const done = row.completed_at !== null && row.completed_at < to;
    bucket.promised += 1;
    bucket.reached += done && Number(row.reached) === 1 ? 1 : 0;
    bucket.late += row.due_by !== null && (done ? row.completed_at! > row.due_by : to > row.due_by) ? 1 : 0;
    if (done) bucket.samples.push(Number(row.duration_ms));
  }
  for (const row of (await rowsWhere('settled_at', to)).filter(ofDays)) {
    const bucket = bucketOf(row.department, row.promised_day);
    if (row.completed_at !== null) {
      bucket.reached -= Number(row.reached) === 1 ? 1 : 0;
      bucket.late -= row.due_by !== null && row.completed_at > row.due_by ? 1 : 0;
      bucket.removed.push(Number(row.duration_ms));
    }
    bucket.late += row.due_by !== null && to > row.due_by ? 1 : 0;
  }
  return [...buckets.values()].sort(byGroupThenPeriod).map(({ group, period, promised, reached, late, samples, removed }) => ({
    group,
    period,
    ...callbackFiguresOf(promised, reached, late, without(samples, removed)),
  }));
}

/** `values` less one occurrence of each of `removed`. */
function without(values: readonly number[], removed: readonly number[]): Float64Array {
  const sorted = Float64Array.from(values).sort();
  if (removed.length === 0) return sorted;
  const gone = Float64Array.from(removed).sort();
  const kept = new Float64Array(sorted.length - gone.length);
  let g = 0;
  let k = 0;
  for (const value of sorted) {
    if (g < gone.length && value === gone[g]) g++;
    else kept[k++] = value;
  }
  return kept;
}

/** When each line is busiest (`busiestTimes`) over the contacts started in the range, from the rollup's contacts by local hour; a department's scope is its own line. */
export async function contactBusiestTimes(db: Kysely<ReadDb>, range: Omit<MetricsRange, 'period'>, scope: ContactMetricsScope = {}) {
  checkRange({ ...range, period: 'range' });
  const { department } = scope;
  if ((await rollupZone(db)) !== range.timeZone) return busiestTimes(await projectedContactsIn(db, { ...range, line: department }), range);
  const { interior, edgeDays } = await rollupDays(db, range, false);
  const lines = new Map<string, LineTimes>();
  for (const { day, doc } of [...interior, ...edgeDays]) {
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
    for (const [line, ...hours] of doc.h) {
      if (department !== undefined && line !== department) continue;
      hours.forEach((count, hour) => count !== 0 && countLineTime(lines, line || 'unknown', weekday, hour, day, count));
    }
  }
  return busiestTimesOf(lines);
}

/** What residents asked that the knowledge base does not answer (`unansweredSearches`); a department's scope is searches on its line. */
export async function knowledgeGaps(db: Kysely<ReadDb>, range: { from: Date; to: Date }, scope: ContactMetricsScope = {}, limit?: number) {
  return unansweredSearches(await unansweredSearchLog(db, { ...range, line: scope.department }), range, limit);
}
