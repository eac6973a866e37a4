import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@switchboard/event-store';
import { createReadStore, type QueueChangePruneResult } from '@switchboard/read-models';
import type { TicketEvent } from '@switchboard/ticketing';
import { projectAll } from '../../../libs/read-models/src/testing/project';
import { appendTicket, demoCatalog, opened } from '../../../libs/read-models/src/testing/ticket-history';
import { Projector } from '../src/projector';
import { loadProjectorConfig, ProjectorConfigError } from '../src/projector-config';

const DAY = 24 * 60 * 60 * 1000;

describe('the projector prunes the queue change log', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-projector-prune-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('while active, by its clock: changes recorded before the resume window go, the rest stay', async () => {
    // Two tickets routed to DPW, recorded ten days and one day before "now".
    const now = new Date('2026-11-20T12:00:00.000Z');
    let recordedAt = new Date(now.getTime() - 10 * DAY);
    const url = `sqlite:${join(dir, 'switchboard.db')}`;
    const events = SqliteEventStore.open(join(dir, 'switchboard.db'), { now: () => recordedAt });
    const toDpw = { type: 'TicketAssigned', data: { department: 'DPW' } } as TicketEvent;
    await appendTicket(events, 'OLD', [
      [recordedAt.toISOString(), opened('OLD')],
      [recordedAt.toISOString(), toDpw],
    ]);
    recordedAt = new Date(now.getTime() - DAY);
    await appendTicket(events, 'NEW', [
      [recordedAt.toISOString(), opened('NEW')],
      [recordedAt.toISOString(), toDpw],
    ]);
    // Projected before the projector starts, so its first prune (at start) finds both changes.
    const readStore = await createReadStore(url);
    await projectAll(events, readStore, demoCatalog());
    await readStore.close();
    await events.close();

    let pruned: (result: QueueChangePruneResult) => void = () => undefined;
    const firstPrune = new Promise<QueueChangePruneResult>((resolve) => (pruned = resolve));
    const config = { ...loadProjectorConfig({ SWITCHBOARD_EVENT_STORE: url, SWITCHBOARD_QUEUE_FEED_RESUME_DAYS: '7' }), slaWatchIntervalMs: 3_600_000 };
    const projector = await Projector.start(config, { now: () => now, pruned: (result) => pruned(result) });
    try {
      expect(projector.status).toBe('active');
      const result = await firstPrune;
      const kept = await projector.readModels.queueChangesAfter('DPW', undefined);
      expect(kept.map((c) => c.ticketId)).toEqual(['NEW']);
      expect(result.deleted).toBe(1);
      expect(result.prunedThrough! < kept[0].position).toBe(true);
      expect(await projector.readModels.queueChangesPrunedThrough()).toBe(result.prunedThrough);
    } finally {
      await projector.stop();
    }
  });

  it('refuses a resume window that is not a whole number of days from 1 to 365', () => {
    expect(loadProjectorConfig({}).queueFeedResumeDays).toBe(7);
    expect(loadProjectorConfig({ SWITCHBOARD_QUEUE_FEED_RESUME_DAYS: '30' }).queueFeedResumeDays).toBe(30);
    for (const value of ['0', '2.5', '400', 'week']) {
      expect(() => loadProjectorConfig({ SWITCHBOARD_QUEUE_FEED_RESUME_DAYS: value })).toThrow(ProjectorConfigError);
      expect(() => loadProjectorConfig({ SWITCHBOARD_QUEUE_FEED_RESUME_DAYS: value })).toThrow(
        `SWITCHBOARD_QUEUE_FEED_RESUME_DAYS=${value} must be an integer from 1 to 365`,
      );
    }
  });
});
