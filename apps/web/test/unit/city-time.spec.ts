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
