import { useEffect, useState } from 'react';
import { ProblemNotice } from '../../components/problem-notice';
import { ApiProblem, newRequestKey } from '../../lib/api-client';
import type { ArticleCommandAnswer, Problem } from '../../lib/api-types';
import { contentOf, EMPTY_ARTICLE_FORM } from '../../lib/article-form';
import { navigate } from '../../lib/router';
import { useSession } from '../../session';
import { ArticleForm } from './article-form';

/** Drafting a new article: its id (a readable slug, in links and call notes), owner department and content. Nothing is served until it is published. */
export function NewArticlePage() {
  const session = useSession();
  const { me, catalog } = session;
  const [articleId, setArticleId] = useState('');
  const [owner, setOwner] = useState(me.department ?? catalog.departments[0]?.id ?? '');
  const [problem, setProblem] = useState<Problem>();
  const [sending, setSending] = useState(false);
  // One key for this form: sending it again after a network failure drafts once.
  const [requestKey] = useState(newRequestKey);
  useEffect(() => {
    document.title = 'New article — Switchboard';
  }, []);

  const departments = me.role === 'director' || !me.department ? catalog.departments : catalog.departments.filter((d) => d.id === me.department);
  return (
    <>
      <h1>New article</h1>
      <p>A draft is seen by city staff only; residents and call takers are served it once it is published.</p>
      <ArticleForm
        initial={EMPTY_ARTICLE_FORM}
        submitLabel="Save draft"
        sending={sending}
        onSubmit={(values) => {
          if (sending) return;
          setSending(true);
          setProblem(undefined);
          const id = articleId.trim();
          session.api
            .post(
              '/knowledge/articles/{id}/{action}',
              { path: { id: id || '-', action: 'draft' } },
              { ownerDepartment: owner, content: contentOf(values) },
              { idempotencyKey: requestKey },
            )
            .then((answer) => navigate(`/knowledge/${encodeURIComponent((answer as ArticleCommandAnswer).id)}`))
            .catch((error) => {
              if (!(error instanceof ApiProblem)) throw error;
              setProblem(error.problem);
            })
            .finally(() => setSending(false));
        }}
        extra={
          <fieldset>
            <legend>Article</legend>
            <div className="field">
              <label htmlFor="article-id">
                Article id<span aria-hidden="true"> *</span>
              </label>
              <input id="article-id" type="text" required value={articleId} onChange={(e) => setArticleId(e.target.value)} aria-describedby="article-id-hint" />
              <p className="hint" id="article-id-hint">
                Lower-case words joined by hyphens, e.g. city-hall-hours.
              </p>
            </div>
            <div className="field">
              <label htmlFor="article-owner">Owner department</label>
              <select id="article-owner" value={owner} onChange={(e) => setOwner(e.target.value)}>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
          </fieldset>
        }
      >
        <ProblemNotice problem={problem} action="draft this article" subject="article" />
      </ArticleForm>
    </>
  );
}
