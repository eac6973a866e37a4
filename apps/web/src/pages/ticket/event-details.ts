import type { HistoryEntry } from '../../lib/api-types';
import { formatCityTime } from '../../lib/city-time';
import { reasonInWords, roleInWords } from '../../lib/words';
import type { Session } from '../../session';

/** Who did it: the user id with role and department, or a system actor's name. */
export function actorInWords(actor: unknown): string {
  if (typeof actor === 'string') return actor;
  if (actor && typeof actor === 'object') {
    const { id, role, department } = actor as { id?: string; role?: string; department?: string };
    const what = role ? `${roleInWords(role)}${department ? `, ${department}` : ''}` : '';
    return `${id ?? 'unknown'}${what ? ` (${what})` : ''}`;
  }
  return 'unknown';
}

/** The facts an event carries that a reader of the audit needs, in words. */
export function detailsOf(entry: HistoryEntry, session: Pick<Session, 'catalog' | 'departmentName' | 'serviceName'>): string[] {
  const d = entry.data;
  const text = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : undefined);
  const lines: string[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value) lines.push(`${label}: ${value}`);
  };
  const tz = session.catalog.timeZone;
  switch (entry.type) {
    case 'TicketOpened':
      add('Service', text('serviceCode') && session.serviceName(text('serviceCode')!));
      add('Channel', text('channel'));
      add('Description', text('description'));
      add('At 311 contact', text('raisedByContact'));
      break;
    case 'TicketAssigned':
      add('To', text('department') && session.departmentName(text('department')!));
      add('From', text('previousDepartment') && session.departmentName(text('previousDepartment')!));
      add('Assignee', text('assignee'));
      add('Due', text('dueAt') && formatCityTime(tz, text('dueAt')));
      if (d.routedBy === 'catalog') lines.push('Routed on open by the service catalog (the service is routed to its department when a ticket is opened)');
      break;
    case 'WorkStarted':
      add('By', text('assignee'));
      break;
    case 'TicketEscalated':
      add('Tier', d.tier !== undefined ? String(d.tier) : undefined);
      add('Reason', text('reason') && reasonInWords(text('reason')!));
      add('Department', text('department') && session.departmentName(text('department')!));
      break;
    case 'TicketPutOnHold':
      add('Reason', text('reason'));
      break;
    case 'TicketResumed':
      add('Due', text('dueAt') && formatCityTime(tz, text('dueAt')));
      break;
    case 'PriorityChanged':
      add('Priority', `${text('from')} → ${text('to')}`);
      add('Reason', text('reason'));
      break;
    case 'TicketCommented':
      add(text('visibility') === 'public' ? 'Comment (public)' : 'Comment (internal)', text('body'));
      break;
    case 'SlaBreached':
      add('Was due', text('dueAt') && formatCityTime(tz, text('dueAt')));
      break;
    case 'TicketCompleted':
      add('Resolution', text('resolutionCode'));
      if (d.firstContactResolution === true) lines.push('Resolved at first contact');
      break;
    case 'TicketReopened':
      add('Reason', text('reason'));
      break;
    case 'TicketClosed':
      add('Reason', text('reason') && reasonInWords(text('reason')!));
      add('Duplicate of', text('parentTicketId'));
      break;
    case 'AnotherReportRecorded':
      add('Channel', text('channel'));
      add('At 311 contact', text('raisedByContact'));
      break;
    case 'PhotoAttached':
      add('Photo', text('attachmentId'));
      add('Seen by', text('visibility'));
      add('Caption', text('caption'));
      add('Link', text('url'));
      break;
    case 'ResidentDataErased':
      add('Reason', text('reason'));
      add('Erased on', text('trigger'));
      break;
    case 'ResidentNotified':
    case 'StaffNotified':
      add('Staff member', text('staffId'));
      add('Notice', text('notice'));
      add('By', text('channel') === 'sms' ? 'text message' : text('delivery') === 'digest' ? 'e-mail (daily digest)' : 'e-mail');
      add('Outcome', text('outcome'));
      add('Language', text('language'));
      add('Why', text('reason'));
      break;
  }
  if (entry.type !== 'TicketOpened' && entry.type !== 'TicketPutOnHold' && entry.type !== 'TicketReopened') add('Note', text('note'));
  return lines;
}
