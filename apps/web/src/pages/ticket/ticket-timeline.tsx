import type { HistoryEntry, TicketHistory } from '../../lib/api-types';
import { formatCityTime } from '../../lib/city-time';
import { eventInWords, statusInWords } from '../../lib/words';
import { useSession } from '../../session';
import { actorInWords, detailsOf } from './event-details';

/** Every event of the ticket in order: when, what, by whom, the state before and after, and what it carries. */
export function TicketTimeline({ history }: { history: TicketHistory }) {
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">History</h2>
      <ol className="timeline" data-testid="timeline">
        {history.events.map((entry) => (
          <TimelineItem key={entry.revision} entry={entry} />
        ))}
      </ol>
    </section>
  );
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
          {entry.stateBefore === entry.stateAfter
            ? `stays ${statusInWords(entry.stateAfter)}`
            : `${statusInWords(entry.stateBefore)} → ${statusInWords(entry.stateAfter)}`}
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
