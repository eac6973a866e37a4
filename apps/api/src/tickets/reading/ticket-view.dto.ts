import { ApiProperty } from '@nestjs/swagger';
import type {
  Actor,
  TicketPhoto,
  Channel,
  CloseReason,
  EscalationTier,
  Priority,
  ResumableStatus,
  Role,
  TicketCommandType,
  TicketState,
  TicketStatus,
} from '@switchboard/ticketing';
import { LocationDto, ResidentContactDto } from '../opening/open-ticket.dto';
import { TicketPhotoDto } from '../../attachments/photo.dto';

/**
 * A ticket as an API caller sees it: the folded state (the domain's TicketState: `implements`
 * proves the class fits it, ticketView building it from the state proves the state fits the class),
 * what it was opened with, and what the caller may do now.
 */
export class TicketView implements TicketState {
  readonly status!: TicketStatus;
  readonly ticketId?: string;
  readonly serviceCode?: string;
  readonly owningDepartment?: string;
  readonly channel?: Channel;
  readonly priority?: Priority;
  readonly openedAt?: string;
  /** The department whose queue holds the ticket. */
  readonly department?: string;
  readonly assignee?: string;
  /** Highest tier reached since the ticket was last opened or reopened; 0 = never escalated. */
  readonly escalationTier!: 0 | EscalationTier;
  readonly heldFrom?: ResumableStatus;
  /** SLA due instant while the clock runs. */
  readonly dueAt?: string;
  /** Business time the running SLA allows in all: with `dueAt`, how much of it is used. */
  readonly slaBusinessMs?: number;
  /** Business time left on the SLA clock while it is paused on hold. */
  readonly slaRemainingMs?: number;
  /** While on hold: the due time the ticket was already late against when the hold began. */
  readonly overdueSince?: string;
  /** The due instant already recorded as breached, so a breach is recorded once per due time. */
  readonly breachedDueAt?: string;
  readonly completedAt?: string;
  readonly completedByDepartment?: string;
  readonly closeReason?: CloseReason;
  readonly reopenCount!: number;
  /** When the ticket's resident data was erased (its contact reads nowhere since); absent while it is kept. */
  readonly residentDataErasedAt?: string;
  /** Photos attached, oldest first (GET /tickets/{id}/photos/{photoId} serves each); absent when none. */
  @ApiProperty({ type: () => [TicketPhotoDto], required: false })
  readonly photos?: readonly TicketPhoto[];
  /** Revision of the ticket's last event. */
  readonly revision!: number;
  readonly description?: string;
  readonly location?: LocationDto;
  /** Present only for roles that may see resident contact data. */
  readonly contact?: ResidentContactDto;
  /** Answers to the service's Open311 attributes, by attribute code. */
  readonly attributes?: Readonly<Record<string, string | number | string[]>>;
  /** The commands the caller may send now. */
  readonly allowedCommands!: TicketCommandType[];
}

/** Who recorded an event. */
export class ActorDto implements Actor {
  readonly id!: string;
  readonly role!: Role;
  /** The department of a staff member or department head. */
  readonly department?: string;
}

/** One entry of a ticket's audit trail. */
export class HistoryEntry {
  readonly revision!: number;
  readonly position!: string;
  readonly type!: string;
  readonly data!: Readonly<Record<string, unknown>>;
  readonly actor?: ActorDto;
  readonly occurredAt?: string;
  readonly eventId!: string;
  readonly commandId?: string;
  readonly correlationId?: string;
  readonly stateBefore!: string;
  readonly stateAfter!: string;
}

/** GET /tickets/{id}/history. */
export class TicketHistory {
  readonly ticketId!: string;
  readonly asOf?: string;
  /** The ticket as it was after the last listed event. */
  readonly ticket!: TicketView;
  readonly events!: HistoryEntry[];
}
