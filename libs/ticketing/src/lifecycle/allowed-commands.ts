import type { TicketCommandType } from '../commands/ticket-commands';
import type { Actor } from '../model/actor';
import { initialTicketState, type TicketState } from '../model/ticket-state';
import { lifecycleSnapshot } from './lifecycle-snapshot';
import type { LifecycleEvent } from './machine-types';
import { commandsAcceptedIn } from './ticket-machine';

/**
 * Field values that satisfy the rules judging a command's fields, so the machine's answer
 * depends only on who asks, when, and the ticket's state.
 */
const PROBES: Partial<Record<TicketCommandType, object>> = {
  AssignTicket: { department: '\u0000probe' },
  EscalateTicket: { reason: 'other', department: '\u0000probe' },
  CompleteTicket: { resolutionCode: 'probe', note: 'probe' },
  CloseTicket: { reason: 'withdrawn' },
};

/** Commands a person acts through (SLA breaches are recorded by the system). */
const HUMAN_COMMANDS = (type: TicketCommandType) => type !== 'RecordSlaBreach' && type !== 'OpenTicket';

/**
 * The commands `actor` may perform on the ticket at `now`, as the lifecycle machine judges them
 * (who asks, the state, the time windows); what a command's own fields say is judged when it is sent.
 */
export function allowedCommands(state: TicketState, actor: Actor, now: Date, reopenWindowDays: number): TicketCommandType[] {
  const snapshot = lifecycleSnapshot(state, reopenWindowDays);
  return commandsAcceptedIn(state.status)
    .filter(HUMAN_COMMANDS)
    .filter((type) => snapshot.can({ type, ticketId: state.ticketId ?? '', ...PROBES[type], actor, now: now.getTime() } as LifecycleEvent));
}

/** The commands that work a ticket from its department's queue (the rest are acts on the ticket itself). */
export const QUEUE_WORK_COMMANDS: readonly TicketCommandType[] = ['StartWork', 'PutTicketOnHold', 'ResumeTicket', 'CompleteTicket'];

/** What a queue shows of a ticket: enough for the lifecycle to judge the work commands. */
export interface QueuedTicket {
  readonly ticketId: string;
  readonly status: string;
  readonly department: string;
  readonly assignee: string | null;
}

/** The work commands `actor` may perform on a ticket in a queue at `now`. */
export function queueActionsFor(entry: QueuedTicket, actor: Actor, now: Date, reopenWindowDays: number): TicketCommandType[] {
  const state: TicketState = {
    ...initialTicketState,
    ticketId: entry.ticketId,
    status: entry.status as TicketState['status'],
    department: entry.department,
    assignee: entry.assignee ?? undefined,
  };
  return allowedCommands(state, actor, now, reopenWindowDays).filter((type) => QUEUE_WORK_COMMANDS.includes(type));
}

/** The commands that take a ticket out of intake, or record it there: what triage does. */
export const TRIAGE_COMMANDS: readonly TicketCommandType[] = ['AssignTicket', 'EscalateTicket', 'CompleteTicket', 'CloseTicket'];

/** What the intake queue shows of a ticket: its department is the owner of its service. */
export interface IntakeTicket {
  readonly ticketId: string;
  readonly department: string;
}

/** The triage commands `actor` may send for a ticket waiting in intake at `now`. */
export function intakeActionsFor(entry: IntakeTicket, actor: Actor, now: Date, reopenWindowDays: number): TicketCommandType[] {
  const state: TicketState = { ...initialTicketState, ticketId: entry.ticketId, status: 'intake', owningDepartment: entry.department };
  return allowedCommands(state, actor, now, reopenWindowDays).filter((type) => TRIAGE_COMMANDS.includes(type));
}
