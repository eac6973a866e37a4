"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sampleCommand = sampleCommand;
const test_catalog_1 = require("./test-catalog");
const ticket_spec_1 = require("./ticket-spec");
/**
 * A well-formed command of each type for a ticket in `state`, with an actor the permission
 * table allows, and the moment to issue it (a breach is only possible after the due time).
 */
function sampleCommand(type, state, clock) {
    const otherDepartment = state.department === 'DPW' ? 'CLERK' : 'DPW';
    const base = { ticketId: ticket_spec_1.TICKET_ID };
    const byDirector = (command) => ({ command, actor: test_catalog_1.actors.director, now: clock });
    switch (type) {
        case 'OpenTicket':
            return {
                command: { ...base, type, serviceCode: 'POTHOLE', description: 'Deep pothole', channel: 'phone' },
                actor: test_catalog_1.actors.operator,
                now: clock,
            };
        case 'AssignTicket':
            return byDirector({ ...base, type, department: otherDepartment });
        case 'EscalateTicket':
            return byDirector({ ...base, type, reason: 'complex', department: otherDepartment });
        case 'PutTicketOnHold':
            return byDirector({ ...base, type, reason: 'waiting on utility company' });
        case 'CommentOnTicket':
            return byDirector({ ...base, type, body: 'status update', visibility: 'public' });
        case 'ChangePriority':
            return byDirector({ ...base, type, priority: state.priority === 'urgent' ? 'low' : 'urgent' });
        case 'CompleteTicket':
            return byDirector({ ...base, type, resolutionCode: 'repaired', note: 'Patched' });
        case 'ReopenTicket':
            return byDirector({ ...base, type, reason: 'came back' });
        case 'CloseTicket':
            return byDirector({ ...base, type, reason: 'withdrawn' });
        case 'RecordSlaBreach':
            return {
                command: { ...base, type },
                actor: test_catalog_1.actors.system,
                now: state.dueAt ? Math.max(clock, Date.parse(state.dueAt) + 1000) : clock,
            };
        case 'StartWork':
        case 'ResumeTicket':
            return byDirector({ ...base, type });
    }
}
//# sourceMappingURL=command-samples.js.map