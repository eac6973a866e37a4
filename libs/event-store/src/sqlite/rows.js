"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isSqliteBusy = void 0;
exports.toRecordedEvent = toRecordedEvent;
exports.mapSqliteError = mapSqliteError;
const errors_1 = require("../port/errors");
const sequence_position_1 = require("../embedded/sequence-position");
/** Turns a stored row into the port's recorded event. */
function toRecordedEvent(row) {
    return {
        id: row.event_id,
        type: row.type,
        data: JSON.parse(row.data),
        metadata: JSON.parse(row.metadata),
        streamName: row.stream_name,
        revision: row.revision,
        globalPosition: (0, sequence_position_1.sequenceToPosition)(row.position),
        recordedAt: new Date(row.recorded_at),
    };
}
/** Maps a better-sqlite3 failure (busy, I/O, disk full, closed) onto the port's error set. */
function mapSqliteError(path, error) {
    if (error instanceof errors_1.EventStoreError)
        return error;
    const code = error.code ?? 'unknown';
    return new errors_1.StoreUnavailableError(`Event store ${path} failed (${code}): ${error.message}`, { cause: error });
}
/** Another connection holds the write lock: worth waiting for, asynchronously. */
const isSqliteBusy = (error) => {
    const code = error?.code;
    return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
};
exports.isSqliteBusy = isSqliteBusy;
//# sourceMappingURL=rows.js.map