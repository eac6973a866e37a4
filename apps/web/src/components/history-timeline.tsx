import type { ReactNode } from 'react';
import { formatCityTime } from '../lib/city-time';
import { actorInWords } from '../pages/ticket/event-details';
import { useSession } from '../session';

/** One event of a record's history, in words. */
export interface TimelineEntry {
  readonly revision: number;
  readonly type: string;
  readonly occurredAt: string | undefined;
  readonly actor: unknown;
  /** What happened, e.g. "Work started". */
  readonly what: string;
  /** The state before and after, in words. */
  readonly before: string;
  readonly after: string;
  /** What the event carries (reasons, notes, field changes), shown under it. */
  readonly details: ReactNode;
}

/** Every event of a record (a ticket, an article) in order: when, what, by whom, the state before and after, and what it carries. */
export function HistoryTimeline({ id, testId, entries }: { id: string; testId: string; entries: readonly TimelineEntry[] }) {
  const session = useSession();
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>History</h2>
      <ol className="timeline" data-testid={testId}>
        {entries.map((entry) => (
          <li key={entry.revision} data-type={entry.type}>
            <div className="when">
              <time dateTime={entry.occurredAt}>{formatCityTime(session.catalog.timeZone, entry.occurredAt)}</time>
            </div>
            <div className="what">
              <strong>{entry.what}</strong> by {actorInWords(entry.actor)}
              <span className="transition">{entry.before === entry.after ? `stays ${entry.after}` : `${entry.before} → ${entry.after}`}</span>
              {entry.details}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
