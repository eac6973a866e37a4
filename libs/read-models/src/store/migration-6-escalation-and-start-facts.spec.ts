import { InMemoryEventStore } from '@switchboard/event-store';
import type { Actor, TicketEvent } from '@switchboard/ticketing';
import { ReadModelTimeoutError } from '../errors';
import { backfillFromLog, pendingBackfill } from '../projection/backfill';
import { ReadModels } from '../read-models';
import { appendTicket, demoCatalog, opened } from '../testing/ticket-history';
import { dumpReadModels, freshProjectionDump, projectAll } from '../testing/project';
import { READ_STORE_KINDS, useReadStoreLocation } from '../testing/test-read-store';
import { createReadStore } from './create-read-store';
import { generationTables } from './generation-tables';
import { hasColumn } from './has-column';
import type { ReadStore } from './read-store';

const catalog = demoCatalog();
const now = new Date('2026-03-10T12:00:00Z');
const staff: Actor = { id: 'sam', role: 'staff', department: 'DPW' };
const assigned = (dueAt: string): TicketEvent => ({ type: 'TicketAssigned', data: { department: 'DPW', dueAt, slaBusinessMs: 28_800_000 } });
const escalated = (tier: 1 | 2, reason: 'complex' | 'overdue'): TicketEvent => ({ type: 'TicketEscalated', data: { tier, reason } });
const { tickets, workStarts } = generationTables(1);

/** A log whose tickets were escalated, breached and started under known command ids. */
async function history(events: InMemoryEventStore): Promise<void> {
  for (const id of ['M1', 'M2', 'M3']) {
    await appendTicket(events, id, [
      ['2026-03-02T14:00:00.000Z', opened(id)],
      ['2026-03-02T14:10:00.000Z', assigned('2026-03-03T14:10:00.000Z')],
      ['2026-03-02T15:00:00.000Z', { type: 'WorkStarted', data: { assignee: 'sam' } }, { commandId: `claim:k-${id}:${id}`, actor: staff }],
      ['2026-03-02T16:00:00.000Z', escalated(1, 'complex')],
      ['2026-03-03T14:10:05.000Z', { type: 'SlaBreached', data: { dueAt: '2026-03-03T14:10:00.000Z' } }],
    ]);
  }
}

/** Takes a store back to what version 5 left: no latest-escalation columns, no work starts, no backfills, migration 6 not applied. */
async function asVersion5(store: ReadStore): Promise<void> {
  for (const column of ['escalation_reason', 'escalated_at', 'breached_at']) await store.db.schema.alterTable(tickets).dropColumn(column).execute();
  await store.db.schema.dropTable(workStarts).execute();
  await store.db.schema.dropTable('rm_backfills').execute();
  await store.db.deleteFrom('rm_schema_migrations').where('version', '=', 6).execute();
}

describe.each(READ_STORE_KINDS)('migration 6: latest escalations and work starts (%s)', (kind) => {
  const newUrl = useReadStoreLocation(kind);

  it('gives a fresh store the columns and tables, with nothing to backfill', async () => {
    const store = await createReadStore(newUrl());
    try {
      expect(await hasColumn(store.db, store.dialect, tickets, 'escalation_reason')).toBe(true);
      expect(await store.db.selectFrom(workStarts).selectAll().execute()).toEqual([]);
      expect(await pendingBackfill(store.db, 1)).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('adds them to a store made before it and has the runner fill them in from the log, resuming a backfill cut short, before it projects again', async () => {
    const events = new InMemoryEventStore();
    await history(events);
    const url = newUrl();
    const store = await createReadStore(url);
    try {
      await projectAll(events, store, catalog);
      await asVersion5(store);
    } finally {
      await store.close();
    }

    const migrated = await createReadStore(url);
    try {
      expect(await pendingBackfill(migrated.db, 1)).toEqual({ doneThrough: undefined });
      const readModels = new ReadModels({ readStore: migrated, eventStore: events });
      // Until the facts are in, the queries that read them say the read models are behind rather than show them missing.
      await expect(readModels.escalations({ now })).rejects.toBeInstanceOf(ReadModelTimeoutError);
      await expect(readModels.workStartsUnder([{ ticketId: 'M1', commandId: 'claim:k-M1:M1' }])).rejects.toBeInstanceOf(ReadModelTimeoutError);

      // A runner stopped after the first batch leaves the backfill where it got to.
      let batches = 0;
      const cut = await backfillFromLog({
        eventStore: events,
        readStore: migrated,
        generation: 1,
        renewIn: async () => undefined,
        keepGoing: () => ++batches < 1,
        batchSize: 4,
      });
      expect(cut).toBe(false);
      expect((await pendingBackfill(migrated.db, 1))?.doneThrough).toBeDefined();

      // Events appended meanwhile are projected after the backfill, continuing from the facts it filled in.
      await appendTicket(events, 'M1', [['2026-03-05T14:10:05.000Z', escalated(2, 'overdue')]]);
      await projectAll(events, migrated, catalog);
      expect(await pendingBackfill(migrated.db, 1)).toBeUndefined();
      expect(await dumpReadModels(migrated)).toEqual(await freshProjectionDump(events, newUrl(), catalog));
      expect((await readModels.escalations({ now })).tickets.map((t) => [t.ticketId, t.tier, t.reason, t.breachedAt])).toEqual([
        ['M1', 2, 'overdue', '2026-03-03T14:10:05.000Z'],
        ['M2', 1, 'complex', '2026-03-03T14:10:05.000Z'],
        ['M3', 1, 'complex', '2026-03-03T14:10:05.000Z'],
      ]);
    } finally {
      await migrated.close();
    }
  });

  it('clears the mark of a generation that had projected nothing', async () => {
    const url = newUrl();
    const store = await createReadStore(url);
    await asVersion5(store);
    await store.close();
    const migrated = await createReadStore(url);
    try {
      const readModels = new ReadModels({ readStore: migrated, eventStore: new InMemoryEventStore() });
      expect((await readModels.escalations({ now })).tickets).toEqual([]);
      await projectAll(new InMemoryEventStore(), migrated, catalog);
      expect(await pendingBackfill(migrated.db, 1)).toBeUndefined();
    } finally {
      await migrated.close();
    }
  });
});
