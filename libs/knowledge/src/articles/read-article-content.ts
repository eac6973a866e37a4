import { type ConfigReader, fieldPath } from '@switchboard/ticketing';
import { readIsoDate, readText, readTextList } from '../shared/reading';
import { type ArticleChanges, type ArticleContent, REQUIRED_LANGUAGE, type Season, type Translation } from './article-content';

export const ARTICLE_LIMITS = { title: 200, answer: 8000, callTakerNote: 2000, word: 80, words: 60, serviceCodes: 10, reviewEveryDays: 730 } as const;
const LANGUAGE = /^[a-z]{2,3}$/;
const CONTENT_FIELDS = ['translations', 'callTakerNote', 'keywords', 'synonyms', 'serviceCodes', 'transferDepartment', 'season', 'reviewEveryDays'] as const;

function readTranslation(reader: ConfigReader, value: unknown, path: string): Translation | undefined {
  const fields = reader.object(value, path, ['title', 'answer']);
  if (!fields) return undefined;
  const title = readText(reader, fields.title, fieldPath(path, 'title'), ARTICLE_LIMITS.title);
  const answer = readText(reader, fields.answer, fieldPath(path, 'answer'), ARTICLE_LIMITS.answer);
  return title !== undefined && answer !== undefined ? { title, answer } : undefined;
}

/** The languages of a translation map, each a lower-case ISO 639 code; `nullable` allows `null` (remove the language). */
function readTranslations(reader: ConfigReader, value: unknown, path: string, nullable: boolean): Record<string, Translation | null> | undefined {
  const map = reader.object(value, path, Object.keys((value ?? {}) as object));
  if (!map) return undefined;
  const translations: Record<string, Translation | null> = {};
  for (const [language, translation] of Object.entries(map)) {
    const at = fieldPath(path, language);
    if (!LANGUAGE.test(language)) reader.report(at, 'must be a language code of two or three lower-case letters, e.g. "en", "es"');
    else if (translation === null && nullable && language === REQUIRED_LANGUAGE) reader.report(at, 'cannot be removed: every article has an English version');
    else if (translation === null && nullable) translations[language] = null;
    else {
      const read = readTranslation(reader, translation, at);
      if (read) translations[language] = read;
    }
  }
  return translations;
}

function readSeason(reader: ConfigReader, value: unknown, path: string): Season | undefined {
  const fields = reader.object(value, path, ['from', 'until']);
  if (!fields) return undefined;
  const from = readIsoDate(reader, fields.from, fieldPath(path, 'from'), true);
  const until = readIsoDate(reader, fields.until, fieldPath(path, 'until'), true);
  if (fields.from === undefined && fields.until === undefined) reader.report(path, 'needs a "from" date, an "until" date or both');
  if (from && until && from > until) reader.report(fieldPath(path, 'until'), `must not be before "from" (${from})`);
  return { ...(from ? { from } : {}), ...(until ? { until } : {}) };
}

function readReviewEveryDays(reader: ConfigReader, value: unknown, path: string): number | undefined {
  const days = reader.integer(value, path);
  if (days === undefined || (days >= 1 && days <= ARTICLE_LIMITS.reviewEveryDays)) return days;
  reader.report(path, `must be from 1 to ${ARTICLE_LIMITS.reviewEveryDays} days (got ${days})`);
  return undefined;
}

/** The optional fields and lists, read where they are given. */
function readOtherFields(reader: ConfigReader, fields: Record<string, unknown>, path: string, nullable: boolean): Record<string, unknown> {
  const read: Record<string, unknown> = {};
  const at = (field: string) => fieldPath(path, field);
  const optional = (field: string, readValue: () => unknown) => {
    if (fields[field] === undefined) return;
    read[field] = fields[field] === null && nullable ? null : readValue();
  };
  optional('callTakerNote', () => readText(reader, fields.callTakerNote, at('callTakerNote'), ARTICLE_LIMITS.callTakerNote));
  optional('transferDepartment', () => reader.string(fields.transferDepartment, at('transferDepartment')));
  optional('season', () => readSeason(reader, fields.season, at('season')));
  for (const list of ['keywords', 'synonyms', 'serviceCodes'] as const) {
    optional(list, () => {
      const words = readTextList(reader, fields[list], at(list), ARTICLE_LIMITS.word);
      const most = list === 'serviceCodes' ? ARTICLE_LIMITS.serviceCodes : ARTICLE_LIMITS.words;
      if (words && words.length > most) reader.report(at(list), `must have at most ${most} entries (got ${words.length})`);
      return words;
    });
  }
  optional('reviewEveryDays', () => readReviewEveryDays(reader, fields.reviewEveryDays, at('reviewEveryDays')));
  return read;
}

/** A whole article content from untrusted JSON (a draft, an import): English, keywords, synonyms, service codes and review cycle required. */
export function readArticleContent(reader: ConfigReader, value: unknown, path: string): ArticleContent | undefined {
  const fields = reader.object(value, path, CONTENT_FIELDS);
  if (!fields) return undefined;
  const before = reader.problems.length;
  const translations = readTranslations(reader, fields.translations, fieldPath(path, 'translations'), false);
  if (translations && !translations[REQUIRED_LANGUAGE] && !reader.problems.some((p) => p.path.startsWith(fieldPath(path, 'translations')))) {
    reader.report(fieldPath(path, `translations.${REQUIRED_LANGUAGE}`), 'is required: every article has an English version');
  }
  for (const required of ['keywords', 'synonyms', 'serviceCodes', 'reviewEveryDays']) {
    if (fields[required] === undefined) reader.report(fieldPath(path, required), 'is required');
  }
  const rest = readOtherFields(reader, fields, path, false);
  return reader.problems.length === before ? ({ ...rest, translations } as ArticleContent) : undefined;
}

/** A change from untrusted JSON: any content fields, `null` removing an optional one or a translation other than English. */
export function readArticleChanges(reader: ConfigReader, value: unknown, path: string): ArticleChanges | undefined {
  const fields = reader.object(value, path, CONTENT_FIELDS);
  if (!fields) return undefined;
  const before = reader.problems.length;
  if (Object.keys(fields).length === 0) reader.report(path, `must change at least one of ${CONTENT_FIELDS.join(', ')}`);
  const translations = fields.translations === undefined ? undefined : readTranslations(reader, fields.translations, fieldPath(path, 'translations'), true);
  const rest = readOtherFields(reader, fields, path, true);
  return reader.problems.length === before ? ({ ...rest, ...(translations ? { translations } : {}) } as ArticleChanges) : undefined;
}
