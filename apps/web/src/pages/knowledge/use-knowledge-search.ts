import { useEffect, useState } from 'react';
import { type ApiClient, ApiProblem } from '../../lib/api-client';
import type { KnowledgeSearch, Problem } from '../../lib/api-types';

/** How long typing must pause before the words are searched. */
export const TYPE_AHEAD_DELAY_MS = 250;

export interface SearchState {
  /** The answer for `words` (undefined while none has come for them). */
  readonly answer: { readonly words: string; readonly result: KnowledgeSearch } | undefined;
  readonly problem: Problem | undefined;
}

/**
 * Type-ahead search of the knowledge base: `words` are searched once typing pauses, the request
 * for older words is cancelled, and only the answer for the words on screen is shown. State is
 * set from the answer's callback, never synchronously in the effect.
 */
export function useKnowledgeSearch(api: ApiClient, words: string, language: string | undefined): SearchState {
  const [state, setState] = useState<SearchState>({ answer: undefined, problem: undefined });
  const query = words.trim();
  useEffect(() => {
    if (query === '') return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      (api.get('/knowledge/search', { query: { q: query, language, limit: '10' } }, controller.signal) as Promise<KnowledgeSearch>)
        .then((result) => setState({ answer: { words: query, result }, problem: undefined }))
        .catch((error) => {
          if (controller.signal.aborted) return;
          if (!(error instanceof ApiProblem)) throw error;
          setState({ answer: undefined, problem: error.problem });
        });
    }, TYPE_AHEAD_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, query, language]);
  return query === '' ? { answer: undefined, problem: undefined } : state;
}
