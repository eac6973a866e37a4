import type { ArticleState } from '../articles/article-state';

/** One article as the import format writes it: its id and owner, then its content's fields. */
export type KnowledgeBaseFileArticle = { readonly id: string; readonly ownerDepartment: string } & NonNullable<ArticleState['content']>;

/**
 * The published articles in the import format (`{ articles: [{ id, ownerDepartment, translations,
 * … }] }`, what `parseKnowledgeBase` reads and `npm start` imports), ordered by id: a knowledge
 * base exported from one city's Switchboard imports into another, or back after a rebuild. Drafts
 * and retired articles are left out, since an import publishes every article it holds.
 */
export function knowledgeBaseFileOf(articles: readonly ArticleState[]): { articles: KnowledgeBaseFileArticle[] } {
  return {
    articles: articles
      .filter((article) => article.status === 'published' && article.articleId && article.ownerDepartment && article.content)
      .map((article) => ({ id: article.articleId!, ownerDepartment: article.ownerDepartment!, ...article.content! }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}
