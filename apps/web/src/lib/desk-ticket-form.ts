/**
 * The desk's ticket form as data: what the operator typed ⇄ the `POST /tickets` body, the checks
 * made before sending (only what needs no judgement: a required answer or field left empty; every
 * other check is the API's, exactly as Open311's), and the API's refusals by field. Pure.
 */
import type { Problem } from './api-types';
import { type DeskChannel, type ResidentDetails, type ServiceQuestion, TICKET_CHANNEL_OF } from './desk-types';

export const PRIORITY_CHOICES = ['low', 'normal', 'high', 'urgent'] as const;
export type PriorityChoice = (typeof PRIORITY_CHOICES)[number];

/** How the resident wants to hear about the ticket. */
export const UPDATE_CHOICES = [
  { value: 'none', label: 'No updates' },
  { value: 'phone', label: 'By phone' },
  { value: 'email', label: 'By e-mail' },
] as const;
export type UpdateChoice = (typeof UPDATE_CHOICES)[number]['value'];

/** The languages the desk offers (the knowledge base's: English and Spanish), and any other the operator names. */
export const LANGUAGE_CHOICES = [
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
    language: 'en',
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
  if (draft.updates !== 'none' && draft.anonymous)
    problems.push({ field: 'updates', message: 'An anonymous resident cannot be sent updates: give their phone or e-mail, or choose no updates.' });
  else if (draft.updates === 'phone' && draft.resident.phone.trim() === '')
    problems.push({ field: 'contact.phone', message: 'Updates by phone need the resident’s phone number.' });
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
  const contact = residentOf(draft);
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

/**
 * The resident's language and wish for updates, in words for the ticket's history: the ticket
 * command has no field for them, so they are an internal comment the department reads. Nothing
 * when the resident speaks English and wants no updates.
 */
export function preferencesNote(draft: TicketDraft, languageName: (code: string) => string): string | undefined {
  const parts: string[] = [];
  if (draft.language.trim() !== '' && draft.language !== 'en') parts.push(`Resident’s language: ${languageName(draft.language)}.`);
  if (draft.updates === 'phone') parts.push(`Wants updates by phone (${draft.resident.phone.trim()}).`);
  if (draft.updates === 'email') parts.push(`Wants updates by e-mail (${draft.resident.email.trim()}).`);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** The API's 400 by field (`attributes.SIZE`, `contact.email`, …); problems of no field under `''`. */
export function problemsByField(problem: Problem | undefined): ReadonlyMap<string, string> {
  const byField = new Map<string, string>();
  for (const p of problem?.problems ?? []) byField.set(p.field ?? '', byField.has(p.field) ? `${byField.get(p.field)} ${p.message}` : p.message);
  return byField;
}
