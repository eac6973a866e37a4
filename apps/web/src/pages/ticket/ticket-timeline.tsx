import { HistoryTimeline } from '../../components/history-timeline';
import type { TicketHistory } from '../../lib/api-types';
import { eventInWords, statusInWords } from '../../lib/words';
import { useSession } from '../../session';
import { detailsOf } from './event-details';

/** Every event of the ticket in order: when, what, by whom, the state before and after, and what it carries. */
export function TicketTimeline({ history }: { history: TicketHistory }) {
  const session = useSession();
  const entries = history.events.map((entry) => ({
    revision: entry.revision,
    type: entry.type,
    occurredAt: entry.occurredAt,
    actor: entry.actor,
    what: eventInWords(entry.type),
    before: statusInWords(entry.stateBefore),
    after: statusInWords(entry.stateAfter),
    details: (
      <ul className="facts">
        {detailsOf(entry, session).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    ),
  }));
  return <HistoryTimeline id="timeline" testId="timeline" entries={entries} />;
}
