import { join } from 'node:path';
import { SqliteEventStore } from '@switchboard/event-store';
import { runCli } from '../../test/support/run-cli';
import { ACTORS, TicketHistory } from '../../test/support/ticket-history';
import { writeSampleTickets } from '../../test/support/sample-tickets';
import { useTempDir } from '../../test/support/temp-dir';

describe('audit', () => {
  const dir = useTempDir();
  const audit = (...args: string[]) => runCli(['audit', ...args, '--store', 'sqlite:events.db'], { cwd: dir(), now: new Date('2026-02-01T12:00:00Z') });

  beforeEach(async () => {
    const store = SqliteEventStore.open(join(dir(), 'events.db'));
    await writeSampleTickets(store);
    await store.close();
  });

  describe('ticket', () => {
    it('tells who did what, when, the state before → after and the notes, in city time', async () => {
      const run = await audit('ticket', 'AAA-0001');
      expect(run.code).toBe(0);
      const lines = run.stdout.split('\n');
      expect(lines[0]).toBe('Ticket AAA-0001: completed as of 2026-02-01 07:00:00 EST');
      expect(lines[2]).toMatch(/^#\s+when\s+who\s+what\s+state\s+details$/);
      expect(lines[4]).toMatch(/^0\s+2026-01-05 09:00:00 EST\s+op-ana \(operator\)\s+TicketOpened\s+unopened → intake\s+service POTHOLE via phone/);
      expect(lines[7]).toMatch(
        /dpw-bo \(staff DPW\)\s+TicketEscalated\s+in_progress → escalated\s+tier 1, reason complex, due 2026-01-08 09:10:00 EST "Needs a road crew"/,
      );
      expect(lines[8]).toMatch(/dpw-head \(department_head DPW\)\s+TicketCompleted\s+escalated → completed\s+resolution repaired, by DPW "Patched"/);
    });

    it('shows only what had happened by --as-of', async () => {
      const run = await audit('ticket', 'AAA-0004', '--as-of', '2026-01-10');
      expect(run.stdout).toContain('Ticket AAA-0004: completed as of 2026-01-11 00:00:00 EST');
      expect(run.stdout).not.toContain('TicketReopened');
      const now = await audit('ticket', 'AAA-0004');
      expect(now.stdout).toMatch(/TicketReopened\s+completed → assigned\s+to ENGINEERING, due .* "Out again"/);
    });

    it('gives JSON with the event ids, data and states', async () => {
      const run = await audit('ticket', 'AAA-0003', '--format', 'json');
      const rows = JSON.parse(run.stdout);
      expect(rows.map((row: { type: string }) => row.type)).toEqual(['TicketOpened', 'TicketAssigned', 'TicketClosed']);
      expect(rows[2]).toMatchObject({
        stateBefore: 'assigned',
        stateAfter: 'closed',
        actor: { id: 'op-ana' },
        data: { reason: 'duplicate', parentTicketId: 'AAA-0001' },
      });
    });

    it("takes a ticket's stream name (ticket-<id>, as the log and the docs write it) as well as its id", async () => {
      const byStream = await audit('ticket', 'ticket-AAA-0001');
      expect(byStream.code).toBe(0);
      expect(byStream.stdout).toBe((await audit('ticket', 'AAA-0001')).stdout);
      expect(byStream.stdout.split('\n')[0]).toBe('Ticket AAA-0001: completed as of 2026-02-01 07:00:00 EST');
      const json = JSON.parse((await audit('ticket', 'ticket-AAA-0003', '--format', 'json')).stdout);
      expect(json.map((row: { type: string }) => row.type)).toEqual(['TicketOpened', 'TicketAssigned', 'TicketClosed']);
      // A stream name one character over the id limit is still a stream name.
      const longest = await audit('ticket', `ticket-${'Z'.repeat(40)}`);
      expect(longest).toMatchObject({
        code: 1,
        stderr: expect.stringContaining(`no history in this store for ticket ${'Z'.repeat(40)} (stream ticket-${'Z'.repeat(40)})`),
      });
      const unknown = await audit('ticket', 'ticket-ZZZ-9999');
      expect(unknown).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('ticket ticket-ZZZ-9999 (stream ticket-ticket-ZZZ-9999) or ticket ZZZ-9999 (stream ticket-ZZZ-9999)'),
      });
    });

    it('reads an argument as a ticket id first: a ticket whose own id begins with ticket- is found by that id', async () => {
      const store = SqliteEventStore.open(join(dir(), 'events.db'));
      const history = new TicketHistory(store);
      await history.at('2026-01-20T14:00:00Z', ACTORS.operator, {
        type: 'OpenTicket',
        ticketId: 'ticket-AAA-0001',
        serviceCode: 'POTHOLE',
        description: 'Named like a stream',
        channel: 'phone',
        attributes: { SIZE: 'small', IN_ROADWAY: 'no' },
      });
      await store.close();
      expect((await audit('ticket', 'ticket-AAA-0001')).stdout).toMatch(/^Ticket ticket-AAA-0001: intake as of/);
      expect((await audit('ticket', 'ticket-ticket-AAA-0001')).stdout).toMatch(/^Ticket ticket-AAA-0001: intake as of/);
      expect((await audit('ticket', 'AAA-0001')).stdout).toMatch(/^Ticket AAA-0001: completed as of/);
    });

    it('fails with 1 for a ticket without history and 2 for something that is no ticket id', async () => {
      expect(await audit('ticket', 'ZZZ-9999')).toMatchObject({ code: 1, stderr: expect.stringContaining('no history') });
      expect(await audit('ticket', 'a/b')).toMatchObject({ code: 2, stderr: expect.stringContaining('neither a ticket id') });
      expect(await audit('ticket', 'ticket-a/b')).toMatchObject({ code: 2 });
      expect(await audit('ticket', 'AAA-0001', '--as-of', 'yesterday')).toMatchObject({ code: 2, stderr: expect.stringContaining('--as-of') });
    });
  });

  it('lists what one actor did across tickets in a window', async () => {
    const run = await audit('actor', 'op-ana', '--from', '2026-01-06', '--to', '2026-01-06', '--format', 'json');
    const rows = JSON.parse(run.stdout);
    expect(rows.map((row: { ticketId: string; type: string }) => `${row.ticketId} ${row.type}`)).toEqual([
      'AAA-0003 TicketOpened',
      'AAA-0003 TicketAssigned',
      'AAA-0003 TicketClosed',
    ]);
    expect(run.stderr).toContain('3 events by op-ana');
  });

  it('lists escalations across tickets with their states', async () => {
    const run = await audit('escalations', '--from', '2026-01-01', '--to', '2026-01-31');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/AAA-0001\s+3\s+2026-01-05 11:00:00 EST\s+dpw-bo \(staff DPW\)\s+TicketEscalated\s+in_progress → escalated/);
    const none = await audit('escalations', '--to', '2026-01-04');
    expect(none.stderr).toContain('0 escalations');
  });
});
