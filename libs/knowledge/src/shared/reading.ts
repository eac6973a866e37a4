import { type ConfigProblem, ConfigReader, elementPath } from '@switchboard/ticketing';
import { invalidField, type InvalidCommand } from './domain-errors';

// Commands and imported articles are untrusted JSON; both are read with the catalog's ConfigReader,
// which collects every problem under its JSON path. These are the few readers it lacks.

/** A non-empty string of at most `max` characters. */
export function readText(reader: ConfigReader, value: unknown, path: string, max: number, optional = false): string | undefined {
  const text = reader.string(value, path, optional);
  if (text === undefined || text.length <= max) return text;
  reader.report(path, `must be at most ${max} characters (got ${text.length})`);
  return undefined;
}

/** A list of non-empty strings, each at most `max` characters. */
export function readTextList(reader: ConfigReader, value: unknown, path: string, max: number): string[] | undefined {
  const list = reader.list(value, path);
  if (!list) return undefined;
  const texts = list.map((item, index) => readText(reader, item, elementPath(path, index), max));
  return texts.every((text) => text !== undefined) ? (texts as string[]) : undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a text is a calendar date that exists, 'YYYY-MM-DD'. */
export const isIsoDate = (text: string): boolean => ISO_DATE.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

/** A calendar date 'YYYY-MM-DD'. */
export function readIsoDate(reader: ConfigReader, value: unknown, path: string, optional = false): string | undefined {
  const text = reader.string(value, path, optional);
  if (text === undefined || isIsoDate(text)) return text;
  reader.report(path, `must be a date YYYY-MM-DD that exists, e.g. "2026-11-03" (got ${JSON.stringify(text)})`);
  return undefined;
}

/** A string matching an id pattern. */
export function readId(reader: ConfigReader, value: unknown, path: string, pattern: RegExp, example: string): string | undefined {
  const id = reader.string(value, path);
  if (id === undefined || pattern.test(id)) return id;
  reader.report(path, `must look like "${example}" (got ${JSON.stringify(id)})`);
  return undefined;
}

/** Config problems as the InvalidCommand errors of a command, in the order found. */
export const asInvalidCommand = <C extends string>(command: C | 'unknown', problems: readonly ConfigProblem[]): InvalidCommand<C>[] =>
  problems.map((p) => invalidField(command, p.path || 'command', p.message));

/**
 * Every field problem of a command from untrusted JSON: its type must be one of `types`, its
 * fields those its type declares (unknown ones are typos), each read by its reader.
 */
export function commandProblems<C extends string>(
  command: unknown,
  readers: { readonly [T in C]: (reader: ConfigReader, fields: Record<string, unknown>) => void },
  fieldsOf: { readonly [T in C]: readonly string[] },
): InvalidCommand<C>[] {
  const types = Object.keys(readers) as C[];
  const type = (command as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !(types as string[]).includes(type)) {
    return [invalidField<C>('unknown', 'type', `must be one of ${types.join(', ')}`)];
  }
  const reader = new ConfigReader();
  const fields = reader.object(command, '', ['type', ...fieldsOf[type as C]]);
  if (fields) readers[type as C](reader, fields);
  return asInvalidCommand(type as C, reader.problems);
}
