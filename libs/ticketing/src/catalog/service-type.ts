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
}
