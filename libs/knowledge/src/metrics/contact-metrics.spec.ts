import fc from 'fast-check';
import { callback, contact, ticket, transfer, used } from '../testing/contact-fixture';
import { answeredAtFirstContact, contactCounts, firstContactAnswers, handleTimes } from './contact-figures';
import { callbackFigures, transferFigures } from './department-figures';
import { durationSummary, type MetricsRange } from './metrics-range';
import { normaliseQuery, type SearchLogRecord, unansweredSearches } from './search-gaps';
import { busiestTimes, topArticles } from './usage-figures';

// A hand-worked week in Harrowfield (America/New_York, UTC−5 after the fall-back of 1 November
// 2026): Monday 2 November 00:00 local is 05:00Z. Local times in the comments.
const WEEK: Omit<MetricsRange, 'period'> = { from: new Date('2026-11-02T05:00:00Z'), to: new Date('2026-11-09T05:00:00Z'), timeZone: 'America/New_York' };

const A = contact({
  // Mon 09:00–09:06, Treasurer's line: answered from one article (used twice). First contact: yes.
  contactId: 'A',
  line: 'TREASURER',
  startedAt: '2026-11-02T14:00:00Z',
  endedAt: '2026-11-02T14:06:00Z',
  outcome: 'handled',
  steps: [used('excise-tax-bill', '2026-11-02T14:01:00Z'), used('excise-tax-bill', '2026-11-02T14:03:00Z')],
});
const B = contact({
  // Mon 09:10–09:20, Treasurer's line: article, then a transfer that reached the Treasurer. First contact: no.
  contactId: 'B',
  line: 'TREASURER',
  startedAt: '2026-11-02T14:10:00Z',
  endedAt: '2026-11-02T14:20:00Z',
  outcome: 'handled',
  steps: [used('excise-tax-bill', '2026-11-02T14:12:00Z'), transfer('TREASURER', true, '2026-11-02T14:19:00Z')],
});
const C = contact({
  // Mon 10:00–10:04, 311: a ticket T1 opened and completed at intake. First contact: yes.
  contactId: 'C',
  startedAt: '2026-11-02T15:00:00Z',
  endedAt: '2026-11-02T15:04:00Z',
  outcome: 'handled',
  steps: [used('city-hall-hours', '2026-11-02T15:01:00Z'), ticket('T1', '2026-11-02T15:03:00Z')],
});
const D = contact({
  // Tue 11:00–11:12, 311 walk-in: ticket T2 routed to DPW, a DPW callback promised 11:10, made Wed 13:10 (26 h). First contact: no.
  contactId: 'D',
  channel: 'walk_in',
  startedAt: '2026-11-03T16:00:00Z',
  endedAt: '2026-11-03T16:12:00Z',
  outcome: 'handled',
  steps: [ticket('T2', '2026-11-03T16:05:00Z'), { kind: 'callback_promised', callbackId: 'cb-d', department: 'DPW', at: '2026-11-03T16:10:00Z' }],
  callbacks: [
    callback({
      callbackId: 'cb-d',
      department: 'DPW',
      promisedAt: '2026-11-03T16:10:00Z',
      dueBy: '2026-11-04T21:00:00Z',
      completedAt: '2026-11-04T18:10:00Z',
      reached: true,
    }),
  ],
});
const E = contact({
  // Mon 23:30 local (Tue 04:30Z): a local Monday. Abandoned after a minute.
  contactId: 'E',
  startedAt: '2026-11-03T04:30:00Z',
  endedAt: '2026-11-03T04:31:00Z',
  outcome: 'abandoned',
});
const F = contact({
  // Wed 09:00–09:30, Treasurer's line by e-mail: a transfer to the Treasurer (not reached), one to Assessing (reached), a Treasurer callback due Thu 09:00, never made.
  contactId: 'F',
  line: 'TREASURER',
  channel: 'email',
  startedAt: '2026-11-04T14:00:00Z',
  endedAt: '2026-11-04T14:30:00Z',
  outcome: 'handled',
  steps: [
    used('property-tax-bill', '2026-11-04T14:02:00Z'),
    transfer('TREASURER', false, '2026-11-04T14:10:00Z'),
    transfer('ASSESSING', true, '2026-11-04T14:20:00Z'),
  ],
  callbacks: [callback({ callbackId: 'cb-f', department: 'TREASURER', promisedAt: '2026-11-04T14:25:00Z', dueBy: '2026-11-05T14:00:00Z' })],
});
// Thu 10:00, 311: still open.
const G = contact({ contactId: 'G', startedAt: '2026-11-05T15:00:00Z' });
// Mon 9 November 00:00 local: the end of the range is exclusive, so H is in no figure.
const H = contact({
  contactId: 'H',
  startedAt: '2026-11-09T05:00:00Z',
  endedAt: '2026-11-09T05:01:00Z',
  outcome: 'handled',
  steps: [transfer('DPW', true, '2026-11-09T05:00:30Z')],
});

