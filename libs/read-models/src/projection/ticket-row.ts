import { nextSlaCheckAt, PRIORITIES, slaStanding, type Priority, type StampedTicketEvent, type ServiceCatalog } from '@switchboard/ticketing';
import type { LatestEscalation } from '../facts/latest-escalation';
import type { TicketFacts } from '../facts/ticket-facts';
import type { TicketFactsTable, TicketsTable } from '../store/read-db';
import { placeColumnsOf, type TicketPlaceColumns } from '../queries/ticket-place';

/** Sorts after every ISO instant, so "due time ascending" puts tickets without one last. */
export const NO_DUE_TIME = '9999-12-31T23:59:59.999Z';

const QUEUE_STATUSES = new Set(['assigned', 'in_progress', 'on_hold', 'escalated']);

/** A ticket as a department queue shows it. */
export interface QueueEntry {
  readonly ticketId: string;
  readonly serviceCode: string;
  readonly status: string;
  readonly assignee: string | null;
  readonly priority: Priority;
  readonly escalationTier: number;
  readonly onHold: boolean;
  readonly openedAt: string;
  readonly dueAt: string | null;
  /** While on hold: the due time the ticket is already late against. */
  readonly overdueSince: string | null;
  readonly slaStartedAt: string | null;
  readonly slaBusinessMs: number | null;
  /** Stream revision of the ticket's last event: the expected revision for a claim (StartWork). */
  readonly revision: number;
}

/** The department whose open queue holds the ticket, or undefined when it is in none. */
export function queueDepartmentOf(facts: TicketFacts): string | undefined {
  return QUEUE_STATUSES.has(facts.status) && facts.state.department !== undefined ? facts.state.department : undefined;
}

/** The queue entry a ticket's facts show. */
export function queueEntryOf(facts: TicketFacts, revision: number): QueueEntry {
  const { state } = facts;
  return {
    ticketId: facts.ticketId,
    serviceCode: facts.serviceCode,
    status: facts.status,
    assignee: state.assignee ?? null,
    priority: state.priority ?? 'normal',
    escalationTier: state.escalationTier,
    onHold: facts.status === 'on_hold',
    openedAt: facts.openedAt,
    dueAt: state.dueAt ?? null,
    overdueSince: state.overdueSince ?? null,
    slaStartedAt: facts.slaStartedAt,
    slaBusinessMs: state.slaBusinessMs ?? null,
    revision,
  };
}

/** The text a ticket's free-text search matches: its description and address. */
export interface TicketText {
  readonly description: string;
  readonly address: string | null;
  /** Where and by whom it was reported; absent on a ticket loaded back from its row (the row keeps its place columns). */
  readonly place?: TicketPlaceColumns;
}

const NO_PLACE: TicketPlaceColumns = { latitude: null, longitude: null, address_key: null, resident_phone_key: null, resident_email_key: null };

/** The text a ticket is opened with; undefined for every other event (description and address never change). */
export function openingTextOf(event: StampedTicketEvent): TicketText | undefined {
  return event.type === 'TicketOpened'
    ? { description: event.data.description ?? '', address: event.data.location?.address ?? null, place: placeColumnsOf(event.data) }
    : undefined;
}

/** Where a ticket's row stands: its stream revision, the global position and the time of its latest event. */
export interface TicketRowVersion {
  readonly revision: number;
  readonly position: string;
  /** An instant; stored normalised (toISOString), so ranges compare as text. */
  readonly updatedAt: string;
}

/**
 * The tickets-table row of a ticket (contact data is never part of it). The SLA instants use the
 * catalog's escalation policy at projection time; a changed policy reaches stored rows at each
 * ticket's next event or a rebuild.
 */
export function ticketRowOf(facts: TicketFacts, text: TicketText, latest: LatestEscalation, version: TicketRowVersion, catalog: ServiceCatalog): TicketsTable {
  const { revision, position } = version;
  const entry = queueEntryOf(facts, revision);
  return {
    ticket_id: facts.ticketId,
    revision,
    last_position: position,
    service_code: facts.serviceCode,
    channel: facts.channel,
    status: facts.status,
    department: facts.department,
    ...escalationColumnsOf(facts, latest, catalog, entry),
    priority_rank: PRIORITIES.indexOf(entry.priority),
    on_hold: entry.onHold ? 1 : 0,
    opened_at: facts.openedAt,
    due_sort: entry.dueAt ?? NO_DUE_TIME,
    sla_started_at: entry.slaStartedAt,
    sla_business_ms: entry.slaBusinessMs,
    sla_next_check_at: nextSlaCheckAt(facts.state, catalog)?.toISOString() ?? null,
    description: text.description,
    address: text.address,
    search_text: `${text.description}\n${text.address ?? ''}`.toLowerCase(),
    // Once per written row rather than per event: a batch applies several events to most tickets.
    updated_at: new Date(version.updatedAt).toISOString(),
    ...(text.place ?? NO_PLACE),
    report_count: 1 + (facts.state.otherReports ?? 0),
  };
}

