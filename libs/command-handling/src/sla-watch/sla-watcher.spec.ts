import { actors, testCatalog } from '../../../ticketing/src/testing/test-catalog';
import { loadTicket } from '../load-ticket';
import { type SlaActionKind, SlaWatcher } from './sla-watcher';
import { TicketCommandHandler } from '../ticket-command-handler';
import { InMemoryResidentKeyStore } from '../privacy/in-memory-resident-key-store';
import { WatchedStore } from '../testing/watched-store';

describe('the SLA watcher', () => {
  it('reads a ticket’s stream once per action: found long overdue, it gets its breach, tier 1 and tier 2 in three reads', async () => {
    let now = Date.parse('2026-11-02T15:00:00Z');
    const clock = () => new Date(now);
    const store = new WatchedStore();
    const handler = new TicketCommandHandler(store, testCatalog, clock, new InMemoryResidentKeyStore());
    await handler.execute(
      { type: 'OpenTicket', ticketId: 'SLA-1', serviceCode: 'POTHOLE', description: 'Deep pothole', channel: 'phone' },
      { actor: actors.operator, commandId: 'c1' },
    );
    await handler.execute({ type: 'AssignTicket', ticketId: 'SLA-1', department: 'DPW' }, { actor: actors.operator, commandId: 'c2' });
    now += 30 * 86_400_000;
    const acted: SlaActionKind[] = [];
    const watcher = new SlaWatcher({
      catalog: testCatalog,
      handler,
      checks: { slaChecksDue: async () => ({ checks: [{ ticketId: 'SLA-1' }] }) },
      now: clock,
      observer: { slaAction: (kind) => acted.push(kind) },
    });
    store.reads = 0;

    expect(await watcher.scan()).toEqual({ tickets: 1, actions: 3, failures: 0 });
    expect(acted).toEqual(['breach', 'escalate_tier1', 'escalate_tier2']);
    expect(store.reads).toBe(3);
    // Nothing is left to do: the next scan reads the stream once and writes nothing.
    expect(await watcher.scan()).toEqual({ tickets: 1, actions: 0, failures: 0 });
    expect(store.reads).toBe(4);
    expect((await loadTicket(store, 'SLA-1')).records.map((r) => r.event?.metadata.commandId)).toEqual([
      'c1',
      'c2',
      expect.stringMatching(/:breach$/),
      expect.stringMatching(/:tier1$/),
      expect.stringMatching(/:tier2$/),
    ]);
  });
});
