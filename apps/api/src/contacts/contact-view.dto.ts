import { ApiProperty } from '@nestjs/swagger';
import type { Callback, ContactChannel, ContactOutcome, ContactStatus, TicketRelation } from '@switchboard/knowledge';
import { ResidentContactDto } from '../tickets/opening/open-ticket.dto';

/**
 * One thing that happened during a contact, in the order it was recorded: `kind` says which, and
 * which of the other fields it carries (the domain's `ContactStep` union, flattened for the
 * document; the controller returning a contact's steps as these proves each member fits).
 */
export class ContactStepDto {
  readonly at!: string;
  readonly kind!: 'article_used' | 'ticket' | 'transfer' | 'callback_promised';
  /** `article_used`: the article given as the answer, and the language it was given in. */
  readonly articleId?: string;
  readonly language?: string;
  /** `ticket`: the ticket, and whether the contact opened it or asked about it. */
  readonly ticketId?: string;
  readonly relation?: TicketRelation;
  /** `transfer` and `callback_promised`: the department. */
  readonly department?: string;
  /** `transfer`: whether anyone in the department answered. */
  readonly reached?: boolean;
  /** `callback_promised`: the callback's id (its `callbacks` entry). */
  readonly callbackId?: string;
}

/** A callback promised during the contact, and whether and when it was made. */
export class CallbackDto implements Callback {
  readonly callbackId!: string;
  readonly department!: string;
  readonly promisedAt!: string;
  readonly dueBy?: string;
  readonly completedAt?: string;
  readonly completedBy?: string;
  readonly reached?: boolean;
}

/** A contact folded from its stream. */
export class ContactStateDto {
  readonly status!: ContactStatus;
  readonly contactId?: string;
  readonly channel?: ContactChannel;
  /** The line the resident called: 311 itself, or a department line routed to 311. */
  readonly line?: string;
  /** The operator who took the contact. */
  readonly operatorId?: string;
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly outcome?: ContactOutcome;
  readonly resident?: ResidentContactDto;
  /** When the contact's resident data was erased (the resident reads nowhere since); absent while it is kept. */
  readonly residentDataErasedAt?: string;
  @ApiProperty({ type: [ContactStepDto] })
  readonly steps!: readonly ContactStepDto[];
  @ApiProperty({ type: [CallbackDto] })
  readonly callbacks!: readonly CallbackDto[];
}

/** GET /contacts/{id}: a contact as its own stream has it, always consistent with the commands answered. */
export class ContactView {
  readonly contact!: ContactStateDto;
  /** The stream's revision: send it as `If-Match` with the next command. */
  readonly revision!: number;
}
