import type { Sla } from '../calendar';
import type { EscalationPolicy } from './escalation-policy';
import type { Priority } from './priority';
import type { ServiceAttribute } from './service-attribute';
import type { ServiceRouting } from './service-routing';

/** A kind of request residents can make, owned by one department with one SLA. */
export interface ServiceType {
  code: string;
  name: string;
  description: string;
  group: string;
  keywords: string[];
  /** Code of the owning department. */
  department: string;
  sla: Sla;
  defaultPriority: Priority;
  attributes: ServiceAttribute[];
  /** Overrides of the city-wide escalation policy for this service. */
  escalation?: Partial<EscalationPolicy>;
  /** Whether a ticket is assigned to `department` when it is opened, or waits in intake for 311 (default `triage`). */
  routing?: ServiceRouting;
  /** How far apart two open tickets of this service may be and still be offered as possible duplicates (default 50 m). */
  duplicateRadiusMeters?: number;
  /** Days a ticket's resident data is kept after the ticket ended (completed or closed); then it is erased. Absent: kept until the director erases it. */
  residentDataRetentionDays?: number;
}

/** The longest retention period the catalog accepts (100 years). */
export const MAX_RESIDENT_DATA_RETENTION_DAYS = 36_500;

/** The distance within which open tickets of a service are offered as possible duplicates when its catalog entry names none. */
export const DEFAULT_DUPLICATE_RADIUS_METERS = 50;

/** Possible duplicates are looked for within at most this distance, whatever the catalog says. */
export const MAX_DUPLICATE_RADIUS_METERS = 5000;

/** The distance within which open tickets of `service` are offered as possible duplicates. */
export const duplicateRadiusOf = (service: ServiceType): number => service.duplicateRadiusMeters ?? DEFAULT_DUPLICATE_RADIUS_METERS;
