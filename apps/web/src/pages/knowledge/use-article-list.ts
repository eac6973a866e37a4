import { useEffect, useState } from 'react';
import { type ApiClient, ApiProblem } from '../../lib/api-client';
import type { ArticleList, ArticleListQuery, Problem } from '../../lib/api-types';

/** The articles of a department (or all), stale first, as the API orders them. */
export function useArticleList(api: ApiClient, query: ArticleListQuery): { list: ArticleList | undefined; problem: Problem | undefined } {
  const [list, setList] = useState<ArticleList>();
  const [problem, setProblem] = useState<Problem>();
  const { department, status } = query;
  useEffect(() => {
    const controller = new AbortController();
    (api.get('/knowledge/articles', { query: { department, status } }, controller.signal) as Promise<ArticleList>)
      .then((answer) => {
        setList(answer);
        setProblem(undefined);
      })
      .catch((error) => {
        if (controller.signal.aborted) return;
        if (!(error instanceof ApiProblem)) throw error;
        setProblem(error.problem);
      });
    return () => controller.abort();
  }, [api, department, status]);
  return { list, problem };
}
