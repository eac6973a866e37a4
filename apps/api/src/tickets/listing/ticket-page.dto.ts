import type { TicketPage, TicketSummary } from '@switchboard/read-models';
import type { Priority } from '@switchboard/ticketing';

/**
 * A ticket as lists and queues show it: the read models' TicketSummary, as the OpenAPI document
 * describes it (`implements` proves the class fits the interface; the controllers returning the
 * read models' answers as these classes prove the interface fits the class).
 */
export class TicketSummaryDto implements TicketSummary {
  readonly ticketId!: string;
  /** Stream revision of the ticket's last event: the expected revision for a claim (StartWork). */
  readonly revision!: number;
  readonly serviceCode!: string;
  readonly channel!: string;
  readonly status!: string;
  readonly department!: string;
  readonly assignee!: string | null;
  readonly priority!: Priority;
  readonly escalationTier!: number;
  readonly onHold!: boolean;
  readonly openedAt!: string;
  readonly dueAt!: string | null;
  /** While on hold: the due time the ticket is already late against. */
  readonly overdueSince!: string | null;
  /** Judged at the query's now. */
  readonly overdue!: boolean;
  /** Not yet late, but the escalation policy's share of its SLA is used (a warning in queues). */
  readonly atRisk!: boolean;
  /** When the ticket turns (or turned) at risk while its clock runs. */
  readonly atRiskAt!: string | null;
  readonly slaStartedAt!: string | null;
  readonly slaBusinessMs!: number | null;
  readonly description!: string;
  readonly address!: string | null;
  /** When the ticket's latest event happened. */
  readonly updatedAt!: string;
  /** How many reports of the problem the ticket holds: the one that opened it and every other report of the same problem. */
  readonly reportCount!: number;
}

/** GET /tickets: one keyset page of the list. */
export class TicketPageDto implements TicketPage {
  readonly tickets!: TicketSummaryDto[];
  /** Pass it back to get the next page; null on the last page. */
  readonly nextCursor!: string | null;
}
