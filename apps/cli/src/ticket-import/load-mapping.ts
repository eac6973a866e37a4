import { readFileSync } from 'node:fs';
import type { ServiceCatalog } from '@switchboard/ticketing';
import { UsageError } from '../exit-codes';
import { completeMapping, type ImportMapping, mappingProblems } from './import-mapping';

/** Reads and checks a mapping file; left-out blocks get their defaults and the format defaults from the data file's extension. Problems are UsageErrors listing all of them. */
export function loadMapping(file: string, dataFile: string, catalog: ServiceCatalog, command: string): ImportMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the mapping ${file}: ${(error as Error).message}`, command);
  }
  const problems = mappingProblems(raw, catalog);
  if (problems.length > 0) throw new UsageError(`the mapping ${file} has problems:\n  - ${problems.join('\n  - ')}`, command);
  return completeMapping(raw as Record<string, unknown>, dataFile);
}
