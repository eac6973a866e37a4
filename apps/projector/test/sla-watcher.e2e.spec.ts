import type { TicketCommandHandler } from '@switchboard/command-handling';
import { actors } from '../../../libs/ticketing/src/testing/test-catalog';
import { DIRECTOR, DUE, ROUTED, shifted, SlaWatchFixture } from './sla-watch-fixture';

// The SLA watcher end to end: commands into a real SQLite event store, the projection into a real
// SQLite read store, and watchers scanning at moments a hand-moved clock sets. No timers, no sleeps.
describe('the SLA watcher against real stores', () => {
  let fx: SlaWatchFixture;
  beforeEach(async () => {
    fx = await SlaWatchFixture.open();
  });
  afterEach(() => fx.close());

  it('breaches and escalates to the department head at the due moment across a holiday and a weekend, then to the director', async () => {
    const id = await fx.routedPothole('SLA-1');
    expect(await fx.scanAt(shifted(DUE, -1))).toMatchObject({ tickets: 0, actions: 0 });
    expect(await fx.scanAt(DUE)).toMatchObject({ tickets: 1, actions: 2 });
    expect(await fx.scanAt(shifted(DIRECTOR, -1))).toMatchObject({ actions: 0 });
    expect(await fx.scanAt(DIRECTOR)).toMatchObject({ tickets: 1, actions: 1 });
    expect(await fx.scanAt(shifted(DIRECTOR, 30 * 86_400))).toMatchObject({ tickets: 0, actions: 0 });
    expect(await fx.slaEvents(id)).toEqual([`breach@${DUE}`, `tier1@${DUE}`, `tier2@${DIRECTOR}`]);
  });

  it('follows a hold: the due time moves by the business time spent on hold', async () => {
    const id = await fx.routedPothole('SLA-2');
    // Held Monday 09:30 with 6 business hours left, resumed Tuesday 09:30: due Tuesday 15:30.
    await fx.command('2026-11-30T14:30:00.000Z', { type: 'PutTicketOnHold', ticketId: id, reason: 'waiting for the resident' }, actors.dpwStaff);
    expect(await fx.scanAt(DUE)).toMatchObject({ actions: 0 });
    await fx.command('2026-12-01T14:30:00.000Z', { type: 'ResumeTicket', ticketId: id }, actors.dpwStaff);
    const due = '2026-12-01T20:30:00.000Z';
    expect(await fx.scanAt(shifted(due, -1))).toMatchObject({ actions: 0 });
    expect(await fx.scanAt(due)).toMatchObject({ actions: 2 });
    expect(await fx.slaEvents(id)).toEqual([`breach@${due}`, `tier1@${due}`]);
  });

  it('leaves alone a ticket completed a second before its breach', async () => {
    const id = await fx.routedPothole('SLA-3');
    await fx.project();
    await fx.command(shifted(DUE, -1), { type: 'CompleteTicket', ticketId: id, resolutionCode: 'repaired', note: 'Patched' }, actors.dpwStaff);
    // The read model has not seen the completion yet: the watcher decides on the ticket's own stream.
    fx.at(DUE);
    expect(await fx.watcher().scan()).toMatchObject({ tickets: 1, actions: 0 });
    expect(await fx.scanAt(shifted(DIRECTOR, 3 * 86_400))).toMatchObject({ tickets: 0, actions: 0 });
    expect(await fx.slaEvents(id)).toEqual([]);
  });

  it('finishes the work of a watcher that died mid-run, repeating nothing', async () => {
    const ids = [await fx.routedPothole('SLA-4A'), await fx.routedPothole('SLA-4B'), await fx.routedPothole('SLA-4C')];
    // The first process dies after its third command: the breach of the second ticket is written, its escalation is not.
    let lives = 3;
    const dying: Pick<TicketCommandHandler, 'executeOnFresh'> = {
      executeOnFresh: (ticketId, choose, meta) =>
        fx.handler.executeOnFresh(
          ticketId,
          (ticket) => {
            const chosen = choose(ticket);
            if (chosen && lives-- <= 0) throw new Error('process killed');
            return chosen;
          },
          meta,
        ),
    };
    expect(await fx.scanAt(DUE, fx.watcher(dying))).toMatchObject({ tickets: 3, actions: 3, failures: 2 });
    expect(await fx.scanAt(DUE)).toMatchObject({ tickets: 2, actions: 3, failures: 0 });
    for (const id of ids) expect(await fx.slaEvents(id)).toEqual([`breach@${DUE}`, `tier1@${DUE}`]);
  });

  it('with two watchers at once records one breach, one tier-1 and one tier-2 escalation per ticket', async () => {
    const ids: string[] = [];
    for (const suffix of ['A', 'B', 'C', 'D', 'E']) ids.push(await fx.routedPothole(`SLA-5${suffix}`));
    await fx.project();
    fx.at(DIRECTOR);
    const [first, second] = await Promise.all([fx.watcher().scan(), fx.watcher().scan()]);
    expect(first.failures + second.failures).toBe(0);
    for (const id of ids) expect(await fx.slaEvents(id)).toEqual([`breach@${DIRECTOR}`, `tier1@${DIRECTOR}`, `tier2@${DIRECTOR}`]);
  });

  it('after a three-day outage escalates each overdue ticket exactly once, in due order', async () => {
    // Routed an hour apart within business hours, the last id first, so due order is not the order of their ids.
    const routed = { 'SLA-6A': ROUTED, 'SLA-6B': shifted(ROUTED, -3600), 'SLA-6C': shifted(ROUTED, -7200) };
    for (const [id, at] of Object.entries(routed).sort(([, a], [, b]) => a.localeCompare(b))) await fx.routedPothole(id, at);
    await fx.routedPothole('SLA-6D', '2026-12-07T14:30:00.000Z');
    expect(await fx.scanAt(shifted(DUE, -3 * 3600))).toMatchObject({ actions: 0 });
    const back = shifted(DIRECTOR, 3 * 86_400 + 3 * 3600);
    expect(await fx.scanAt(back)).toMatchObject({ tickets: 3, actions: 9, failures: 0 });
    expect(fx.actions.map((a) => `${a.ticketId}:${a.kind}`)).toEqual(
      ['SLA-6C', 'SLA-6B', 'SLA-6A'].flatMap((id) => [`${id}:breach`, `${id}:escalate_tier1`, `${id}:escalate_tier2`]),
    );
    expect(await fx.scanAt(shifted(back, 60))).toMatchObject({ tickets: 0, actions: 0 });
    for (const id of ['SLA-6A', 'SLA-6B', 'SLA-6C']) expect(await fx.slaEvents(id)).toEqual([`breach@${back}`, `tier1@${back}`, `tier2@${back}`]);
    expect(await fx.slaEvents('SLA-6D')).toEqual([]);
  });
});
