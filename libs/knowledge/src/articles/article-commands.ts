import type { ArticleChanges, ArticleContent } from './article-content';

/** Article ids are readable slugs, e.g. `city-hall-hours`: they appear in links and call notes. */
export const ARTICLE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_ARTICLE_ID_LENGTH = 80;
export const MAX_REASON_LENGTH = 2000;

type Command<Type extends string, Fields> = Readonly<{ type: Type; articleId: string } & Fields>;

/** Starts an article as a draft of its owner department. */
export type DraftArticle = Command<'DraftArticle', { ownerDepartment: string; content: ArticleContent }>;
/** Changes a draft before it is first published. */
export type EditDraft = Command<'EditDraft', { changes: ArticleChanges }>;
/** Makes the draft (or a retired article, again) what call takers and residents are served. */
export type PublishArticle = Command<'PublishArticle', object>;
/** A new revision of a published article, served at once. */
export type ReviseArticle = Command<'ReviseArticle', { changes: ArticleChanges; note?: string }>;
/** The owner confirms the published answer still holds: the review cycle starts again. */
export type ReviewArticle = Command<'ReviewArticle', { note?: string }>;
/** Someone who answers residents suggests a change for the owner to accept or decline. */
export type ProposeChange = Command<'ProposeChange', { changes: ArticleChanges; reason: string }>;
export type AcceptChange = Command<'AcceptChange', { proposalId: string; note?: string }>;
export type DeclineChange = Command<'DeclineChange', { proposalId: string; reason: string }>;
/** Takes the article out of service; its history stays. */
export type RetireArticle = Command<'RetireArticle', { reason: string }>;

export type ArticleCommand =
  DraftArticle | EditDraft | PublishArticle | ReviseArticle | ReviewArticle | ProposeChange | AcceptChange | DeclineChange | RetireArticle;

export type ArticleCommandType = ArticleCommand['type'];
