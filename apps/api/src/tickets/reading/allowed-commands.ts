import { type Actor, commandsAcceptedIn, lifecycleSnapshot, type LifecycleEvent, type TicketCommandType, type TicketState } from '@switchboard/ticketing';

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

/** The commands `actor` may perform on the ticket at `now`, as the lifecycle machine judges them. */
export function allowedCommands(state: TicketState, actor: Actor, now: Date, reopenWindowDays: number): TicketCommandType[] {
  const snapshot = lifecycleSnapshot(state, reopenWindowDays);
  return commandsAcceptedIn(state.status)
    .filter(HUMAN_COMMANDS)
    .filter((type) => snapshot.can({ type, ticketId: state.ticketId ?? '', ...PROBES[type], actor, now: now.getTime() } as LifecycleEvent));
}
