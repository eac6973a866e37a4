"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HISTORY_TO = void 0;
const ticket_spec_1 = require("./ticket-spec");
/** A shortest history that leaves the ticket in each state. */
exports.HISTORY_TO = {
    unopened: [],
    intake: [ticket_spec_1.steps.open()],
    assigned: [ticket_spec_1.steps.open(), ticket_spec_1.steps.assign()],
    in_progress: [ticket_spec_1.steps.open(), ticket_spec_1.steps.assign(), ticket_spec_1.steps.start()],
    on_hold: [ticket_spec_1.steps.open(), ticket_spec_1.steps.assign(), ticket_spec_1.steps.hold()],
    escalated: [ticket_spec_1.steps.open(), ticket_spec_1.steps.assign(), ticket_spec_1.steps.escalate()],
    completed: [ticket_spec_1.steps.open(), ticket_spec_1.steps.assign(), ticket_spec_1.steps.complete()],
    closed: [ticket_spec_1.steps.open(), ticket_spec_1.steps.close()],
};
//# sourceMappingURL=state-histories.js.map