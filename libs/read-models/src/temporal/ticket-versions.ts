import type { RecordedEvent } from '@switchboard/event-store';
import type { ServiceCatalog } from '@switchboard/ticketing';
import type { LatestEscalation } from '../facts/latest-escalation';
import type { TicketFacts } from '../facts/ticket-facts';
import type { MetricFacts } from '../metrics/completion-metrics';
import { escalationColumnsOf, NO_DUE_TIME } from '../projection/ticket-row';
import type { EscalationRow } from '../queries/escalations';
import type { TicketVersionsTable } from '../store/read-db';

/**
 * The two times a version of a ticket's facts has (docs/metrics.md, "As of and as known at"):
 * `asOf` — when it became true, by the occurred-at of the event that made it; `knownAt` — when the
 * system had it, by the event's recorded-at.
 */
export const MOMENT_AXES = ['asOf', 'knownAt'] as const;
export type MomentAxis = (typeof MOMENT_AXES)[number];

/** A moment figures are asked at: on one axis, at an instant. */
export interface Moment {
  readonly axis: MomentAxis;
  readonly at: Date;
}

/** The span class of a version still in force (no later version yet). */
export const OPEN_SPAN = 99;
/** Span classes count minutes in powers of two: class c holds versions in force at most 2^c minutes. */
export const SPAN_UNIT_MS = 60_000;
export const MAX_SPAN = 40;

/** What a version holds: the facts the metrics read and the columns the escalations list shows. */
export type VersionColumns = Omit<
  TicketVersionsTable,
  'ticket_id' | 'position' | 'as_of_from' | 'as_of_to' | 'as_of_span' | 'known_from' | 'known_to' | 'known_span' | 'open_or_queued'
>;

/** The columns of a version that come from the ticket's facts alone: the metrics' (below), its end and its status. */
export type FactColumns = Pick<VersionColumns, Exclude<keyof MetricVersionColumns, 'ticket_id'> | 'ended_at' | 'status'>;

/** The fact columns of a version, from the ticket's facts after an event. */
export function factColumnsOf(facts: TicketFacts): FactColumns {
  return {
    service_code: facts.serviceCode,
    channel: facts.channel,
    department: facts.department,
    opened_at: facts.openedAt,
    first_assigned_at: facts.firstAssignedAt,
    assign_business_ms: facts.assignBusinessMs,
    completed_at: facts.completedAt,
    complete_business_ms: facts.completeBusinessMs,
    closed_at: facts.closedAt,
    ended_at: facts.completedAt ?? facts.closedAt,
    due_at: facts.dueAt,
    on_time: facts.onTime === null ? null : facts.onTime ? 1 : 0,
    escalation_count: facts.escalationCount,
    reopen_count: facts.reopenCount,
    first_contact_resolution: facts.firstContactResolution ? 1 : 0,
    status: facts.status,
  };
}

/** The columns of one version, from the ticket's facts and latest escalation after an event: its fact columns, then its queue's. */
export function versionColumnsOf(facts: TicketFacts, latest: LatestEscalation, catalog: ServiceCatalog): VersionColumns {
  const queue = escalationColumnsOf(facts, latest, catalog);
  return {
    ...factColumnsOf(facts),
    queue_department: queue.queue_department,
    priority: queue.priority,
    assignee: queue.assignee,
    escalation_tier: queue.escalation_tier,
    queue_due_at: queue.due_at,
    overdue_since: queue.overdue_since,
    sla_at_risk_at: queue.sla_at_risk_at,
    escalation_reason: queue.escalation_reason,
    escalated_at: queue.escalated_at,
    breached_at: queue.breached_at,
  };
}

const sameColumns = (a: VersionColumns, b: VersionColumns): boolean => {
  for (const key in a) if (a[key as keyof VersionColumns] !== b[key as keyof VersionColumns]) return false;
  return true;
};

/** The two digits of `text` at `at` as a number, or −1 when they are not two ASCII digits. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/**
 * Whether `iso` is already what `new Date(iso).toISOString()` gives: `YYYY-MM-DDTHH:mm:ss.sssZ`
 * with every field in range (days up to 28, so no month's length is needed; other days are left
 * to the Date, which rolls 30 February over).
 */
function isNormalInstant(iso: string): boolean {
  if (iso.length !== 24 || iso[4] !== '-' || iso[7] !== '-' || iso[10] !== 'T' || iso[13] !== ':' || iso[16] !== ':' || iso[19] !== '.' || iso[23] !== 'Z')
    return false;
  const month = twoDigits(iso, 5);
  const day = twoDigits(iso, 8);
  const hour = twoDigits(iso, 11);
  const minute = twoDigits(iso, 14);
  const second = twoDigits(iso, 17);
  const millis = twoDigits(iso, 20);
  const lastDigit = iso.charCodeAt(22) - 48;
  return (
    twoDigits(iso, 0) >= 0 &&
    twoDigits(iso, 2) >= 0 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 28 &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59 &&
    millis >= 0 &&
    lastDigit >= 0 &&
    lastDigit <= 9
  );
}

/** An instant as `toISOString` writes it; an event's time usually is already, and is then taken as it is, without a Date. */
export const normalised = (iso: string): string => (isNormalInstant(iso) ? iso : new Date(iso).toISOString());
const later = (a: string, b: string | undefined): string => (b !== undefined && b > a ? b : a);

