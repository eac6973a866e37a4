"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ticketStreamName = exports.TICKET_EVENT_TYPES = void 0;
exports.TICKET_EVENT_TYPES = [
    'TicketOpened',
    'TicketAssigned',
    'WorkStarted',
    'TicketEscalated',
    'TicketPutOnHold',
    'TicketResumed',
    'TicketCommented',
    'PriorityChanged',
    'SlaBreached',
    'TicketCompleted',
    'TicketReopened',
    'TicketClosed',
];
/** One stream per ticket. */
const ticketStreamName = (ticketId) => `ticket-${ticketId}`;
exports.ticketStreamName = ticketStreamName;
//# sourceMappingURL=ticket-events.js.map