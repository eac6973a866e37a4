import type { FormEvent } from 'react';
import { useSession } from '../../session';
import type { Parameters } from './dashboard-parameters';

/** The range, grouping, trend period and past moment (as of, or as known at); "Show" puts them in the address. */
export function ReportForm({
  form,
  onChange,
  onShow,
  onBackToNow,
}: {
  form: Parameters;
  onChange: (form: Parameters) => void;
  onShow: () => void;
  /** Offered while a past moment is shown. */
  onBackToNow: (() => void) | undefined;
}) {
  const session = useSession();
  const { me } = session;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onShow();
  };
  return (
    <form className="report-form" onSubmit={submit} aria-describedby="report-scope">
      <p id="report-scope" className="hint">
        {me.role === 'director' ? 'Every department.' : `Your department (${session.departmentName(me.department ?? '')}) only.`} Dates are in the city’s time
        zone ({session.catalog.timeZone}).
      </p>
      <div className="field">
        <label htmlFor="from">From</label>
        <input id="from" type="date" value={form.from} onChange={(e) => onChange({ ...form, from: e.target.value })} required />
      </div>
      <div className="field">
        <label htmlFor="to">To (inclusive)</label>
        <input id="to" type="date" value={form.to} onChange={(e) => onChange({ ...form, to: e.target.value })} required />
      </div>
      <div className="field">
        <label htmlFor="groupBy">Group by</label>
        <select id="groupBy" value={form.groupBy} onChange={(e) => onChange({ ...form, groupBy: e.target.value as Parameters['groupBy'] })}>
          <option value="department">Department</option>
          <option value="service">Service</option>
          {me.may.completionMetricsBy.includes('channel') && <option value="channel">Channel</option>}
        </select>
      </div>
      <div className="field">
        <label htmlFor="period">Trend by</label>
        <select id="period" value={form.period} onChange={(e) => onChange({ ...form, period: e.target.value as Parameters['period'] })}>
          <option value="day">Day</option>
          <option value="week">Week</option>
          <option value="month">Month</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="moment">Moment</label>
        <select
          id="moment"
          value={form.moment ?? 'asOf'}
          onChange={(e) => onChange({ ...form, moment: e.target.value as 'asOf' | 'knownAt' })}
          aria-describedby="moment-hint"
        >
          <option value="asOf">As of (what had happened)</option>
          <option value="knownAt">As known at (what the dashboard showed)</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="asOf">At (blank: now)</label>
        <input id="asOf" type="datetime-local" value={form.asOf} onChange={(e) => onChange({ ...form, asOf: e.target.value })} aria-describedby="moment-hint" />
        <p className="hint" id="moment-hint">
          As of: everything that had happened by then, history imported later included. As known at: only what the system had recorded by then, as the dashboard
          showed it that day.
        </p>
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          Show
        </button>
        {onBackToNow && (
          <button type="button" onClick={onBackToNow}>
            Back to now
          </button>
        )}
      </div>
    </form>
  );
}
