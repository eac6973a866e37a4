import { useEffect, useRef, useState } from 'react';
import { Link } from '../../components/link';
import { ProblemNotice } from '../../components/problem-notice';
import { ApiProblem, newRequestKey } from '../../lib/api-client';
import type { Problem } from '../../lib/api-types';
import { duplicateQuery, residentOf, ticketContactOf, type TicketDraft } from '../../lib/desk-ticket-form';
import { type PossibleDuplicates, TICKET_CHANNEL_OF } from '../../lib/desk-types';
import { statusInWords } from '../../lib/words';
import { useSession } from '../../session';
import type { DeskContact, DeskContactState } from './use-desk-contact';

/** How long the location and resident fields must stay unchanged before duplicates are looked for. */
export const DUPLICATE_DELAY_MS = 400;

/**
 * Before the ticket is sent: open tickets of the same service at the same address or within the
 * service's radius, and — for the roles that may look a resident up — the caller's own open
 * tickets (`GET /tickets/possible-duplicates`, the API's judgement). Each has *Same problem*, which
 * records this report on it (`POST /tickets/:id/reports`: the ticket's history records another
 * report) and links it on the contact (`relation: same_problem`) instead of opening a second one.
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
  const { api, me, serviceName } = useSession();
  const [found, setFound] = useState<{ key: string; answer: PossibleDuplicates }>();
  const [problem, setProblem] = useState<Problem>();
  const [linking, setLinking] = useState(false);
  const inFlight = useRef(false);
  const resident = residentOf(draft);
  const query = duplicateQuery(draft, me.may.residentLookUp);
  const key = query ? JSON.stringify(query) : undefined;

  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.get('/tickets/possible-duplicates', { query: JSON.parse(key) }, controller.signal).then(
        (answer) => {
          setFound({ key, answer });
          setProblem(undefined);
        },
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
  }, [api, key]);

  const sameProblem = async (ticketId: string) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setLinking(true);
    try {
      const note = draft.description.trim();
      const reporter = ticketContactOf(draft);
      const body = {
        channel: TICKET_CHANNEL_OF[contact.channel],
        raisedByContact: contact.id,
        ...(reporter ? { contact: reporter } : {}),
        ...(note ? { note } : {}),
      };
      await api.post('/tickets/{id}/reports', { path: { id: ticketId } }, body, { idempotencyKey: newRequestKey() });
      setProblem(undefined);
      if (resident) desk.noteResident(resident);
      if (await desk.record('ticket', { ticketId, relation: 'same_problem' })) onLinked(ticketId);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error.problem);
    } finally {
      inFlight.current = false;
      setLinking(false);
    }
  };

  const answer = found && found.key === key ? found.answer : undefined;
  const offered = answer ? [...answer.nearby, ...answer.callersOwn.filter((own) => !answer.nearby.some((n) => n.ticketId === own.ticketId))] : [];
  const count = offered.length;
  return (
    <section aria-labelledby="desk-duplicates-heading" className="desk-duplicates" data-testid="duplicates">
      <h3 id="desk-duplicates-heading">Possible duplicates</h3>
      <ProblemNotice problem={problem} action="look for duplicates or record the same problem" />
      <p role="status" className="hint">
        {!key
          ? `Give the address or coordinates${me.may.residentLookUp ? ', or the resident’s phone or e-mail,' : ''} to look for open tickets of the same problem.`
          : answer === undefined
            ? 'Looking for open tickets of the same problem…'
            : count === 0
              ? `No open ticket looks like the same problem (same address, or within ${answer.radiusMeters} m${query?.phone || query?.email ? ', or the resident’s own' : ''}).`
              : `${count} open ${count === 1 ? 'ticket looks' : 'tickets look'} like the same problem.`}
      </p>
      {answer && count > 0 && (
        <ul className="desk-duplicate-list">
          {offered.map((t) => (
            <li key={t.ticketId} data-ticket={t.ticketId}>
              <Link to={`/tickets/${encodeURIComponent(t.ticketId)}`}>{t.ticketId}</Link> {serviceName(t.serviceCode)}, {statusInWords(t.status)}
              {t.address && ` — ${t.address}`}
              {'distanceMeters' in t && t.distanceMeters !== null && ` (${Math.round(t.distanceMeters)} m away)`}
              {'sameAddress' in t && t.sameAddress && ' (same address)'}
              {'matchedBy' in t && ` (the resident’s own, by ${t.matchedBy.map((m) => (m === 'phone' ? 'phone' : 'e-mail')).join(' and ')})`}
              {t.reportCount > 1 && `, ${t.reportCount} reports`}
              {t.description && <span className="hint"> “{t.description}”</span>}{' '}
              <button type="button" onClick={() => void sameProblem(t.ticketId)} disabled={linking || desk.busy}>
                Same problem: link to {t.ticketId}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
