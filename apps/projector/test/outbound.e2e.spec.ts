import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@switchboard/event-store';
import { WebhookSubscriptions } from '@switchboard/outbound';
import { createReadStore } from '@switchboard/read-models';
import { Webhook } from 'standardwebhooks';
import { appendTicket, opened } from '../../../libs/read-models/src/testing/ticket-history';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('the projector process delivers webhooks (the production shape: the outbound consumer beside the projection runner)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-projector-outbound-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes its outbound lease, delivers a signed webhook for an event appended after it started, reports it in /metrics, and stops cleanly', async () => {
    const eventStoreUrl = `sqlite:${join(dir, 'switchboard.db')}`;
    let arrived!: (request: { headers: IncomingHttpHeaders; body: string }) => void;
    const arrival = new Promise<{ headers: IncomingHttpHeaders; body: string }>((resolve) => (arrived = resolve));
    const receiver = createHttpServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        response.writeHead(200).end();
        arrived({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const readStore = await createReadStore(eventStoreUrl);
    const { secret } = await new WebhookSubscriptions(readStore).create(
      { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook` },
      'dee.director',
      new Date(),
    );
    await readStore.close();

    const port = await freePort();
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/projector/src/main.ts'], {
      cwd: join(__dirname, '../../..'),
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, SWITCHBOARD_EVENT_STORE: eventStoreUrl, SWITCHBOARD_PROJECTOR_HEALTH_PORT: String(port) },
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // The projector logs "projector ready" once both runners have started (the outbound consumer checkpointed at the log's head).
    const ready = new Promise<void>((resolve) => child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('projector ready') && resolve()));
    const events = SqliteEventStore.open(eventStoreUrl.slice('sqlite:'.length));
    try {
      await ready;
      await appendTicket(events, 'P1', [['2026-03-02T14:00:00.000Z', opened('P1')]]);
      const request = await arrival;
      const body = new Webhook(secret).verify(request.body, {
        'webhook-id': String(request.headers['webhook-id']),
        'webhook-timestamp': String(request.headers['webhook-timestamp']),
        'webhook-signature': String(request.headers['webhook-signature']),
      });
      expect(body).toMatchObject({ type: 'TicketOpened', data: { ticketId: 'P1', departments: ['DPW'] } });
      // The attempt is recorded after the receiver answered: the metrics show it delivered once they read it so.
      for (;;) {
        const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
        expect(metrics).toMatch(/^switchboard_outbound_lag_events \d+$/m);
        if (/^switchboard_outbound_deliveries\{destination="webhooks",status="delivered"\} 1$/m.test(metrics)) {
          expect(metrics).toMatch(/^switchboard_outbound_attempts_total\{destination="webhooks",outcome="delivered"\} 1$/m);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      child.kill('SIGTERM');
      await events.close();
      receiver.closeAllConnections();
      receiver.close();
    }
    expect(await exited).toBe(0);
  }, 60_000);
});
