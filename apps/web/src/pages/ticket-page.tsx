import { useCallback, useEffect, useRef, useState } from 'react';
import { CommandDialog } from '../components/command-dialog';
import { Link } from '../components/link';
import { ProblemNotice } from '../components/problem-notice';
import { ApiProblem } from '../lib/api-client';
import type { HistoryEntry, Problem, TicketHistory, TicketView } from '../lib/api-types';
import { formatCityTime } from '../lib/city-time';
import { type CommandSpec, COMMANDS } from '../lib/commands';
import { eventInWords, reasonInWords, roleInWords, statusInWords } from '../lib/words';
import { useSession } from '../session';

/** A ticket: what it is now, the commands the signed-in person may give, and its whole audit timeline. */
export function TicketPage({ ticketId }: { ticketId: string }) {
  const session = useSession();
  const { api } = session;
  const [ticket, setTicket] = useState<TicketView>();
  const [history, setHistory] = useState<TicketHistory>();
  const [problem, setProblem] = useState<Problem>();
  const [actionProblem, setActionProblem] = useState<{ problem: Problem; action: string }>();
  const [dialog, setDialog] = useState<CommandSpec>();
  const [message, setMessage] = useState('');

  // Loads answer in the order they were asked: a slower, older answer never replaces a newer one.
  const latest = useRef(0);
  const load = useCallback(async () => {
    const asked = ++latest.current;
    try {
      const [view, trail] = await Promise.all([
        api.get<TicketView>(`/tickets/${encodeURIComponent(ticketId)}`),
        api.get<TicketHistory>(`/tickets/${encodeURIComponent(ticketId)}/history`),
      ]);
      if (asked !== latest.current) return;
      setTicket(view);
      setHistory(trail);
      setProblem(undefined);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      if (asked === latest.current) setProblem(error.problem);
    }
  }, [api, ticketId]);

  useEffect(() => {
    document.title = `Ticket ${ticketId} — Switchboard`;
    setTicket(undefined);
    setHistory(undefined);
    void load();
  }, [load, ticketId]);

  // One command at a time: a double click sends once (aria-disabled keeps the focus where it is).
  const [sending, setSending] = useState(false);
  const inFlight = useRef(false);
  const act = async (spec: CommandSpec) => {
    setActionProblem(undefined);
    setMessage('');
    if (spec.fields.length > 0) {
      setDialog(spec);
      return;
    }
    if (inFlight.current) return;
    inFlight.current = true;
    setSending(true);
    try {
      await api.post(`/tickets/${encodeURIComponent(ticketId)}/${spec.route}`, {}, { revision: ticket!.revision });
      setMessage(`${spec.label}: done.`);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setActionProblem({ problem: error.problem, action: `${spec.label.toLowerCase()} ${ticketId}` });
    } finally {
      inFlight.current = false;
      setSending(false);
    }
    await load();
  };

  if (problem) {
    return (
      <>
        <h1>Ticket {ticketId}</h1>
        <ProblemNotice problem={problem} action={`see ticket ${ticketId}`} />
      </>
    );
  }
  if (!ticket || !history) return <p aria-busy="true">Loading ticket {ticketId}…</p>;

  const timeZone = session.catalog.timeZone;
  const allowed = COMMANDS.filter((spec) => ticket.allowedCommands.includes(spec.type));
  const overdue = ticket.overdueSince !== undefined || (ticket.dueAt !== undefined && Date.parse(ticket.dueAt) < session.now().getTime());
  const department = ticket.department ?? ticket.owningDepartment;
  return (
    <>
      <div className="page-head">
        <h1>
          Ticket {ticket.ticketId ?? ticketId} <span className={`status status-${ticket.status}`}>{statusInWords(ticket.status)}</span>
          {overdue && <span className="badge badge-overdue">Overdue</span>}
        </h1>
        {department && <Link to={`/departments/${encodeURIComponent(department)}/queue`}>{session.departmentName(department)} queue</Link>}
      </div>
      <section aria-labelledby="details-heading" className="ticket-details">
        <h2 id="details-heading">Details</h2>
        <dl>
          <dt>Service</dt>
          <dd>{ticket.serviceCode ? session.serviceName(ticket.serviceCode) : '—'}</dd>
          <dt>Description</dt>
          <dd>{ticket.description ?? '—'}</dd>
          <dt>Address</dt>
          <dd>{ticket.location?.address ?? '—'}</dd>
          <dt>Department</dt>
          <dd>{department ? session.departmentName(department) : '—'}</dd>
          <dt>Assignee</dt>
          <dd>{ticket.assignee ?? 'nobody yet'}</dd>
          <dt>Priority</dt>
          <dd>{ticket.priority ?? '—'}</dd>
          <dt>Escalation</dt>
          <dd>{ticket.escalationTier > 0 ? `tier ${ticket.escalationTier}` : 'not escalated'}</dd>
          <dt>Opened</dt>
          <dd>
            {formatCityTime(timeZone, ticket.openedAt)} by {ticket.channel ?? '—'}
          </dd>
          <dt>Due</dt>
          <dd>{ticket.overdueSince ? `late since ${formatCityTime(timeZone, ticket.overdueSince)}` : formatCityTime(timeZone, ticket.dueAt)}</dd>
          {ticket.completedAt && (
            <>
              <dt>Completed</dt>
              <dd>{formatCityTime(timeZone, ticket.completedAt)}</dd>
            </>
          )}
          {ticket.contact && (
            <>
              <dt>Resident</dt>
              <dd>{[ticket.contact.name, ticket.contact.phone, ticket.contact.email].filter(Boolean).join(' · ') || '—'}</dd>
            </>
          )}
        </dl>
      </section>
      <section aria-labelledby="actions-heading" className="ticket-actions">
        <h2 id="actions-heading">What you can do now</h2>
        {allowed.length === 0 ? (
          <p>Nothing: in this state, nobody in your role can change this ticket.</p>
        ) : (
          <div className="actions">
            {allowed.map((spec) => (
              <button type="button" key={spec.type} onClick={() => void act(spec)} aria-disabled={sending}>
                {spec.label}
              </button>
            ))}
          </div>
        )}
        {actionProblem && <ProblemNotice problem={actionProblem.problem} action={actionProblem.action} onDismiss={() => setActionProblem(undefined)} />}
        <p role="status" className="message">
          {message}
        </p>
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">History</h2>
        <ol className="timeline" data-testid="timeline">
          {history.events.map((entry) => (
            <TimelineItem key={entry.revision} entry={entry} />
          ))}
        </ol>
      </section>
      {dialog && (
        <CommandDialog
          spec={dialog}
          ticketId={ticketId}
          revision={ticket.revision}
          onDone={() => {
            setMessage(`${dialog.label}: done.`);
            setDialog(undefined);
            void load();
          }}
          onStale={() => void load()}
          onClose={() => setDialog(undefined)}
        />
      )}
    </>
  );
}

