import { DepartmentSelect } from '../components/department-select';
import { type FormEvent, useEffect, useState } from 'react';
import { TableRegion } from '../components/table-region';
import { Link } from '../components/link';
import { ProblemNotice } from '../components/problem-notice';
import { ApiProblem } from '../lib/api-client';
import type { Problem, TicketListQuery, TicketSummary } from '../lib/api-types';
import { formatCityTime } from '../lib/city-time';
import { navigate } from '../lib/router';
import { statusInWords } from '../lib/words';
import { useSession } from '../session';

const STATES = ['intake', 'assigned', 'in_progress', 'on_hold', 'escalated', 'completed', 'closed'];
const FILTERS = ['text', 'state', 'department', 'overdue'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** Finding tickets without knowing their number: text, state, department, late (GET /tickets), newest first. */
export function FindPage({ query }: { query: URLSearchParams }) {
  const session = useSession();
  const { api, catalog } = session;
  const applied: Filters = {
    text: query.get('text') ?? '',
    state: query.get('state') ?? '',
    department: query.get('department') ?? '',
    overdue: query.get('overdue') ?? '',
  };
  const key = FILTERS.map((name) => applied[name]).join('\u0000');
  const [form, setForm] = useState<Filters>(applied);
  const [tickets, setTickets] = useState<readonly TicketSummary[]>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem>();

  // The address may hold any value: the API judges it (and names a bad one).
  const filters = (f: Filters): TicketListQuery => ({
    text: f.text || undefined,
    state: f.state || undefined,
    department: f.department || undefined,
    overdue: (f.overdue || undefined) as TicketListQuery['overdue'],
  });

  // New filters in the address reset the form and drop the old list (adjusted while rendering, not in an effect).
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    setForm(applied);
    setTickets(undefined);
  }

  useEffect(() => {
    document.title = 'Find tickets — Switchboard';
    const controller = new AbortController();
    api
      .get('/tickets', { query: { ...filters(applied), limit: '50' } }, controller.signal)
      .then((page) => {
        setTickets(page.tickets);
        setCursor(page.nextCursor);
        setProblem(undefined);
      })
      .catch((error) => {
        if (controller.signal.aborted) return;
        if (!(error instanceof ApiProblem)) throw error;
        setProblem(error.problem);
      });
    return () => controller.abort();
    // The filters in the address (`key`, applied's content) are the whole input: reload when they change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);

  const more = async () => {
    try {
      const page = await api.get('/tickets', { query: { ...filters(applied), limit: '50', cursor: cursor ?? undefined } });
      setTickets((current) => [...(current ?? []), ...page.tickets]);
      setCursor(page.nextCursor);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error.problem);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams(Object.entries(form).filter(([, value]) => value !== ''));
    navigate(`/tickets${params.size > 0 ? `?${params}` : ''}`);
  };

  const tz = catalog.timeZone;
  return (
    <>
      <h1>Find tickets</h1>
      <form className="report-form" onSubmit={submit} role="search" aria-label="Find tickets">
        <div className="field">
          <label htmlFor="find-text">Words in the description or address</label>
          <input id="find-text" type="search" value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="find-state">State</label>
          <select id="find-state" value={form.state} onChange={(e) => setForm({ ...form, state: e.target.value })}>
            <option value="">Any</option>
            {STATES.map((state) => (
              <option key={state} value={state}>
                {statusInWords(state)}
              </option>
            ))}
          </select>
        </div>
        <DepartmentSelect id="find-department" value={form.department} onChange={(department) => setForm({ ...form, department })} />
        <div className="field">
          <label htmlFor="find-overdue">Due time</label>
          <select id="find-overdue" value={form.overdue} onChange={(e) => setForm({ ...form, overdue: e.target.value })}>
            <option value="">Any</option>
            <option value="true">Overdue now</option>
            <option value="false">Not overdue</option>
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            Find
          </button>
        </div>
      </form>
      <ProblemNotice problem={problem} action="search the tickets" />
      {tickets && (
        <TableRegion label="Tickets found">
          <table data-testid="found">
            <caption>
              {tickets.length === 0
                ? 'No ticket matches.'
                : `${tickets.length}${cursor ? '+' : ''} ticket${tickets.length === 1 ? '' : 's'}, most recently opened first.`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Ticket</th>
                <th scope="col">Request</th>
                <th scope="col">Department</th>
                <th scope="col">Status</th>
                <th scope="col">Opened</th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody>
              {tickets.map((t) => (
                <tr key={t.ticketId} data-ticket={t.ticketId}>
                  <th scope="row">
                    <Link to={`/tickets/${encodeURIComponent(t.ticketId)}`}>{t.ticketId}</Link>
                    {t.overdue && <span className="badge badge-overdue">Overdue</span>}
                  </th>
                  <td>
                    <span className="service">{session.serviceName(t.serviceCode)}</span> {t.description}
                  </td>
                  <td>{t.department ? session.departmentName(t.department) : '—'}</td>
                  <td>{statusInWords(t.status)}</td>
                  <td>{formatCityTime(tz, t.openedAt)}</td>
                  <td>{t.dueAt ? formatCityTime(tz, t.dueAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {cursor && (
        <button type="button" onClick={() => void more()}>
          Show more
        </button>
      )}
    </>
  );
}
