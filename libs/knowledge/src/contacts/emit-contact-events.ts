import type { DecisionContext } from '@switchboard/ticketing';
import type { ContactCommand } from './contact-commands';
import type { ContactEvent } from './contact-events';

type Emitter<C extends ContactCommand> = (command: C, ctx: DecisionContext) => ContactEvent;

/** The command's fields without its type and contact id: most contact facts record just these. */
const fieldsOf = <C extends ContactCommand>({ type: _type, contactId: _id, ...fields }: C) => fields;

const EMITTERS: { [T in ContactCommand['type']]: Emitter<Extract<ContactCommand, { type: T }>> } = {
  StartContact: (c) => ({ type: 'ContactStarted', data: { contactId: c.contactId, ...fieldsOf(c) } }),
  IdentifyResident: (c) => ({ type: 'ResidentIdentified', data: fieldsOf(c) }),
  RecordArticleUsed: (c) => ({ type: 'ArticleUsed', data: fieldsOf(c) }),
  LinkTicket: (c) => ({ type: 'TicketLinked', data: fieldsOf(c) }),
  TransferContact: (c) => ({ type: 'ContactTransferred', data: fieldsOf(c) }),
  PromiseCallback: (c, ctx) => ({ type: 'CallbackPromised', data: { callbackId: ctx.commandId, ...fieldsOf(c) } }),
  CompleteCallback: (c) => ({ type: 'CallbackCompleted', data: fieldsOf(c) }),
  RecordSearch: (c) => ({ type: 'KnowledgeSearched', data: fieldsOf(c) }),
  EndContact: (c) => ({ type: 'ContactEnded', data: fieldsOf(c) }),
};

/** The fact a contact command accepted by the lifecycle produces (always one). */
export function emitContactEvents(command: ContactCommand, ctx: DecisionContext): ContactEvent[] {
  return [(EMITTERS[command.type] as Emitter<ContactCommand>)(command, ctx)];
}
