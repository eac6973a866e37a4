import { type ConfigReader, elementPath, fieldPath } from '../calendar';

const CODE = /^[A-Z0-9]+(?:[-_][A-Z0-9]+)*$/;

/** Reads a department, service or attribute code: upper-case letters and digits joined by '-' or '_'. */
export function readCode(reader: ConfigReader, value: unknown, path: string): string | undefined {
  const code = reader.string(value, path);
  if (code === undefined || CODE.test(code)) return code;
  reader.report(path, `must be upper-case letters and digits joined by '-' or '_', e.g. "TRASH-MISSED" (got ${JSON.stringify(code)})`);
  return undefined;
}

/** Visits each object of a list of coded entries (departments, services, attributes), after checking its fields and that its code is well-formed and unique. */
export function forEachCodedEntry(
  reader: ConfigReader,
  value: unknown,
  path: string,
  entry: { kind: string; fields: readonly string[] },
  visit: (fields: Record<string, unknown>, entryPath: string, code: string | undefined) => void,
): void {
  const checkRepeat = reader.repeatCheck(`${entry.kind} code`);
  (reader.list(value, path) ?? []).forEach((item, index) => {
    const entryPath = elementPath(path, index);
    const fields = reader.object(item, entryPath, entry.fields);
    if (!fields) return;
    const code = readCode(reader, fields.code, fieldPath(entryPath, 'code'));
    if (code !== undefined) checkRepeat(code, fieldPath(entryPath, 'code'));
    visit(fields, entryPath, code);
  });
}
