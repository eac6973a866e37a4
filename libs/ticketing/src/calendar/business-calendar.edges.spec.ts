import { createBusinessCalendar } from './business-calendar';
import type { CalendarConfig } from './calendar-config';
import { at, CITY_HALL, HOUR, MINUTE } from './calendar-fixtures';

// Where business time meets an opening or a closing, and what a caller is told when it asks for
// something the calendar cannot answer.

describe('business calendar edges: a city hall open Mon–Fri 08:30–16:30, Thursdays to 19:00', () => {
  const calendar = createBusinessCalendar(CITY_HALL);

  describe('subtractBusinessTime', () => {
    it('given an end within hours and time that fits in the day, then it starts the same day', () => {
      expect(calendar.subtractBusinessTime(at('2026-03-02T12:00-05:00'), 2 * HOUR)).toEqual(at('2026-03-02T10:00-05:00'));
    });

    it('given exactly the business time since opening, then it starts at the opening', () => {
      expect(calendar.subtractBusinessTime(at('2026-03-02T16:30-05:00'), 8 * HOUR)).toEqual(at('2026-03-02T08:30-05:00'));
    });

    it('given more than the day holds, then it carries back over the weekend to Friday', () => {
      expect(calendar.subtractBusinessTime(at('2026-03-09T09:30-04:00'), 2 * HOUR)).toEqual(at('2026-03-06T15:30-05:00'));
    });

    it('given an end after closing, then counting back begins at the closing', () => {
      expect(calendar.subtractBusinessTime(at('2026-03-02T20:00-05:00'), 30 * MINUTE)).toEqual(at('2026-03-02T16:00-05:00'));
    });

    it('given nothing to subtract from an opening, then it is the previous closing, as adding stops at a closing', () => {
      expect(calendar.subtractBusinessTime(at('2026-03-03T08:30-05:00'), 0)).toEqual(at('2026-03-02T16:30-05:00'));
      expect(calendar.addBusinessTime(at('2026-03-02T16:00-05:00'), 30 * MINUTE)).toEqual(at('2026-03-02T16:30-05:00'));
    });

    it('given nothing to subtract within hours, then it is the end itself', () => {
      expect(calendar.subtractBusinessTime(at('2026-03-02T10:00-05:00'), 0)).toEqual(at('2026-03-02T10:00-05:00'));
    });

    it('rejects negative or non-finite durations, saying what it got', () => {
      expect(() => calendar.subtractBusinessTime(at('2026-03-02T10:00-05:00'), -1)).toThrow(
        new RangeError('business time to subtract must be a finite number of ms >= 0 (got -1)'),
      );
      expect(() => calendar.subtractBusinessTime(at('2026-03-02T10:00-05:00'), Number.POSITIVE_INFINITY)).toThrow(RangeError);
      expect(() => calendar.subtractBusinessTime(at('2026-03-02T10:00-05:00'), Number.NaN)).toThrow(RangeError);
    });

    it('rejects an invalid Date', () => {
      expect(() => calendar.subtractBusinessTime(new Date(Number.NaN), HOUR)).toThrow(new RangeError('invalid Date'));
    });
  });

  describe('addBusinessTime', () => {
    it('says what it got when the duration is not usable', () => {
      expect(() => calendar.addBusinessTime(at('2026-03-02T10:00-05:00'), -5)).toThrow(
        new RangeError('business time to add must be a finite number of ms >= 0 (got -5)'),
      );
      expect(() => calendar.addBusinessTime(at('2026-03-02T10:00-05:00'), Number.POSITIVE_INFINITY)).toThrow(RangeError);
    });

    it('given no time to add within hours, then it is the start itself', () => {
      expect(calendar.addBusinessTime(at('2026-03-02T10:00-05:00'), 0)).toEqual(at('2026-03-02T10:00-05:00'));
    });
  });

  describe('businessTimeBetween', () => {
    it('counts the partial first and last days and every full day between', () => {
      // Mon 15:30 → Wed 09:30: 1 h on Monday, 8 h on Tuesday, 1 h on Wednesday.
      expect(calendar.businessTimeBetween(at('2026-03-02T15:30-05:00'), at('2026-03-04T09:30-05:00'))).toBe(10 * HOUR);
    });

    it('counts a single millisecond of business time', () => {
      expect(calendar.businessTimeBetween(at('2026-03-02T16:29:59.999-05:00'), at('2026-03-02T16:30-05:00'))).toBe(1);
    });
  });

  describe('dueDate', () => {
    it('says what was wrong with the SLA', () => {
      const start = at('2026-03-02T10:00-05:00');
      expect(() => calendar.dueDate(start, { amount: -1, unit: 'business_days' })).toThrow(new RangeError('SLA amount must be > 0 (got -1)'));
      expect(() => calendar.dueDate(start, { amount: Number.NaN, unit: 'business_hours' })).toThrow(RangeError);
      expect(() => calendar.dueDate(start, { amount: 2.5, unit: 'business_days' })).toThrow(
        new RangeError('business_days SLA must be a whole number of days (got 2.5)'),
      );
    });

    it('given a business_hours SLA starting outside hours, then the hours count from the next opening', () => {
      expect(calendar.dueDate(at('2026-03-07T10:00-05:00'), { amount: 2, unit: 'business_hours' })).toEqual(at('2026-03-09T10:30-04:00'));
    });

    it('given business days starting outside hours over a holiday, then the holiday is not one of them', () => {
      // Wednesday 25 November after closing: Friday 27th is the first business day (Thursday is Thanksgiving), Monday the second.
      expect(calendar.dueDate(at('2026-11-25T18:00-05:00'), { amount: 2, unit: 'business_days' })).toEqual(at('2026-11-30T16:30-05:00'));
    });
  });
});

describe('business calendar edges: days with different opening times', () => {
  // Mondays 07:00–15:00, Tuesdays 10:00–18:00, Wednesdays 09:00–12:00, in UTC.
  const config: CalendarConfig = {
    timeZone: 'UTC',
    hours: { monday: { open: '07:00', close: '15:00' }, tuesday: { open: '10:00', close: '18:00' }, wednesday: { open: '09:00', close: '12:00' } },
    holidays: [],
  };
  const calendar = createBusinessCalendar(config);
  const days = (amount: number) => ({ amount, unit: 'business_days' as const });

  it('given a start earlier in the day than the due day opens, then it is due at that day’s opening', () => {
    expect(calendar.dueDate(at('2026-03-02T08:00Z'), days(1))).toEqual(at('2026-03-03T10:00Z'));
  });

  it('given a start later in the day than the due day closes, then it is due at that day’s closing', () => {
    expect(calendar.dueDate(at('2026-03-03T17:00Z'), days(1))).toEqual(at('2026-03-04T12:00Z'));
  });

  it('given a start within the due day’s hours, then it is due at the same time of day', () => {
    expect(calendar.dueDate(at('2026-03-02T11:15Z'), days(2))).toEqual(at('2026-03-04T11:15Z'));
  });

  it('given a start after a week’s last closing, then the next week’s days count', () => {
    expect(calendar.dueDate(at('2026-03-04T13:00Z'), days(2))).toEqual(at('2026-03-10T18:00Z'));
    expect(calendar.addBusinessTime(at('2026-03-04T11:00Z'), 2 * HOUR)).toEqual(at('2026-03-09T08:00Z'));
  });
});
