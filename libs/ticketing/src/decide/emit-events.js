"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.emitEvents = emitEvents;
const ticket_values_1 = require("../model/ticket-values");
const policy_rules_1 = require("../lifecycle/policy-rules");
const iso = (d) => d?.toISOString();
/** SLA due instant for a clock (re)started now: a fresh full SLA of the ticket's service. */
const freshDueAt = (ctx) => {
    const service = ctx.state.serviceCode ? ctx.catalog.service(ctx.state.serviceCode) : undefined;
    return service ? iso(ctx.catalog.calendar.dueDate(ctx.now, service.sla)) : undefined;
};
/**
 * Due instant once the ticket leaves a hold: the paused remainder counted from now. A ticket
 * that was already overdue and breached keeps its breached due time, so leaving the hold
 * neither hides the lateness nor records the same breach twice.
 */
const resumedDueAt = (ctx) => {
    const { slaRemainingMs, breachedDueAt } = ctx.state;
    if (slaRemainingMs === undefined)
        return undefined;
    if (slaRemainingMs === 0 && breachedDueAt)
        return breachedDueAt;
    return iso(ctx.catalog.calendar.addBusinessTime(ctx.now, slaRemainingMs));
};
/**
 * The SLA clock starts when a department first takes the ticket, resumes after a hold,
 * and otherwise keeps running: reassignment does not give a department a fresh SLA.
 */
const dueAtAfterMovingOn = (ctx) => {
    if (ctx.state.status === 'on_hold')
        return resumedDueAt(ctx);
    if (ctx.state.status === 'intake')
        return freshDueAt(ctx);
    return ctx.state.dueAt;
};
const EMITTERS = {
    OpenTicket: (c, ctx) => {
        const service = ctx.catalog.service(c.serviceCode);
        return [
            {
                type: 'TicketOpened',
                data: {
                    ticketId: c.ticketId,
                    serviceCode: c.serviceCode,
                    owningDepartment: service.department,
                    description: c.description,
                    channel: c.channel,
                    ...(c.location ? { location: c.location } : {}),
                    ...(c.contact ? { contact: c.contact } : {}),
                    priority: c.priority ?? service.defaultPriority,
                    ...(c.attributes ? { attributes: c.attributes } : {}),
                },
            },
        ];
    },
    AssignTicket: (c, ctx) => {
        const previous = ctx.state.department;
        return [
            {
                type: 'TicketAssigned',
                data: {
                    department: c.department,
                    ...(c.assignee ? { assignee: c.assignee } : {}),
                    ...(previous && previous !== c.department ? { previousDepartment: previous } : {}),
                    ...withDue(dueAtAfterMovingOn(ctx)),
                    ...(c.note ? { note: c.note } : {}),
                },
            },
        ];
    },
    StartWork: (_c, ctx) => [{ type: 'WorkStarted', data: { assignee: ctx.actor.id } }],
    PutTicketOnHold: (c, ctx) => {
        const due = ctx.state.dueAt;
        const remaining = due ? ctx.catalog.calendar.businessTimeBetween(ctx.now, new Date(due)) : undefined;
        return [
            {
                type: 'TicketPutOnHold',
                data: { reason: c.reason, ...(remaining !== undefined ? { remainingBusinessMs: remaining } : {}) },
            },
        ];
    },
    ResumeTicket: (_c, ctx) => [{ type: 'TicketResumed', data: withDue(resumedDueAt(ctx)) }],
    EscalateTicket: (c, ctx) => {
        const tier = ctx.state.escalationTier === 0 ? 1 : ticket_values_1.DIRECTOR_TIER;
        const fromIntake = ctx.state.status === 'intake';
        return [
            {
                type: 'TicketEscalated',
                data: {
                    tier,
                    reason: c.reason,
                    ...(c.note ? { note: c.note } : {}),
                    ...(fromIntake ? { department: c.department } : {}),
                    ...withDue(dueAtAfterMovingOn(ctx)),
                },
            },
        ];
    },
    CommentOnTicket: (c, ctx) => [
        { type: 'TicketCommented', data: { commentId: ctx.commandId, body: c.body, visibility: c.visibility } },
    ],
    ChangePriority: (c, ctx) => [
        {
            type: 'PriorityChanged',
            data: { from: ctx.state.priority ?? 'normal', to: c.priority, ...(c.reason ? { reason: c.reason } : {}) },
        },
    ],
    CompleteTicket: (c, ctx) => {
        const department = (0, policy_rules_1.responsibleDepartment)(ctx.state);
        return [
            {
                type: 'TicketCompleted',
                data: {
                    resolutionCode: c.resolutionCode,
                    note: c.note,
                    ...(department ? { department } : {}),
                    firstContactResolution: ctx.state.status === 'intake',
                },
            },
        ];
    },
    ReopenTicket: (c, ctx) => [
        {
            type: 'TicketReopened',
            data: { reason: c.reason, department: ctx.state.completedByDepartment, ...withDue(freshDueAt(ctx)) },
        },
    ],
    CloseTicket: (c) => [
        {
            type: 'TicketClosed',
            data: {
                reason: c.reason,
                ...(c.reason === 'duplicate' ? { parentTicketId: c.parentTicketId } : {}),
                ...(c.note ? { note: c.note } : {}),
            },
        },
    ],
    RecordSlaBreach: (_c, ctx) => [{ type: 'SlaBreached', data: { dueAt: ctx.state.dueAt } }],
};
function withDue(dueAt) {
    return dueAt ? { dueAt } : {};
}
/** The facts a command accepted by the lifecycle produces. */
function emitEvents(command, ctx) {
    return EMITTERS[command.type](command, ctx);
}
//# sourceMappingURL=emit-events.js.map