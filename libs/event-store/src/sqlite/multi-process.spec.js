"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_fs_1 = require("node:fs");
const helpers_1 = require("../testing/helpers");
const temp_dir_1 = require("../testing/temp-dir");
const sqlite_event_store_1 = require("./sqlite-event-store");
describe('SQLite adapter: other writers and backups', () => {
    const path = (0, temp_dir_1.useTempDir)();
    it('delivers events appended through another connection (another process) by polling', async () => {
        const reader = sqlite_event_store_1.SqliteEventStore.open(path('events.db'), { pollIntervalMs: 5 });
        const writer = sqlite_event_store_1.SqliteEventStore.open(path('events.db'));
        const received = [];
        const caughtUp = (0, helpers_1.deferred)();
        const arrived = (0, helpers_1.deferred)();
        const subscription = reader.subscribeToAll({
            onEvent: (event) => {
                received.push(event);
                if (received.length === 3)
                    arrived.resolve();
            },
            onCaughtUp: () => caughtUp.resolve(),
        });
        await caughtUp.promise;
        await writer.append('s', 'no_stream', [(0, helpers_1.anEvent)('A'), (0, helpers_1.anEvent)('B')]);
        await writer.append('s', 1, [(0, helpers_1.anEvent)('C')]);
        await arrived.promise;
        expect(received.map((e) => [e.type, e.revision])).toEqual([['A', 0], ['B', 1], ['C', 2]]);
        await subscription.close();
        await Promise.all([reader.close(), writer.close()]);
    });
    it('backs up a consistent copy while appends continue', async () => {
        const store = sqlite_event_store_1.SqliteEventStore.open(path('events.db'));
        for (let i = 0; i < 50; i++)
            await store.append(`s-${i}`, 'no_stream', [(0, helpers_1.anEvent)('A', { i })]);
        const during = Promise.all(Array.from({ length: 20 }, (_, i) => store.append(`t-${i}`, 'no_stream', [(0, helpers_1.anEvent)('B')])));
        await store.backup(path('backup.db'));
        await during;
        await store.close();
        expect((0, node_fs_1.existsSync)(path('backup.db'))).toBe(true);
        const copy = sqlite_event_store_1.SqliteEventStore.open(path('backup.db'));
        const events = await (0, helpers_1.collect)(copy.readAll());
        expect(events.length).toBeGreaterThanOrEqual(50);
        expect(events.map((e) => Number(e.globalPosition))).toEqual(events.map((_, i) => i + 1));
        await copy.close();
    });
});
//# sourceMappingURL=multi-process.spec.js.map