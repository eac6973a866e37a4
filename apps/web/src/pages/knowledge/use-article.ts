import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiClient, ApiProblem } from '../../lib/api-client';
import type { ArticleHistory, ArticleView, Problem } from '../../lib/api-types';

export interface ArticleData {
  readonly view: ArticleView | undefined;
  /** The article's stream: its events, its revision (for If-Match) and what the caller may do now. */
  readonly history: ArticleHistory | undefined;
  readonly problem: Problem | undefined;
  /** Loads both again; `position` (a command's answer) makes the read side include that command. */
  readonly load: (position?: string) => Promise<void>;
}

type Answer = { readonly asked: number } & ({ readonly view: ArticleView; readonly history: ArticleHistory } | { readonly problem: Problem });

/** An article and its history, loaded together; an older, slower answer never replaces a newer one. */
export function useArticle(api: ApiClient, articleId: string): ArticleData {
  const [view, setView] = useState<ArticleView>();
  const [history, setHistory] = useState<ArticleHistory>();
  const [problem, setProblem] = useState<Problem>();
  const latest = useRef(0);

  const fetchBoth = useCallback(
    async (position?: string): Promise<Answer> => {
      const asked = ++latest.current;
      try {
        const [view, history] = await Promise.all([
          api.get('/knowledge/articles/{id}', { path: { id: articleId }, query: { position } }) as Promise<ArticleView>,
          api.get('/knowledge/articles/{id}/history', { path: { id: articleId } }) as Promise<ArticleHistory>,
        ]);
        return { asked, view, history };
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        return { asked, problem: error.problem };
      }
    },
    [api, articleId],
  );
  const show = useCallback((answer: Answer) => {
    if (answer.asked !== latest.current) return;
    if ('problem' in answer) return setProblem(answer.problem);
    setView(answer.view);
    setHistory(answer.history);
    setProblem(undefined);
  }, []);
  const load = useCallback(async (position?: string) => show(await fetchBoth(position)), [fetchBoth, show]);

  useEffect(() => {
    document.title = `Article ${articleId} — Switchboard`;
    void fetchBoth().then(show);
  }, [fetchBoth, show, articleId]);

  return { view, history, problem, load };
}
