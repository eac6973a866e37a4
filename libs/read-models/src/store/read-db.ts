import type { Kysely } from 'kysely';

/** One ticket as lists and department queues show it (resident contact is never stored here). */
export interface TicketsTable {
  ticket_id: string;
  revision: number;
  last_position: string;
  service_code: string;
  channel: string;
  status: string;
  department: string;
  /** The department whose open queue holds the ticket; null when it is in no queue. */
  queue_department: string | null;
  assignee: string | null;
  priority: string;
  priority_rank: number;
  escalation_tier: number;
  on_hold: number;
  opened_at: string;
  due_at: string | null;
  /** due_at, or a far-future sentinel, so "due time ascending, nulls last" can use an index on both dialects. */
  due_sort: string;
  overdue_since: string | null;
  sla_started_at: string | null;
  sla_business_ms: number | null;
  /** When the SLA watcher next has something to do (breach, tier 1, tier 2); null when nothing is pending. */
  sla_next_check_at: string | null;
  /** When the ticket turns "at risk" under its service's escalation policy; null while no clock runs. */
  sla_at_risk_at: string | null;
  /** Why the ticket was last escalated since it was opened or last reopened; null when it was not. */
  escalation_reason: string | null;
  /** When that escalation happened (its occurredAt). */
  escalated_at: string | null;
  /** When the SLA watcher last recorded a breach since the ticket was opened or last reopened. */
  breached_at: string | null;
  description: string;
  address: string | null;
  search_text: string;
  /** The occurredAt of the ticket's latest event, as an ISO instant. */
  updated_at: string;
  /** Where the ticket was reported (migration 11): coordinates when given, the address as compared (`queries/ticket-place.ts`). */
  latitude: number | null;
  longitude: number | null;
  address_key: string | null;
  /** Digests of the reporting resident's normalised phone and e-mail (`queries/resident-keys.ts`): never the values. */
  resident_phone_key: string | null;
  resident_email_key: string | null;
  /** 1 + the reports of the same problem linked to the ticket since (AnotherReportRecorded). */
  report_count: number;
}

/** Ticket facts for metrics: one column per fact, plus the folded lifecycle state the fold continues from. */
export interface TicketFactsTable {
  ticket_id: string;
  last_position: string;
  service_code: string;
  channel: string;
  owning_department: string;
  department: string;
  status: string;
  opened_at: string;
  first_assigned_at: string | null;
  assign_business_ms: number | null;
  started_at: string | null;
  completed_at: string | null;
  complete_business_ms: number | null;
  closed_at: string | null;
  ended_at: string | null;
  due_at: string | null;
  sla_started_at: string | null;
  on_hold_since: string | null;
  on_hold_business_ms: number;
  on_hold_calendar_ms: number;
  escalation_count: number;
  max_escalation_tier: number;
  reopen_count: number;
  first_contact_resolution: number;
  on_time: number | null;
  state_json: string;
}

/**
 * One version of a ticket's facts (the temporal read model, migration 13): what the metrics read and
 * the escalations list shows, from the event that made it true until the next version, on both axes:
 * as of (occurred-at) and as known at (recorded-at). A span class per axis keeps "in force at T" an
 * index range (`temporal/versions-at.ts`).
 */
export interface TicketVersionsTable {
  ticket_id: string;
  /** The global position of the event that made the version. */
  position: string;
  as_of_from: string;
  as_of_to: string | null;
  as_of_span: number;
  known_from: string;
  known_to: string | null;
  known_span: number;
  /** 1 while the ticket is open or in a queue (a history may resume a completed ticket): the versions "open at T" are read among. */
  open_or_queued: number;
  service_code: string;
  channel: string;
  department: string;
  opened_at: string;
  first_assigned_at: string | null;
  assign_business_ms: number | null;
  completed_at: string | null;
  complete_business_ms: number | null;
  closed_at: string | null;
  ended_at: string | null;
  due_at: string | null;
  on_time: number | null;
  escalation_count: number;
  reopen_count: number;
  first_contact_resolution: number;
  status: string;
  queue_department: string | null;
  priority: string;
  assignee: string | null;
  escalation_tier: number;
  /** The queue entry's due time (the tickets row's due_at), beside the facts' due time in force. */
  queue_due_at: string | null;
  overdue_since: string | null;
  sla_at_risk_at: string | null;
  escalation_reason: string | null;
  escalated_at: string | null;
  breached_at: string | null;
}

