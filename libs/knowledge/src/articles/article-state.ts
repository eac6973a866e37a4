import type { Actor } from '@switchboard/ticketing';
import type { ArticleContent, FieldChange } from './article-content';

export const ARTICLE_STATUSES = ['unwritten', 'draft', 'published', 'retired'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** A change waiting for the owner's decision. */
export interface PendingProposal {
  readonly proposalId: string;
  readonly proposedBy: Actor;
  readonly proposedAt: string;
  readonly changes: readonly FieldChange[];
  readonly reason: string;
}

/** An article folded from its stream. */
export interface ArticleState {
  readonly status: ArticleStatus;
  readonly articleId?: string;
  readonly ownerDepartment?: string;
  readonly content?: ArticleContent;
  /** 0 until first published; each publication and revision adds one. */
  readonly revision: number;
  readonly draftedAt?: string;
  readonly publishedAt?: string;
  /** The last publication, revision or review: where the review cycle counts from. */
  readonly reviewedAt?: string;
  readonly updatedAt?: string;
  readonly retiredAt?: string;
  readonly pendingProposals: readonly PendingProposal[];
}

export const initialArticleState: ArticleState = { status: 'unwritten', revision: 0, pendingProposals: [] };
