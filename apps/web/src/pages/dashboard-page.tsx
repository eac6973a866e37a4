import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { ChartFigure, type Series } from '../components/chart-figure';
import { Link } from '../components/link';
import { ProblemNotice } from '../components/problem-notice';
import { type Column, SortableTable } from '../components/sortable-table';
import { ApiProblem } from '../lib/api-client';
import type { CompletionFigures, CompletionReport, EscalationsPage, EscalationView, Problem } from '../lib/api-types';
import { addDays, cityDate, formatCityTime, instantOfCityTime } from '../lib/city-time';
import { navigate } from '../lib/router';
import { hours, percent, reasonInWords, statusInWords } from '../lib/words';
import { type Session, useSession } from '../session';

interface Parameters {
  /** Local dates, both inclusive. */
  readonly from: string;
  readonly to: string;
  readonly groupBy: 'department' | 'service' | 'channel';
  readonly period: 'day' | 'week' | 'month';
  /** Local date and time, or '' for now. */
  readonly asOf: string;
}

interface Loaded {
  readonly range: CompletionReport;
  readonly trend: CompletionReport;
  readonly escalations: readonly EscalationView[];
  /** Where the escalations list goes on (null: all are listed). */
  readonly escalationsCursor: string | null;
}

/** The escalations list comes 200 at a time, most urgent first; "Show more" asks for the next ones. */
const ESCALATIONS_PAGE = '200';

const GROUP_WORDS = { department: 'department', service: 'service', channel: 'channel' } as const;

function parametersOf(query: URLSearchParams, session: Session): Parameters {
  const today = cityDate(session.catalog.timeZone, session.now());
  const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);
  const groups = session.me.role === 'director' ? (['department', 'service', 'channel'] as const) : (['department', 'service'] as const);
  return {
    from: query.get('from') ?? addDays(today, -29),
    to: query.get('to') ?? today,
    groupBy: pick(query.get('groupBy'), groups, 'department'),
    period: pick(query.get('period'), ['day', 'week', 'month'] as const, 'week'),
    asOf: query.get('asOf') ?? '',
  };
}

/** Checks the form in the city's terms and answers the API's instants, or a problem naming the field. */
function instantsOf(p: Parameters, session: Session): { from: Date; to: Date; asOf?: Date } | Problem {
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
  return { from, to: end < known ? end : known, asOf };
}

