import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@switchboard/event-store';
import { createReadStore, headPosition } from '@switchboard/read-models';
import { appendTicket, opened } from '../../../read-models/src/testing/ticket-history';
import { READ_STORE_KINDS, useReadStoreLocation } from '../../../read-models/src/testing/test-read-store';
import { HttpTestDestination } from '../testing/http-test-destination';
import { OutboundConsumer } from './outbound-consumer';
import { outboundDb } from './outbound-db';

const CHILD = join(__dirname, '../testing/consumer-child.ts');
const TICKETS = 60;
/** The receiver kills the consumer when this request arrives, before answering it: the consumer dies mid-delivery. */
const KILL_AT = 40;

/** A receiver on loopback that keeps every delivery id it is sent (duplicates included) and answers 204. */
class Receiver {
  readonly received: string[] = [];
  private server: Server | undefined;
  onRequest: (deliveryId: string, request: IncomingMessage, response: ServerResponse) => boolean = () => true;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        const id = String(request.headers['delivery-id']);
        this.received.push(id);
        if (this.onRequest(id, request, response)) response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/deliveries`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

describe.each(READ_STORE_KINDS)('an outbound consumer killed mid-delivery (%s)', (kind) => {
  const location = useReadStoreLocation(kind);
  let dir = '';
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'switchboard-outbound-crash-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('restarts and delivers every planned delivery once in effect: a receiver sees duplicates only under the same delivery id', async () => {
    const eventStorePath = join(dir, 'events.db');
    const events = SqliteEventStore.open(eventStorePath);
    for (let i = 0; i < TICKETS; i++) {
      const id = `X${String(i).padStart(3, '0')}`;
      await appendTicket(events, id, [
        ['2026-03-02T14:00:00.000Z', opened(id)],
        ['2026-03-02T14:01:00.000Z', { type: 'TicketCommented', data: { commentId: 'c1', body: 'noted', visibility: 'public' } }],
      ]);
    }
    const url = location();
    await createReadStore(url).then((store) => store.close());
    const receiver = new Receiver();
    const receiverUrl = await receiver.start();

    // The consumer process delivers until the receiver kills it on the KILL_AT-th request, left unanswered.
    const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', CHILD, eventStorePath, url, receiverUrl], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    receiver.onRequest = () => {
      if (receiver.received.length < KILL_AT) return true;
      child.kill('SIGKILL');
      return false;
    };
    expect(await exited).toBe('SIGKILL');
    const beforeRestart = receiver.received.length;
    expect(beforeRestart).toBeGreaterThanOrEqual(KILL_AT);
    receiver.onRequest = () => true;

    const readStore = await createReadStore(url);
    try {
      // Restarted in this process: the dead child's lease is taken at once (same host, its process gone).
      const restarted = new OutboundConsumer({ eventStore: events, readStore, destinations: [new HttpTestDestination(receiverUrl)], startAt: 'beginning' });
      await restarted.start();
      expect(restarted.status).toBe('active');
      await restarted.idle((await headPosition(events))!);
      await restarted.stop();

      const rows = await outboundDb(readStore.db).selectFrom('ob_deliveries').select(['delivery_id', 'status', 'attempts']).execute();
      expect(rows).toHaveLength(TICKETS * 2);
      expect(rows.filter((row) => row.status !== 'delivered')).toEqual([]);
      const planned = rows.map((row) => row.delivery_id).sort();
      // Every planned delivery arrived; what arrived twice arrived under the same id, which the receiver drops.
      expect([...new Set(receiver.received)].sort()).toEqual(planned);
      expect(receiver.received.length).toBeGreaterThan(planned.length);
      const interrupted = await outboundDb(readStore.db)
        .selectFrom('ob_delivery_attempts')
        .select('delivery_id')
        .where('outcome', '=', 'interrupted')
        .execute();
      expect(interrupted.length).toBeGreaterThanOrEqual(1);
      // The request left unanswered when the consumer died was sent again, under its id.
      const unanswered = receiver.received[KILL_AT - 1];
      expect(receiver.received.filter((id) => id === unanswered).length).toBeGreaterThanOrEqual(2);
      expect(interrupted.map((row) => row.delivery_id)).toContain(unanswered);
    } finally {
      await Promise.all([readStore.close(), events.close(), receiver.stop()]);
    }
  }, 60_000);
});
