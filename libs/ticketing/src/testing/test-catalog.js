"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.actors = exports.testCatalog = exports.testCatalogConfig = void 0;
const calendar_fixtures_1 = require("../calendar/calendar-fixtures");
const catalog_1 = require("../catalog");
/** A small catalog for specifications, on a New England city hall's calendar. */
exports.testCatalogConfig = {
    jurisdiction: 'test.example.gov',
    departments: [
        { code: 'DPW', name: 'Public Works' },
        { code: 'CLERK', name: 'City Clerk' },
        { code: '311', name: 'Constituent Services' },
    ],
    services: [
        {
            code: 'TRASH-MISSED',
            name: 'Missed trash pickup',
            description: 'Trash or recycling was not collected on the scheduled day.',
            group: 'Sanitation',
            keywords: ['trash', 'garbage'],
            department: 'DPW',
            sla: { amount: 1, unit: 'business_days' },
            defaultPriority: 'normal',
            attributes: [],
        },
        {
            code: 'POTHOLE',
            name: 'Pothole',
            description: 'A pothole in a city street.',
            group: 'Streets',
            keywords: ['pothole', 'road'],
            department: 'DPW',
            sla: { amount: 16, unit: 'business_hours' },
            defaultPriority: 'high',
            attributes: [],
        },
        {
            code: 'DOG-LICENSE',
            name: 'Dog license',
            description: 'Questions about or applications for a dog license.',
            group: 'Licenses',
            keywords: ['dog'],
            department: 'CLERK',
            sla: { amount: 5, unit: 'business_days' },
            defaultPriority: 'low',
            attributes: [],
        },
    ],
    calendar: calendar_fixtures_1.CITY_HALL,
    policies: { reopenWindowDays: 30 },
};
exports.testCatalog = (0, catalog_1.createServiceCatalog)(exports.testCatalogConfig);
/** One actor of every kind the permission table names. */
exports.actors = {
    operator: { id: 'op-ana', role: 'operator' },
    dpwStaff: { id: 'dpw-bo', role: 'staff', department: 'DPW' },
    dpwStaff2: { id: 'dpw-cy', role: 'staff', department: 'DPW' },
    dpwHead: { id: 'dpw-head', role: 'department_head', department: 'DPW' },
    clerkStaff: { id: 'clerk-di', role: 'staff', department: 'CLERK' },
    clerkHead: { id: 'clerk-head', role: 'department_head', department: 'CLERK' },
    director: { id: 'dir-eve', role: 'director' },
    resident: { id: 'res-key-1', role: 'resident' },
    system: { id: 'sla-watcher', role: 'system' },
};
//# sourceMappingURL=test-catalog.js.map