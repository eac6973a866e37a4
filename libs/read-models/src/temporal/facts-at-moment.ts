import type { RecordedEvent } from '@switchboard/event-store';
import { decodeTicketEvent, type ServiceCatalog, TICKET_STREAM_PREFIX } from '@switchboard/ticketing';
import { latestEscalationAfter, NO_ESCALATION, type LatestEscalation } from '../facts/latest-escalation';
import { ticketFactsFold, type TicketFacts } from '../facts/ticket-facts';
import type { MetricFacts } from '../metrics/completion-metrics';
import type { TicketVersionsTable } from '../store/read-db';
import { escalationRowOfVersion, inForceAt, metricFactsOfVersion, type Moment, nextVersion, versionColumnsOf } from './ticket-versions';
import type { EscalationRow } from '../queries/escalations';

/** One ticket as the fold carries it: its facts, latest escalation and version, and the version in force at the moment once later ones begin. */
export interface TicketAtMoment {
  facts: TicketFacts;
  latest: LatestEscalation;
  version: TicketVersionsTable;
  /** The version in force at the moment; undefined before the ticket's first version is. */
  atMoment: TicketVersionsTable | undefined;
  /** Set once a version begins after the moment: no later event of the ticket can change what was in force then. */
  settled: boolean;
}

/**
 * Folds one recorded event into the tickets as a moment sees them, exactly as the projection writes
 * the temporal read model (the same `nextVersion`), so a replay with this fold answers what the
 * read store answers at that moment, on either axis. Memory holds every ticket met; a caller in
 * constant memory may drop a ticket's entry once it is settled and counted.
 */
export function foldAtMoment(tickets: Map<string, TicketAtMoment>, recorded: RecordedEvent, catalog: ServiceCatalog, moment: Moment): void {
  if (!recorded.streamName.startsWith(TICKET_STREAM_PREFIX)) return;
  const current = tickets.get(recorded.streamName);
  if (current?.settled) return;
  const event = decodeTicketEvent(recorded);
  if (!event) return;
  const facts = ticketFactsFold(current?.facts, event, catalog);
  if (!facts) return;
  const latest = latestEscalationAfter(current?.latest ?? NO_ESCALATION, event);
  const version = nextVersion(current?.version, facts.ticketId, versionColumnsOf(facts, latest, catalog), recorded) ?? current!.version;
  const at = moment.at.toISOString();
  const from = moment.axis === 'asOf' ? version.as_of_from : version.known_from;
  if (from > at) {
    // Versions of a ticket begin in order on both axes: once one begins after the moment, all later ones do.
    if (current) current.settled = true;
    else tickets.set(recorded.streamName, { facts, latest, version, atMoment: undefined, settled: true });
    return;
  }
  tickets.set(recorded.streamName, { facts, latest, version, atMoment: version, settled: false });
}

/** The versions in force at a moment, from recorded events (e.g. all of `$all`) in log order. */
export async function versionsAtMoment(
  events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>,
  catalog: ServiceCatalog,
  moment: Moment,
): Promise<TicketVersionsTable[]> {
  const tickets = new Map<string, TicketAtMoment>();
  for await (const recorded of events) foldAtMoment(tickets, recorded, catalog, moment);
  const versions: TicketVersionsTable[] = [];
  for (const ticket of tickets.values()) if (ticket.atMoment && inForceAt(ticket.atMoment, moment)) versions.push(ticket.atMoment);
  return versions;
}

/** The metric facts of every ticket at a moment (as of, or as known at), from recorded events: what the temporal read model answers. */
export async function metricFactsAtMoment(
  events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>,
  catalog: ServiceCatalog,
  moment: Moment,
): Promise<MetricFacts[]> {
  return (await versionsAtMoment(events, catalog, moment)).map(metricFactsOfVersion);
}

/** The escalations-list rows of every ticket in a queue at a moment, from recorded events. */
export async function queuedAtMoment(
  events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>,
  catalog: ServiceCatalog,
  moment: Moment,
): Promise<EscalationRow[]> {
  return (await versionsAtMoment(events, catalog, moment)).filter((version) => version.queue_department !== null).map(escalationRowOfVersion);
}
