import type { TicketCommandType, TicketOpened, TicketState } from '@switchboard/ticketing';
import type { TicketHistoryStep } from '@switchboard/command-handling';
import type { TicketView } from './ticket-view.dto';

type Opened = TicketOpened['data'];

/** Builds the view of a ticket at `revision` from the records up to it. */
export function ticketView(
  records: readonly TicketHistoryStep[],
  state: TicketState,
  revision: number,
  showContact: boolean,
  allowedCommands: TicketCommandType[],
): TicketView {
  const opened = records.find((record) => record.event?.type === 'TicketOpened')?.event?.data as Opened | undefined;
  return {
    ...state,
    revision,
    description: opened?.description,
    location: opened?.location,
    ...(showContact && opened?.contact ? { contact: opened.contact } : {}),
    attributes: opened?.attributes,
    allowedCommands,
  };
}
