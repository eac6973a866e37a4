import { useEffect, useRef, useState } from 'react';
import { Link } from '../../components/link';
import { ProblemNotice } from '../../components/problem-notice';
import { ApiProblem, newRequestKey } from '../../lib/api-client';
import type { Problem } from '../../lib/api-types';
import { getIfServed, postIfServed } from '../../lib/desk-optional-routes';
import { residentOf, type TicketDraft } from '../../lib/desk-ticket-form';
import type { PossibleDuplicates } from '../../lib/desk-types';
import { statusInWords } from '../../lib/words';
import { useSession } from '../../session';
import type { DeskContact, DeskContactState } from './use-desk-contact';

/** How long the location and resident fields must stay unchanged before duplicates are looked for. */
export const DUPLICATE_DELAY_MS = 400;

type Found = { state: 'none' } | { state: 'not-offered' } | { state: 'found'; key: string; answer: PossibleDuplicates };

/**
 * Before the ticket is sent: open tickets of the same service at the same address or nearby, and
 * the caller's own open tickets (`GET /tickets/possible-duplicates`, the API's judgement), each with
 * *Same problem*, which links this report to it (`POST /tickets/:id/reports`) instead of opening a second.
 */
export function DuplicateList({
  draft,
  contact,
  desk,
  onLinked,
}: {
  draft: TicketDraft;
  contact: DeskContact;
  desk: DeskContactState;
  onLinked: (ticketId: string) => void;
}) {
  const { api, serviceName } = useSession();
  const [found, setFound] = useState<Found>({ state: 'none' });
  const [problem, setProblem] = useState<Problem>();
  const linking = useRef(false);
  const resident = residentOf(draft);
  const query = {
    service: draft.serviceCode,
    lat: draft.latitude.trim() && draft.longitude.trim() ? draft.latitude.trim() : undefined,
    long: draft.latitude.trim() && draft.longitude.trim() ? draft.longitude.trim() : undefined,
    address: draft.address.trim() || undefined,
    phone: resident?.phone,
    email: resident?.email,
  };
  const key = JSON.stringify(query);
  const worthAsking = query.lat !== undefined || query.address !== undefined || query.phone !== undefined || query.email !== undefined;

  useEffect(() => {
    if (!worthAsking) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getIfServed<PossibleDuplicates>(api, '/tickets/possible-duplicates', { query: JSON.parse(key) }, controller.signal).then(
        (answer) => setFound(answer ? { state: 'found', key, answer } : { state: 'not-offered' }),
        (error) => {
          if (controller.signal.aborted) return;
          if (!(error instanceof ApiProblem)) throw error;
          setProblem(error.problem);
        },
      );
    }, DUPLICATE_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, key, worthAsking]);

  const sameProblem = async (ticketId: string) => {
    if (linking.current) return;
    linking.current = true;
    try {
      const body = {
        raisedByContact: contact.id,
        ...(resident ? { contact: resident } : {}),
        ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
      };
      const linked = await postIfServed(api, '/tickets/{id}/reports', { id: ticketId }, body, newRequestKey());
      if (linked === undefined) return setFound({ state: 'not-offered' });
      await desk.record('ticket', { ticketId, relation: 'enquired' });
      onLinked(ticketId);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error.problem);
    } finally {
      linking.current = false;
    }
  };

  const tickets = found.state === 'found' && found.key === key && worthAsking ? found.answer.tickets : undefined;
  return (
    <section aria-labelledby="desk-duplicates-heading" className="desk-duplicates" data-testid="duplicates">
      <h3 id="desk-duplicates-heading">Possible duplicates</h3>
      <ProblemNotice problem={problem} action="look for duplicates" />
      <p role="status" className="hint">
        {!worthAsking
          ? 'Give the address, coordinates or the resident’s phone or e-mail to look for open tickets of the same problem.'
          : found.state === 'not-offered'
            ? 'This Switchboard does not look for duplicates yet: check the open tickets before sending.'
            : tickets === undefined
              ? 'Looking for open tickets of the same problem…'
              : tickets.length === 0
                ? 'No open ticket looks like the same problem.'
                : `${tickets.length} open ${tickets.length === 1 ? 'ticket looks' : 'tickets look'} like the same problem.`}
      </p>
      {tickets && tickets.length > 0 && (
        <ul className="desk-duplicate-list">
          {tickets.map((t) => (
            <li key={t.ticketId} data-ticket={t.ticketId}>
              <Link to={`/tickets/${encodeURIComponent(t.ticketId)}`}>{t.ticketId}</Link> {serviceName(t.serviceCode)}, {statusInWords(t.status)}
              {t.address && ` — ${t.address}`}
              {t.distanceMeters !== undefined && ` (${Math.round(t.distanceMeters)} m away)`}
              {t.description && <span className="hint"> “{t.description}”</span>}{' '}
              <button type="button" onClick={() => void sameProblem(t.ticketId)} disabled={desk.busy}>
                Same problem: link to {t.ticketId}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
