import type { CalendarConfig } from '../calendar';
import type { Department } from './department';
import type { ServiceType } from './service-type';

/** City-wide workflow policies. */
export interface CatalogPolicies {
  /** Calendar days during which a completed ticket may be reopened. */
  reopenWindowDays: number;
}

/** Everything a city configures: its departments, their services, office hours and policies. */
export interface CatalogConfig {
  jurisdiction: string;
  departments: Department[];
  services: ServiceType[];
  calendar: CalendarConfig;
  policies: CatalogPolicies;
}
