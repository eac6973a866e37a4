import { useMemo } from 'react';
import { ChartFigure } from '../../components/chart-figure';
import { type Column, SortableTable } from '../../components/sortable-table';
import type { CompletionFigures } from '../../lib/api-types';
import { hours, percent } from '../../lib/words';
import type { Parameters } from './dashboard-parameters';
import { completionCharts, summaryOf } from './completion-charts';
import type { Loaded } from './use-dashboard-data';

const GROUP_WORDS = { department: 'department', service: 'service', channel: 'channel' } as const;

/** The four charts (each with its numbers) and the sortable table of the figures over the whole range. */
export function CompletionFiguresSection({ loaded, groupBy, label }: { loaded: Loaded; groupBy: Parameters['groupBy']; label: (group: string) => string }) {
  const rows = loaded.range.figures;
  const charts = useMemo(() => completionCharts(rows, loaded.trend.figures, label), [rows, loaded.trend, label]);

  const columns: Column<CompletionFigures>[] = [
    { key: 'group', label: GROUP_WORDS[groupBy][0].toUpperCase() + GROUP_WORDS[groupBy].slice(1), value: (r) => label(r.group) },
    { key: 'opened', label: 'Opened', value: (r) => r.opened, numeric: true },
    { key: 'completed', label: 'Completed', value: (r) => r.completed, numeric: true },
    { key: 'onTime', label: 'On time', value: (r) => r.onTimeRate, render: (r) => percent(r.onTimeRate), numeric: true },
    {
      key: 'median',
      label: 'Median to complete',
      value: (r) => r.timeToComplete.medianBusinessHours,
      render: (r) => hours(r.timeToComplete.medianBusinessHours),
      numeric: true,
    },
    {
      key: 'p90',
      label: '90th pct to complete',
      value: (r) => r.timeToComplete.p90BusinessHours,
      render: (r) => hours(r.timeToComplete.p90BusinessHours),
      numeric: true,
    },
    { key: 'backlog', label: 'Backlog at end', value: (r) => r.backlogAtPeriodEnd, numeric: true },
    {
      key: 'fcr',
      label: 'First-contact resolution',
      value: (r) => r.firstContactResolutionRate,
      render: (r) => percent(r.firstContactResolutionRate),
      numeric: true,
    },
    { key: 'escalation', label: 'Escalated', value: (r) => r.escalationRate, render: (r) => percent(r.escalationRate), numeric: true },
    { key: 'reopen', label: 'Reopened', value: (r) => r.reopenRate, render: (r) => percent(r.reopenRate), numeric: true },
  ];
  const totalCompleted = rows.reduce((sum, r) => sum + r.completed, 0);
  const backlogNow = charts.backlog[0].values[charts.backlog[0].values.length - 1] ?? 0;
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">Completion by {groupBy}</h2>
      <div className="charts">
        <ChartFigure
          kind="bar"
          title={`On-time rate by ${groupBy}`}
          summary={summaryOf(charts.names, charts.onTime[0].values, '%')}
          labels={charts.names}
          series={charts.onTime}
          unit="%"
          max={100}
          testId="chart-on-time"
        />
        <ChartFigure
          kind="bar"
          title="Time to complete (business hours)"
          summary={summaryOf(charts.names, charts.durations[0].values, 'h', 'median')}
          labels={charts.names}
          series={charts.durations}
          unit="h"
          testId="chart-time"
        />
        <ChartFigure
          kind="line"
          title="Backlog at the end of each period"
          summary={`${totalCompleted} completed in the range; ${backlogNow} open at its end.`}
          labels={charts.periods}
          series={charts.backlog}
          unit=""
          testId="chart-backlog"
        />
        <ChartFigure
          kind="bar"
          title="First-contact resolution, escalation and reopen rates"
          summary={summaryOf(charts.names, charts.rates[0].values, '%', 'first-contact resolution')}
          labels={charts.names}
          series={charts.rates}
          unit="%"
          max={100}
          testId="chart-rates"
        />
      </div>
      <SortableTable
        caption={`Figures over the whole range, by ${groupBy}; times in business hours (select a column heading to sort)`}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.group}
        initialSort={{ key: 'onTime', descending: false }}
        testId="metrics-table"
      />
    </section>
  );
}
