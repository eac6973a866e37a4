import { type ArticleState, articleStanding, searchDocumentOf } from '@switchboard/knowledge';
import type { ServiceType } from '@switchboard/ticketing';
import type { SearchEntry } from './knowledge-search';

/**
 * What the index holds of an article: one entry per language, from the article domain's own
 * search documents (`searchDocumentOf`), with what flags a hit (status, season, review due).
 * Drafts and unwritten articles are not searchable.
 */
export function articleSearchEntries(article: ArticleState): SearchEntry[] {
  if (article.status !== 'published' && article.status !== 'retired') return [];
  const { reviewDueAt } = articleStanding(article, new Date(0), 'UTC');
  const season = article.content?.season;
  return searchDocumentOf(article).map((document) => {
    const text = (name: string) => document.fields.find((field) => field.name === name)?.text ?? '';
    return {
      kind: 'article',
      ref: document.articleId,
      language: document.language,
      title: article.content!.translations[document.language].title,
      synonyms: [text('synonyms')],
      keywords: [text('keywords')],
      body: text('answer'),
      ownerDepartment: article.ownerDepartment,
      status: article.status === 'retired' ? 'retired' : 'published',
      ...(season?.from !== undefined ? { validFrom: season.from } : {}),
      ...(season?.until !== undefined ? { validUntil: season.until } : {}),
      ...(reviewDueAt !== undefined ? { reviewDueAt } : {}),
    };
  });
}

/** What the index holds of a service type a resident can request: its name, keywords and description, in the catalog's language. */
export function serviceSearchEntries(service: ServiceType): SearchEntry[] {
  return [
    {
      kind: 'service',
      ref: service.code,
      language: 'en',
      title: service.name,
      synonyms: [],
      keywords: service.keywords,
      body: service.description,
      ownerDepartment: service.department,
      status: 'published',
    },
  ];
}
