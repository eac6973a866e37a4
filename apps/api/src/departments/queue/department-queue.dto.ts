import type { TicketCommandType } from '@switchboard/ticketing';
import { TicketSummaryDto } from '../../tickets/listing/ticket-page.dto';

/** A ticket as the queue answer shows it: the read model's summary, its age and what the caller may do with it. */
export class QueueEntryView extends TicketSummaryDto {
  /** Whole seconds since the ticket was opened. */
  readonly ageSeconds!: number;
  /**
   * The work commands the caller may send for this ticket now (StartWork, PutTicketOnHold,
   * ResumeTicket, CompleteTicket), as the lifecycle judges who asks and the ticket's state; what a
   * command's own fields say is judged when it is sent.
   */
  readonly actions!: TicketCommandType[];
}

/** A department's queue as of one instant. */
export class DepartmentQueueView {
  readonly department!: string;
  /** The instant ages and overdue flags were judged at. */
  readonly asOf!: string;
  readonly entries!: QueueEntryView[];
}
