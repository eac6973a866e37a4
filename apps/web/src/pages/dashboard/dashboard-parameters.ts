import type { Problem } from '../../lib/api-types';
import { addDays, cityDate, instantOfCityTime } from '../../lib/city-time';
import type { Session } from '../../session';

/** What the dashboard shows, as its address holds it (so a view can be bookmarked or sent). */
export interface Parameters {
  /** Local dates, both inclusive. */
  readonly from: string;
  readonly to: string;
  readonly groupBy: 'department' | 'service' | 'channel';
  readonly period: 'day' | 'week' | 'month';
  /** Local date and time, or '' for now. */
  readonly asOf: string;
  /** How the moment is read: `asOf` (what had happened by then, history imported later included) or `knownAt` (what the system had recorded by then). */
  readonly moment?: 'asOf' | 'knownAt';
}

/** The parameters in the address, each defaulted when absent or not one the person may use (the last 30 days by week, by department). */
export function parametersOf(query: URLSearchParams, session: Session): Parameters {
  const today = cityDate(session.catalog.timeZone, session.now());
  const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);
  const groups = session.me.may.completionMetricsBy;
  return {
    from: query.get('from') ?? addDays(today, -29),
    to: query.get('to') ?? today,
    groupBy: pick(query.get('groupBy'), groups, 'department'),
    period: pick(query.get('period'), ['day', 'week', 'month'] as const, 'week'),
    asOf: query.get('asOf') ?? query.get('knownAt') ?? '',
    moment: query.get('asOf') === null && query.get('knownAt') !== null ? 'knownAt' : 'asOf',
  };
}

/** The dashboard's address for these parameters. */
export function dashboardAddress(p: Parameters): string {
  const params = new URLSearchParams({ from: p.from, to: p.to, groupBy: p.groupBy, period: p.period });
  if (p.asOf) params.set(p.moment ?? 'asOf', p.asOf);
  return `/dashboard?${params}`;
}

/** The API's instants of a dashboard: its range and, for a past moment, the instant and how it is read. */
export interface DashboardInstants {
  readonly from: Date;
  readonly to: Date;
  readonly asOf?: Date;
  readonly moment: NonNullable<Parameters['moment']>;
}

/** Checks the form in the city's terms and answers the API's instants, or a problem naming the field. */
export function instantsOf(p: Parameters, session: Session): DashboardInstants | Problem {
  const tz = session.catalog.timeZone;
  const bad = (field: string, message: string): Problem => ({ statusCode: 400, error: 'InvalidRequest', message, problems: [{ field, message }] });
  const from = instantOfCityTime(tz, p.from);
  if (!from) return bad('From', 'must be a date');
  const end = instantOfCityTime(tz, addDays(p.to, 1));
  if (!end) return bad('To', 'must be a date');
  if (end <= from) return bad('To', 'must not be before From');
  const asOf = p.asOf ? instantOfCityTime(tz, p.asOf) : undefined;
  if (p.asOf && !asOf) return bad('As of', 'must be a date and time');
  const now = session.now();
  if (asOf && asOf > now) return bad('As of', 'must not be in the future');
  const known = asOf ?? now;
  if (known <= from) return bad('From', `must be before ${p.asOf ? 'As of' : 'now'}`);
  // Nothing is known after the as-of moment (or now): the report ends there.
  return { from, to: end < known ? end : known, asOf, moment: p.moment ?? 'asOf' };
}
