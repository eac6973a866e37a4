import type { ServiceCatalog, ServiceType } from '@switchboard/ticketing';

const UNIT_NAMES = { business_hours: ['business hour', 'business hours'], business_days: ['business day', 'business days'] } as const;

/** What the city commits to for a service, read off its SLA: the spec's `service_notice`. */
export function serviceNotice(service: ServiceType, catalog: ServiceCatalog): string {
  const { amount, unit } = service.sla;
  const department = catalog.department(service.department)?.name ?? service.department;
  return `${department} aims to resolve this within ${amount} ${UNIT_NAMES[unit][amount === 1 ? 0 : 1]}.`;
}
