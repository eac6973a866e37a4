/**
 * The desk's ticket form as data: what the operator typed ⇄ the `POST /tickets` body, the checks
 * made before sending (only what needs no judgement: a required answer or field left empty; every
 * other check is the API's, exactly as Open311's), and the API's refusals by field. Pure.
 */
import type { Problem, QueryOf } from './api-types';
import { type DeskChannel, type ResidentDetails, type ServiceQuestion, TICKET_CHANNEL_OF, type TicketContact } from './desk-types';

export const PRIORITY_CHOICES = ['low', 'normal', 'high', 'urgent'] as const;
export type PriorityChoice = (typeof PRIORITY_CHOICES)[number];

/** Whether and how the resident wants to hear what happens to the ticket (the ticket's contact data: e-mail needs the address, text messages the phone). */
export const UPDATE_CHOICES = [
  { value: 'none', label: 'No updates' },
  { value: 'sms', label: 'By text message' },
  { value: 'email', label: 'By e-mail' },
] as const satisfies readonly { value: NonNullable<TicketContact['updates']>; label: string }[];
export type UpdateChoice = (typeof UPDATE_CHOICES)[number]['value'];

/** The languages the desk offers (the knowledge base's: English and Spanish); '' when it was not asked. */
export const LANGUAGE_CHOICES = [
  { value: '', label: 'Not asked' },
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Spanish' },
] as const;

export interface TicketDraft {
  readonly serviceCode: string;
  readonly description: string;
  readonly address: string;
  readonly latitude: string;
  readonly longitude: string;
  readonly anonymous: boolean;
  readonly resident: Required<ResidentDetails>;
  readonly language: string;
  readonly updates: UpdateChoice;
  /** '' keeps the service's default priority. */
  readonly priority: PriorityChoice | '';
  /** Answers by question code: one string, or the chosen keys of a multi-value list. */
  readonly answers: Readonly<Record<string, string | readonly string[]>>;
}

export function emptyDraft(serviceCode: string, resident: ResidentDetails = {}): TicketDraft {
  return {
    serviceCode,
    description: '',
    address: '',
    latitude: '',
    longitude: '',
    anonymous: false,
    resident: { name: resident.name ?? '', phone: resident.phone ?? '', email: resident.email ?? '' },
    language: '',
    updates: 'none',
    priority: '',
    answers: {},
  };
}

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

const answered = (answer: string | readonly string[] | undefined): boolean =>
  answer !== undefined && (typeof answer === 'string' ? answer.trim() !== '' : answer.length > 0);

/** The questions that take an answer, in the order Open311 clients show them. */
export const askedQuestions = (questions: readonly ServiceQuestion[]): ServiceQuestion[] =>
  questions.filter((q) => q.variable).sort((a, b) => a.order - b.order);

