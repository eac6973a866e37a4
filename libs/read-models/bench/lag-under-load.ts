import { performance } from 'node:perf_hooks';
import type { SqliteEventStore } from '@switchboard/event-store';
import { ticketStreamName } from '@switchboard/ticketing';
import { ProjectionRunner, type ReadStore } from '../src';
import { demoCatalog } from '../src/testing/ticket-history';
import { history, toInputs } from './ticket-histories';

export interface LagFigures {
  readonly events: number;
  readonly eventsPerSecond: number;
  /** Append → committed in the read models, per append. */
  readonly lagMs: readonly number[];
}

/**
 * Appends new ticket histories at `eventsPerSecond` for `seconds` straight to the event store
 * (as the command pipeline would, without HTTP) while a projection runner follows, and times
 * each append until the runner has committed it.
 */
export async function lagUnderLoad(
  events: SqliteEventStore,
  readStore: ReadStore,
  firstTicket: number,
  eventsPerSecond: number,
  seconds: number,
): Promise<LagFigures> {
  const runner = new ProjectionRunner({ eventStore: events, readStore, catalog: demoCatalog() });
  await runner.start();
  const lagMs: number[] = [];
  const waits: Promise<void>[] = [];
  const tickMs = 20;
  const start = performance.now();
  let appended = 0;
  try {
    for (let i = firstTicket; performance.now() - start < seconds * 1000;) {
      const due = ((performance.now() - start) / 1000) * eventsPerSecond;
      while (appended < due) {
        const ticket = history(i);
        const appendedAt = performance.now();
        const { position } = await events.append(ticketStreamName(`T${i}`), 'no_stream', toInputs(i, ticket));
        appended += ticket.length;
        i++;
        waits.push(runner.waitForPosition(position, 30_000).then(() => void lagMs.push(performance.now() - appendedAt)));
      }
      await new Promise((resolve) => setTimeout(resolve, tickMs));
    }
    await Promise.all(waits);
  } finally {
    await runner.stop();
  }
  return { events: appended, eventsPerSecond: appended / ((performance.now() - start) / 1000), lagMs };
}
