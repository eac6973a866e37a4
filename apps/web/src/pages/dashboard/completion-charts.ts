import type { Series } from '../../components/chart-figure';
import type { CompletionFigures } from '../../lib/api-types';

export interface CompletionCharts {
  /** Group names, in the order of the bars. */
  readonly names: readonly string[];
  readonly onTime: Series[];
  readonly durations: Series[];
  readonly rates: Series[];
  /** Periods of the trend, in order. */
  readonly periods: readonly string[];
  readonly backlog: Series[];
}

/** The charts' series: bars by group over the range (sorted by name), and the backlog trend of all groups and the five largest. */
export function completionCharts(rows: readonly CompletionFigures[], trend: readonly CompletionFigures[], label: (group: string) => string): CompletionCharts {
  const ordered = [...rows].sort((a, b) => label(a.group).localeCompare(label(b.group)));
  const names = ordered.map((r) => label(r.group));
  const pct = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);
  const onTime: Series[] = [{ label: 'On-time rate', values: ordered.map((r) => pct(r.onTimeRate)) }];
  const durations: Series[] = [
    { label: 'Median', values: ordered.map((r) => r.timeToComplete.medianBusinessHours) },
    { label: '90th percentile', values: ordered.map((r) => r.timeToComplete.p90BusinessHours) },
  ];
  const rates: Series[] = [
    { label: 'First-contact resolution', values: ordered.map((r) => pct(r.firstContactResolutionRate)) },
    { label: 'Escalation rate', values: ordered.map((r) => pct(r.escalationRate)) },
    { label: 'Reopen rate', values: ordered.map((r) => pct(r.reopenRate)) },
  ];
  // Backlog trend: all groups together, and the five with the largest backlog at the end.
  const periods = [...new Set(trend.map((f) => f.period))].sort();
  const byGroup = new Map<string, Map<string, number>>();
  for (const f of trend) {
    if (!byGroup.has(f.group)) byGroup.set(f.group, new Map());
    byGroup.get(f.group)!.set(f.period, f.backlogAtPeriodEnd);
  }
  const last = periods[periods.length - 1];
  const top = [...byGroup.entries()].sort((a, b) => (b[1].get(last) ?? 0) - (a[1].get(last) ?? 0)).slice(0, 5);
  const backlog: Series[] = [
    { label: 'All', values: periods.map((p) => [...byGroup.values()].reduce((sum, m) => sum + (m.get(p) ?? 0), 0)) },
    ...top.map(([group, values]) => ({ label: label(group), values: periods.map((p) => values.get(p) ?? 0) })),
  ];
  return { names, onTime, durations, rates, periods, backlog };
}

/** A chart's text summary: each group's value with its unit. */
export function summaryOf(names: readonly string[], values: readonly (number | null)[], unit: string, what = ''): string {
  const parts = names.map(
    (name, i) => `${name} ${values[i] === null ? 'no data' : `${Math.round((values[i] as number) * 10) / 10}${unit === '%' ? ' %' : ` ${unit}`}`}`,
  );
  return `${what ? `${what}: ` : ''}${parts.join('; ') || 'no data'}.`;
}
