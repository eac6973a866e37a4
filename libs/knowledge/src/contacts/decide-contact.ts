import type { DecisionContext } from '@switchboard/ticketing';
import { type Decider, decideWith, type DecisionOf } from '../shared/decider';
import { notFound, type NotFound } from '../shared/domain-errors';
import type { ContactCommand } from './contact-commands';
import { CONTACT_SCHEMA_VERSIONS, type ContactEvent } from './contact-events';
import { contactLifecycle } from './contact-machine';
import { CONTACT_BUSINESS_RULES, CONTACT_PERMISSION_RULES, type ContactContext, contactDepartment } from './contact-rules';
import type { ContactState } from './contact-state';
import { emitContactEvents } from './emit-contact-events';
import { validateContactCommand } from './validate-contact-command';

/** The line called, a transfer's and a callback's department must be departments of today's catalog. */
function contactReferences(command: ContactCommand, ctx: DecisionContext): NotFound | undefined {
  const department = command.type === 'StartContact' ? command.line : 'department' in command ? command.department : undefined;
  return department !== undefined && !ctx.catalog.department(department) ? notFound(command.type, 'department', department) : undefined;
}

/** The contact decider: the lifecycle, its rules, and how contacts are checked and recorded. */
export const contactDecider: Decider<ContactCommand, ContactState, ContactEvent, ContactContext> = {
  lifecycle: {
    machine: contactLifecycle,
    permissions: CONTACT_PERMISSION_RULES,
    business: CONTACT_BUSINESS_RULES,
    record: 'contact',
    unborn: 'unstarted',
    starts: 'StartContact',
    idOf: (event) => event.contactId,
    departmentOf: (context, event) => contactDepartment(context.contact, event),
    personOf: (context) => context.contact.operatorId,
  },
  validate: validateContactCommand,
  contextOf: (contact) => ({ contact }),
  statusOf: (contact) => contact.status,
  references: contactReferences,
  emit: (command, _state, ctx) => emitContactEvents(command, ctx),
  schemaVersions: CONTACT_SCHEMA_VERSIONS,
};

export type ContactDecision = DecisionOf<ContactEvent>;

/** Decides what a command does to a contact: fields, lifecycle rules, catalog departments; pure. */
export const decideContact = (command: ContactCommand, state: ContactState, ctx: DecisionContext): ContactDecision =>
  decideWith(contactDecider, command, state, ctx);