const CONTACTS = [A, B, C, D, E, F, G, H];
const COMPLETED_AT_INTAKE = new Set(['T1']);

describe('contact metrics on a hand-worked week', () => {
  it('contacts per line and local day: E (23:30 on Monday local) counts on Monday; H is outside the range', () => {
    expect(contactCounts(CONTACTS, { ...WEEK, period: 'day', groupBy: 'line' })).toEqual([
      { group: '311', period: '2026-11-02', contacts: 2, handled: 1, abandoned: 1, open: 0 }, // C, E
      { group: '311', period: '2026-11-03', contacts: 1, handled: 1, abandoned: 0, open: 0 }, // D
      { group: '311', period: '2026-11-05', contacts: 1, handled: 0, abandoned: 0, open: 1 }, // G
      { group: 'TREASURER', period: '2026-11-02', contacts: 2, handled: 2, abandoned: 0, open: 0 }, // A, B
      { group: 'TREASURER', period: '2026-11-04', contacts: 1, handled: 1, abandoned: 0, open: 0 }, // F
    ]);
  });

  it('answered at first contact: A (articles only) and C (its ticket completed at intake) of the five handled: 2 ÷ 5', () => {
    expect(firstContactAnswers(CONTACTS, COMPLETED_AT_INTAKE, { ...WEEK, period: 'week', groupBy: 'all' })).toEqual([
      { group: 'all', period: '2026-11-02', handled: 5, answeredAtFirstContact: 2, rate: 0.4 },
    ]);
    expect([A, B, C, D, E, F, G].map((c) => answeredAtFirstContact(c, COMPLETED_AT_INTAKE))).toEqual([true, false, true, false, false, false, false]);
  });

  it('an enquiry about an existing ticket does not count against first contact', () => {
    const enquiry = contact({
      contactId: 'I',
      startedAt: '2026-11-02T16:00:00Z',
      endedAt: '2026-11-02T16:03:00Z',
      outcome: 'handled',
      steps: [ticket('T9', '2026-11-02T16:01:00Z', 'enquired')],
    });
    expect(answeredAtFirstContact(enquiry, COMPLETED_AT_INTAKE)).toBe(true);
  });

  it('handle time by channel over the range: phone A 6, B 10, C 4 min → median (rank 2 of 3) 6, p90 (rank 3) 10, mean 20⁄3; abandoned E left out', () => {
    expect(handleTimes(CONTACTS, { ...WEEK, period: 'range', groupBy: 'channel' })).toEqual([
      { group: 'email', period: '2026-11-02', samples: 1, medianMinutes: 30, p90Minutes: 30, meanMinutes: 30 },
      { group: 'phone', period: '2026-11-02', samples: 3, medianMinutes: 6, p90Minutes: 10, meanMinutes: 20 / 3 },
      { group: 'walk_in', period: '2026-11-02', samples: 1, medianMinutes: 12, p90Minutes: 12, meanMinutes: 12 },
    ]);
  });

  it('transfers by department: of the 7 contacts of the week, B and F went to the Treasurer (one reached), F to Assessing (reached)', () => {
    expect(transferFigures(CONTACTS, { ...WEEK, period: 'week' })).toEqual([
      { group: 'ASSESSING', period: '2026-11-02', contacts: 7, transferred: 1, transfers: 1, reached: 1, transferRate: 1 / 7, reachedRate: 1 },
      { group: 'TREASURER', period: '2026-11-02', contacts: 7, transferred: 2, transfers: 2, reached: 1, transferRate: 2 / 7, reachedRate: 0.5 },
    ]);
  });

  it("callbacks by the department that calls back: DPW's made in 26 h, on time; the Treasurer's still open and past due at the range's end", () => {
    expect(callbackFigures(CONTACTS, { ...WEEK, period: 'week' })).toEqual([
      {
        group: 'DPW',
        period: '2026-11-02',
        promised: 1,
        completed: 1,
        reached: 1,
        open: 0,
        late: 0,
        timeToComplete: { samples: 1, medianHours: 26, p90Hours: 26 },
      },
      {
        group: 'TREASURER',
        period: '2026-11-02',
        promised: 1,
        completed: 0,
        reached: 0,
        open: 1,
        late: 1,
        timeToComplete: { samples: 0, medianHours: null, p90Hours: null },
      },
    ]);
  });

  it('top articles: by contacts that used them, then uses, then id', () => {
    expect(topArticles(CONTACTS, WEEK)).toEqual([
      { articleId: 'excise-tax-bill', contacts: 2, uses: 3 }, // A twice, B once
      { articleId: 'city-hall-hours', contacts: 1, uses: 1 },
      { articleId: 'property-tax-bill', contacts: 1, uses: 1 },
    ]);
    expect(topArticles(CONTACTS, WEEK, 1)).toHaveLength(1);
  });

  it('busiest times per line, in local time: the heat map, the busiest hours and dates', () => {
    const [line311, treasurer] = busiestTimes(CONTACTS, WEEK);
    expect(treasurer).toMatchObject({
      line: 'TREASURER',
      contacts: 3,
      busiestHours: [
        { weekday: 'monday', hour: 9, contacts: 2 }, // A, B
        { weekday: 'wednesday', hour: 9, contacts: 1 }, // F
      ],
      busiestDates: [
        { date: '2026-11-02', contacts: 2 },
        { date: '2026-11-04', contacts: 1 },
      ],
    });
    expect(treasurer.byWeekdayAndHour[0][9]).toBe(2);
    expect(line311.contacts).toBe(4); // C, E, D, G
    expect(line311.byWeekdayAndHour[0][23]).toBe(1); // E, Monday 23:30 local
    expect(line311.busiestDates[0]).toEqual({ date: '2026-11-02', contacts: 2 });
  });

  it('refuses an empty range and an unknown zone, naming the option', () => {
    expect(() => contactCounts(CONTACTS, { ...WEEK, to: WEEK.from, period: 'day', groupBy: 'line' })).toThrow(/^from:/);
    expect(() => contactCounts(CONTACTS, { ...WEEK, timeZone: 'Mars/Olympus', period: 'day', groupBy: 'line' })).toThrow(/^timeZone:/);
  });

  it('months are labelled by their first day', () => {
    expect(contactCounts([A], { ...WEEK, period: 'month', groupBy: 'all' })).toEqual([
      { group: 'all', period: '2026-11-01', contacts: 1, handled: 1, abandoned: 0, open: 0 },
    ]);
  });
});

