import type { DecisionContext } from '@switchboard/ticketing';
import { type Decider, decideWith, type DecisionOf } from '../shared/decider';
import { notFound, type NotFound } from '../shared/domain-errors';
import type { ArticleCommand } from './article-commands';
import { type ArticleEvent, ARTICLE_SCHEMA_VERSIONS } from './article-events';
import { articleLifecycle } from './article-machine';
import { ARTICLE_BUSINESS_RULES, ARTICLE_PERMISSION_RULES, type ArticleContext, owningDepartment } from './article-rules';
import type { ArticleState } from './article-state';
import { emitArticleEvents } from './emit-article-events';
import { validateArticleCommand } from './validate-article-command';

/** The departments and service types an article command names must exist in today's catalog. */
function articleReferences(command: ArticleCommand, ctx: DecisionContext): NotFound | undefined {
  const content = command.type === 'DraftArticle' ? command.content : 'changes' in command ? command.changes : undefined;
  if (command.type === 'DraftArticle' && !ctx.catalog.department(command.ownerDepartment)) return notFound(command.type, 'department', command.ownerDepartment);
  const department = content?.transferDepartment;
  if (department && !ctx.catalog.department(department)) return notFound(command.type, 'department', department);
  const service = content?.serviceCodes?.find((code) => !ctx.catalog.service(code));
  return service ? notFound(command.type, 'service', service) : undefined;
}

/** The article decider: the lifecycle, its rules, and how articles are checked and recorded. */
export const articleDecider: Decider<ArticleCommand, ArticleState, ArticleEvent, ArticleContext> = {
  lifecycle: {
    machine: articleLifecycle,
    permissions: ARTICLE_PERMISSION_RULES,
    business: ARTICLE_BUSINESS_RULES,
    record: 'article',
    unborn: 'unwritten',
    starts: 'DraftArticle',
    idOf: (event) => event.articleId,
    departmentOf: (context, event) => owningDepartment(context.article, event),
  },
  validate: validateArticleCommand,
  contextOf: (article) => ({ article }),
  statusOf: (article) => article.status,
  references: articleReferences,
  emit: emitArticleEvents,
  schemaVersions: ARTICLE_SCHEMA_VERSIONS,
};

export type ArticleDecision = DecisionOf<ArticleEvent>;

/**
 * Decides what a command does to an article: its fields, then the lifecycle's who-may and
 * business rules, then the catalog's departments and service types; the stamped events or the
 * refusal. Pure: the time, actor, command id and catalog come in with `ctx`.
 */
export const decideArticle = (command: ArticleCommand, state: ArticleState, ctx: DecisionContext): ArticleDecision =>
  decideWith(articleDecider, command, state, ctx);
