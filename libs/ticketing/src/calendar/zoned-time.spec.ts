import { instantOfWallTime, isKnownTimeZone, wallTimeOf, zoneOffsetAt } from './zoned-time';

const NEW_YORK = 'America/New_York';
const wall = (iso: string) => Date.parse(`${iso}Z`);
const instant = (iso: string) => Date.parse(iso);

describe('zoned time', () => {
  it('knows IANA zones and rejects unknown ones', () => {
    expect(isKnownTimeZone(NEW_YORK)).toBe(true);
    expect(isKnownTimeZone('America/Springfield')).toBe(false);
  });

  it('gives the offset of standard and daylight time', () => {
    expect(zoneOffsetAt(NEW_YORK, instant('2026-01-15T12:00Z'))).toBe(-5 * 3_600_000);
    expect(zoneOffsetAt(NEW_YORK, instant('2026-07-15T12:00Z'))).toBe(-4 * 3_600_000);
    expect(zoneOffsetAt('Asia/Kolkata', instant('2026-07-15T12:00Z'))).toBe(5.5 * 3_600_000);
  });

  it('keeps milliseconds when reading the wall clock', () => {
    expect(wallTimeOf(NEW_YORK, instant('2026-01-15T12:00:00.250Z'))).toBe(wall('2026-01-15T07:00:00.250'));
  });

  it('resolves an ordinary wall time to the one instant that reads it', () => {
    expect(instantOfWallTime(NEW_YORK, wall('2026-03-09T08:30'))).toBe(instant('2026-03-09T08:30-04:00'));
    expect(instantOfWallTime(NEW_YORK, wall('2026-11-02T08:30'))).toBe(instant('2026-11-02T08:30-05:00'));
  });

  it('resolves a wall time skipped by spring forward to the instant the gap length later', () => {
    expect(instantOfWallTime(NEW_YORK, wall('2026-03-08T02:30'))).toBe(instant('2026-03-08T03:30-04:00'));
  });

  it('resolves a wall time repeated by fall back to its first occurrence', () => {
    expect(instantOfWallTime(NEW_YORK, wall('2026-11-01T01:30'))).toBe(instant('2026-11-01T01:30-04:00'));
  });

  it('round-trips wall times around both transitions', () => {
    for (const iso of ['2026-03-08T01:59', '2026-03-08T03:00', '2026-11-01T00:59', '2026-11-01T02:00']) {
      expect(wallTimeOf(NEW_YORK, instantOfWallTime(NEW_YORK, wall(iso)))).toBe(wall(iso));
    }
  });
});
