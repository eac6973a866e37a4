import type { Fact, Stamped } from '../shared/stamp';
import type { ArticleContent, FieldChange } from './article-content';

export type ArticleDrafted = Fact<'ArticleDrafted', { articleId: string; ownerDepartment: string; content: ArticleContent }>;
/** A draft's fields as they changed; `proposalId` when the change was a proposal accepted. */
export type DraftEdited = Fact<'DraftEdited', { changes: readonly FieldChange[]; proposalId?: string }>;
/** Published (first, or again after retirement) as revision `revision`; a publication counts as a review. */
export type ArticlePublished = Fact<'ArticlePublished', { revision: number }>;
/** A published article's new revision: the fields changed, before and after. A revision counts as a review. */
export type ArticleRevised = Fact<'ArticleRevised', { revision: number; changes: readonly FieldChange[]; note?: string; proposalId?: string }>;
export type ArticleReviewed = Fact<'ArticleReviewed', { note?: string }>;
/** The change proposed, as it would change the article when proposed (before and after); the id is the command id. */
export type ChangeProposed = Fact<'ChangeProposed', { proposalId: string; changes: readonly FieldChange[]; reason: string }>;
export type ChangeAccepted = Fact<'ChangeAccepted', { proposalId: string; note?: string }>;
export type ChangeDeclined = Fact<'ChangeDeclined', { proposalId: string; reason: string }>;
export type ArticleRetired = Fact<'ArticleRetired', { reason: string }>;

/** Every fact that can happen to an article. */
export type ArticleEvent =
  ArticleDrafted | DraftEdited | ArticlePublished | ArticleRevised | ArticleReviewed | ChangeProposed | ChangeAccepted | ChangeDeclined | ArticleRetired;

export type ArticleEventType = ArticleEvent['type'];
export type StampedArticleEvent<E extends ArticleEvent = ArticleEvent> = Stamped<E>;

/** The schema version written today for each article event type. */
export const ARTICLE_SCHEMA_VERSIONS: Readonly<Record<ArticleEventType, number>> = {
  ArticleDrafted: 1,
  DraftEdited: 1,
  ArticlePublished: 1,
  ArticleRevised: 1,
  ArticleReviewed: 1,
  ChangeProposed: 1,
  ChangeAccepted: 1,
  ChangeDeclined: 1,
  ArticleRetired: 1,
};
