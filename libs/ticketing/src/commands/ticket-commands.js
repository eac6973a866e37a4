"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TICKET_COMMAND_TYPES = void 0;
exports.TICKET_COMMAND_TYPES = [
    'OpenTicket',
    'AssignTicket',
    'StartWork',
    'PutTicketOnHold',
    'ResumeTicket',
    'EscalateTicket',
    'CommentOnTicket',
    'ChangePriority',
    'CompleteTicket',
    'ReopenTicket',
    'CloseTicket',
    'RecordSlaBreach',
];
//# sourceMappingURL=ticket-commands.js.map