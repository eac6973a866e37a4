import { checkRange, inRange, type MetricsRange } from './metrics-range';

/**
 * One search as submitted (by an operator or a resident's app): type-ahead keystrokes are not
 * logged, only the search the person ran. Personal data never goes in: the text is what was asked.
 */
export interface SearchLogRecord {
  /** ISO instant. */
  readonly at: string;
  readonly query: string;
  /** The line of the contact the search was made for (a department code), or `web` for residents' apps. */
  readonly line: string;
  readonly language?: string;
  /** How many articles and service types it found. */
  readonly resultCount: number;
}

/**
 * A query as counted: lower case, accents and punctuation removed, runs of spaces as one, so
 * "¿Dónde voto?" and "donde  voto" are one question.
 */
export const normaliseQuery = (query: string): string =>
  query
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * What residents asked that the knowledge base does not answer: searches in [from, to) that found
 * nothing, counted by normalised query, most asked first, with the lines they came in on and
 * when first and last asked.
 */
export function unansweredSearches(log: readonly SearchLogRecord[], range: Pick<MetricsRange, 'from' | 'to'>, limit = 50) {
  checkRange({ ...range, period: 'range', timeZone: 'UTC' });
  const gaps = new Map<string, { query: string; count: number; lines: Set<string>; firstAt: string; lastAt: string; asked: Map<string, number> }>();
  for (const record of log) {
    if (record.resultCount > 0 || !inRange(record.at, range)) continue;
    const query = normaliseQuery(record.query);
    if (query === '') continue;
    const gap = gaps.get(query) ?? { query, count: 0, lines: new Set(), firstAt: record.at, lastAt: record.at, asked: new Map() };
    gap.count += 1;
    gap.lines.add(record.line);
    if (record.at < gap.firstAt) gap.firstAt = record.at;
    if (record.at > gap.lastAt) gap.lastAt = record.at;
    gap.asked.set(record.query, (gap.asked.get(record.query) ?? 0) + 1);
    gaps.set(query, gap);
  }
  return [...gaps.values()]
    .sort((a, b) => b.count - a.count || a.query.localeCompare(b.query))
    .slice(0, limit)
    .map(({ query, count, lines, firstAt, lastAt, asked }) => ({
      query,
      count,
      lines: [...lines].sort(),
      firstAt,
      lastAt,
      /** The most frequent wording as typed. */
      example: [...asked.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0],
    }));
}
