import { CommandDialog } from '../../components/command-dialog';
import type { QueueEntry } from '../../lib/api-types';
import type { QueueCommands } from './use-queue-commands';

/** The command dialog a queue row opened, at the revision the queue holds now (a reload may have moved it on). */
export function QueueCommandDialog({
  commands,
  entries,
  reload,
}: {
  commands: QueueCommands;
  entries: readonly QueueEntry[] | undefined;
  reload: () => Promise<void>;
}) {
  const { dialog } = commands;
  if (!dialog) return null;
  return (
    <CommandDialog
      spec={dialog.spec}
      ticketId={dialog.entry.ticketId}
      revision={entries?.find((e) => e.ticketId === dialog.entry.ticketId)?.revision ?? dialog.entry.revision}
      onDone={commands.dialogDone}
      onStale={() => void reload()}
      onClose={commands.closeDialog}
    />
  );
}
