import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiClient, ApiProblem } from '../../lib/api-client';
import type { Problem, Queue } from '../../lib/api-types';

/** A queue as loaded, and how to load it again. */
export interface LoadedQueue<Q> {
  readonly queue: Q | undefined;
  /** Why the queue cannot be shown (a refused load or a refused feed); cleared by the next load that succeeds. */
  readonly problem: Problem | undefined;
  readonly showProblem: (problem: Problem) => void;
  /** Loads the queue again (after `position`, a command's answer, when given). */
  readonly reload: (position?: string) => Promise<void>;
}

export interface QueueData extends LoadedQueue<Queue> {
  /** "Only my tickets". */
  readonly mine: boolean;
  readonly setMine: (mine: boolean) => void;
}

/**
 * A queue as the API orders and judges it, loaded by `load` (stable; at `position` when given): one
 * load at a time, and a load asked for during one makes one more after it; loaded again every
 * minute on a quiet queue, so a ticket that passes its due time turns overdue (or waits a minute
 * longer) without any event.
 */
export function useLoadedQueue<Q>(load: (position: string | undefined) => Promise<Q>): LoadedQueue<Q> {
  const [queue, setQueue] = useState<Q>();
  const [problem, setProblem] = useState<Problem>();
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
            setQueue(await load(at));
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
    [load],
  );

  // Overdue and at-risk are judged when the queue is loaded; on a quiet queue, judge them again every minute.
  useEffect(() => {
    const timer = window.setInterval(() => void reload(), 60_000);
    return () => window.clearInterval(timer);
  }, [reload]);

  return { queue, problem, showProblem: setProblem, reload };
}

/** A department's queue, with "Only my tickets". */
export function useQueue(api: ApiClient, department: string): QueueData {
  const [mine, setMineState] = useState(false);
  // The filter is read when each load starts, so ticking "Only my tickets" mid-load is honoured by the next one.
  const mineNow = useRef(mine);
  const load = useCallback(
    (position: string | undefined) =>
      api.get('/departments/{id}/queue', { path: { id: department }, query: { mine: mineNow.current ? 'true' : undefined, position } }),
    [api, department],
  );
  const loaded = useLoadedQueue(load);

  const setMine = (value: boolean) => {
    setMineState(value);
    mineNow.current = value;
    void loaded.reload();
  };

  return { ...loaded, mine, setMine };
}
