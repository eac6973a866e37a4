import { smallCatalogConfig } from './catalog-fixtures';
import { catalogProblems } from './catalog-problems';
import { parseCatalog } from './parse-catalog';
import { createServiceCatalog } from './service-catalog';

describe('a service type’s routing policy', () => {
  it('given a catalog that names no routing (as catalogs written before the policy), then every service is triaged', () => {
    const catalog = createServiceCatalog(smallCatalogConfig());
    expect(catalog.services().map((service) => catalog.routing(service.code))).toEqual(['triage', 'triage']);
  });

  it('given routing on_open or triage, then the catalog answers it per service', () => {
    const config = smallCatalogConfig();
    config.services[0].routing = 'on_open';
    config.services[1].routing = 'triage';
    const catalog = parseCatalog(JSON.stringify(config), 'city.json');
    expect(catalog.routing('TRASH-MISSED')).toBe('on_open');
    expect(catalog.routing('ABANDONED-VEHICLE')).toBe('triage');
    expect(catalog.routing('NOPE')).toBe('triage');
  });

  it.each([
    ['an unknown policy', 'auto', 'must be one of on_open, triage (got "auto")'],
    ['a policy in other words', 'on-open', 'must be one of on_open, triage (got "on-open")'],
    ['a flag', true, 'must be a string (got boolean true)'],
    ['null', null, 'must be a string (got null)'],
  ])('given %s, then the problem names the service’s routing field', (_what, routing, message) => {
    const config: any = smallCatalogConfig();
    config.services[1].routing = routing;
    expect(catalogProblems(config)).toEqual([{ path: 'services[1].routing', message }]);
  });
});
