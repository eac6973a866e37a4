import { type BusinessRule, type Guard, hasRole, type MachineEvent, type PermissionRule } from '../shared/rules';
import type { ContactCommand } from './contact-commands';
import type { ContactState } from './contact-state';

/** What the contact lifecycle's guards look at: the folded contact. */
export interface ContactContext {
  readonly contact: ContactState;
}

export type ContactMachineEvent = MachineEvent<ContactCommand>;
export type ContactGuard = Guard<ContactContext, ContactMachineEvent>;

const field = <C extends ContactCommand['type']>(event: ContactMachineEvent, _type: C) => event as Extract<ContactMachineEvent, { type: C }>;
const callbackOf = (contact: ContactState, event: ContactMachineEvent) =>
  event.type === 'CompleteCallback' ? contact.callbacks.find((c) => c.callbackId === event.callbackId) : undefined;

/** The department a who-may `D` stands for: a callback's for its completion, otherwise the line the resident called. */
export const contactDepartment = (contact: ContactState, event: ContactMachineEvent): string | undefined =>
  event.type === 'CompleteCallback' ? callbackOf(contact, event)?.department : contact.line;

/**
 * Who-may rules of contacts. `A` in `whoMay` is the operator who took the contact, `D` the
 * callback's department. A contact is one operator's record of one conversation: only they (or
 * the director) write on it; a promised callback is often made by someone else, later.
 */
export const CONTACT_PERMISSION_RULES = {
  operatorsTakeContacts: {
    check: ({ event }) => hasRole(event.actor, 'operator', 'director'),
    whoMay: [{ role: 'operator' }, { role: 'director' }],
  },
  onlyTheOperatorWhoTookAContactRecordsOnIt: {
    check: ({ context, event }) => hasRole(event.actor, 'director') || (hasRole(event.actor, 'operator') && event.actor.id === context.contact.operatorId),
    whoMay: [{ role: 'operator', id: 'A' }, { role: 'director' }],
  },
  callbacksAreMadeByOperatorsTheCallbackDepartmentOrTheDirector: {
    check: ({ context, event }) =>
      hasRole(event.actor, 'operator', 'director') ||
      (hasRole(event.actor, 'staff', 'department_head') && event.actor.department === contactDepartment(context.contact, event)),
    whoMay: [{ role: 'operator' }, { role: 'staff', department: 'D' }, { role: 'department_head', department: 'D' }, { role: 'director' }],
  },
} satisfies Record<string, PermissionRule<ContactGuard>>;

/** Business rules of contacts: each names the command field it judges, or is a lifecycle rule. */
export const CONTACT_BUSINESS_RULES = {
  aCallbackNeedsAWayToReachTheResident: {
    check: ({ context }) => !!(context.contact.resident?.phone || context.contact.resident?.email),
    field: undefined,
    message: "a callback needs the resident's phone number or e-mail address: record it first (IdentifyResident)",
  },
  onlyAPromisedCallbackIsCompleted: {
    check: ({ context, event }) => callbackOf(context.contact, event)?.completedAt === undefined && callbackOf(context.contact, event) !== undefined,
    field: 'callbackId',
    message: 'no open callback of this contact has this id (it was never promised, or is already completed)',
  },
  aTicketIsLinkedOnce: {
    check: ({ context, event }) => !context.contact.steps.some((s) => s.kind === 'ticket' && s.ticketId === field(event, 'LinkTicket').ticketId),
    field: 'ticketId',
    message: 'this ticket is already linked to the contact',
  },
} satisfies Record<string, BusinessRule<ContactGuard>>;

export type ContactRuleName = keyof typeof CONTACT_PERMISSION_RULES | keyof typeof CONTACT_BUSINESS_RULES;
