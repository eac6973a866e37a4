import type { ContactState } from '../contacts/contact-state';
import { durationSummary, MINUTE_MS, type MetricsRange, rowsOf, share } from './metrics-range';

/** How contact figures are grouped: by the line called, the channel, or not at all (`all`). */
export const CONTACT_GROUPS = ['line', 'channel', 'all'] as const;
export type ContactGroup = (typeof CONTACT_GROUPS)[number];

export interface ContactMetricsOptions extends MetricsRange {
  readonly groupBy: ContactGroup;
}

const groupOf =
  (groupBy: ContactGroup) =>
  (contact: ContactState): string[] =>
    groupBy === 'all' ? ['all'] : [contact[groupBy] ?? 'unknown'];
const startOf = (contact: ContactState) => contact.startedAt;

/** Contacts started in each period: all, handled, abandoned, and still open. */
export function contactCounts(contacts: readonly ContactState[], options: ContactMetricsOptions) {
  return rowsOf(contacts, options, startOf, groupOf(options.groupBy), (rows) => ({
    contacts: rows.length,
    handled: rows.filter((c) => c.outcome === 'handled').length,
    abandoned: rows.filter((c) => c.outcome === 'abandoned').length,
    open: rows.filter((c) => c.status !== 'ended').length,
  }));
}

/**
 * Whether a contact was answered at first contact: it ended handled, with no transfer and no
 * callback promised, and every ticket opened at it was completed at intake (a contact that opened
 * none qualifies; an enquiry about an existing ticket does not count against it).
 */
export function answeredAtFirstContact(contact: ContactState, ticketsCompletedAtIntake: ReadonlySet<string>): boolean {
  if (contact.status !== 'ended' || contact.outcome !== 'handled') return false;
  return contact.steps.every(
    (step) => step.kind === 'article_used' || (step.kind === 'ticket' && (step.relation === 'enquired' || ticketsCompletedAtIntake.has(step.ticketId))),
  );
}

/** Handled contacts started in each period, how many were answered at first contact, and the rate. */
export function firstContactAnswers(contacts: readonly ContactState[], ticketsCompletedAtIntake: ReadonlySet<string>, options: ContactMetricsOptions) {
  const handled = contacts.filter((c) => c.status === 'ended' && c.outcome === 'handled');
  return rowsOf(handled, options, startOf, groupOf(options.groupBy), (rows) => {
    const answered = rows.filter((c) => answeredAtFirstContact(c, ticketsCompletedAtIntake)).length;
    return firstContactFigures(rows.length, answered);
  });
}

/** `firstContactAnswers`' figures from the counts of handled contacts and of those answered at first contact. */
export const firstContactFigures = (handled: number, answered: number) => ({ handled, answeredAtFirstContact: answered, rate: share(answered, handled) });

/** Handle time (end − start) of handled contacts started in each period, in minutes. */
export function handleTimes(contacts: readonly ContactState[], options: ContactMetricsOptions) {
  const handled = contacts.filter((c) => c.endedAt !== undefined && c.outcome === 'handled');
  return rowsOf(handled, options, startOf, groupOf(options.groupBy), (rows) =>
    handleTimeFigures(rows.map((c) => Date.parse(c.endedAt!) - Date.parse(c.startedAt!))),
  );
}

/** `handleTimes`' figures from handle times in ms (at least one). */
export function handleTimeFigures(durationsMs: ArrayLike<number>) {
  const { samples, median, p90 } = durationSummary(durationsMs, MINUTE_MS);
  let sum = 0;
  for (let i = 0; i < durationsMs.length; i++) sum += durationsMs[i];
  return { samples, medianMinutes: median, p90Minutes: p90, meanMinutes: sum / durationsMs.length / MINUTE_MS };
}
