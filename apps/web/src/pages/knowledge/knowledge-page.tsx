import { DepartmentSelect } from '../../components/department-select';
import { useEffect, useState } from 'react';
import { Link } from '../../components/link';
import { ProblemNotice } from '../../components/problem-notice';
import { useSession } from '../../session';
import { ArticleTable } from './article-table';
import { KnowledgeSearchBox } from './knowledge-search';
import { useArticleList } from './use-article-list';
import { mayDraftArticles } from './who-writes';

const STATUSES = [
  { value: '', label: 'Any' },
  { value: 'draft', label: 'Drafts' },
  { value: 'published', label: 'Published' },
  { value: 'retired', label: 'Retired' },
] as const;

/** The knowledge base: type-ahead search, and the caller's department's articles (any department's for others), stale first. */
export function KnowledgePage() {
  const session = useSession();
  const { me } = session;
  const [department, setDepartment] = useState(me.department ?? '');
  const [status, setStatus] = useState('');
  const { list, problem } = useArticleList(session.api, {
    department: department || undefined,
    status: (status || undefined) as 'draft' | 'published' | 'retired' | undefined,
  });
  useEffect(() => {
    document.title = 'Knowledge base — Switchboard';
  }, []);
  return (
    <>
      <div className="page-head">
        <h1>Knowledge base</h1>
        {mayDraftArticles(me) && <Link to="/knowledge/new">New article</Link>}
      </div>
      <KnowledgeSearchBox />
      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading">Articles</h2>
        <form className="report-form" onSubmit={(e) => e.preventDefault()} aria-label="Which articles">
          <DepartmentSelect id="articles-department" value={department} onChange={setDepartment} />
          <div className="field">
            <label htmlFor="articles-status">State</label>
            <select id="articles-status" value={status} onChange={(e) => setStatus(e.target.value)}>
              {STATUSES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
        </form>
        <ProblemNotice problem={problem} action="list the articles" />
        {list ? (
          <ArticleTable articles={list.articles} caption={department ? `Articles of ${session.departmentName(department)}` : 'All articles'} />
        ) : (
          !problem && <p aria-busy="true">Loading articles…</p>
        )}
      </section>
    </>
  );
}
