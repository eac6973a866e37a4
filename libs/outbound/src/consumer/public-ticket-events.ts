import { loadTicket, type TicketHistoryStep } from '@switchboard/command-handling';
import type { EventStore, RecordedEvent } from '@switchboard/event-store';
import { type Actor, isSealedResidentData, ticketIdOfStream } from '@switchboard/ticketing';

/**
 * A ticket event as integrations receive it: the entry `GET /tickets/:id/history` shows for it, as
 * a caller who may not see the resident's contact sees it (no `contact`, nothing sealed), plus the
 * departments whose queues it concerns.
 */
export interface PublicTicketEvent {
  readonly ticketId: string;
  readonly revision: number;
  readonly position: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly actor?: Actor;
  readonly occurredAt: string;
  readonly eventId: string;
  readonly commandId?: string;
  readonly correlationId?: string;
  readonly stateBefore: string;
  readonly stateAfter: string;
  /**
   * The department whose queue holds the ticket after the event and, when the event moved it, the
   * one it left (first); the owning department while it is in no queue (at intake).
   */
  readonly departments: readonly string[];
}

/** Streams whose loaded history is kept, most recently used last. */
const CACHED_STREAMS = 256;

/**
 * Builds `PublicTicketEvent`s for destinations' plans. Each ticket is loaded from its own stream (no
 * resident keys: sealed contacts stay closed) and kept for the events of the same ticket that
 * follow, so a batch reads each stream about once however many destinations ask.
 */
export class PublicTicketEvents {
  private readonly loaded = new Map<string, Promise<readonly TicketHistoryStep[]>>();

  constructor(private readonly store: EventStore) {}

  /** The event as integrations receive it; undefined for events of other streams and types this version does not know. */
  async of(event: RecordedEvent): Promise<PublicTicketEvent | undefined> {
    const ticketId = ticketIdOfStream(event.streamName);
    if (!ticketId) return undefined;
    const step = (await this.steps(event.streamName, ticketId, event.revision)).find((candidate) => candidate.stored.id === event.id);
    if (!step?.event) return undefined;
    return publicTicketEvent(ticketId, step);
  }

  private async steps(streamName: string, ticketId: string, revision: number): Promise<readonly TicketHistoryStep[]> {
    const cached = this.loaded.get(streamName);
    if (cached) {
      const steps = await cached.catch(() => []);
      if (steps.length > revision) {
        this.loaded.delete(streamName);
        this.loaded.set(streamName, cached);
        return steps;
      }
    }
    const loading = loadTicket(this.store, ticketId).then((ticket) => ticket.records);
    this.loaded.delete(streamName);
    this.loaded.set(streamName, loading);
    while (this.loaded.size > CACHED_STREAMS) this.loaded.delete(this.loaded.keys().next().value!);
    loading.catch(() => this.loaded.delete(streamName));
    return loading;
  }
}

/** One step of a loaded ticket as integrations receive it. */
export function publicTicketEvent(ticketId: string, step: TicketHistoryStep): PublicTicketEvent {
  const { stored, event, stateBefore, stateAfter } = step;
  const metadata = event?.metadata;
  const after = stateAfter.department ?? stateAfter.owningDepartment;
  const before = stateBefore.department;
  return {
    ticketId,
    revision: stored.revision,
    position: stored.globalPosition,
    type: stored.type,
    data: withoutResidentData((event?.data ?? stored.data) as Record<string, unknown>),
    ...(metadata?.actor ? { actor: metadata.actor } : {}),
    occurredAt: metadata?.occurredAt ?? stored.recordedAt.toISOString(),
    eventId: stored.id,
    ...(metadata?.commandId ? { commandId: metadata.commandId } : {}),
    ...(metadata?.correlationId ? { correlationId: metadata.correlationId } : {}),
    stateBefore: stateBefore.status,
    stateAfter: stateAfter.status,
    departments: [...new Set([before, after].filter((department): department is string => department !== undefined))],
  };
}

/** Event data without the resident's contact and without any sealed value: what a caller who may not see contact data is shown. */
function withoutResidentData(data: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  return Object.fromEntries(Object.entries(data).filter(([key, value]) => key !== 'contact' && !isSealedResidentData(value)));
}
