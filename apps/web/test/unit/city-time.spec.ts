import { addDays, cityDate, cityDateTime, formatDuration, instantOfCityTime } from '../../src/lib/city-time';

const NY = 'America/New_York';

describe('city time in the console', () => {
  it('turns local dates and times into instants in the city’s zone, across both daylight-saving changes', () => {
    expect(instantOfCityTime(NY, '2026-11-02')?.toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(instantOfCityTime(NY, '2026-07-01T09:30')?.toISOString()).toBe('2026-07-01T13:30:00.000Z');
    // 8 March 2026: 02:00 EST becomes 03:00 EDT; 1 November 2026: 02:00 EDT becomes 01:00 EST.
    expect(instantOfCityTime(NY, '2026-03-08T03:00')?.toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(instantOfCityTime(NY, '2026-03-08T01:59')?.toISOString()).toBe('2026-03-08T06:59:00.000Z');
    expect(instantOfCityTime(NY, '2026-11-01T03:00')?.toISOString()).toBe('2026-11-01T08:00:00.000Z');
    expect(instantOfCityTime(NY, 'yesterday')).toBeUndefined();
  });

  it('reads instants back as local dates and datetime-local values', () => {
    expect(cityDate(NY, '2026-11-03T03:00:00Z')).toBe('2026-11-02');
    expect(cityDateTime(NY, '2026-11-03T15:30:00Z')).toBe('2026-11-03T10:30');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('says durations in words', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(90 * 60_000)).toBe('1 h 30 min');
    expect(formatDuration((49 * 60 + 5) * 60_000)).toBe('2 d 1 h');
  });
});

describe('city time around daylight-saving changes', () => {
  it('moves a skipped time forward by the change, and takes the first of a repeated time', () => {
    // 8 March 2026, New York: 02:00–03:00 does not happen; 02:30 is taken as 03:30 EDT.
    expect(instantOfCityTime(NY, '2026-03-08T02:30')?.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 1 November 2026: 01:30 happens twice (EDT, then EST); the first is meant.
    expect(instantOfCityTime(NY, '2026-11-01T01:30')?.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(instantOfCityTime('Europe/London', '2026-03-29T01:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantOfCityTime('Asia/Kolkata', '2026-06-01T00:00')?.toISOString()).toBe('2026-05-31T18:30:00.000Z');
  });
});
