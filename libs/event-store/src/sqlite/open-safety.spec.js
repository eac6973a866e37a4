"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const better_sqlite3_1 = __importDefault(require("better-sqlite3"));
const errors_1 = require("../port/errors");
const helpers_1 = require("../testing/helpers");
const temp_dir_1 = require("../testing/temp-dir");
const schema_1 = require("./schema");
const sqlite_event_store_1 = require("./sqlite-event-store");
/** Hash and modification time, to prove a refused file was not touched. */
function fingerprint(path) {
    const stat = (0, node_fs_1.statSync)(path);
    return { sha256: (0, node_crypto_1.createHash)('sha256').update((0, node_fs_1.readFileSync)(path)).digest('hex'), mtimeMs: stat.mtimeMs, size: stat.size };
}
function expectRefused(path, message) {
    const before = fingerprint(path);
    let error;
    try {
        sqlite_event_store_1.SqliteEventStore.open(path);
    }
    catch (e) {
        error = e;
    }
    expect(error).toBeInstanceOf(errors_1.StoreUnavailableError);
    expect(error.message).toContain(path);
    expect(error.message).toMatch(message);
    expect(fingerprint(path)).toEqual(before);
}
async function storeWithEvents(path, count) {
    const store = sqlite_event_store_1.SqliteEventStore.open(path);
    await Promise.all(Array.from({ length: count }, (_, i) => store.append(`stream-${i}`, 'no_stream', [(0, helpers_1.anEvent)('Filled', { padding: 'x'.repeat(200) })])));
    await store.close();
}
describe('SQLite adapter: opening files', () => {
    const path = (0, temp_dir_1.useTempDir)();
    it('creates a new file, and reopens it with its events', async () => {
        const file = path('events.db');
        const store = sqlite_event_store_1.SqliteEventStore.open(file);
        const result = await store.append('s-1', 'no_stream', [(0, helpers_1.anEvent)('A')]);
        await store.close();
        const reopened = sqlite_event_store_1.SqliteEventStore.open(file);
        expect((await (0, helpers_1.collect)(reopened.readAll())).map((e) => e.globalPosition)).toEqual([result.position]);
        await reopened.close();
    });
    it('refuses garbage bytes', () => {
        const file = path('garbage.db');
        (0, node_fs_1.writeFileSync)(file, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 256)));
        expectRefused(file, /not a SQLite database.*left untouched/);
    });
    it('refuses a file that is not a database', () => {
        const file = path('notes.txt');
        (0, node_fs_1.writeFileSync)(file, 'these are my notes, not events\n'.repeat(100));
        expectRefused(file, /not a SQLite database/);
    });
    it('refuses a directory', () => {
        const dir = path('a-directory');
        (0, node_fs_1.mkdirSync)(dir);
        expect(() => sqlite_event_store_1.SqliteEventStore.open(dir)).toThrow(/a-directory.*directory/);
    });
    it('refuses a database written by a newer schema', async () => {
        const file = path('future.db');
        await storeWithEvents(file, 1);
        const db = new better_sqlite3_1.default(file);
        db.prepare(`UPDATE event_store_meta SET value = ? WHERE key = 'schema_version'`).run(String(schema_1.SCHEMA_VERSION + 1));
        db.close();
        expectRefused(file, new RegExp(`schema version ${schema_1.SCHEMA_VERSION + 1}, newer.*Upgrade Switchboard`));
    });
    it('refuses a database with a damaged page', async () => {
        const file = path('damaged.db');
        await storeWithEvents(file, 500);
        const pageSize = 4096;
        expect((0, node_fs_1.statSync)(file).size).toBeGreaterThan(pageSize * 20);
        const fd = (0, node_fs_1.openSync)(file, 'r+');
        (0, node_fs_1.writeSync)(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, pageSize * 10);
        (0, node_fs_1.closeSync)(fd);
        expectRefused(file, /corrupt.*Restore it from a backup/);
    });
    it('adds its tables to a SQLite file that other components already use', async () => {
        const file = path('shared.db');
        const db = new better_sqlite3_1.default(file);
        db.exec('CREATE TABLE read_model (id TEXT PRIMARY KEY)');
        db.close();
        const store = sqlite_event_store_1.SqliteEventStore.open(file);
        await store.append('s-1', 'no_stream', [(0, helpers_1.anEvent)('A')]);
        await store.close();
    });
});
//# sourceMappingURL=open-safety.spec.js.map