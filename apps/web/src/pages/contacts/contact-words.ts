import type { Session } from '../../session';

/** A line called, in words: the 311 line itself, or the department whose line was routed to 311. */
export function lineName(session: Session, line: string): string {
  return line === '311' ? '311' : session.departmentName(line);
}

/** A group of the contact figures in words, as the grouping names it. */
export function groupName(session: Session, groupBy: 'line' | 'channel' | 'all', group: string): string {
  if (groupBy === 'line') return lineName(session, group);
  if (groupBy === 'all') return 'All contacts';
  return group.replace(/_/g, ' ');
}

/** Minutes to one decimal, or a dash when there are no samples. */
export function minutes(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value.toFixed(1)} min`;
}

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
