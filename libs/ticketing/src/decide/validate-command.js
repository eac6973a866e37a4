"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateCommand = validateCommand;
const catalog_1 = require("../catalog");
const ticket_values_1 = require("../model/ticket-values");
const ticket_id_1 = require("../model/ticket-id");
const domain_errors_1 = require("./domain-errors");
const text = (max, required) => (v) => {
    if (v === undefined || v === null)
        return required ? 'is required' : undefined;
    if (typeof v !== 'string')
        return 'must be a string';
    if (required && v.trim().length === 0)
        return 'must not be empty';
    if (v.length > max)
        return `must be at most ${max} characters (got ${v.length})`;
    return undefined;
};
const required = (max = ticket_values_1.MAX_NOTE_LENGTH) => text(max, true);
const optional = (max = ticket_values_1.MAX_NOTE_LENGTH) => text(max, false);
const oneOf = (values, isRequired = true) => (v) => {
    if (v === undefined || v === null)
        return isRequired ? `is required (one of ${values.join(', ')})` : undefined;
    return typeof v === 'string' && values.includes(v) ? undefined : `must be one of ${values.join(', ')}`;
};
const between = (min, max) => (v) => v === undefined || (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max)
    ? undefined
    : `must be a number from ${min} to ${max}`;
const ticketId = (v) => typeof v === 'string' && (0, ticket_id_1.isValidTicketId)(v) ? undefined : 'must be 1-40 letters, digits, "-" or "_"';
/** Field checks per command type: shape only; lifecycle and permission rules live in the machine. */
const FIELDS = {
    OpenTicket: {
        serviceCode: required(64),
        description: required(ticket_values_1.MAX_DESCRIPTION_LENGTH),
        channel: oneOf(ticket_values_1.CHANNELS),
        priority: oneOf(catalog_1.PRIORITIES, false),
        'location.address': optional(500),
        'location.latitude': between(-90, 90),
        'location.longitude': between(-180, 180),
        'contact.name': optional(200),
        'contact.phone': optional(40),
        'contact.email': optional(254),
    },
    AssignTicket: { department: required(64), assignee: optional(128), note: optional() },
    StartWork: {},
    PutTicketOnHold: { reason: required() },
    ResumeTicket: {},
    EscalateTicket: { reason: oneOf(ticket_values_1.ESCALATION_REASONS), note: optional(), department: optional(64) },
    CommentOnTicket: { body: required(), visibility: oneOf(ticket_values_1.COMMENT_VISIBILITIES) },
    ChangePriority: { priority: oneOf(catalog_1.PRIORITIES), reason: optional() },
    CompleteTicket: { resolutionCode: optional(64), note: required() },
    ReopenTicket: { reason: required() },
    CloseTicket: { reason: oneOf(ticket_values_1.CLOSE_REASONS), parentTicketId: optional(40), note: optional() },
    RecordSlaBreach: {},
};
const valueAt = (command, path) => path.split('.').reduce((v, key) => (v && typeof v === 'object' ? v[key] : undefined), command);
/** Every field problem of a command, in declaration order; empty when the shape is right. */
function validateCommand(command) {
    const problems = [];
    const idProblem = ticketId(command.ticketId);
    if (idProblem)
        problems.push((0, domain_errors_1.invalid)(command.type, 'ticketId', idProblem));
    for (const [path, check] of Object.entries(FIELDS[command.type])) {
        const problem = check(valueAt(command, path));
        if (problem)
            problems.push((0, domain_errors_1.invalid)(command.type, path, problem));
    }
    if (command.type === 'OpenTicket' && command.location) {
        const { latitude, longitude } = command.location;
        if ((latitude === undefined) !== (longitude === undefined)) {
            problems.push((0, domain_errors_1.invalid)(command.type, 'location', 'latitude and longitude must be given together'));
        }
    }
    return problems;
}
//# sourceMappingURL=validate-command.js.map