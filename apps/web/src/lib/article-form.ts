/** An article's content as the console's form holds it (all text), and back: content to draft, changes to revise or propose. Pure. */
import type { ArticleChanges, ArticleContent, ArticleTranslation } from './api-types';

export interface ArticleFormValues {
  readonly enTitle: string;
  readonly enAnswer: string;
  readonly esTitle: string;
  readonly esAnswer: string;
  readonly callTakerNote: string;
  /** Comma-separated. */
  readonly keywords: string;
  readonly synonyms: string;
  /** Local dates (YYYY-MM-DD) or empty. */
  readonly seasonFrom: string;
  readonly seasonUntil: string;
  readonly reviewEveryDays: string;
}

export const EMPTY_ARTICLE_FORM: ArticleFormValues = {
  enTitle: '',
  enAnswer: '',
  esTitle: '',
  esAnswer: '',
  callTakerNote: '',
  keywords: '',
  synonyms: '',
  seasonFrom: '',
  seasonUntil: '',
  reviewEveryDays: '180',
};

/** "trash, garbage ,, recycling" → ["trash", "garbage", "recycling"]. */
export const listOf = (text: string): string[] =>
  text
    .split(',')
    .map((word) => word.trim())
    .filter((word) => word !== '');

export function formOf(content: ArticleContent): ArticleFormValues {
  return {
    enTitle: content.translations.en?.title ?? '',
    enAnswer: content.translations.en?.answer ?? '',
    esTitle: content.translations.es?.title ?? '',
    esAnswer: content.translations.es?.answer ?? '',
    callTakerNote: content.callTakerNote ?? '',
    keywords: content.keywords.join(', '),
    synonyms: content.synonyms.join(', '),
    seasonFrom: content.season?.from ?? '',
    seasonUntil: content.season?.until ?? '',
    reviewEveryDays: String(content.reviewEveryDays),
  };
}

const translation = (title: string, answer: string): ArticleTranslation | undefined =>
  title.trim() === '' && answer.trim() === '' ? undefined : { title: title.trim(), answer: answer.trim() };

const seasonOf = (v: ArticleFormValues) =>
  v.seasonFrom === '' && v.seasonUntil === ''
    ? undefined
    : { ...(v.seasonFrom ? { from: v.seasonFrom } : {}), ...(v.seasonUntil ? { until: v.seasonUntil } : {}) };

/** A whole review cycle as typed; a value that is no whole number is sent as typed, for the API to name. */
const daysOf = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : (text as unknown as number));

/** The content a new draft is sent with (no linked services or transfer department: those stay as the article has them). */
export function contentOf(v: ArticleFormValues, kept: Pick<ArticleContent, 'serviceCodes' | 'transferDepartment'> = { serviceCodes: [] }): ArticleContent {
  const es = translation(v.esTitle, v.esAnswer);
  const season = seasonOf(v);
  return {
    translations: { en: { title: v.enTitle.trim(), answer: v.enAnswer.trim() }, ...(es ? { es } : {}) },
    ...(v.callTakerNote.trim() ? { callTakerNote: v.callTakerNote.trim() } : {}),
    keywords: listOf(v.keywords),
    synonyms: listOf(v.synonyms),
    serviceCodes: kept.serviceCodes,
    ...(kept.transferDepartment ? { transferDepartment: kept.transferDepartment } : {}),
    ...(season ? { season } : {}),
    reviewEveryDays: daysOf(v.reviewEveryDays),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what the form changed from `before`, as the API's `changes` (`null` removes an optional field or the Spanish version); empty when nothing. */
export function changesOf(before: ArticleFormValues, after: ArticleFormValues): ArticleChanges {
  const changes: Record<string, unknown> = {};
  const translations: Record<string, ArticleTranslation | null> = {};
  if (before.enTitle !== after.enTitle || before.enAnswer !== after.enAnswer) translations.en = { title: after.enTitle.trim(), answer: after.enAnswer.trim() };
  if (before.esTitle !== after.esTitle || before.esAnswer !== after.esAnswer) translations.es = translation(after.esTitle, after.esAnswer) ?? null;
  if (Object.keys(translations).length > 0) changes.translations = translations;
  if (before.callTakerNote !== after.callTakerNote) changes.callTakerNote = after.callTakerNote.trim() || null;
  if (!same(listOf(before.keywords), listOf(after.keywords))) changes.keywords = listOf(after.keywords);
  if (!same(listOf(before.synonyms), listOf(after.synonyms))) changes.synonyms = listOf(after.synonyms);
  if (!same(seasonOf(before), seasonOf(after))) changes.season = seasonOf(after) ?? null;
  if (before.reviewEveryDays.trim() !== after.reviewEveryDays.trim()) changes.reviewEveryDays = daysOf(after.reviewEveryDays);
  return changes as ArticleChanges;
}

export const nothingChanged = (changes: ArticleChanges): boolean => Object.keys(changes).length === 0;
