export * from './errors';
export type { ReadDb } from './store/read-db';
export { ReadStore, type ReadStoreDialect } from './store/read-store';
export { createReadStore } from './store/create-read-store';
export { openSqliteReadStore } from './store/open-sqlite-read-store';
export { openPostgresReadStore } from './store/open-postgres-read-store';
export { ticketFactsFold, endedAt, type TicketFacts } from './facts/ticket-facts';
export { replayTicketFacts, replayTickets, type ReplayedTicket } from './facts/replay-ticket-facts';
export type { LatestEscalation } from './facts/latest-escalation';
export { factsCountingIn, occurredBy, occurredByTime, replayAsOf } from './replay/replay-as-of';
export { headPosition, scanAll, SCAN_PAGE_SIZE } from './replay/scan-all';
export { replayCompletion, type ReplayedCompletion } from './replay/replay-completion';
export { CompletionTally } from './replay/completion-tally';
export { systemClock, type Clock } from './projection/clock';
export { ProjectionRunner, type ProjectionRunnerOptions, type RunnerStatus } from './projection/projection-runner';
export { EventBatcher, type EventBatcherOptions } from './projection/event-batcher';
export { holderIdOf, localProcesses, type HolderProcess, type ProcessTable } from './projection/lease-holder';
export { Lease } from './projection/lease';
export { rebuildReadModels, type RebuildOptions } from './projection/rebuild';
export type { ProjectionLag } from './projection/lag';
export type { QueueEntry, TicketRowVersion, TicketText } from './projection/ticket-row';
export type { QueueChangeKind } from './projection/queue-changes';
export {
  DEFAULT_QUEUE_FEED_RESUME_DAYS,
  pruneQueueChanges,
  QueueChangePruner,
  resumeWindowOfDays,
  type QueueChangePruneOptions,
  type QueueChangePruneResult,
  type QueueChangePrunerOptions,
} from './projection/queue-change-pruning';
export type { QueueChange } from './queries/queue-changes-after';
export type { TicketFilter, TicketPage } from './queries/search-tickets';
export type { TicketSummary } from './queries/ticket-summary';
export type { DepartmentQueueOptions } from './queries/department-queue';
export type { SlaCheck, SlaCheckCursor, SlaCheckPage } from './queries/sla-checks-due';
export {
  OPEN_TICKET_STATUSES,
  type CallersOpenTicket,
  type DuplicateSearch,
  type PossibleDuplicate,
  type PossibleDuplicates,
} from './queries/possible-duplicates';
export type { ResidentContactSummary, ResidentHistory, ResidentKeys, ResidentTicket } from './queries/resident-history';
export type { ContactRetentionQuery, ResidentRetentionQuery } from './queries/resident-retention';
export { addressKey, distanceMeters } from './queries/ticket-place';
export { normalizedEmail, normalizedPhone, residentEmailKey, residentPhoneKey } from './queries/resident-keys';
export {
  escalationsAmong,
  escalationsAmongRows,
  needsAttention,
  type EscalationRow,
  type EscalationEntry,
  type EscalationsOptions,
  type EscalationsPage,
} from './queries/escalations';
export type { WorkStart, WorkStartKey } from './queries/work-starts';
export {
  completionMetrics,
  metricFactsOf,
  GROUP_BYS,
  type CompletionFigures,
  type CompletionMetricsOptions,
  type DurationFigures,
  type GroupBy,
  type MetricFacts,
  validateCompletionMetricsOptions,
} from './metrics/completion-metrics';
export { PERIODS, type Period } from './metrics/periods';
export {
  asOfFromOf,
  inForceAt,
  knownFromOf,
  metricFactsOfVersion,
  MOMENT_AXES,
  nextVersion,
  versionColumnsOf,
  type Moment,
  type MomentAxis,
  type VersionColumns,
} from './temporal/ticket-versions';
export { foldAtMoment, metricFactsAtMoment, queuedAtMoment, versionsAtMoment, type TicketAtMoment } from './temporal/facts-at-moment';
export type { VersionsWhen } from './temporal/versions-at';
export { ReadModels, type ReadModelsOptions } from './read-models';
export { dumpReadModels } from './store/dump-read-models';
export {
  KnowledgeSearchIndex,
  type SearchAnswer,
  type SearchEntry,
  type SearchFlag,
  type SearchHit,
  type SearchKind,
  type SearchOptions,
} from './knowledge/knowledge-search';
export { searchTokens } from './knowledge/search-text';
export { applyArticleEvents, projectedArticle, projectedArticles } from './knowledge/article-projection';
export { articleSearchEntries, serviceSearchEntries } from './knowledge/search-entries';
export { applyContactEvents, contactRow, projectedContact, projectedContactsIn, unansweredSearchLog, type ContactRange } from './knowledge/contact-projection';
export { contactBusiestTimes, contactMetricsReport, knowledgeGaps, type ContactMetricsScope } from './knowledge/contact-metrics';
export { applyPhoneCoverageEvents } from './knowledge/coverage-projection';
export { phoneCoverageReport, phoneLineNow, projectedRoster, type PhoneCoverageQuery } from './knowledge/coverage-report';
