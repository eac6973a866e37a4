import { sql, type Kysely } from 'kysely';
import { isoDateOfDay, wallTimeOf, DAY_MS } from '@switchboard/ticketing';
import type { GenerationTables } from '../store/generation-tables';
import type { ReadDb } from '../store/read-db';
import { type CompletionFigures, type CompletionMetricsOptions, type Counters, emptyCounters, figuresOfGroups } from './completion-metrics';
import { periodsCovering } from './periods';

/** The local day number (days since 1970-01-01 in local wall time) of an instant in a zone. */
export const dayOf = (zone: string, instant: number): number => Math.floor(wallTimeOf(zone, instant) / DAY_MS);

/**
 * The completion rollup (migration 14): per local day × grouping × group, what the figures over
 * whole days are made of — counts, the exact samples of time to assign and to complete (ms, so
 * medians and 90th percentiles stay exact), and the day-boundary deltas the backlog and "open and
 * overdue" at period ends are summed from. Kept by the ticket projection from each ticket's latest
 * facts, in the same transaction: a ticket's later events move it out of the cells it was in and
 * into those it is in now. Live answers over whole local days read it instead of every ticket.
 */

/**
 * Completion metrics now from the rollup, when it answers them exactly: the range from and to local
 * midnights in the rollup's zone (so every period is whole days), and no anomalous ticket. Otherwise
 * undefined, and the caller reads the tickets.
 */
export async function completionMetricsFromRollup(
  db: Kysely<ReadDb>,
  tables: GenerationTables,
  options: CompletionMetricsOptions,
): Promise<CompletionFigures[] | undefined> {
  const { from, to, groupBy, period, timeZone } = options;
  const fromDay = dayOf(timeZone, from.getTime());
  const toDay = dayOf(timeZone, to.getTime());
  const atMidnight = (instant: Date, day: number) => wallTimeOf(timeZone, instant.getTime()) === day * DAY_MS;
  if (!atMidnight(from, fromDay) || !atMidnight(to, toDay)) return undefined;
  const zone = await db.selectFrom(tables.rollup).select('zone').limit(1).executeTakeFirst();
  if (zone && zone.zone !== timeZone) return undefined;
  const anomalous = await db.selectFrom(tables.rollup).select('day').where('anomalous', '>', 0).limit(1).executeTakeFirst();
  if (anomalous) return undefined;

  const windows = periodsCovering(from, to, period, timeZone);
  const cells = await db
    .selectFrom(tables.rollup)
    .selectAll()
    .where('group_by', '=', groupBy)
    .where('day', '>=', isoDateOfDay(fromDay))
    .where('day', '<=', isoDateOfDay(toDay))
    .execute();
  // Open at `from`: every day's in and out up to and including from's day.
  const before = await db
    .selectFrom(tables.rollup)
    .select(['grp', sql<number>`sum(backlog_in) - sum(backlog_out)`.as('backlog'), sql<number>`sum(overdue_in) - sum(overdue_out)`.as('overdue')])
    .where('group_by', '=', groupBy)
    .where('day', '<=', isoDateOfDay(fromDay))
    .groupBy('grp')
    .execute();

  const groups = new Map<string, Counters>();
  const present = new Set<string>();
  const counters = (group: string): Counters => {
    let found = groups.get(group);
    if (!found) groups.set(group, (found = emptyCounters(windows.length)));
    return found;
  };
  for (const row of before) {
    const c = counters(row.grp);
    c.backlogDelta[0] += Number(row.backlog);
    c.overdueDelta[0] += Number(row.overdue);
    if (Number(row.backlog) > 0) present.add(row.grp);
  }
  // The window a local day's facts fall in, and the window end a day's boundary delta first counts at.
  const dayStarts = windows.map((window) => dayOf(timeZone, window.start));
  const windowOfDay = (day: number): number => {
    let i = dayStarts.length - 1;
    while (i > 0 && dayStarts[i] > day) i--;
    return i;
  };
  const HOUR_MS = 3_600_000;
  for (const row of cells) {
    const day = Math.round(Date.parse(`${row.day}T00:00:00Z`) / DAY_MS);
    const c = counters(row.grp);
    if (day > fromDay) {
      // A boundary delta on day d counts at every period end whose day is d or later: the end of the window before the one d starts.
      const end = windowOfDay(day - 1);
      c.backlogDelta[end] += Number(row.backlog_in) - Number(row.backlog_out);
      c.overdueDelta[end] += Number(row.overdue_in) - Number(row.overdue_out);
    }
    if (day >= toDay) continue;
    const i = windowOfDay(day);
    c.opened[i] += Number(row.opened);
    c.completed[i] += Number(row.completed);
    c.closedWithoutCompletion[i] += Number(row.closed_wo);
    c.resolvedOnTime[i] += Number(row.on_time);
    c.resolvedEscalated[i] += Number(row.escalated);
    c.completedReopened[i] += Number(row.reopened);
    c.completedAtFirstContact[i] += Number(row.fcr);
    if (Number(row.opened) + Number(row.completed) + Number(row.closed_wo) > 0) present.add(row.grp);
    for (const ms of JSON.parse(row.assign_ms) as number[]) c.assign.calendar[i].push(ms / HOUR_MS);
    for (const ms of JSON.parse(row.assign_business_ms) as number[]) c.assign.business[i].push(ms / HOUR_MS);
    for (const ms of JSON.parse(row.complete_ms) as number[]) c.complete.calendar[i].push(ms / HOUR_MS);
    for (const ms of JSON.parse(row.complete_business_ms) as number[]) c.complete.business[i].push(ms / HOUR_MS);
  }
  for (const group of groups.keys()) if (!present.has(group)) groups.delete(group);
  return figuresOfGroups(groups, windows);
}
