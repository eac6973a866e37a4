import type { FormEvent } from 'react';
import { useSession } from '../../session';
import type { ContactParameters } from './contacts-parameters';

/** The range, grouping and trend period; "Show" puts them in the address. */
export function ContactsForm({ form, onChange, onShow }: { form: ContactParameters; onChange: (form: ContactParameters) => void; onShow: () => void }) {
  const session = useSession();
  const { me } = session;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onShow();
  };
  const set = <K extends keyof ContactParameters>(key: K, value: ContactParameters[K]) => onChange({ ...form, [key]: value });
  return (
    <form className="report-form" onSubmit={submit} aria-describedby="contacts-scope">
      <p id="contacts-scope" className="hint">
        {me.role === 'director'
          ? 'Every line and department.'
          : `Your department’s line (${session.departmentName(me.department ?? '')}) and the transfers and callbacks to it.`}{' '}
        Contacts started in the range; dates and hours are in the city’s time zone ({session.catalog.timeZone}).
      </p>
      <div className="field">
        <label htmlFor="contacts-from">From</label>
        <input id="contacts-from" type="date" value={form.from} onChange={(e) => set('from', e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor="contacts-to">To (inclusive)</label>
        <input id="contacts-to" type="date" value={form.to} onChange={(e) => set('to', e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor="contacts-group">Group by</label>
        <select id="contacts-group" value={form.groupBy} onChange={(e) => set('groupBy', e.target.value as ContactParameters['groupBy'])}>
          <option value="line">Line called</option>
          <option value="channel">Channel</option>
          <option value="all">All together</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="contacts-period">Trend by</label>
        <select id="contacts-period" value={form.period} onChange={(e) => set('period', e.target.value as ContactParameters['period'])}>
          <option value="day">Day</option>
          <option value="week">Week</option>
          <option value="month">Month</option>
        </select>
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          Show
        </button>
      </div>
    </form>
  );
}
