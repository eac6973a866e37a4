import { wallTimeOf } from '@switchboard/ticketing';
import type { ArticleState } from './article-state';

const DAY_MS = 86_400_000;

/** Why an article must not be served as if all were well; search and the operator's screen show these. */
export type StandingFlag = 'draft' | 'retired' | 'out_of_season' | 'review_overdue';

export interface ArticleStanding {
  /** Published and in season: it may be given as the answer (flagged if its review is overdue). */
  readonly servable: boolean;
  readonly flags: readonly StandingFlag[];
  /** When the next review falls due (ISO); absent until first published. */
  readonly reviewDueAt?: string;
}

/** The local date ('YYYY-MM-DD') of an instant in a time zone. */
export const localDateOf = (instant: Date, timeZone: string): string => new Date(wallTimeOf(timeZone, instant.getTime())).toISOString().slice(0, 10);

/**
 * Whether an article may be served at `now`, and what is wrong with it: not yet published,
 * retired, outside its season (local dates in the city's `timeZone`, both ends included) or past
 * its review date (the last publication, revision or review plus the review cycle).
 */
export function articleStanding(article: ArticleState, now: Date, timeZone: string): ArticleStanding {
  const flags: StandingFlag[] = [];
  if (article.status === 'draft' || article.status === 'unwritten') flags.push('draft');
  if (article.status === 'retired') flags.push('retired');
  const season = article.content?.season;
  const today = localDateOf(now, timeZone);
  if (season && ((season.from !== undefined && today < season.from) || (season.until !== undefined && today > season.until))) flags.push('out_of_season');
  const reviewDue = article.reviewedAt && article.content ? Date.parse(article.reviewedAt) + article.content.reviewEveryDays * DAY_MS : undefined;
  if (reviewDue !== undefined && now.getTime() > reviewDue) flags.push('review_overdue');
  return {
    servable: article.status === 'published' && !flags.includes('out_of_season'),
    flags,
    ...(reviewDue !== undefined ? { reviewDueAt: new Date(reviewDue).toISOString() } : {}),
  };
}