/** The columns of a tickets row the escalations list reads (the ticket versions keep them too). */
export function escalationColumnsOf(
  facts: TicketFacts,
  latest: LatestEscalation,
  catalog: ServiceCatalog,
  entry: QueueEntry = queueEntryOf(facts, 0),
): Pick<
  TicketsTable,
  | 'queue_department'
  | 'assignee'
  | 'priority'
  | 'escalation_tier'
  | 'due_at'
  | 'overdue_since'
  | 'sla_at_risk_at'
  | 'escalation_reason'
  | 'escalated_at'
  | 'breached_at'
> {
  // The standing's instants do not depend on the moment it is judged at.
  const { atRiskAt } = slaStanding(facts.state, new Date(0), catalog);
  return {
    queue_department: queueDepartmentOf(facts) ?? null,
    assignee: entry.assignee,
    priority: entry.priority,
    escalation_tier: entry.escalationTier,
    due_at: entry.dueAt,
    overdue_since: entry.overdueSince,
    sla_at_risk_at: atRiskAt?.toISOString() ?? null,
    escalation_reason: latest.escalationReason,
    escalated_at: latest.escalatedAt,
    breached_at: latest.breachedAt,
  };
}

/** The facts-table row of a ticket. */
export function factsRowOf(facts: TicketFacts, position: string): TicketFactsTable {
  return {
    ticket_id: facts.ticketId,
    last_position: position,
    service_code: facts.serviceCode,
    channel: facts.channel,
    owning_department: facts.owningDepartment,
    department: facts.department,
    status: facts.status,
    opened_at: facts.openedAt,
    first_assigned_at: facts.firstAssignedAt,
    assign_business_ms: facts.assignBusinessMs,
    started_at: facts.startedAt,
    completed_at: facts.completedAt,
    complete_business_ms: facts.completeBusinessMs,
    closed_at: facts.closedAt,
    ended_at: facts.completedAt ?? facts.closedAt,
    due_at: facts.dueAt,
    sla_started_at: facts.slaStartedAt,
    on_hold_since: facts.onHoldSince,
    on_hold_business_ms: facts.onHoldBusinessMs,
    on_hold_calendar_ms: facts.onHoldCalendarMs,
    escalation_count: facts.escalationCount,
    max_escalation_tier: facts.maxEscalationTier,
    reopen_count: facts.reopenCount,
    first_contact_resolution: facts.firstContactResolution ? 1 : 0,
    on_time: facts.onTime === null ? null : facts.onTime ? 1 : 0,
    // Sorted keys: a state folded in one run or across a restart (via this JSON) must store the same text.
    state_json: JSON.stringify(facts.state, Object.keys(facts.state).sort()),
  };
}

/** Reads facts back from their row. */
export function factsOfRow(row: TicketFactsTable): TicketFacts {
  const state = JSON.parse(row.state_json);
  return {
    ...metricFactsOfRow(row),
    state,
  };
}

/** The facts metrics use, read from a row without parsing the lifecycle state. */
export function metricFactsOfRow(row: Omit<TicketFactsTable, 'state_json' | 'last_position'>): Omit<TicketFacts, 'state'> {
  const ms = (value: number | string | null): number | null => (value === null ? null : Number(value));
  return {
    ticketId: row.ticket_id,
    serviceCode: row.service_code,
    channel: row.channel as TicketFacts['channel'],
    owningDepartment: row.owning_department,
    department: row.department,
    status: row.status as TicketFacts['status'],
    openedAt: row.opened_at,
    firstAssignedAt: row.first_assigned_at,
    assignBusinessMs: ms(row.assign_business_ms),
    startedAt: row.started_at,
    completedAt: row.completed_at,
    completeBusinessMs: ms(row.complete_business_ms),
    closedAt: row.closed_at,
    dueAt: row.due_at,
    slaStartedAt: row.sla_started_at,
    onHoldSince: row.on_hold_since,
    onHoldBusinessMs: Number(row.on_hold_business_ms),
    onHoldCalendarMs: Number(row.on_hold_calendar_ms),
    escalationCount: Number(row.escalation_count),
    maxEscalationTier: Number(row.max_escalation_tier),
    reopenCount: Number(row.reopen_count),
    firstContactResolution: Number(row.first_contact_resolution) === 1,
    onTime: row.on_time === null ? null : Number(row.on_time) === 1,
  };
}
