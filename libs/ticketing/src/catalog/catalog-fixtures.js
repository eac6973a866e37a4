"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.smallCatalogConfig = smallCatalogConfig;
const calendar_fixtures_1 = require("../calendar/calendar-fixtures");
/** Test fixture: a small valid catalog, fresh on every call so a test may break it. */
function smallCatalogConfig() {
    return structuredClone({
        jurisdiction: 'harrowfield.example.gov',
        departments: [
            { code: 'DPW', name: 'Public Works', phone: '(978) 555-0120' },
            { code: 'CLERK', name: 'City Clerk', email: 'clerk@harrowfield.example.gov' },
            { code: 'PARKING', name: 'Parking Clerk', mainLineRoutedTo311: true },
        ],
        services: [
            {
                code: 'TRASH-MISSED',
                name: 'Missed trash pickup',
                description: 'Trash was not collected on the scheduled day.',
                group: 'Trash & Recycling',
                keywords: ['trash'],
                department: 'DPW',
                sla: { amount: 1, unit: 'business_days' },
                defaultPriority: 'normal',
                attributes: [
                    {
                        code: 'CART_TYPE',
                        datatype: 'singlevaluelist',
                        description: 'Which cart?',
                        required: true,
                        order: 1,
                        variable: true,
                        values: [
                            { key: 'trash', name: 'Trash' },
                            { key: 'recycling', name: 'Recycling' },
                        ],
                    },
                ],
            },
            {
                code: 'ABANDONED-VEHICLE',
                name: 'Abandoned vehicle',
                description: 'A vehicle that appears abandoned.',
                group: 'Vehicles & Parking',
                keywords: ['car'],
                department: 'PARKING',
                sla: { amount: 16, unit: 'business_hours' },
                defaultPriority: 'low',
                attributes: [{ code: 'PLATE', datatype: 'string', description: 'License plate', required: true, order: 1, variable: true }],
            },
        ],
        calendar: calendar_fixtures_1.CITY_HALL,
        policies: { reopenWindowDays: 30 },
    });
}
//# sourceMappingURL=catalog-fixtures.js.map