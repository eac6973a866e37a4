import type { Actor } from '@switchboard/ticketing';
import { type BusinessRule, type Guard, hasRole, headOf, type MachineEvent, type PermissionRule } from '../shared/rules';
import type { ArticleCommand } from './article-commands';
import { changesTo } from './article-content';
import type { ArticleState } from './article-state';

/** What the article lifecycle's guards look at: the folded article. */
export interface ArticleContext {
  readonly article: ArticleState;
}

export type ArticleMachineEvent = MachineEvent<ArticleCommand>;
export type ArticleGuard = Guard<ArticleContext, ArticleMachineEvent>;

/** The department that owns the article, or that a draft names as its owner. */
export const owningDepartment = (article: ArticleState, event: ArticleMachineEvent): string | undefined =>
  article.ownerDepartment ?? (event.type === 'DraftArticle' ? event.ownerDepartment : undefined);

const ownerOrDirector = (actor: Actor, context: ArticleContext, event: ArticleMachineEvent) =>
  hasRole(actor, 'director') || headOf(actor, owningDepartment(context.article, event));
const theOwner: PermissionRule<ArticleGuard>['whoMay'] = [{ role: 'department_head', department: 'D' }, { role: 'director' }];

/**
 * Who-may rules of the knowledge base, one per kind of act. `D` in `whoMay` is the article's
 * owner department. An answer is the owner department's word, so only its head (or the director)
 * writes, publishes, reviews and retires it; anyone who answers residents may propose a change.
 */
export const ARTICLE_PERMISSION_RULES = {
  departmentHeadsWriteTheirDepartmentsArticles: { check: ({ context, event }) => ownerOrDirector(event.actor, context, event), whoMay: theOwner },
  departmentHeadsPublishTheirDepartmentsArticles: { check: ({ context, event }) => ownerOrDirector(event.actor, context, event), whoMay: theOwner },
  departmentHeadsReviewTheirDepartmentsArticles: { check: ({ context, event }) => ownerOrDirector(event.actor, context, event), whoMay: theOwner },
  departmentHeadsRetireTheirDepartmentsArticles: { check: ({ context, event }) => ownerOrDirector(event.actor, context, event), whoMay: theOwner },
  operatorsAndCityStaffProposeChanges: {
    check: ({ event }) => hasRole(event.actor, 'operator', 'staff', 'department_head', 'director'),
    whoMay: [{ role: 'operator' }, { role: 'staff' }, { role: 'department_head' }, { role: 'director' }],
  },
  theOwningDepartmentsHeadDecidesOnProposals: { check: ({ context, event }) => ownerOrDirector(event.actor, context, event), whoMay: theOwner },
} satisfies Record<string, PermissionRule<ArticleGuard>>;

const field = <C extends ArticleCommand['type']>(event: ArticleMachineEvent, _type: C) => event as Extract<ArticleMachineEvent, { type: C }>;
const changed = (context: ArticleContext, event: ArticleMachineEvent) => {
  const { changes } = field(event, 'ReviseArticle');
  return context.article.content !== undefined && changesTo(context.article.content, changes).length > 0;
};
const pending = (context: ArticleContext, event: ArticleMachineEvent) =>
  context.article.pendingProposals.some((p) => p.proposalId === field(event, 'AcceptChange').proposalId);

/** Business rules of the article lifecycle: each names the command field it judges. */
export const ARTICLE_BUSINESS_RULES = {
  aChangeChangesSomething: {
    check: ({ context, event }) => changed(context, event),
    field: 'changes',
    message: 'the article already says this; change at least one field',
  },
  onlyAPendingProposalIsDecidedOn: {
    check: ({ context, event }) => pending(context, event),
    field: 'proposalId',
    message: 'no pending proposal has this id (it was never made, or is already accepted or declined)',
  },
} satisfies Record<string, BusinessRule<ArticleGuard>>;

export type ArticleRuleName = keyof typeof ARTICLE_PERMISSION_RULES | keyof typeof ARTICLE_BUSINESS_RULES;
