import type { TicketCommandType } from '../commands/ticket-commands';
import type { Role } from '../model/actor';
import type { TicketStatus } from '../model/ticket-state';

/** The command is not possible in the ticket's current state (or a lifecycle rule forbids it now). */
export interface IllegalTransition {
  readonly kind: 'IllegalTransition';
  readonly state: TicketStatus;
  readonly command: TicketCommandType;
  /** Commands the lifecycle accepts in this state. */
  readonly allowed: readonly TicketCommandType[];
  /** The named rule that refused it, when the state accepts the command in general. */
  readonly rule?: string;
  readonly message: string;
}

/** The actor may not do this to this ticket. */
export interface Forbidden {
  readonly kind: 'Forbidden';
  readonly command: TicketCommandType;
  readonly rule: string;
  /** Who may: roles, scoped to the ticket's department where the rule says so. */
  readonly whoMay: readonly { readonly role: Role; readonly department?: string }[];
  readonly message: string;
}

/** A field of the command is missing or wrong. */
export interface InvalidCommand {
  readonly kind: 'InvalidCommand';
  /** `unknown` when the command's type itself is not one of ours. */
  readonly command: TicketCommandType | 'unknown';
  readonly field: string;
  readonly message: string;
}

/** The command refers to something that does not exist (service code, department, ticket). */
export interface NotFound {
  readonly kind: 'NotFound';
  readonly command: TicketCommandType;
  readonly what: 'ticket' | 'service' | 'department';
  readonly id: string;
  readonly message: string;
}

export type DomainError = IllegalTransition | Forbidden | InvalidCommand | NotFound;

export const invalid = (command: TicketCommandType | 'unknown', field: string, message: string): InvalidCommand => ({
  kind: 'InvalidCommand',
  command,
  field,
  message: `${field}: ${message}`,
});
