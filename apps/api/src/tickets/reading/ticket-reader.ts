import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { type Actor, allowedCommands, type ResidentKeyStore, type ServiceCatalog, ticketStreamName } from '@switchboard/ticketing';
import { ResidentDataReads } from '../../privacy/resident-data-reads';
import { RESIDENT_KEYS } from '../../privacy/resident-keys.module';
import { CATALOG } from '../../catalog/catalog.module';
import { CLOCK, type Clock } from '../../clock/clock';
import { TicketNotFound } from '../../errors/api-exceptions';
import { maySeeContact, withoutHiddenContact } from './contact-visibility';
import { loadTicket, type TicketHistoryStep } from '@switchboard/command-handling';
import { ticketView } from './ticket-view';
import type { HistoryEntry, TicketHistory, TicketView } from './ticket-view.dto';

/** Answers ticket queries from the ticket's own stream: always consistent with its commands. */
@Injectable()
export class TicketReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RESIDENT_KEYS) private readonly keys: ResidentKeyStore,
    private readonly reads: ResidentDataReads,
  ) {}

  /** The ticket now, with the commands `actor` may perform on it. */
  async ticket(ticketId: string, actor: Actor): Promise<TicketView> {
    const { records, state, revision } = await loadTicket(this.store, ticketId, this.keys);
    if (revision === undefined) throw new TicketNotFound(ticketId);
    const allowed = allowedCommands(state, actor, this.clock.now(), this.catalog.config.policies.reopenWindowDays);
    const view = ticketView(records, state, revision, maySeeContact(actor, state), allowed);
    if (view.contact) await this.reads.record(actor, ticketStreamName(ticketId), 'ticket');
    return view;
  }

  /** Every event of the ticket in order, up to `asOf` when given, with the state it moved between. */
  async history(ticketId: string, actor: Actor, asOf?: Date): Promise<TicketHistory> {
    const loaded = await loadTicket(this.store, ticketId, this.keys);
    const records = asOf ? loaded.records.filter((record) => occurredAt(record) <= asOf.getTime()) : loaded.records;
    const last = records.at(-1);
    if (!last) throw new TicketNotFound(ticketId);
    const showContact = maySeeContact(actor, loaded.state);
    const allowed = asOf ? [] : allowedCommands(last.stateAfter, actor, this.clock.now(), this.catalog.config.policies.reopenWindowDays);
    const history: TicketHistory = {
      ticketId,
      ...(asOf ? { asOf: asOf.toISOString() } : {}),
      ticket: ticketView(records, last.stateAfter, last.stored.revision, showContact, allowed),
      events: records.map((record) => historyEntry(record, showContact)),
    };
    if (history.events.some((entry) => 'contact' in entry.data)) await this.reads.record(actor, ticketStreamName(ticketId), 'ticket-history');
    return history;
  }
}

const occurredAt = (record: TicketHistoryStep): number => Date.parse(record.event?.metadata.occurredAt ?? record.stored.recordedAt.toISOString());

function historyEntry(record: TicketHistoryStep, showContact: boolean): HistoryEntry {
  const { stored, event } = record;
  return {
    revision: stored.revision,
    position: stored.globalPosition,
    type: stored.type,
    data: withoutHiddenContact((event?.data ?? stored.data) as Record<string, unknown>, showContact),
    actor: event?.metadata.actor,
    occurredAt: event?.metadata.occurredAt ?? stored.recordedAt.toISOString(),
    eventId: stored.id,
    commandId: event?.metadata.commandId,
    correlationId: event?.metadata.correlationId,
    stateBefore: record.stateBefore.status,
    stateAfter: record.stateAfter.status,
  };
}
