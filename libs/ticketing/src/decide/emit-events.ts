import type { ServiceCatalog } from '../catalog';
import type { TicketCommand } from '../commands/ticket-commands';
import type { Actor } from '../model/actor';
import type { TicketState, TicketStatus } from '../model/ticket-state';
import type { TicketEvent } from '../events/ticket-events';
import { DIRECTOR_TIER } from '../model/ticket-values';
import { responsibleDepartment } from '../lifecycle/policy-rules';

/** What an emitter needs besides the command: the state before, the state the lifecycle moves to, the clock and the catalog. */
export interface EmitContext {
  readonly state: TicketState;
  readonly status: TicketStatus;
  readonly now: Date;
  readonly actor: Actor;
  readonly catalog: ServiceCatalog;
  readonly commandId: string;
}

type Emitter<C extends TicketCommand> = (command: C, ctx: EmitContext) => TicketEvent[];

const iso = (d: Date | undefined) => d?.toISOString();

/** The SLA due time an event records, and the business time it allows. */
interface SlaDue {
  dueAt?: string;
  slaBusinessMs?: number;
}

/** A clock (re)started now: a fresh full SLA of the ticket's service (or of a ticket being opened), and the business time it allows. */
const freshSla = (ctx: EmitContext, serviceCode = ctx.state.serviceCode): SlaDue => {
  const service = serviceCode ? ctx.catalog.service(serviceCode) : undefined;
  if (!service) return {};
  const due = ctx.catalog.calendar.dueDate(ctx.now, service.sla);
  return { dueAt: iso(due), slaBusinessMs: ctx.catalog.calendar.businessTimeBetween(ctx.now, due) };
};

/**
 * Due instant once the ticket leaves a hold: the paused remainder counted from now. A ticket
 * that was already late when the hold began stays late against its original due time, so a
 * hold never hides lateness, and a breach already recorded is not recorded twice.
 */
const resumedDueAt = (ctx: EmitContext): string | undefined => {
  const { slaRemainingMs, overdueSince } = ctx.state;
  if (overdueSince) return overdueSince;
  return slaRemainingMs === undefined ? undefined : iso(ctx.catalog.calendar.addBusinessTime(ctx.now, slaRemainingMs));
};

/**
 * The SLA clock starts when a department first takes the ticket, resumes after a hold,
 * and otherwise keeps running: reassignment does not give a department a fresh SLA.
 */
const slaAfterMovingOn = (ctx: EmitContext): SlaDue => {
  if (ctx.state.status === 'intake') return freshSla(ctx);
  return withDue(ctx.state.status === 'on_hold' ? resumedDueAt(ctx) : ctx.state.dueAt);
};

const EMITTERS: { [T in TicketCommand['type']]: Emitter<Extract<TicketCommand, { type: T }>> } = {
  OpenTicket: (c, ctx) => {
    const service = ctx.catalog.service(c.serviceCode)!;
    // The lifecycle sends a service the catalog routes on open straight to its owner's queue:
    // the assignment is a fact of its own, in the same append, and its SLA clock starts now.
    const routed: TicketEvent[] =
      ctx.status === 'assigned'
        ? [{ type: 'TicketAssigned', data: { department: service.department, ...freshSla(ctx, c.serviceCode), routedBy: 'catalog' } }]
        : [];
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
          ...(c.raisedByContact ? { raisedByContact: c.raisedByContact } : {}),
        },
      },
      ...routed,
      ...(c.photos ?? []).map((photo): TicketEvent => ({ type: 'PhotoAttached', data: photo })),
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
          ...slaAfterMovingOn(ctx),
          ...(c.note ? { note: c.note } : {}),
        },
      },
    ];
  },
  StartWork: (_c, ctx) => [{ type: 'WorkStarted', data: { assignee: ctx.actor.id } }],
  PutTicketOnHold: (c, ctx) => {
    const due = ctx.state.dueAt;
    const remaining = due ? ctx.catalog.calendar.businessTimeBetween(ctx.now, new Date(due)) : undefined;
    const overdue = due !== undefined && ctx.now.getTime() >= Date.parse(due);
    return [
      {
        type: 'TicketPutOnHold',
        data: {
          reason: c.reason,
          ...(remaining !== undefined ? { remainingBusinessMs: remaining } : {}),
          ...(overdue ? { overdueSince: due } : {}),
        },
      },
    ];
  },
  ResumeTicket: (_c, ctx) => [{ type: 'TicketResumed', data: withDue(resumedDueAt(ctx)) }],
  EscalateTicket: (c, ctx) => {
    const tier = ctx.state.escalationTier === 0 ? 1 : DIRECTOR_TIER;
    const fromIntake = ctx.state.status === 'intake';
    return [
      {
        type: 'TicketEscalated',
        data: {
          tier,
          reason: c.reason,
          ...(c.note ? { note: c.note } : {}),
          ...(fromIntake ? { department: c.department } : {}),
          ...slaAfterMovingOn(ctx),
        },
      },
    ];
  },
  CommentOnTicket: (c, ctx) => [{ type: 'TicketCommented', data: { commentId: ctx.commandId, body: c.body, visibility: c.visibility } }],
  ChangePriority: (c, ctx) => [
    {
      type: 'PriorityChanged',
      data: { from: ctx.state.priority ?? 'normal', to: c.priority, ...(c.reason ? { reason: c.reason } : {}) },
    },
  ],
  CompleteTicket: (c, ctx) => {
    const department = responsibleDepartment(ctx.state);
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
      data: { reason: c.reason, department: ctx.state.completedByDepartment!, ...freshSla(ctx) },
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
  RecordAnotherReport: (c) => [
    {
      type: 'AnotherReportRecorded',
      data: {
        channel: c.channel,
        ...(c.contact ? { contact: c.contact } : {}),
        ...(c.raisedByContact ? { raisedByContact: c.raisedByContact } : {}),
        ...(c.note ? { note: c.note } : {}),
      },
    },
  ],
  AttachPhoto: (c) => [{ type: 'PhotoAttached', data: c.photo }],
  RecordSlaBreach: (_c, ctx) => [{ type: 'SlaBreached', data: { dueAt: ctx.state.dueAt! } }],
};

function withDue(dueAt: string | undefined): { dueAt?: string } {
  return dueAt ? { dueAt } : {};
}

/** The facts a command accepted by the lifecycle produces. */
export function emitEvents(command: TicketCommand, ctx: EmitContext): TicketEvent[] {
  return (EMITTERS[command.type] as Emitter<TicketCommand>)(command, ctx);
}
