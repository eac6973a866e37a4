import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiExtraModels, ApiTags } from '@nestjs/swagger';
import type { ArticleCommandHandler } from '@switchboard/command-handling';
import {
  type ArticleCommandType,
  articleLifecycle,
  type ArticleState,
  type ArticleStatus,
  articleStanding,
  type StampedArticleEvent,
} from '@switchboard/knowledge';
import { projectedArticles, type ReadStore } from '@switchboard/read-models';
import type { Actor, ServiceCatalog } from '@switchboard/ticketing';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CATALOG } from '../catalog/catalog.module';
import { CLOCK, type Clock } from '../clock/clock';
import { ArticleNotFound } from '../errors/api-exceptions';
import { READ_STORE } from '../read-models/read-models.module';
import { ReadYourWrites } from '../read-your-writes/read-your-writes';
import { ArticleHistory, type ArticleHistoryEntry, ArticleList, type ArticleListEntry, TranslationDto } from './knowledge-answers.dto';
import { ArticleListQueryDto } from './article-list-query.dto';
import { ARTICLE_COMMANDS } from './knowledge.providers';

/** Stale first (overdue for review, out of season), then by title. */
const staleFirst = (a: ArticleListEntry, b: ArticleListEntry): number =>
  stale(b) - stale(a) || a.title.localeCompare(b.title) || a.articleId.localeCompare(b.articleId);
const stale = (entry: ArticleListEntry): number => (entry.standing.flags.some((flag) => flag === 'review_overdue' || flag === 'out_of_season') ? 1 : 0);

/** The routes' action words by command, as `POST /knowledge/articles/:id/<action>` takes them. */
const ACTION_OF: Readonly<Record<ArticleCommandType, string>> = {
  DraftArticle: 'draft',
  EditDraft: 'edit',
  PublishArticle: 'publish',
  ReviseArticle: 'revise',
  ReviewArticle: 'review',
  ProposeChange: 'propose',
  AcceptChange: 'accept',
  DeclineChange: 'decline',
  RetireArticle: 'retire',
};

/**
 * The actions the article lifecycle would accept from `actor` now, asked of the machine itself
 * with a probe of each command: a change that changes something, the first pending proposal.
 */
export function allowedArticleActions(article: ArticleState, actor: Actor, now: Date): string[] {
  if (article.status === 'unwritten' || !article.articleId) return [];
  const snapshot = articleLifecycle.resolveState({ value: article.status, context: { article } });
  const changes = { reviewEveryDays: (article.content?.reviewEveryDays ?? 0) + 1 };
  const proposalId = article.pendingProposals[0]?.proposalId ?? '';
  const probes: Partial<Record<ArticleCommandType, object>> = {
    EditDraft: { changes },
    ReviseArticle: { changes },
    ProposeChange: { changes, reason: 'probe' },
    AcceptChange: { proposalId },
    DeclineChange: { proposalId, reason: 'probe' },
    RetireArticle: { reason: 'probe' },
  };
  return (Object.keys(ACTION_OF) as ArticleCommandType[])
    .filter((type) => type !== 'DraftArticle')
    .filter((type) => snapshot.can({ type, articleId: article.articleId!, actor, now: now.getTime(), ...probes[type] } as never))
    .map((type) => ACTION_OF[type]);
}

/** Lists of articles for their owners, and an article's audit history: city staff only. */
@ApiTags('knowledge')
@ApiExtraModels(TranslationDto)
@Controller('knowledge/articles')
export class ArticleReadingController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
    @Inject(ARTICLE_COMMANDS) private readonly commands: ArticleCommandHandler,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** The knowledge base's articles (drafts too), narrowed by owner department and state; what is stale (overdue for review, out of season) first. */
  @Get()
  async list(@Query() query: ArticleListQueryDto): Promise<ArticleList> {
    await this.readYourWrites.reach(query.position);
    const now = this.clock.now();
    const timeZone = this.catalog.config.calendar.timeZone;
    const articles = (await projectedArticles(this.readStore.db))
      .filter((article) => article.articleId && article.ownerDepartment && article.content)
      .filter((article) => query.department === undefined || article.ownerDepartment === query.department)
      .filter((article) => query.status === undefined || article.status === query.status)
      .map((article): ArticleListEntry => ({
        articleId: article.articleId!,
        ownerDepartment: article.ownerDepartment!,
        status: article.status,
        title: article.content!.translations.en?.title ?? article.articleId!,
        languages: Object.keys(article.content!.translations),
        revision: article.revision,
        ...(article.updatedAt ? { updatedAt: article.updatedAt } : {}),
        standing: articleStanding(article, now, timeZone),
        pendingProposals: article.pendingProposals.length,
      }));
    return { articles: articles.sort(staleFirst) };
  }

  /** Every event of the article in order (read from its own stream): who did what, when, each changed field before and after; and what the caller may do now. */
  @Get(':id/history')
  async history(@Param('id') articleId: string, @CurrentActor() actor: Actor): Promise<ArticleHistory> {
    const record = await this.commands.load(articleId);
    if (record.revision === undefined) throw new ArticleNotFound(articleId);
    let before: ArticleStatus = 'unwritten';
    const events = record.steps.map((step): ArticleHistoryEntry => {
      const event = step.event as StampedArticleEvent | undefined;
      const entry: ArticleHistoryEntry = {
        revision: step.stored.revision,
        type: event?.type ?? step.stored.type,
        occurredAt: event?.metadata.occurredAt ?? step.stored.recordedAt.toISOString(),
        actor: event?.metadata.actor,
        ...(event?.metadata.commandId ? { commandId: event.metadata.commandId } : {}),
        statusBefore: before,
        statusAfter: step.stateAfter.status,
        data: event?.data,
      };
      before = step.stateAfter.status;
      return entry;
    });
    return { articleId, revision: record.revision, allowedActions: allowedArticleActions(record.state, actor, this.clock.now()), events };
  }
}
