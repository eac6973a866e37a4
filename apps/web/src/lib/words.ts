/** Names the API uses, in the words people read on screen. Pure. */

const STATUS: Record<string, string> = {
  unopened: 'not opened',
  intake: 'at intake',
  assigned: 'assigned',
  in_progress: 'in progress',
  on_hold: 'on hold',
  escalated: 'escalated',
  completed: 'completed',
  closed: 'closed',
};

export const statusInWords = (status: string): string => STATUS[status] ?? status.replace(/_/g, ' ');

const COMMAND: Record<string, string> = {
  OpenTicket: 'open the ticket',
  AssignTicket: 'assign',
  StartWork: 'start work',
  PutTicketOnHold: 'put on hold',
  ResumeTicket: 'resume',
  EscalateTicket: 'escalate',
  CommentOnTicket: 'comment',
  ChangePriority: 'change the priority',
  CompleteTicket: 'complete',
  ReopenTicket: 'reopen',
  CloseTicket: 'close',
  RecordSlaBreach: 'record an SLA breach',
  DraftArticle: 'draft the article',
  EditDraft: 'edit the draft',
  PublishArticle: 'publish',
  ReviseArticle: 'revise',
  ReviewArticle: 'mark reviewed',
  ProposeChange: 'propose a change',
  AcceptChange: 'accept a proposal',
  DeclineChange: 'decline a proposal',
  RetireArticle: 'retire',
};

export const commandInWords = (command: string): string => COMMAND[command] ?? command;

const EVENT: Record<string, string> = {
  TicketOpened: 'Opened',
  TicketAssigned: 'Assigned',
  WorkStarted: 'Work started',
  TicketPutOnHold: 'Put on hold',
  TicketResumed: 'Resumed',
  TicketEscalated: 'Escalated',
  TicketCommented: 'Comment',
  PriorityChanged: 'Priority changed',
  SlaBreached: 'Due time passed (SLA breached)',
  SlaAtRisk: 'At risk of missing the due time',
  TicketCompleted: 'Completed',
  TicketReopened: 'Reopened',
  TicketClosed: 'Closed',
  AnotherReportRecorded: 'Reported again (same problem)',
  PhotoAttached: 'Photo attached',
  ResidentDataErased: 'Resident data erased',
  ResidentNotified: 'Resident notified',
  StaffNotified: 'Staff notified',
  ResidentUnsubscribed: 'Resident stopped updates',
};

export const eventInWords = (type: string): string => EVENT[type] ?? type.replace(/([a-z])([A-Z])/g, '$1 $2');

const ROLE: Record<string, string> = {
  operator: '311 operators',
  staff: 'staff',
  department_head: 'the department head',
  director: 'the Director of Constituent Services',
  resident: 'residents',
};

const ROLE_ONE: Record<string, string> = {
  operator: '311 operator',
  staff: 'staff',
  department_head: 'department head',
  director: 'Director of Constituent Services',
  resident: 'resident',
};

export const roleInWords = (role: string): string => ROLE_ONE[role] ?? role;

/** "staff of DPW or the department head of DPW or the Director of Constituent Services" from a problem's `whoMay`. */
export function whoMayInWords(whoMay: readonly { role: string; department?: string }[], departmentName: (id: string) => string = (id) => id): string {
  const phrases = whoMay.map(({ role, department }) => {
    const who = ROLE[role] ?? role;
    return department ? `${who} of ${departmentName(department)}` : who;
  });
  if (phrases.length <= 1) return phrases[0] ?? 'nobody';
  return `${phrases.slice(0, -1).join(', ')} or ${phrases[phrases.length - 1]}`;
}

export const reasonInWords = (reason: string): string => reason.replace(/_/g, ' ');

export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(rate === 1 || rate === 0 ? 0 : 1)} %`;
}

export function hours(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value < 10 ? value.toFixed(1) : Math.round(value)} h`;
}
