"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createBusinessCalendar = createBusinessCalendar;
const calendar_config_error_1 = require("./calendar-config-error");
const calendar_config_problems_1 = require("./calendar-config-problems");
const local_date_1 = require("./local-date");
const opening_hours_1 = require("./opening-hours");
const zoned_time_1 = require("./zoned-time");
const HOUR_MS = 3_600_000;
/** Creates a business calendar; throws CalendarConfigError listing every problem of an invalid config. */
function createBusinessCalendar(config) {
    const problems = (0, calendar_config_problems_1.calendarConfigProblems)(config);
    if (problems.length > 0)
        throw new calendar_config_error_1.CalendarConfigError(problems);
    return new ZonedBusinessCalendar(config);
}
class ZonedBusinessCalendar {
    config;
    openingHours;
    constructor(config) {
        this.config = config;
        this.openingHours = new opening_hours_1.OpeningHoursTable(config);
    }
    addBusinessTime(start, ms) {
        if (!Number.isFinite(ms) || ms < 0)
            throw new RangeError(`business time to add must be a finite number of ms >= 0 (got ${ms})`);
        let remaining = ms;
        for (let from = instantOf(start);;) {
            const span = this.spanOn(this.nextOpenDay(from));
            const begin = Math.max(from, span.open);
            // `<=`: time that runs out exactly at closing is due at closing, not at the next opening.
            if (remaining <= span.close - begin)
                return new Date(begin + remaining);
            remaining -= span.close - begin;
            from = span.close;
        }
    }
    businessTimeBetween(start, end) {
        const from = instantOf(start);
        const to = instantOf(end);
        if (to <= from)
            return 0;
        const lastDay = this.dayOf(to);
        let total = 0;
        for (let day = this.dayOf(from); day <= lastDay; day++) {
            const span = this.openingHours.spanOn(day);
            if (span)
                total += Math.max(0, Math.min(to, span.close) - Math.max(from, span.open));
        }
        return total;
    }
    /**
     * `business_hours`: the instant `amount` hours of business time after start.
     * `business_days`: a start inside business hours is due at the same local time of day on the
     * amount-th following business day, clamped into that day's hours (a day that closes earlier
     * is due at its closing). A start outside business hours counts from the next opening, and
     * that opening's day is the first of the `amount` business days: it is due at the closing of
     * the amount-th business day. So 1 business day from Friday 20:00 is Monday's closing, and
     * from 10:00 on Monday it is 10:00 on Tuesday.
     */
    dueDate(start, sla) {
        if (!(sla.amount > 0))
            throw new RangeError(`SLA amount must be > 0 (got ${sla.amount})`);
        if (sla.unit === 'business_hours')
            return this.addBusinessTime(start, sla.amount * HOUR_MS);
        if (!Number.isInteger(sla.amount))
            throw new RangeError(`business_days SLA must be a whole number of days (got ${sla.amount})`);
        const from = instantOf(start);
        if (!this.isBusinessTime(start)) {
            const firstDay = this.nextOpenDay(from);
            return new Date(this.spanOn(this.businessDaysAfter(firstDay, sla.amount - 1)).close);
        }
        const startDay = this.dayOf(from);
        const timeOfDay = (0, zoned_time_1.wallTimeOf)(this.config.timeZone, from) - startDay * local_date_1.DAY_MS;
        const dueDay = this.businessDaysAfter(startDay, sla.amount);
        const { open, close } = this.spanOn(dueDay);
        return new Date(Math.min(close, Math.max(open, this.openingHours.instantOn(dueDay, timeOfDay))));
    }
    isBusinessTime(at) {
        const instant = instantOf(at);
        const span = this.openingHours.spanOn(this.dayOf(instant));
        return span !== undefined && span.open <= instant && instant < span.close;
    }
    dayOf(instant) {
        return Math.floor((0, zoned_time_1.wallTimeOf)(this.config.timeZone, instant) / local_date_1.DAY_MS);
    }
    spanOn(openDay) {
        return this.openingHours.spanOn(openDay);
    }
    /** The first day, from the one holding `instant`, that is still open at or after it. */
    nextOpenDay(instant) {
        // Terminates: a valid config has an open weekday and finitely many holidays.
        for (let day = this.dayOf(instant);; day++) {
            const span = this.openingHours.spanOn(day);
            if (span && span.close > instant)
                return day;
        }
    }
    /** The open day `count` open days after `openDay`. */
    businessDaysAfter(openDay, count) {
        let day = openDay;
        for (let stepped = 0; stepped < count; stepped++)
            day = this.nextOpenDay(this.spanOn(day).close);
        return day;
    }
}
function instantOf(date) {
    const instant = date.getTime();
    if (Number.isNaN(instant))
        throw new RangeError('invalid Date');
    return instant;
}
//# sourceMappingURL=business-calendar.js.map