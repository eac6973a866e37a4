import type { Problem } from '../../lib/api-types';
import { addDays, cityDate } from '../../lib/city-time';
import type { Session } from '../../session';
import { instantsOf as dashboardInstantsOf } from '../dashboard/dashboard-parameters';

/** What the coverage report shows, as its address holds it (so a view can be bookmarked or sent). */
export interface CoverageParameters {
  /** Local dates, both inclusive. */
  readonly from: string;
  readonly to: string;
  /** One department's code; '' for every department (the director). */
  readonly department: string;
}

/** The parameters in the address, each defaulted when absent (the last 7 days, every department). */
export function coverageParametersOf(query: URLSearchParams, session: Session): CoverageParameters {
  const today = cityDate(session.catalog.timeZone, session.now());
  return { from: query.get('from') ?? addDays(today, -6), to: query.get('to') ?? today, department: query.get('department') ?? '' };
}

/** The report's address for these parameters. */
export function coverageAddress(p: CoverageParameters): string {
  const params = new URLSearchParams({ from: p.from, to: p.to });
  if (p.department) params.set('department', p.department);
  return `/phone-coverage?${params}`;
}

/** The range as the API's instants, checked as the dashboard checks its own (the report ends now at the latest). */
export function coverageInstantsOf(p: CoverageParameters, session: Session): { from: Date; to: Date } | Problem {
  return dashboardInstantsOf({ from: p.from, to: p.to, period: 'day', groupBy: 'department', asOf: '' }, session);
}
