import fc from 'fast-check';
import { createBusinessCalendar } from './business-calendar';
import { CITY_HALL, everyDay, HOUR } from './calendar-fixtures';

const FROM = Date.parse('2026-01-01T00:00Z');
const TO = Date.parse('2027-12-31T00:00Z');
const instant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms));
const businessTime = fc.integer({ min: 0, max: 300 * HOUR });

describe.each([
  ['a city hall open Mon–Fri with holidays', CITY_HALL],
  ['a service open every day 01:30–04:00, touching both DST changes', everyDay('01:30', '04:00')],
  ['a service open Mon–Sun 09:00–17:00 in London', everyDay('09:00', '17:00', 'Europe/London')],
])('business calendar properties: %s', (_name, config) => {
  const calendar = createBusinessCalendar(config);

  it('measures back exactly the business time it adds', () => {
    fc.assert(
      fc.property(instant, businessTime, (start, ms) => {
        expect(calendar.businessTimeBetween(start, calendar.addBusinessTime(start, ms))).toBe(ms);
      }),
    );
  });

  it('lands on the end again when adding the business time measured up to it', () => {
    // An end just after the opening instant (not at it): the same amount also runs out at the
    // previous closing, which is the same business moment and is where addBusinessTime stops.
    const endInBusinessHours = (start: Date, end: Date) => end > start && calendar.isBusinessTime(end) && calendar.isBusinessTime(new Date(end.getTime() - 1));
    fc.assert(
      fc.property(instant, instant, (start, end) => {
        fc.pre(endInBusinessHours(start, end));
        expect(calendar.addBusinessTime(start, calendar.businessTimeBetween(start, end))).toEqual(end);
      }),
    );
  });

  it('subtracting business time measures back exactly what it subtracts, and undoes adding it', () => {
    fc.assert(
      fc.property(instant, businessTime, (end, ms) => {
        const start = calendar.subtractBusinessTime(end, ms);
        expect(start.getTime()).toBeLessThanOrEqual(end.getTime());
        expect(calendar.businessTimeBetween(start, end)).toBe(ms);
        expect(calendar.businessTimeBetween(calendar.subtractBusinessTime(calendar.addBusinessTime(end, ms), ms), end)).toBe(0);
      }),
    );
  });

  it('makes business-days SLAs fall due within business hours or at a closing', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 90 }), (start, amount) => {
        const due = calendar.dueDate(start, { amount, unit: 'business_days' });
        expect(calendar.isBusinessTime(due) || calendar.isBusinessTime(new Date(due.getTime() - 1))).toBe(true);
        expect(due.getTime()).toBeGreaterThan(start.getTime());
      }),
      { numRuns: 50 },
    );
  });
});
