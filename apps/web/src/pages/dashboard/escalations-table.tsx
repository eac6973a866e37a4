import { Link } from '../../components/link';
import { type Column, SortableTable } from '../../components/sortable-table';
import type { EscalationView } from '../../lib/api-types';
import { formatCityTime } from '../../lib/city-time';
import { reasonInWords, statusInWords } from '../../lib/words';
import { useSession } from '../../session';

/** Open escalations, late and at-risk tickets, most urgent first, each linking to its ticket; "Show more" when the API has more. */
export function EscalationsTable({ tickets, more, onMore }: { tickets: readonly EscalationView[]; more: boolean; onMore: () => Promise<void> }) {
  const session = useSession();
  const tz = session.catalog.timeZone;
  const columns: Column<EscalationView>[] = [
    { key: 'ticket', label: 'Ticket', value: (t) => t.ticketId, render: (t) => <Link to={`/tickets/${encodeURIComponent(t.ticketId)}`}>{t.ticketId}</Link> },
    { key: 'department', label: 'Department', value: (t) => session.departmentName(t.department) },
    { key: 'service', label: 'Service', value: (t) => session.serviceName(t.serviceCode) },
    { key: 'status', label: 'Status', value: (t) => statusInWords(t.status) },
    { key: 'tier', label: 'Tier', value: (t) => t.tier, render: (t) => (t.tier > 0 ? String(t.tier) : '—'), numeric: true },
    { key: 'reason', label: 'Escalated because', value: (t) => (t.reason ? reasonInWords(t.reason) : null) },
    { key: 'due', label: 'Due', value: (t) => t.overdueSince ?? t.dueAt, render: (t) => formatCityTime(tz, t.overdueSince ?? t.dueAt) },
    {
      key: 'standing',
      label: 'Standing',
      value: (t) => (t.overdue ? 2 : t.atRisk ? 1 : 0),
      render: (t) =>
        t.overdue ? <span className="badge badge-overdue">Overdue</span> : t.atRisk ? <span className="badge badge-risk">At risk</span> : 'on time',
    },
  ];
  return (
    <section aria-labelledby="escalations-heading">
      <h2 id="escalations-heading">Open escalations, late and at-risk tickets</h2>
      <SortableTable
        caption={
          more
            ? `The ${tickets.length} most urgent of the open tickets needing attention (more below)`
            : `${tickets.length} open ticket${tickets.length === 1 ? '' : 's'} needing attention`
        }
        columns={columns}
        rows={tickets}
        rowKey={(t) => t.ticketId}
        initialSort={{ key: 'standing', descending: true }}
        testId="escalations-table"
      />
      {more && (
        <button type="button" onClick={() => void onMore()}>
          Show more
        </button>
      )}
    </section>
  );
}
