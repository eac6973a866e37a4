import { useCallback, useEffect } from 'react';
import { ApiProblem } from '../../lib/api-client';
import type { Problem } from '../../lib/api-types';
import type { LineNow, RosterView } from '../../lib/phone-coverage-types';
import { useLatestAnswer } from '../../lib/use-latest-answer';
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

/** A department's roster from its own stream, and who answers its line now (waiting for the read models to include the last change); an older answer never replaces a newer one. */
export function useRoster(department: string): RosterData {
  const { api, departmentName } = useSession();
  const fetchBoth = useCallback(
    async (position?: string) => {
      const [view, now] = await Promise.all([
        api.get('/departments/{id}/roster', { path: { id: department } }),
        api.get('/departments/{id}/phone-coverage/now', { path: { id: department }, query: { position } }),
      ]);
      return { view, now };
    },
    [api, department],
  );
  const { value, problem, load } = useLatestAnswer(fetchBoth);

  useEffect(() => {
    document.title = `${departmentName(department)} phone roster — Switchboard`;
  }, [department, departmentName]);

  const revision = value?.view.revision ?? null;
  const send = useCallback(
    async (command: RosterCommand): Promise<Problem | undefined> => {
      try {
        await load(await sendRosterCommand(api, department, command, revision));
        return undefined;
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        if (error.problem.error === 'RevisionMismatch') await load();
        return error.problem;
      }
    },
    [api, department, revision, load],
  );

  return { view: value?.view, now: value?.now, problem, send };
}
