import type { RecordedEvent } from '@switchboard/event-store';
import type { PlannedDelivery } from '../destination';
import type { PublicTicketEvent, PublicTicketEvents } from '../consumer/public-ticket-events';

/** What a broker delivery carries: where it is published and the exact body, the same on every attempt. */
export type BrokerPayload = { readonly address: string; readonly body: string };

/**
 * A department code as one token of a NATS subject or an AMQP routing key: letters, digits, `_`
 * and `-` kept, anything else (`.`, `*`, `>`, `#`, spaces) as `_`, so a code can never add a level
 * or act as a wildcard.
 */
export const addressToken = (value: string): string => value.replace(/[^A-Za-z0-9_-]/g, '_') || '_';

/**
 * The messages a ticket event calls for on a broker: one for each department whose queue it
 * concerns (a move from one department to another reaches the consumers of both), keyed by the
 * department, the body the event as webhooks carry it.
 */
export async function planBrokerMessages(
  events: PublicTicketEvents,
  event: RecordedEvent,
  addressOf: (department: string, eventType: string) => string,
): Promise<readonly PlannedDelivery[]> {
  if (!event.streamName.startsWith('ticket-')) return [];
  const ticketEvent = await events.of(event);
  if (!ticketEvent) return [];
  const body = brokerBody(ticketEvent);
  return ticketEvent.departments.map((department) => {
    const payload: BrokerPayload = { address: addressOf(department, ticketEvent.type), body };
    return { key: department, payload };
  });
}

/** The message body: the public ticket event as JSON. */
export const brokerBody = (event: PublicTicketEvent): string => JSON.stringify(event);

/** The error of a failed publish, in words. */
export const publishError = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
