"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.catalogProblems = catalogProblems;
const calendar_1 = require("../calendar");
const department_problems_1 = require("./department-problems");
const service_problems_1 = require("./service-problems");
const CATALOG_FIELDS = ['jurisdiction', 'departments', 'services', 'calendar', 'policies'];
/** Everything wrong with a service catalog given as untrusted data (parsed JSON or a typed config). */
function catalogProblems(value) {
    const reader = new calendar_1.ConfigReader();
    const catalog = reader.object(value, '', CATALOG_FIELDS);
    if (catalog) {
        reader.string(catalog.jurisdiction, 'jurisdiction');
        const departmentCodes = (0, department_problems_1.checkDepartments)(reader, catalog.departments, 'departments');
        (0, service_problems_1.checkServices)(reader, catalog.services, 'services', departmentCodes);
        (0, calendar_1.checkCalendarConfig)(reader, catalog.calendar, 'calendar');
        checkPolicies(reader, catalog.policies, 'policies');
    }
    return reader.problems;
}
function checkPolicies(reader, value, path) {
    const policies = reader.object(value, path, ['reopenWindowDays']);
    if (!policies)
        return;
    const days = reader.integer(policies.reopenWindowDays, `${path}.reopenWindowDays`);
    if (days !== undefined && days < 0)
        reader.report(`${path}.reopenWindowDays`, `must be 0 or more (got ${days})`);
}
//# sourceMappingURL=catalog-problems.js.map