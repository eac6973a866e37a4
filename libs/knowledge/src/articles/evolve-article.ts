import type { Actor } from '@switchboard/ticketing';
import { applyFieldChanges } from './article-content';
import type { StampedArticleEvent } from './article-events';
import { type ArticleState, initialArticleState } from './article-state';

const withoutProposal = (state: ArticleState, proposalId: string) => state.pendingProposals.filter((p) => p.proposalId !== proposalId);

/**
 * Folds one recorded article event into the article. It never judges: whatever was recorded
 * happened. Changes apply their recorded `after` values, so the fold needs no rule of today.
 */
export function evolveArticle(state: ArticleState, event: StampedArticleEvent): ArticleState {
  const at = event.metadata.occurredAt;
  const touched = { ...state, updatedAt: at };
  switch (event.type) {
    case 'ArticleDrafted':
      return {
        ...initialArticleState,
        status: 'draft',
        articleId: event.data.articleId,
        ownerDepartment: event.data.ownerDepartment,
        content: event.data.content,
        draftedAt: at,
        updatedAt: at,
      };
    case 'DraftEdited':
      return { ...touched, content: applyFieldChanges(state.content!, event.data.changes) };
    case 'ArticlePublished':
      return { ...touched, status: 'published', revision: event.data.revision, publishedAt: at, reviewedAt: at, retiredAt: undefined };
    case 'ArticleRevised':
      return { ...touched, revision: event.data.revision, content: applyFieldChanges(state.content!, event.data.changes), reviewedAt: at };
    case 'ArticleReviewed':
      return { ...state, reviewedAt: at };
    case 'ChangeProposed': {
      const proposal = {
        proposalId: event.data.proposalId,
        proposedBy: event.metadata.actor as Actor,
        proposedAt: at,
        changes: event.data.changes,
        reason: event.data.reason,
      };
      return { ...state, pendingProposals: [...state.pendingProposals, proposal] };
    }
    case 'ChangeAccepted':
    case 'ChangeDeclined':
      return { ...state, pendingProposals: withoutProposal(state, event.data.proposalId) };
    case 'ArticleRetired':
      return { ...touched, status: 'retired', retiredAt: at };
    default:
      return state;
  }
}

/** Folds a stream's events, in order, into the article they describe. */
export const foldArticle = (events: readonly StampedArticleEvent[], from: ArticleState = initialArticleState): ArticleState =>
  events.reduce(evolveArticle, from);
