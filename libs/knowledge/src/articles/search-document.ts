import type { ArticleContent } from './article-content';

/** Field weights in PostgreSQL's letters; `SEARCH_WEIGHTS` gives the numbers (ts_rank's defaults, and FTS5 bm25 column weights). */
export type SearchWeight = 'A' | 'B' | 'C';
export const SEARCH_WEIGHTS: Readonly<Record<SearchWeight, number>> = { A: 1.0, B: 0.4, C: 0.2 };

export interface SearchField {
  readonly name: 'title' | 'synonyms' | 'keywords' | 'answer';
  readonly text: string;
  readonly weight: SearchWeight;
}

/** What to index for one language of an article: one document per translation. */
export interface SearchDocument {
  readonly articleId: string;
  readonly language: string;
  readonly fields: readonly SearchField[];
}

/**
 * The text both search stores index for an article, per language: title and synonyms weigh most
 * (they are the question as residents put it), then keywords, then the answer. Keywords and
 * synonyms are the article's, in whatever languages they were written, and go into every
 * language's document, so "donde voto" finds the polling-place article in any language.
 */
export function searchDocumentOf(article: { readonly articleId?: string; readonly content?: ArticleContent }): SearchDocument[] {
  if (!article.content || !article.articleId) return [];
  const { translations, synonyms, keywords } = article.content;
  return Object.entries(translations)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([language, { title, answer }]) => ({
      articleId: article.articleId!,
      language,
      fields: [
        { name: 'title', text: title, weight: 'A' },
        { name: 'synonyms', text: synonyms.join(', '), weight: 'A' },
        { name: 'keywords', text: keywords.join(', '), weight: 'B' },
        { name: 'answer', text: answer, weight: 'C' },
      ],
    }));
}
