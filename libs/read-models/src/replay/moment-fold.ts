import type { RecordedEvent } from '@switchboard/event-store';
import { decodeTicketEvent, type ServiceCatalog } from '@switchboard/ticketing';
import { endedAt, ticketFactsFold, type TicketFacts } from '../facts/ticket-facts';
import type { MetricFacts } from '../metrics/completion-metrics';
import { asOfFromOf, factColumnsOf, knownFromOf, metricFactsOfVersion, type Moment } from '../temporal/ticket-versions';

/**
 * One ticket as the report's replay carries it at a moment: what `foldAtMoment` (the temporal read
 * model's fold) carries, less what only the escalations list reads. Changed in place by each event.
 */
export interface MomentTicket {
  /** The facts of the version in force at the moment, which are also the facts the next event folds into; undefined when the first version began after it. */
  facts: TicketFacts | undefined;
  /** When the ticket's latest version began, as of (occurred) and, on the known-at axis only, as known (recorded). */
  asOfFrom: string;
  knownFrom: string | undefined;
  /** Set once a version begins after the moment: no later event of the ticket can change what was in force then. */
  settled: boolean;
}

/**
 * The temporal read model's fold at one moment (`foldAtMoment`), reduced to what a completion
 * report reads: the metric facts of the version in force at the moment, and whether a later
 * version settled it. It answers what `foldAtMoment` answers, event for event, without building
 * each version's columns:
 *
 * - a version begins at every event the facts fold keeps. `nextVersion` compares the ticket's
 *   latest version row (its ticket id and times among its keys) with the new columns, which lack
 *   those keys, so it never finds them the same; the projection writes a version per event, and so
 *   does this fold (moment-fold.spec.ts fails if that changes);
 * - so a version's columns are those of the facts after the event that began it, and only the
 *   metric ones are read, once, when the ticket is counted;
 * - only the moment's axis's start times are kept (known-at starts only on that axis), and the
 *   moment is written as an instant once, not per event.
 */
export class MomentFold {
  /** The moment as an ISO instant: version start times are normalised instants, which sort as text. */
  private readonly at: string;
  private readonly knownAt: boolean;

  constructor(
    private readonly catalog: ServiceCatalog,
    moment: Moment,
  ) {
    this.at = moment.at.toISOString();
    this.knownAt = moment.axis === 'knownAt';
  }

  /**
   * Folds one event of a ticket's stream into `ticket` (undefined when the fold holds nothing of
   * the stream), changing it in place; the ticket after it (a new one for the opening event),
   * undefined while the stream has opened no ticket.
   */
  fold(ticket: MomentTicket | undefined, recorded: RecordedEvent): MomentTicket | undefined {
    if (ticket?.settled) return ticket;
    const event = decodeTicketEvent(recorded);
    if (!event) return ticket;
    const facts = ticketFactsFold(ticket?.facts, event, this.catalog);
    if (!facts) return ticket;
    const asOfFrom = asOfFromOf(recorded, ticket?.asOfFrom);
    const knownFrom = this.knownAt ? knownFromOf(recorded, asOfFrom, ticket?.knownFrom) : undefined;
    // Versions of a ticket begin in order on both axes: once one begins after the moment, all later ones do.
    const settled = (knownFrom ?? asOfFrom) > this.at;
    if (!ticket) return { facts: settled ? undefined : facts, asOfFrom, knownFrom, settled };
    if (settled) ticket.settled = true;
    else {
      ticket.facts = facts;
      ticket.asOfFrom = asOfFrom;
      ticket.knownFrom = knownFrom;
    }
    return ticket;
  }
}

/** Whether a ticket the fold is following has ended (completed or closed) in the version in force at the moment. */
export const hasEnded = (ticket: MomentTicket): boolean => ticket.facts !== undefined && endedAt(ticket.facts) !== null;

/** The metric facts of a ticket's version in force at the moment: what `metricFactsOfVersion` reads from that version's row. */
export function metricFactsAtMomentOf(facts: TicketFacts): MetricFacts {
  return metricFactsOfVersion({ ticket_id: facts.ticketId, ...factColumnsOf(facts) });
}
