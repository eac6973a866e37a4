/** One language's version of an article: the question as residents ask it, and its answer. */
export interface Translation {
  readonly title: string;
  /** Plain text; links as bare URLs, lists as lines starting with "- ". */
  readonly answer: string;
}

/** When an article applies (election-day hours, a renewal period): local dates, both ends included. */
export interface Season {
  readonly from?: string;
  readonly until?: string;
}

/** Every field an article's author writes. Owner department and id are set once, at drafting. */
export interface ArticleContent {
  /** Versions by language code (`en`, `es`, …); English is required. */
  readonly translations: Readonly<Record<string, Translation>>;
  /** For the call taker only ("ask for the parcel id"); never public. */
  readonly callTakerNote?: string;
  readonly keywords: readonly string[];
  /** Other words residents use for it ("car tax" for motor vehicle excise). */
  readonly synonyms: readonly string[];
  /** Service types to open a ticket of when the article does not settle it (catalog codes). */
  readonly serviceCodes: readonly string[];
  /** The department to transfer the caller to when the answer is not enough (a catalog code). */
  readonly transferDepartment?: string;
  readonly season?: Season;
  /** How often the owner must confirm the answer still holds. */
  readonly reviewEveryDays: number;
}

/** A change to an article's content: the fields given replace the current ones; `null` removes an optional field or a translation. */
export interface ArticleChanges {
  readonly translations?: Readonly<Record<string, Translation | null>>;
  readonly callTakerNote?: string | null;
  readonly keywords?: readonly string[];
  readonly synonyms?: readonly string[];
  readonly serviceCodes?: readonly string[];
  readonly transferDepartment?: string | null;
  readonly season?: Season | null;
  readonly reviewEveryDays?: number;
}

type Json = string | number | readonly string[] | Season;

/**
 * One field of an article as it changed: its path (`translations.es.answer`, `keywords`, …)
 * and its value before and after (absent when the field was not set). Revisions, draft edits and
 * proposals record these, so an audit reads who changed what from what to what off the log.
 */
export interface FieldChange {
  readonly field: string;
  readonly before?: Json;
  readonly after?: Json;
}

export const REQUIRED_LANGUAGE = 'en';
const TRANSLATION_FIELDS = ['title', 'answer'] as const;

/** An article's content as one flat map of field paths to values. */
function flatten(content: ArticleContent): Map<string, Json> {
  const flat = new Map<string, Json>();
  for (const [language, translation] of Object.entries(content.translations)) {
    for (const part of TRANSLATION_FIELDS) flat.set(`translations.${language}.${part}`, translation[part]);
  }
  for (const [field, value] of Object.entries(content)) if (field !== 'translations' && value !== undefined) flat.set(field, value as Json);
  return flat;
}

function unflatten(flat: Map<string, Json>): ArticleContent {
  const translations: Record<string, Record<string, string>> = {};
  const rest: Record<string, Json> = {};
  for (const [path, value] of flat) {
    const [head, language, part] = path.split('.');
    if (head === 'translations') (translations[language] ??= {})[part] = value as string;
    else rest[path] = value;
  }
  return { ...rest, translations } as unknown as ArticleContent;
}

/** The field changes from one content to another, in a stable order (translations first, by language). */
export function diffContent(before: ArticleContent, after: ArticleContent): FieldChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const fields = [...new Set([...a.keys(), ...b.keys()])].sort();
  return fields
    .filter((field) => JSON.stringify(a.get(field)) !== JSON.stringify(b.get(field)))
    .map((field) => ({ field, ...(a.has(field) ? { before: a.get(field) } : {}), ...(b.has(field) ? { after: b.get(field) } : {}) }));
}

/** Content with recorded field changes applied (their `after` values; a missing `after` removes the field). */
export function applyFieldChanges(content: ArticleContent, changes: readonly Pick<FieldChange, 'field' | 'after'>[]): ArticleContent {
  const flat = flatten(content);
  for (const { field, after } of changes) {
    if (after === undefined) flat.delete(field);
    else flat.set(field, after);
  }
  return unflatten(flat);
}

/** The field values a change asks for, as field changes without `before`. */
export function requestedFields(changes: ArticleChanges): Pick<FieldChange, 'field' | 'after'>[] {
  const requested: Pick<FieldChange, 'field' | 'after'>[] = [];
  for (const [language, translation] of Object.entries(changes.translations ?? {})) {
    for (const part of TRANSLATION_FIELDS) requested.push({ field: `translations.${language}.${part}`, ...(translation ? { after: translation[part] } : {}) });
  }
  for (const [field, value] of Object.entries(changes)) {
    if (field !== 'translations' && value !== undefined) requested.push({ field, ...(value === null ? {} : { after: value as Json }) });
  }
  return requested;
}

/** What a change would actually change in this content (before and after), empty when nothing. */
export const changesTo = (content: ArticleContent, changes: ArticleChanges): FieldChange[] =>
  diffContent(content, applyFieldChanges(content, requestedFields(changes)));
