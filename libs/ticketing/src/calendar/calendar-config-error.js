"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CalendarConfigError = void 0;
const config_reader_1 = require("./config-reader");
/** Thrown when a business calendar is created from an invalid configuration. */
class CalendarConfigError extends Error {
    problems;
    constructor(problems) {
        super(`invalid business calendar configuration:\n${problems.map((problem) => `  ${(0, config_reader_1.formatProblem)(problem)}`).join('\n')}`);
        this.problems = problems;
        this.name = 'CalendarConfigError';
    }
}
exports.CalendarConfigError = CalendarConfigError;
//# sourceMappingURL=calendar-config-error.js.map