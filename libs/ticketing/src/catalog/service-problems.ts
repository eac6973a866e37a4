import { type ConfigReader, elementPath, fieldPath, SLA_UNITS } from '../calendar';
import { checkAttributes } from './attribute-problems';
import { checkEscalationPolicy } from './escalation-policy';
import { forEachCodedEntry } from './catalog-code';
import { PRIORITIES } from './priority';
import { MAX_DUPLICATE_RADIUS_METERS, MAX_RESIDENT_DATA_RETENTION_DAYS } from './service-type';
import { checkServiceRouting } from './service-routing';

const SERVICE = {
  kind: 'service',
  fields: [
    'code',
    'name',
    'description',
    'group',
    'keywords',
    'department',
    'sla',
    'defaultPriority',
    'attributes',
    'escalation',
    'routing',
    'duplicateRadiusMeters',
    'residentDataRetentionDays',
  ],
} as const;

/** Reports problems of the service list at `path`, including services owned by departments not in `departmentCodes`. */
export function checkServices(reader: ConfigReader, value: unknown, path: string, departmentCodes: readonly string[]): void {
  forEachCodedEntry(reader, value, path, SERVICE, (service, servicePath) => {
    for (const field of ['name', 'description', 'group'] as const) reader.string(service[field], fieldPath(servicePath, field));
    checkKeywords(reader, service.keywords, fieldPath(servicePath, 'keywords'));
    checkDepartmentReference(reader, service.department, fieldPath(servicePath, 'department'), departmentCodes);
    checkSla(reader, service.sla, fieldPath(servicePath, 'sla'));
    reader.oneOf(service.defaultPriority, fieldPath(servicePath, 'defaultPriority'), PRIORITIES);
    checkAttributes(reader, service.attributes, fieldPath(servicePath, 'attributes'));
    checkEscalationPolicy(reader, service.escalation, fieldPath(servicePath, 'escalation'), true);
    checkServiceRouting(reader, service.routing, fieldPath(servicePath, 'routing'));
    checkDuplicateRadius(reader, service.duplicateRadiusMeters, fieldPath(servicePath, 'duplicateRadiusMeters'));
    checkRetention(reader, service.residentDataRetentionDays, fieldPath(servicePath, 'residentDataRetentionDays'));
  });
}

function checkKeywords(reader: ConfigReader, value: unknown, path: string): void {
  reader.list(value, path)?.forEach((keyword, index) => reader.string(keyword, elementPath(path, index)));
}

function checkDepartmentReference(reader: ConfigReader, value: unknown, path: string, departmentCodes: readonly string[]): void {
  const code = reader.string(value, path);
  if (code !== undefined && !departmentCodes.includes(code)) {
    reader.report(path, `unknown department ${JSON.stringify(code)} (known: ${departmentCodes.join(', ') || 'none'})`);
  }
}

function checkSla(reader: ConfigReader, value: unknown, path: string): void {
  const sla = reader.object(value, path, ['amount', 'unit']);
  if (!sla) return;
  const unit = reader.oneOf(sla.unit, fieldPath(path, 'unit'), SLA_UNITS);
  const amount = reader.number(sla.amount, fieldPath(path, 'amount'));
  if (amount === undefined) return;
  if (amount <= 0) reader.report(fieldPath(path, 'amount'), `must be more than 0 (got ${amount})`);
  else if (unit === 'business_days' && !Number.isInteger(amount)) {
    reader.report(fieldPath(path, 'amount'), `must be a whole number of business days (got ${amount}); use business_hours for parts of a day`);
  }
}

/** A retention period in days (a service's resident data, or the city's for contacts): absent, or a whole number of days in range. */
export function checkRetention(reader: ConfigReader, value: unknown, path: string): void {
  if (value === undefined) return;
  const days = reader.integer(value, path);
  if (days !== undefined && (days < 1 || days > MAX_RESIDENT_DATA_RETENTION_DAYS)) {
    reader.report(path, `must be a whole number of days from 1 to ${MAX_RESIDENT_DATA_RETENTION_DAYS} (got ${days})`);
  }
}

/** A service's duplicate radius, when given: meters above 0, at most MAX_DUPLICATE_RADIUS_METERS. */
function checkDuplicateRadius(reader: ConfigReader, value: unknown, path: string): void {
  if (value === undefined) return;
  const meters = reader.number(value, path);
  if (meters !== undefined && (meters <= 0 || meters > MAX_DUPLICATE_RADIUS_METERS)) {
    reader.report(path, `must be more than 0 and at most ${MAX_DUPLICATE_RADIUS_METERS} meters (got ${meters})`);
  }
}
