"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WEEKDAYS = void 0;
exports.weekdayOfDay = weekdayOfDay;
/** Weekdays in the order a city's opening hours are usually written. */
exports.WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** The weekday of a day number (days since 1970-01-01, which was a Thursday). */
function weekdayOfDay(day) {
    return exports.WEEKDAYS[(((day + 3) % 7) + 7) % 7];
}
//# sourceMappingURL=weekday.js.map