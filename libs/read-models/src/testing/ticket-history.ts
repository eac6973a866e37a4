import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from '@switchboard/event-store';
import { encodeTicketEvent, parseCatalog, stampEvent, ticketStreamName, type Actor, type ServiceCatalog, type TicketEvent } from '@switchboard/ticketing';

/** The demo catalog (Harrowfield, America/New_York business hours). */
export function demoCatalog(): ServiceCatalog {
  const path = join(__dirname, '../../../ticketing/config/demo-catalog.json');
  return parseCatalog(readFileSync(path, 'utf8'), path);
}

export const operator: Actor = { id: 'op-1', role: 'operator' } as Actor;

/** A ticket event as a spec writes it: the event, when it happened and, where it matters, under which command id and by whom. */
export type At = readonly [occurredAt: string, event: TicketEvent, by?: { readonly commandId?: string; readonly actor?: Actor }];

/** Appends a ticket's events to its stream with metadata, as command handling would (by the operator under a fresh command id unless `by` says). */
export async function appendTicket(store: EventStore, ticketId: string, events: readonly At[]): Promise<void> {
  for (const [occurredAt, event, by] of events) {
    const stamp = { commandId: by?.commandId ?? randomUUID(), actor: by?.actor ?? operator, occurredAt };
    await store.append(ticketStreamName(ticketId), 'any', [encodeTicketEvent(stampEvent(event, 0, stamp))]);
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
