import type { TicketCommandType } from '@switchboard/ticketing';
import { TicketSummaryDto } from './ticket-page.dto';

/** A ticket waiting in intake: the read model's summary (its department is the owner of its service), its age and what the caller may do with it. */
export class IntakeEntryView extends TicketSummaryDto {
  /** Whole seconds since the ticket was opened: how long it has waited for triage. */
  readonly ageSeconds!: number;
  /**
   * The triage commands the caller may send for this ticket now (AssignTicket, EscalateTicket,
   * CompleteTicket, CloseTicket), as the lifecycle judges who asks; what a command's own fields
   * say is judged when it is sent.
   */
  readonly actions!: TicketCommandType[];
}

/** 311's intake queue as of one instant. */
export class IntakeQueueView {
  /** The instant ages were judged at. */
  readonly asOf!: string;
  readonly entries!: IntakeEntryView[];
}
