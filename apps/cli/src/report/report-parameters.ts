import type { GroupBy, Moment, Period } from '@switchboard/read-models';
import { formatLocalTime } from '../time/city-time';

/** What a report covers, as shown in its heading and JSON. */
export interface ReportParameters {
  readonly from: Date;
  readonly to: Date;
  /** As of (what had happened by then) or as known at (what had been recorded by then) this instant. */
  readonly moment: Moment;
  readonly groupBy: GroupBy;
  readonly period: Period;
  readonly timeZone: string;
  /** e.g. "by department, 2026-01-01 to 2026-02-01". */
  readonly title: string;
  /** Range, moment and time zone in words. */
  readonly description: string;
}

/** Report parameters with their human-readable title and description. */
export function reportParameters(options: Omit<ReportParameters, 'title' | 'description'>): ReportParameters {
  const local = (date: Date): string => formatLocalTime(date.toISOString(), options.timeZone);
  return {
    ...options,
    title: `by ${options.groupBy}, ${local(options.from)} to ${local(options.to)}`,
    description: `Per ${options.period}, from ${local(options.from)} up to ${local(options.to)}, ${options.moment.axis === 'knownAt' ? 'as known at' : 'as of'} ${local(options.moment.at)}; replayed from the event log; periods in ${options.timeZone}.`,
  };
}
