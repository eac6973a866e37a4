import type { EscalationEntry } from '@switchboard/read-models';
import type { EscalationReason } from '@switchboard/ticketing';
import type { AnswerMoment, AnswerSource } from '../as-of/as-of';

/**
 * One ticket as GET /escalations shows it: the read models' EscalationEntry, as the OpenAPI
 * document describes it (`implements` proves the class fits the interface; the page built from
 * the read models' entries proves the interface fits the class).
 */
export class EscalationEntryDto implements EscalationEntry {
  readonly ticketId!: string;
  readonly department!: string;
  readonly serviceCode!: string;
  readonly status!: string;
  readonly priority!: string;
  readonly assignee!: string | null;
  /** 0 when the ticket is listed only for being late or at risk. */
  readonly tier!: number;
  /** Why the last escalation since the ticket was opened (or reopened) was made. */
  readonly reason!: EscalationReason | null;
  readonly escalatedAt!: string | null;
  readonly dueAt!: string | null;
  /** On hold: the due time the ticket is already late against. */
  readonly overdueSince!: string | null;
  readonly overdue!: boolean;
  /** When the SLA watcher recorded the breach of the due time in force. */
  readonly breachedAt!: string | null;
  readonly atRisk!: boolean;
  readonly atRiskAt!: string | null;
}

/** A page of GET /escalations. */
export class EscalationsPage {
  readonly tickets!: EscalationEntryDto[];
  /** Pass as `cursor` for the next page; null on the last (always null with asOf or knownAt). */
  readonly nextCursor!: string | null;
  /** The instant overdue and at-risk were judged at: the asOf or knownAt asked for, else the API clock's now. */
  readonly asOf!: string;
  /** `now`, `asOf` or `knownAt` (docs/metrics.md). */
  readonly moment!: AnswerMoment;
  /** `read-models` (the projected tickets, now) or `temporal` (the ticket versions in force at the moment); never a replay. */
  readonly source!: AnswerSource;
}
