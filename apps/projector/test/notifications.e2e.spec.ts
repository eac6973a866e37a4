import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTicket, openResidentKeyStore, TicketCommandHandler } from '@switchboard/command-handling';
import { type RecordedEvent, SqliteEventStore } from '@switchboard/event-store';
import { parseCatalog } from '@switchboard/ticketing';
import { SmtpTestServer } from '../../../libs/outbound/src/notifications/testing/smtp-test-server';

const root = join(__dirname, '../../..');
const catalogPath = join(root, 'libs/ticketing/config/demo-catalog.json');

describe('the projector process sends notifications (the production shape: API instances with SWITCHBOARD_PROJECTOR=off)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-projector-notifications-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('e-mails a resident through the configured SMTP server, its link on SWITCHBOARD_PUBLIC_URL, and records it on the ticket', async () => {
    const smtp = await SmtpTestServer.start();
    const eventStoreUrl = `sqlite:${join(dir, 'switchboard.db')}`;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/projector/src/main.ts'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        SWITCHBOARD_EVENT_STORE: eventStoreUrl,
        SWITCHBOARD_SMTP_URL: smtp.url,
        SWITCHBOARD_SMTP_FROM: 'Harrowfield 311 <311@harrowfield.example.gov>',
        SWITCHBOARD_PUBLIC_URL: 'https://311.harrowfield.example.gov',
      },
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const ready = new Promise<void>((resolve) => child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('projector ready') && resolve()));
    const events = SqliteEventStore.open(eventStoreUrl.slice('sqlite:'.length));
    const keys = openResidentKeyStore(eventStoreUrl);
    try {
      await ready;
      // An API instance's command: the contact sealed under the ticket's key in the shared key store.
      const catalog = parseCatalog(readFileSync(catalogPath, 'utf8'), catalogPath);
      const handler = new TicketCommandHandler(events, catalog, () => new Date(), keys);
      await handler.execute(
        {
          type: 'OpenTicket',
          ticketId: 'PRJ-0001',
          serviceCode: 'TREE-PRUNING',
          description: 'Branches over the sidewalk',
          channel: 'phone',
          contact: { email: 'lee@example.org', updates: 'email' },
        },
        { actor: { id: 'ada.operator', role: 'operator' }, commandId: 'projector-notifications-1' },
      );
      const [mail] = await smtp.untilReceived(1);
      expect(mail.envelopeTo).toEqual(['lee@example.org']);
      expect(mail.subject).toBe('Harrowfield 311: Your request PRJ-0001 — received');
      expect(mail.headers['list-unsubscribe']).toMatch(/^<https:\/\/311\.harrowfield\.example\.gov\/notifications\/unsubscribe\?token=/);
      // The settled hook appends ResidentNotified after the server accepted the message: awaited on the log.
      const notified = await new Promise<RecordedEvent>((resolve) => {
        const subscription = events.subscribeToAll({
          filter: { eventTypes: ['ResidentNotified'] },
          onEvent: (event) => {
            resolve(event);
            void subscription.close();
          },
        });
      });
      expect(notified.streamName).toBe('ticket-PRJ-0001');
      expect((await loadTicket(events, 'PRJ-0001')).records.at(-1)?.event?.data).toMatchObject({ notice: 'received', channel: 'email', outcome: 'sent' });
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      await keys.close();
      await events.close();
      await smtp.stop();
    }
  });
});
