"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const contract_1 = require("../testing/contract");
const temp_dir_1 = require("../testing/temp-dir");
const sqlite_event_store_1 = require("./sqlite-event-store");
describe('SQLite adapter', () => {
    const path = (0, temp_dir_1.useTempDir)();
    (0, contract_1.describeEventStoreContract)('sqlite (default page size)', async () => sqlite_event_store_1.SqliteEventStore.open(path('events.db')));
    // Tiny pages make every read and subscription cross page boundaries.
    (0, contract_1.describeEventStoreContract)('sqlite (pages of 2)', async () => sqlite_event_store_1.SqliteEventStore.open(path('events.db'), { pageSize: 2 }));
});
//# sourceMappingURL=sqlite-event-store.contract.spec.js.map