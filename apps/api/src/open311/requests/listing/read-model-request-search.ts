import { Inject, Injectable } from '@nestjs/common';
import type { ReadModels, TicketFilter, TicketSummary } from '@switchboard/read-models';
import { READ_MODELS } from '../../../read-models/read-models.module';
import { TICKET_STATUSES_BY_REQUEST_STATUS } from '../request-status';
import type { RequestSearchPort } from './request-search';
import type { RequestSearch } from './requests-query';

/** The read model's largest keyset page. */
const READ_PAGE = 500;

/**
 * Searches the ticket read model. It filters by one lifecycle state and one service at a time, so
 * a search for `open` (five states) or several service codes runs one keyset walk per combination
 * and merges them newest first; each walk reads at most page × page_size rows.
 */
@Injectable()
export class ReadModelRequestSearch implements RequestSearchPort {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}

  async search(search: RequestSearch, now: Date): Promise<string[]> {
    // Open311's (after, before) is exclusive at both ends; the read model's [from, to) starts one millisecond later (its times are ISO with milliseconds).
    const updatedFrom = search.updatedAfter && new Date(search.updatedAfter.getTime() + 1);
    if (updatedFrom && search.updatedBefore && updatedFrom >= search.updatedBefore) return [];
    const states = search.statuses ? search.statuses.flatMap((status) => TICKET_STATUSES_BY_REQUEST_STATUS[status]) : [undefined];
    const services = search.serviceCodes ?? [undefined];
    const wanted = search.page * search.pageSize;
    const base = { openedFrom: search.requestedFrom, openedTo: search.requestedTo, updatedFrom, updatedTo: search.updatedBefore, now };
    const walks = states.flatMap((state) => services.map((service) => this.newest({ ...base, state, service }, wanted)));
    const merged = (await Promise.all(walks)).flat().sort(newestFirst);
    return merged.slice(wanted - search.pageSize, wanted).map((ticket) => ticket.ticketId);
  }

  /** The first `count` tickets matching `filter`, newest first. */
  private async newest(filter: TicketFilter, count: number): Promise<TicketSummary[]> {
    const found: TicketSummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.readModels.searchTickets(filter, cursor, Math.min(READ_PAGE, count - found.length));
      found.push(...page.tickets);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && found.length < count);
    return found;
  }
}

/** The read model's order: opened_at, then ticket id, both descending. */
const newestFirst = (a: TicketSummary, b: TicketSummary): number =>
  a.openedAt === b.openedAt ? (a.ticketId < b.ticketId ? 1 : a.ticketId > b.ticketId ? -1 : 0) : a.openedAt < b.openedAt ? 1 : -1;
