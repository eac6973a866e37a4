import { useMemo } from 'react';
import { ChartFigure, type Series } from '../../components/chart-figure';
import { type Column, SortableTable } from '../../components/sortable-table';
import type { ContactMetricsReport } from '../../lib/api-types';
import { percent } from '../../lib/words';
import { useSession } from '../../session';
import { summaryOf } from '../dashboard/completion-charts';
import { groupName, minutes } from './contact-words';
import type { ContactParameters } from './contacts-parameters';

/** One group's figures over the whole range: its rows of contactCounts, firstContactAnswers and handleTimes together. */
export interface GroupRow {
  readonly group: string;
  readonly name: string;
  readonly contacts: number;
  readonly handled: number;
  readonly abandoned: number;
  readonly open: number;
  readonly answered: number;
  readonly answeredShare: number | null;
  readonly medianMinutes: number | null;
  readonly p90Minutes: number | null;
}

/** The report's rows joined by group (the report is over `period=range`, so one row per group). */
export function groupRows(report: ContactMetricsReport, name: (group: string) => string): GroupRow[] {
  return report.contacts.map((c) => {
    const first = report.firstContact.find((f) => f.group === c.group);
    const handle = report.handleTimes.find((h) => h.group === c.group);
    return {
      group: c.group,
      name: name(c.group),
      contacts: c.contacts,
      handled: c.handled,
      abandoned: c.abandoned,
      open: c.open,
      answered: first?.answeredAtFirstContact ?? 0,
      answeredShare: first?.rate ?? null,
      medianMinutes: handle?.medianMinutes ?? null,
      p90Minutes: handle?.p90Minutes ?? null,
    };
  });
}

const GROUP_HEADING = { line: 'Line', channel: 'Channel', all: 'Contacts' } as const;

/** Contacts, first-contact answers and handle time by group over the range (a chart and a sortable table), and the trend of all contacts by period. */
export function ContactFiguresSection({
  range,
  trend,
  groupBy,
}: {
  range: ContactMetricsReport;
  trend: ContactMetricsReport;
  groupBy: ContactParameters['groupBy'];
}) {
  const session = useSession();
  const rows = useMemo(() => groupRows(range, (group) => groupName(session, groupBy, group)), [range, session, groupBy]);
  const ordered = useMemo(() => [...rows].sort((a, b) => a.name.localeCompare(b.name)), [rows]);
  const names = useMemo(() => ordered.map((r) => r.name), [ordered]);
  const shares: Series[] = useMemo(
    () => [{ label: 'Answered at first contact', values: ordered.map((r) => (r.answeredShare === null ? null : Math.round(r.answeredShare * 1000) / 10)) }],
    [ordered],
  );
  const periods = useMemo(() => trend.contacts.map((c) => c.period), [trend]);
  const trendSeries: Series[] = useMemo(
    () => [
      { label: 'Contacts', values: trend.contacts.map((c) => c.contacts) },
      {
        label: 'Answered at first contact',
        values: trend.contacts.map((c) => trend.firstContact.find((f) => f.period === c.period)?.answeredAtFirstContact ?? 0),
      },
    ],
    [trend],
  );
  const total = rows.reduce((sum, r) => sum + r.contacts, 0);
  const answered = rows.reduce((sum, r) => sum + r.answered, 0);

  const columns: Column<GroupRow>[] = [
    { key: 'group', label: GROUP_HEADING[groupBy], value: (r) => r.name },
    { key: 'contacts', label: 'Contacts', value: (r) => r.contacts, numeric: true },
    { key: 'handled', label: 'Handled', value: (r) => r.handled, numeric: true },
    { key: 'abandoned', label: 'Abandoned', value: (r) => r.abandoned, numeric: true },
    { key: 'open', label: 'Still open', value: (r) => r.open, numeric: true },
    { key: 'answered', label: 'Answered at first contact', value: (r) => r.answered, numeric: true },
    { key: 'share', label: 'Share answered', value: (r) => r.answeredShare, render: (r) => percent(r.answeredShare), numeric: true },
    { key: 'median', label: 'Median handle time', value: (r) => r.medianMinutes, render: (r) => minutes(r.medianMinutes), numeric: true },
    { key: 'p90', label: '90th pct handle time', value: (r) => r.p90Minutes, render: (r) => minutes(r.p90Minutes), numeric: true },
  ];
  return (
    <section aria-labelledby="contact-figures-heading">
      <h2 id="contact-figures-heading">Contacts and first-contact answers</h2>
      <p data-testid="contact-totals">
        {total} contact{total === 1 ? '' : 's'} in the range; {answered} answered at first contact.
      </p>
      <div className="charts">
        <ChartFigure
          kind="bar"
          title={groupBy === 'all' ? 'Share answered at first contact' : `Share answered at first contact by ${groupBy}`}
          summary={summaryOf(names, shares[0].values, '%')}
          labels={names}
          series={shares}
          unit="%"
          max={100}
          testId="chart-first-contact"
        />
        <ChartFigure
          kind="line"
          title="Trend: contacts and first-contact answers by period"
          summary={`${total} contacts and ${answered} answered at first contact over ${periods.length} period${periods.length === 1 ? '' : 's'}.`}
          labels={periods}
          series={trendSeries}
          unit=""
          testId="chart-trend"
        />
      </div>
      <SortableTable
        caption={`Contacts over the whole range, by ${groupBy === 'all' ? 'nothing (all together)' : groupBy}; handle time of handled contacts (select a column heading to sort)`}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.group}
        initialSort={{ key: 'contacts', descending: true }}
        testId="contacts-table"
      />
    </section>
  );
}