export function DashboardPage({ query }: { query: URLSearchParams }) {
  const session = useSession();
  const { api, me } = session;
  const applied = useMemo(() => parametersOf(query, session), [query, session]);
  const [form, setForm] = useState<Parameters>(applied);
  const [loaded, setLoaded] = useState<Loaded>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  useEffect(() => setForm(applied), [applied]);
  useEffect(() => {
    document.title = 'Dashboard — Switchboard';
    const instants = instantsOf(applied, session);
    if ('error' in instants) {
      setProblem(instants);
      setLoaded(undefined);
      return;
    }
    const controller = new AbortController();
    const base = { from: instants.from.toISOString(), to: instants.to.toISOString(), groupBy: applied.groupBy, asOf: instants.asOf?.toISOString() };
    setBusy(true);
    Promise.all([
      api.get<CompletionReport>('/metrics/completion', { ...base, period: 'range' }, controller.signal),
      api.get<CompletionReport>('/metrics/completion', { ...base, period: applied.period }, controller.signal),
      api.get<EscalationsPage>('/escalations', { asOf: base.asOf, limit: ESCALATIONS_PAGE }, controller.signal),
    ])
      .then(([range, trend, escalations]) => {
        setLoaded({ range, trend, escalations: escalations.tickets, escalationsCursor: escalations.nextCursor });
        setProblem(undefined);
      })
      .catch((error) => {
        if (controller.signal.aborted) return;
        if (!(error instanceof ApiProblem)) throw error;
        setProblem(error.problem);
        setLoaded(undefined);
      })
      .finally(() => {
        if (!controller.signal.aborted) setBusy(false);
      });
    return () => controller.abort();
  }, [api, applied, session]);

  const apply = (next: Parameters) => {
    const params = new URLSearchParams({ from: next.from, to: next.to, groupBy: next.groupBy, period: next.period });
    if (next.asOf) params.set('asOf', next.asOf);
    navigate(`/dashboard?${params}`);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(form);
  };

  const tz = session.catalog.timeZone;
  const label = useCallback(
    (group: string) => (applied.groupBy === 'department' ? session.departmentName(group) : applied.groupBy === 'service' ? session.serviceName(group) : group),
    [applied.groupBy, session],
  );
  return (
    <>
      <h1>Completion dashboard</h1>
      <form className="report-form" onSubmit={submit} aria-describedby="report-scope">
        <p id="report-scope" className="hint">
          {me.role === 'director' ? 'Every department.' : `Your department (${session.departmentName(me.department ?? '')}) only.`} Dates are in the city’s time zone ({tz}).
        </p>
        <div className="field">
          <label htmlFor="from">From</label>
          <input id="from" type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} required />
        </div>
        <div className="field">
          <label htmlFor="to">To (inclusive)</label>
          <input id="to" type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} required />
        </div>
        <div className="field">
          <label htmlFor="groupBy">Group by</label>
          <select id="groupBy" value={form.groupBy} onChange={(e) => setForm({ ...form, groupBy: e.target.value as Parameters['groupBy'] })}>
            <option value="department">Department</option>
            <option value="service">Service</option>
            {me.role === 'director' && <option value="channel">Channel</option>}
          </select>
        </div>
        <div className="field">
          <label htmlFor="period">Trend by</label>
          <select id="period" value={form.period} onChange={(e) => setForm({ ...form, period: e.target.value as Parameters['period'] })}>
            <option value="day">Day</option>
            <option value="week">Week</option>
            <option value="month">Month</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="asOf">As of (blank: now)</label>
          <input id="asOf" type="datetime-local" value={form.asOf} onChange={(e) => setForm({ ...form, asOf: e.target.value })} aria-describedby="asOf-hint" />
          <p className="hint" id="asOf-hint">Reproduces the dashboard as it was known at that moment, replayed from the event log.</p>
        </div>
        <div className="actions">
          <button type="submit" className="primary">Show</button>
          {applied.asOf && (
            <button type="button" onClick={() => apply({ ...form, asOf: '' })}>
              Back to now
            </button>
          )}
        </div>
      </form>
      <p className={`as-of-banner${applied.asOf ? ' past' : ''}`} role="status" data-testid="as-of" aria-busy={busy}>
        {busy
          ? 'Loading…'
          : loaded
            ? applied.asOf
              ? `As known at ${formatCityTime(tz, loaded.range.asOf ?? '')}: replayed from the event log, later events left out.`
              : `Live figures as of ${formatCityTime(tz, loaded.range.asOf ?? session.now())}.`
            : ''}
      </p>
      <ProblemNotice problem={problem} action="see these completion metrics" />
      {loaded && <Figures loaded={loaded} groupBy={applied.groupBy} label={label} />}
      {loaded && (
        <Escalations
          tickets={loaded.escalations}
          more={loaded.escalationsCursor !== null}
          onMore={async () => {
            try {
              const next = await api.get<EscalationsPage>('/escalations', { limit: ESCALATIONS_PAGE, cursor: loaded.escalationsCursor ?? undefined });
              setLoaded({ ...loaded, escalations: [...loaded.escalations, ...next.tickets], escalationsCursor: next.nextCursor });
            } catch (error) {
              if (!(error instanceof ApiProblem)) throw error;
              setProblem(error.problem);
            }
          }}
        />
      )}
    </>
  );
}

