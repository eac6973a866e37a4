"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OpeningHoursTable = void 0;
const local_date_1 = require("./local-date");
const weekday_1 = require("./weekday");
const zoned_time_1 = require("./zoned-time");
/** Resolves the opening hours of any local day to instants, from a validated calendar config. */
class OpeningHoursTable {
    config;
    minutes = new Map();
    holidays;
    /** Resolved spans by day: zone lookups dominate the cost, and SLAs revisit the same weeks. */
    spans = new Map();
    constructor(config) {
        this.config = config;
        for (const weekday of weekday_1.WEEKDAYS) {
            const hours = config.hours[weekday];
            if (hours) {
                this.minutes.set(weekday, { open: (0, local_date_1.parseClockTime)(hours.open), close: (0, local_date_1.parseClockTime)(hours.close) });
            }
        }
        this.holidays = new Set(config.holidays.map((date) => (0, local_date_1.parseIsoDate)(date)));
    }
    /** The open span of a local day number, or undefined when the city is closed that day. */
    spanOn(day) {
        if (!this.spans.has(day))
            this.spans.set(day, this.resolveSpan(day));
        return this.spans.get(day);
    }
    resolveSpan(day) {
        const minutes = this.minutes.get((0, weekday_1.weekdayOfDay)(day));
        if (!minutes || this.holidays.has(day))
            return undefined;
        const open = this.instantOn(day, minutes.open * 60_000);
        const close = this.instantOn(day, minutes.close * 60_000);
        // Only a pathological zone transition inside the hours could invert them; such a day is closed.
        return open < close ? { open, close } : undefined;
    }
    /** The instant of a local time-of-day (ms after midnight) on a local day number. */
    instantOn(day, timeOfDay) {
        return (0, zoned_time_1.instantOfWallTime)(this.config.timeZone, day * local_date_1.DAY_MS + timeOfDay);
    }
}
exports.OpeningHoursTable = OpeningHoursTable;
//# sourceMappingURL=opening-hours.js.map