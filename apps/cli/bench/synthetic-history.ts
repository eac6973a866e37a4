import type { EventStore } from '@switchboard/event-store';
import { type Actor, encodeTicketEvent, stampEvent, type TicketEvent, ticketStreamName } from '@switchboard/ticketing';

const BENCH_ACTOR: Actor = { id: 'bench', role: 'system' };

const SERVICES = [
  ['POTHOLE', 'DPW'],
  ['STREETLIGHT-OUT', 'ENGINEERING'],
  ['RODENT', 'HEALTH'],
  ['NOISE', 'ISD'],
  ['GENERAL-INQUIRY', '311'],
] as const;
const CHANNELS = ['phone', 'web', 'mobile_app', 'email'] as const;
const HOUR = 3_600_000;
/** Appends in flight at once, so the SQLite store's group commit shares fsyncs. */
const IN_FLIGHT = 256;

/** Five events of one synthetic ticket: opened, assigned, started, commented, completed (every 7th escalated instead of commented). */
function ticketEvents(n: number, start: number): [TicketEvent, number][] {
  const [serviceCode, department] = SERVICES[n % SERVICES.length];
  const opened = start + n * 60_000;
  return [
    [
      {
        type: 'TicketOpened',
        data: {
          ticketId: `B-${n}`,
          serviceCode,
          owningDepartment: department,
          description: 'Synthetic ticket for the CLI benchmark',
          channel: CHANNELS[n % CHANNELS.length],
          priority: 'normal',
        },
      },
      opened,
    ],
    [{ type: 'TicketAssigned', data: { department, dueAt: new Date(opened + 72 * HOUR).toISOString() } }, opened + 0.2 * HOUR],
    [{ type: 'WorkStarted', data: { assignee: `staff-${n % 50}` } }, opened + 2 * HOUR],
    n % 7 === 0
      ? [{ type: 'TicketEscalated', data: { tier: 1, reason: 'complex' } }, opened + 3 * HOUR]
      : [{ type: 'TicketCommented', data: { commentId: `c-${n}`, body: 'Crew scheduled', visibility: 'public' } }, opened + 3 * HOUR],
    [{ type: 'TicketCompleted', data: { resolutionCode: 'fixed', note: 'Done', department, firstContactResolution: false } }, opened + (10 + (n % 90)) * HOUR],
  ];
}

/** Appends `events` synthetic ticket events (five per ticket) from `start`; returns the number of tickets. */
export async function writeSyntheticHistory(store: EventStore, events: number, start: number): Promise<number> {
  const tickets = Math.ceil(events / 5);
  let inFlight: Promise<unknown>[] = [];
  for (let n = 0; n < tickets; n++) {
    const commandId = `bench:${n}`;
    const batch = ticketEvents(n, start).map(([event, at], i) =>
      encodeTicketEvent(stampEvent(event, i, { commandId, actor: BENCH_ACTOR, occurredAt: new Date(at).toISOString() })),
    );
    inFlight.push(store.append(ticketStreamName(`B-${n}`), 'no_stream', batch));
    if (inFlight.length >= IN_FLIGHT) {
      await Promise.all(inFlight);
      inFlight = [];
    }
  }
  await Promise.all(inFlight);
  return tickets;
}
