/**
 * The desk's wire types (docs/api.md "Contacts", "Possible duplicates, the same problem, and
 * resident look-up", "Phone coverage"), from the API's OpenAPI document (`AnswerOf`). Declared
 * here only the Open311 service definition, which the document describes as text (JSON or XML by
 * the route's format), and the desk's own choices.
 */
import type { AnswerOf, CommandBody } from './api-types';

/** How the resident reached the 311 office (the contact domain's channels the desk offers). */
export const DESK_CHANNELS = [
  { value: 'phone', label: 'Phone call' },
  { value: 'walk_in', label: 'Walk-in' },
  { value: 'email', label: 'E-mail' },
  { value: 'chat', label: 'Chat' },
] as const;
export type DeskChannel = (typeof DESK_CHANNELS)[number]['value'];

/** The ticket channel a contact's channel opens tickets (and reports) through: the ticket domain has no chat, a chat is the resident writing on the web. */
export const TICKET_CHANNEL_OF: Readonly<Record<DeskChannel, CommandBody<'reports'>['channel']>> = {
  phone: 'phone',
  walk_in: 'walk_in',
  email: 'email',
  chat: 'web',
};

/** A ticket's (or another report's) contact data: the resident's name, phone, e-mail, language and wish for updates (all optional). */
export type TicketContact = NonNullable<CommandBody<'reports'>['contact']>;

/** Who the resident is: name, phone or e-mail (all optional: a resident may stay anonymous), as a contact and a look-up take them. */
export type ResidentDetails = Pick<TicketContact, 'name' | 'phone' | 'email'>;

/** One question of a service (an Open311 service definition attribute, `GET /open311/v2/services/<code>.json`). */
export interface ServiceQuestion {
  readonly code: string;
  readonly variable: boolean;
  readonly datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  readonly required: boolean;
  readonly datatype_description: string | null;
  readonly order: number;
  readonly description: string;
  readonly values?: readonly { readonly key: string; readonly name: string }[];
}

/** An Open311 service definition in JSON (the root element drops away, lists are arrays). */
export interface ServiceDefinition {
  readonly service_code: string;
  readonly attributes: readonly ServiceQuestion[];
}

/** Open tickets that may be the same problem, and the caller's own (`GET /tickets/possible-duplicates`). */
export type PossibleDuplicates = AnswerOf<'/tickets/possible-duplicates', 'get'>;
export type PossibleDuplicate = PossibleDuplicates['nearby'][number];
export type CallersOpenTicket = PossibleDuplicates['callersOwn'][number];

/** Who answers a department's main line now (`GET /departments/{id}/phone-coverage/now`). */
export type LineNow = AnswerOf<'/departments/{id}/phone-coverage/now', 'get'>;
export type LineAnswerer = LineNow['answerers'][number];

/** A resident's previous contacts and tickets (`POST /residents/lookups`), with the record of the look-up. */
export type ResidentHistory = AnswerOf<'/residents/lookups', 'post'>;
export type ResidentContactSummary = ResidentHistory['contacts'][number];
export type ReportedTicket = ResidentHistory['tickets'][number];