describe('searches that found nothing', () => {
  const search = (query: string, at: string, line: string, resultCount = 0): SearchLogRecord => ({ query, at, line, resultCount });
  const LOG = [
    search('¿Dónde voto?', '2026-11-02T15:00:00Z', 'CLERK'),
    search('¿Dónde voto?', '2026-11-03T15:00:00Z', 'CLERK'),
    search('donde  voto', '2026-11-03T16:00:00Z', '311'),
    search('leaf pickup', '2026-11-03T17:00:00Z', '311'),
    search('trash day', '2026-11-03T18:00:00Z', '311', 3), // found something
    search('leaf pickup', '2026-11-10T17:00:00Z', '311'), // after the range
    search(' ¿? ', '2026-11-03T19:00:00Z', '311'), // nothing left to count
  ];

  it('normalises case, accents, punctuation and spaces', () => {
    expect(normaliseQuery('  ¿Dónde   VOTO? ')).toBe('donde voto');
  });

  it('counts what was asked and not answered, most asked first, with lines, first and last time and the usual wording', () => {
    expect(unansweredSearches(LOG, WEEK)).toEqual([
      { query: 'donde voto', count: 3, lines: ['311', 'CLERK'], firstAt: '2026-11-02T15:00:00Z', lastAt: '2026-11-03T16:00:00Z', example: '¿Dónde voto?' },
      { query: 'leaf pickup', count: 1, lines: ['311'], firstAt: '2026-11-03T17:00:00Z', lastAt: '2026-11-03T17:00:00Z', example: 'leaf pickup' },
    ]);
  });
});

describe('durationSummary', () => {
  it('given any durations, when summarised, then the median and p90 are the samples at ranks ⌈p·n⌉ of the sorted durations', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000_000 }), { maxLength: 300 }), (durations) => {
        const sorted = [...durations].sort((a, b) => a - b);
        const rank = (p: number) => (sorted.length > 0 ? sorted[Math.ceil(p * sorted.length) - 1] / 1000 : null);
        expect(durationSummary(durations, 1000)).toEqual({ samples: durations.length, median: rank(0.5), p90: rank(0.9) });
      }),
    );
  });
});