/** One cell of the completion rollup (migration 14, `metrics/completion-rollup.ts`): a local day × grouping × group. */
export interface CompletionDaysTable {
  group_by: string;
  grp: string;
  /** The local date (YYYY-MM-DD) in `zone`. */
  day: string;
  zone: string;
  opened: number;
  completed: number;
  closed_wo: number;
  on_time: number;
  escalated: number;
  reopened: number;
  fcr: number;
  backlog_in: number;
  backlog_out: number;
  overdue_in: number;
  overdue_out: number;
  anomalous: number;
  /** JSON arrays of exact samples in ms. */
  assign_ms: string;
  assign_business_ms: string;
  complete_ms: string;
  complete_business_ms: string;
}

/** A generation projected before migration 13: its ticket versions miss its past until a rebuild replaces it. */
export interface TemporalPendingTable {
  generation: number;
}

/** One WorkStarted, keyed by its ticket and command id: a retried claim is answered from it instead of the ticket's stream. */
export interface WorkStartsTable {
  ticket_id: string;
  command_id: string;
  /** The event's stream revision and global position: what the command answered. */
  revision: number;
  position: string;
  /** Who started the work (metadata.actor): a retry by anyone else is another request. */
  actor_id: string;
  actor_role: string;
}

/** One change to one department's queue, keyed by the global position of the event that caused it. */
export interface QueueChangesTable {
  position: string;
  department: string;
  ticket_id: string;
  kind: string;
  entry_json: string | null;
  /** When the event behind the change was recorded in the log (ISO instant): the change log is pruned by it. */
  recorded_at: string;
}

/** A generation whose columns of migration 6 still wait to be filled from the event log (the projection runner does it before it projects). */
export interface BackfillsTable {
  generation: number;
  /** How far the backfill has read the log; null before its first batch. */
  done_through: string | null;
}

/** How far the queue change log has been pruned, per projection: the resume window behind Last-Event-ID. */
export interface QueueChangesPrunedTable {
  projection: string;
  /** The greatest position of a change ever pruned: a feed resumes only after this position or later. */
  pruned_through: string;
  pruned_at: string;
}

/** An article of the knowledge base as its events left it (migration 7). */
export interface KbArticlesTable {
  article_id: string;
  /** The article domain's `ArticleState`, as JSON. */
  state: string;
  /** The position of the last event applied: a replayed event at or before it is skipped. */
  last_position: string;
}

/** A contact as its events left it (migration 8); the columns beside the state are what a metrics range is read by. */
export interface ContactsTable {
  contact_id: string;
  /** The contact domain's `ContactState`, as JSON. */
  state: string;
  /** The position of the last event applied: a replayed event at or before it is skipped. */
  last_position: string;
  status: string;
  channel: string | null;
  line: string | null;
  operator_id: string | null;
  started_at: string | null;
  ended_at: string | null;
  /** Digests of the resident's normalised phone and e-mail, for a resident look-up (migration 11). */
  resident_phone_key: string | null;
  resident_email_key: string | null;
}

/** One search run for a contact (a `KnowledgeSearched` event), keyed by its position (migration 8). */
export interface ContactSearchesTable {
  position: string;
  contact_id: string;
  at: string;
  query: string;
  /** The line of the contact it was run for. */
  line: string;
  language: string | null;
  result_count: number;
}

/**
 * The contacts started on one local day (migration 9), as `knowledge/contact-rollup.ts` `DayDoc`
 * encodes them: `doc` the counts as JSON (by line and channel, transfers, hours, callbacks,
 * articles), `handle_ms` the handle times as float64s in base64, cell by cell.
 */
export interface ContactDaysTable {
  day: string;
  doc: string;
  handle_ms: string;
}

/** Article uses per local day, line and article (migration 9). */
export interface ContactArticleDaysTable {
  cell: string;
  day: string;
  line: string;
  article_id: string;
  contacts: number;
  uses: number;
}