function Figures({ loaded, groupBy, label }: { loaded: Loaded; groupBy: Parameters['groupBy']; label: (group: string) => string }) {
  const rows = loaded.range.figures;
  const charts = useMemo(() => {
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
    const periods = [...new Set(loaded.trend.figures.map((f) => f.period))].sort();
    const byGroup = new Map<string, Map<string, number>>();
    for (const f of loaded.trend.figures) {
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
  }, [rows, loaded.trend, label]);

  const columns: Column<CompletionFigures>[] = [
    { key: 'group', label: GROUP_WORDS[groupBy][0].toUpperCase() + GROUP_WORDS[groupBy].slice(1), value: (r) => label(r.group) },
    { key: 'opened', label: 'Opened', value: (r) => r.opened, numeric: true },
    { key: 'completed', label: 'Completed', value: (r) => r.completed, numeric: true },
    { key: 'onTime', label: 'On time', value: (r) => r.onTimeRate, render: (r) => percent(r.onTimeRate), numeric: true },
    { key: 'median', label: 'Median to complete', value: (r) => r.timeToComplete.medianBusinessHours, render: (r) => hours(r.timeToComplete.medianBusinessHours), numeric: true },
    { key: 'p90', label: '90th pct to complete', value: (r) => r.timeToComplete.p90BusinessHours, render: (r) => hours(r.timeToComplete.p90BusinessHours), numeric: true },
    { key: 'backlog', label: 'Backlog at end', value: (r) => r.backlogAtPeriodEnd, numeric: true },
    { key: 'fcr', label: 'First-contact resolution', value: (r) => r.firstContactResolutionRate, render: (r) => percent(r.firstContactResolutionRate), numeric: true },
    { key: 'escalation', label: 'Escalated', value: (r) => r.escalationRate, render: (r) => percent(r.escalationRate), numeric: true },
    { key: 'reopen', label: 'Reopened', value: (r) => r.reopenRate, render: (r) => percent(r.reopenRate), numeric: true },
  ];
  const totalCompleted = rows.reduce((sum, r) => sum + r.completed, 0);
  const backlogNow = charts.backlog[0].values[charts.backlog[0].values.length - 1] ?? 0;
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">Completion by {groupBy}</h2>
      <div className="charts">
        <ChartFigure kind="bar" title={`On-time rate by ${groupBy}`} summary={summaryOf(charts.names, charts.onTime[0].values, '%')} labels={charts.names} series={charts.onTime} unit="%" max={100} testId="chart-on-time" />
        <ChartFigure kind="bar" title="Time to complete (business hours)" summary={summaryOf(charts.names, charts.durations[0].values, 'h', 'median')} labels={charts.names} series={charts.durations} unit="h" testId="chart-time" />
        <ChartFigure kind="line" title="Backlog at the end of each period" summary={`${totalCompleted} completed in the range; ${backlogNow} open at its end.`} labels={charts.periods} series={charts.backlog} unit="" testId="chart-backlog" />
        <ChartFigure kind="bar" title="First-contact resolution, escalation and reopen rates" summary={summaryOf(charts.names, charts.rates[0].values, '%', 'first-contact resolution')} labels={charts.names} series={charts.rates} unit="%" max={100} testId="chart-rates" />
      </div>
      <SortableTable caption={`Figures over the whole range, by ${groupBy}; times in business hours (select a column heading to sort)`} columns={columns} rows={rows} rowKey={(r) => r.group} initialSort={{ key: 'onTime', descending: false }} testId="metrics-table" />
    </section>
  );
}

function summaryOf(names: readonly string[], values: readonly (number | null)[], unit: string, what = ''): string {
  const parts = names.map((name, i) => `${name} ${values[i] === null ? 'no data' : `${Math.round((values[i] as number) * 10) / 10}${unit === '%' ? ' %' : ` ${unit}`}`}`);
  return `${what ? `${what}: ` : ''}${parts.join('; ') || 'no data'}.`;
}

function Escalations({ tickets, more, onMore }: { tickets: readonly EscalationView[]; more: boolean; onMore: () => Promise<void> }) {
  const session = useSession();
  const tz = session.catalog.timeZone;
  const columns: Column<EscalationView>[] = [
    { key: 'ticket', label: 'Ticket', value: (t) => t.ticketId, render: (t) => <Link to={`/tickets/${encodeURIComponent(t.ticketId)}`}>{t.ticketId}</Link> },
    { key: 'department', label: 'Department', value: (t) => session.departmentName(t.department) },
    { key: 'service', label: 'Service', value: (t) => session.serviceName(t.serviceCode) },
    { key: 'status', label: 'Status', value: (t) => statusInWords(t.status) },
    { key: 'tier', label: 'Tier', value: (t) => t.tier, render: (t) => (t.tier > 0 ? String(t.tier) : '—'), numeric: true },
    { key: 'reason', label: 'Escalated because', value: (t) => (t.reason ? reasonInWords(t.reason) : null) },
    { key: 'due', label: 'Due', value: (t) => t.overdueSince ?? t.dueAt, render: (t) => formatCityTime(tz, t.overdueSince ?? t.dueAt) },
    {
      key: 'standing', label: 'Standing', value: (t) => (t.overdue ? 2 : t.atRisk ? 1 : 0),
      render: (t) => (t.overdue ? <span className="badge badge-overdue">Overdue</span> : t.atRisk ? <span className="badge badge-risk">At risk</span> : 'on time'),
    },
  ];
  return (
    <section aria-labelledby="escalations-heading">
      <h2 id="escalations-heading">Open escalations, late and at-risk tickets</h2>
      <SortableTable caption={more ? `The ${tickets.length} most urgent of the open tickets needing attention (more below)` : `${tickets.length} open ticket${tickets.length === 1 ? '' : 's'} needing attention`} columns={columns} rows={tickets} rowKey={(t) => t.ticketId} initialSort={{ key: 'standing', descending: true }} testId="escalations-table" />
      {more && (
        <button type="button" onClick={() => void onMore()}>
          Show more
        </button>
      )}
    </section>
  );
}
