// `node -r @swc-node/register libs/outbound/bench/webhooks.bench.ts`: the outbound consumer delivering
// signed webhooks to a receiver on loopback, on the embedded default's stores (one SQLite file), against
// a baseline measured in the same run: the same requests POSTed straight to the same receiver with the
// same concurrency, no log, no delivery log. Prints (1) catching up on a backlog, deliveries per second
// and the ratio to the baseline's requests per second; (2) delivery lag (recordedAt → the receiver has
// the request) at a steady rate of appends, p50/p99, beside the baseline's POST latency.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@switchboard/event-store';
import { createReadStore, headPosition } from '@switchboard/read-models';
import { appendTicket, opened } from '../../read-models/src/testing/ticket-history';
import { OutboundConsumer } from '../src/consumer/outbound-consumer';
import { PublicTicketEvents } from '../src/consumer/public-ticket-events';
import { webhookHeaders } from '../src/webhooks/standard-webhooks';
import { WebhookDestination } from '../src/webhooks/webhook-destination';
import { WebhookSubscriptions } from '../src/webhooks/webhook-subscriptions';

const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 2000);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = 8;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** Answers 204 and notes when each webhook-id first arrived. */
async function receiver(): Promise<{ server: Server; url: string; arrivals: Map<string, number> }> {
  const arrivals = new Map<string, number>();
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const id = String(request.headers['webhook-id']);
      if (!arrivals.has(id)) arrivals.set(id, Date.now());
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, arrivals };
}

/** The baseline: `count` signed POSTs of a body like the consumer's, `CONCURRENCY` at a time; each one's latency. */
async function baselinePosts(url: string, count: number, body: string): Promise<{ seconds: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const id = `baseline:${next++}`;
        const at = Date.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: { ...webhookHeaders(['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'], id, new Date(), body), 'content-type': 'application/json' },
          body,
        });
        await response.arrayBuffer();
        latencies.push(Date.now() - at);
      }
    }),
  );
  return { seconds: (Date.now() - started) / 1000, latencies };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-webhooks-bench-'));
  const path = join(dir, 'switchboard.db');
  const events = SqliteEventStore.open(path);
  const readStore = await createReadStore(`sqlite:${path}`);
  const target = await receiver();
  const subscriptions = new WebhookSubscriptions(readStore);
  await subscriptions.create({ url: target.url }, 'bench', new Date());
  const destination = new WebhookDestination(subscriptions, new PublicTicketEvents(events));
  try {
    // (1) A backlog: every ticket opened before the consumer starts.
    for (let i = 0; i < BACKLOG; i++) await appendTicket(events, `B${i}`, [[new Date().toISOString(), opened(`B${i}`)]]);
    let plannedAt = 0;
    let planned = 0;
    const consumer = new OutboundConsumer({
      eventStore: events,
      readStore,
      destinations: [destination],
      startAt: 'beginning',
      concurrency: CONCURRENCY,
      observer: {
        planned: (batch) => {
          planned += batch.events;
          if (planned >= BACKLOG && !plannedAt) plannedAt = Date.now();
        },
      },
    });
    let started = Date.now();
    await consumer.start();
    await consumer.idle((await headPosition(events))!);
    const backlogSeconds = (Date.now() - started) / 1000;
    const sample = JSON.stringify({ type: 'TicketOpened', timestamp: new Date().toISOString(), data: { ticketId: 'B0', description: 'x'.repeat(400) } });
    const baseline = await baselinePosts(target.url, BACKLOG, sample);
    console.log(
      `backlog of ${BACKLOG} events: planned in ${((plannedAt - started) / 1000).toFixed(2)} s; ${(BACKLOG / backlogSeconds).toFixed(0)} deliveries/s (baseline: straight POSTs ${(BACKLOG / baseline.seconds).toFixed(0)}/s; ratio ${(baseline.seconds / backlogSeconds).toFixed(2)})`,
    );

    // (2) Steady load: RATE appends a second for SECONDS; lag from the event's recordedAt to its arrival.
    const recorded = new Map<string, number>();
    const total = RATE * SECONDS;
    started = Date.now();
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await appendTicket(events, `L${i}`, [[new Date().toISOString(), opened(`L${i}`)]]);
    }
    await consumer.idle((await headPosition(events))!);
    for await (const event of events.readAll({ after: undefined }))
      if (event.streamName.startsWith('ticket-L')) recorded.set(event.id, event.recordedAt.getTime());
    const lags: number[] = [];
    for (const [id, at] of target.arrivals) {
      const eventId = id.split(':')[1];
      const recordedAt = recorded.get(eventId);
      if (recordedAt !== undefined) lags.push(at - recordedAt);
    }
    const steady = await baselinePosts(target.url, total, sample);
    console.log(
      `${RATE} events/s for ${SECONDS} s (${lags.length} of ${total} delivered): lag p50 ${percentile(lags, 50)} ms, p99 ${percentile(lags, 99)} ms ` +
        `(baseline straight POST latency p50 ${percentile(steady.latencies, 50)} ms, p99 ${percentile(steady.latencies, 99)} ms)`,
    );
    await consumer.stop();
  } finally {
    target.server.closeAllConnections();
    target.server.close();
    await readStore.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
