// What the outbound notifications record on a ticket's history: which notice, by which channel,
// and how it ended. Never the address or number it went to: those stay sealed in the contact.

/** The notices a resident who asked for updates gets: the ticket received, routed (with its expected date), completed (with the resolution), closed, and public comments. */
export const RESIDENT_NOTICES = ['received', 'routed', 'completed', 'closed', 'commented'] as const;
export type ResidentNotice = (typeof RESIDENT_NOTICES)[number];

/** The notices staff get: the assignee on assignment, the department head on an escalation, the director on a tier-2 escalation. */
export const STAFF_NOTICES = ['assigned', 'escalated'] as const;
export type StaffNotice = (typeof STAFF_NOTICES)[number];

/** The channels a resident's updates go by (a contact's `updates`, less `none`). */
export const RESIDENT_NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type ResidentNotificationChannel = (typeof RESIDENT_NOTIFICATION_CHANNELS)[number];

/**
 * How a notification ended: `sent` (the receiving server accepted it), `failed` (given up after the
 * last attempt) or `skipped` (not sent on purpose: the resident's data was erased, or they
 * unsubscribed, before it was due).
 */
export const NOTIFICATION_OUTCOMES = ['sent', 'failed', 'skipped'] as const;
export type NotificationOutcome = (typeof NOTIFICATION_OUTCOMES)[number];

/** How a staff member wants their notifications: each at once, in one daily digest, or not at all. */
export const STAFF_DELIVERY_MODES = ['immediate', 'digest', 'none'] as const;
export type StaffDeliveryMode = (typeof STAFF_DELIVERY_MODES)[number];
