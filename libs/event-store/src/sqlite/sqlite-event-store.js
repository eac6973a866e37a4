"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SqliteEventStore = void 0;
const promises_1 = require("node:timers/promises");
const errors_1 = require("../port/errors");
const read_options_1 = require("../port/read-options");
const validation_1 = require("../port/validation");
const append_rules_1 = require("../embedded/append-rules");
const catch_up_subscription_1 = require("../embedded/catch-up-subscription");
const sequence_position_1 = require("../embedded/sequence-position");
const group_commit_1 = require("./group-commit");
const open_database_1 = require("./open-database");
const rows_1 = require("./rows");
const EVENTS = 'event_store_events';
/** The embedded, durable event store: one SQLite file in WAL mode, with group commit. */
class SqliteEventStore {
    db;
    path;
    options;
    statements;
    groupCommit;
    appendOne;
    listeners = new Set();
    subscriptions = new Set();
    pageSize;
    closed = false;
    constructor(db, path, options) {
        this.db = db;
        this.path = path;
        this.options = options;
        this.statements = prepareStatements(db);
        this.pageSize = options.pageSize ?? 1000;
        // A nested better-sqlite3 transaction is a savepoint: a failing append rolls back alone.
        this.appendOne = db.transaction((request, recordedAt) => this.write(request, recordedAt));
        this.groupCommit = new group_commit_1.GroupCommit((requests) => this.commit(requests), (error) => (0, rows_1.mapSqliteError)(path, error), {
            isBusy: rows_1.isSqliteBusy,
            busyDeadlineMs: options.busyDeadlineMs ?? 10_000,
        });
    }
    /** Opens or creates the store at `path`; refuses files that are not a healthy event store of a known schema. */
    static open(path, options = {}) {
        return new SqliteEventStore((0, open_database_1.openDatabase)(path, options), path, options);
    }
    async append(streamName, expected, events) {
        this.ensureOpen();
        const prepared = (0, validation_1.prepareAppend)(streamName, expected, events, this.options.maxEventBytes ?? validation_1.DEFAULT_MAX_EVENT_BYTES);
        return this.groupCommit.submit({ streamName, expected, events: prepared });
    }
    async *readStream(streamName, options) {
        this.ensureOpen();
        const { forwards, fromRevision, maxCount } = (0, read_options_1.readStreamOptions)(streamName, options);
        const statement = forwards ? this.statements.streamForwards : this.statements.streamBackwards;
        let next = fromRevision ?? (forwards ? 0 : Number.MAX_SAFE_INTEGER);
        let first = true;
        for await (const row of this.pages(maxCount, (limit) => statement.all(streamName, next, limit))) {
            first = false;
            next = row.revision + (forwards ? 1 : -1);
            yield (0, rows_1.toRecordedEvent)(row);
        }
        if (first && this.currentRevision(streamName) === -1)
            throw new errors_1.StreamNotFoundError(streamName);
    }
    async *readAll(options) {
        this.ensureOpen();
        const { forwards, after, maxCount } = (0, read_options_1.readAllOptions)(options);
        const statement = forwards ? this.statements.allForwards : this.statements.allBackwards;
        let next = after === undefined ? (forwards ? 0 : Number.MAX_SAFE_INTEGER) : (0, sequence_position_1.positionToSequence)(after);
        for await (const row of this.pages(maxCount, (limit) => statement.all(next, limit))) {
            next = row.position;
            yield (0, rows_1.toRecordedEvent)(row);
        }
    }
    subscribeToAll(options) {
        this.ensureOpen();
        const subscription = (0, catch_up_subscription_1.startCatchUpSubscription)({
            pageSize: this.pageSize,
            pollIntervalMs: this.options.pollIntervalMs ?? 1000,
            readPage: (afterSequence, limit) => this.run(() => this.statements.allForwards.all(afterSequence, limit)).map(rows_1.toRecordedEvent),
            onAppended: (listener) => {
                this.listeners.add(listener);
                return () => this.listeners.delete(listener);
            },
        }, options);
        this.subscriptions.add(subscription);
        void subscription.stopped.finally(() => this.subscriptions.delete(subscription)).catch(() => undefined);
        return subscription;
    }
    /** Writes a consistent copy of the database to `destination` while the store stays in use. */
    async backup(destination) {
        this.ensureOpen();
        await this.db.backup(destination).catch((error) => {
            throw (0, rows_1.mapSqliteError)(this.path, error);
        });
    }
    /** Transactions committed and appends processed, to observe group commit. */
    stats() {
        return this.groupCommit.stats();
    }
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        this.groupCommit.flushAll();
        await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
        this.db.close();
    }
    commit(requests) {
        const recordedAt = (this.options.now?.() ?? new Date()).toISOString();
        const outcomes = this.db
            .transaction(() => requests.map((request) => {
            try {
                return { ok: true, value: this.appendOne(request, recordedAt) };
            }
            catch (error) {
                // Only the port's own refusals (conflict, bad input) are confined to their savepoint.
                // A storage failure (disk full, I/O) may already have rolled back the whole batch, so
                // it fails the batch: no caller may be told "failed" for an event that was stored.
                if (!(error instanceof errors_1.EventStoreError))
                    throw error;
                return { ok: false, error };
            }
        }))
            .immediate();
        if (outcomes.some((outcome) => outcome.ok))
            this.listeners.forEach((listener) => listener());
        return outcomes;
    }
    write({ streamName, expected, events }, recordedAt) {
        const current = this.currentRevision(streamName);
        const decision = (0, append_rules_1.decideAppend)(streamName, expected, events, current, (id) => this.lookup(id));
        if (decision.kind === 'already_written')
            return decision.result;
        let position = 0;
        events.forEach((event, i) => {
            const info = this.statements.insert.run(event.id, streamName, current + 1 + i, event.type, event.dataJson, event.metadataJson, recordedAt);
            position = Number(info.lastInsertRowid);
        });
        return { nextExpectedRevision: current + events.length, position: (0, sequence_position_1.sequenceToPosition)(position) };
    }
    currentRevision(streamName) {
        return this.run(() => this.statements.currentRevision.get(streamName))?.revision ?? -1;
    }
    lookup(eventId) {
        const row = this.statements.byId.get(eventId);
        return row && {
            streamName: row.stream_name,
            revision: row.revision,
            sequence: row.position,
            type: row.type,
            dataJson: row.data,
            metadataJson: row.metadata,
        };
    }
    /** Runs keyset-paged queries, yielding to the event loop between pages so long reads never block it. */
    async *pages(maxCount, fetch) {
        for (let remaining = maxCount; remaining > 0;) {
            const limit = Math.min(this.pageSize, remaining);
            const rows = this.run(() => fetch(limit));
            yield* rows;
            remaining -= rows.length;
            if (rows.length < limit)
                return;
            await (0, promises_1.setImmediate)();
            this.ensureOpen();
        }
    }
    run(query) {
        try {
            return query();
        }
        catch (error) {
            throw (0, rows_1.mapSqliteError)(this.path, error);
        }
    }
    ensureOpen() {
        if (this.closed)
            throw new errors_1.StoreUnavailableError(`Event store ${this.path} is closed.`);
    }
}
exports.SqliteEventStore = SqliteEventStore;
function prepareStatements(db) {
    const columns = 'position, event_id, stream_name, revision, type, data, metadata, recorded_at';
    return {
        insert: db.prepare(`INSERT INTO ${EVENTS} (event_id, stream_name, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
        currentRevision: db.prepare(`SELECT MAX(revision) AS revision FROM ${EVENTS} WHERE stream_name = ?`),
        byId: db.prepare(`SELECT ${columns} FROM ${EVENTS} WHERE event_id = ?`),
        streamForwards: db.prepare(`SELECT ${columns} FROM ${EVENTS} WHERE stream_name = ? AND revision >= ? ORDER BY revision LIMIT ?`),
        streamBackwards: db.prepare(`SELECT ${columns} FROM ${EVENTS} WHERE stream_name = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`),
        allForwards: db.prepare(`SELECT ${columns} FROM ${EVENTS} WHERE position > ? ORDER BY position LIMIT ?`),
        allBackwards: db.prepare(`SELECT ${columns} FROM ${EVENTS} WHERE position < ? ORDER BY position DESC LIMIT ?`),
    };
}
//# sourceMappingURL=sqlite-event-store.js.map