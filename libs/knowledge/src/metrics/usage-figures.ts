import type { ContactState } from '../contacts/contact-state';
import { checkRange, inRange, localClock, type MetricsRange } from './metrics-range';

/** The articles operators answered from most, over contacts started in [from, to): contacts that used each, and uses. */
export function topArticles(contacts: readonly ContactState[], range: Pick<MetricsRange, 'from' | 'to'>, limit = 10) {
  const counts = new Map<string, ArticleUses>();
  for (const contact of contacts) {
    if (!inRange(contact.startedAt, range)) continue;
    const used = contact.steps.flatMap((s) => (s.kind === 'article_used' ? [s.articleId] : []));
    for (const articleId of used) {
      const entry = counts.get(articleId) ?? { articleId, contacts: 0, uses: 0 };
      entry.uses += 1;
      counts.set(articleId, entry);
    }
    for (const articleId of new Set(used)) counts.get(articleId)!.contacts += 1;
  }
  return rankArticleUses(counts.values(), limit);
}

/** Article uses as `topArticles` lists them: most contacts first, then uses, then id; the first `limit`. */
export function rankArticleUses(uses: Iterable<ArticleUses>, limit = 10): ArticleUses[] {
  return [...uses].sort((a, b) => b.contacts - a.contacts || b.uses - a.uses || a.articleId.localeCompare(b.articleId)).slice(0, limit);
}

/** One article's uses: contacts that used it (once each), and all uses. */
export interface ArticleUses {
  articleId: string;
  contacts: number;
  uses: number;
}

/** ISO weekday order, Monday first, as the heat map's rows. */
export const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/**
 * When each line is busiest, by local time in the city: contacts started in [from, to) per
 * weekday and hour (a 7 × 24 heat map, Monday first), the three busiest weekday-hours and the
 * five busiest dates (the busy seasons: a tax bill's due date, an election).
 */
export function busiestTimes(contacts: readonly ContactState[], range: Omit<MetricsRange, 'period'>) {
  checkRange({ ...range, period: 'range' });
  const lines = new Map<string, LineTimes>();
  for (const contact of contacts) {
    if (!inRange(contact.startedAt, range)) continue;
    const local = localClock(Date.parse(contact.startedAt), range.timeZone);
    countLineTime(lines, contact.line ?? 'unknown', (local.getUTCDay() + 6) % 7, local.getUTCHours(), local.toISOString().slice(0, 10), 1);
  }
  return busiestTimesOf(lines);
}

/** A line's contacts by weekday (0 = Monday) and hour, by local date, and in all. */
export interface LineTimes {
  readonly heat: number[][];
  readonly dates: Map<string, number>;
  total: number;
}

/** Adds `count` contacts of a line started on a local weekday (0 = Monday), hour and date. */
export function countLineTime(lines: Map<string, LineTimes>, line: string, weekday: number, hour: number, date: string, count: number): void {
  const entry = lines.get(line) ?? { heat: WEEKDAY_NAMES.map(() => new Array<number>(24).fill(0)), dates: new Map<string, number>(), total: 0 };
  entry.heat[weekday][hour] += count;
  entry.dates.set(date, (entry.dates.get(date) ?? 0) + count);
  entry.total += count;
  lines.set(line, entry);
}

/** `busiestTimes`' answer from each line's counts. */
export function busiestTimesOf(lines: ReadonlyMap<string, LineTimes>) {
  return [...lines.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([line, { heat, dates, total }]) => ({
      line,
      contacts: total,
      byWeekdayAndHour: heat,
      busiestHours: heat
        .flatMap((hours, day) => hours.map((count, hour) => ({ weekday: WEEKDAY_NAMES[day], hour, contacts: count })))
        .filter((slot) => slot.contacts > 0)
        .sort((a, b) => b.contacts - a.contacts)
        .slice(0, 3),
      busiestDates: [...dates.entries()]
        .map(([date, count]) => ({ date, contacts: count }))
        .sort((a, b) => b.contacts - a.contacts || a.date.localeCompare(b.date))
        .slice(0, 5),
    }));
}