/** When an event's version became true: its occurred-at, never before the ticket's previous version (an event is decided on the state before it). */
export function asOfFromOf(event: Pick<RecordedEvent, 'metadata'>, previous: string | undefined): string {
  const occurredAt = (event.metadata as { occurredAt?: unknown }).occurredAt;
  return later(typeof occurredAt === 'string' ? normalised(occurredAt) : new Date(0).toISOString(), previous);
}

/** When the system knew an event's version: its recorded-at (never before it happened, nor before the ticket's previous version). */
export function knownFromOf(event: Pick<RecordedEvent, 'metadata' | 'recordedAt'>, asOfFrom: string, previous: string | undefined): string {
  return later(later(event.recordedAt.toISOString(), asOfFrom), previous);
}

/**
 * The next version of a ticket after one of its events, or undefined when the event changed
 * nothing a version holds. Its times are the event's on both axes, clamped so a ticket's versions
 * follow each other in time as they do in its stream. As written, the comparison goes over the
 * previous version's keys, its ticket id and times among them, which the columns lack: it never
 * finds them the same, so every event begins a version (a comment's too). The report's replay
 * (replay/moment-fold.ts) relies on that; its spec fails if it changes.
 */
export function nextVersion(
  previous: TicketVersionsTable | undefined,
  ticketId: string,
  columns: VersionColumns,
  event: Pick<RecordedEvent, 'metadata' | 'recordedAt' | 'globalPosition'>,
): TicketVersionsTable | undefined {
  if (previous && sameColumns(previous, columns)) return undefined;
  const asOfFrom = asOfFromOf(event, previous?.as_of_from);
  return {
    ticket_id: ticketId,
    position: event.globalPosition,
    as_of_from: asOfFrom,
    as_of_to: null,
    as_of_span: OPEN_SPAN,
    known_from: knownFromOf(event, asOfFrom, previous?.known_from),
    known_to: null,
    known_span: OPEN_SPAN,
    open_or_queued: columns.ended_at === null || columns.queue_department !== null ? 1 : 0,
    ...columns,
  };
}

/** A version superseded by `next`: in force until next's times on both axes. */
export function closedVersion(version: TicketVersionsTable, next: TicketVersionsTable): TicketVersionsTable {
  return {
    ...version,
    as_of_to: next.as_of_from,
    as_of_span: spanClassOf(version.as_of_from, next.as_of_from),
    known_to: next.known_from,
    known_span: spanClassOf(version.known_from, next.known_from),
  };
}

/** Whether a superseded version was never in force on either axis (its successor came at the same times): it need not be kept. */
export const neverInForce = (version: TicketVersionsTable): boolean => version.as_of_from === version.as_of_to && version.known_from === version.known_to;

/** The span class of [from, to): the smallest c with to − from ≤ 2^c minutes. */
export function spanClassOf(from: string, to: string): number {
  const minutes = (Date.parse(to) - Date.parse(from)) / SPAN_UNIT_MS;
  return minutes <= 1 ? 0 : Math.min(MAX_SPAN, Math.ceil(Math.log2(minutes)));
}

/** Whether a version is in force at a moment. */
export function inForceAt(version: TicketVersionsTable, moment: Moment): boolean {
  const at = moment.at.toISOString();
  const [from, to] = moment.axis === 'asOf' ? [version.as_of_from, version.as_of_to] : [version.known_from, version.known_to];
  return from <= at && (to === null || to > at);
}

/** The columns of a version the metrics read. */
export type MetricVersionColumns = Pick<
  TicketVersionsTable,
  | 'ticket_id'
  | 'service_code'
  | 'channel'
  | 'department'
  | 'opened_at'
  | 'first_assigned_at'
  | 'assign_business_ms'
  | 'completed_at'
  | 'complete_business_ms'
  | 'closed_at'
  | 'due_at'
  | 'on_time'
  | 'escalation_count'
  | 'reopen_count'
  | 'first_contact_resolution'
>;

/** The metric facts a version (or a ticket facts row: the same columns) holds. */
export function metricFactsOfVersion(row: MetricVersionColumns): MetricFacts {
  const ms = (value: number | string | null): number | null => (value === null ? null : Number(value));
  return {
    ticketId: row.ticket_id,
    serviceCode: row.service_code,
    channel: row.channel as MetricFacts['channel'],
    department: row.department,
    openedAt: row.opened_at,
    firstAssignedAt: row.first_assigned_at,
    assignBusinessMs: ms(row.assign_business_ms),
    completedAt: row.completed_at,
    completeBusinessMs: ms(row.complete_business_ms),
    closedAt: row.closed_at,
    dueAt: row.due_at,
    onTime: row.on_time === null ? null : Number(row.on_time) === 1,
    escalationCount: Number(row.escalation_count),
    reopenCount: Number(row.reopen_count),
    firstContactResolution: Number(row.first_contact_resolution) === 1,
  };
}

/** The tickets-row columns the escalations list reads, from a version. */
export function escalationRowOfVersion(row: VersionColumns & { ticket_id: string }): EscalationRow {
  return {
    ticket_id: row.ticket_id,
    department: row.department,
    service_code: row.service_code,
    status: row.status,
    priority: row.priority,
    assignee: row.assignee,
    escalation_tier: Number(row.escalation_tier),
    escalation_reason: row.escalation_reason,
    escalated_at: row.escalated_at,
    due_at: row.queue_due_at,
    due_sort: row.queue_due_at ?? NO_DUE_TIME,
    overdue_since: row.overdue_since,
    breached_at: row.breached_at,
    sla_at_risk_at: row.sla_at_risk_at,
    queue_department: row.queue_department,
  };
}
