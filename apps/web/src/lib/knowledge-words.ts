/** The knowledge base's names in the words people read on screen. Pure. */

const FLAG: Record<string, string> = {
  draft: 'draft, not served',
  retired: 'retired',
  out_of_season: 'out of season',
  review_overdue: 'review overdue',
};

export const flagInWords = (flag: string): string => FLAG[flag] ?? flag.replace(/_/g, ' ');

/** "retired, review overdue"; empty when all is well. */
export const flagsInWords = (flags: readonly string[]): string => flags.map(flagInWords).join(', ');

const STATUS: Record<string, string> = { unwritten: 'not written', draft: 'draft', published: 'published', retired: 'retired' };
export const articleStatusInWords = (status: string): string => STATUS[status] ?? status;

const EVENT: Record<string, string> = {
  ArticleDrafted: 'Drafted',
  DraftEdited: 'Draft edited',
  ArticlePublished: 'Published',
  ArticleRevised: 'Revised',
  ArticleReviewed: 'Reviewed: the answer still holds',
  ChangeProposed: 'Change proposed',
  ChangeAccepted: 'Proposal accepted',
  ChangeDeclined: 'Proposal declined',
  ArticleRetired: 'Retired',
};
export const articleEventInWords = (type: string): string => EVENT[type] ?? type.replace(/([a-z])([A-Z])/g, '$1 $2');

const LANGUAGE: Record<string, string> = { en: 'English', es: 'Spanish' };
export const languageInWords = (code: string): string => LANGUAGE[code] ?? code;

const FIELD: Record<string, string> = {
  callTakerNote: 'Call-taker note',
  keywords: 'Keywords',
  synonyms: 'Synonyms',
  serviceCodes: 'Linked services',
  transferDepartment: 'Transfer to',
  season: 'Season',
  reviewEveryDays: 'Review every (days)',
};

/** `translations.es.answer` → "Answer (Spanish)"; `keywords` → "Keywords". */
export function fieldInWords(field: string): string {
  const [head, language, part] = field.split('.');
  if (head === 'translations' && language && part) return `${part === 'title' ? 'Title' : 'Answer'} (${languageInWords(language)})`;
  return FIELD[field] ?? field;
}

/** A recorded value in words: lists joined, a season as its dates, nothing as "(none)". */
export function valueInWords(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  if (typeof value === 'object') {
    const { from, until } = value as { from?: string; until?: string };
    return seasonInWords({ from, until });
  }
  return String(value);
}

export function seasonInWords(season: { from?: string; until?: string } | undefined): string {
  if (!season || (!season.from && !season.until)) return 'all year';
  if (season.from && season.until) return `${season.from} to ${season.until}`;
  return season.from ? `from ${season.from}` : `until ${season.until}`;
}

/** The article actions (`POST /knowledge/articles/:id/<action>`) by route word: the button's label. */
export const ACTION_LABEL: Record<string, string> = {
  edit: 'Edit draft',
  publish: 'Publish',
  revise: 'Revise',
  review: 'Mark reviewed',
  propose: 'Propose a change',
  accept: 'Accept',
  decline: 'Decline',
  retire: 'Retire',
};
