"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const better_sqlite3_1 = __importDefault(require("better-sqlite3"));
const errors_1 = require("../port/errors");
const helpers_1 = require("../testing/helpers");
const temp_dir_1 = require("../testing/temp-dir");
const sqlite_event_store_1 = require("./sqlite-event-store");
describe('SQLite adapter: storage failures and other writers', () => {
    const path = (0, temp_dir_1.useTempDir)();
    it('a storage failure mid-batch fails the whole batch and stores none of it', async () => {
        const file = path('full.db');
        const store = sqlite_event_store_1.SqliteEventStore.open(file);
        await store.append('before', 'no_stream', [(0, helpers_1.anEvent)('Kept')]);
        // Simulate a full disk: the database may grow by a few pages only.
        const spy = new better_sqlite3_1.default(file);
        const pages = spy.pragma('page_count', { simple: true });
        spy.close();
        store.db.pragma(`max_page_count = ${pages + 3}`);
        const big = { blob: 'x'.repeat(3000) };
        const results = await Promise.allSettled([
            store.append('a', 'no_stream', [(0, helpers_1.anEvent)('A')]),
            store.append('b', 'no_stream', Array.from({ length: 20 }, () => (0, helpers_1.anEvent)('B', big))),
            store.append('c', 'no_stream', [(0, helpers_1.anEvent)('C')]),
        ]);
        expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
        results.forEach((r) => r.status === 'rejected' && expect(r.reason).toBeInstanceOf(errors_1.StoreUnavailableError));
        expect((await (0, helpers_1.collect)(store.readAll())).map((e) => e.streamName)).toEqual(['before']);
        await store.close();
    });
    it('waits for another process’s write lock without blocking the event loop', async () => {
        const file = path('locked.db');
        const store = sqlite_event_store_1.SqliteEventStore.open(file);
        const other = new better_sqlite3_1.default(file);
        other.exec('BEGIN IMMEDIATE');
        let settled = false;
        const appended = store.append('s', 'no_stream', [(0, helpers_1.anEvent)('A')]).finally(() => {
            settled = true;
        });
        // Timers keep firing while the append waits: the loop is free.
        for (let i = 0; i < 5; i++)
            await new Promise((resolve) => setTimeout(resolve, 1));
        expect(settled).toBe(false);
        other.exec('COMMIT');
        other.close();
        await expect(appended).resolves.toMatchObject({ nextExpectedRevision: 0 });
        await store.close();
    });
    it('gives up as unavailable once the lock is held past the deadline', async () => {
        const file = path('stuck.db');
        const store = sqlite_event_store_1.SqliteEventStore.open(file, { busyDeadlineMs: 30 });
        const other = new better_sqlite3_1.default(file);
        other.exec('BEGIN IMMEDIATE');
        await expect(store.append('s', 'no_stream', [(0, helpers_1.anEvent)('A')])).rejects.toBeInstanceOf(errors_1.StoreUnavailableError);
        other.exec('ROLLBACK');
        other.close();
        await expect(store.append('s', 'no_stream', [(0, helpers_1.anEvent)('A')])).resolves.toMatchObject({ nextExpectedRevision: 0 });
        await store.close();
    });
});
//# sourceMappingURL=storage-failures.spec.js.map