import type { Sla } from '../calendar';
import type { EscalationPolicy } from './escalation-policy';
import type { Priority } from './priority';
import type { ServiceAttribute } from './service-attribute';

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
}
