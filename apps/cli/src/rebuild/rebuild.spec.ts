import { join } from 'node:path';
import { SqliteEventStore } from '@switchboard/event-store';
import { openSqliteReadStore, ReadModels } from '@switchboard/read-models';
import { runCli } from '../../test/support/run-cli';
import { writeSampleTickets } from '../../test/support/sample-tickets';
import { useTempDir } from '../../test/support/temp-dir';

describe('rebuild', () => {
  const dir = useTempDir();

  beforeEach(async () => {
    const store = SqliteEventStore.open(join(dir(), 'events.db'));
    await writeSampleTickets(store);
    await store.close();
  });

  it('rebuilds the read models into a new generation and switches to it, each run', async () => {
    const env = { SWITCHBOARD_EVENT_STORE: 'sqlite:events.db' };
    const first = await runCli(['rebuild'], { cwd: dir(), env });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/rebuild: tickets rebuilt from 14 events in \d+\.\d s; generation 2 is active \(was 1\)\./);
    const second = await runCli(['rebuild', 'tickets'], { cwd: dir(), env });
    expect(second.stderr).toContain('generation 3 is active (was 2)');

    const eventStore = SqliteEventStore.open(join(dir(), 'events.db'));
    const readStore = await openSqliteReadStore(join(dir(), 'events.db'));
    const page = await new ReadModels({ eventStore, readStore }).searchTickets({ now: new Date('2026-02-01T00:00:00Z') });
    expect(page.tickets.map((ticket) => ticket.ticketId).sort()).toEqual(['AAA-0001', 'AAA-0002', 'AAA-0003', 'AAA-0004']);
    await readStore.close();
    await eventStore.close();
  });

  it('refuses an unknown projection as a usage error', async () => {
    const run = await runCli(['rebuild', 'queues', '--store', 'sqlite:events.db'], { cwd: dir() });
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown projection "queues"; projections: tickets') });
  });
});
