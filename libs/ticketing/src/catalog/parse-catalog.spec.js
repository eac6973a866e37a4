"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const catalog_error_1 = require("./catalog-error");
const catalog_fixtures_1 = require("./catalog-fixtures");
const parse_catalog_1 = require("./parse-catalog");
function problemsOf(action) {
    try {
        action();
    }
    catch (error) {
        if (error instanceof catalog_error_1.CatalogError)
            return error;
        throw error;
    }
    throw new Error('expected a CatalogError');
}
describe('parseCatalog', () => {
    it('given valid catalog JSON, then it builds the catalog', () => {
        const catalog = (0, parse_catalog_1.parseCatalog)(JSON.stringify((0, catalog_fixtures_1.smallCatalogConfig)()), 'small.json');
        expect(catalog.service('TRASH-MISSED')?.department).toBe('DPW');
    });
    it('given invalid JSON, then the error names the file, line and column', () => {
        const error = problemsOf(() => (0, parse_catalog_1.parseCatalog)('{\n  "jurisdiction": "x"\n  "departments": []\n}', 'city.json'));
        expect(error.source).toBe('city.json');
        expect(error.problems).toEqual([{ path: '', message: "invalid JSON at line 3, column 3: expected ',' or '}'" }]);
        expect(error.message).toContain("city.json: invalid JSON at line 3, column 3: expected ',' or '}'");
    });
    it('given several problems, then it reports all of them at once, each line naming the file and JSON path', () => {
        const config = (0, catalog_fixtures_1.smallCatalogConfig)();
        config.services[1].department = 'PWD';
        Object.assign(config.services[0].sla, { unit: 'days' });
        config.calendar.timeZone = 'Eastern';
        const text = JSON.stringify({ ...config, policy: { reopenWindowDays: 30 } });
        const error = problemsOf(() => (0, parse_catalog_1.parseCatalog)(text, 'demo-catalog.json'));
        expect(error.message.split('\n')).toEqual([
            'demo-catalog.json: invalid service catalog (4 problems):',
            'demo-catalog.json: policy: unknown field (known fields: jurisdiction, departments, services, calendar, policies)',
            'demo-catalog.json: services[0].sla.unit: must be one of business_hours, business_days (got "days")',
            'demo-catalog.json: services[1].department: unknown department "PWD" (known: DPW, CLERK, PARKING)',
            'demo-catalog.json: calendar.timeZone: unknown time zone "Eastern" (use an IANA name such as "America/New_York")',
        ]);
    });
    it('given JSON that is not an object, then it says so', () => {
        expect(problemsOf(() => (0, parse_catalog_1.parseCatalog)('[]', 'list.json')).problems).toEqual([{ path: '', message: 'must be an object (got a list)' }]);
    });
});
//# sourceMappingURL=parse-catalog.spec.js.map