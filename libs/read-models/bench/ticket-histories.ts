import type { EventInput, SqliteEventStore } from '@switchboard/event-store';
import { type Actor, encodeTicketEvent, stampEvent, ticketStreamName, type TicketEvent } from '@switchboard/ticketing';

const OPERATOR: Actor = { id: 'op', role: 'operator' };

export const DEPARTMENTS = ['DPW', 'CLERK', 'ISD', 'HEALTH', 'PARKS'];
const YEAR_START = Date.parse('2026-01-01T05:00:00Z');

/** One ticket's history (about 6.7 events on average), spread over 2026. */
export function history(i: number): TicketEvent[] {
  const id = `T${i}`;
  const department = DEPARTMENTS[i % DEPARTMENTS.length];
  const events: TicketEvent[] = [
    {
      type: 'TicketOpened',
      data: {
        ticketId: id,
        serviceCode: 'POTHOLE',
        owningDepartment: 'DPW',
        description: `Pothole number ${i}`,
        channel: i % 3 ? 'phone' : 'web',
        priority: (['low', 'normal', 'high', 'urgent'] as const)[i % 4],
        location: { address: `${i} Main St` },
      },
    },
    {
      type: 'TicketAssigned',
      data: { department, dueAt: new Date(YEAR_START + (i % 360) * 86_400_000 + 2 * 86_400_000).toISOString(), slaBusinessMs: 57_600_000 },
    },
    { type: 'WorkStarted', data: { assignee: `staff-${i % 40}` } },
  ];
  if (i % 3 === 0)
    events.push(
      { type: 'TicketPutOnHold', data: { reason: 'parts', remainingBusinessMs: 3_600_000 } },
      { type: 'TicketResumed', data: { dueAt: new Date(YEAR_START + (i % 360) * 86_400_000 + 3 * 86_400_000).toISOString() } },
    );
  if (i % 5 === 0) events.push({ type: 'TicketCommented', data: { commentId: `c${i}`, body: 'update', visibility: 'internal' } });
  if (i % 7 !== 0) events.push({ type: 'TicketCompleted', data: { resolutionCode: 'fixed', note: 'done', firstContactResolution: false } });
  else events.push({ type: 'TicketEscalated', data: { tier: 1, reason: 'complex' } });
  if (i % 2 === 0) events.push({ type: 'TicketCommented', data: { commentId: `d${i}`, body: 'note', visibility: 'public' } });
  return events;
}

export function toInputs(i: number, events: TicketEvent[]): EventInput[] {
  const opened = YEAR_START + (i % 360) * 86_400_000 + (i % 600) * 60_000;
  return events.map((event, n) =>
    encodeTicketEvent(
      stampEvent(event, 0, {
        commandId: `c${i}-${n}`,
        correlationId: `c${i}`,
        causationId: `c${i}`,
        actor: OPERATOR,
        occurredAt: new Date(opened + n * 3_600_000).toISOString(),
      }),
    ),
  );
}

/** Appends ticket histories until `count` events are written, 2,000 concurrent appends at a time. */
export async function generate(store: SqliteEventStore, count: number): Promise<number> {
  let written = 0;
  for (let i = 0; written < count;) {
    const appends: Promise<unknown>[] = [];
    for (let k = 0; k < 2_000 && written < count; k++, i++) {
      const events = history(i);
      written += events.length;
      appends.push(store.append(ticketStreamName(`T${i}`), 'no_stream', toInputs(i, events)));
    }
    await Promise.all(appends);
  }
  return written;
}
