import type { EventStore, GlobalPosition } from '@switchboard/event-store';
import { activeGeneration, generationTables, type GenerationTables } from './store/generation-tables';
import type { ReadStore } from './store/read-store';
import { pendingBackfill } from './projection/backfill';
import { temporalModelPending } from './store/migration-13-ticket-versions';
import { readCheckpoint } from './projection/checkpoint';
import { systemClock, type Clock } from './projection/clock';
import { measureLag, type ProjectionLag } from './projection/lag';
import { PositionWaiters } from './projection/position-waiters';
import type { ProjectionRunner } from './projection/projection-runner';
import { claimCandidates, departmentQueue, type DepartmentQueueOptions } from './queries/department-queue';
import { intakeQueue, type IntakeQueueOptions } from './queries/intake-queue';
import { queueChangesAfter, queueChangesPrunedThrough, type QueueChange } from './queries/queue-changes-after';
import { searchTickets, type TicketFilter, type TicketPage } from './queries/search-tickets';
import type { TicketSummary } from './queries/ticket-summary';
import { slaChecksDue, type SlaCheckCursor, type SlaCheckPage } from './queries/sla-checks-due';
import { escalations, escalationsAmongRows, type EscalationEntry, type EscalationsOptions, type EscalationsPage } from './queries/escalations';
import { loadMetricFacts } from './queries/load-metric-facts';
import { completionMetricsFromRollup } from './metrics/completion-rollup';
import { metricFactsAt, queuedAt, type VersionsWhen } from './temporal/versions-at';
import type { Moment } from './temporal/ticket-versions';
import { TemporalModelPendingError } from './errors';
import { workStartsUnder, type WorkStart, type WorkStartKey } from './queries/work-starts';
import { ReadModelsBackfillingError } from './errors';
import { possibleDuplicates, type DuplicateSearch, type PossibleDuplicates } from './queries/possible-duplicates';
import { residentHistory, type ResidentHistory, type ResidentKeys } from './queries/resident-history';
import { contactResidentDataDue, residentDataDue, type ContactRetentionQuery, type ResidentRetentionQuery } from './queries/resident-retention';
import { completionMetrics, validateCompletionMetricsOptions, type CompletionFigures, type CompletionMetricsOptions } from './metrics/completion-metrics';

export interface ReadModelsOptions {
  readonly readStore: ReadStore;
  /** Needed for `lag()`. */
  readonly eventStore: EventStore;
  /** The runner of this process, if any: waits for positions are then event-driven while it is active. */
  readonly runner?: ProjectionRunner;
  readonly clock?: Clock;
  /** How often a wait polls the checkpoint when no active runner runs in this process. Default 50 ms. */
  readonly pollIntervalMs?: number;
}

/** The queries the HTTP layer serves, over the active generation of the read store. */
export class ReadModels {
  private readonly clock: Clock;
  private readonly waiters: PositionWaiters;
  private polling = false;
  /** The last generation seen without a pending backfill: the check runs again only after a switch. */
  private backfilledGeneration: number | undefined;

  constructor(private readonly options: ReadModelsOptions) {
    this.clock = options.clock ?? systemClock;
    this.waiters = new PositionWaiters(this.clock);
    options.runner?.onCheckpoint((position) => this.waiters.reach(position));
  }

  /** Open tickets of a department in queue order (`assignee` for "mine"). */
  async departmentQueue(department: string, options: DepartmentQueueOptions): Promise<TicketSummary[]> {
    return departmentQueue(this.db, await this.tables(), department, options);
  }

  /** 311's intake queue: tickets waiting for triage, urgent first, then the longest waiting. */
  async intakeQueue(options: IntakeQueueOptions): Promise<TicketSummary[]> {
    return intakeQueue(this.db, await this.tables(), options);
  }

  /** Unclaimed tickets of a department in queue order, with the revision to start each at. */
  async claimCandidates(department: string, limit = 10, now = this.clock.now()): Promise<TicketSummary[]> {
    return claimCandidates(this.db, await this.tables(), department, limit, now);
  }

  /** Tickets matching a filter, newest first, keyset-paged by an opaque cursor. */
  async searchTickets(filter: TicketFilter, cursor?: string, limit = 50): Promise<TicketPage> {
    return searchTickets(this.db, await this.tables(), filter, cursor, limit);
  }

  /** Tickets whose next SLA check (breach or escalation) is due at `now`, the longest-waiting first: the SLA watcher's work list. */
  async slaChecksDue(now: Date, after?: SlaCheckCursor, limit = 500): Promise<SlaCheckPage> {
    return slaChecksDue(this.db, await this.tables(), now, after, limit);
  }

  /** Open escalated, late and at-risk tickets, late the longest first, with their latest escalation and breach; keyset-paged by an opaque cursor. */
  async escalations(options: EscalationsOptions): Promise<EscalationsPage> {
    return escalations(this.db, await this.backfilledTables(), options);
  }

  /** The WorkStarted events recorded under the given tickets and command ids (what a retried claim answers), in the order of `keys`. */
  async workStartsUnder(keys: readonly WorkStartKey[]): Promise<WorkStart[]> {
    if (keys.length === 0) return [];
    return workStartsUnder(this.db, await this.backfilledTables(), keys);
  }

