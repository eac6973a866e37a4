import { CHANNELS, type Channel, CLOSE_REASONS, type CloseReason, type ServiceCatalog } from '@switchboard/ticketing';
import { isKnownTimeZone as isTimeZone } from '@switchboard/ticketing';

/** The logical fields an import reads; the mapping's `columns` names the source column of each. */
export const FIELDS = [
  'caseId',
  'openedAt',
  'dueAt',
  'closedAt',
  'status',
  'closureReason',
  'serviceType',
  'queue',
  'department',
  'channel',
  'description',
  'address',
  'latitude',
  'longitude',
] as const;
export type Field = (typeof FIELDS)[number];
const REQUIRED_FIELDS: readonly Field[] = ['caseId', 'openedAt', 'status', 'serviceType'];

/** What a closed case became: completed (with a resolution code) or closed without completion (with a reason). */
export type ClosureOutcome = { readonly outcome: 'completed'; readonly resolutionCode: string } | { readonly outcome: 'closed'; readonly reason: CloseReason };

/** A closure rule: when the closure text matches `pattern` (a case-insensitive regular expression), the outcome. */
export type ClosureRule = ClosureOutcome & { readonly pattern: string };

/** How source values map onto catalog codes; `unmapped` is a catalog code to fall back on, or "bad" to reject the row. */
export interface ValueMap<Fallback extends string = string> {
  readonly values: Readonly<Record<string, string>>;
  readonly unmapped: Fallback | 'bad';
}

/** A validated mapping file (format in docs/cli.md). */
export interface ImportMapping {
  /** Short name of the source system: it goes into the actor id (`import:<source>`), event ids and metadata. */
  readonly source: string;
  readonly format: 'csv' | 'open311-json';
  readonly timeZone: string;
  readonly timestampFormat: string;
  readonly columns: Readonly<Partial<Record<Field, string | readonly string[]>>>;
  /** Source status → open or closed. */
  readonly statuses: Readonly<Record<string, 'open' | 'closed'>>;
  readonly closure: { readonly rules: readonly ClosureRule[]; readonly otherwise: ClosureOutcome };
  readonly services: ValueMap;
  /** Which fields to look up, in order (e.g. the specific queue before the broad department). */
  readonly departments: ValueMap<string | 'service-owner'> & { readonly from: readonly ('queue' | 'department')[] };
  readonly channels: ValueMap<Channel>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringMap = (value: unknown): value is Record<string, string> => isRecord(value) && Object.values(value).every((v) => typeof v === 'string');

/** Checks a parsed mapping file against the catalog; returns every problem (empty when it is usable). */
export function mappingProblems(raw: unknown, catalog: ServiceCatalog): string[] {
  if (!isRecord(raw)) return ['the mapping must be a JSON object'];
  const problems: string[] = [];
  const need = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem);
  };
  need(
    typeof raw.source === 'string' && /^[a-z0-9][a-z0-9_-]{0,39}$/i.test(raw.source),
    '"source" must be a short name (letters, digits, - or _), e.g. "boston311"',
  );
  need(raw.format === undefined || raw.format === 'csv' || raw.format === 'open311-json', '"format" must be "csv" or "open311-json"');
  need(typeof raw.timeZone === 'string' && isTimeZone(raw.timeZone), '"timeZone" must be an IANA time zone such as "America/New_York"');
  need(typeof raw.timestampFormat === 'string' && raw.timestampFormat !== '', '"timestampFormat" must be "iso" or a pattern such as "YYYY-MM-DD HH:mm:ss"');
  const columns = isRecord(raw.columns) ? raw.columns : {};
  need(isRecord(raw.columns), '"columns" must be an object naming the source column of each field');
  for (const [field, column] of Object.entries(columns)) {
    need((FIELDS as readonly string[]).includes(field), `"columns.${field}" is not a field; fields are ${FIELDS.join(', ')}`);
    need(
      typeof column === 'string' || (Array.isArray(column) && column.every((c) => typeof c === 'string')),
      `"columns.${field}" must be a column name or a list of them`,
    );
  }
  for (const field of REQUIRED_FIELDS) need(columns[field] !== undefined, `"columns.${field}" is required`);
  need(
    isStringMap(raw.statuses) && Object.values(raw.statuses).every((s) => s === 'open' || s === 'closed'),
    '"statuses" must map each source status to "open" or "closed"',
  );
  // A block the file gives nothing to may be left out (DEFAULT_BLOCKS); one it does give something to must be there.
  const closes = isRecord(raw.statuses) && Object.values(raw.statuses).includes('closed');
  const uses = (block: keyof typeof DEFAULT_BLOCKS, needed: boolean, why: string): boolean => {
    need(raw[block] !== undefined || !needed, `"${block}" is required when ${why}`);
    return raw[block] !== undefined;
  };
  if (uses('closure', closes, 'a status maps to "closed"')) problems.push(...closureProblems(raw.closure));
  problems.push(...valueMapProblems('services', raw.services, (code) => catalog.service(code) !== undefined, 'a catalog service code'));
  if (uses('departments', columns.queue !== undefined || columns.department !== undefined, '"columns" maps "queue" or "department"')) {
    problems.push(
      ...valueMapProblems('departments', raw.departments, (code) => catalog.department(code) !== undefined, 'a catalog department code', ['service-owner']),
    );
    const from = isRecord(raw.departments) ? raw.departments.from : undefined;
    need(Array.isArray(from) && from.every((f) => f === 'queue' || f === 'department'), '"departments.from" must list "queue" and/or "department"');
  }
  if (uses('channels', columns.channel !== undefined, '"columns" maps "channel"')) {
    problems.push(
      ...valueMapProblems('channels', raw.channels, (channel) => (CHANNELS as readonly string[]).includes(channel), `a channel (${CHANNELS.join(', ')})`),
    );
  }
  return problems;
}

