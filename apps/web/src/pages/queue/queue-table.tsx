import type { ReactNode } from 'react';
import { Link } from '../../components/link';
import { TableRegion } from '../../components/table-region';
import type { QueueEntry } from '../../lib/api-types';
import { formatCityTime, formatDuration } from '../../lib/city-time';
import { commandSpec } from '../../lib/commands';
import { urgencyOf } from '../../lib/urgency';
import { statusInWords } from '../../lib/words';
import { useSession } from '../../session';

/**
 * The queue in the API's order, each row flagged overdue / at risk / escalated; with the row
 * actions when the person works it. A department's queue shows when each ticket is due; the intake
 * queue (`waiting`), where no SLA clock runs yet, how long each has waited.
 */
export function QueueTable({
  name,
  queue,
  canWork,
  pending,
  onAct,
  order = 'escalated first, then by priority, then by due time',
  waiting = false,
}: {
  name: string;
  queue: { readonly asOf: string; readonly entries: readonly QueueEntry[] };
  canWork: boolean;
  /** Tickets with a command on its way. */
  pending: ReadonlySet<string>;
  onAct: (entry: QueueEntry, type: string) => void;
  /** The API's order, in words. */
  order?: ReactNode;
  /** Show how long each ticket has waited instead of its due time. */
  waiting?: boolean;
}) {
  const timeZone = useSession().catalog.timeZone;
  return (
    <TableRegion label={`${name} queue`}>
      <table className="queue" data-testid="queue">
        <caption>
          Open tickets of {name} in the order they should be worked: {order}. As of {formatCityTime(timeZone, queue.asOf)}.
        </caption>
        <thead>
          <tr>
            <th scope="col">Ticket</th>
            <th scope="col">Request</th>
            <th scope="col">Status</th>
            <th scope="col">Priority</th>
            <th scope="col">{waiting ? 'Waiting' : 'Due'}</th>
            {canWork && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {queue.entries.length === 0 && (
            <tr>
              <td colSpan={canWork ? 6 : 5}>The queue is empty.</td>
            </tr>
          )}
          {queue.entries.map((entry) => (
            <QueueRow
              key={entry.ticketId}
              entry={entry}
              now={Date.parse(queue.asOf)}
              canWork={canWork}
              waiting={waiting}
              pending={pending.has(entry.ticketId)}
              onAct={onAct}
            />
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function QueueRow({
  entry,
  now,
  canWork,
  waiting,
  pending,
  onAct,
}: {
  entry: QueueEntry;
  /** The instant the queue was judged at. */
  now: number;
  canWork: boolean;
  waiting: boolean;
  pending: boolean;
  onAct: (entry: QueueEntry, type: string) => void;
}) {
  const session = useSession();
  const timeZone = session.catalog.timeZone;
  const urgency = urgencyOf(entry);
  return (
    <tr data-ticket={entry.ticketId} className={`urgency-${urgency}`}>
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
        {entry.reportCount > 1 && <span className="reports">Reported {entry.reportCount} times</span>}
      </td>
      <td>
        {statusInWords(entry.status)}
        {entry.assignee && <span className="assignee">{entry.assignee === session.me.id ? 'you' : entry.assignee}</span>}
      </td>
      <td>{entry.priority}</td>
      {waiting ? (
        <td>
          {formatDuration(entry.ageSeconds * 1000)}
          <span className="due-in">since {formatCityTime(timeZone, entry.openedAt)}</span>
        </td>
      ) : (
        <DueCell entry={entry} now={now} timeZone={timeZone} />
      )}
      {canWork && (
        <td>
          <div className="row-actions">
            {entry.actions.map((type) => (
              <button
                type="button"
                key={type}
                onClick={() => onAct(entry, type)}
                aria-disabled={pending}
                aria-label={`${commandSpec(type)!.label} ${entry.ticketId}`}
              >
                {commandSpec(type)!.label}
              </button>
            ))}
          </div>
        </td>
      )}
    </tr>
  );
}

function DueCell({ entry, now, timeZone }: { entry: QueueEntry; now: number; timeZone: string }) {
  return (
    <td>
      {entry.dueAt ? formatCityTime(timeZone, entry.dueAt) : '—'}
      {entry.dueAt && (
        <span className="due-in">
          {Date.parse(entry.dueAt) < now ? `${formatDuration(now - Date.parse(entry.dueAt))} late` : `in ${formatDuration(Date.parse(entry.dueAt) - now)}`}
        </span>
      )}
    </td>
  );
}
