import { decideContact } from '../contacts/decide-contact';
import { foldContact } from '../contacts/evolve-contact';
import type { ContactState } from '../contacts/contact-state';
import { initialContactState } from '../contacts/contact-state';
import { COVERAGE_RANGE, COVERAGE_STEPS, coverageCommandId, EXPECTED_COVERAGE, FIRST_WEEK, WITH_LUNCH } from '../testing/coverage-fixture';
import { demoCatalog } from '../testing/demo-catalog';
import { coverageDays, type RosterVersion } from './coverage-figures';
import { lineNow } from './answering-now';

const calendar = demoCatalog.config.calendar;
const sickDay = { date: '2026-11-03', away: ['sam.dpw'], extra: [{ from: '10:00', until: '16:30', staffId: 'hana.dpw' }], reason: 'Sam on leave' };

/** The fixture's roster versions and availability, written out by hand. */
const versions: RosterVersion[] = [
  { effectiveAt: '2026-10-30T12:00:00.000Z', roster: { slots: FIRST_WEEK, exceptions: [] } },
  { effectiveAt: '2026-10-30T12:05:00.000Z', roster: { slots: FIRST_WEEK, exceptions: [sickDay] } },
  { effectiveAt: '2026-11-02T17:30:00.000Z', roster: { slots: WITH_LUNCH, exceptions: [sickDay] } },
];
const spans = [
  { staffId: 'sam.dpw', department: 'DPW', from: '2026-11-02T13:30:00.000Z', until: '2026-11-02T16:00:00.000Z' },
  { staffId: 'hana.dpw', department: 'DPW', from: '2026-11-02T18:00:00.000Z', until: '2026-11-03T05:00:00.000Z' },
];

/** The fixture's contacts, as the contact domain folds them. */
function fixtureContacts(): ContactState[] {
  const contacts = new Map<string, ContactState>();
  COVERAGE_STEPS.forEach((step, index) => {
    if (!('contact' in step)) return;
    const id = step.contact.contactId;
    const state = contacts.get(id) ?? initialContactState;
    const decision = decideContact(step.contact, state, { now: new Date(step.at), actor: step.by, commandId: coverageCommandId(index), catalog: demoCatalog });
    if (!decision.ok) throw new Error(decision.error.message);
    contacts.set(id, foldContact(decision.events, state));
  });
  return [...contacts.values()];
}

const report = (overrides: Partial<Parameters<typeof coverageDays>[0]> = {}) =>
  coverageDays({
    departments: ['ENGINEERING', 'DPW'],
    rosters: new Map([['DPW', versions]]),
    availableSpans: spans,
    contacts: fixtureContacts(),
    calendar,
    ...COVERAGE_RANGE,
    ...overrides,
  });

describe('phone coverage by department and day (docs/metrics.md, "Phone coverage")', () => {
  it('given the hand-worked fixture, then each figure is the one worked out by hand', () => {
    expect(report()).toEqual(EXPECTED_COVERAGE);
  });

  it('given a range that ends mid-morning, then only the City Hall minutes inside it count', () => {
    const [monday] = report({ departments: ['DPW'], to: new Date('2026-11-02T16:30:00Z') });
    expect(monday).toMatchObject({ date: '2026-11-02', cityHallMinutes: 180, unscheduledMinutes: 0, unavailableMinutes: 30 });
  });

  it('given a weekend and a holiday, then they have no City Hall hours and no row without transfers or callbacks', () => {
    const rows = report({ from: new Date('2026-11-07T05:00:00Z'), to: new Date('2026-11-12T05:00:00Z'), now: new Date('2026-11-12T05:00:00Z') });
    // Sat 7, Sun 8, Mon 9, Tue 10, Wed 11 (Veterans Day, closed): only Monday and Tuesday have hours.
    expect(rows.filter((r) => r.department === 'DPW').map((r) => [r.date, r.cityHallMinutes, r.unscheduledMinutes])).toEqual([
      ['2026-11-09', 480, 0],
      ['2026-11-10', 480, 0],
    ]);
  });

  it('given a future day, then nobody-available is not counted yet but the schedule is', () => {
    const rows = report({ departments: ['DPW'], from: new Date('2026-11-03T05:00:00Z'), now: new Date('2026-11-02T12:00:00Z') });
    expect(rows[0]).toMatchObject({ date: '2026-11-03', unscheduledMinutes: 90, unavailableMinutes: 0, callbacksLate: 0 });
  });

  it('refuses an empty range, naming from', () => {
    expect(() => report({ to: COVERAGE_RANGE.from })).toThrow(new RangeError('from: must be a date before to'));
  });
});

describe('who answers a line now', () => {
  const roster = versions[2].roster;
  const sam = { status: 'away' as const, staffId: 'sam.dpw', department: 'DPW', since: '2026-11-02T16:00:00.000Z' };
  const hana = { status: 'available' as const, staffId: 'hana.dpw', department: 'DPW', since: '2026-11-02T18:00:00.000Z', until: '2026-11-03T05:00:00.000Z' };

  it('given Monday 11:30, then Sam is scheduled but away, and nobody answers a transfer', () => {
    expect(lineNow(roster, [sam], 'DPW', demoCatalog.calendar, new Date('2026-11-02T16:30:00Z'))).toEqual({
      cityHallOpen: true,
      answerers: [{ staffId: 'sam.dpw', scheduled: true, scheduledUntil: '2026-11-02T17:00:00.000Z', available: false }],
    });
  });

  it('given Monday 13:30, then Hana is scheduled and available', () => {
    expect(lineNow(roster, [sam, hana], 'DPW', demoCatalog.calendar, new Date('2026-11-02T18:30:00Z')).answerers).toEqual([
      { staffId: 'hana.dpw', scheduled: true, scheduledUntil: '2026-11-02T21:30:00.000Z', available: true, availableUntil: '2026-11-03T05:00:00.000Z' },
    ]);
  });

  it('given Tuesday morning, then Hana’s mark of Monday has lapsed and Sam is away by the exception', () => {
    expect(lineNow(roster, [sam, hana], 'DPW', demoCatalog.calendar, new Date('2026-11-03T14:00:00Z'))).toEqual({ cityHallOpen: true, answerers: [] });
  });

  it('given another department’s staff marked available, then they do not answer this line', () => {
    expect(lineNow(undefined, [{ ...hana, department: 'CLERK' }], 'DPW', demoCatalog.calendar, new Date('2026-11-02T18:30:00Z')).answerers).toEqual([]);
  });
});
