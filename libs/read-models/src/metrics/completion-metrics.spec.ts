import { InvalidQueryParameterError } from '../errors';
import { completionMetrics, type CompletionMetricsOptions, type MetricFacts } from './completion-metrics';
import { periodsCovering } from './periods';

const H = 3_600_000;
const fact = (overrides: Partial<MetricFacts>): MetricFacts => ({
  ticketId: 'X',
  serviceCode: 'POTHOLE',
  channel: 'phone',
  department: 'DPW',
  openedAt: '2026-03-02T00:00:00.000Z',
  firstAssignedAt: null,
  assignBusinessMs: null,
  completedAt: null,
  completeBusinessMs: null,
  closedAt: null,
  dueAt: null,
  escalationCount: 0,
  reopenCount: 0,
  firstContactResolution: false,
  onTime: null,
  ...overrides,
});

// Worked out by hand in the comments below; docs/metrics.md defines each figure.
const fixture: MetricFacts[] = [
  fact({
    ticketId: 'A',
    openedAt: '2026-03-02T10:00:00.000Z',
    firstAssignedAt: '2026-03-02T12:00:00.000Z',
    assignBusinessMs: 2 * H,
    completedAt: '2026-03-02T20:00:00.000Z',
    completeBusinessMs: 6 * H,
    dueAt: '2026-03-03T10:00:00.000Z',
    onTime: true,
    escalationCount: 1,
  }),
  fact({
    ticketId: 'B',
    openedAt: '2026-03-02T11:00:00.000Z',
    firstAssignedAt: '2026-03-02T15:00:00.000Z',
    assignBusinessMs: 4 * H,
    completedAt: '2026-03-03T11:00:00.000Z',
    completeBusinessMs: 8 * H,
    dueAt: '2026-03-03T10:00:00.000Z',
    onTime: false,
    reopenCount: 1,
  }),
  fact({
    ticketId: 'C',
    openedAt: '2026-03-02T09:00:00.000Z',
    completedAt: '2026-03-02T09:30:00.000Z',
    completeBusinessMs: 0.5 * H,
    onTime: true,
    firstContactResolution: true,
  }),
  fact({
    ticketId: 'D',
    openedAt: '2026-03-01T08:00:00.000Z',
    firstAssignedAt: '2026-03-01T09:00:00.000Z',
    assignBusinessMs: H,
    dueAt: '2026-03-02T12:00:00.000Z',
  }),
  fact({ ticketId: 'E', openedAt: '2026-03-03T08:00:00.000Z', closedAt: '2026-03-03T09:00:00.000Z', onTime: true }),
  fact({ ticketId: 'F', department: 'CLERK', openedAt: '2026-03-03T10:00:00.000Z' }),
];
const options: CompletionMetricsOptions = {
  from: new Date('2026-03-02T00:00:00Z'),
  to: new Date('2026-03-04T00:00:00Z'),
  groupBy: 'department',
  period: 'day',
  timeZone: 'UTC',
};
const none = { samples: 0, medianHours: null, p90Hours: null, medianBusinessHours: null, p90BusinessHours: null };

