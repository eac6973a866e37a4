"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.lifecycleSnapshot = lifecycleSnapshot;
const ticket_machine_1 = require("./ticket-machine");
const DAY_MS = 24 * 60 * 60 * 1000;
/** The machine's snapshot for a folded ticket: the machine never stores state of its own. */
function lifecycleSnapshot(ticket, reopenWindowDays) {
    const context = { ticket, reopenWindowMs: reopenWindowDays * DAY_MS };
    return ticket_machine_1.ticketLifecycle.resolveState({ value: ticket.status, context });
}
//# sourceMappingURL=lifecycle-snapshot.js.map