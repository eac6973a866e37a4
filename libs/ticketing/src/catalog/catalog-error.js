"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CatalogError = void 0;
const calendar_1 = require("../calendar");
/** Thrown when a service catalog is invalid; lists every problem, each prefixed with the source. */
class CatalogError extends Error {
    source;
    problems;
    constructor(source, problems) {
        const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
        super(`${source}: invalid service catalog (${count}):\n${problems.map((problem) => `${source}: ${(0, calendar_1.formatProblem)(problem)}`).join('\n')}`);
        this.source = source;
        this.problems = problems;
        this.name = 'CatalogError';
    }
}
exports.CatalogError = CatalogError;
//# sourceMappingURL=catalog-error.js.map