import type { ContactChannel, ContactOutcome, Resident, TicketRelation } from './contact-values';

type Command<Type extends string, Fields> = Readonly<{ type: Type; contactId: string } & Fields>;

/** An operator takes a call, a walk-in, an e-mail or a chat; the start is the command's time. */
export type StartContact = Command<'StartContact', { channel: ContactChannel; line: string; resident?: Resident }>;
/** The resident's name, phone or e-mail, given or corrected. */
export type IdentifyResident = Command<'IdentifyResident', { resident: Resident }>;
/** An article the operator answered from. */
export type RecordArticleUsed = Command<'RecordArticleUsed', { articleId: string; language?: string }>;
/** A ticket opened at this contact, or one the resident asked about. */
export type LinkTicket = Command<'LinkTicket', { ticketId: string; relation: TicketRelation }>;
/** A transfer to a department's experts, and whether anyone answered. */
export type TransferContact = Command<'TransferContact', { department: string; reached: boolean; note?: string }>;
/** A callback promised to the resident by a department (311 itself is one); the id is the command id. */
export type PromiseCallback = Command<'PromiseCallback', { department: string; dueBy?: string; note?: string }>;
/** The promised callback made (or tried): whether the resident was reached. */
export type CompleteCallback = Command<'CompleteCallback', { callbackId: string; reached: boolean; note?: string }>;
/** A knowledge-base search the operator ran for the resident (as submitted, not each keystroke): what was asked and how much it found. */
export type RecordSearch = Command<'RecordSearch', { query: string; language?: string; resultCount: number }>;
/** The contact is over; its end is the command's time. */
export type EndContact = Command<'EndContact', { outcome: ContactOutcome; summary?: string }>;

export type ContactCommand =
  StartContact | IdentifyResident | RecordArticleUsed | LinkTicket | TransferContact | PromiseCallback | CompleteCallback | RecordSearch | EndContact;
export type ContactCommandType = ContactCommand['type'];
