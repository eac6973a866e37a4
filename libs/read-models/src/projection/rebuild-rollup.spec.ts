import { InMemoryEventStore } from '@switchboard/event-store';
import type { TicketEvent } from '@switchboard/ticketing';
import { activeGeneration, generationTables } from '../store/generation-tables';
import type { ReadStore } from '../store/read-store';
import { createReadStore } from '../store/create-read-store';
import { rebuildReadModels } from './rebuild';
import { ROLLUP_COUNTS, ROLLUP_SAMPLES } from '../temporal/versions-table';
import { appendTicket, demoCatalog, opened } from '../testing/ticket-history';
import { projectAll } from '../testing/project';
import { READ_STORE_KINDS, useReadStore } from '../testing/test-read-store';

const catalog = demoCatalog();
const assigned = (department: string): TicketEvent =>
  ({ type: 'TicketAssigned', data: { department, dueAt: '2026-03-04T14:00:00.000Z', slaBusinessMs: 28_800_000 } }) as TicketEvent;
const completed: TicketEvent = { type: 'TicketCompleted', data: { resolutionCode: 'fixed', note: 'done', firstContactResolution: false } };
const reopened: TicketEvent = { type: 'TicketReopened', data: { reason: 'not fixed', department: 'DPW' } };

/**
 * The active generation's rollup cells in key order; each sample list as stored, or sorted and
 * without the empty cells (a ticket moved through a cell between two batches leaves it empty):
 * both depend on batch boundaries.
 */
async function rollupCells(readStore: ReadStore, sorted: boolean): Promise<unknown[]> {
  const { rollup } = generationTables(await activeGeneration(readStore.db));
  const rows = await readStore.db.selectFrom(rollup).selectAll().orderBy('group_by').orderBy('grp').orderBy('day').execute();
  const samples = (text: string) => (sorted ? (JSON.parse(text) as number[]).sort((a, b) => a - b) : JSON.parse(text));
  const empty = (row: (typeof rows)[number]) => ROLLUP_COUNTS.every((c) => Number(row[c]) === 0) && ROLLUP_SAMPLES.every((s) => row[s] === '[]');
  const cells = sorted ? rows.filter((row) => !empty(row)) : rows;
  return cells.map((row) => ({
    ...Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? v : Number(v)])),
    assign_ms: samples(row.assign_ms),
    assign_business_ms: samples(row.assign_business_ms),
    complete_ms: samples(row.complete_ms),
    complete_business_ms: samples(row.complete_business_ms),
  }));
}

describe.each(READ_STORE_KINDS)('rebuild of the completion rollup (%s)', (kind) => {
  const { store, newUrl } = useReadStore(kind);

  it('gives the cells live projection gives, whether it holds every cell to the end or writes and reads them back batch by batch', async () => {
    const events = new InMemoryEventStore();
    // Tickets whose events interleave, on the same days, completed, reopened and completed again (a sample taken out and put back).
    const at = (day: number, minute: number) => new Date(Date.UTC(2026, 2, 2 + day, 14, minute)).toISOString();
    for (let step = 0; step < 5; step++) {
      for (let i = 0; i < 6; i++) {
        const id = `R${i}`;
        const history: TicketEvent[] = [opened(id), assigned(i % 2 ? 'DPW' : 'CLERK'), completed, reopened, completed];
        await appendTicket(events, id, [[at(step === 4 ? 1 : 0, step * 7 + i), history[step]]]);
      }
    }
    const live = await createReadStore(newUrl());
    try {
      await projectAll(events, live, catalog);
      const expected = await rollupCells(live, true);
      expect(expected.length).toBeGreaterThan(0);

      await rebuildReadModels({ eventStore: events, readStore: store(), catalog, batchSize: 4 });
      const held = await rollupCells(store(), false);
      expect(await rollupCells(store(), true)).toEqual(expected);
      // A bound of one sample writes the cells out after every batch and reads them back: the same rows.
      await rebuildReadModels({ eventStore: events, readStore: store(), catalog, batchSize: 4, heldRollupSamples: 1 });
      expect(await rollupCells(store(), false)).toEqual(held);
    } finally {
      await live.close();
    }
  });
});
