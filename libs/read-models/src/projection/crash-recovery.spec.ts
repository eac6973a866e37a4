import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@switchboard/event-store';
import type { TicketEvent } from '@switchboard/ticketing';
import { createReadStore } from '../store/create-read-store';
import { ProjectionRunner } from './projection-runner';
import { rebuildReadModels } from './rebuild';
import { appendTicket, demoCatalog, opened } from '../testing/ticket-history';
import { dumpReadModels, headPosition } from '../testing/project';
import { READ_STORE_KINDS, useReadStoreLocation } from '../testing/test-read-store';

const catalog = demoCatalog();
const CHILD = join(__dirname, '../testing/runner-child.ts');

/** Starts a projector child process and SIGKILLs it after it has committed `batches` batches. */
async function killMidRun(eventStorePath: string, readStoreUrl: string, batches: number): Promise<void> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', CHILD, eventStorePath, readStoreUrl, 'projector-1'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let seen = 0;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    seen += chunk.split('\n').filter((line) => line.startsWith('batch')).length;
    if (seen >= batches) child.kill('SIGKILL');
  });
  expect(await exited).toBe('SIGKILL');
}

describe.each(READ_STORE_KINDS)('a projector killed mid-run (%s)', (kind) => {
  const location = useReadStoreLocation(kind);
  let dir = '';
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'switchboard-crash-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('restarts into read models identical to a fresh rebuild', async () => {
    const eventStorePath = join(dir, 'events.db');
    const events = SqliteEventStore.open(eventStorePath);
    const histories = Array.from({ length: 120 }, (_, i) => {
      const id = `K${String(i).padStart(3, '0')}`;
      const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 14, minute + (i % 40))).toISOString();
      const steps: [string, TicketEvent][] = [
        [at(0), opened(id, { priority: i % 3 ? 'normal' : 'high' })],
        [at(1), { type: 'TicketAssigned', data: { department: i % 2 ? 'DPW' : 'CLERK', dueAt: '2026-03-04T14:00:00.000Z', slaBusinessMs: 28_800_000 } }],
        [at(2), { type: 'WorkStarted', data: { assignee: `staff-${i % 5}` } }],
        [at(3), { type: 'TicketPutOnHold', data: { reason: 'parts', remainingBusinessMs: 3_600_000 } }],
        [at(4), { type: 'TicketResumed', data: { dueAt: '2026-03-05T14:00:00.000Z' } }],
      ];
      if (i % 4 === 0) steps.push([at(5), { type: 'TicketCompleted', data: { resolutionCode: 'fixed', note: 'done', firstContactResolution: false } }]);
      return [id, steps] as const;
    });
    await Promise.all(histories.map(([id, steps]) => appendTicket(events, id, steps)));

    const url = location();
    await createReadStore(url).then((store) => store.close());
    await killMidRun(eventStorePath, url, 6);

    const readStore = await createReadStore(url);
    const freshStore = await createReadStore(location());
    try {
      const restarted = new ProjectionRunner({ eventStore: events, readStore, catalog, holderId: 'projector-1' });
      await restarted.start();
      expect(restarted.status).toBe('active');
      await restarted.waitForPosition((await headPosition(events))!, 20_000);
      await restarted.stop();
      await rebuildReadModels({ eventStore: events, readStore: freshStore, catalog });
      expect(await dumpReadModels(readStore)).toEqual(await dumpReadModels(freshStore));
    } finally {
      await Promise.all([readStore.close(), freshStore.close(), events.close()]);
    }
  }, 60_000);
});
