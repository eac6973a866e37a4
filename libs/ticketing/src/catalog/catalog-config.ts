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
  /**
   * Days a 311 contact's resident data (name, phone, e-mail) is kept after the contact ended (or
   * started, for one never ended) before the retention watcher erases it; absent: kept until the
   * director erases it. Contacts belong to no service, so this is the city's one period for them.
   */
  contactResidentDataRetentionDays?: number;
}

/** Everything a city configures: its departments, their services, office hours and policies. */
export interface CatalogConfig {
  jurisdiction: string;
  departments: Department[];
  services: ServiceType[];
  calendar: CalendarConfig;
  policies: CatalogPolicies;
}
