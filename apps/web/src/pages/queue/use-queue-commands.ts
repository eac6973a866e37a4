import { useRef, useState } from 'react';
import { type ApiClient, ApiProblem, newRequestKey } from '../../lib/api-client';
import type { CommandAnswer, Problem, QueueEntry } from '../../lib/api-types';
import { type CommandSpec, commandSpec } from '../../lib/commands';

/** A refusal, with what the person was trying to do (for the words). */
export interface ActionProblem {
  readonly problem: Problem;
  readonly action: string;
}

export interface QueueCommands {
  /** Tickets (and `claim`) with a command on its way: their buttons ignore clicks. */
  readonly pending: ReadonlySet<string>;
  /** Gives a row's command: at once, or through its dialog when it asks for words. */
  readonly act: (entry: QueueEntry, type: string) => void;
  readonly claim: () => Promise<void>;
  /** The command dialog open on a row. */
  readonly dialog: { readonly spec: CommandSpec; readonly entry: QueueEntry } | undefined;
  readonly dialogDone: (answer: CommandAnswer) => void;
  readonly closeDialog: () => void;
  /** What the last command did. */
  readonly message: string;
  readonly actionProblem: ActionProblem | undefined;
  readonly dismissActionProblem: () => void;
}

/**
 * The row commands of a queue and, for a department's queue, claim-next (`department`; the intake
 * queue has none); each reloads the queue at the position it answered.
 */
export function useQueueCommands(api: ApiClient, department: string | undefined, name: string, reload: (position?: string) => Promise<void>): QueueCommands {
  const [actionProblem, setActionProblem] = useState<ActionProblem>();
  const [message, setMessage] = useState('');
  const [dialog, setDialog] = useState<{ spec: CommandSpec; entry: QueueEntry }>();

  // A command in flight per ticket (and one claim): a second click is ignored instead of sending again.
  // (aria-disabled, not disabled: a disabled button would drop the keyboard focus.)
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const inFlight = useRef(new Set<string>());
  const once = async (key: string, work: () => Promise<void>) => {
    if (inFlight.current.has(key)) return;
    inFlight.current.add(key);
    setPending(new Set(inFlight.current));
    try {
      await work();
    } finally {
      inFlight.current.delete(key);
      setPending(new Set(inFlight.current));
    }
  };

  const act = (entry: QueueEntry, type: string) => {
    const spec = commandSpec(type)!;
    setActionProblem(undefined);
    if (spec.fields.length > 0) {
      setDialog({ spec, entry });
      return;
    }
    void once(entry.ticketId, async () => {
      try {
        const answer = await api.post(`/tickets/{id}/${spec.route}`, { path: { id: entry.ticketId } }, {}, { revision: entry.revision });
        setMessage(`${spec.label}: ${entry.ticketId} done.`);
        await reload(answer.position);
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        setActionProblem({ problem: error.problem, action: `${spec.label.toLowerCase()} ${entry.ticketId}` });
        await reload();
      }
    });
  };

  // One idempotency key per claim the person asked for: a retry of the same claim cannot take a second ticket.
  const claim = () =>
    once('claim', async () => {
      if (department === undefined) return;
      setActionProblem(undefined);
      setMessage('');
      const key = newRequestKey();
      try {
        const answer = await api.post('/departments/{id}/queue/claim', { path: { id: department } }, {}, { idempotencyKey: key });
        setMessage(`You claimed ${answer.ticketId}; it is in progress and yours.`);
        await reload(answer.position);
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        setActionProblem({ problem: error.problem, action: `claim a ticket from the ${name} queue` });
      }
    });

  const dialogDone = (answer: CommandAnswer) => {
    if (!dialog) return;
    setDialog(undefined);
    setMessage(`${dialog.spec.label}: ${dialog.entry.ticketId} done.`);
    void reload(answer.position);
  };

  return {
    pending,
    act,
    claim,
    dialog,
    dialogDone,
    closeDialog: () => setDialog(undefined),
    message,
    actionProblem,
    dismissActionProblem: () => setActionProblem(undefined),
  };
}
