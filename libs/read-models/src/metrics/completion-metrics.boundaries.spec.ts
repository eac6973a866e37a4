import { completionMetrics, type CompletionFigures, type CompletionMetricsOptions, type MetricFacts } from './completion-metrics';

// The instants where a ticket meets a period's edge, as docs/metrics.md defines them: a period is
// [start, end); a ticket is in the backlog at `end` if it was opened before `end` and had not
// ended at or before it.

const H = 3_600_000;
const fact = (overrides: Partial<MetricFacts>): MetricFacts => ({
  ticketId: 'T',
  serviceCode: 'POTHOLE',
  channel: 'phone',
  department: 'DPW',
  openedAt: '2026-03-02T10:00:00.000Z',
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
// Two UTC days: 2 March and 3 March 2026.
const FROM = '2026-03-02T00:00:00.000Z';
const MIDNIGHT = '2026-03-03T00:00:00.000Z';
const TO = '2026-03-04T00:00:00.000Z';
const options: CompletionMetricsOptions = { from: new Date(FROM), to: new Date(TO), groupBy: 'department', period: 'day', timeZone: 'UTC' };

/** The figures of each day for the one group the facts have. */
const days = (facts: MetricFacts[], overrides: Partial<CompletionMetricsOptions> = {}): CompletionFigures[] =>
  completionMetrics(facts, { ...options, ...overrides });
const pick = <K extends keyof CompletionFigures>(figures: CompletionFigures[], key: K) => figures.map((f) => f[key]);

describe('completion metrics at the edges of periods and of the range', () => {
  it('given a ticket opened exactly at `from`, then it is opened in the first period', () => {
    expect(pick(days([fact({ openedAt: FROM })]), 'opened')).toEqual([1, 0]);
  });

  it('given a ticket opened exactly at a period end, then it belongs to the next period and is not in the backlog at that end', () => {
    const figures = days([fact({ openedAt: MIDNIGHT })]);
    expect(pick(figures, 'opened')).toEqual([0, 1]);
    expect(pick(figures, 'backlogAtPeriodEnd')).toEqual([0, 1]);
  });

  it('given a ticket opened exactly at `to`, then the range does not count it at all', () => {
    const figures = days([fact({ openedAt: TO })]);
    expect(pick(figures, 'opened')).toEqual([0, 0]);
    expect(pick(figures, 'backlogAtPeriodEnd')).toEqual([0, 0]);
  });

  it('given a ticket completed exactly at a period end, then it is completed in the next period and not in the backlog at that end', () => {
    const figures = days([fact({ openedAt: '2026-03-02T10:00:00.000Z', completedAt: MIDNIGHT, completeBusinessMs: 6 * H, onTime: true })]);
    expect(pick(figures, 'completed')).toEqual([0, 1]);
    expect(pick(figures, 'backlogAtPeriodEnd')).toEqual([0, 0]);
    expect(figures[1].timeToComplete).toMatchObject({ samples: 1, medianHours: 14, medianBusinessHours: 6 });
  });

  it('given a ticket completed one millisecond after a period end, then it is in the backlog at that end', () => {
    const figures = days([fact({ completedAt: '2026-03-03T00:00:00.001Z' })]);
    expect(pick(figures, 'backlogAtPeriodEnd')).toEqual([1, 0]);
  });

  it('given a ticket completed exactly at `to`, then it is not completed in the range, nor in the backlog at its end', () => {
    const figures = days([fact({ completedAt: TO, onTime: true })]);
    expect(pick(figures, 'completed')).toEqual([0, 0]);
    expect(pick(figures, 'backlogAtPeriodEnd')).toEqual([1, 0]);
    expect(pick(figures, 'onTimeRate')).toEqual([null, null]);
  });

  it('given a ticket closed exactly at `to`, then it is not closed in the range', () => {
    const figures = days([fact({ closedAt: TO })]);
    expect(pick(figures, 'closedWithoutCompletion')).toEqual([0, 0]);
    expect(pick(figures, 'backlogAtPeriodEnd')).toEqual([1, 0]);
  });

  it('given a ticket opened and closed at the same instant, a period end, then it is never in the backlog', () => {
    const figures = days([fact({ openedAt: MIDNIGHT, closedAt: MIDNIGHT })]);
    expect(pick(figures, 'backlogAtPeriodEnd')).toEqual([0, 0]);
    expect(pick(figures, 'closedWithoutCompletion')).toEqual([0, 1]);
  });

  it('given a ticket opened before the range and still open, then it is in the backlog at every end', () => {
    expect(pick(days([fact({ openedAt: '2026-02-20T10:00:00.000Z' })]), 'backlogAtPeriodEnd')).toEqual([1, 1]);
  });
});

describe('completion metrics of a ticket both completed and closed', () => {
  const both = fact({
    openedAt: '2026-03-02T09:00:00.000Z',
    completedAt: '2026-03-02T12:00:00.000Z',
    completeBusinessMs: 3 * H,
    closedAt: '2026-03-03T12:00:00.000Z',
    onTime: true,
    escalationCount: 1,
  });

  it('counts it completed, once, and never closed without completion', () => {
    const figures = days([both]);
    expect(pick(figures, 'completed')).toEqual([1, 0]);
    expect(pick(figures, 'closedWithoutCompletion')).toEqual([0, 0]);
    expect(pick(figures, 'completionRate')).toEqual([1, null]);
    expect(pick(figures, 'onTimeRate')).toEqual([1, null]);
    expect(pick(figures, 'escalationRate')).toEqual([1, null]);
  });

  it('ends its backlog stretch at the completion, not at the later close', () => {
    expect(pick(days([both]), 'backlogAtPeriodEnd')).toEqual([0, 0]);
  });
});

describe('completion metrics: tickets closed without completion and overdue tickets', () => {
  it('a closed ticket is resolved for the on-time and escalation rates, not for reopen or first-contact rates', () => {
    const closed = fact({ closedAt: '2026-03-02T11:00:00.000Z', onTime: false, escalationCount: 2 });
    const [day1] = days([closed]);
    expect(day1).toMatchObject({
      closedWithoutCompletion: 1,
      completionRate: 0,
      onTimeRate: 0,
      escalationRate: 1,
      reopenRate: null,
      firstContactResolutionRate: null,
    });
  });

  it('an open ticket counts against the on-time rate from its due time, not from its opening', () => {
    const late = fact({ openedAt: '2026-03-02T10:00:00.000Z', dueAt: '2026-03-03T12:00:00.000Z' });
    expect(pick(days([late]), 'onTimeRate')).toEqual([null, 0]);
  });

  it('a ticket due before it was opened (an imported history) is overdue from its opening', () => {
    const imported = fact({ openedAt: '2026-03-03T10:00:00.000Z', dueAt: '2026-03-01T12:00:00.000Z' });
    expect(pick(days([imported]), 'onTimeRate')).toEqual([null, 0]);
  });

  it('an overdue ticket stops counting at its completion', () => {
    const lateThenDone = fact({ dueAt: '2026-03-02T12:00:00.000Z', completedAt: '2026-03-03T09:00:00.000Z', onTime: false });
    const onTime = fact({ ticketId: 'U', openedAt: '2026-03-03T09:00:00.000Z', completedAt: '2026-03-03T10:00:00.000Z', onTime: true });
    // 2 March: nothing resolved, one overdue; 3 March: both resolved, one of them on time, none overdue at the end.
    expect(pick(days([lateThenDone, onTime]), 'onTimeRate')).toEqual([0, 0.5]);
  });
});

describe('completion metrics: duration samples', () => {
  it('sorts the samples of each period before taking the median and the 90th percentile', () => {
    const hours = [5, 1, 9, 3, 7];
    const facts = hours.map((h, i) =>
      fact({
        ticketId: `S${i}`,
        openedAt: '2026-03-02T00:00:00.000Z',
        firstAssignedAt: new Date(Date.parse('2026-03-02T00:00:00.000Z') + h * H).toISOString(),
        assignBusinessMs: (10 - h) * H,
        completedAt: new Date(Date.parse('2026-03-02T00:00:00.000Z') + (h + 10) * H).toISOString(),
        completeBusinessMs: (20 - h) * H,
      }),
    );
    const [day1] = days(facts);
    expect(day1.timeToAssign).toEqual({ samples: 5, medianHours: 5, p90Hours: 9, medianBusinessHours: 5, p90BusinessHours: 9 });
    expect(day1.timeToComplete).toEqual({ samples: 5, medianHours: 15, p90Hours: 19, medianBusinessHours: 15, p90BusinessHours: 19 });
  });

  it('a ticket whose business durations were not recorded counts zero business hours', () => {
    const [day1] = days([fact({ openedAt: '2026-03-02T08:00:00.000Z', firstAssignedAt: '2026-03-02T10:00:00.000Z', completedAt: '2026-03-02T11:00:00.000Z' })]);
    expect(day1.timeToAssign).toEqual({ samples: 1, medianHours: 2, p90Hours: 2, medianBusinessHours: 0, p90BusinessHours: 0 });
    expect(day1.timeToComplete).toEqual({ samples: 1, medianHours: 3, p90Hours: 3, medianBusinessHours: 0, p90BusinessHours: 0 });
  });
});

describe('completion metrics: groups', () => {
  it('by department: one series per department, in name order', () => {
    const figures = days([fact({ department: 'PARKS' }), fact({ department: 'CLERK' }), fact({ department: 'PARKS', ticketId: 'P2' })], { period: 'range' });
    expect(figures.map((f) => [f.group, f.opened])).toEqual([
      ['CLERK', 1],
      ['PARKS', 2],
    ]);
  });
});
