import { smallCatalogConfig } from './catalog-fixtures';
import { catalogProblems } from './catalog-problems';
import type { CatalogConfig } from './catalog-config';

/** The problems of the small valid catalog after `breakIt` has changed it (typed loosely: it writes invalid data). */
function problemsAfter(breakIt: (config: any) => void) {
  const config: CatalogConfig = smallCatalogConfig();
  breakIt(config);
  return catalogProblems(config);
}

describe('catalog problems', () => {
  it('given the small valid catalog, then there are none', () => {
    expect(catalogProblems(smallCatalogConfig())).toEqual([]);
  });

  describe('top level', () => {
    it('reports missing sections and unknown fields (typos are not ignored)', () => {
      expect(catalogProblems({ jurisdiction: 'x', department: [] })).toEqual([
        { path: 'department', message: 'unknown field (known fields: jurisdiction, departments, services, calendar, policies)' },
        { path: 'departments', message: 'is required' },
        { path: 'services', message: 'is required' },
        { path: 'calendar', message: 'is required' },
        { path: 'policies', message: 'is required' },
      ]);
    });

    it('reports a jurisdiction of the wrong type', () => {
      expect(problemsAfter((c) => (c.jurisdiction = 42))).toEqual([{ path: 'jurisdiction', message: 'must be a string (got number 42)' }]);
    });

    it('reports a negative or fractional reopen window', () => {
      expect(problemsAfter((c) => (c.policies.reopenWindowDays = -1))).toEqual([{ path: 'policies.reopenWindowDays', message: 'must be 0 or more (got -1)' }]);
      expect(problemsAfter((c) => (c.policies.reopenWindowDays = 2.5))).toEqual([
        { path: 'policies.reopenWindowDays', message: 'must be a whole number (got 2.5)' },
      ]);
    });

    it('reports an escalation policy out of range, incomplete city-wide, or misspelt per service', () => {
      expect(problemsAfter((c) => (c.policies.escalation = { atRiskFraction: 1.2, directorAfterBusinessHours: -1 }))).toEqual([
        { path: 'policies.escalation.atRiskFraction', message: 'must be between 0 and 1, exclusive (got 1.2)' },
        { path: 'policies.escalation.directorAfterBusinessHours', message: 'must be 0 or more (got -1)' },
      ]);
      expect(problemsAfter((c) => (c.policies.escalation = { atRiskFraction: 0.8 }))).toEqual([
        { path: 'policies.escalation.directorAfterBusinessHours', message: 'is required' },
      ]);
      expect(problemsAfter((c) => (c.services[0].escalation = { directorAfterHours: 4 }))).toEqual([
        { path: 'services[0].escalation.directorAfterHours', message: 'unknown field (known fields: atRiskFraction, directorAfterBusinessHours)' },
      ]);
      expect(problemsAfter((c) => (c.services[0].escalation = { directorAfterBusinessHours: 4 }))).toEqual([]);
    });

    it("reports a service's duplicate radius that is not a distance in meters up to 5 km", () => {
      expect(problemsAfter((c) => (c.services[0].duplicateRadiusMeters = 0))).toEqual([
        { path: 'services[0].duplicateRadiusMeters', message: 'must be more than 0 and at most 5000 meters (got 0)' },
      ]);
      expect(problemsAfter((c) => ((c.services[0] as { duplicateRadiusMeters?: unknown }).duplicateRadiusMeters = '50'))).toEqual([
        { path: 'services[0].duplicateRadiusMeters', message: 'must be a number (got the string "50")' },
      ]);
      expect(problemsAfter((c) => (c.services[0].duplicateRadiusMeters = 120))).toEqual([]);
    });

    it("reports a service's resident data retention that is not a whole number of days from 1 to 36500", () => {
      expect(problemsAfter((c) => (c.services[0].residentDataRetentionDays = 0))).toEqual([
        { path: 'services[0].residentDataRetentionDays', message: 'must be a whole number of days from 1 to 36500 (got 0)' },
      ]);
      expect(problemsAfter((c) => (c.services[0].residentDataRetentionDays = 1.5))).toEqual([
        { path: 'services[0].residentDataRetentionDays', message: 'must be a whole number (got 1.5)' },
      ]);
      expect(problemsAfter((c) => (c.services[0].residentDataRetentionDays = 2555))).toEqual([]);
    });

    it("reports the city's contact resident data retention that is not a whole number of days from 1 to 36500", () => {
      expect(problemsAfter((c) => (c.policies.contactResidentDataRetentionDays = 0))).toEqual([
        { path: 'policies.contactResidentDataRetentionDays', message: 'must be a whole number of days from 1 to 36500 (got 0)' },
      ]);
      expect(problemsAfter((c) => (c.policies.contactResidentDataRetentionDays = 365))).toEqual([]);
    });

    it('reports calendar problems under calendar.*', () => {
      expect(problemsAfter((c) => (c.calendar.hours = {}))).toEqual([
        { path: 'calendar.hours', message: 'no weekday is open: give at least one weekday opening hours' },
      ]);
    });
  });

  describe('departments', () => {
    it('reports a duplicate code, pointing at the first', () => {
      expect(problemsAfter((c) => (c.departments[2].code = 'DPW'))).toContainEqual({
        path: 'departments[2].code',
        message: 'duplicate department code "DPW" (first at departments[0].code)',
      });
    });

    it('reports a malformed code, a missing name, a bad email and a non-boolean flag', () => {
      expect(
        problemsAfter((c) => {
          c.departments[0] = { code: 'public works', email: 'dpw at city', mainLineRoutedTo311: 'yes' };
        }),
      ).toEqual([
        { path: 'departments[0].code', message: `must be upper-case letters and digits joined by '-' or '_', e.g. "TRASH-MISSED" (got "public works")` },
        { path: 'departments[0].name', message: 'is required' },
        { path: 'departments[0].email', message: 'must be an email address (got "dpw at city")' },
        { path: 'departments[0].mainLineRoutedTo311', message: 'must be true or false (got the string "yes")' },
        { path: 'services[0].department', message: 'unknown department "DPW" (known: CLERK, PARKING)' },
      ]);
    });
  });

  describe('services', () => {
    it('reports a duplicate service code', () => {
      expect(problemsAfter((c) => (c.services[1].code = 'TRASH-MISSED'))).toEqual([
        { path: 'services[1].code', message: 'duplicate service code "TRASH-MISSED" (first at services[0].code)' },
      ]);
    });

    it('reports a department that does not exist, listing the known ones', () => {
      expect(problemsAfter((c) => (c.services[0].department = 'PWD'))).toEqual([
        { path: 'services[0].department', message: 'unknown department "PWD" (known: DPW, CLERK, PARKING)' },
      ]);
    });

    it('reports an SLA that is not positive, has no valid unit, or counts part of a business day', () => {
      expect(problemsAfter((c) => (c.services[0].sla = { amount: 0, unit: 'hours' }))).toEqual([
        { path: 'services[0].sla.unit', message: 'must be one of business_hours, business_days (got "hours")' },
        { path: 'services[0].sla.amount', message: 'must be more than 0 (got 0)' },
      ]);
      expect(problemsAfter((c) => (c.services[0].sla.amount = 1.5))).toEqual([
        { path: 'services[0].sla.amount', message: 'must be a whole number of business days (got 1.5); use business_hours for parts of a day' },
      ]);
    });

    it('reports an unknown priority', () => {
      expect(problemsAfter((c) => (c.services[0].defaultPriority = 'critical'))).toEqual([
        { path: 'services[0].defaultPriority', message: 'must be one of low, normal, high, urgent (got "critical")' },
      ]);
    });

    it('reports missing fields, an unknown field and bad keywords', () => {
      expect(
        problemsAfter((c) => {
          delete c.services[1].name;
          c.services[1].slaHours = 4;
          c.services[1].keywords = ['car', ''];
        }),
      ).toEqual([
        { path: 'services[1].slaHours', message: expect.stringMatching(/^unknown field \(known fields: code, name,/) },
        { path: 'services[1].name', message: 'is required' },
        { path: 'services[1].keywords[1]', message: 'must not be empty' },
      ]);
    });
  });

  describe('attributes', () => {
    const attribute = (changes: object) => ({ code: 'NOTE', datatype: 'string', description: 'A note', required: false, order: 2, variable: true, ...changes });

    it('reports an unknown datatype', () => {
      expect(problemsAfter((c) => c.services[1].attributes.push(attribute({ datatype: 'boolean' })))).toEqual([
        {
          path: 'services[1].attributes[1].datatype',
          message: 'must be one of string, number, datetime, text, singlevaluelist, multivaluelist (got "boolean")',
        },
      ]);
    });

    it('reports a list attribute without values, and values on a non-list attribute', () => {
      expect(
        problemsAfter((c) => {
          c.services[1].attributes.push(attribute({ datatype: 'multivaluelist', values: [] }));
          c.services[1].attributes.push(attribute({ code: 'COLOR', order: 3, values: [{ key: 'red', name: 'Red' }] }));
          c.services[1].attributes.push(attribute({ code: 'MAKE', order: 4, datatype: 'singlevaluelist' }));
        }),
      ).toEqual([
        { path: 'services[1].attributes[1].values', message: 'a list attribute needs at least one value to choose from' },
        { path: 'services[1].attributes[2].values', message: 'only singlevaluelist and multivaluelist attributes take values' },
        { path: 'services[1].attributes[3].values', message: 'is required' },
      ]);
    });

    it('reports repeated attribute codes, orders and value keys', () => {
      expect(
        problemsAfter((c) => {
          c.services[0].attributes.push(structuredClone(c.services[0].attributes[0]));
          c.services[0].attributes[0].values.push({ key: 'trash', name: 'Garbage' });
        }),
      ).toEqual([
        { path: 'services[0].attributes[0].values[2].key', message: 'duplicate value key "trash" (first at services[0].attributes[0].values[0].key)' },
        { path: 'services[0].attributes[1].code', message: 'duplicate attribute code "CART_TYPE" (first at services[0].attributes[0].code)' },
        { path: 'services[0].attributes[1].order', message: 'duplicate attribute order 1 (first at services[0].attributes[0].order)' },
      ]);
    });

    it('reports an order below 1 and a required attribute that takes no input', () => {
      expect(problemsAfter((c) => c.services[1].attributes.push(attribute({ order: 0, required: true, variable: false })))).toEqual([
        { path: 'services[1].attributes[1].order', message: 'must be 1 or more (got 0)' },
        { path: 'services[1].attributes[1]', message: 'an attribute that only presents information (variable: false) cannot be required' },
      ]);
    });
  });

  it('reports every problem at once, across sections', () => {
    const problems = problemsAfter((c) => {
      c.jurisdiction = '';
      c.departments[1].code = 'DPW';
      c.services[0].defaultPriority = 'asap';
      c.calendar.holidays.push('2026-13-01');
      c.policies.reopenWindowDays = -5;
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'jurisdiction',
      'departments[1].code',
      'services[0].defaultPriority',
      'calendar.holidays[8]',
      'policies.reopenWindowDays',
    ]);
  });
});
