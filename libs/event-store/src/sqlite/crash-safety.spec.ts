import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { crashEventId } from '../../test/crash-event-id';
import { anEvent, collect } from '../testing/helpers';
import { useTempDir } from '../testing/temp-dir';
import { SqliteEventStore } from './sqlite-event-store';

const APPENDERS = 8;
const KILL_AFTER_ACKS = 400;

/** Runs the appender child until it has acknowledged enough appends, then SIGKILLs it mid-run. */
async function appendUntilKilled(file: string): Promise<Map<number, { revision: number; position: string }[]>> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, '../../test/crash-appender.ts'), file, String(APPENDERS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acks = new Map<number, { revision: number; position: string }[]>();
  let count = 0;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for await (const line of createInterface({ input: child.stdout })) {
    const [, stream, revision, position] = line.split(' ');
    acks.set(Number(stream), [...(acks.get(Number(stream)) ?? []), { revision: Number(revision), position }]);
    if (++count === KILL_AFTER_ACKS) child.kill('SIGKILL');
  }
  expect(await exited).toBeNull();
  expect(child.signalCode).toBe('SIGKILL');
  return acks;
}

describe('SQLite adapter: crash safety', () => {
  const path = useTempDir();

  it('after SIGKILL holds every acknowledged append, complete and in order, with no gaps, and accepts more', async () => {
    const file = path('crash.db');
    const acks = await appendUntilKilled(file);
    const store = SqliteEventStore.open(file);

    let total = 0;
    for (let stream = 0; stream < APPENDERS; stream++) {
      const acked = acks.get(stream) ?? [];
      const events = await collect(store.readStream(`crash-${stream}`));
      // Each appender has at most one append in flight, which may have committed without being reported.
      expect(events.length - acked.length).toBeGreaterThanOrEqual(0);
      expect(events.length - acked.length).toBeLessThanOrEqual(1);
      events.forEach((event, revision) => {
        expect(event).toMatchObject({ id: crashEventId(stream, revision), revision, data: { stream, revision } });
      });
      acked.forEach((ack, i) => expect([ack.revision, ack.position]).toEqual([i, events[i].globalPosition]));
      total += events.length;
    }
    expect(total).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

    const all = await collect(store.readAll());
    expect(all.map((e) => Number(e.globalPosition))).toEqual(Array.from({ length: total }, (_, i) => i + 1));

    const next = (await collect(store.readStream('crash-0'))).length;
    await expect(store.append('crash-0', next - 1, [anEvent('AfterCrash')])).resolves.toMatchObject({ nextExpectedRevision: next });
    await store.close();
  }, 30_000);
});
