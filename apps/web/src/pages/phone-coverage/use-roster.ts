import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../../lib/api-client';
import type { Problem } from '../../lib/api-types';
import type { LineNow, RosterView } from '../../lib/phone-coverage-types';
import { useSession } from '../../session';
import { type RosterCommand, sendRosterCommand } from './roster-commands';

export interface RosterData {
  readonly view: RosterView | undefined;
  readonly now: LineNow | undefined;
  /** A refused load. */
  readonly problem: Problem | undefined;
  /** Sends a command against the revision on screen and loads the roster again; answers the refusal, if any (a stale view is reloaded first). */
  readonly send: (command: RosterCommand) => Promise<Problem | undefined>;
}

type Answer = { readonly asked: number } & ({ readonly view: RosterView; readonly now: LineNow } | { readonly problem: Problem });

/** A department's roster from its own stream, and who answers its line now (waiting for the read models to include the last change); an older answer never replaces a newer one. */
export function useRoster(department: string): RosterData {
  const { api, departmentName } = useSession();
  const [view, setView] = useState<RosterView>();
  const [now, setNow] = useState<LineNow>();
  const [problem, setProblem] = useState<Problem>();
  const latest = useRef(0);

  const fetchBoth = useCallback(
    async (position?: string): Promise<Answer> => {
      const asked = ++latest.current;
      try {
        const [view, now] = await Promise.all([
          api.get('/departments/{code}/roster', { path: { code: department } }),
          api.get('/departments/{code}/phone-coverage/now', { path: { code: department }, query: { position } }),
        ]);
        return { asked, view, now };
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        return { asked, problem: error.problem };
      }
    },
    [api, department],
  );
  const show = useCallback((answer: Answer) => {
    if (answer.asked !== latest.current) return;
    if ('problem' in answer) return setProblem(answer.problem);
    setView(answer.view);
    setNow(answer.now);
    setProblem(undefined);
  }, []);

  useEffect(() => {
    document.title = `${departmentName(department)} phone roster — Switchboard`;
    void fetchBoth().then(show);
  }, [fetchBoth, show, department, departmentName]);

  const revision = view?.revision ?? null;
  const send = useCallback(
    async (command: RosterCommand): Promise<Problem | undefined> => {
      try {
        const position = await sendRosterCommand(api, department, command, revision);
        show(await fetchBoth(position));
        return undefined;
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        if (error.problem.error === 'RevisionMismatch') show(await fetchBoth());
        return error.problem;
      }
    },
    [api, department, revision, fetchBoth, show],
  );

  return { view, now, problem, send };
}
