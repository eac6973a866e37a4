import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { at } from '../calendar/calendar-fixtures';
import { parseCatalog } from './parse-catalog';
import { ATTRIBUTE_DATATYPES } from './service-attribute';

describe('the demo catalog (libs/ticketing/config/demo-catalog.json)', () => {
  const catalog = parseCatalog(readFileSync(join(__dirname, '../../config/demo-catalog.json'), 'utf8'), 'demo-catalog.json');
  const departmentNames = catalog.departments().map((department) => department.name);
  const businessDays = catalog
    .services()
    .filter((service) => service.sla.unit === 'business_days')
    .map((service) => service.sla.amount);

  it('is valid', () => {
    expect(catalog.config.jurisdiction).toBe('harrowfield.example.gov');
  });

  it('has the departments of a small New England city, some with their main line routed to 311', () => {
    expect(departmentNames).toEqual(
      expect.arrayContaining([
        'City Clerk',
        'Public Works',
        'Assessing',
        'Treasurer/Collector',
        'Inspectional Services',
        'Parking Clerk',
        'Health Department',
        'Parks & Recreation',
        'Constituent Services (311)',
      ]),
    );
    const routed = catalog
      .departments()
      .filter((department) => department.mainLineRoutedTo311)
      .map((department) => department.code);
    expect(routed).toEqual(['ASSESSING', 'TREASURER', 'PARKING']);
  });

  it('offers at least 25 services, every department owning at least one', () => {
    expect(catalog.services().length).toBeGreaterThanOrEqual(25);
    const owners = new Set(catalog.services().map((service) => service.department));
    expect(catalog.departments().filter((department) => !owners.has(department.code))).toEqual([]);
  });

  it('has SLAs from 1 business day to at least 60 business days', () => {
    expect(Math.min(...businessDays)).toBe(1);
    expect(Math.max(...businessDays)).toBeGreaterThanOrEqual(60);
    expect(catalog.service('TRASH-MISSED')?.sla).toEqual({ amount: 1, unit: 'business_days' });
    expect(catalog.service('ABATEMENT-REQUEST')?.sla).toEqual({ amount: 90, unit: 'business_days' });
  });

  it('uses all six Open311 attribute datatypes', () => {
    const datatypes = new Set(catalog.services().flatMap((service) => service.attributes.map((attribute) => attribute.datatype)));
    expect([...datatypes].sort()).toEqual([...ATTRIBUTE_DATATYPES].sort());
  });

  it('has general inquiries owned by 311 and a 30-day reopen window', () => {
    expect(catalog.service('GENERAL-INQUIRY')?.department).toBe('311');
    expect(catalog.config.policies.reopenWindowDays).toBe(30);
  });

  it('routes the clear-cut services to their owners on open and leaves the ones that need a judgement (or that the examples route by hand) in intake', () => {
    const routed = catalog.services().filter((service) => catalog.routing(service.code) === 'on_open');
    expect(routed.map((service) => service.code)).toEqual(expect.arrayContaining(['DEAD-ANIMAL', 'TREE-DOWN', 'TRAFFIC-SIGNAL', 'RODENT', 'DOG-LICENSE']));
    for (const code of ['GENERAL-INQUIRY', 'TAX-BILL-QUESTION', 'NOISE', 'HOUSING-CODE', 'POTHOLE', 'DEMO-SLA']) expect(catalog.routing(code)).toBe('triage');
  });

  it('closes on the observed holidays, e.g. Patriots’ Day and New Year’s Day 2028 observed on Friday 31 December 2027', () => {
    expect(catalog.calendar.isBusinessTime(at('2026-04-20T10:00-04:00'))).toBe(false);
    expect(catalog.calendar.isBusinessTime(at('2027-12-31T10:00-05:00'))).toBe(false);
    expect(catalog.calendar.isBusinessTime(at('2027-12-30T10:00-05:00'))).toBe(true);
  });

  it('makes a missed pickup reported on Friday evening due at Monday’s closing', () => {
    expect(catalog.calendar.dueDate(at('2026-03-13T20:00-04:00'), catalog.service('TRASH-MISSED')!.sla)).toEqual(at('2026-03-16T16:30-04:00'));
  });
});
