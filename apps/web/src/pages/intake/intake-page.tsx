import { useCallback, useEffect } from 'react';
import { ProblemNotice } from '../../components/problem-notice';
import type { AnswerOf } from '../../lib/api-types';
import { useSession } from '../../session';
import { QueueCommandDialog } from '../queue/queue-command-dialog';
import { QueueTable } from '../queue/queue-table';
import { useQueueCommands } from '../queue/use-queue-commands';
import { useLoadedQueue } from '../queue/use-queue';

/** 311's intake queue as the API answers it (`GET /intake/queue`). */
export type IntakeQueue = AnswerOf<'/intake/queue', 'get'>;

/**
 * The intake queue (`/console/intake`, for 311 operators and the director: `/me`'s
 * `may.intakeQueue`): the tickets waiting for triage — services the catalog does not route on open —
 * urgent first, then the longest waiting, each with the triage commands the caller may send now
 * (assign to a department, escalate, complete at first contact, close), in the queue page's table
 * and command dialogs. It has no live feed: it is loaded again after each command and every minute.
 */
export function IntakePage() {
  const { api } = useSession();
  const name = 'Intake';
  useEffect(() => {
    document.title = 'Intake queue — Switchboard';
  }, []);
  const load = useCallback((position: string | undefined) => api.get('/intake/queue', { query: { position } }), [api]);
  const { queue, problem, reload } = useLoadedQueue<IntakeQueue>(load);
  useEffect(() => void reload(), [reload]);
  const commands = useQueueCommands(api, undefined, name, reload);

  return (
    <>
      <div className="page-head">
        <h1>Intake queue</h1>
        <p className="hint">
          Tickets waiting for triage: assign each to the department that owns the work, escalate it, or complete it at first contact.{' '}
          {queue && `${queue.entries.length} waiting.`}
        </p>
        <button type="button" onClick={() => void reload()}>
          Reload
        </button>
      </div>
      {problem && <ProblemNotice problem={problem} action="see the intake queue" />}
      {commands.actionProblem && (
        <ProblemNotice problem={commands.actionProblem.problem} action={commands.actionProblem.action} onDismiss={commands.dismissActionProblem} />
      )}
      <p className="message" role="status">
        {commands.message}
      </p>
      {queue && (
        <QueueTable name={name} queue={queue} canWork pending={commands.pending} onAct={commands.act} order="urgent first, then the longest waiting" waiting />
      )}
      <QueueCommandDialog commands={commands} entries={queue?.entries} reload={reload} />
    </>
  );
}
