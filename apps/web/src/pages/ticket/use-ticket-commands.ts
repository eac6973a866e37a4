import { useRef, useState } from 'react';
import { type ApiClient, ApiProblem } from '../../lib/api-client';
import type { Problem } from '../../lib/api-types';
import type { CommandSpec } from '../../lib/commands';

export interface TicketCommands {
  /** Gives a command: at once, or through its dialog when it asks for words. */
  readonly act: (spec: CommandSpec) => Promise<void>;
  /** A command without words is on its way: the buttons ignore clicks. */
  readonly sending: boolean;
  /** The command whose dialog is open. */
  readonly dialog: CommandSpec | undefined;
  readonly dialogDone: () => void;
  readonly closeDialog: () => void;
  /** What the last command did. */
  readonly message: string;
  readonly actionProblem: { readonly problem: Problem; readonly action: string } | undefined;
  readonly dismissActionProblem: () => void;
}

/** The commands given from a ticket's page, each sent at the revision on screen and followed by a fresh load. */
export function useTicketCommands(api: ApiClient, ticketId: string, revision: number | undefined, load: () => Promise<void>): TicketCommands {
  const [actionProblem, setActionProblem] = useState<{ problem: Problem; action: string }>();
  const [dialog, setDialog] = useState<CommandSpec>();
  const [message, setMessage] = useState('');

  // One command at a time: a double click sends once (aria-disabled keeps the focus where it is).
  const [sending, setSending] = useState(false);
  const inFlight = useRef(false);
  const act = async (spec: CommandSpec) => {
    setActionProblem(undefined);
    setMessage('');
    if (spec.fields.length > 0) {
      setDialog(spec);
      return;
    }
    if (inFlight.current) return;
    inFlight.current = true;
    setSending(true);
    try {
      await api.post(`/tickets/{id}/${spec.route}`, { path: { id: ticketId } }, {}, { revision: revision! });
      setMessage(`${spec.label}: done.`);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setActionProblem({ problem: error.problem, action: `${spec.label.toLowerCase()} ${ticketId}` });
    } finally {
      inFlight.current = false;
      setSending(false);
    }
    await load();
  };

  const dialogDone = () => {
    if (!dialog) return;
    setMessage(`${dialog.label}: done.`);
    setDialog(undefined);
    void load();
  };

  return {
    act,
    sending,
    dialog,
    dialogDone,
    closeDialog: () => setDialog(undefined),
    message,
    actionProblem,
    dismissActionProblem: () => setActionProblem(undefined),
  };
}
