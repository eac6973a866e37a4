import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem } from './api-client';
import type { Problem } from './api-types';

export interface LatestAnswer<T> {
  /** The last answer loaded; kept while a later load is refused. */
  readonly value: T | undefined;
  /** The refusal of the last load, if it was refused. */
  readonly problem: Problem | undefined;
  /** Loads again; `position` (a command's answer) makes the read side include that command. */
  readonly load: (position?: string) => Promise<void>;
}

/**
 * What `fetch` answers, loaded when it changes and again on `load`: an older, slower answer never
 * replaces a newer one, and a refusal (an ApiProblem) is kept beside the last answer instead of
 * thrown. `fetch` must be memoised (useCallback) by what it reads.
 */
export function useLatestAnswer<T>(fetch: (position?: string) => Promise<T>): LatestAnswer<T> {
  const [value, setValue] = useState<T>();
  const [problem, setProblem] = useState<Problem>();
  const latest = useRef(0);

  // Shows the answer to the request numbered `asked` unless a later one was made meanwhile.
  const settle = useCallback(
    (asked: number, answer: Promise<T>): Promise<void> =>
      answer.then(
        (loaded) => {
          if (asked !== latest.current) return;
          setValue(loaded);
          setProblem(undefined);
        },
        (error: unknown) => {
          if (!(error instanceof ApiProblem)) throw error;
          if (asked === latest.current) setProblem(error.problem);
        },
      ),
    [],
  );
  const load = useCallback((position?: string) => settle(++latest.current, fetch(position)), [fetch, settle]);

  useEffect(() => {
    void settle(++latest.current, fetch());
  }, [fetch, settle]);

  return { value, problem, load };
}
