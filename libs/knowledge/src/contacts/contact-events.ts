import type { Fact, Stamped } from '../shared/stamp';
import type { ContactChannel, ContactOutcome, Resident, TicketRelation } from './contact-values';

/** The operator is the event's actor; the start is its occurred-at. */
export type ContactStarted = Fact<'ContactStarted', { contactId: string; channel: ContactChannel; line: string; resident?: Resident }>;
/** The resident's identity as now known (the whole of it: a field absent here is no longer known); absent when read after the contact's resident data was erased. */
export type ResidentIdentified = Fact<'ResidentIdentified', { resident?: Resident }>;
export type ArticleUsed = Fact<'ArticleUsed', { articleId: string; language?: string }>;
export type TicketLinked = Fact<'TicketLinked', { ticketId: string; relation: TicketRelation }>;
export type ContactTransferred = Fact<'ContactTransferred', { department: string; reached: boolean; note?: string }>;
export type CallbackPromised = Fact<'CallbackPromised', { callbackId: string; department: string; dueBy?: string; note?: string }>;
export type CallbackCompleted = Fact<'CallbackCompleted', { callbackId: string; reached: boolean; note?: string }>;
/** A search run for the resident: the search log of the "searches that found nothing" figure (docs/metrics.md). */
export type KnowledgeSearched = Fact<'KnowledgeSearched', { query: string; language?: string; resultCount: number }>;
export type ContactEnded = Fact<'ContactEnded', { outcome: ContactOutcome; summary?: string }>;
/** The contact's resident data was erased: its key destroyed, the sealed identity in the log unreadable; who and when are the metadata's. */
export type ContactResidentDataErased = Fact<'ResidentDataErased', { reason: string; trigger: 'request' | 'retention' }>;

/** Every fact that can happen to a contact. */
export type ContactEvent =
  | ContactStarted
  | ResidentIdentified
  | ArticleUsed
  | TicketLinked
  | ContactTransferred
  | CallbackPromised
  | CallbackCompleted
  | KnowledgeSearched
  | ContactEnded
  | ContactResidentDataErased;

export type ContactEventType = ContactEvent['type'];
export type StampedContactEvent<E extends ContactEvent = ContactEvent> = Stamped<E>;

/** The schema version written today for each contact event type. */
export const CONTACT_SCHEMA_VERSIONS: Readonly<Record<ContactEventType, number>> = {
  ContactStarted: 1,
  ResidentIdentified: 1,
  ArticleUsed: 1,
  TicketLinked: 1,
  ContactTransferred: 1,
  CallbackPromised: 1,
  CallbackCompleted: 1,
  KnowledgeSearched: 1,
  ContactEnded: 1,
  ResidentDataErased: 1,
};
