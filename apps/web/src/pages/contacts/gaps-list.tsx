import { type Column, SortableTable } from '../../components/sortable-table';
import type { KnowledgeGap } from '../../lib/api-types';
import { formatCityTime } from '../../lib/city-time';
import { useSession } from '../../session';
import { lineName } from './contact-words';

/** What residents asked that the knowledge base does not answer: searches for contacts that found nothing, most asked first. */
export function GapsList({ gaps }: { gaps: readonly KnowledgeGap[] }) {
  const session = useSession();
  const tz = session.catalog.timeZone;
  const columns: Column<KnowledgeGap>[] = [
    { key: 'question', label: 'Question (as most often typed)', value: (g) => g.example },
    { key: 'count', label: 'Times asked', value: (g) => g.count, numeric: true },
    { key: 'lines', label: 'Lines', value: (g) => g.lines.map((line) => lineName(session, line)).join(', ') },
    { key: 'first', label: 'First asked', value: (g) => g.firstAt, render: (g) => formatCityTime(tz, g.firstAt) },
    { key: 'last', label: 'Last asked', value: (g) => g.lastAt, render: (g) => formatCityTime(tz, g.lastAt) },
  ];
  return (
    <section aria-labelledby="gaps-heading">
      <h2 id="gaps-heading">Questions the knowledge base does not answer</h2>
      <p className="hint">Searches made for a contact that found no article or service, counted by question (case, accents and punctuation ignored).</p>
      <SortableTable
        caption={`${gaps.length} question${gaps.length === 1 ? '' : 's'} that found nothing, most asked first`}
        columns={columns}
        rows={gaps}
        rowKey={(g) => g.query}
        initialSort={{ key: 'count', descending: true }}
        testId="gaps-table"
      />
    </section>
  );
}
