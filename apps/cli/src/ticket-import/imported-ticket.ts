import {
  type Channel,
  CHANNELS,
  isValidTicketId,
  type Location,
  MAX_DESCRIPTION_LENGTH,
  MAX_NOTE_LENGTH,
  type StampedTicketEvent,
  type ServiceCatalog,
  stampEvent,
  type TicketEvent,
} from '@switchboard/ticketing';
import type { ClosureOutcome, Field, ImportMapping, ValueMap } from './import-mapping';
import type { SourceRow } from './source-row';
import type { TimestampReader } from './source-timestamps';

/**
 * A source row turned into a ticket's history — with a note for each value that was dropped or cut
 * on the way (the row is imported all the same) — or the reason it cannot be.
 */
export type ImportedTicket =
  { readonly ticketId: string; readonly events: readonly StampedTicketEvent[]; readonly notes: readonly string[] } | { readonly bad: string };

/** The longest address the API accepts (`location.address` of OpenTicket). */
export const MAX_ADDRESS_LENGTH = 500;

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
  const notes: string[] = [];
  const field = (name: Field): string => fieldValue(row, mapping, name);
  const caseId = field('caseId');
  if (caseId === '') throw new BadRow('no case id');
  if (!isValidTicketId(caseId)) throw new BadRow(`case id "${caseId}" cannot be a ticket id (letters, digits, - and _, at most 40)`);
  // Messages quote times as the file wrote them; events carry them as ISO instants.
  const time = (name: Field, required: boolean): { readonly iso: string; readonly text: string } | undefined => {
    const text = field(name);
    if (text === '') {
      if (required) throw new BadRow(`no ${name} (${columnOf(mapping, name)})`);
      return undefined;
    }
    const instant = readTime(text);
    if (instant === undefined) throw new BadRow(`${name} "${text}" does not match the timestamp format "${mapping.timestampFormat}"`);
    return { iso: new Date(instant).toISOString(), text };
  };
  const opened = time('openedAt', true)!;
  const status = mapping.statuses[field('status')];
  if (!status) throw new BadRow(`status "${field('status')}" is not in the mapping's "statuses"`);
  const dueAt = time('dueAt', false)?.iso;
  const closed = status === 'closed' ? time('closedAt', true) : undefined;
  if (closed !== undefined && closed.iso < opened.iso) throw new BadRow(`closed (${closed.text}) before it was opened (${opened.text})`);
  if (status === 'open' && field('closedAt') !== '') notes.push(closingTimeOfOpenCase(field('closedAt'), field('status'), opened, readTime, mapping));

  const serviceCode = mapped(mapping.services, [field('serviceType')], (code) => catalog.service(code) !== undefined, 'service type');
  const service = catalog.service(serviceCode);
  if (!service) throw new BadRow(`service "${serviceCode}" is not in the catalog`);
  const departmentValues = mapping.departments.from.map((name) => field(name));
  const department =
    lookup(mapping.departments, departmentValues, (code) => catalog.department(code) !== undefined) ??
    fallback(mapping.departments, departmentValues, 'department or queue', service.department);
  const channel = mapped(mapping.channels, [field('channel')], (value) => (CHANNELS as readonly string[]).includes(value), 'source channel') as Channel;

  const cut = (name: Field, text: string, max: number): string => {
    if (text.length <= max) return text;
    notes.push(`${name} (${columnOf(mapping, name)}) has ${text.length} characters; imported with the first ${max}`);
    return text.slice(0, max);
  };
  const location = locationOf(cut('address', field('address'), MAX_ADDRESS_LENGTH), field('latitude'), field('longitude'), notes, mapping);
  const note = closed === undefined ? '' : cut('closureReason', field('closureReason'), MAX_NOTE_LENGTH);
  const facts: [TicketEvent, string][] = [
    [
      {
        type: 'TicketOpened',
        data: {
          ticketId: caseId,
          serviceCode,
          owningDepartment: service.department,
          description: field('description') === '' ? service.name : cut('description', field('description'), MAX_DESCRIPTION_LENGTH),
          channel,
          ...(location ? { location } : {}),
          priority: service.defaultPriority,
        },
      },
      opened.iso,
    ],
    [{ type: 'TicketAssigned', data: { department, ...(dueAt ? { dueAt } : {}) } }, opened.iso],
  ];
  if (closed !== undefined) facts.push([closureEvent(closureOf(mapping, note), note, department), closed.iso]);
  const commandId = `import:${mapping.source}:${caseId}`;
  const actor = { id: `import:${mapping.source}`, role: 'system' } as const;
  const imported = { source: mapping.source, originalId: caseId };
  const events = facts.map(([event, occurredAt], index) => stampEvent(event, index, { commandId, actor, occurredAt, imported }) as StampedTicketEvent);
  return { ticketId: caseId, events, notes };
}

/** The note for a case whose status is open but which has a closing time: the case is imported open, without it. */
function closingTimeOfOpenCase(
  text: string,
  status: string,
  opened: { readonly iso: string; readonly text: string },
  readTime: TimestampReader,
  mapping: ImportMapping,
): string {
  const instant = readTime(text);
  const odd =
    instant === undefined
      ? `, which does not match the timestamp format "${mapping.timestampFormat}"`
      : new Date(instant).toISOString() < opened.iso
        ? `, before it was opened (${opened.text})`
        : '';
  return `status "${status}" is open but closedAt (${columnOf(mapping, 'closedAt')}) is "${text}"${odd}; imported as open, without the closing time`;
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

/** The location of a row; coordinates that are not a position on Earth (or half of one) are dropped with a note. */
function locationOf(address: string, latitude: string, longitude: string, notes: string[], mapping: ImportMapping): Location | undefined {
  let coordinates = {};
  if (latitude !== '' || longitude !== '') {
    const lat = Number(latitude);
    const long = Number(longitude);
    const valid = latitude !== '' && longitude !== '' && Number.isFinite(lat) && Number.isFinite(long) && Math.abs(lat) <= 90 && Math.abs(long) <= 180;
    if (valid) coordinates = { latitude: lat, longitude: long };
    else {
      const columns = `${columnOf(mapping, 'latitude')}, ${columnOf(mapping, 'longitude')}`;
      notes.push(
        `latitude "${latitude}" and longitude "${longitude}" (${columns}) are not a position (latitude -90 to 90, longitude -180 to 180); imported without coordinates`,
      );
    }
  }
  const location = { ...(address ? { address } : {}), ...coordinates };
  return Object.keys(location).length > 0 ? location : undefined;
}
