import { fieldPath, type ConfigReader } from '../calendar';

/** When the SLA watcher warns and escalates: a city-wide default, overridable per service type. */
export interface EscalationPolicy {
  /** Share of the SLA's business time used at which a ticket is "at risk" in queues (e.g. 0.8). */
  atRiskFraction: number;
  /** Business hours after the breach (which escalates to the department head) at which a still-open ticket goes to the director. */
  directorAfterBusinessHours: number;
}

export const DEFAULT_ESCALATION_POLICY: Readonly<EscalationPolicy> = { atRiskFraction: 0.8, directorAfterBusinessHours: 16 };

const FIELDS = ['atRiskFraction', 'directorAfterBusinessHours'] as const;

/** Reports problems of an escalation policy at `path`; with `partial`, fields may be left to the default. */
export function checkEscalationPolicy(reader: ConfigReader, value: unknown, path: string, partial: boolean): void {
  const policy = reader.object(value, path, FIELDS, true);
  if (!policy) return;
  const fraction = partial && policy.atRiskFraction === undefined ? undefined : reader.number(policy.atRiskFraction, fieldPath(path, 'atRiskFraction'));
  if (fraction !== undefined && !(fraction > 0 && fraction < 1)) {
    reader.report(fieldPath(path, 'atRiskFraction'), `must be between 0 and 1, exclusive (got ${fraction})`);
  }
  const hours =
    partial && policy.directorAfterBusinessHours === undefined
      ? undefined
      : reader.number(policy.directorAfterBusinessHours, fieldPath(path, 'directorAfterBusinessHours'));
  if (hours !== undefined && hours < 0) {
    reader.report(fieldPath(path, 'directorAfterBusinessHours'), `must be 0 or more (got ${hours})`);
  }
}
