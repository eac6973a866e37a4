import { join } from 'node:path';
import { SqliteEventStore } from '@switchboard/event-store';
import {
  completionMetrics,
  type CompletionFigures,
  factsCountingIn,
  type GroupBy,
  openSqliteReadStore,
  ReadModels,
  rebuildReadModels,
  replayAsOf,
} from '@switchboard/read-models';
import { runCli } from '../../test/support/run-cli';
import { writeSampleTickets } from '../../test/support/sample-tickets';
import { useTempDir } from '../../test/support/temp-dir';
import { encodeTicketEvent, stampEvent, type TicketEvent, ticketStreamName } from '@switchboard/ticketing';
import { demoCatalog } from '../../test/support/ticket-history';

const NOW = new Date('2026-02-15T12:00:00Z');

describe('report completion', () => {
  const dir = useTempDir();
  const report = async (...args: string[]) => {
    const run = await runCli(['report', 'completion', ...args, '--store', 'sqlite:events.db'], { cwd: dir(), now: NOW });
    expect(run.stderr).not.toContain('Error');
    return run;
  };
  const figuresOf = async (...args: string[]): Promise<CompletionFigures[]> => JSON.parse((await report(...args, '--format', 'json')).stdout).figures;
  const byGroup = (figures: CompletionFigures[]) => Object.fromEntries(figures.map((f) => [f.group, f]));

  beforeEach(async () => {
    // Recorded on 1 February (the store's clock), for --known-at.
    const store = SqliteEventStore.open(join(dir(), 'events.db'), { now: () => new Date('2026-02-01T00:00:00Z') });
    await writeSampleTickets(store);
    await store.close();
  });

  it('gives the hand-computed figures for January by department', async () => {
    const { DPW, ENGINEERING, '311': central } = byGroup(await figuresOf('--from', '2026-01-01', '--to', '2026-01-31'));
    // AAA-0001 completed (escalated, 25.5 h after opening, before its due time); AAA-0003 closed as a duplicate.
    expect(DPW).toMatchObject({
      period: '2026-01-01',
      opened: 2,
      completed: 1,
      closedWithoutCompletion: 1,
      completionRate: 0.5,
      backlogAtPeriodEnd: 0,
      onTimeRate: 1,
      escalationRate: 0.5,
    });
    expect(DPW.timeToComplete).toMatchObject({ samples: 1, medianHours: 25.5 });
    // AAA-0002 answered at first contact, 5 minutes after opening.
    expect(central).toMatchObject({ opened: 1, completed: 1, completionRate: 1, firstContactResolutionRate: 1 });
    expect(central.timeToComplete.medianHours).toBeCloseTo(5 / 60);
    // AAA-0004 was completed on 8 January but reopened on the 12th: open, and past its fresh due time, at the end of January.
    expect(ENGINEERING).toMatchObject({ opened: 1, completed: 0, backlogAtPeriodEnd: 1, onTimeRate: 0, reopenRate: null });
  });

  it('shows what was known --as-of a moment before the reopen, and after it', async () => {
    const before = byGroup(await figuresOf('--from', '2026-01-01', '--to', '2026-01-31', '--as-of', '2026-01-10'));
    expect(before.ENGINEERING).toMatchObject({
      periodEnd: '2026-01-11T05:00:00.000Z',
      opened: 1,
      completed: 1,
      completionRate: 1,
      backlogAtPeriodEnd: 0,
      onTimeRate: 1,
    });
    expect(before.ENGINEERING.timeToComplete.medianHours).toBe(25);
    const after = byGroup(await figuresOf('--from', '2026-01-01', '--to', '2026-01-31', '--as-of', '2026-01-12T12:00:00-05:00'));
    expect(after.ENGINEERING).toMatchObject({ opened: 1, completed: 0, backlogAtPeriodEnd: 1 });
    // Before AAA-0003 was even opened:
    const early = byGroup(await figuresOf('--from', '2026-01-01', '--to', '2026-01-31', '--as-of', '2026-01-06T09:00:00-05:00'));
    expect(early.DPW).toMatchObject({ opened: 1, completed: 0, backlogAtPeriodEnd: 1 });
    expect(early.ENGINEERING).toBeUndefined();
  });

  it.each<GroupBy>(['department', 'service', 'channel'])("equals the read models' figures (what the API serves) by %s", async (groupBy) => {
    const eventStore = SqliteEventStore.open(join(dir(), 'events.db'));
    const readStore = await openSqliteReadStore(join(dir(), 'read.db'));
    await rebuildReadModels({ eventStore, readStore, catalog: demoCatalog() });
    const from = new Date('2026-01-01T05:00:00Z');
    const to = new Date('2026-02-01T05:00:00Z');
    const served = await new ReadModels({ eventStore, readStore }).completionMetrics({ from, to, groupBy, period: 'week', timeZone: 'America/New_York' });
    await readStore.close();
    await eventStore.close();
    expect(await figuresOf('--from', from.toISOString(), '--to', to.toISOString(), '--by', groupBy, '--period', 'week')).toEqual(served);
  });

  it('renders a table, CSV and a self-contained HTML page', async () => {
    const range = ['--from', '2026-01-01', '--to', '2026-01-31'];
    const table = await report(...range);
    expect(table.stdout).toMatch(/^DPW\s+2026-01-01\s+2\s+1\s+1\s+50\.0%\s+0\s+100\.0%/m);
    const csv = (await report(...range, '--format', 'csv')).stdout.split('\r\n');
    expect(csv[0]).toMatch(/^group,period,periodStart,periodEnd,opened,completed,/);
    expect(csv.filter((line) => line.startsWith('DPW,2026-01-01,'))).toHaveLength(1);
    const html = (await report(...range, '--format', 'html')).stdout;
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
  });

  it('counts in the backlog at a period end the tickets opened before it and not ended at or before it (docs/metrics.md)', async () => {
    // AAA-0002 (311) was opened at 14:20 and completed at 14:25 UTC on 5 January; AAA-0001 (DPW) opened at 14:00.
    const backlogAt = async (to: string) => byGroup(await figuresOf('--from', '2026-01-05T13:00:00Z', '--to', to, '--period', 'range'));
    expect((await backlogAt('2026-01-05T14:24:59Z'))['311']).toMatchObject({ backlogAtPeriodEnd: 1, completed: 0 });
    // Ending exactly at the end: no longer open at it (and not completed within [from, to) either).
    expect((await backlogAt('2026-01-05T14:25:00Z'))['311']).toMatchObject({ backlogAtPeriodEnd: 0, completed: 0 });
    expect((await backlogAt('2026-01-05T14:25:01Z'))['311']).toMatchObject({ backlogAtPeriodEnd: 0, completed: 1 });
    // Opened exactly at the end: not yet in the backlog.
    expect((await backlogAt('2026-01-05T14:00:00Z')).DPW?.backlogAtPeriodEnd ?? 0).toBe(0);
    expect((await backlogAt('2026-01-05T14:00:01Z')).DPW).toMatchObject({ backlogAtPeriodEnd: 1, opened: 1 });
  });

  it('shows --known-at what had been recorded by then: history imported later is not in it, and is --as-of', async () => {
    // Recorded now (the store's clock): AAA-0005, opened and completed in January, imported on 20 February.
    const store = SqliteEventStore.open(join(dir(), 'events.db'), { now: () => new Date('2026-02-20T12:00:00Z') });
    const history: [string, TicketEvent][] = [
      [
        '2026-01-20T15:00:00Z',
        {
          type: 'TicketOpened',
          data: { ticketId: 'AAA-0005', serviceCode: 'POTHOLE', owningDepartment: 'DPW', description: 'Imported', channel: 'phone', priority: 'normal' },
        },
      ],
      ['2026-01-21T15:00:00Z', { type: 'TicketCompleted', data: { resolutionCode: 'fixed', note: 'done', department: 'DPW', firstContactResolution: false } }],
    ];
    const actor = { id: 'import:test', role: 'system' } as const;
    await store.append(
      ticketStreamName('AAA-0005'),
      'no_stream',
      history.map(([occurredAt, event], i) => encodeTicketEvent(stampEvent(event, i, { commandId: 'import:AAA-0005', actor, occurredAt }))),
    );
    await store.close();
    const january = ['--from', '2026-01-01', '--to', '2026-01-31'];
    const now = byGroup(await figuresOf(...january));
    expect(now.DPW).toMatchObject({ opened: 3, completed: 2 });
    // The sample's own events were recorded on 1 February.
    const recordedBefore = await report(...january, '--known-at', '2026-02-19', '--format', 'json');
    expect(JSON.parse(recordedBefore.stdout)).toMatchObject({ knownAt: '2026-02-20T05:00:00.000Z' });
    expect(byGroup(JSON.parse(recordedBefore.stdout).figures).DPW).toMatchObject({ opened: 2, completed: 1 });
    expect(byGroup(await figuresOf(...january, '--as-of', '2026-02-19')).DPW).toMatchObject({ opened: 3, completed: 2 });
    expect((await report(...january, '--known-at', '2026-02-19', '--as-of', '2026-02-19')).stderr).toContain('give --as-of or --known-at, not both');
  });

  it("agrees cell for cell with the whole-history replay over a real city's export (Boston, 100 cases)", async () => {
    const imported = await runCli(
      [
        'import',
        'tickets',
        join(__dirname, '../../test/fixtures/boston311-100.csv'),
        '--mapping',
        join(__dirname, '../../mappings/boston311.json'),
        '--store',
        'sqlite:boston.db',
      ],
      { cwd: dir(), now: NOW },
    );
    expect(imported.code).toBe(0);
    const store = SqliteEventStore.open(join(dir(), 'boston.db'));
    const from = new Date('2022-01-01T05:00:00Z');
    const to = new Date('2022-03-01T05:00:00Z');
    const facts = factsCountingIn(
      (await replayAsOf(store, demoCatalog(), NOW)).map((ticket) => ticket.facts),
      from,
      to,
    );
    await store.close();
    expect(facts.length).toBeGreaterThan(90);
    for (const [groupBy, period] of [
      ['department', 'week'],
      ['service', 'month'],
      ['channel', 'day'],
    ] as const) {
      const run = await runCli(
        [
          'report',
          'completion',
          '--from',
          from.toISOString(),
          '--to',
          to.toISOString(),
          '--by',
          groupBy,
          '--period',
          period,
          '--format',
          'json',
          '--store',
          'sqlite:boston.db',
        ],
        { cwd: dir(), now: NOW },
      );
      expect(JSON.parse(run.stdout).figures).toEqual(completionMetrics(facts, { from, to, groupBy, period, timeZone: 'America/New_York' }));
      expect(run.stderr).toContain(`${facts.length} tickets in range`);
    }
  });

  it('needs --from and --to, in order', async () => {
    expect((await report('--from', '2026-01-01')).code).toBe(2);
    expect((await report('--from', '2026-02-01', '--to', '2026-01-01')).code).toBe(2);
    expect((await report('--from', '2026-01-01', '--to', '2026-01-31', '--by', 'mood')).stderr).toContain('--by must be one of department, service, channel');
  });
});
