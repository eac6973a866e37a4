import { sql, type Kysely } from 'kysely';
import type { ReadDb } from './read-db';
import type { ReadStore } from './read-store';
import { createGenerationTables, TICKETS_PROJECTION } from './generation-tables';
import { addSlaWatchColumns } from './migration-2-sla-watch-columns';
import { addTicketUpdatedAt } from './migration-3-ticket-updated-at';
import { addMetricFactsIndex } from './migration-4-metric-facts-index';
import { addQueueChangePruning } from './migration-5-queue-change-pruning';
import { addEscalationAndStartFacts } from './migration-6-escalation-and-start-facts';
import { addKnowledgeSearch } from './migration-7-knowledge-search';
import { addContacts } from './migration-8-contacts';
import { addContactRollup } from './migration-9-contact-rollup';
import { addKnowledgeQuestionIndex } from './migration-10-knowledge-question-index';
import { addDuplicateSearch } from './migration-11-duplicate-search';
import { addPhoneCoverage } from './migration-12-phone-coverage';
import { addTicketVersions } from './migration-13-ticket-versions';
import { addCompletionRollup } from './migration-14-completion-rollup';
import { addOutbound } from './migration-15-outbound';
import { addStaffNotifications } from './migration-17-staff-notifications';
import { addEdgeDayIndexes } from './migration-18-edge-day-indexes';

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Kysely<ReadDb>, store: ReadStore) => Promise<void>;
}

/**
 * Versioned migrations of the read store's own tables. Never edit a released one: add one.
 * A change to a projection's tables is shipped as a new generation and a rebuild instead.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'generations, checkpoints, leases and the first generation of ticket tables',
    up: async (db, store) => {
      await db.schema
        .createTable('rm_generations')
        .addColumn('projection', 'text', (c) => c.primaryKey())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('latest', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('rm_checkpoints')
        .addColumn('generation', 'integer', (c) => c.primaryKey())
        .addColumn('position', 'text')
        .addColumn('last_recorded_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('rm_leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.insertInto('rm_generations').values({ projection: TICKETS_PROJECTION, active: 1, latest: 1 }).execute();
      await createGenerationTables(db, store.dialect, 1);
    },
  },
  {
    version: 2,
    name: "the SLA watcher's next check time and the at-risk instant of each ticket",
    up: (db, store) => addSlaWatchColumns(db, store.dialect),
  },
  {
    version: 3,
    name: "each ticket's last update time (the occurredAt of its latest event)",
    up: (db, store) => addTicketUpdatedAt(db, store.dialect),
  },
  {
    version: 4,
    name: "the metrics query's covering index on ticket facts",
    up: (db) => addMetricFactsIndex(db),
  },
  {
    version: 5,
    name: 'the queue change log: when each change was recorded, and how far the log has been pruned',
    up: (db, store) => addQueueChangePruning(db, store.dialect),
  },
  {
    version: 6,
    name: "each ticket's latest escalation and breach, and the work starts by command id (filled in from the log by the projection runner)",
    up: (db, store) => addEscalationAndStartFacts(db, store.dialect),
  },
  {
    version: 7,
    name: 'the knowledge base: article states, and the search index of articles and service types by language (FTS5 or tsvector)',
    up: (db, store) => addKnowledgeSearch(db, store.dialect),
  },
  {
    version: 8,
    name: "contacts: each contact's state with the columns a metrics range is read by, and the search log",
    up: (db) => addContacts(db),
  },
  {
    version: 9,
    name: 'the contact figures aggregated per local day (counts, handle times, transfers, article uses, hours), callbacks, and tickets completed at intake',
    up: (db, store) => addContactRollup(db, store.dialect),
  },
  {
    version: 10,
    name: "knowledge search's question index: the words of each document's title, synonyms and keywords apart from its answer (FTS5 or tsvector)",
    up: (db, store) => addKnowledgeQuestionIndex(db, store.dialect),
  },
  {
    version: 11,
    name: "where and by whom each ticket was reported and its report count (filled in from the log by the projection runner), and contacts' resident digests",
    up: (db, store) => addDuplicateSearch(db, store.dialect),
  },
  {
    version: 12,
    name: "phone coverage: each department's roster and its versions, each staff member's availability and the spans they were available",
    up: (db) => addPhoneCoverage(db),
  },
  {
    version: 13,
    name: "the temporal read model: every version of each ticket's facts, as of (occurred-at) and as known at (recorded-at); generations projected before it wait for a rebuild for answers at a past moment",
    up: (db, store) => addTicketVersions(db, store.dialect),
  },
  {
    version: 14,
    name: 'the completion rollup: per local day, grouping and group, the counts, exact samples and backlog deltas live completion metrics over whole days are read from',
    up: (db) => addCompletionRollup(db),
  },
  {
    version: 15,
    name: 'the outbound consumer: its checkpoint, the delivery log and every attempt, and the webhook subscriptions',
    up: (db) => addOutbound(db),
  },
  {
    version: 17,
    name: "staff notifications: each staff member's preference (immediate, daily digest or none) and the parts of every daily digest sent",
    up: (db) => addStaffNotifications(db),
  },
  {
    version: 18,
    name: "the completion rollup's edge days: indexes on each ticket's first assignment, end and due time, the tickets of a range's first and last local day are read through",
    up: (db) => addEdgeDayIndexes(db),
  },
];

/** Applies the migrations the store lacks, in one transaction, safe against a concurrent opener. */
export async function migrateReadStore(store: ReadStore): Promise<void> {
  await store.db.schema
    .createTable('rm_schema_migrations')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  await store.writeTransaction(async (trx) => {
    // SQLite's BEGIN IMMEDIATE already serialises openers; PostgreSQL needs a lock for it.
    if (store.dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.rm_schema_migrations'))`.execute(trx);
    const applied = new Set((await trx.selectFrom('rm_schema_migrations').select('version').execute()).map((row) => Number(row.version)));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await migration.up(trx, store);
      await trx.insertInto('rm_schema_migrations').values({ version: migration.version, name: migration.name, applied_at: new Date().toISOString() }).execute();
    }
  });
}
