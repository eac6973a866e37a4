import type { Problem } from '../../lib/api-types';
import { addDays, cityDate } from '../../lib/city-time';
import type { Session } from '../../session';
import { instantsOf as dashboardInstantsOf } from '../dashboard/dashboard-parameters';

/** What the contacts page shows, as its address holds it (so a view can be bookmarked or sent). */
export interface ContactParameters {
  /** Local dates, both inclusive. */
  readonly from: string;
  readonly to: string;
  /** How contacts, first-contact answers and handle times are grouped (transfers and callbacks are always by department). */
  readonly groupBy: 'line' | 'channel' | 'all';
  /** The trend's period. */
  readonly period: 'day' | 'week' | 'month';
}

export const CONTACT_GROUPINGS = ['line', 'channel', 'all'] as const;

/** The parameters in the address, each defaulted when absent or unknown (the last 30 days by week, by line). */
export function contactParametersOf(query: URLSearchParams, session: Session): ContactParameters {
  const today = cityDate(session.catalog.timeZone, session.now());
  const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);
  return {
    from: query.get('from') ?? addDays(today, -29),
    to: query.get('to') ?? today,
    groupBy: pick(query.get('groupBy'), CONTACT_GROUPINGS, 'line'),
    period: pick(query.get('period'), ['day', 'week', 'month'] as const, 'week'),
  };
}

/** The contacts page's address for these parameters. */
export function contactsAddress(p: ContactParameters): string {
  return `/contacts?${new URLSearchParams({ from: p.from, to: p.to, groupBy: p.groupBy, period: p.period })}`;
}

/** The range as the API's instants, checked as the dashboard checks its own (live figures: the range ends now at the latest). */
export function contactInstantsOf(p: ContactParameters, session: Session): { from: Date; to: Date } | Problem {
  return dashboardInstantsOf({ from: p.from, to: p.to, period: p.period, groupBy: 'department', asOf: '' }, session);
}
