"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkDepartments = checkDepartments;
const calendar_1 = require("../calendar");
const catalog_code_1 = require("./catalog-code");
const DEPARTMENT = { kind: 'department', fields: ['code', 'name', 'phone', 'email', 'mainLineRoutedTo311'] };
/** Reports problems of the department list at `path`; returns the codes of the departments it defines. */
function checkDepartments(reader, value, path) {
    const codes = [];
    (0, catalog_code_1.forEachCodedEntry)(reader, value, path, DEPARTMENT, (department, departmentPath, code) => {
        if (code !== undefined)
            codes.push(code);
        reader.string(department.name, (0, calendar_1.fieldPath)(departmentPath, 'name'));
        reader.string(department.phone, (0, calendar_1.fieldPath)(departmentPath, 'phone'), true);
        const email = reader.string(department.email, (0, calendar_1.fieldPath)(departmentPath, 'email'), true);
        if (email !== undefined && !/^[^@\s]+@[^@\s]+$/.test(email)) {
            reader.report((0, calendar_1.fieldPath)(departmentPath, 'email'), `must be an email address (got ${JSON.stringify(email)})`);
        }
        reader.boolean(department.mainLineRoutedTo311, (0, calendar_1.fieldPath)(departmentPath, 'mainLineRoutedTo311'), true);
    });
    return codes;
}
//# sourceMappingURL=department-problems.js.map