import {
  type Channel,
  CHANNELS,
  CURRENT_SCHEMA_VERSION,
  deterministicEventId,
  type EventMetadata,
  isValidTicketId,
  type Location,
  MAX_DESCRIPTION_LENGTH,
  MAX_NOTE_LENGTH,
  type RecordedTicketEvent,
  type ServiceCatalog,
  type TicketEvent,
} from '@switchboard/ticketing';
import type { ClosureOutcome, Field, ImportMapping, ValueMap } from './import-mapping';
import type { SourceRow } from './source-row';
import type { TimestampReader } from './source-timestamps';

/** A source row turned into a ticket's history, or the reason it cannot be. */
export type ImportedTicket = { readonly ticketId: string; readonly events: readonly RecordedTicketEvent[] } | { readonly bad: string };

/** Everything the conversion needs besides the row. */
export interface ImportContext {
  readonly mapping: ImportMapping;
  readonly catalog: ServiceCatalog;
  readonly readTime: TimestampReader;
}

class BadRow extends Error {}

/**
 * Builds a ticket's events directly from a source row, as it happened in the other system (never
 * through `decide`: history is recorded, not re-validated): opened, assigned to the mapped
 * department (due at the source's target time), then completed or closed at the closing time.
 */
export function importedTicket(row: SourceRow, context: ImportContext): ImportedTicket {
  try {
    return buildTicket(row, context);
  } catch (error) {
    if (error instanceof BadRow) return { bad: error.message };
    throw error;
  }
}

function buildTicket(row: SourceRow, { mapping, catalog, readTime }: ImportContext): ImportedTicket {
  if (row.problem) throw new BadRow(row.problem);
  const field = (name: Field): string => fieldValue(row, mapping, name);
  const caseId = field('caseId');
  if (caseId === '') throw new BadRow('no case id');
  if (!isValidTicketId(caseId)) throw new BadRow(`case id "${caseId}" cannot be a ticket id (letters, digits, - and _, at most 40)`);
  const time = (name: Field, required: boolean): string | undefined => {
    const text = field(name);
    if (text === '') {
      if (required) throw new BadRow(`no ${name} (${columnOf(mapping, name)})`);
      return undefined;
    }
    const instant = readTime(text);
    if (instant === undefined) throw new BadRow(`${name} "${text}" does not match the timestamp format "${mapping.timestampFormat}"`);
    return new Date(instant).toISOString();
  };
  const openedAt = time('openedAt', true) as string;
  const status = mapping.statuses[field('status')];
  if (!status) throw new BadRow(`status "${field('status')}" is not in the mapping's "statuses"`);
  const dueAt = time('dueAt', false);
  const closedAt = status === 'closed' ? time('closedAt', true) : undefined;
  if (closedAt !== undefined && closedAt < openedAt) throw new BadRow(`closed (${closedAt}) before it was opened (${openedAt})`);

  const serviceCode = mapped(mapping.services, [field('serviceType')], (code) => catalog.service(code) !== undefined, 'service type');
  const service = catalog.service(serviceCode);
  if (!service) throw new BadRow(`service "${serviceCode}" is not in the catalog`);
  const departmentValues = mapping.departments.from.map((name) => field(name));
  const department =
    lookup(mapping.departments, departmentValues, (code) => catalog.department(code) !== undefined) ??
    fallback(mapping.departments, departmentValues, 'department or queue', service.department);
  const channel = mapped(mapping.channels, [field('channel')], (value) => (CHANNELS as readonly string[]).includes(value), 'source channel') as Channel;

  const location = locationOf(field('address'), field('latitude'), field('longitude'));
  const note = field('closureReason').trim().slice(0, MAX_NOTE_LENGTH);
  const facts: [TicketEvent, string][] = [
    [
      {
        type: 'TicketOpened',
        data: {
          ticketId: caseId,
          serviceCode,
          owningDepartment: service.department,
          description: (field('description') || service.name).slice(0, MAX_DESCRIPTION_LENGTH),
          channel,
          ...(location ? { location } : {}),
          priority: service.defaultPriority,
        },
      },
      openedAt,
    ],
    [{ type: 'TicketAssigned', data: { department, ...(dueAt ? { dueAt } : {}) } }, openedAt],
  ];
  if (closedAt !== undefined) facts.push([closureEvent(closureOf(mapping, note), note, department), closedAt]);
  const commandId = `import:${mapping.source}:${caseId}`;
  const events = facts.map(([event, occurredAt], index) => ({ ...event, metadata: metadataOf(commandId, index, event, occurredAt, mapping.source, caseId) }));
  return { ticketId: caseId, events: events as RecordedTicketEvent[] };
}

/** A field's value: the first non-blank of its mapped columns, trimmed. */
function fieldValue(row: SourceRow, mapping: ImportMapping, name: Field): string {
  const columns = mapping.columns[name];
  const list = columns === undefined ? [] : typeof columns === 'string' ? [columns] : columns;
  for (const column of list) {
    const value = (row.values[column] ?? '').trim();
    if (value !== '') return value;
  }
  return '';
}

const columnOf = (mapping: ImportMapping, name: Field): string => [mapping.columns[name] ?? name].flat().join(' or ');

/** The first value the map names (or that is already a valid code), else undefined. */
function lookup(map: ValueMap, values: readonly string[], valid: (code: string) => boolean): string | undefined {
  for (const value of values) if (value !== '' && Object.hasOwn(map.values, value)) return map.values[value];
  return values.find((value) => value !== '' && valid(value));
}

function fallback(map: ValueMap, values: readonly string[], what: string, serviceOwner?: string): string {
  if (map.unmapped === 'bad') throw new BadRow(`${what} "${values.filter(Boolean).join('" / "')}" is not mapped`);
  return map.unmapped === 'service-owner' && serviceOwner ? serviceOwner : map.unmapped;
}

function mapped(map: ValueMap, values: readonly string[], valid: (code: string) => boolean, what: string): string {
  return lookup(map, values, valid) ?? fallback(map, values, what);
}

function closureOf(mapping: ImportMapping, text: string): ClosureOutcome {
  return mapping.closure.rules.find((rule) => new RegExp(rule.pattern, 'i').test(text)) ?? mapping.closure.otherwise;
}

function closureEvent(outcome: ClosureOutcome, note: string, department: string): TicketEvent {
  if (outcome.outcome === 'closed') return { type: 'TicketClosed', data: { reason: outcome.reason, ...(note ? { note } : {}) } };
  return { type: 'TicketCompleted', data: { resolutionCode: outcome.resolutionCode, note, department, firstContactResolution: false } };
}

function locationOf(address: string, latitude: string, longitude: string): Location | undefined {
  const lat = Number(latitude);
  const long = Number(longitude);
  const coordinates = latitude !== '' && longitude !== '' && Number.isFinite(lat) && Number.isFinite(long) ? { latitude: lat, longitude: long } : {};
  const location = { ...(address ? { address } : {}), ...coordinates };
  return Object.keys(location).length > 0 ? location : undefined;
}

function metadataOf(commandId: string, index: number, event: TicketEvent, occurredAt: string, source: string, originalId: string): EventMetadata {
  return {
    eventId: deterministicEventId(commandId, index),
    commandId,
    correlationId: commandId,
    causationId: commandId,
    actor: { id: `import:${source}`, role: 'system' },
    occurredAt,
    schemaVersion: CURRENT_SCHEMA_VERSION[event.type],
    imported: { source, originalId },
  };
}
