export const CHANNELS = ['phone', 'walk_in', 'email', 'web', 'mobile_app', 'open311', 'department_line', 'internal'] as const;
export type Channel = (typeof CHANNELS)[number];

export const ESCALATION_REASONS = ['cannot_answer', 'complex', 'overdue', 'resident_request', 'other'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

export const CLOSE_REASONS = ['duplicate', 'withdrawn', 'invalid', 'not_city_responsibility'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const COMMENT_VISIBILITIES = ['internal', 'public'] as const;
export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];

/** Tier 1 is the department head, tier 2 the Director of Constituent Services. */
export type EscalationTier = 1 | 2;
export const DIRECTOR_TIER: EscalationTier = 2;

export interface Location {
  readonly address?: string;
  readonly latitude?: number;
  readonly longitude?: number;
}

/** How a resident wants to hear what happens to their request: not at all, by e-mail, or by text message. */
export const UPDATE_CHANNELS = ['none', 'email', 'sms'] as const;
export type UpdateChannel = (typeof UPDATE_CHANNELS)[number];

/** A language code as residents' preferences take it: ISO 639 (`en`, `es`, `pt`, `ht`), optionally with a region (`pt-BR`). */
export const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;

/** Resident contact: personal data that never leaves through public interfaces. */
export interface ResidentContact {
  readonly name?: string;
  readonly phone?: string;
  readonly email?: string;
  /** The language the resident speaks with the city (updates are sent in it). */
  readonly language?: string;
  /** Whether and how the resident wants updates on the request: `email` needs the e-mail address, `sms` the phone number. */
  readonly updates?: UpdateChannel;
}

export const MAX_DESCRIPTION_LENGTH = 4000;
export const MAX_NOTE_LENGTH = 4000;