describe('completion metrics', () => {
  it('computes every figure of a hand-worked fixture', () => {
    const [clerk1, clerk2, dpw1, dpw2] = completionMetrics(fixture, options);
    // 2 March: A, B, C opened; A and C completed; B and D still open at midnight, D past due.
    expect(dpw1).toEqual({
      group: 'DPW',
      period: '2026-03-02',
      periodStart: '2026-03-02T00:00:00.000Z',
      periodEnd: '2026-03-03T00:00:00.000Z',
      opened: 3,
      completed: 2,
      closedWithoutCompletion: 0,
      completionRate: 1,
      backlogAtPeriodEnd: 2,
      timeToAssign: { samples: 2, medianHours: 2, p90Hours: 4, medianBusinessHours: 2, p90BusinessHours: 4 },
      timeToComplete: { samples: 2, medianHours: 0.5, p90Hours: 10, medianBusinessHours: 0.5, p90BusinessHours: 6 },
      onTimeRate: 2 / 3,
      escalationRate: 0.5,
      reopenRate: 0,
      firstContactResolutionRate: 0.5,
    });
    // 3 March: E opened and closed without completion; B completed late (after a reopen); D still open and late.
    expect(dpw2).toEqual({
      group: 'DPW',
      period: '2026-03-03',
      periodStart: '2026-03-03T00:00:00.000Z',
      periodEnd: '2026-03-04T00:00:00.000Z',
      opened: 1,
      completed: 1,
      closedWithoutCompletion: 1,
      completionRate: 0.5,
      backlogAtPeriodEnd: 1,
      timeToAssign: none,
      timeToComplete: { samples: 1, medianHours: 24, p90Hours: 24, medianBusinessHours: 8, p90BusinessHours: 8 },
      onTimeRate: 1 / 3,
      escalationRate: 0,
      reopenRate: 1,
      firstContactResolutionRate: 0,
    });
    expect(clerk1).toMatchObject({
      opened: 0,
      completed: 0,
      completionRate: null,
      backlogAtPeriodEnd: 0,
      onTimeRate: null,
      reopenRate: null,
      firstContactResolutionRate: null,
      timeToAssign: none,
    });
    expect(clerk2).toMatchObject({ opened: 1, backlogAtPeriodEnd: 1, onTimeRate: null });
  });

  it('groups by service and channel too', () => {
    const byChannel = completionMetrics(fixture, { ...options, groupBy: 'channel', period: 'week' });
    expect(byChannel).toEqual([expect.objectContaining({ group: 'phone', period: '2026-03-02', opened: 5, completed: 3, closedWithoutCompletion: 1 })]);
    expect(completionMetrics(fixture, { ...options, groupBy: 'service', period: 'month' }).map((f) => [f.group, f.period])).toEqual([
      ['POTHOLE', '2026-03-01'],
    ]);
  });

  it('reports the whole range as one period with period=range (medians over every sample, not of periods)', () => {
    const [clerk, dpw] = completionMetrics(fixture, { ...options, period: 'range' });
    // A, B, C, E opened in the range (D before it); A, B, C completed (times 10 h, 24 h, 0.5 h); E closed; D open and late at the end.
    expect(dpw).toEqual({
      group: 'DPW',
      period: '2026-03-02',
      periodStart: '2026-03-02T00:00:00.000Z',
      periodEnd: '2026-03-04T00:00:00.000Z',
      opened: 4,
      completed: 3,
      closedWithoutCompletion: 1,
      completionRate: 0.75,
      backlogAtPeriodEnd: 1,
      timeToAssign: { samples: 2, medianHours: 2, p90Hours: 4, medianBusinessHours: 2, p90BusinessHours: 4 },
      timeToComplete: { samples: 3, medianHours: 10, p90Hours: 24, medianBusinessHours: 6, p90BusinessHours: 8 },
      onTimeRate: 3 / 5,
      escalationRate: 1 / 4,
      reopenRate: 1 / 3,
      firstContactResolutionRate: 1 / 3,
    });
    expect(clerk).toMatchObject({ group: 'CLERK', opened: 1, backlogAtPeriodEnd: 1 });
  });

  it('follows the time zone’s days, including a 23-hour day, and its months', () => {
    const days = periodsCovering(new Date('2026-03-08T05:00:00Z'), new Date('2026-03-10T04:00:00Z'), 'day', 'America/New_York');
    expect(days.map((d) => [d.label, new Date(d.start).toISOString(), new Date(d.end).toISOString()])).toEqual([
      ['2026-03-08', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z'],
      ['2026-03-09', '2026-03-09T04:00:00.000Z', '2026-03-10T04:00:00.000Z'],
    ]);
    const months = periodsCovering(new Date('2026-03-01T05:00:00Z'), new Date('2026-05-01T04:00:00Z'), 'month', 'America/New_York');
    expect(months.map((m) => [m.label, new Date(m.start).toISOString()])).toEqual([
      ['2026-03-01', '2026-03-01T05:00:00.000Z'],
      ['2026-04-01', '2026-04-01T04:00:00.000Z'],
    ]);
  });

  it.each([
    ['from', { from: new Date('2026-03-05T00:00:00Z') }],
    ['from', { from: new Date('nonsense') }],
    ['to', { to: 'yesterday' as never }],
    ['groupBy', { groupBy: 'team' as never }],
    ['period', { period: 'year' as never }],
    ['timeZone', { timeZone: 'Mars/Olympus_Mons' }],
  ])('refuses a bad %s with an error naming it', (parameter, override) => {
    expect(() => completionMetrics(fixture, { ...options, ...override })).toThrow(
      expect.objectContaining({ constructor: InvalidQueryParameterError, parameter }),
    );
  });
});
