"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const zoned_time_1 = require("./zoned-time");
const NEW_YORK = 'America/New_York';
const wall = (iso) => Date.parse(`${iso}Z`);
const instant = (iso) => Date.parse(iso);
describe('zoned time', () => {
    it('knows IANA zones and rejects unknown ones', () => {
        expect((0, zoned_time_1.isKnownTimeZone)(NEW_YORK)).toBe(true);
        expect((0, zoned_time_1.isKnownTimeZone)('America/Springfield')).toBe(false);
    });
    it('gives the offset of standard and daylight time', () => {
        expect((0, zoned_time_1.zoneOffsetAt)(NEW_YORK, instant('2026-01-15T12:00Z'))).toBe(-5 * 3_600_000);
        expect((0, zoned_time_1.zoneOffsetAt)(NEW_YORK, instant('2026-07-15T12:00Z'))).toBe(-4 * 3_600_000);
        expect((0, zoned_time_1.zoneOffsetAt)('Asia/Kolkata', instant('2026-07-15T12:00Z'))).toBe(5.5 * 3_600_000);
    });
    it('keeps milliseconds when reading the wall clock', () => {
        expect((0, zoned_time_1.wallTimeOf)(NEW_YORK, instant('2026-01-15T12:00:00.250Z'))).toBe(wall('2026-01-15T07:00:00.250'));
    });
    it('resolves an ordinary wall time to the one instant that reads it', () => {
        expect((0, zoned_time_1.instantOfWallTime)(NEW_YORK, wall('2026-03-09T08:30'))).toBe(instant('2026-03-09T08:30-04:00'));
        expect((0, zoned_time_1.instantOfWallTime)(NEW_YORK, wall('2026-11-02T08:30'))).toBe(instant('2026-11-02T08:30-05:00'));
    });
    it('resolves a wall time skipped by spring forward to the instant the gap length later', () => {
        expect((0, zoned_time_1.instantOfWallTime)(NEW_YORK, wall('2026-03-08T02:30'))).toBe(instant('2026-03-08T03:30-04:00'));
    });
    it('resolves a wall time repeated by fall back to its first occurrence', () => {
        expect((0, zoned_time_1.instantOfWallTime)(NEW_YORK, wall('2026-11-01T01:30'))).toBe(instant('2026-11-01T01:30-04:00'));
    });
    it('round-trips wall times around both transitions', () => {
        for (const iso of ['2026-03-08T01:59', '2026-03-08T03:00', '2026-11-01T00:59', '2026-11-01T02:00']) {
            expect((0, zoned_time_1.wallTimeOf)(NEW_YORK, (0, zoned_time_1.instantOfWallTime)(NEW_YORK, wall(iso)))).toBe(wall(iso));
        }
    });
});
//# sourceMappingURL=zoned-time.spec.js.map