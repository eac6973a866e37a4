import { useRef, useState } from 'react';
import { type ApiClient, ApiProblem, newRequestKey } from '../../lib/api-client';
import type { ArticleCommandAnswer, Problem } from '../../lib/api-types';

export interface ArticleCommands {
  /** Sends `POST /knowledge/articles/:id/<action>` at the revision on screen; true when done. A second send while one is on its way is ignored. */
  readonly send: (action: string, label: string, body?: object) => Promise<boolean>;
  readonly sending: boolean;
  readonly message: string;
  readonly problem: { readonly problem: Problem; readonly action: string } | undefined;
  readonly dismissProblem: () => void;
}

/**
 * The article's commands, each with a fresh Idempotency-Key and If-Match at the stream revision
 * the person saw, followed by a fresh load that includes it. A stale view (412) is reloaded and said so.
 */
export function useArticleCommands(
  api: ApiClient,
  articleId: string,
  revision: number | undefined,
  load: (position?: string) => Promise<void>,
): ArticleCommands {
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<{ problem: Problem; action: string }>();
  const inFlight = useRef(false);

  const send = async (action: string, label: string, body: object = {}): Promise<boolean> => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setSending(true);
    setProblem(undefined);
    setMessage('');
    try {
      const answer = (await api.post('/knowledge/articles/{id}/{action}', { path: { id: articleId, action } }, body, {
        revision,
        idempotencyKey: newRequestKey(),
      })) as ArticleCommandAnswer;
      setMessage(`${label}: done.`);
      await load(answer.position);
      return true;
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem({ problem: error.problem, action: `${label.toLowerCase()} article ${articleId}` });
      if (error.problem.error === 'RevisionMismatch') await load();
      return false;
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };

  return { send, sending, message, problem, dismissProblem: () => setProblem(undefined) };
}
