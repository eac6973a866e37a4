// npm run bench:notifications — delivery lag of residents' e-mail notifications: from the command
// (an open with e-mail updates) to a real SMTP server on loopback accepting the message, at a steady
// rate (100 notifications/s by default), through the whole path the embedded default runs: the
// command pipeline on a SQLite log with sealed contacts, the outbound consumer (plan in the same
// transaction as its checkpoint, deliver, settle: ResidentNotified appended), nodemailer's pool.
// The baseline, measured in the same run against the same server, is nodemailer alone sending the
// same messages at the same rate. Read stores: SQLite, then PostgreSQL.
//   BENCH_RATE=100 BENCH_SECONDS=10 BENCH_CONCURRENCY=8 BENCH_SMTP_CONNECTIONS=5 npm run bench:notifications
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteResidentKeyStore, TicketCommandHandler } from '@switchboard/command-handling';
import { SqliteEventStore } from '@switchboard/event-store';
import { createReadStore, headPosition } from '@switchboard/read-models';
import type { Actor } from '@switchboard/ticketing';
import { residentMessageBench } from './bench-message';
import { onBothReadStores, percentile, ratioToBaseline } from '../../read-models/bench/read-store-bench';
import { testCatalog } from '../../ticketing/src/testing/test-catalog';
import { OutboundConsumer } from '../src/consumer/outbound-consumer';
import { ResidentNotificationDestination } from '../src/notifications/resident-notification-destination';
import { SmtpTestServer } from '../src/notifications/testing/smtp-test-server';
import { SmtpEmailTransport } from '../src/notifications/transports/smtp-email-transport';

const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const COUNT = RATE * SECONDS;
/** The consumer's deliveries at once (SWITCHBOARD_OUTBOUND_CONCURRENCY; its default is 8) and the SMTP pool's connections, for both paths. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const CONNECTIONS = Number(process.env.BENCH_SMTP_CONNECTIONS ?? 5);
const operator: Actor = { id: 'bench-operator', role: 'operator' };
const FROM = 'Bench City 311 <311@bench.example.gov>';

/** Starts `send(i)` for i = 0 … count-1 at `rate` per second (each at its own due time, not one after another); resolves when all have. */
async function paced(count: number, rate: number, send: (i: number, dueAt: number) => Promise<unknown>): Promise<void> {
  const start = performance.now();
  const running: Promise<unknown>[] = [];
  for (let i = 0; i < count;) {
    const due = start + (i * 1000) / rate;
    const now = performance.now();
    if (now < due) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(due - now, 5)));
      continue;
    }
    running.push(send(i, now));
    i++;
  }
  await Promise.all(running);
}

const figures = (label: string, lagMs: readonly number[]) =>
  `${label.padEnd(34)} ${lagMs.length} messages  p50 ${percentile(lagMs, 0.5).toFixed(1)} ms  p99 ${percentile(lagMs, 0.99).toFixed(1)} ms  max ${Math.max(...lagMs).toFixed(1)} ms`;

/** Lag of each message to `to(i)`, from its start to the server's acceptance. */
function lagsOf(smtp: SmtpTestServer, started: Map<string, number>): number[] {
  return smtp.received.map((mail) => mail.acceptedAt - started.get(mail.envelopeTo[0])!);
}

async function baseline(smtp: SmtpTestServer): Promise<number[]> {
  smtp.received.length = 0;
  const transport = new SmtpEmailTransport({ url: smtp.url, from: FROM, maxConnections: CONNECTIONS });
  const started = new Map<string, number>();
  await paced(COUNT, RATE, async (i, at) => {
    const to = `b${i}@example.org`;
    started.set(to, at);
    const message = residentMessageBench(`BASE-${i}`, i);
    const result = await transport.send({ to, ...message, messageId: `<base-${i}@bench.example.gov>` });
    if (!result.accepted) throw new Error(result.error);
  });
  await smtp.untilReceived(COUNT);
  await transport.close();
  return lagsOf(smtp, started);
}

async function ours(smtp: SmtpTestServer, readStoreUrl: string, dir: string): Promise<number[]> {
  smtp.received.length = 0;
  const events = SqliteEventStore.open(join(dir, `log-${Date.now()}.db`));
  const keys = new SqliteResidentKeyStore(join(dir, `keys-${Date.now()}.db`));
  const readStore = await createReadStore(readStoreUrl);
  const email = new SmtpEmailTransport({ url: smtp.url, from: FROM, maxConnections: CONNECTIONS });
  const destination = new ResidentNotificationDestination(events, keys, testCatalog, {
    email,
    smsCountryCode: '1',
    cityName: 'Bench City 311',
    publicUrl: 'https://311.bench.example.gov',
    unsubscribeSecret: new Uint8Array(32).fill(1),
    messageIdDomain: 'bench.example.gov',
  });
  const consumer = new OutboundConsumer({ eventStore: events, readStore, destinations: [destination], startAt: 'beginning', concurrency: CONCURRENCY });
  const handler = new TicketCommandHandler(events, testCatalog, () => new Date(), keys);
  await consumer.start();
  const started = new Map<string, number>();
  try {
    await paced(COUNT, RATE, async (i, at) => {
      const to = `r${i}@example.org`;
      started.set(to, at);
      await handler.execute(
        {
          type: 'OpenTicket',
          ticketId: `N${i}`,
          serviceCode: 'POTHOLE',
          description: 'Deep pothole',
          channel: 'phone',
          contact: { name: `Resident ${i}`, email: to, language: i % 2 ? 'es' : 'en', updates: 'email' },
        },
        { actor: operator, commandId: `bench-${i}` },
      );
    });
    await smtp.untilReceived(COUNT);
    await consumer.idle((await headPosition(events))!);
  } finally {
    await consumer.stop();
    await email.close();
    await readStore.close();
    await keys.close();
    await events.close();
  }
  return lagsOf(smtp, started);
}

async function main(): Promise<void> {
  const smtp = await SmtpTestServer.start();
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-notifications-bench-'));
  console.log(
    `Delivery lag, command → SMTP server accepted, ${RATE} notifications/s for ${SECONDS} s (${COUNT} each), SMTP server on loopback (smtp-server); consumer concurrency ${CONCURRENCY}, ${CONNECTIONS} SMTP connections`,
  );
  try {
    const base = await baseline(smtp);
    console.log(figures('baseline: nodemailer alone', base));
    await onBothReadStores('notifications', async (label, url) => {
      const lag = await ours(smtp, url, dir);
      console.log(figures(`ours (${label} read store)`, lag));
      console.log(`  ${ratioToBaseline(lag, base)}`);
    });
  } finally {
    await smtp.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