function actorInWords(actor: unknown): string {
  if (typeof actor === 'string') return actor;
  if (actor && typeof actor === 'object') {
    const { id, role, department } = actor as { id?: string; role?: string; department?: string };
    const what = role ? `${roleInWords(role)}${department ? `, ${department}` : ''}` : '';
    return `${id ?? 'unknown'}${what ? ` (${what})` : ''}`;
  }
  return 'unknown';
}

/** The facts an event carries that a reader of the audit needs, in words. */
function detailsOf(entry: HistoryEntry, session: ReturnType<typeof useSession>): string[] {
  const d = entry.data;
  const text = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : undefined);
  const lines: string[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value) lines.push(`${label}: ${value}`);
  };
  const tz = session.catalog.timeZone;
  switch (entry.type) {
    case 'TicketOpened':
      add('Service', text('serviceCode') && session.serviceName(text('serviceCode')!));
      add('Channel', text('channel'));
      add('Description', text('description'));
      break;
    case 'TicketAssigned':
      add('To', text('department') && session.departmentName(text('department')!));
      add('From', text('previousDepartment') && session.departmentName(text('previousDepartment')!));
      add('Assignee', text('assignee'));
      add('Due', text('dueAt') && formatCityTime(tz, text('dueAt')));
      break;
    case 'WorkStarted':
      add('By', text('assignee'));
      break;
    case 'TicketEscalated':
      add('Tier', d.tier !== undefined ? String(d.tier) : undefined);
      add('Reason', text('reason') && reasonInWords(text('reason')!));
      add('Department', text('department') && session.departmentName(text('department')!));
      break;
    case 'TicketPutOnHold':
      add('Reason', text('reason'));
      break;
    case 'TicketResumed':
      add('Due', text('dueAt') && formatCityTime(tz, text('dueAt')));
      break;
    case 'PriorityChanged':
      add('Priority', `${text('from')} → ${text('to')}`);
      add('Reason', text('reason'));
      break;
    case 'TicketCommented':
      add(text('visibility') === 'public' ? 'Comment (public)' : 'Comment (internal)', text('body'));
      break;
    case 'SlaBreached':
      add('Was due', text('dueAt') && formatCityTime(tz, text('dueAt')));
      break;
    case 'TicketCompleted':
      add('Resolution', text('resolutionCode'));
      if (d.firstContactResolution === true) lines.push('Resolved at first contact');
      break;
    case 'TicketReopened':
      add('Reason', text('reason'));
      break;
    case 'TicketClosed':
      add('Reason', text('reason') && reasonInWords(text('reason')!));
      add('Duplicate of', text('parentTicketId'));
      break;
  }
  if (entry.type !== 'TicketOpened' && entry.type !== 'TicketPutOnHold' && entry.type !== 'TicketReopened') add('Note', text('note'));
  return lines;
}

function TimelineItem({ entry }: { entry: HistoryEntry }) {
  const session = useSession();
  return (
    <li data-type={entry.type}>
      <div className="when">
        <time dateTime={entry.occurredAt}>{formatCityTime(session.catalog.timeZone, entry.occurredAt)}</time>
      </div>
      <div className="what">
        <strong>{eventInWords(entry.type)}</strong> by {actorInWords(entry.actor)}
        <span className="transition">
          {entry.stateBefore === entry.stateAfter ? `stays ${statusInWords(entry.stateAfter)}` : `${statusInWords(entry.stateBefore)} → ${statusInWords(entry.stateAfter)}`}
        </span>
        <ul className="facts">
          {detailsOf(entry, session).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
    </li>
  );
}

