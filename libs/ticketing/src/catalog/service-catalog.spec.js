"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const calendar_fixtures_1 = require("../calendar/calendar-fixtures");
const catalog_error_1 = require("./catalog-error");
const catalog_fixtures_1 = require("./catalog-fixtures");
const service_catalog_1 = require("./service-catalog");
describe('service catalog', () => {
    const catalog = (0, service_catalog_1.createServiceCatalog)((0, catalog_fixtures_1.smallCatalogConfig)());
    it('finds services and departments by code', () => {
        expect(catalog.service('ABANDONED-VEHICLE')?.sla).toEqual({ amount: 16, unit: 'business_hours' });
        expect(catalog.department('PARKING')?.mainLineRoutedTo311).toBe(true);
        expect(catalog.service('NOPE')).toBeUndefined();
        expect(catalog.department('NOPE')).toBeUndefined();
    });
    it('lists services and departments in configuration order', () => {
        expect(catalog.services().map((service) => service.code)).toEqual(['TRASH-MISSED', 'ABANDONED-VEHICLE']);
        expect(catalog.departments().map((department) => department.code)).toEqual(['DPW', 'CLERK', 'PARKING']);
    });
    it('computes due dates with its business calendar', () => {
        const trash = catalog.service('TRASH-MISSED');
        expect(catalog.calendar.dueDate((0, calendar_fixtures_1.at)('2026-03-13T20:00-04:00'), trash.sla)).toEqual((0, calendar_fixtures_1.at)('2026-03-16T16:30-04:00'));
    });
    it('cannot be changed after creation, not even through the config it was created from', () => {
        const config = (0, catalog_fixtures_1.smallCatalogConfig)();
        const ownCatalog = (0, service_catalog_1.createServiceCatalog)(config);
        config.services[0].department = 'CLERK';
        expect(ownCatalog.service('TRASH-MISSED')?.department).toBe('DPW');
        expect(() => {
            ownCatalog.services()[0].department = 'CLERK';
        }).toThrow(TypeError);
    });
    it('refuses an invalid config, naming the source', () => {
        const config = (0, catalog_fixtures_1.smallCatalogConfig)();
        config.services[0].department = 'PWD';
        expect(() => (0, service_catalog_1.createServiceCatalog)(config, 'tenant catalog')).toThrow(catalog_error_1.CatalogError);
        expect(() => (0, service_catalog_1.createServiceCatalog)(config, 'tenant catalog')).toThrow(/^tenant catalog: invalid service catalog \(1 problem\):\ntenant catalog: services\[0\]\.department: unknown department "PWD"/);
    });
});
//# sourceMappingURL=service-catalog.spec.js.map