import { InMemoryEventStore } from '@switchboard/event-store';
import { sql } from 'kysely';
import { ReadModels } from '../read-models';
import { ProjectionRunner } from './projection-runner';
import { rebuildReadModels } from './rebuild';
import { appendTicket, demoCatalog, opened } from '../testing/ticket-history';
import { dumpReadModels, freshProjectionDump, headPosition } from '../testing/project';
import { READ_STORE_KINDS, useReadStore } from '../testing/test-read-store';

const catalog = demoCatalog();
const now = new Date('2026-03-10T12:00:00Z');

describe.each(READ_STORE_KINDS)('blue-green rebuild (%s)', (kind) => {
  let runner: ProjectionRunner | undefined;
  afterEach(async () => runner?.stop());
  const { store, newUrl } = useReadStore(kind);

  it('rebuilds into a new generation while the old one serves, switches, and the projector follows', async () => {
    const events = new InMemoryEventStore();
    const route = { type: 'TicketAssigned', data: { department: 'DPW' } } as const;
    await appendTicket(events, 'B1', [
      ['2026-03-02T14:00:00.000Z', opened('B1')],
      ['2026-03-02T14:01:00.000Z', route],
    ]);
    runner = new ProjectionRunner({ eventStore: events, readStore: store(), catalog });
    await runner.start();
    await runner.waitForPosition((await headPosition(events))!, 5_000);
    const readModels = new ReadModels({ readStore: store(), eventStore: events, runner });

    let servedDuringRebuild = 0;
    const result = await rebuildReadModels({
      eventStore: events,
      readStore: store(),
      catalog,
      batchSize: 1,
      onProgress: async () => {
        servedDuringRebuild += (await readModels.departmentQueue('DPW', { now })).length;
      },
    });
    expect(result).toEqual({ generation: 2, previous: 1, events: 2 });
    expect(servedDuringRebuild).toBeGreaterThan(0);
    const leftovers = await (
      kind === 'sqlite'
        ? sql<{ n: number }>`select count(*) as n from sqlite_master where name like 'rm_%_g1%'`
        : sql<{ n: number }>`select count(*) as n from pg_tables where schemaname = current_schema() and tablename like 'rm_%_g1%'`
    ).execute(store().db);
    expect(Number(leftovers.rows[0].n)).toBe(0);

    await appendTicket(events, 'B2', [
      ['2026-03-02T15:00:00.000Z', opened('B2')],
      ['2026-03-02T15:01:00.000Z', route],
    ]);
    await readModels.waitForPosition((await headPosition(events))!, 5_000);
    expect((await readModels.departmentQueue('DPW', { now })).map((t) => t.ticketId)).toEqual(['B1', 'B2']);

    expect(await dumpReadModels(store())).toEqual(await freshProjectionDump(events, newUrl(), catalog));
  });
});
