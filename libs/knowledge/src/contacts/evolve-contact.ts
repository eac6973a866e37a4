import type { StampedContactEvent } from './contact-events';
import { type ContactState, type ContactStep, initialContactState } from './contact-state';

const step = (state: ContactState, added: ContactStep): ContactState => ({ ...state, steps: [...state.steps, added] });

/** Folds one recorded contact event into the contact, never judging it. */
export function evolveContact(state: ContactState, event: StampedContactEvent): ContactState {
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'ContactStarted': {
      const { contactId, channel, line, resident } = event.data;
      return { ...initialContactState, status: 'open', contactId, channel, line, resident, operatorId: event.metadata.actor.id, startedAt: at };
    }
    case 'ResidentIdentified':
      return { ...state, resident: event.data.resident };
    case 'ArticleUsed':
      return step(state, { kind: 'article_used', at, articleId: event.data.articleId, ...(event.data.language ? { language: event.data.language } : {}) });
    case 'TicketLinked':
      return step(state, { kind: 'ticket', at, ticketId: event.data.ticketId, relation: event.data.relation });
    case 'ContactTransferred':
      return step(state, { kind: 'transfer', at, department: event.data.department, reached: event.data.reached });
    case 'CallbackPromised': {
      const { callbackId, department, dueBy } = event.data;
      const callback = { callbackId, department, promisedAt: at, ...(dueBy ? { dueBy } : {}) };
      return { ...step(state, { kind: 'callback_promised', at, callbackId, department }), callbacks: [...state.callbacks, callback] };
    }
    case 'CallbackCompleted': {
      const done = { completedAt: at, completedBy: event.metadata.actor.id, reached: event.data.reached };
      return { ...state, callbacks: state.callbacks.map((c) => (c.callbackId === event.data.callbackId ? { ...c, ...done } : c)) };
    }
    case 'KnowledgeSearched':
      // The search log is read from the events themselves (the read side keeps it by position); a search changes nothing the contact's figures read.
      return state;
    case 'ContactEnded':
      return { ...state, status: 'ended', endedAt: at, outcome: event.data.outcome };
    case 'ResidentDataErased':
      return { ...state, resident: undefined, residentDataErasedAt: at };
    default:
      return state;
  }
}

/** Folds a stream's events, in order, into the contact they describe. */
export const foldContact = (events: readonly StampedContactEvent[], from: ContactState = initialContactState): ContactState =>
  events.reduce(evolveContact, from);
