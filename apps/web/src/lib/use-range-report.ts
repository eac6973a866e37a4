import { type Dispatch, type SetStateAction, useEffect, useState } from 'react';
import { ApiProblem } from './api-client';
import type { Problem } from './api-types';

export interface RangeReport<L> {
  readonly loaded: L | undefined;
  /** A refused load, or parameters that name no range (answered at once, without a request). */
  readonly problem: Problem | undefined;
  /** While the requests for the current range have not finished. */
  readonly busy: boolean;
  /** For pages that add to what was loaded (e.g. the next page of a list). */
  readonly setLoaded: Dispatch<SetStateAction<L | undefined>>;
  readonly setProblem: Dispatch<SetStateAction<Problem | undefined>>;
}

/**
 * A report page's requests for its range: `load` runs for each new `instants` (keep both stable
 * with useMemo/useCallback), a change abandons the requests still on their way, and a range the
 * parameters cannot name (a Problem in place of the instants) is the page's problem at once.
 */
export function useRangeReport<I extends object, L>(
  title: string,
  instants: I | Problem,
  load: (instants: I, signal: AbortSignal) => Promise<L>,
): RangeReport<L> {
  const [loaded, setLoaded] = useState<L>();
  const [problem, setProblem] = useState<Problem>();
  // The instants whose requests have finished: busy while the current ones have not.
  const [doneFor, setDoneFor] = useState<object>();
  const invalid = 'error' in instants ? (instants as Problem) : undefined;

  useEffect(() => {
    document.title = title;
    if ('error' in instants) return;
    const controller = new AbortController();
    load(instants as I, controller.signal)
      .then((answer) => {
        setLoaded(answer);
        setProblem(undefined);
      })
      .catch((error) => {
        if (controller.signal.aborted) return;
        if (!(error instanceof ApiProblem)) throw error;
        setProblem(error.problem);
        setLoaded(undefined);
      })
      .finally(() => {
        if (!controller.signal.aborted) setDoneFor(instants);
      });
    return () => controller.abort();
  }, [title, instants, load]);

  if (invalid) return { loaded: undefined, problem: invalid, busy: false, setLoaded, setProblem };
  return { loaded, problem, busy: doneFor !== instants, setLoaded, setProblem };
}
