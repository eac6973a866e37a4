import type { Priority } from '../catalog';
import type { Actor } from '../model/actor';
import type { PhotoToAttach } from '../model/ticket-photo';
import type { Channel, CloseReason, CommentVisibility, EscalationReason, EscalationTier, Location, ResidentContact } from '../model/ticket-values';
import type { NotificationOutcome, ResidentNotice, ResidentNotificationChannel, StaffDeliveryMode, StaffNotice } from '../model/notification-values';

/** Metadata every stored ticket event carries. */
export interface EventMetadata {
  readonly eventId: string;
  readonly commandId: string;
  /** The command that recorded the event and a digest of its fields (absent on events recorded before they were kept). */
  readonly commandType?: string;
  readonly commandDigest?: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: Actor;
  /** ISO-8601 instant the fact happened (the command's `now`, or the original time on import). */
  readonly occurredAt: string;
  readonly schemaVersion: number;
  /** Set on events brought over from another 311 system. */
  readonly imported?: { readonly source: string; readonly originalId: string };
}

type Event<Type extends string, Data> = Readonly<{ type: Type; data: Readonly<Data> }>;

export type TicketOpened = Event<
  'TicketOpened',
  {
    ticketId: string;
    serviceCode: string;
    /** The department the catalog names as owner of the service; routing is a separate fact. */
    owningDepartment: string;
    description: string;
    channel: Channel;
    location?: Location;
    contact?: ResidentContact;
    priority: Priority;
    attributes?: Readonly<Record<string, string | number | string[]>>;
    /** The 311 contact that raised the ticket, when it came from one. */
    raisedByContact?: string;
  }
>;

export type TicketAssigned = Event<
  'TicketAssigned',
  {
    department: string;
    assignee?: string;
    previousDepartment?: string;
    /** SLA due instant after this assignment (ISO); absent when the clock was not started. */
    dueAt?: string;
    /** Business time the SLA allows, when this assignment started the clock. */
    slaBusinessMs?: number;
    note?: string;
    /**
     * Set when nobody chose the department: the catalog routes the service on open, so the
     * ticket was assigned to its owner by the same command that opened it (the metadata's actor
     * is the opener, who needs no routing permission for it).
     */
    routedBy?: 'catalog';
  }
>;

export type WorkStarted = Event<'WorkStarted', { assignee: string }>;

export type TicketEscalated = Event<
  'TicketEscalated',
  {
    tier: EscalationTier;
    reason: EscalationReason;
    note?: string;
    /** Set when escalating from intake: the department whose experts must answer. */
    department?: string;
    dueAt?: string;
    /** Business time the SLA allows, when this escalation (from intake) started the clock. */
    slaBusinessMs?: number;
  }
>;

export type TicketPutOnHold = Event<
  'TicketPutOnHold',
  {
    reason: string;
    /** Business time left on the SLA clock when it paused. */
    remainingBusinessMs?: number;
    /** Set when the ticket was already past due: the due time it stays late against. */
    overdueSince?: string;
  }
>;

export type TicketResumed = Event<'TicketResumed', { dueAt?: string }>;

export type TicketCommented = Event<'TicketCommented', { commentId: string; body: string; visibility: CommentVisibility }>;

export type PriorityChanged = Event<'PriorityChanged', { from: Priority; to: Priority; reason?: string }>;

export type SlaBreached = Event<'SlaBreached', { dueAt: string }>;

export type TicketCompleted = Event<'TicketCompleted', { resolutionCode: string; note: string; department?: string; firstContactResolution: boolean }>;

export type TicketReopened = Event<
  'TicketReopened',
  { reason: string; department: string; dueAt?: string; /** the fresh SLA's business time */ slaBusinessMs?: number }
>;

export type TicketClosed = Event<'TicketClosed', { reason: CloseReason; parentTicketId?: string; note?: string }>;

/** Another report of the problem the ticket records; when it was made is the event's occurred-at. */
export type AnotherReportRecorded = Event<
  'AnotherReportRecorded',
  {
    channel: Channel;
    /** The reporting resident's contact data: personal, shown only where a ticket's contact is. */
    contact?: ResidentContact;
    /** The 311 contact the report was taken at. */
    raisedByContact?: string;
    note?: string;
  }
>;

/** A photo was attached: an upload (its original and thumbnail in the blob store, by digest) or a link an Open311 client hosts; who attached it is the metadata's actor. */
export type PhotoAttached = Event<'PhotoAttached', PhotoToAttach>;

/**
 * The ticket's resident data (every contact recorded on it) was erased: its key destroyed, so the
 * sealed contact in the log can no longer be read; who erased it and when are the metadata's.
 */
export type ResidentDataErased = Event<'ResidentDataErased', { reason: string; trigger: 'request' | 'retention' }>;

/** How a notification ended, as its history records it: no address, no number, no message text. */
interface NotificationRecord {
  outcome: NotificationOutcome;
  /** Attempts made (0 when skipped before any). */
  attempts: number;
  /** Why it failed or was skipped (the receiver's answer, `resident_data_erased`, `unsubscribed`); never contact data. */
  reason?: string;
  /** The outbound delivery it settles (`<destination>:<event id>:<key>`): the id receivers may drop duplicates by. */
  deliveryId: string;
  /** The ticket event that called for it. */
  causedBy: string;
}

/** A notice went (or did not go) to the resident who asked for updates; when is the event's occurred-at. */
export type ResidentNotified = Event<
  'ResidentNotified',
  NotificationRecord & {
    notice: ResidentNotice;
    channel: ResidentNotificationChannel;
    /** The language the notice was written in (the contact's, or the English fallback). */
    language?: string;
  }
>;

/** A notice went (or did not go) to a member of staff, at once or in their daily digest. */
export type StaffNotified = Event<
  'StaffNotified',
  NotificationRecord & {
    staffId: string;
    notice: StaffNotice;
    channel: 'email';
    delivery: Exclude<StaffDeliveryMode, 'none'>;
  }
>;

/** The resident stopped the ticket's updates (the link in a notice): nothing more is sent to them about it. */
export type ResidentUnsubscribed = Event<'ResidentUnsubscribed', { via: 'link' }>;

/** Every fact that can happen to a ticket: a discriminated union on `type`. */
export type TicketEvent =
  | TicketOpened
  | TicketAssigned
  | WorkStarted
  | TicketEscalated
  | TicketPutOnHold
  | TicketResumed
  | TicketCommented
  | PriorityChanged
  | SlaBreached
  | TicketCompleted
  | TicketReopened
  | TicketClosed
  | AnotherReportRecorded
  | PhotoAttached
  | ResidentDataErased
  | ResidentNotified
  | StaffNotified
  | ResidentUnsubscribed;

export type TicketEventType = TicketEvent['type'];

/** A ticket event as stored, with its metadata. */
export type StampedTicketEvent<E extends TicketEvent = TicketEvent> = E & { readonly metadata: EventMetadata };

export const TICKET_EVENT_TYPES: readonly TicketEventType[] = [
  'TicketOpened',
  'TicketAssigned',
  'WorkStarted',
  'TicketEscalated',
  'TicketPutOnHold',
  'TicketResumed',
  'TicketCommented',
  'PriorityChanged',
  'SlaBreached',
  'TicketCompleted',
  'TicketReopened',
  'TicketClosed',
  'AnotherReportRecorded',
  'PhotoAttached',
  'ResidentDataErased',
  'ResidentNotified',
  'StaffNotified',
  'ResidentUnsubscribed',
];
