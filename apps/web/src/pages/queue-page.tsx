import { useCallback, useEffect, useRef, useState } from 'react';
import { CommandDialog } from '../components/command-dialog';
import { Link } from '../components/link';
import { ProblemNotice } from '../components/problem-notice';
import { TableRegion } from '../components/table-region';
import { ApiProblem, newRequestKey } from '../lib/api-client';
import type { CommandAnswer, Problem, Queue, QueueEntry } from '../lib/api-types';
import { formatCityTime, formatDuration } from '../lib/city-time';
import { type CommandSpec, commandSpec } from '../lib/commands';
import { type FeedStatus, followQueue } from '../lib/queue-feed';
import { urgencyOf } from '../lib/urgency';
import { statusInWords } from '../lib/words';
import { may, useSession } from '../session';

/** The list of queues, for those who may see every department's (the director, 311 operators). */
function QueueChooser() {
  const { catalog } = useSession();
  useEffect(() => {
    document.title = 'Queues — Switchboard';
  }, []);
  return (
    <>
      <h1>Department queues</h1>
      <ul className="queue-list">
        {catalog.departments.map((d) => (
          <li key={d.id}>
            <Link to={`/departments/${encodeURIComponent(d.id)}/queue`}>{d.name}</Link>
            {d.mainLineRoutedTo311 && <span className="tag">main line routed to 311</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

const FEED_WORDS: Record<FeedStatus, string> = {
  connecting: 'Connecting to the live feed…',
  live: 'Live: changes appear as they happen.',
  reconnecting: 'Connection lost; reconnecting (changes made meanwhile will follow)…',
  refused: 'The live feed was refused.',
};

/** A department's queue, kept current by the SSE feed, with claim-next and the work actions for its staff. */
export function QueuePage({ department }: { department: string | undefined }) {
  return department === undefined ? <QueueChooser /> : <DepartmentQueue key={department} department={department} />;
}

function DepartmentQueue({ department }: { department: string }) {
  const session = useSession();
  const { api, me } = session;
  const name = session.departmentName(department);
  const [queue, setQueue] = useState<Queue>();
  const [problem, setProblem] = useState<Problem>();
  const [actionProblem, setActionProblem] = useState<{ problem: Problem; action: string }>();
  const [feed, setFeed] = useState<FeedStatus>('connecting');
  const [message, setMessage] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [mine, setMine] = useState(false);
  const [dialog, setDialog] = useState<{ spec: CommandSpec; entry: QueueEntry }>();
  const canWork = may.workQueue(me, department);

  // One load at a time; a change arriving during a load asks for one more after it. The filter is
  // read when each load starts, so ticking "Only my tickets" mid-load is honoured by the next one.
  const mineNow = useRef(mine);
  const loading = useRef<{ busy: boolean; again: boolean; position?: string }>({ busy: false, again: false });
  const reload = useCallback(
    async (position?: string) => {
      const state = loading.current;
      if (position) state.position = position;
      if (state.busy) {
        state.again = true;
        return;
      }
      state.busy = true;
      try {
        do {
          state.again = false;
          const at = state.position;
          state.position = undefined;
          try {
            setQueue(await api.get<Queue>(`/departments/${encodeURIComponent(department)}/queue`, { mine: mineNow.current ? 'true' : undefined, position: at }));
            setProblem(undefined);
          } catch (error) {
            if (!(error instanceof ApiProblem)) throw error;
            setProblem(error.problem);
          }
        } while (state.again);
      } finally {
        state.busy = false;
      }
    },
    [api, department],
  );

  useEffect(() => {
    document.title = `${name} queue — Switchboard`;
    return followQueue(api, department, {
      onOpen: () => void reload(),
      onChange: (change) => {
        if (change.kind === 'removed') setAnnouncement(`${change.ticketId} left the queue.`);
        else if (change.kind === 'added') setAnnouncement(`${change.ticketId} joined the queue.`);
        void reload();
      },
      onStatus: (status, refused) => {
        setFeed(status);
        if (refused) setProblem(refused);
      },
    });
  }, [api, department, name, reload]);

  // Overdue and at-risk are judged when the queue is loaded; on a quiet queue, judge them again every minute.
  useEffect(() => {
    const timer = window.setInterval(() => void reload(), 60_000);
    return () => window.clearInterval(timer);
  }, [reload]);

  const toggleMine = (value: boolean) => {
    setMine(value);
    mineNow.current = value;
    void reload();
  };

  // A command in flight per ticket (and one claim): a second click is ignored instead of sending again.
  // (aria-disabled, not disabled: a disabled button would drop the keyboard focus.)
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const inFlight = useRef(new Set<string>());
  const once = async (key: string, work: () => Promise<void>) => {
    if (inFlight.current.has(key)) return;
    inFlight.current.add(key);
    setPending(new Set(inFlight.current));
    try {
      await work();
    } finally {
      inFlight.current.delete(key);
      setPending(new Set(inFlight.current));
    }
  };

  const act = (entry: QueueEntry, type: string) => {
    const spec = commandSpec(type)!;
    setActionProblem(undefined);
    if (spec.fields.length > 0) {
      setDialog({ spec, entry });
      return;
    }
    void once(entry.ticketId, async () => {
      try {
        const answer = await api.post<CommandAnswer>(`/tickets/${encodeURIComponent(entry.ticketId)}/${spec.route}`, {}, { revision: entry.revision });
        setMessage(`${spec.label}: ${entry.ticketId} done.`);
        await reload(answer.position);
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        setActionProblem({ problem: error.problem, action: `${spec.label.toLowerCase()} ${entry.ticketId}` });
        await reload();
      }
    });
  };

  // One idempotency key per claim the person asked for: a retry of the same claim cannot take a second ticket.
  const claim = () =>
    once('claim', async () => {
      setActionProblem(undefined);
      setMessage('');
      const key = newRequestKey();
      try {
        const answer = await api.post<CommandAnswer>(`/departments/${encodeURIComponent(department)}/queue/claim`, {}, { idempotencyKey: key });
        setMessage(`You claimed ${answer.ticketId}; it is in progress and yours.`);
        await reload(answer.position);
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        setActionProblem({ problem: error.problem, action: `claim a ticket from the ${name} queue` });
      }
    });

  const now = queue ? Date.parse(queue.asOf) : session.now().getTime();
  const timeZone = session.catalog.timeZone;
  return (
    <>
      <div className="page-head">
        <h1>{name} queue</h1>
        <p className="feed-status" role="status" data-feed={feed}>
          {FEED_WORDS[feed]}
        </p>
      </div>
      {problem && <ProblemNotice problem={problem} action={`see the queue of ${name}`} />}
      <div className="toolbar">
        {canWork && (
          <button type="button" className="primary" onClick={() => void claim()} aria-disabled={pending.has('claim')}>
            {pending.has('claim') ? 'Claiming…' : 'Claim next ticket'}
          </button>
        )}
        {me.department === department && (
          <label className="inline">
            <input type="checkbox" checked={mine} onChange={(e) => toggleMine(e.target.checked)} /> Only my tickets
          </label>
        )}
        <span className="count">{queue ? `${queue.entries.length} open ticket${queue.entries.length === 1 ? '' : 's'}` : ''}</span>
      </div>
      {actionProblem && <ProblemNotice problem={actionProblem.problem} action={actionProblem.action} onDismiss={() => setActionProblem(undefined)} />}
      <p className="message" role="status">
        {message}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {queue && (
        <TableRegion label={`${name} queue`}>
          <table className="queue" data-testid="queue">
            <caption>
              Open tickets of {name} in the order they should be worked: escalated first, then by priority, then by due time. As of{' '}
              {formatCityTime(timeZone, queue.asOf)}.
            </caption>
            <thead>
              <tr>
                <th scope="col">Ticket</th>
                <th scope="col">Request</th>
                <th scope="col">Status</th>
                <th scope="col">Priority</th>
                <th scope="col">Due</th>
                {canWork && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {queue.entries.length === 0 && (
                <tr>
                  <td colSpan={canWork ? 6 : 5}>The queue is empty.</td>
                </tr>
              )}
              {queue.entries.map((entry) => {
                const urgency = urgencyOf(entry);
                return (
                  <tr key={entry.ticketId} data-ticket={entry.ticketId} className={`urgency-${urgency}`}>
                    <th scope="row">
                      <Link to={`/tickets/${encodeURIComponent(entry.ticketId)}`}>{entry.ticketId}</Link>
                      {urgency === 'overdue' && <span className="badge badge-overdue">Overdue</span>}
                      {urgency === 'at-risk' && <span className="badge badge-risk">At risk</span>}
                      {entry.escalationTier > 0 && <span className="badge badge-escalated">Escalated (tier {entry.escalationTier})</span>}
                    </th>
                    <td>
                      <span className="service">{session.serviceName(entry.serviceCode)}</span>
                      <span className="description">{entry.description}</span>
                      {entry.address && <span className="address">{entry.address}</span>}
                    </td>
                    <td>
                      {statusInWords(entry.status)}
                      {entry.assignee && <span className="assignee">{entry.assignee === me.id ? 'you' : entry.assignee}</span>}
                    </td>
                    <td>{entry.priority}</td>
                    <td>
                      {entry.dueAt ? formatCityTime(timeZone, entry.dueAt) : '—'}
                      {entry.dueAt && (
                        <span className="due-in">
                          {Date.parse(entry.dueAt) < now ? `${formatDuration(now - Date.parse(entry.dueAt))} late` : `in ${formatDuration(Date.parse(entry.dueAt) - now)}`}
                        </span>
                      )}
                    </td>
                    {canWork && (
                      <td>
                        <div className="row-actions">
                          {actionsFor(entry).map((type) => (
                            <button type="button" key={type} onClick={() => act(entry, type)} aria-disabled={pending.has(entry.ticketId)} aria-label={`${commandSpec(type)!.label} ${entry.ticketId}`}>
                              {commandSpec(type)!.label}
                            </button>
                          ))}
                        </div>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
      {dialog && (
        <CommandDialog
          spec={dialog.spec}
          ticketId={dialog.entry.ticketId}
          revision={queue?.entries.find((e) => e.ticketId === dialog.entry.ticketId)?.revision ?? dialog.entry.revision}
          onDone={(answer) => {
            setDialog(undefined);
            setMessage(`${dialog.spec.label}: ${dialog.entry.ticketId} done.`);
            void reload(answer.position);
          }}
          onStale={() => void reload()}
          onClose={() => setDialog(undefined)}
        />
      )}
    </>
  );
}

/** The work actions a queue row offers; the API judges each (a refusal is shown in words). */
function actionsFor(entry: QueueEntry): string[] {
  switch (entry.status) {
    case 'assigned':
    case 'escalated':
      return ['StartWork'];
    case 'in_progress':
      return ['PutTicketOnHold', 'CompleteTicket'];
    case 'on_hold':
      return ['ResumeTicket'];
    default:
      return [];
  }
}
