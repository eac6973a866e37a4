import { at } from '../calendar/calendar-fixtures';
import { CatalogError } from './catalog-error';
import { smallCatalogConfig } from './catalog-fixtures';
import { createServiceCatalog } from './service-catalog';

describe('service catalog', () => {
  const catalog = createServiceCatalog(smallCatalogConfig());

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
    const trash = catalog.service('TRASH-MISSED')!;
    expect(catalog.calendar.dueDate(at('2026-03-13T20:00-04:00'), trash.sla)).toEqual(at('2026-03-16T16:30-04:00'));
  });

  it('cannot be changed after creation, not even through the config it was created from', () => {
    const config = smallCatalogConfig();
    const ownCatalog = createServiceCatalog(config);
    config.services[0].department = 'CLERK';
    expect(ownCatalog.service('TRASH-MISSED')?.department).toBe('DPW');
    expect(() => {
      (ownCatalog.services()[0] as { department: string }).department = 'CLERK';
    }).toThrow(TypeError);
  });

  it('refuses an invalid config, naming the source', () => {
    const config = smallCatalogConfig();
    config.services[0].department = 'PWD';
    expect(() => createServiceCatalog(config, 'tenant catalog')).toThrow(CatalogError);
    expect(() => createServiceCatalog(config, 'tenant catalog')).toThrow(
      /^tenant catalog: invalid service catalog \(1 problem\):\ntenant catalog: services\[0\]\.department: unknown department "PWD"/,
    );
  });
});