/** One callback promised at a contact (migration 9); instants as ISO strings of `Date#toISOString`. */
export interface ContactCallbacksTable {
  contact_id: string;
  callback_id: string;
  department: string;
  /** When the contact started. */
  started_at: string;
  promised_at: string;
  /** The local date of the promise. */
  promised_day: string;
  due_by: string | null;
  completed_at: string | null;
  /** `completed_at`, or `~` (after every instant) while not completed. */
  settled_at: string;
  reached: number;
  duration_ms: number | string | null;
}

/** A ticket recorded as opened at a contact (migration 9). */
export interface ContactTicketLinksTable {
  ticket_id: string;
  contact_id: string;
}

/** A ticket completed at intake (migration 9). */
export interface ContactIntakeCompletionsTable {
  ticket_id: string;
}

/** The zone the contact rollup's local days follow (migration 9); no row until the projection has filled it. */
export interface ContactRollupZoneTable {
  time_zone: string;
}

export interface GenerationsTable {
  projection: string;
  active: number;
  latest: number;
}

export interface CheckpointsTable {
  generation: number;
  position: string | null;
  last_recorded_at: string | null;
  updated_at: string;
}

export interface LeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface MigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

/**
 * The read store's tables. The four projection tables carry a generation suffix in the database
 * (`rm_tickets_g2`); `generationTables` maps these logical names onto the physical ones.
 */
/** A department's phone roster as its events left it (migration 12). */
export interface PhoneRostersTable {
  department: string;
  /** The roster domain's `RosterState`, as JSON. */
  state: string;
  last_position: string;
}

/** Every version a roster had, from the time its event took effect, keyed by the event's position (migration 12). */
export interface PhoneRosterVersionsTable {
  position: string;
  department: string;
  effective_at: string;
  /** The roster's weekly slots and exceptions as of that event, as JSON. */
  state: string;
}

/** A staff member's availability as its events left it (migration 12). */
export interface PhoneAvailabilityTable {
  staff_id: string;
  department: string | null;
  status: string;
  /** The availability domain's `AvailabilityState`, as JSON. */
  state: string;
  /** The position of the mark whose span is open (while available); null otherwise. */
  open_span: string | null;
  last_position: string;
}

/** A span a staff member was marked available on a department's line, keyed by the mark's position (migration 12). */
export interface PhoneAvailableSpansTable {
  position: string;
  staff_id: string;
  department: string;
  from_at: string;
  /** The end of the local day, or the time they marked away (or marked again). */
  until_at: string;
}

export interface ReadDb {
  rm_tickets: TicketsTable;
  rm_ticket_facts: TicketFactsTable;
  rm_ticket_versions: TicketVersionsTable;
  rm_temporal_pending: TemporalPendingTable;
  rm_completion_days: CompletionDaysTable;
  rm_queue_changes: QueueChangesTable;
  rm_work_starts: WorkStartsTable;
  rm_backfills: BackfillsTable;
  rm_queue_changes_pruned: QueueChangesPrunedTable;
  rm_generations: GenerationsTable;
  rm_checkpoints: CheckpointsTable;
  rm_leases: LeasesTable;
  rm_schema_migrations: MigrationsTable;
  rm_kb_articles: KbArticlesTable;
  rm_contacts: ContactsTable;
  rm_contact_searches: ContactSearchesTable;
  rm_contact_days: ContactDaysTable;
  rm_contact_article_days: ContactArticleDaysTable;
  rm_contact_callbacks: ContactCallbacksTable;
  rm_contact_ticket_links: ContactTicketLinksTable;
  rm_contact_intake_completions: ContactIntakeCompletionsTable;
  rm_contact_rollup_zone: ContactRollupZoneTable;
  rm_phone_rosters: PhoneRostersTable;
  rm_phone_roster_versions: PhoneRosterVersionsTable;
  rm_phone_availability: PhoneAvailabilityTable;
  rm_phone_available_spans: PhoneAvailableSpansTable;
}

export type ReadDbHandle = Kysely<ReadDb>;
