import type { Season, Translation } from './article-content';
import type { ArticleState } from './article-state';

/** What residents' apps may see of an article: published public fields only, never the call taker's note. */
export interface PublicArticle {
  readonly articleId: string;
  readonly revision: number;
  readonly ownerDepartment: string;
  readonly translations: Readonly<Record<string, Translation>>;
  readonly keywords: readonly string[];
  readonly serviceCodes: readonly string[];
  readonly transferDepartment?: string;
  readonly season?: Season;
  readonly updatedAt: string;
}

/** The public projection of a published article; undefined for drafts, retired articles and unknown ids. */
export function publicArticle(article: ArticleState): PublicArticle | undefined {
  if (article.status !== 'published' || !article.content) return undefined;
  const { translations, keywords, serviceCodes, transferDepartment, season } = article.content;
  return {
    articleId: article.articleId!,
    revision: article.revision,
    ownerDepartment: article.ownerDepartment!,
    translations,
    keywords,
    serviceCodes,
    ...(transferDepartment ? { transferDepartment } : {}),
    ...(season ? { season } : {}),
    updatedAt: article.updatedAt!,
  };
}
