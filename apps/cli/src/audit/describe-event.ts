import type { StampedTicketEvent } from '@switchboard/ticketing';

const quoted = (text: string | undefined): string => (text ? ` "${text}"` : '');
const part = (label: string, value: string | number | undefined): string => (value === undefined || value === '' ? '' : `${label} ${value}`);
const joined = (...parts: string[]): string => parts.filter(Boolean).join(', ');

const notifiedIn = (outcome: 'sent' | 'failed' | 'skipped'): string =>
  outcome === 'sent' ? 'notified' : outcome === 'failed' ? 'not notified (failed)' : 'not notified (skipped)';
const channelInWords = (channel: 'email' | 'sms'): string => (channel === 'email' ? 'e-mail' : 'text message');
const attempts = (count: number): string => (count > 1 ? `${count} attempts` : '');

/** How to show an instant. */
type TimeText = (iso: string) => string;

/** The reason, notes and other particulars of an event, in words. */
export function describeEvent(event: StampedTicketEvent | undefined, time: TimeText): string {
  if (!event) return '(an event type this version does not know; kept in history)';
  const details = describeData(event, time);
  const imported = event.metadata.imported;
  return imported ? `${details} [imported from ${imported.source} #${imported.originalId}]` : details;
}

function describeData(event: StampedTicketEvent, time: TimeText): string {
  const due = (iso: string | undefined): string => part('due', iso === undefined ? undefined : time(iso));
  switch (event.type) {
    case 'TicketOpened': {
      const d = event.data;
      return joined(`service ${d.serviceCode} via ${d.channel}`, part('priority', d.priority), part('at', d.location?.address)) + quoted(d.description);
    }
    case 'TicketAssigned': {
      const d = event.data;
      const routed = d.routedBy === 'catalog' ? 'routed on open by the catalog' : '';
      return joined(`to ${d.department}`, part('from', d.previousDepartment), part('assignee', d.assignee), due(d.dueAt), routed) + quoted(d.note);
    }
    case 'WorkStarted':
      return `by ${event.data.assignee}`;
    case 'TicketEscalated': {
      const d = event.data;
      return joined(`tier ${d.tier}`, `reason ${d.reason}`, part('to', d.department), due(d.dueAt)) + quoted(d.note);
    }
    case 'TicketPutOnHold':
      return `reason${quoted(event.data.reason)}`;
    case 'TicketResumed':
      return due(event.data.dueAt);
    case 'TicketCommented':
      return `${event.data.visibility}${quoted(event.data.body)}`;
    case 'PriorityChanged':
      return `${event.data.from} → ${event.data.to}${quoted(event.data.reason)}`;
    case 'SlaBreached':
      return `due ${time(event.data.dueAt)} passed`;
    case 'TicketCompleted': {
      const d = event.data;
      return joined(`resolution ${d.resolutionCode}`, part('by', d.department), d.firstContactResolution ? 'first contact' : '') + quoted(d.note);
    }
    case 'TicketReopened':
      return joined(`to ${event.data.department}`, due(event.data.dueAt)) + quoted(event.data.reason);
    case 'TicketClosed':
      return joined(`reason ${event.data.reason}`, part('duplicate of', event.data.parentTicketId)) + quoted(event.data.note);
    case 'AnotherReportRecorded':
      return joined(`another report via ${event.data.channel}`, part('at contact', event.data.raisedByContact)) + quoted(event.data.note);
    case 'PhotoAttached': {
      const d = event.data;
      const what = d.source === 'link' ? `linked ${d.url}` : `${d.original.contentType} ${d.original.size} bytes sha256 ${d.original.sha256}`;
      return joined(`photo ${d.attachmentId} (${d.visibility})`, what) + quoted(d.caption);
    }
    case 'ResidentDataErased':
      return `resident data erased (${event.data.trigger})${quoted(event.data.reason)}`;
    case 'ResidentNotified': {
      const d = event.data;
      return (
        joined(`resident ${notifiedIn(d.outcome)} by ${channelInWords(d.channel)}`, `notice ${d.notice}`, part('in', d.language), attempts(d.attempts)) +
        quoted(d.reason)
      );
    }
    case 'StaffNotified': {
      const d = event.data;
      const how = d.delivery === 'digest' ? 'in the daily digest' : 'by e-mail';
      return joined(`${d.staffId} ${notifiedIn(d.outcome)} ${how}`, `notice ${d.notice}`, attempts(d.attempts)) + quoted(d.reason);
    }
    case 'ResidentUnsubscribed':
      return "resident stopped this ticket's updates (the link in a notice)";
  }
}
