import { existsSync } from 'node:fs';
import type { RecordedEvent } from '../port/event-store';
import { anEvent, collect, deferred } from '../testing/helpers';
import { useTempDir } from '../testing/temp-dir';
import { SqliteEventStore } from './sqlite-event-store';

describe('SQLite adapter: other writers and backups', () => {
  const path = useTempDir();

  it('delivers events appended through another connection (another process) by polling', async () => {
    const reader = SqliteEventStore.open(path('events.db'), { pollIntervalMs: 5 });
    const writer = SqliteEventStore.open(path('events.db'));
    const received: RecordedEvent[] = [];
    const caughtUp = deferred();
    const arrived = deferred();
    const subscription = reader.subscribeToAll({
      onEvent: (event) => {
        received.push(event);
        if (received.length === 3) arrived.resolve();
      },
      onCaughtUp: () => caughtUp.resolve(),
    });
    await caughtUp.promise;
    await writer.append('s', 'no_stream', [anEvent('A'), anEvent('B')]);
    await writer.append('s', 1, [anEvent('C')]);
    await arrived.promise;
    expect(received.map((e) => [e.type, e.revision])).toEqual([
      ['A', 0],
      ['B', 1],
      ['C', 2],
    ]);
    await subscription.close();
    await Promise.all([reader.close(), writer.close()]);
  });

  it('backs up a consistent copy while appends continue', async () => {
    const store = SqliteEventStore.open(path('events.db'));
    for (let i = 0; i < 50; i++) await store.append(`s-${i}`, 'no_stream', [anEvent('A', { i })]);
    const during = Promise.all(Array.from({ length: 20 }, (_, i) => store.append(`t-${i}`, 'no_stream', [anEvent('B')])));
    await store.backup(path('backup.db'));
    await during;
    await store.close();
    expect(existsSync(path('backup.db'))).toBe(true);
    const copy = SqliteEventStore.open(path('backup.db'));
    const events = await collect(copy.readAll());
    expect(events.length).toBeGreaterThanOrEqual(50);
    expect(events.map((e) => Number(e.globalPosition))).toEqual(events.map((_, i) => i + 1));
    await copy.close();
  });
});
