import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from '@switchboard/event-store';
import type { EncodedTicketEvent, ResidentKeyStore } from '@switchboard/ticketing';
import { encodeTicketEvent, parseCatalog, stampEvent, ticketStreamName, type Actor, type ServiceCatalog, type TicketEvent } from '@switchboard/ticketing';

/** The demo catalog (Harrowfield, America/New_York business hours). */
export function demoCatalog(): ServiceCatalog {
  const path = join(__dirname, '../../../ticketing/config/demo-catalog.json');
  return parseCatalog(readFileSync(path, 'utf8'), path);
}

export const operator: Actor = { id: 'op-1', role: 'operator' } as Actor;

/** A ticket event as a spec writes it: the event, when it happened and, where it matters, under which command id and by whom. */
export type At = readonly [occurredAt: string, event: TicketEvent, by?: { readonly commandId?: string; readonly actor?: Actor }];

/**
 * Appends a ticket's events to its stream with metadata, as command handling would (by the operator
 * under a fresh command id unless `by` says), contacts sealed under the ticket's key from `keys`.
 * Without keys, contacts are written in the clear, as logs from before sealing hold them (which
 * every reader still reads).
 */
export async function appendTicket(store: EventStore, ticketId: string, events: readonly At[], keys?: ResidentKeyStore): Promise<void> {
  const stream = ticketStreamName(ticketId);
  for (const [occurredAt, event, by] of events) {
    const stamped = stampEvent(event, 0, { commandId: by?.commandId ?? randomUUID(), actor: by?.actor ?? operator, occurredAt });
    const record = keys
      ? encodeTicketEvent(stamped, { recordId: stream, key: await keys.issue(stream) })
      : ({ id: stamped.metadata.eventId, type: stamped.type, data: stamped.data, metadata: stamped.metadata } as unknown as EncodedTicketEvent);
    await store.append(stream, 'any', [record]);
  }
}

/** TicketOpened data with defaults a spec can override. */
export function opened(ticketId: string, overrides: Partial<Extract<TicketEvent, { type: 'TicketOpened' }>['data']> = {}): TicketEvent {
  return {
    type: 'TicketOpened',
    data: {
      ticketId,
      serviceCode: 'POTHOLE',
      owningDepartment: 'DPW',
      description: `Pothole outside ${ticketId}`,
      channel: 'phone',
      priority: 'normal',
      location: { address: '12 Main St' },
      contact: { name: 'A. Resident', phone: '555-0100' },
      ...overrides,
    },
  };
}