  /** Open tickets that may record the problem about to be reported, and the caller's own open tickets (needs migration 11's backfill). */
  async possibleDuplicates(search: DuplicateSearch): Promise<PossibleDuplicates> {
    return possibleDuplicates(this.db, await this.backfilledTables(), search);
  }

  /** A resident's previous contacts and tickets by phone or e-mail (needs migration 11's backfill). */
  async residentHistory(resident: ResidentKeys, limit?: number): Promise<ResidentHistory> {
    return residentHistory(this.db, await this.backfilledTables(), resident, limit);
  }

  /** Ended tickets of a service whose resident data the retention period says to erase (the retention watcher's question). */
  async residentDataDue(query: ResidentRetentionQuery): Promise<string[]> {
    return residentDataDue(this.db, await this.backfilledTables(), query);
  }

  /** Contacts whose resident data the city's contact retention period says to erase (the retention watcher's question). */
  async contactResidentDataDue(query: ContactRetentionQuery): Promise<string[]> {
    return contactResidentDataDue(this.db, query);
  }

  /**
   * Completion metrics now, or at a moment (as of, or as known at), from the temporal read model's
   * ticket versions (the same function a replay uses): only the tickets that can count in the range
   * are read.
   */
  async completionMetrics(options: CompletionMetricsOptions, when: VersionsWhen = 'head'): Promise<CompletionFigures[]> {
    const valid = validateCompletionMetricsOptions(options);
    const generation = await activeGeneration(this.db);
    const tables = generationTables(generation);
    const pending = await temporalModelPending(this.db, generation);
    if (pending && when !== 'head') throw new TemporalModelPendingError(generation);
    // A generation projected before migration 13 lacks the versions of tickets untouched since: its facts answer now.
    if (pending) return completionMetrics(await loadMetricFacts(this.db, tables, valid.from, valid.to), valid);
    // Now: the rollup's cells (with the tickets of the range's edge days when it does not start or end at local midnight); otherwise the versions in force.
    const rolledUp = when === 'head' ? await completionMetricsFromRollup(this.db, tables, valid) : undefined;
    return rolledUp ?? completionMetrics(await metricFactsAt(this.db, tables, when, valid.from, valid.to), valid);
  }

  /** The escalations list as it was at a moment (as of, or as known at), judged then, from the temporal read model: one page of `limit`. */
  async escalationsAt(moment: Moment, options: Omit<EscalationsOptions, 'cursor' | 'now'>): Promise<EscalationEntry[]> {
    const generation = await activeGeneration(this.db);
    if (await temporalModelPending(this.db, generation)) throw new TemporalModelPendingError(generation);
    const rows = await queuedAt(this.db, generationTables(generation), moment, options.department);
    return escalationsAmongRows(rows, { ...options, now: moment.at });
  }

  /** A department's queue changes after a position (Last-Event-ID), oldest first. */
  async queueChangesAfter(department: string, position: GlobalPosition | undefined, limit = 100): Promise<QueueChange[]> {
    return queueChangesAfter(this.db, await this.tables(), department, position, limit);
  }

  /** How far the queue change log has been pruned (undefined: never): a feed resumes only after this position or a later one. */
  async queueChangesPrunedThrough(): Promise<GlobalPosition | undefined> {
    return queueChangesPrunedThrough(this.db);
  }

  /** How far the read models trail the event log (for /health/ready and metrics). */
  async lag(now = this.clock.now()): Promise<ProjectionLag> {
    const checkpoint = await readCheckpoint(this.db, await activeGeneration(this.db));
    return measureLag(this.options.eventStore, checkpoint, now);
  }

  /** Resolves once the read models include `position`; rejects with ReadModelTimeoutError after `timeoutMs`. */
  async waitForPosition(position: GlobalPosition, timeoutMs: number): Promise<void> {
    const waiting = this.waiters.wait(position, timeoutMs);
    await this.poll();
    return waiting;
  }

  /** Reads the checkpoint now, and keeps polling while someone waits and no local active runner reports commits. */
  private async poll(): Promise<void> {
    this.waiters.reach((await readCheckpoint(this.db, await activeGeneration(this.db))).position);
    if (this.polling || this.waiters.size === 0 || this.options.runner?.status === 'active') return;
    this.polling = true;
    this.clock.setTimeout(() => {
      this.polling = false;
      return this.poll().catch(() => undefined);
    }, this.options.pollIntervalMs ?? 50);
  }

  private get db() {
    return this.options.readStore.db;
  }

  private async tables(): Promise<GenerationTables> {
    return generationTables(await activeGeneration(this.db));
  }

  /**
   * The active generation's tables once migrations 6's and 11's backfill has filled them; until then throws
   * ReadModelsBackfillingError, so the escalations and claim answers never show facts missing.
   */
  private async backfilledTables(): Promise<GenerationTables> {
    const generation = await activeGeneration(this.db);
    if (generation !== this.backfilledGeneration) {
      const pending = await pendingBackfill(this.db, generation);
      if (!pending) this.backfilledGeneration = generation;
      else {
        const { position } = await readCheckpoint(this.db, generation);
        // Without a checkpoint nothing was projected: there is nothing to fill in.
        if (position !== undefined) throw new ReadModelsBackfillingError(position, pending.doneThrough);
      }
    }
    return generationTables(generation);
  }
}
