import { createBusinessCalendar } from './business-calendar';
import { CalendarConfigError } from './calendar-config-error';
import { at, CITY_HALL, HOUR, MINUTE } from './calendar-fixtures';

describe('business calendar: a city hall open Mon–Fri 08:30–16:30, Thursdays to 19:00, in New York', () => {
  const calendar = createBusinessCalendar(CITY_HALL);

  describe('isBusinessTime', () => {
    it('is open from opening (included) to closing (excluded)', () => {
      expect(calendar.isBusinessTime(at('2026-03-02T08:29:59.999-05:00'))).toBe(false);
      expect(calendar.isBusinessTime(at('2026-03-02T08:30-05:00'))).toBe(true);
      expect(calendar.isBusinessTime(at('2026-03-02T16:29:59.999-05:00'))).toBe(true);
      expect(calendar.isBusinessTime(at('2026-03-02T16:30-05:00'))).toBe(false);
    });

    it('is open late on Thursdays', () => {
      expect(calendar.isBusinessTime(at('2026-03-05T18:30-05:00'))).toBe(true);
    });

    it('is closed on weekends and holidays', () => {
      expect(calendar.isBusinessTime(at('2026-03-07T10:00-05:00'))).toBe(false);
      expect(calendar.isBusinessTime(at('2026-11-26T10:00-05:00'))).toBe(false);
    });
  });

  describe('addBusinessTime', () => {
    it('given a start within hours, when time fits in the day, then it ends the same day', () => {
      expect(calendar.addBusinessTime(at('2026-03-02T10:00-05:00'), 2 * HOUR)).toEqual(at('2026-03-02T12:00-05:00'));
    });

    it('given time that runs out exactly at closing, then it ends at closing, not at the next opening', () => {
      expect(calendar.addBusinessTime(at('2026-03-02T15:30-05:00'), HOUR)).toEqual(at('2026-03-02T16:30-05:00'));
    });

    it('given time left at closing, then it carries over to the next opening', () => {
      expect(calendar.addBusinessTime(at('2026-03-02T16:00-05:00'), HOUR)).toEqual(at('2026-03-03T09:00-05:00'));
    });

    it('given a Friday afternoon, then it carries over the weekend to Monday', () => {
      expect(calendar.addBusinessTime(at('2026-03-13T16:00-04:00'), HOUR)).toEqual(at('2026-03-16T09:00-04:00'));
    });

    it('given the day before Thanksgiving, then it skips the holiday', () => {
      expect(calendar.addBusinessTime(at('2026-11-25T16:00-05:00'), HOUR)).toEqual(at('2026-11-27T09:00-05:00'));
    });

    it('given a start on Saturday, then counting begins at Monday opening', () => {
      expect(calendar.addBusinessTime(at('2026-03-07T10:00-05:00'), HOUR)).toEqual(at('2026-03-09T09:30-04:00'));
    });

    it('given a start exactly at closing, then counting begins at the next opening', () => {
      expect(calendar.addBusinessTime(at('2026-03-02T16:30-05:00'), 30 * MINUTE)).toEqual(at('2026-03-03T09:00-05:00'));
    });

    it('given a start before opening, then counting begins at opening', () => {
      expect(calendar.addBusinessTime(at('2026-03-02T07:00-05:00'), 30 * MINUTE)).toEqual(at('2026-03-02T09:00-05:00'));
    });

    it('given no time to add and a closed start, then it is the next opening', () => {
      expect(calendar.addBusinessTime(at('2026-03-07T10:00-05:00'), 0)).toEqual(at('2026-03-09T08:30-04:00'));
    });

    it('given a Thursday evening, then the late hours count', () => {
      expect(calendar.addBusinessTime(at('2026-03-05T18:00-05:00'), 90 * MINUTE)).toEqual(at('2026-03-06T09:00-05:00'));
    });

    it('rejects negative or non-finite durations', () => {
      expect(() => calendar.addBusinessTime(at('2026-03-02T10:00-05:00'), -1)).toThrow(RangeError);
      expect(() => calendar.addBusinessTime(at('2026-03-02T10:00-05:00'), Number.NaN)).toThrow(RangeError);
    });

    it('rejects an invalid Date', () => {
      expect(() => calendar.addBusinessTime(new Date(Number.NaN), HOUR)).toThrow(RangeError);
    });
  });

  describe('businessTimeBetween', () => {
    it('counts only open hours within a day', () => {
      expect(calendar.businessTimeBetween(at('2026-03-02T07:00-05:00'), at('2026-03-02T10:00-05:00'))).toBe(90 * MINUTE);
    });

    it('counts a full week, late Thursday included', () => {
      expect(calendar.businessTimeBetween(at('2026-03-02T00:00-05:00'), at('2026-03-09T00:00-04:00'))).toBe(4 * 8 * HOUR + 10.5 * HOUR);
    });

    it('counts nothing over a weekend', () => {
      expect(calendar.businessTimeBetween(at('2026-03-06T16:30-05:00'), at('2026-03-09T08:30-04:00'))).toBe(0);
    });

    it('counts nothing on a holiday', () => {
      expect(calendar.businessTimeBetween(at('2026-11-26T00:00-05:00'), at('2026-11-27T00:00-05:00'))).toBe(0);
    });

    it('is 0 when the end is not after the start', () => {
      expect(calendar.businessTimeBetween(at('2026-03-02T12:00-05:00'), at('2026-03-02T10:00-05:00'))).toBe(0);
      expect(calendar.businessTimeBetween(at('2026-03-02T12:00-05:00'), at('2026-03-02T12:00-05:00'))).toBe(0);
    });
  });

  describe('holds: remaining = businessTimeBetween(hold, due); newDue = addBusinessTime(resume, remaining)', () => {
    const holdAndResume = (due: Date, holdAt: Date, resumeAt: Date) => calendar.addBusinessTime(resumeAt, calendar.businessTimeBetween(holdAt, due));

    it('given a hold over a weekend, then the due date moves by the business time the hold cost', () => {
      // 3 h left at the hold (1 h on Friday, 2 h on Monday); resumed Tuesday 14:00 with 2.5 h left that day.
      const newDue = holdAndResume(at('2026-03-16T10:30-04:00'), at('2026-03-13T15:30-04:00'), at('2026-03-17T14:00-04:00'));
      expect(newDue).toEqual(at('2026-03-18T09:00-04:00'));
    });

    it('given a hold over the July 4th weekend (observed Friday), then the holiday costs nothing', () => {
      const newDue = holdAndResume(at('2026-07-02T18:00-04:00'), at('2026-07-02T16:00-04:00'), at('2026-07-06T08:30-04:00'));
      expect(newDue).toEqual(at('2026-07-06T10:30-04:00'));
    });

    it('given a hold and resume outside business hours, then the due date is unchanged', () => {
      const due = at('2026-03-10T11:00-04:00');
      expect(holdAndResume(due, at('2026-03-06T18:00-05:00'), at('2026-03-08T12:00-04:00'))).toEqual(due);
    });
  });

  it('refuses an invalid configuration', () => {
    expect(() => createBusinessCalendar({ ...CITY_HALL, hours: {} })).toThrow(CalendarConfigError);
  });
});
