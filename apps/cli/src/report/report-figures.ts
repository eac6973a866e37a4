import type { CompletionFigures, DurationFigures } from '@switchboard/read-models';

/** One column of the report: a heading and how to read it from a group's figures in a period. */
export interface FigureColumn {
  readonly heading: string;
  readonly key: string;
  readonly value: (figures: CompletionFigures) => number | string | null;
  readonly kind: 'text' | 'count' | 'rate' | 'hours';
}

const duration = (name: 'timeToAssign' | 'timeToComplete', figure: keyof DurationFigures, heading: string): FigureColumn => ({
  heading,
  key: `${name}.${figure}`,
  value: (f) => f[name][figure],
  kind: figure === 'samples' ? 'count' : 'hours',
});

/** Every figure of the completion report, in report order (docs/metrics.md defines them). */
export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  { heading: 'group', key: 'group', value: (f) => f.group, kind: 'text' },
  { heading: 'period', key: 'period', value: (f) => f.period, kind: 'text' },
  { heading: 'opened', key: 'opened', value: (f) => f.opened, kind: 'count' },
  { heading: 'completed', key: 'completed', value: (f) => f.completed, kind: 'count' },
  { heading: 'closed w/o', key: 'closedWithoutCompletion', value: (f) => f.closedWithoutCompletion, kind: 'count' },
  { heading: 'completion', key: 'completionRate', value: (f) => f.completionRate, kind: 'rate' },
  { heading: 'backlog', key: 'backlogAtPeriodEnd', value: (f) => f.backlogAtPeriodEnd, kind: 'count' },
  { heading: 'on time', key: 'onTimeRate', value: (f) => f.onTimeRate, kind: 'rate' },
  duration('timeToAssign', 'medianHours', 'assign h (median)'),
  duration('timeToComplete', 'medianHours', 'complete h (median)'),
  duration('timeToComplete', 'p90Hours', 'complete h (p90)'),
  duration('timeToComplete', 'medianBusinessHours', 'complete bh (median)'),
  { heading: 'escalated', key: 'escalationRate', value: (f) => f.escalationRate, kind: 'rate' },
  { heading: 'reopened', key: 'reopenRate', value: (f) => f.reopenRate, kind: 'rate' },
  { heading: 'first contact', key: 'firstContactResolutionRate', value: (f) => f.firstContactResolutionRate, kind: 'rate' },
];

/** A figure as people read it: rates as percentages, hours to one decimal, missing as "–". */
export function displayFigure(column: FigureColumn, figures: CompletionFigures): string {
  const value = column.value(figures);
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  if (column.kind === 'rate') return `${(value * 100).toFixed(1)}%`;
  if (column.kind === 'hours') return value.toFixed(1);
  return String(value);
}
