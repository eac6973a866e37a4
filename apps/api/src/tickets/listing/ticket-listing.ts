import { Inject, Injectable } from '@nestjs/common';
import { InvalidQueryParameterError, type ReadModels, type TicketFilter, type TicketPage } from '@switchboard/read-models';
import type { ServiceCatalog } from '@switchboard/ticketing';
import { CATALOG } from '../../catalog/catalog.module';
import { CLOCK, type Clock } from '../../clock/clock';
import { READ_MODELS } from '../../read-models/read-models.module';
import type { TicketListQueryDto } from './ticket-list-query.dto';

/** Lists tickets from the ticket read model; departments and services are checked against the catalog, the rest by the read model. */
@Injectable()
export class TicketListing {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The read model's filter for the query; throws InvalidQueryParameterError naming a department or service the catalog lacks. */
  filterOf(query: TicketListQueryDto): TicketFilter {
    if (query.department !== undefined && !this.catalog.department(query.department)) {
      throw new InvalidQueryParameterError('department', `${JSON.stringify(query.department)} is not a department of the catalog.`);
    }
    if (query.service !== undefined && !this.catalog.service(query.service)) {
      throw new InvalidQueryParameterError('service', `${JSON.stringify(query.service)} is not a service of the catalog.`);
    }
    const openedFrom = query.openedFrom === undefined ? undefined : new Date(query.openedFrom);
    const openedTo = query.openedTo === undefined ? undefined : new Date(query.openedTo);
    if (openedFrom && openedTo && openedFrom >= openedTo) {
      throw new InvalidQueryParameterError('openedFrom', `must be before "openedTo" (${openedFrom.toISOString()} is not before ${openedTo.toISOString()}).`);
    }
    return {
      state: query.state,
      department: query.department,
      service: query.service,
      channel: query.channel,
      assignee: query.assignee,
      openedFrom,
      openedTo,
      overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      text: query.text,
      now: this.clock.now(),
    };
  }

  /** One page of tickets matching the filter, newest first; throws InvalidQueryParameterError for a cursor from another query. */
  page(filter: TicketFilter, query: TicketListQueryDto): Promise<TicketPage> {
    return this.readModels.searchTickets(filter, query.cursor, query.limit === undefined ? undefined : Number(query.limit));
  }
}
