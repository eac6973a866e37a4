import { InMemoryEventStore } from '@switchboard/event-store';
import { TemporalModelPendingError } from '../errors';
import type { CompletionMetricsOptions } from '../metrics/completion-metrics';
import { rebuildReadModels } from '../projection/rebuild';
import { ReadModels } from '../read-models';
import { projectAll } from '../testing/project';
import { READ_STORE_KINDS, useReadStoreLocation } from '../testing/test-read-store';
import { appendTicket, demoCatalog, opened } from '../testing/ticket-history';
import { createReadStore } from './create-read-store';
import { activeGeneration, generationTables } from './generation-tables';

const catalog = demoCatalog();
// Whole local days in New York: the rollup's shape of report.
const options: CompletionMetricsOptions = {
  from: new Date('2026-11-01T04:00:00Z'),
  to: new Date('2026-11-08T05:00:00Z'),
  groupBy: 'department',
  period: 'day',
  timeZone: 'America/New_York',
};

describe.each(READ_STORE_KINDS)('migration 14: the completion rollup on a store projected before it (%s)', (kind) => {
  const newUrl = useReadStoreLocation(kind);

  it('answers from the ticket facts until a rebuild, and the same figures from the rollup after it', async () => {
    const url = newUrl();
    const events = new InMemoryEventStore();
    await appendTicket(events, 'OLD-1', [
      ['2026-11-02T14:00:00.000Z', opened('OLD-1')],
      ['2026-11-02T15:00:00.000Z', { type: 'TicketAssigned', data: { department: 'DPW' } }],
      ['2026-11-04T15:00:00.000Z', { type: 'TicketCompleted', data: { resolutionCode: 'fixed', note: 'done', firstContactResolution: false } }],
    ]);
    await appendTicket(events, 'OLD-2', [['2026-11-03T14:00:00.000Z', opened('OLD-2')]]);
    const store = await createReadStore(url);
    let before: unknown;
    try {
      await projectAll(events, store, catalog);
      before = await new ReadModels({ readStore: store, eventStore: events }).completionMetrics(options);
      // The store as version 13 left it: projected, without the rollup.
      const { rollup } = generationTables(await activeGeneration(store.db));
      await store.db.schema.dropTable(rollup).execute();
      await store.db.deleteFrom('rm_schema_migrations').where('version', '=', 14).execute();
    } finally {
      await store.close();
    }

    const migrated = await createReadStore(url);
    try {
      const readModels = new ReadModels({ readStore: migrated, eventStore: events });
      expect(await readModels.completionMetrics(options)).toEqual(before);
      await expect(readModels.completionMetrics(options, { axis: 'asOf', at: new Date('2026-11-05T00:00:00Z') })).rejects.toThrow(TemporalModelPendingError);
      await rebuildReadModels({ eventStore: events, readStore: migrated, catalog });
      const { rollup } = generationTables(await activeGeneration(migrated.db));
      expect((await migrated.db.selectFrom(rollup).selectAll().execute()).length).toBeGreaterThan(0);
      expect(await readModels.completionMetrics(options)).toEqual(before);
      expect(before).toEqual(expect.arrayContaining([expect.objectContaining({ group: 'DPW', period: '2026-11-04', completed: 1, backlogAtPeriodEnd: 1 })]));
    } finally {
      await migrated.close();
    }
  });
});
