import type { ResidentContact } from '@switchboard/ticketing';

/** How the resident reached the 311 office. */
export const CONTACT_CHANNELS = ['phone', 'walk_in', 'email', 'chat', 'sms', 'mail'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** `handled`: the operator dealt with the resident; `abandoned`: the resident hung up or left before being helped. */
export const CONTACT_OUTCOMES = ['handled', 'abandoned'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/**
 * `opened`: a ticket raised at this contact; `enquired`: the resident asked about an existing ticket;
 * `same_problem`: the resident reported a problem an open ticket already records, linked to it (its parent) instead of opening a second.
 */
export const TICKET_RELATIONS = ['opened', 'enquired', 'same_problem'] as const;
export type TicketRelation = (typeof TICKET_RELATIONS)[number];

/** Contact ids are drawn by the caller (the API, a telephony import) like ticket ids: letters, digits, '-' and '_'. */
export const CONTACT_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** The resident, when they give their name, phone or e-mail: personal data, handled exactly like a ticket's contact. */
export type Resident = ResidentContact;
