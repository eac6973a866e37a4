import type { CompletionFigures, DurationFigures } from '@switchboard/read-models';

const DURATION_FIGURES: readonly (keyof DurationFigures)[] = ['samples', 'medianHours', 'p90Hours', 'medianBusinessHours', 'p90BusinessHours'];
const SCALARS = [
  'group',
  'period',
  'periodStart',
  'periodEnd',
  'opened',
  'completed',
  'closedWithoutCompletion',
  'completionRate',
  'backlogAtPeriodEnd',
  'onTimeRate',
  'escalationRate',
  'reopenRate',
  'firstContactResolutionRate',
] as const satisfies readonly (keyof CompletionFigures)[];

/** Quotes a CSV field when it needs it (RFC 4180). */
const field = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Every figure, unrounded, one row per group and period, for spreadsheets. */
export function renderCsv(figures: readonly CompletionFigures[]): string {
  const durations = (['timeToAssign', 'timeToComplete'] as const).flatMap((name) => DURATION_FIGURES.map((figure) => [name, figure] as const));
  const header = [...SCALARS, ...durations.map(([name, figure]) => `${name}.${figure}`)];
  const rows = figures.map((f) => [...SCALARS.map((key) => f[key]), ...durations.map(([name, figure]) => f[name][figure])]);
  return [header, ...rows].map((row) => `${row.map(field).join(',')}\r\n`).join('');
}
