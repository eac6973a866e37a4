"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkServices = checkServices;
const calendar_1 = require("../calendar");
const attribute_problems_1 = require("./attribute-problems");
const catalog_code_1 = require("./catalog-code");
const priority_1 = require("./priority");
const SERVICE = {
    kind: 'service',
    fields: ['code', 'name', 'description', 'group', 'keywords', 'department', 'sla', 'defaultPriority', 'attributes'],
};
/** Reports problems of the service list at `path`, including services owned by departments not in `departmentCodes`. */
function checkServices(reader, value, path, departmentCodes) {
    (0, catalog_code_1.forEachCodedEntry)(reader, value, path, SERVICE, (service, servicePath) => {
        for (const field of ['name', 'description', 'group'])
            reader.string(service[field], (0, calendar_1.fieldPath)(servicePath, field));
        checkKeywords(reader, service.keywords, (0, calendar_1.fieldPath)(servicePath, 'keywords'));
        checkDepartmentReference(reader, service.department, (0, calendar_1.fieldPath)(servicePath, 'department'), departmentCodes);
        checkSla(reader, service.sla, (0, calendar_1.fieldPath)(servicePath, 'sla'));
        reader.oneOf(service.defaultPriority, (0, calendar_1.fieldPath)(servicePath, 'defaultPriority'), priority_1.PRIORITIES);
        (0, attribute_problems_1.checkAttributes)(reader, service.attributes, (0, calendar_1.fieldPath)(servicePath, 'attributes'));
    });
}
function checkKeywords(reader, value, path) {
    reader.list(value, path)?.forEach((keyword, index) => reader.string(keyword, (0, calendar_1.elementPath)(path, index)));
}
function checkDepartmentReference(reader, value, path, departmentCodes) {
    const code = reader.string(value, path);
    if (code !== undefined && !departmentCodes.includes(code)) {
        reader.report(path, `unknown department ${JSON.stringify(code)} (known: ${departmentCodes.join(', ') || 'none'})`);
    }
}
function checkSla(reader, value, path) {
    const sla = reader.object(value, path, ['amount', 'unit']);
    if (!sla)
        return;
    const unit = reader.oneOf(sla.unit, (0, calendar_1.fieldPath)(path, 'unit'), calendar_1.SLA_UNITS);
    const amount = reader.number(sla.amount, (0, calendar_1.fieldPath)(path, 'amount'));
    if (amount === undefined)
        return;
    if (amount <= 0)
        reader.report((0, calendar_1.fieldPath)(path, 'amount'), `must be more than 0 (got ${amount})`);
    else if (unit === 'business_days' && !Number.isInteger(amount)) {
        reader.report((0, calendar_1.fieldPath)(path, 'amount'), `must be a whole number of business days (got ${amount}); use business_hours for parts of a day`);
    }
}
//# sourceMappingURL=service-problems.js.map