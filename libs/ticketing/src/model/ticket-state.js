"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.initialTicketState = exports.TICKET_STATUSES = void 0;
/** The lifecycle states of DESIGN.md, plus `unopened` for a ticket id with no history yet. */
exports.TICKET_STATUSES = [
    'unopened',
    'intake',
    'assigned',
    'in_progress',
    'on_hold',
    'escalated',
    'completed',
    'closed',
];
exports.initialTicketState = { status: 'unopened', escalationTier: 0, reopenCount: 0 };
//# sourceMappingURL=ticket-state.js.map