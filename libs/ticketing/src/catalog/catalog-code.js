"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readCode = readCode;
exports.forEachCodedEntry = forEachCodedEntry;
const calendar_1 = require("../calendar");
const CODE = /^[A-Z0-9]+(?:[-_][A-Z0-9]+)*$/;
/** Reads a department, service or attribute code: upper-case letters and digits joined by '-' or '_'. */
function readCode(reader, value, path) {
    const code = reader.string(value, path);
    if (code === undefined || CODE.test(code))
        return code;
    reader.report(path, `must be upper-case letters and digits joined by '-' or '_', e.g. "TRASH-MISSED" (got ${JSON.stringify(code)})`);
    return undefined;
}
/** Visits each object of a list of coded entries (departments, services, attributes), after checking its fields and that its code is well-formed and unique. */
function forEachCodedEntry(reader, value, path, entry, visit) {
    const checkRepeat = reader.repeatCheck(`${entry.kind} code`);
    (reader.list(value, path) ?? []).forEach((item, index) => {
        const entryPath = (0, calendar_1.elementPath)(path, index);
        const fields = reader.object(item, entryPath, entry.fields);
        if (!fields)
            return;
        const code = readCode(reader, fields.code, (0, calendar_1.fieldPath)(entryPath, 'code'));
        if (code !== undefined)
            checkRepeat(code, (0, calendar_1.fieldPath)(entryPath, 'code'));
        visit(fields, entryPath, code);
    });
}
//# sourceMappingURL=catalog-code.js.map