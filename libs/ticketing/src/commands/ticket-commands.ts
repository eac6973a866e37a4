import type { Priority } from '../catalog';
import type { PhotoToAttach } from '../model/ticket-photo';
import type { Channel, CloseReason, CommentVisibility, EscalationReason, Location, ResidentContact } from '../model/ticket-values';

type Command<Type extends string, Data> = Readonly<{ type: Type; ticketId: string } & Data>;

export type OpenTicket = Command<
  'OpenTicket',
  {
    serviceCode: string;
    description: string;
    channel: Channel;
    location?: Location;
    contact?: ResidentContact;
    priority?: Priority;
    attributes?: Readonly<Record<string, string | number | string[]>>;
    /** The 311 contact (call, walk-in, e-mail, chat) that raised the ticket, so its history names it. */
    raisedByContact?: string;
    /** Photos that came with the report (their bytes already stored): recorded in the same append as the opening. */
    photos?: readonly PhotoToAttach[];
  }
>;
/** Route to a department (optionally to a named assignee), or reassign. */
export type AssignTicket = Command<'AssignTicket', { department: string; assignee?: string; note?: string }>;
/** Claim: the acting staff member takes the ticket and starts work. */
export type StartWork = Command<'StartWork', Record<never, never>>;
export type PutTicketOnHold = Command<'PutTicketOnHold', { reason: string }>;
export type ResumeTicket = Command<'ResumeTicket', Record<never, never>>;
export type EscalateTicket = Command<'EscalateTicket', { reason: EscalationReason; note?: string; /** required from intake */ department?: string }>;
export type CommentOnTicket = Command<'CommentOnTicket', { body: string; visibility: CommentVisibility }>;
export type ChangePriority = Command<'ChangePriority', { priority: Priority; reason?: string }>;
export type CompleteTicket = Command<'CompleteTicket', { resolutionCode: string; note: string }>;
export type ReopenTicket = Command<'ReopenTicket', { reason: string }>;
export type CloseTicket = Command<'CloseTicket', { reason: CloseReason; parentTicketId?: string; note?: string }>;
/**
 * Another resident (or the same one again) reports the problem an open ticket already records:
 * the report is linked to the ticket instead of opening a second one. The resident's contact data
 * is optional and handled exactly as a ticket's contact is.
 */
export type RecordAnotherReport = Command<
  'RecordAnotherReport',
  {
    channel: Channel;
    contact?: ResidentContact;
    /** The 311 contact the report was taken at, so the ticket's history names it. */
    raisedByContact?: string;
    note?: string;
  }
>;
/** A photo attached to an open ticket (its bytes already stored), e.g. by staff completing the work. */
export type AttachPhoto = Command<'AttachPhoto', { photo: PhotoToAttach }>;
/** Issued by the SLA watcher when a ticket's due time has passed. */
export type RecordSlaBreach = Command<'RecordSlaBreach', Record<never, never>>;

export type TicketCommand =
  | OpenTicket
  | AssignTicket
  | StartWork
  | PutTicketOnHold
  | ResumeTicket
  | EscalateTicket
  | CommentOnTicket
  | ChangePriority
  | CompleteTicket
  | ReopenTicket
  | CloseTicket
  | RecordAnotherReport
  | AttachPhoto
  | RecordSlaBreach;

export type TicketCommandType = TicketCommand['type'];

export const TICKET_COMMAND_TYPES: readonly TicketCommandType[] = [
  'OpenTicket',
  'AssignTicket',
  'StartWork',
  'PutTicketOnHold',
  'ResumeTicket',
  'EscalateTicket',
  'CommentOnTicket',
  'ChangePriority',
  'CompleteTicket',
  'ReopenTicket',
  'CloseTicket',
  'RecordAnotherReport',
  'AttachPhoto',
  'RecordSlaBreach',
];
