import { checkCalendarConfig, type ConfigProblem, ConfigReader } from '../calendar';
import { checkDepartments } from './department-problems';
import { checkEscalationPolicy } from './escalation-policy';
import { checkRetention, checkServices } from './service-problems';

const CATALOG_FIELDS = ['jurisdiction', 'departments', 'services', 'calendar', 'policies'] as const;

/** Everything wrong with a service catalog given as untrusted data (parsed JSON or a typed config). */
export function catalogProblems(value: unknown): ConfigProblem[] {
  const reader = new ConfigReader();
  const catalog = reader.object(value, '', CATALOG_FIELDS);
  if (catalog) {
    reader.string(catalog.jurisdiction, 'jurisdiction');
    const departmentCodes = checkDepartments(reader, catalog.departments, 'departments');
    checkServices(reader, catalog.services, 'services', departmentCodes);
    checkCalendarConfig(reader, catalog.calendar, 'calendar');
    checkPolicies(reader, catalog.policies, 'policies');
  }
  return reader.problems;
}

function checkPolicies(reader: ConfigReader, value: unknown, path: string): void {
  const policies = reader.object(value, path, ['reopenWindowDays', 'escalation', 'contactResidentDataRetentionDays']);
  if (!policies) return;
  checkEscalationPolicy(reader, policies.escalation, `${path}.escalation`, false);
  checkRetention(reader, policies.contactResidentDataRetentionDays, `${path}.contactResidentDataRetentionDays`);
  const days = reader.integer(policies.reopenWindowDays, `${path}.reopenWindowDays`);
  if (days !== undefined && days < 0) reader.report(`${path}.reopenWindowDays`, `must be 0 or more (got ${days})`);
}
