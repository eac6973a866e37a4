import type { EscalationReason, StaffNotice } from '@switchboard/ticketing';

// What staff read: a line per ticket that needs them (assigned to them, escalated to their
// department or to the director), at once or gathered in one daily digest, with a link to the
// ticket in the console. Staff notices are in English: the city's working language.

/** The facts of one staff notice, as its delivery carries them. */
export interface StaffNoticeFacts {
  readonly ticketId: string;
  readonly serviceName: string;
  readonly departmentName?: string;
  readonly priority?: string;
  readonly dueAt?: string;
  /** escalated: the tier and the reason. */
  readonly tier?: number;
  readonly reason?: EscalationReason;
  /** Who did it (an actor id), and when (ISO). */
  readonly by: string;
  readonly at: string;
}

export interface StaffMessage {
  readonly subject: string;
  readonly text: string;
}

const REASONS: Record<EscalationReason, string> = {
  cannot_answer: '311 cannot answer it',
  complex: 'it is complex',
  overdue: 'it is overdue',
  resident_request: 'the resident asked',
  other: 'another reason',
};

const timeOf = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));

/** The one line a notice is: what happened to which ticket, and by when it is due. */
export function staffNoticeLine(notice: StaffNotice, f: StaffNoticeFacts, timeZone: string): string {
  const what =
    notice === 'assigned'
      ? `${f.ticketId} (${f.serviceName}) was assigned to you by ${f.by}`
      : `${f.ticketId} (${f.serviceName}) was escalated to ${f.tier === 2 ? 'the director (tier 2)' : `the head of ${f.departmentName ?? 'the department'} (tier 1)`} by ${f.by}${f.reason ? `: ${REASONS[f.reason]}` : ''}`;
  return [what, f.priority ? `priority ${f.priority}` : '', f.dueAt ? `due ${timeOf(f.dueAt, timeZone)}` : ''].filter(Boolean).join('; ') + '.';
}

const ticketLink = (consoleUrl: string, ticketId: string): string => `${consoleUrl}/tickets/${encodeURIComponent(ticketId)}`;

/** One notice at once. */
export function staffMessage(
  notice: StaffNotice,
  facts: StaffNoticeFacts,
  options: { readonly cityName: string; readonly timeZone: string; readonly consoleUrl: string },
): StaffMessage {
  return {
    subject: `${options.cityName}: ${facts.ticketId} ${notice === 'assigned' ? 'assigned to you' : 'escalated'}`,
    text: [staffNoticeLine(notice, facts, options.timeZone), '', ticketLink(options.consoleUrl, facts.ticketId), '', footer].join('\n'),
  };
}

/** A day's notices in one message, oldest first. */
export function staffDigestMessage(
  items: readonly { readonly notice: StaffNotice; readonly facts: StaffNoticeFacts }[],
  options: { readonly cityName: string; readonly timeZone: string; readonly consoleUrl: string; readonly digestDate: string },
): StaffMessage {
  const lines = items.flatMap(({ notice, facts }) => [
    `- ${staffNoticeLine(notice, facts, options.timeZone)}`,
    `  ${ticketLink(options.consoleUrl, facts.ticketId)}`,
  ]);
  return {
    subject: `${options.cityName}: your daily digest for ${options.digestDate} (${items.length} ticket${items.length === 1 ? '' : 's'})`,
    text: [`Tickets that needed you since the last digest:`, '', ...lines, '', footer].join('\n'),
  };
}

const footer = 'You get these because of your notification preference (immediate, daily digest or none); the director or you can change it.';
