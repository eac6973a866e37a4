import { changesOf, contentOf, EMPTY_ARTICLE_FORM, formOf, listOf, nothingChanged } from '../../src/lib/article-form';
import { fieldInWords, flagsInWords, seasonInWords, valueInWords } from '../../src/lib/knowledge-words';

const content = {
  translations: { en: { title: 'When is leaf pickup?', answer: 'On trash day.' }, es: { title: '¿Hojas?', answer: 'El día de la basura.' } },
  callTakerNote: 'Ask for the address.',
  keywords: ['leaves'],
  synonyms: ['leaf collection'],
  serviceCodes: ['BULK'],
  season: { from: '2026-10-01', until: '2026-12-15' },
  reviewEveryDays: 180,
};

describe('the article form', () => {
  it('reads lists separated by commas, dropping empty items', () => {
    expect(listOf(' trash, garbage ,, recycling ')).toEqual(['trash', 'garbage', 'recycling']);
  });

  it('round-trips content, keeping the linked services it does not edit', () => {
    expect(contentOf(formOf(content), content)).toEqual(content);
    expect(contentOf({ ...EMPTY_ARTICLE_FORM, enTitle: ' Q ', enAnswer: 'A' })).toEqual({
      translations: { en: { title: 'Q', answer: 'A' } },
      keywords: [],
      synonyms: [],
      serviceCodes: [],
      reviewEveryDays: 180,
    });
  });

  it('sends only what changed; emptied optional fields and the Spanish version are removed with null', () => {
    const before = formOf(content);
    expect(nothingChanged(changesOf(before, { ...before, keywords: 'leaves' }))).toBe(true);
    expect(changesOf(before, { ...before, enAnswer: 'Mondays.', keywords: 'leaves, yard waste' })).toEqual({
      translations: { en: { title: 'When is leaf pickup?', answer: 'Mondays.' } },
      keywords: ['leaves', 'yard waste'],
    });
    expect(changesOf(before, { ...before, esTitle: '', esAnswer: '', callTakerNote: '', seasonFrom: '', seasonUntil: '', reviewEveryDays: '90' })).toEqual({
      translations: { es: null },
      callTakerNote: null,
      season: null,
      reviewEveryDays: 90,
    });
    expect(changesOf(before, { ...before, seasonUntil: '' })).toEqual({ season: { from: '2026-10-01' } });
  });
});

describe('the knowledge base in words', () => {
  it('names flags, fields, values and seasons', () => {
    expect(flagsInWords(['retired', 'out_of_season', 'review_overdue'])).toBe('retired, out of season, review overdue');
    expect(fieldInWords('translations.es.answer')).toBe('Answer (Spanish)');
    expect(fieldInWords('reviewEveryDays')).toBe('Review every (days)');
    expect(valueInWords(undefined)).toBe('(none)');
    expect(valueInWords(['a', 'b'])).toBe('a, b');
    expect(valueInWords({ from: '2026-10-01' })).toBe('from 2026-10-01');
    expect(seasonInWords(undefined)).toBe('all year');
    expect(seasonInWords({ from: '2026-10-01', until: '2026-12-15' })).toBe('2026-10-01 to 2026-12-15');
  });
});
