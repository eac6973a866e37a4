import { useCallback, useEffect } from 'react';
import type { ApiClient } from '../../lib/api-client';
import type { ArticleHistory, ArticleView, Problem } from '../../lib/api-types';
import { useLatestAnswer } from '../../lib/use-latest-answer';

export interface ArticleData {
  readonly view: ArticleView | undefined;
  /** The article's stream: its events, its revision (for If-Match) and what the caller may do now. */
  readonly history: ArticleHistory | undefined;
  readonly problem: Problem | undefined;
  /** Loads both again; `position` (a command's answer) makes the read side include that command. */
  readonly load: (position?: string) => Promise<void>;
}

/** An article and its history, loaded together; an older, slower answer never replaces a newer one. */
export function useArticle(api: ApiClient, articleId: string): ArticleData {
  const fetchBoth = useCallback(
    async (position?: string) => {
      const [view, history] = await Promise.all([
        api.get('/knowledge/articles/{id}', { path: { id: articleId }, query: { position } }),
        api.get('/knowledge/articles/{id}/history', { path: { id: articleId } }),
      ]);
      return { view, history };
    },
    [api, articleId],
  );
  const { value, problem, load } = useLatestAnswer(fetchBoth);

  useEffect(() => {
    document.title = `Article ${articleId} — Switchboard`;
  }, [articleId]);

  return { view: value?.view, history: value?.history, problem, load };
}
