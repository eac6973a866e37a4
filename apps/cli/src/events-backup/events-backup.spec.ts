import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type EventStore, InMemoryEventStore, PostgresEventStore, type RecordedEvent, SqliteEventStore } from '@switchboard/event-store';
import { usePostgresSchemas } from '../../../../libs/event-store/src/testing/postgres-schemas';
import { runCli } from '../../test/support/run-cli';
import { writeSampleTickets } from '../../test/support/sample-tickets';
import { useTempDir } from '../../test/support/temp-dir';
import { scanAll } from '@switchboard/read-models';
import { restoreEvents } from './restore-events';

/** What must survive a backup and restore: everything but the store-assigned position and time. */
const essence = ({ streamName, revision, id, type, data, metadata }: RecordedEvent) => ({ streamName, revision, id, type, data, metadata });

async function allEvents(store: EventStore): Promise<ReturnType<typeof essence>[]> {
  const events = [];
  for await (const event of scanAll(store, undefined, 7)) events.push(essence(event));
  return events;
}

describe('export events → import events', () => {
  const dir = useTempDir();
  let source: string;
  let original: ReturnType<typeof essence>[];

  beforeEach(async () => {
    source = join(dir(), 'source.db');
    const store = SqliteEventStore.open(source);
    await writeSampleTickets(store);
    await store.append('other-stream', 'no_stream', [
      { id: '7f1d2c3e-0000-4000-8000-000000000001', type: 'Noted', data: { n: 1.5, s: 'é\n"' }, metadata: { nested: { a: [1, null] } } },
    ]);
    original = await allEvents(store);
    await store.close();
  });

  async function exportTo(file: string): Promise<void> {
    const run = await runCli(['export', 'events', '--store', `sqlite:${source}`], { cwd: dir() });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${original.length} events written`);
    writeFileSync(file, run.stdout);
  }

  it('restores every event, id, metadata, stream revision and order into a fresh SQLite store', async () => {
    const backup = join(dir(), 'backup.ndjson');
    await exportTo(backup);
    const run = await runCli(['import', 'events', 'backup.ndjson', '--store', 'sqlite:restored.db'], { cwd: dir() });
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toContain(`${original.length} written, 0 already present`);
    const restored = SqliteEventStore.open(join(dir(), 'restored.db'));
    expect(await allEvents(restored)).toEqual(original);
    await restored.close();
  });

  const newSchema = usePostgresSchemas();

  it('moves the log SQLite → PostgreSQL → SQLite losslessly: the same events, ids, revisions, order and JSON text', async () => {
    const tricky = SqliteEventStore.open(source);
    const more = { id: '7f1d2c3e-0000-4000-8000-000000000002', type: 'Noted', data: { z: 1, a: { y: [], b: '\u0000 \ud83d\ude00 \\' }, n: -0 } };
    await tricky.append('other-stream', 0, [more]);
    original = await allEvents(tricky);
    await tricky.close();
    const postgres = newSchema();
    /** The lines of an export without the source store's own position, time and hashes (which cover the time), as written. */
    const exported = async (store: string) => {
      const run = await runCli(['export', 'events', '--store', store], { cwd: dir() });
      expect(run.code).toBe(0);
      writeFileSync(join(dir(), 'moved.ndjson'), run.stdout);
      return run.stdout
        .trim()
        .split('\n')
        .map((line) => line.replace(/,"position":"\d+","recordedAt":"[^"]+"(,"hash":"[0-9a-f]{64}","streamHash":"[0-9a-f]{64}")?}$/, '}'));
    };
    const fromSqlite = await exported(`sqlite:${source}`);
    expect((await runCli(['import', 'events', 'moved.ndjson', '--store', postgres], { cwd: dir() })).code).toBe(0);
    const fromPostgres = await exported(postgres);
    expect(fromPostgres).toEqual(fromSqlite);
    expect((await runCli(['import', 'events', 'moved.ndjson', '--store', 'sqlite:back.db'], { cwd: dir() })).code).toBe(0);
    expect(await exported('sqlite:back.db')).toEqual(fromSqlite);

    const store = await PostgresEventStore.open(postgres, { maxConnections: 1 });
    expect(await allEvents(store)).toEqual(original);
    await store.close();
    const back = SqliteEventStore.open(join(dir(), 'back.db'));
    expect(await allEvents(back)).toEqual(original);
    await back.close();
  });

  it('restores into an in-memory store identically', async () => {
    const backup = join(dir(), 'backup.ndjson');
    await exportTo(backup);
    const memory = new InMemoryEventStore();
    await restoreEvents(memory, backup);
    expect(await allEvents(memory)).toEqual(original);
  });

  it('writes nothing twice when re-run after an interrupted import', async () => {
    const backup = join(dir(), 'backup.ndjson');
    await exportTo(backup);
    const lines = readFileSync(backup, 'utf8').split('\n');
    writeFileSync(join(dir(), 'partial.ndjson'), lines.slice(0, 9).join('\n'));
    const store = ['--store', 'sqlite:restored.db'];
    expect((await runCli(['import', 'events', 'partial.ndjson', ...store], { cwd: dir() })).code).toBe(0);
    const resumed = await runCli(['import', 'events', 'backup.ndjson', ...store], { cwd: dir() });
    expect(resumed.stderr).toContain(`${original.length - 9} written, 9 already present`);
    const again = await runCli(['import', 'events', 'backup.ndjson', ...store], { cwd: dir() });
    expect(again.stderr).toContain(`0 written, ${original.length} already present`);
    const restored = SqliteEventStore.open(join(dir(), 'restored.db'));
    expect(await allEvents(restored)).toEqual(original);
    await restored.close();
  });

  it('exports only what follows --from-position', async () => {
    const third = '00000000000000000003';
    const run = await runCli(['export', 'events', '--from-position', third, '--store', `sqlite:${source}`], { cwd: dir() });
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).id),
    ).toEqual(original.slice(3).map((event) => event.id));
  });

  it('refuses a file with bad lines, naming file and line, and writes nothing', async () => {
    const backup = join(dir(), 'backup.ndjson');
    await exportTo(backup);
    const lines = readFileSync(backup, 'utf8').trim().split('\n');
    lines[4] = '{"stream": "ticket-AAA-0001", "revision": "x"';
    const skipped = JSON.parse(lines[1]);
    lines[1] = JSON.stringify({ ...skipped, revision: skipped.revision + 5 });
    writeFileSync(join(dir(), 'bad.ndjson'), lines.join('\n'));
    const run = await runCli(['import', 'events', 'bad.ndjson', '--store', 'sqlite:restored.db'], { cwd: dir() });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('bad.ndjson:2: revision');
    expect(run.stderr).toContain('bad.ndjson:5: not JSON');
    expect(run.stderr).toContain('nothing was written');
    const restored = SqliteEventStore.open(join(dir(), 'restored.db'));
    expect(await allEvents(restored)).toEqual([]);
    await restored.close();
  });
});
