import type { EventInput, EventStore } from '@switchboard/event-store';
import { type Actor, encodeTicketEvent, stampEvent, ticketStreamName, type TicketEvent } from '@switchboard/ticketing';

/**
 * Ticket histories of a city over several years, for the reports bench: the shapes of the
 * projection bench's histories (opened, assigned, started, every 3rd held and resumed, comments,
 * every 7th escalated), but spread evenly over years at a fixed rate, so a larger log is a longer
 * history rather than a denser one (a 30-day dashboard then sees about the same tickets at 1M and
 * 10M events), and closed the way a city closes them: escalated tickets are completed weeks later,
 * every 40th is closed as a duplicate, every 50th completed one is reopened and completed again.
 * Whatever would happen after the history's end has not happened: those tickets are still open.
 */

const OPERATOR: Actor = { id: 'op', role: 'operator' };
const STAFF: Actor = { id: 'staff', role: 'staff', department: 'DPW' };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The moment the history ends (the bench's "now", in the past so the CLI takes it as an as-of moment: 30 November 2026, noon in New York). */
export const HISTORY_END = Date.parse('2026-11-30T17:00:00Z');
/** Events a year: a mid-sized city (Boston writes about four times as many). 1M events are two years. */
export const EVENTS_PER_YEAR = Number(process.env.BENCH_EVENTS_PER_YEAR ?? 500_000);
/** Average events per ticket of these histories (measured over the first 100,000 tickets). */
const EVENTS_PER_TICKET = 5.55;

const SERVICES = [
  ['POTHOLE', 'DPW'],
  ['TRASH-MISSED', 'DPW'],
  ['STREETLIGHT-OUT', 'ENGINEERING'],
  ['ABANDONED-VEHICLE', 'PARKING'],
  ['DOG-LICENSE', 'CLERK'],
  ['TAX-BILL-QUESTION', 'TREASURER'],
] as const;
const CHANNELS = ['phone', 'web', 'mobile_app', 'email'] as const;

/** The span of a history of `events` events, ending at HISTORY_END. */
export function historySpan(events: number): { start: number; end: number; tickets: number } {
  const years = events / EVENTS_PER_YEAR;
  return { start: HISTORY_END - Math.round(years * 365.25 * DAY), end: HISTORY_END, tickets: Math.ceil(events / EVENTS_PER_TICKET) };
}

/** A small deterministic spread (0 ≤ x < 1) per ticket and salt, so durations vary without a random generator's state. */
const spread = (i: number, salt: number): number => (((i + 1) * 2654435761 + salt * 40503) % 1_000_003) / 1_000_003;

/** One ticket's events with the instants they happened, up to `end` (later ones have not happened yet). */
export function cityTicket(i: number, opened: number, end: number): [TicketEvent, number][] {
  const id = `C${i}`;
  const [serviceCode, department] = SERVICES[i % SERVICES.length];
  const due = opened + 3 * DAY;
  const events: [TicketEvent, number][] = [
    [
      {
        type: 'TicketOpened',
        data: {
          ticketId: id,
          serviceCode,
          owningDepartment: department,
          description: `Report number ${i}`,
          channel: CHANNELS[i % CHANNELS.length],
          priority: (['low', 'normal', 'high', 'urgent'] as const)[i % 4],
          location: { address: `${i % 9000} Main St` },
        },
      },
      opened,
    ],
    [{ type: 'TicketAssigned', data: { department, dueAt: new Date(due).toISOString(), slaBusinessMs: 57_600_000 } }, opened + (0.1 + spread(i, 1)) * HOUR],
    [{ type: 'WorkStarted', data: { assignee: `staff-${i % 40}` } }, opened + (2 + 6 * spread(i, 2)) * HOUR],
  ];
  let at = events[2][1];
  if (i % 3 === 0) {
    events.push([{ type: 'TicketPutOnHold', data: { reason: 'parts', remainingBusinessMs: 3_600_000 } }, (at += 4 * HOUR)]);
    events.push([{ type: 'TicketResumed', data: { dueAt: new Date(due + DAY).toISOString() } }, (at += (6 + 30 * spread(i, 3)) * HOUR)]);
  }
  if (i % 5 === 0) events.push([{ type: 'TicketCommented', data: { commentId: `c${i}`, body: 'update', visibility: 'internal' } }, (at += HOUR)]);
  if (i % 2 === 0) events.push([{ type: 'TicketCommented', data: { commentId: `d${i}`, body: 'note', visibility: 'public' } }, (at += HOUR)]);
  if (i % 7 === 0) {
    events.push([{ type: 'TicketEscalated', data: { tier: 1, reason: 'complex' } }, (at += 3 * HOUR)]);
    at += (5 + 35 * spread(i, 4)) * DAY;
  } else at += (4 + 90 * spread(i, 5)) * HOUR;
  if (i % 40 === 1) events.push([{ type: 'TicketClosed', data: { reason: 'duplicate', parentTicketId: `C${i - 1}` } }, at]);
  else {
    events.push([{ type: 'TicketCompleted', data: { resolutionCode: 'fixed', note: 'done', firstContactResolution: false } }, at]);
    if (i % 50 === 2) {
      events.push([{ type: 'TicketReopened', data: { reason: 'came back', department, dueAt: new Date(at + 5 * DAY).toISOString() } }, (at += 2 * DAY)]);
      events.push([{ type: 'TicketCompleted', data: { resolutionCode: 'fixed', note: 'done again', firstContactResolution: false } }, at + DAY]);
    }
  }
  return events.filter(([, when]) => when <= end);
}

function inputsOf(i: number, events: [TicketEvent, number][]): EventInput[] {
  return events.map(([event, at], n) =>
    encodeTicketEvent(
      stampEvent(event, 0, {
        commandId: `c${i}-${n}`,
        correlationId: `c${i}`,
        causationId: `c${i}`,
        actor: n === 0 ? OPERATOR : STAFF,
        occurredAt: new Date(at).toISOString(),
      }),
    ),
  );
}

/**
 * Appends a city's ticket histories until `count` events are written, each ticket's events in one
 * append and `concurrency` appends at once, so the store's group commit writes them in large
 * transactions. Tickets open in order over the span, `onProgress` after each group. Returns the
 * events and tickets written.
 */
export async function writeCityHistory(
  store: EventStore,
  count: number,
  onProgress?: (written: number) => void,
  concurrency = 4_000,
): Promise<{ events: number; tickets: number }> {
  const { start, end, tickets } = historySpan(count);
  const gap = (end - start) / tickets;
  let written = 0;
  let i = 0;
  while (written < count) {
    const appends: Promise<unknown>[] = [];
    for (let k = 0; k < concurrency && written < count; k++, i++) {
      // The last few tickets (the end cuts histories short) open at the end itself.
      const events = cityTicket(i, Math.min(end, Math.round(start + i * gap + gap * spread(i, 6))), end);
      written += events.length;
      appends.push(store.append(ticketStreamName(`C${i}`), 'no_stream', inputsOf(i, events)));
    }
    await Promise.all(appends);
    onProgress?.(written);
  }
  return { events: written, tickets: i };
}
