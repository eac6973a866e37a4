import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiClient, ApiProblem } from '../../lib/api-client';
import type { Problem, Queue } from '../../lib/api-types';

export interface QueueData {
  readonly queue: Queue | undefined;
  /** Why the queue cannot be shown (a refused load or a refused feed); cleared by the next load that succeeds. */
  readonly problem: Problem | undefined;
  readonly showProblem: (problem: Problem) => void;
  /** Loads the queue again (after `position`, a command's answer, when given). */
  readonly reload: (position?: string) => Promise<void>;
  /** "Only my tickets". */
  readonly mine: boolean;
  readonly setMine: (mine: boolean) => void;
}

/**
 * A department's queue as the API orders and judges it: one load at a time, and a load asked for
 * during one makes one more after it; loaded again every minute on a quiet queue, so a ticket that
 * passes its due time turns overdue without any event.
 */
export function useQueue(api: ApiClient, department: string): QueueData {
  const [queue, setQueue] = useState<Queue>();
  const [problem, setProblem] = useState<Problem>();
  const [mine, setMineState] = useState(false);

  // The filter is read when each load starts, so ticking "Only my tickets" mid-load is honoured by the next one.
  const mineNow = useRef(mine);
  const loading = useRef<{ busy: boolean; again: boolean; position?: string }>({ busy: false, again: false });
  const reload = useCallback(
    async (position?: string) => {
      const state = loading.current;
      if (position) state.position = position;
      if (state.busy) {
        state.again = true;
        return;
      }
      state.busy = true;
      try {
        do {
          state.again = false;
          const at = state.position;
          state.position = undefined;
          try {
            setQueue(
              await api.get('/departments/{id}/queue', { path: { id: department }, query: { mine: mineNow.current ? 'true' : undefined, position: at } }),
            );
            setProblem(undefined);
          } catch (error) {
            if (!(error instanceof ApiProblem)) throw error;
            setProblem(error.problem);
          }
        } while (state.again);
      } finally {
        state.busy = false;
      }
    },
    [api, department],
  );

  // Overdue and at-risk are judged when the queue is loaded; on a quiet queue, judge them again every minute.
  useEffect(() => {
    const timer = window.setInterval(() => void reload(), 60_000);
    return () => window.clearInterval(timer);
  }, [reload]);

  const setMine = (value: boolean) => {
    setMineState(value);
    mineNow.current = value;
    void reload();
  };

  return { queue, problem, showProblem: setProblem, reload, mine, setMine };
}
