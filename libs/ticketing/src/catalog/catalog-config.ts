import type { CalendarConfig } from '../calendar';
import type { Department } from './department';
import type { EscalationPolicy } from './escalation-policy';
import type { ServiceType } from './service-type';

/** City-wide workflow policies. */
export interface CatalogPolicies {
  /** Calendar days during which a completed ticket may be reopened. */
  reopenWindowDays: number;
  /** Default warning and escalation thresholds; `DEFAULT_ESCALATION_POLICY` when absent. */
  escalation?: EscalationPolicy;
}

/** Everything a city configures: its departments, their services, office hours and policies. */
export interface CatalogConfig {
  jurisdiction: string;
  departments: Department[];
  services: ServiceType[];
  calendar: CalendarConfig;
  policies: CatalogPolicies;
}
