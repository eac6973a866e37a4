"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.openDatabase = openDatabase;
const better_sqlite3_1 = __importDefault(require("better-sqlite3"));
const node_fs_1 = require("node:fs");
const errors_1 = require("../port/errors");
const schema_1 = require("./schema");
const SQLITE_HEADER = 'SQLite format 3\0';
/**
 * Opens (creating if needed) the event store database. An existing file is first inspected through
 * a read-only connection, so a file that is not ours to write (not SQLite, corrupt, or from a newer
 * schema) is refused before anything could modify it.
 */
function openDatabase(path, options = {}) {
    if (fileSize(path) > 0)
        inspectExisting(path);
    const db = new better_sqlite3_1.default(path);
    try {
        const mode = db.pragma('journal_mode = WAL', { simple: true });
        if (mode !== 'wal')
            throw new errors_1.StoreUnavailableError(`Event store ${path}: cannot switch to WAL journaling (got "${String(mode)}").`);
        db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
        // better-sqlite3 waits for a lock on the main thread: keep that wait short and let group
        // commit retry asynchronously, so another writer never freezes the event loop.
        db.pragma('busy_timeout = 20');
        (0, schema_1.migrate)(db);
        return db;
    }
    catch (error) {
        db.close();
        throw error;
    }
}
function inspectExisting(path) {
    if (readHeader(path) !== SQLITE_HEADER) {
        throw new errors_1.StoreUnavailableError(`Event store ${path} is not a SQLite database; it was left untouched. Point SWITCHBOARD_EVENT_STORE at another file or move this one away.`);
    }
    let db;
    try {
        db = new better_sqlite3_1.default(path, { readonly: true, fileMustExist: true });
        const problems = db.pragma('quick_check').map((row) => row.quick_check).filter((r) => r !== 'ok');
        if (problems.length > 0)
            throw corrupt(path, problems.slice(0, 3).join('; '));
        const version = (0, schema_1.readSchemaVersion)(db);
        if (version > schema_1.SCHEMA_VERSION) {
            throw new errors_1.StoreUnavailableError(`Event store ${path} has schema version ${version}, newer than the ${schema_1.SCHEMA_VERSION} this build understands; ` +
                'it was left untouched. Upgrade Switchboard to open it.');
        }
    }
    catch (error) {
        if (error instanceof errors_1.StoreUnavailableError)
            throw error;
        throw corrupt(path, error.message);
    }
    finally {
        db?.close();
    }
}
function corrupt(path, detail) {
    return new errors_1.StoreUnavailableError(`Event store ${path} is corrupt (${detail}); it was left untouched. Restore it from a backup.`);
}
function fileSize(path) {
    try {
        const stat = (0, node_fs_1.statSync)(path);
        if (stat.isDirectory())
            throw new Error('it is a directory; give the path of a database file');
        return stat.size;
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return 0;
        throw new errors_1.StoreUnavailableError(`Event store ${path} cannot be read: ${error.message}`, { cause: error });
    }
}
function readHeader(path) {
    const buffer = Buffer.alloc(SQLITE_HEADER.length);
    const fd = (0, node_fs_1.openSync)(path, 'r');
    try {
        const read = (0, node_fs_1.readSync)(fd, buffer, 0, buffer.length, 0);
        return buffer.subarray(0, read).toString('latin1');
    }
    finally {
        (0, node_fs_1.closeSync)(fd);
    }
}
//# sourceMappingURL=open-database.js.map