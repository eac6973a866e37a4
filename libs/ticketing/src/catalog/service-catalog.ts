import { type BusinessCalendar, createBusinessCalendar } from '../calendar';
import type { CatalogConfig } from './catalog-config';
import { CatalogError } from './catalog-error';
import { catalogProblems } from './catalog-problems';
import type { Department } from './department';
import { DEFAULT_ESCALATION_POLICY, type EscalationPolicy } from './escalation-policy';
import { DEFAULT_SERVICE_ROUTING, type ServiceRouting } from './service-routing';
import type { ServiceType } from './service-type';

/** The validated, read-only catalog: services, the departments that own them, and the business calendar. */
export interface ServiceCatalog {
  readonly config: CatalogConfig;
  readonly calendar: BusinessCalendar;
  service(code: string): ServiceType | undefined;
  department(code: string): Department | undefined;
  services(): readonly ServiceType[];
  departments(): readonly Department[];
  /** The escalation policy in force for a service: its overrides over the city-wide default. */
  escalationPolicy(serviceCode: string): EscalationPolicy;
  /** What happens to a new ticket of the service: routed to its owner on open, or left in intake for triage (the default). */
  routing(serviceCode: string): ServiceRouting;
}

/** Validates a catalog config and builds the catalog; throws CatalogError naming `source` and every problem. */
export function createServiceCatalog(config: CatalogConfig, source = 'service catalog'): ServiceCatalog {
  const problems = catalogProblems(config);
  if (problems.length > 0) throw new CatalogError(source, problems);
  // A private frozen copy: the catalog is shared by every command, so nobody may change it under them.
  const frozen = deepFreeze(structuredClone(config));
  const services = new Map(frozen.services.map((service) => [service.code, service]));
  const departments = new Map(frozen.departments.map((department) => [department.code, department]));
  const calendar = createBusinessCalendar(frozen.calendar);
  return {
    config: frozen,
    calendar,
    service: (code) => services.get(code),
    department: (code) => departments.get(code),
    services: () => frozen.services,
    departments: () => frozen.departments,
    escalationPolicy: (code) => ({
      ...DEFAULT_ESCALATION_POLICY,
      ...frozen.policies.escalation,
      ...services.get(code)?.escalation,
    }),
    routing: (code) => services.get(code)?.routing ?? DEFAULT_SERVICE_ROUTING,
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
