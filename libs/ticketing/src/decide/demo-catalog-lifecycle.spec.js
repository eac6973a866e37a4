"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const catalog_1 = require("../catalog");
const evolve_1 = require("../evolve/evolve");
const decide_1 = require("./decide");
// The shipped demo catalog drives the domain end to end: a Friday-evening missed-trash call
// is due at Monday's close (1 business day, counting from the next opening).
const catalog = (0, catalog_1.parseCatalog)((0, node_fs_1.readFileSync)((0, node_path_1.join)(__dirname, '../../config/demo-catalog.json'), 'utf8'), 'demo-catalog.json');
describe('the demo catalog in a decision', () => {
    it('routes a missed-trash call to Public Works with a one-business-day SLA', () => {
        const operator = { id: 'op', role: 'operator' };
        const opened = (0, decide_1.decide)({ type: 'OpenTicket', ticketId: 'DEM-0001', serviceCode: 'TRASH-MISSED', description: 'Missed pickup', channel: 'phone' }, (0, evolve_1.fold)([]), { now: new Date('2026-11-06T23:00:00Z'), actor: operator, commandId: 'c1', catalog });
        if (!opened.ok)
            throw new Error(opened.error.message);
        const owner = catalog.service('TRASH-MISSED').department;
        const assigned = (0, decide_1.decide)({ type: 'AssignTicket', ticketId: 'DEM-0001', department: owner }, (0, evolve_1.fold)(opened.events), {
            now: new Date('2026-11-07T00:00:00Z'), // Friday 19:00 in Harrowfield
            actor: operator,
            commandId: 'c2',
            catalog,
        });
        if (!assigned.ok)
            throw new Error(assigned.error.message);
        expect((0, evolve_1.fold)([...opened.events, ...assigned.events])).toMatchObject({
            status: 'assigned',
            department: owner,
            dueAt: '2026-11-09T21:30:00.000Z', // Monday 16:30 EST
        });
    });
});
//# sourceMappingURL=demo-catalog-lifecycle.spec.js.map