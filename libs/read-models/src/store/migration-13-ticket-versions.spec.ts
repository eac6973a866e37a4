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
const options: CompletionMetricsOptions = {
  from: new Date('2026-11-01T00:00:00Z'),
  to: new Date('2026-11-10T00:00:00Z'),
  groupBy: 'department',
  period: 'range',
  timeZone: 'America/New_York',
};
const moment = { axis: 'asOf', at: new Date('2026-11-04T00:00:00Z') } as const;

describe.each(READ_STORE_KINDS)('migration 13: ticket versions on a store projected before it (%s)', (kind) => {
  const newUrl = useReadStoreLocation(kind);

  it('answers now from the ticket facts, a past moment 503 until a rebuild, and both from the versions after it', async () => {
    const url = newUrl();
    const events = new InMemoryEventStore();
    await appendTicket(events, 'OLD-1', [
      ['2026-11-02T14:00:00.000Z', opened('OLD-1')],
      ['2026-11-02T15:00:00.000Z', { type: 'TicketAssigned', data: { department: 'DPW' } }],
      ['2026-11-04T15:00:00.000Z', { type: 'TicketCompleted', data: { resolutionCode: 'fixed', note: 'done', firstContactResolution: false } }],
    ]);
    const store = await createReadStore(url);
    try {
      await projectAll(events, store, catalog);
      // The store as version 12 left it: projected, with no versions table and no marks.
      const { versions } = generationTables(await activeGeneration(store.db));
      await store.db.schema.dropTable(versions).execute();
      await store.db.schema.dropTable('rm_temporal_pending').execute();
      await store.db.deleteFrom('rm_schema_migrations').where('version', '=', 13).execute();
    } finally {
      await store.close();
    }

    const migrated = await createReadStore(url);
    try {
      const readModels = new ReadModels({ readStore: migrated, eventStore: events });
      const now = await readModels.completionMetrics(options);
      expect(now).toEqual([expect.objectContaining({ group: 'DPW', opened: 1, completed: 1 })]);
      await expect(readModels.completionMetrics(options, moment)).rejects.toThrow(TemporalModelPendingError);
      await expect(readModels.escalationsAt(moment, {})).rejects.toThrow(TemporalModelPendingError);

      await rebuildReadModels({ eventStore: events, readStore: migrated, catalog });
      expect(await readModels.completionMetrics(options)).toEqual(now);
      expect(await readModels.completionMetrics({ ...options, to: moment.at }, moment)).toEqual([
        expect.objectContaining({ group: 'DPW', opened: 1, completed: 0, backlogAtPeriodEnd: 1 }),
      ]);
    } finally {
      await migrated.close();
    }
  });

  it('marks nothing on a new store', async () => {
    const store = await createReadStore(newUrl());
    try {
      expect(await store.db.selectFrom('rm_temporal_pending').selectAll().execute()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
