"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isKnownTimeZone = isKnownTimeZone;
exports.zoneOffsetAt = zoneOffsetAt;
exports.wallTimeOf = wallTimeOf;
exports.instantOfWallTime = instantOfWallTime;
const local_date_1 = require("./local-date");
/*
 * Instants are epoch milliseconds. A "wall" time is the local wall-clock reading expressed as
 * if it were UTC epoch milliseconds, so that day and time-of-day arithmetic on it is plain
 * integer arithmetic: local day number = floor(wall / DAY_MS).
 */
const formatters = new Map();
function formatterFor(timeZone) {
    let formatter = formatters.get(timeZone);
    if (!formatter) {
        formatter = new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
        });
        formatters.set(timeZone, formatter);
    }
    return formatter;
}
/** Whether Intl knows the IANA time zone (it throws RangeError on unknown zones). */
function isKnownTimeZone(timeZone) {
    try {
        formatterFor(timeZone);
        return true;
    }
    catch {
        return false;
    }
}
/** The zone's offset from UTC at an instant, in ms (wall = instant + offset). */
function zoneOffsetAt(timeZone, instant) {
    // Intl formats whole seconds only; offsets never change within a second.
    const wholeSecond = Math.floor(instant / 1000) * 1000;
    const parts = {};
    for (const part of formatterFor(timeZone).formatToParts(wholeSecond))
        parts[part.type] = Number(part.value);
    const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    return wall - wholeSecond;
}
/** The local wall time of an instant. */
function wallTimeOf(timeZone, instant) {
    return instant + zoneOffsetAt(timeZone, instant);
}
/**
 * The instant a local wall time denotes.
 * A wall time skipped by a forward transition (02:30 on a spring-forward night) resolves as if
 * the clock had not yet moved, which lands the length of the gap later (03:30 daylight time).
 * A wall time that occurs twice (01:30 on a fall-back night) resolves to its first occurrence.
 * This is what Temporal calls the 'compatible' disambiguation. It assumes, as holds for every
 * real zone, that a zone changes its offset at most once within a day either side.
 */
function instantOfWallTime(timeZone, wall) {
    const offsetBefore = zoneOffsetAt(timeZone, wall - local_date_1.DAY_MS);
    const offsetAfter = zoneOffsetAt(timeZone, wall + local_date_1.DAY_MS);
    if (offsetBefore === offsetAfter)
        return wall - offsetBefore;
    const readings = [wall - offsetBefore, wall - offsetAfter].filter((instant) => wallTimeOf(timeZone, instant) === wall);
    return readings.length > 0 ? Math.min(...readings) : wall - offsetBefore;
}
//# sourceMappingURL=zoned-time.js.map