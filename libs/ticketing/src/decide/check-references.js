"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkReferences = checkReferences;
const notFound = (command, what, id) => ({
    kind: 'NotFound',
    command: command.type,
    what,
    id,
    message: `unknown ${what} "${id}"`,
});
/** The service or department a command names must exist in today's catalog. */
function checkReferences(command, catalog) {
    if (command.type === 'OpenTicket' && !catalog.service(command.serviceCode)) {
        return notFound(command, 'service', command.serviceCode);
    }
    const department = command.type === 'AssignTicket' || command.type === 'EscalateTicket' ? command.department : undefined;
    if (department && !catalog.department(department))
        return notFound(command, 'department', department);
    return undefined;
}
//# sourceMappingURL=check-references.js.map