"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const event_ids_1 = require("./event-ids");
describe('deterministic event ids', () => {
    it('are UUIDs that depend only on the command id and position', () => {
        const id = (0, event_ids_1.deterministicEventId)('cmd-1', 0);
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect((0, event_ids_1.deterministicEventId)('cmd-1', 0)).toBe(id);
        expect((0, event_ids_1.deterministicEventId)('cmd-1', 1)).not.toBe(id);
        expect((0, event_ids_1.deterministicEventId)('cmd-2', 0)).not.toBe(id);
    });
});
//# sourceMappingURL=event-ids.spec.js.map