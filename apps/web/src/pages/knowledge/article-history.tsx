import { HistoryTimeline } from '../../components/history-timeline';
import type { ArticleHistory, ArticleHistoryEntry, FieldChange } from '../../lib/api-types';
import { articleEventInWords, articleStatusInWords, fieldInWords, valueInWords } from '../../lib/knowledge-words';

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
  const entries = history.events.map((entry) => ({
    revision: entry.revision,
    type: entry.type,
    occurredAt: entry.occurredAt,
    actor: entry.actor,
    what: articleEventInWords(entry.type),
    before: articleStatusInWords(entry.statusBefore),
    after: articleStatusInWords(entry.statusAfter),
    details: <EventDetails entry={entry} />,
  }));
  return <HistoryTimeline id="history" testId="article-history" entries={entries} />;
}

function EventDetails({ entry }: { entry: ArticleHistoryEntry }) {
  const data = entry.data ?? {};
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
  const changes = Array.isArray(data.changes) ? (data.changes as FieldChange[]) : [];
  return (
    <>
      {changes.length > 0 && <FieldChanges changes={changes} />}
      <ul className="facts">
        {text('reason') && <li>Reason: {text('reason')}</li>}
        {text('note') && <li>Note: {text('note')}</li>}
        {typeof data.revision === 'number' && <li>Revision {data.revision}</li>}
        {text('proposalId') && <li>Proposal {text('proposalId')}</li>}
      </ul>
    </>
  );
}
