import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { isValidTicketId } from '@switchboard/ticketing';
import { type LoadedTicket, loadTicket } from '@switchboard/command-handling';
import { TicketNotFound } from '../../../errors/api-exceptions';

/** How many ticket streams a list answer reads at once. */
const READ_CONCURRENCY = 16;

/** Reads service requests from their tickets' own streams: always as current as the commands answered. */
@Injectable()
export class ServiceRequestReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** One ticket; TicketNotFound when no ticket has that id. */
  async one(ticketId: string): Promise<LoadedTicket> {
    const ticket = isValidTicketId(ticketId) ? await loadTicket(this.store, ticketId) : undefined;
    if (ticket?.revision === undefined) throw new TicketNotFound(ticketId);
    return ticket;
  }

  /** The tickets that exist among `ticketIds`, in the order asked for. */
  async some(ticketIds: readonly string[]): Promise<LoadedTicket[]> {
    const found: (LoadedTicket | undefined)[] = new Array(ticketIds.length);
    for (let start = 0; start < ticketIds.length; start += READ_CONCURRENCY) {
      const batch = ticketIds.slice(start, start + READ_CONCURRENCY);
      const loaded = await Promise.all(batch.map((id) => (isValidTicketId(id) ? loadTicket(this.store, id) : undefined)));
      loaded.forEach((ticket, index) => (found[start + index] = ticket?.revision === undefined ? undefined : ticket));
    }
    return found.filter((ticket): ticket is LoadedTicket => ticket !== undefined);
  }
}
