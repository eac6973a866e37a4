import { actorInWords } from '../ticket/event-details';
import type { ArticleHistory, ArticleHistoryEntry, FieldChange } from '../../lib/api-types';
import { formatCityTime } from '../../lib/city-time';
import { articleEventInWords, articleStatusInWords, fieldInWords, valueInWords } from '../../lib/knowledge-words';
import { useSession } from '../../session';

/** The field changes an event or a proposal records: "Answer (English): before → after". */
export function FieldChanges({ changes }: { changes: readonly FieldChange[] }) {
  return (
    <ul className="facts">
      {changes.map((change) => (
        <li key={change.field}>
          {fieldInWords(change.field)}: <span className="before">{valueInWords(change.before)}</span> →{' '}
          <span className="after">{valueInWords(change.after)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Every event of the article in order: when, what, by whom, the state before and after, and each field it changed. */
export function ArticleHistoryList({ history }: { history: ArticleHistory }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <ol className="timeline" data-testid="article-history">
        {history.events.map((entry) => (
          <HistoryItem key={entry.revision} entry={entry} />
        ))}
      </ol>
    </section>
  );
}

function HistoryItem({ entry }: { entry: ArticleHistoryEntry }) {
  const session = useSession();
  const data = entry.data ?? {};
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
  const changes = Array.isArray(data.changes) ? (data.changes as FieldChange[]) : [];
  return (
    <li data-type={entry.type}>
      <div className="when">
        <time dateTime={entry.occurredAt}>{formatCityTime(session.catalog.timeZone, entry.occurredAt)}</time>
      </div>
      <div className="what">
        <strong>{articleEventInWords(entry.type)}</strong> by {actorInWords(entry.actor)}
        <span className="transition">
          {entry.statusBefore === entry.statusAfter
            ? `stays ${articleStatusInWords(entry.statusAfter)}`
            : `${articleStatusInWords(entry.statusBefore)} → ${articleStatusInWords(entry.statusAfter)}`}
        </span>
        {changes.length > 0 && <FieldChanges changes={changes} />}
        <ul className="facts">
          {text('reason') && <li>Reason: {text('reason')}</li>}
          {text('note') && <li>Note: {text('note')}</li>}
          {typeof data.revision === 'number' && <li>Revision {data.revision}</li>}
          {text('proposalId') && <li>Proposal {text('proposalId')}</li>}
        </ul>
      </div>
    </li>
  );
}
