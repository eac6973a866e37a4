"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createServiceCatalog = createServiceCatalog;
const calendar_1 = require("../calendar");
const catalog_error_1 = require("./catalog-error");
const catalog_problems_1 = require("./catalog-problems");
/** Validates a catalog config and builds the catalog; throws CatalogError naming `source` and every problem. */
function createServiceCatalog(config, source = 'service catalog') {
    const problems = (0, catalog_problems_1.catalogProblems)(config);
    if (problems.length > 0)
        throw new catalog_error_1.CatalogError(source, problems);
    // A private frozen copy: the catalog is shared by every command, so nobody may change it under them.
    const frozen = deepFreeze(structuredClone(config));
    const services = new Map(frozen.services.map((service) => [service.code, service]));
    const departments = new Map(frozen.departments.map((department) => [department.code, department]));
    const calendar = (0, calendar_1.createBusinessCalendar)(frozen.calendar);
    return {
        config: frozen,
        calendar,
        service: (code) => services.get(code),
        department: (code) => departments.get(code),
        services: () => frozen.services,
        departments: () => frozen.departments,
    };
}
function deepFreeze(value) {
    if (typeof value === 'object' && value !== null) {
        for (const child of Object.values(value))
            deepFreeze(child);
        Object.freeze(value);
    }
    return value;
}
//# sourceMappingURL=service-catalog.js.map