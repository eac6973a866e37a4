import { Link } from '../../components/link';
import { ProblemNotice } from '../../components/problem-notice';
import { articleStatusInWords, flagInWords } from '../../lib/knowledge-words';
import { useSession } from '../../session';
import { ArticleActions } from './article-actions';
import { ArticleDetails } from './article-details';
import { ArticleHistoryList } from './article-history';
import { ArticleProposals } from './article-proposals';
import { useArticle } from './use-article';
import { useArticleCommands } from './use-article-commands';

/** One article: what it says in each language, its standing, what the signed-in person may do with it, proposals waiting, and its whole history. */
export function ArticlePage({ articleId }: { articleId: string }) {
  const session = useSession();
  const { view, history, problem, load } = useArticle(session.api, articleId);
  const commands = useArticleCommands(session.api, articleId, history?.revision, load);

  if (problem) {
    return (
      <>
        <h1>Article {articleId}</h1>
        <ProblemNotice problem={problem} action={`see article ${articleId}`} subject="article" />
        <Link to="/knowledge">Back to the knowledge base</Link>
      </>
    );
  }
  if (!view || !history) return <p aria-busy="true">Loading article {articleId}…</p>;
  const { article, standing } = view;
  return (
    <>
      <div className="page-head">
        <h1>
          {article.content?.translations.en?.title ?? articleId}{' '}
          <span className={`status status-${article.status}`}>{articleStatusInWords(article.status)}</span>
          {standing.flags
            .filter((flag) => flag !== 'draft' && flag !== article.status)
            .map((flag) => (
              <span key={flag} className="badge badge-overdue">
                {flagInWords(flag)}
              </span>
            ))}
        </h1>
        <Link to="/knowledge">Knowledge base</Link>
      </div>
      <ArticleDetails article={article} standing={standing} />
      <ArticleActions article={article} allowedActions={history.allowedActions} commands={commands} />
      <ArticleProposals proposals={article.pendingProposals} allowedActions={history.allowedActions} commands={commands} />
      <ArticleHistoryList history={history} />
    </>
  );
}
