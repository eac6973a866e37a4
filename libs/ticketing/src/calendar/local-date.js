"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DAY_MS = void 0;
exports.parseIsoDate = parseIsoDate;
exports.isoDateOfDay = isoDateOfDay;
exports.parseClockTime = parseClockTime;
/** Milliseconds in a calendar day of wall-clock time. */
exports.DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME = /^(\d{2}):(\d{2})$/;
/** The day number (days since 1970-01-01) of a valid 'YYYY-MM-DD' date, or undefined. */
function parseIsoDate(text) {
    const match = ISO_DATE.exec(text);
    if (!match)
        return undefined;
    const [year, month, day] = match.slice(1).map(Number);
    const ms = Date.UTC(year, month - 1, day);
    // Date.UTC rolls 2026-02-30 over to March; a round trip catches dates that do not exist.
    return isoDateOfDay(ms / exports.DAY_MS) === text ? ms / exports.DAY_MS : undefined;
}
/** The 'YYYY-MM-DD' text of a day number. */
function isoDateOfDay(day) {
    return new Date(day * exports.DAY_MS).toISOString().slice(0, 10);
}
/** Minutes after midnight of a valid 'HH:MM' clock time ('24:00' allowed), or undefined. */
function parseClockTime(text) {
    const match = CLOCK_TIME.exec(text);
    if (!match)
        return undefined;
    const [hours, minutes] = match.slice(1).map(Number);
    if (hours === 24 && minutes === 0)
        return 24 * 60;
    return hours < 24 && minutes < 60 ? hours * 60 + minutes : undefined;
}
//# sourceMappingURL=local-date.js.map