import { PRIORITIES } from '../catalog';
import { TICKET_COMMAND_TYPES, type TicketCommand } from '../commands/ticket-commands';
import {
  CHANNELS,
  CLOSE_REASONS,
  COMMENT_VISIBILITIES,
  ESCALATION_REASONS,
  LANGUAGE_CODE,
  MAX_DESCRIPTION_LENGTH,
  MAX_NOTE_LENGTH,
  type ResidentContact,
  UPDATE_CHANNELS,
} from '../model/ticket-values';
import { isValidTicketId } from '../model/ticket-id';
import { MAX_MEDIA_URL_LENGTH, MAX_PHOTO_CAPTION_LENGTH, MAX_PHOTOS_PER_REPORT, PHOTO_CONTENT_TYPES, PHOTO_VISIBILITIES } from '../model/ticket-photo';
import { invalid, type InvalidCommand } from './domain-errors';

type Check = (value: unknown) => string | undefined;

const text =
  (max: number, required: boolean): Check =>
  (v) => {
    if (v === undefined || v === null) return required ? 'is required' : undefined;
    if (typeof v !== 'string') return 'must be a string';
    if (required && v.trim().length === 0) return 'must not be empty';
    if (v.length > max) return `must be at most ${max} characters (got ${v.length})`;
    return undefined;
  };
const required = (max = MAX_NOTE_LENGTH) => text(max, true);
const optional = (max = MAX_NOTE_LENGTH) => text(max, false);
const nonEmptyIfGiven =
  (max: number): Check =>
  (v) =>
    v === undefined ? undefined : required(max)(v);
const oneOf =
  (values: readonly string[], isRequired = true): Check =>
  (v) => {
    if (v === undefined || v === null) return isRequired ? `is required (one of ${values.join(', ')})` : undefined;
    return typeof v === 'string' && values.includes(v) ? undefined : `must be one of ${values.join(', ')}`;
  };
const between =
  (min: number, max: number): Check =>
  (v) =>
    v === undefined || (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max) ? undefined : `must be a number from ${min} to ${max}`;
const plainObject: Check = (v) => (v === undefined || (typeof v === 'object' && v !== null && !Array.isArray(v)) ? undefined : 'must be an object');
const attributeValues: Check = (v) => {
  if (v === undefined) return undefined;
  if (plainObject(v)) return 'must be an object of attribute codes to values';
  const bad = Object.entries(v as Record<string, unknown>).find(
    ([, value]) =>
      !(
        typeof value === 'string' ||
        (typeof value === 'number' && Number.isFinite(value)) ||
        (Array.isArray(value) && value.every((item) => typeof item === 'string'))
      ),
  );
  return bad ? `${bad[0]} must be a string, a number or a list of strings` : undefined;
};
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const PHONE = /^\+?[\d\s().-]+(?:\s*(?:x|ext\.?)\s*\d+)?$/i;
const email: Check = (v) =>
  optional(254)(v) ?? (v === undefined || v === null || EMAIL.test(v as string) ? undefined : 'must be an e-mail address, e.g. name@example.org');
const phone: Check = (v) =>
  optional(40)(v) ??
  (v === undefined || v === null || (PHONE.test(v as string) && ((v as string).match(/\d/g) ?? []).length >= 3)
    ? undefined
    : 'must be a phone number: digits, spaces, + ( ) - ., optionally "ext" and an extension');
const ticketId: Check = (v) => (typeof v === 'string' && isValidTicketId(v) ? undefined : 'must be 1-40 letters, digits, "-" or "_"');

const language: Check = (v) =>
  v === undefined || (typeof v === 'string' && LANGUAGE_CODE.test(v)) ? undefined : 'must be a language code, e.g. en, es or pt-BR';

/** The resident's contact data and the 311 contact a report was taken at: checked alike wherever a report comes in. */
const RESIDENT_CONTACT: Record<string, Check> = {
  'contact.name': optional(200),
  'contact.phone': phone,
  'contact.email': email,
  'contact.language': language,
  'contact.updates': oneOf(UPDATE_CHANNELS, false),
  raisedByContact: (v) => (v === undefined ? undefined : ticketId(v)),
};

/** Field checks per command type: shape only; lifecycle and permission rules live in the machine. */
const FIELDS: { [T in TicketCommand['type']]: Record<string, Check> } = {
  OpenTicket: {
    serviceCode: required(64),
    description: required(MAX_DESCRIPTION_LENGTH),
    channel: oneOf(CHANNELS),
    priority: oneOf(PRIORITIES, false),
    location: plainObject,
    contact: plainObject,
    attributes: attributeValues,
    'location.address': optional(500),
    'location.latitude': between(-90, 90),
    'location.longitude': between(-180, 180),
    ...RESIDENT_CONTACT,
  },
  AssignTicket: { department: required(64), assignee: nonEmptyIfGiven(128), note: optional() },
  StartWork: {},
  PutTicketOnHold: { reason: required() },
  ResumeTicket: {},
  EscalateTicket: { reason: oneOf(ESCALATION_REASONS), note: optional(), department: optional(64) },
  CommentOnTicket: { body: required(), visibility: oneOf(COMMENT_VISIBILITIES) },
  ChangePriority: { priority: oneOf(PRIORITIES), reason: optional() },
  CompleteTicket: { resolutionCode: optional(64), note: required() },
  ReopenTicket: { reason: required() },
  CloseTicket: { reason: oneOf(CLOSE_REASONS), parentTicketId: optional(40), note: optional() },
  RecordAnotherReport: { channel: oneOf(CHANNELS), contact: plainObject, ...RESIDENT_CONTACT, note: optional() },
  AttachPhoto: { photo: plainObject },
  RecordSlaBreach: {},
};

