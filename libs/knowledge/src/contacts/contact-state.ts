import type { ContactChannel, ContactOutcome, Resident, TicketRelation } from './contact-values';

export const CONTACT_STATUSES = ['unstarted', 'open', 'ended'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/** What happened during a contact, in the order it was recorded; `at` is when. */
export type ContactStep = { readonly at: string } & (
  | { readonly kind: 'article_used'; readonly articleId: string; readonly language?: string }
  | { readonly kind: 'ticket'; readonly ticketId: string; readonly relation: TicketRelation }
  | { readonly kind: 'transfer'; readonly department: string; readonly reached: boolean }
  | { readonly kind: 'callback_promised'; readonly callbackId: string; readonly department: string }
);

export interface Callback {
  readonly callbackId: string;
  readonly department: string;
  readonly promisedAt: string;
  readonly dueBy?: string;
  readonly completedAt?: string;
  readonly completedBy?: string;
  readonly reached?: boolean;
}

/** A contact folded from its stream. */
export interface ContactState {
  readonly status: ContactStatus;
  readonly contactId?: string;
  readonly channel?: ContactChannel;
  /** The line the resident called: a department code (311 itself, or a department line routed to 311). */
  readonly line?: string;
  /** The operator who took the contact. */
  readonly operatorId?: string;
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly outcome?: ContactOutcome;
  readonly resident?: Resident;
  /** When the contact's resident data was erased (ResidentDataErased); absent while it is kept. */
  readonly residentDataErasedAt?: string;
  readonly steps: readonly ContactStep[];
  readonly callbacks: readonly Callback[];
}

export const initialContactState: ContactState = { status: 'unstarted', steps: [], callbacks: [] };
