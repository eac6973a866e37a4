import { setup } from 'xstate';
import { guardsOf, when } from '../shared/lifecycle';
import { ARTICLE_BUSINESS_RULES, ARTICLE_PERMISSION_RULES, type ArticleContext, type ArticleMachineEvent, type ArticleRuleName } from './article-rules';
import type { ArticleStatus } from './article-state';

const to = (target: ArticleStatus, ...rules: ArticleRuleName[]) => when(target, ...rules);

/** Proposals can be made, accepted and declined on drafts and on published articles alike. */
const proposals = (self: ArticleStatus) => ({
  ProposeChange: to(self, 'operatorsAndCityStaffProposeChanges', 'aChangeChangesSomething'),
  AcceptChange: to(self, 'theOwningDepartmentsHeadDecidesOnProposals', 'onlyAPendingProposalIsDecidedOn'),
  DeclineChange: to(self, 'theOwningDepartmentsHeadDecidesOnProposals', 'onlyAPendingProposalIsDecidedOn'),
});

/**
 * The article lifecycle: draft → published → (revised: a new revision, still published) … →
 * retired. A revision takes effect at once, so "revised" is a fact and a revision number, not a
 * state of its own. Like the ticket's machine it never runs as an actor; decisions ask it.
 */
export const articleLifecycle = setup({
  types: { context: {} as ArticleContext, events: {} as ArticleMachineEvent, input: {} as ArticleContext },
  guards: guardsOf({ permissions: ARTICLE_PERMISSION_RULES, business: ARTICLE_BUSINESS_RULES }),
}).createMachine({
  id: 'article',
  initial: 'unwritten',
  context: ({ input }) => input,
  states: {
    unwritten: {
      description: 'No history yet: the id is free.',
      on: { DraftArticle: to('draft', 'departmentHeadsWriteTheirDepartmentsArticles') },
    },
    draft: {
      description: 'Being written; not served to anyone.',
      on: {
        EditDraft: to('draft', 'departmentHeadsWriteTheirDepartmentsArticles', 'aChangeChangesSomething'),
        PublishArticle: to('published', 'departmentHeadsPublishTheirDepartmentsArticles'),
        RetireArticle: to('retired', 'departmentHeadsRetireTheirDepartmentsArticles'),
        ...proposals('draft'),
      },
    },
    published: {
      description: 'Served to call takers and, in its public fields, to residents.',
      on: {
        ReviseArticle: to('published', 'departmentHeadsWriteTheirDepartmentsArticles', 'aChangeChangesSomething'),
        ReviewArticle: to('published', 'departmentHeadsReviewTheirDepartmentsArticles'),
        RetireArticle: to('retired', 'departmentHeadsRetireTheirDepartmentsArticles'),
        ...proposals('published'),
      },
    },
    retired: {
      description: 'Out of service; its history stays, and its owner may publish it again.',
      on: { PublishArticle: to('published', 'departmentHeadsPublishTheirDepartmentsArticles') },
    },
  },
});