const SHA256_HEX = /^[0-9a-f]{64}$/;
const positiveInteger: Check = (v) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? undefined : 'must be a positive whole number');
const httpUrl: Check = (v) => {
  const problem = required(MAX_MEDIA_URL_LENGTH)(v);
  if (problem) return problem;
  try {
    const url = new URL(v as string);
    return url.protocol === 'https:' || url.protocol === 'http:' ? undefined : 'must be an http or https URL';
  } catch {
    return 'must be an http or https URL';
  }
};
const STORED_IMAGE: Record<string, Check> = {
  sha256: (v) => (typeof v === 'string' && SHA256_HEX.test(v) ? undefined : 'must be a SHA-256 digest in lower-case hex'),
  contentType: oneOf(PHOTO_CONTENT_TYPES),
  size: positiveInteger,
  width: positiveInteger,
  height: positiveInteger,
};
const PHOTO: Record<string, Check> = {
  attachmentId: ticketId,
  visibility: oneOf(PHOTO_VISIBILITIES),
  caption: optional(MAX_PHOTO_CAPTION_LENGTH),
  source: oneOf(['upload', 'link']),
};
const UPLOADED_PHOTO: Record<string, Check> = {
  ...Object.fromEntries(
    Object.entries(STORED_IMAGE).flatMap(([field, check]) => [
      [`original.${field}`, check],
      [`thumbnail.${field}`, check],
    ]),
  ),
  location: plainObject,
  'location.latitude': between(-90, 90),
  'location.longitude': between(-180, 180),
};

/** A photo's problems, each under its path in the command (`photo.caption`, `photos.1.url`). */
function photoProblems(type: TicketCommand['type'], photo: unknown, at: string): InvalidCommand[] {
  if (plainObject(photo) || photo === undefined) return [invalid(type, at, 'must be an object')];
  const p = photo as Record<string, unknown>;
  const checks = { ...PHOTO, ...(p.source === 'upload' ? UPLOADED_PHOTO : p.source === 'link' ? { url: httpUrl } : {}) };
  const problems = Object.entries(checks).flatMap(([path, check]) => {
    const problem = check(valueAt(p, path));
    return problem ? [invalid(type, `${at}.${path}`, problem)] : [];
  });
  const location = p.location as { latitude?: unknown; longitude?: unknown } | undefined;
  if (p.source === 'upload' && location && typeof location === 'object' && (location.latitude === undefined || location.longitude === undefined)) {
    problems.push(invalid(type, `${at}.location`, 'latitude and longitude must be given together'));
  }
  return problems;
}

/** The photos a command carries: AttachPhoto's one, an open's list (at most MAX_PHOTOS_PER_REPORT, each id once). */
function photosProblems(command: TicketCommand): InvalidCommand[] {
  if (command.type === 'AttachPhoto') return photoProblems(command.type, command.photo, 'photo');
  if (command.type !== 'OpenTicket' || command.photos === undefined) return [];
  if (!Array.isArray(command.photos)) return [invalid(command.type, 'photos', 'must be a list')];
  if (command.photos.length > MAX_PHOTOS_PER_REPORT) {
    return [invalid(command.type, 'photos', `must hold at most ${MAX_PHOTOS_PER_REPORT} photos (got ${command.photos.length})`)];
  }
  const ids = command.photos.map((photo) => (photo as { attachmentId?: unknown } | null)?.attachmentId);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  return [
    ...command.photos.flatMap((photo, i) => photoProblems(command.type, photo, `photos.${i}`)),
    ...(repeated === undefined ? [] : [invalid(command.type, 'photos', `names attachment ${String(repeated)} twice`)]),
  ];
}

const valueAt = (command: object, path: string): unknown =>
  path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), command);

const isKnownCommand = (command: unknown): command is TicketCommand =>
  typeof command === 'object' &&
  command !== null &&
  typeof (command as { type?: unknown }).type === 'string' &&
  (TICKET_COMMAND_TYPES as readonly string[]).includes((command as { type: string }).type);

/**
 * Every field problem of a command, in declaration order; empty when the shape is right.
 * Commands may come from untrusted JSON, so nothing here assumes the declared types.
 */
export function validateCommand(command: TicketCommand): InvalidCommand[] {
  if (!isKnownCommand(command)) {
    return [invalid('unknown', 'type', `must be one of ${TICKET_COMMAND_TYPES.join(', ')}`)];
  }
  const problems: InvalidCommand[] = [];
  const idProblem = ticketId(command.ticketId);
  if (idProblem) problems.push(invalid(command.type, 'ticketId', idProblem));
  for (const [path, check] of Object.entries(FIELDS[command.type])) {
    const problem = check(valueAt(command, path));
    if (problem) problems.push(invalid(command.type, path, problem));
  }
  problems.push(...photosProblems(command));
  if (command.type === 'OpenTicket' || command.type === 'RecordAnotherReport') {
    const problem = updatesProblem(command.contact);
    if (problem) problems.push(invalid(command.type, 'contact.updates', problem));
  }
  if (command.type === 'OpenTicket' && command.location) {
    const { latitude, longitude } = command.location;
    if ((latitude === undefined) !== (longitude === undefined)) {
      problems.push(invalid(command.type, 'location', 'latitude and longitude must be given together'));
    }
  }
  return problems;
}

/** Updates by e-mail need the address to send them to, by text message the phone number. */
function updatesProblem(contact: ResidentContact | undefined): string | undefined {
  if (!contact || typeof contact !== 'object') return undefined;
  if (contact.updates === 'email' && typeof contact.email !== 'string') return 'updates by e-mail need contact.email';
  if (contact.updates === 'sms' && typeof contact.phone !== 'string') return 'updates by text message need contact.phone';
  return undefined;
}
