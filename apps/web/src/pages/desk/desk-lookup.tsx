import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from '../../components/link';
import { ProblemNotice } from '../../components/problem-notice';
import { ApiProblem } from '../../lib/api-client';
import type { Problem } from '../../lib/api-types';
import { formatCityTime } from '../../lib/city-time';
import { DESK_CHANNELS, type ResidentDetails, type ResidentHistory } from '../../lib/desk-types';
import { statusInWords } from '../../lib/words';
import { useSession } from '../../session';

/**
 * The resident's previous contacts and tickets, by phone or e-mail (`POST /residents/lookups`, for
 * the roles `/me` says may: every look-up is recorded — who, whom, when, at which contact — before
 * the API answers, which the panel says). What was looked up is kept on the contact, so a ticket
 * opened next starts with it.
 */
export function DeskLookup({ contactId, onFound }: { contactId: string; onFound: (resident: ResidentDetails) => void }) {
  const { api, catalog, departmentName, serviceName } = useSession();
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [answer, setAnswer] = useState<ResidentHistory>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLHeadingElement>(null);

  useEffect(() => first.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const given = { ...(phone.trim() ? { phone: phone.trim() } : {}), ...(email.trim() ? { email: email.trim() } : {}) };
    setBusy(true);
    try {
      // No Idempotency-Key: each look-up is a look-up of its own, and is recorded as one.
      const found = await api.post('/residents/lookups', {}, { ...given, contactId });
      setAnswer(found);
      setProblem(undefined);
      onFound(given);
      requestAnimationFrame(() => results.current?.focus());
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error.problem);
      setAnswer(undefined);
    } finally {
      setBusy(false);
    }
  };

  const when = (instant: string | null) => (instant ? formatCityTime(catalog.timeZone, instant) : '—');
  return (
    <section aria-labelledby="desk-lookup-heading" className="desk-panel" data-testid="desk-lookup">
      <h2 id="desk-lookup-heading">Look up the resident</h2>
      <p className="hint">Their previous contacts and tickets. Every look-up is recorded (who looked up whom, when).</p>
      <form className="inline" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="desk-lookup-phone">Phone</label>
          <input id="desk-lookup-phone" ref={first} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="desk-lookup-email">E-mail</label>
          <input id="desk-lookup-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
        </div>
        <button type="submit" disabled={busy}>
          Look up
        </button>
      </form>
      <ProblemNotice problem={problem} action="look the resident up" />
      {answer && (
        <div data-testid="lookup-found">
          <h3 id="desk-lookup-found" ref={results} tabIndex={-1}>
            {answer.contacts.length} previous {answer.contacts.length === 1 ? 'contact' : 'contacts'}, {answer.tickets.length}{' '}
            {answer.tickets.length === 1 ? 'ticket' : 'tickets'}
          </h3>
          {answer.tickets.length > 0 && (
            <ul aria-label="The resident’s tickets">
              {answer.tickets.map((t) => (
                <li key={t.ticketId} data-ticket={t.ticketId}>
                  <Link to={`/tickets/${encodeURIComponent(t.ticketId)}`}>{t.ticketId}</Link> {serviceName(t.serviceCode)}, {statusInWords(t.status)} (
                  {departmentName(t.department)}), opened {when(t.openedAt)}
                  {t.address && ` — ${t.address}`}
                </li>
              ))}
            </ul>
          )}
          {answer.contacts.length > 0 && (
            <ul aria-label="The resident’s previous contacts">
              {answer.contacts.map((c) => (
                <li key={c.contactId} data-contact={c.contactId}>
                  {when(c.startedAt)}: {DESK_CHANNELS.find((d) => d.value === c.channel)?.label ?? c.channel ?? 'contact'}
                  {c.line && `, ${c.line === '311' ? '311' : `${departmentName(c.line)} line`}`}
                  {c.tickets.length > 0 && ` — tickets ${c.tickets.map((t) => t.ticketId).join(', ')}`}
                  {c.articlesUsed > 0 && ` — answered from ${c.articlesUsed} ${c.articlesUsed === 1 ? 'article' : 'articles'}`}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
