import { readFileSync } from 'node:fs';
import { DataError } from '../exit-codes';
import type { SourceRow } from './source-row';

/** The line each top-level element of a JSON array starts on, found by scanning past strings and nesting. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line += 1;
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (depth === 1 && expectElement && c !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth += 1;
      if (depth === 1) expectElement = true;
    } else if (c === ']' || c === '}') depth -= 1;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

const asText = (value: unknown): string => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** Reads an Open311 GeoReport v2 requests document (a JSON array of service requests) as SourceRows. */
export function open311Rows(file: string, label: string): SourceRow[] {
  const text = readFileSync(file, 'utf8');
  let requests: unknown;
  try {
    requests = JSON.parse(text);
  } catch (error) {
    throw new DataError(`${label}: not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(requests)) throw new DataError(`${label}: expected a JSON array of service requests (Open311 GeoReport v2)`);
  const lines = elementLines(text);
  return requests.map((request, i) => {
    const line = lines[i] ?? 1;
    if (typeof request !== 'object' || request === null || Array.isArray(request)) return { line, values: {}, problem: 'is not a JSON object' };
    const values = Object.fromEntries(Object.entries(request).map(([key, value]) => [key, asText(value)]));
    return { line, values };
  });
}
