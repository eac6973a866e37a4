import { forwardRef, useEffect, useState } from 'react';
import { Link } from '../../components/link';
import { ProblemNotice } from '../../components/problem-notice';
import { ApiProblem } from '../../lib/api-client';
import type { ArticleView, KnowledgeHit, Problem } from '../../lib/api-types';
import { flagsInWords } from '../../lib/knowledge-words';
import { useSession } from '../../session';
import { Shortcut } from './shortcuts';

/** The chosen article's answer (in the hit's language) and the call-taker note, with what the operator can do from it. */
export const DeskAnswer = forwardRef<
  HTMLHeadingElement,
  {
    hit: KnowledgeHit;
    article: ArticleView | undefined;
    onLoaded: (article: ArticleView) => void;
    onAnswered: () => void;
    busy: boolean;
  }
>(function DeskAnswer({ hit, article, onLoaded, onAnswered, busy }, heading) {
  const session = useSession();
  const [problem, setProblem] = useState<Problem>();
  useEffect(() => {
    const controller = new AbortController();
    (session.api.get('/knowledge/articles/{id}', { path: { id: hit.ref }, query: {} }, controller.signal) as Promise<ArticleView>).then(onLoaded, (error) => {
      if (controller.signal.aborted) return;
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error.problem);
    });
    return () => controller.abort();
  }, [session.api, hit.ref, onLoaded]);

  const content = article?.article.content;
  const translation = content?.translations[hit.language] ?? content?.translations.en;
  const flags = article ? flagsInWords(article.standing.flags) : '';
  return (
    <section aria-labelledby="desk-answer-heading" className="desk-panel" data-testid="desk-answer" data-article={hit.ref}>
      <h2 id="desk-answer-heading" ref={heading} tabIndex={-1}>
        {translation?.title ?? hit.title}
      </h2>
      <ProblemNotice problem={problem} action={`read the article ${hit.ref}`} subject="article" />
      {!article && !problem && <p aria-busy="true">Loading the answer…</p>}
      {translation && (
        <>
          {flags && <p className="badge badge-overdue">{flags}</p>}
          <div className="desk-answer-text">
            {translation.answer.split(/\n+/).map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
          </div>
          {content?.callTakerNote && (
            <div className="notice desk-note" data-testid="call-taker-note">
              <p>
                <strong>Call-taker note:</strong> {content.callTakerNote}
              </p>
            </div>
          )}
          {content?.transferDepartment && <p>Experts: {session.departmentName(content.transferDepartment)} (transfer with Alt+X).</p>}
          <div className="actions">
            <button type="button" className="primary" onClick={onAnswered} disabled={busy} aria-keyshortcuts="Alt+A">
              Answered — end the contact <Shortcut keys="Alt+A" />
            </button>
            <Link to={`/knowledge/${encodeURIComponent(hit.ref)}`}>The whole article</Link>
          </div>
        </>
      )}
    </section>
  );
});
