import { Link } from '../../components/link';
import { TableRegion } from '../../components/table-region';
import type { ArticleListEntry } from '../../lib/api-types';
import { formatCityTime } from '../../lib/city-time';
import { articleStatusInWords, flagsInWords, languageInWords } from '../../lib/knowledge-words';
import { useSession } from '../../session';

/** Stale: overdue for review, or out of season. The API lists these first. */
const isStale = (entry: ArticleListEntry) => entry.standing.flags.some((flag) => flag === 'review_overdue' || flag === 'out_of_season');

/** A list of articles, stale ones first (the API's order), each linking to its page. */
export function ArticleTable({ articles, caption }: { articles: readonly ArticleListEntry[]; caption: string }) {
  const session = useSession();
  const stale = articles.filter(isStale).length;
  return (
    <TableRegion label="Articles">
      <table data-testid="articles">
        <caption>{articles.length === 0 ? `${caption}: none yet.` : `${caption}: ${articles.length}, ${stale} stale (listed first).`}</caption>
        <thead>
          <tr>
            <th scope="col">Article</th>
            <th scope="col">Owner</th>
            <th scope="col">State</th>
            <th scope="col">Needs attention</th>
            <th scope="col">Languages</th>
            <th scope="col">Proposals</th>
            <th scope="col">Last change</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((a) => (
            <tr key={a.articleId} data-article={a.articleId} className={isStale(a) ? 'row-overdue' : undefined}>
              <th scope="row">
                <Link to={`/knowledge/${encodeURIComponent(a.articleId)}`}>{a.title}</Link>
              </th>
              <td>{session.departmentName(a.ownerDepartment)}</td>
              <td>{articleStatusInWords(a.status)}</td>
              <td>{flagsInWords(a.standing.flags.filter((flag) => flag !== 'draft' && flag !== a.status)) || '—'}</td>
              <td>{a.languages.map(languageInWords).join(', ')}</td>
              <td>{a.pendingProposals || '—'}</td>
              <td>{a.updatedAt ? formatCityTime(session.catalog.timeZone, a.updatedAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