/** What is missing before the ticket can be sent, each named by the field the API would name. */
export function missingBeforeSending(draft: TicketDraft, questions: readonly ServiceQuestion[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (draft.description.trim() === '') problems.push({ field: 'description', message: 'Say what the problem is.' });
  for (const question of askedQuestions(questions))
    if (question.required && !answered(draft.answers[question.code]))
      problems.push({ field: `attributes.${question.code}`, message: `Required: ${question.description}` });
  if ((draft.latitude.trim() === '') !== (draft.longitude.trim() === ''))
    problems.push({ field: draft.latitude.trim() === '' ? 'location.latitude' : 'location.longitude', message: 'Give both coordinates, or neither.' });
  if (draft.anonymous) return problems;
  if (draft.updates === 'sms' && draft.resident.phone.trim() === '')
    problems.push({ field: 'contact.phone', message: 'Updates by text message need the resident’s phone number.' });
  else if (draft.updates === 'email' && draft.resident.email.trim() === '')
    problems.push({ field: 'contact.email', message: 'Updates by e-mail need the resident’s e-mail address.' });
  return problems;
}

const trimmed = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/** The resident's details as given (none when anonymous or all empty). */
export function residentOf(draft: TicketDraft): ResidentDetails | undefined {
  if (draft.anonymous) return undefined;
  const resident = { name: trimmed(draft.resident.name), phone: trimmed(draft.resident.phone), email: trimmed(draft.resident.email) };
  const given = Object.fromEntries(Object.entries(resident).filter(([, v]) => v !== undefined)) as ResidentDetails;
  return Object.keys(given).length > 0 ? given : undefined;
}

/**
 * The ticket's contact data (`contact` of `POST /tickets` and of another report): who the resident
 * is, the language they speak with the city when asked, and their wish for updates when they want
 * some. None when anonymous (the language and updates are contact data too) or nothing was given.
 */
export function ticketContactOf(draft: TicketDraft): TicketContact | undefined {
  if (draft.anonymous) return undefined;
  const contact: TicketContact = {
    ...residentOf(draft),
    ...(draft.language !== '' ? { language: draft.language } : {}),
    ...(draft.updates !== 'none' ? { updates: draft.updates } : {}),
  };
  return Object.keys(contact).length > 0 ? contact : undefined;
}

/** The possible-duplicates query (`GET /tickets/possible-duplicates`): what the resident is asking about. */
export type DuplicateQuery = QueryOf<'/tickets/possible-duplicates'>;

/**
 * What to ask `GET /tickets/possible-duplicates` for the draft: the place given (coordinates when
 * both are, the address) and — only for a caller who may look residents up, since such a search is
 * recorded as a look-up — the resident's phone or e-mail once they look whole (7 digits; a `@` and
 * a dot), so half-typed numbers are not recorded. Nothing when there is nothing to compare.
 */
export function duplicateQuery(draft: TicketDraft, mayLookUpResidents: boolean): DuplicateQuery | undefined {
  const lat = trimmed(draft.latitude);
  const long = trimmed(draft.longitude);
  const resident = mayLookUpResidents ? residentOf(draft) : undefined;
  const phone = resident?.phone !== undefined && resident.phone.replace(/\D/g, '').length >= 7 ? resident.phone : undefined;
  const email = resident?.email !== undefined && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(resident.email) ? resident.email : undefined;
  const query = {
    service: draft.serviceCode,
    ...(lat !== undefined && long !== undefined ? { lat, long } : {}),
    ...(trimmed(draft.address) !== undefined ? { address: trimmed(draft.address) } : {}),
    ...(phone !== undefined ? { phone } : {}),
    ...(email !== undefined ? { email } : {}),
  };
  return Object.keys(query).length > 1 ? query : undefined;
}

/** The `POST /tickets` body: only the fields given; answers as typed (the API reads numbers and dates as Open311 does). */
export function ticketBody(draft: TicketDraft, questions: readonly ServiceQuestion[], channel: DeskChannel, contactId: string) {
  const attributes = Object.fromEntries(
    askedQuestions(questions)
      .filter((q) => answered(draft.answers[q.code]))
      .map((q) => {
        const answer = draft.answers[q.code];
        return [q.code, typeof answer === 'string' ? answer.trim() : [...answer]];
      }),
  );
  const address = trimmed(draft.address);
  const coordinates = trimmed(draft.latitude) && trimmed(draft.longitude) ? { latitude: Number(draft.latitude), longitude: Number(draft.longitude) } : {};
  const location = address || 'latitude' in coordinates ? { ...(address ? { address } : {}), ...coordinates } : undefined;
  const contact = ticketContactOf(draft);
  return {
    serviceCode: draft.serviceCode,
    description: draft.description.trim(),
    channel: TICKET_CHANNEL_OF[channel],
    ...(location ? { location } : {}),
    ...(contact ? { contact } : {}),
    ...(draft.priority ? { priority: draft.priority } : {}),
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
    raisedByContact: contactId,
  };
}

/** The API's 400 by field (`attributes.SIZE`, `contact.email`, …); problems of no field under `''`. */
export function problemsByField(problem: Problem | undefined): ReadonlyMap<string, string> {
  const byField = new Map<string, string>();
  for (const p of problem?.problems ?? []) byField.set(p.field ?? '', byField.has(p.field) ? `${byField.get(p.field)} ${p.message}` : p.message);
  return byField;
}
