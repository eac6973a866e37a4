import type { TicketCommandType, TicketOpened, TicketState } from '@switchboard/ticketing';
import type { TicketHistoryStep } from '@switchboard/command-handling';

type Opened = TicketOpened['data'];

/** A ticket as an API caller sees it: the folded state, what it was opened with, and what the caller may do now. */
export interface TicketView extends TicketState {
  readonly revision: number;
  readonly description?: string;
  readonly location?: Opened['location'];
  /** Present only for roles that may see resident contact data. */
  readonly contact?: Opened['contact'];
  readonly attributes?: Opened['attributes'];
  readonly allowedCommands: readonly TicketCommandType[];
}

/** Builds the view of a ticket at `revision` from the records up to it. */
export function ticketView(
  records: readonly TicketHistoryStep[],
  state: TicketState,
  revision: number,
  showContact: boolean,
  allowedCommands: readonly TicketCommandType[],
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