/**
 * What a mapping that leaves a block out gets. Only a block the file gives nothing to may be left
 * out: `closure` when no status maps to "closed", `departments` when no queue or department column
 * is mapped (every ticket goes to its service's owner), `channels` when no channel column is mapped
 * (every ticket's channel is "internal": a record of the city's own, its intake channel unknown).
 */
export const DEFAULT_BLOCKS = {
  closure: { rules: [], otherwise: { outcome: 'completed', resolutionCode: 'closed' } },
  departments: { from: [], values: {}, unmapped: 'service-owner' },
  channels: { values: {}, unmapped: 'internal' },
} as const satisfies Partial<ImportMapping>;

/** A checked mapping (no `mappingProblems`) with its left-out blocks and format filled in. */
export function completeMapping(raw: Record<string, unknown>, dataFile: string): ImportMapping {
  const mapping = { ...DEFAULT_BLOCKS, ...raw } as unknown as ImportMapping;
  return { ...mapping, format: mapping.format ?? (dataFile.toLowerCase().endsWith('.json') ? 'open311-json' : 'csv') };
}

function valueMapProblems(name: string, raw: unknown, valid: (code: string) => boolean, what: string, extraFallbacks: string[] = []): string[] {
  if (!isRecord(raw) || !isStringMap(raw.values) || typeof raw.unmapped !== 'string') {
    return [`"${name}" must be { "values": { "<source value>": "<code>" }, "unmapped": "<code>" or "bad" }`];
  }
  const problems = Object.entries(raw.values)
    .filter(([, code]) => !valid(code))
    .map(([value, code]) => `"${name}.values" maps "${value}" to "${code}", which is not ${what}`);
  if (raw.unmapped !== 'bad' && !extraFallbacks.includes(raw.unmapped) && !valid(raw.unmapped)) {
    problems.push(`"${name}.unmapped" must be "bad"${extraFallbacks.map((f) => `, "${f}"`).join('')} or ${what}; got "${raw.unmapped}"`);
  }
  return problems;
}

function closureProblems(raw: unknown): string[] {
  if (!isRecord(raw) || !Array.isArray(raw.rules)) return ['"closure" must be { "rules": [...], "otherwise": { "outcome": ... } }'];
  const problems = raw.rules.flatMap((rule, i) => {
    const pattern = isRecord(rule) ? rule.pattern : undefined;
    const bad = typeof pattern !== 'string' || !compiles(pattern);
    return [...(bad ? [`"closure.rules[${i}].pattern" must be a regular expression`] : []), ...outcomeProblems(`closure.rules[${i}]`, rule)];
  });
  return [...problems, ...outcomeProblems('closure.otherwise', raw.otherwise)];
}

function outcomeProblems(path: string, raw: unknown): string[] {
  if (isRecord(raw) && raw.outcome === 'completed' && typeof raw.resolutionCode === 'string' && raw.resolutionCode !== '') return [];
  if (isRecord(raw) && raw.outcome === 'closed' && (CLOSE_REASONS as readonly unknown[]).includes(raw.reason)) return [];
  return [
    `"${path}" must be { "outcome": "completed", "resolutionCode": "…" } or { "outcome": "closed", "reason": ${CLOSE_REASONS.map((r) => `"${r}"`).join(' | ')} }`,
  ];
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}
