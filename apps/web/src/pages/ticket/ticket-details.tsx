import type { TicketView } from '../../lib/api-types';
import { formatCityTime } from '../../lib/city-time';
import { useSession } from '../../session';

/** What the ticket is now, folded from its own stream; the resident's contact only when the API sent it. */
export function TicketDetails({ ticket, department }: { ticket: TicketView; department: string | undefined }) {
  const session = useSession();
  const timeZone = session.catalog.timeZone;
  return (
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
  );
}
