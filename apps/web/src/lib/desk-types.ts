/**
 * The desk's wire types (docs/api.md "Contacts", "Commands", the Open311 service definition),
 * from the API's OpenAPI document where it describes them (`AnswerOf`), declared here while it
 * does not: each `DescribedOr` gives way to the document's schema as soon as it has one.
 */
import type { AnswerOf, DescribedOr } from './api-types';

/** How the resident reached the 311 office (the contact domain's channels the desk offers). */
export const DESK_CHANNELS = [
  { value: 'phone', label: 'Phone call' },
  { value: 'walk_in', label: 'Walk-in' },
  { value: 'email', label: 'E-mail' },
  { value: 'chat', label: 'Chat' },
] as const;
export type DeskChannel = (typeof DESK_CHANNELS)[number]['value'];

/** The ticket channel a contact's channel opens tickets through (the ticket domain has no chat: a chat is the resident writing on the web). */
export const TICKET_CHANNEL_OF: Readonly<Record<DeskChannel, 'phone' | 'walk_in' | 'email' | 'web'>> = {
  phone: 'phone',
  walk_in: 'walk_in',
  email: 'email',
  chat: 'web',
};

/** The resident's name, phone or e-mail (all optional: a resident may stay anonymous). */
export interface ResidentDetails {
  readonly name?: string;
  readonly phone?: string;
  readonly email?: string;
}

/** What a contact command answers (`POST /contacts/:id/<action>`). */
export type ContactCommandAnswer = DescribedOr<
  AnswerOf<'/contacts/{id}/{action}', 'post'>,
  { readonly id: string; readonly revision: number; readonly position: string; readonly status: string; readonly events: readonly string[] }
>;

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
export type ServiceDefinition = DescribedOr<
  AnswerOf<'/open311/v2/services/{code}.{format}', 'get'>,
  { readonly service_code: string; readonly attributes: readonly ServiceQuestion[] }
>;

/** An open ticket that may be the same problem (`GET /tickets/possible-duplicates`). */
export interface PossibleDuplicate {
  readonly ticketId: string;
  readonly serviceCode: string;
  readonly status: string;
  readonly description?: string;
  readonly address?: string;
  readonly distanceMeters?: number;
  readonly openedAt?: string;
  /** Why it is offered: the same address, nearby, or the caller's own. */
  readonly reasons?: readonly string[];
}

export interface PossibleDuplicates {
  readonly tickets: readonly PossibleDuplicate[];
}

/** Who answers a department's main line now (`GET /departments/{code}/phone-coverage/now`). */
export interface PhoneCoverageNow {
  readonly department: string;
  readonly available: readonly { readonly userId: string; readonly name?: string }[];
}
