import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiExtraModels, ApiTags } from '@nestjs/swagger';
import { articleStanding, knowledgeBaseFileOf, localDateOf, publicArticle } from '@switchboard/knowledge';
import { KnowledgeSearchIndex, projectedArticle, projectedArticles, type ReadStore, type SearchAnswer } from '@switchboard/read-models';
import type { ServiceCatalog } from '@switchboard/ticketing';
import { OpenToResidents } from '../auth/resident-boundary';
import { CATALOG } from '../catalog/catalog.module';
import { CLOCK, type Clock } from '../clock/clock';
import { ArticleNotFound } from '../errors/api-exceptions';
import { READ_STORE } from '../read-models/read-models.module';
import { ReadYourWrites } from '../read-your-writes/read-your-writes';
import { ReadPositionQuery } from '../read-your-writes/read-position.query';
import type { ContactCommandHandler } from '@switchboard/command-handling';
import { CONTACT_COMMANDS } from '../contacts/contacts.providers';
import { type CommandMeta, CommandMetadata } from '../tickets/command-handling/command-meta';
import { ArticleView, KnowledgeBaseFileDto, PublicArticleDto, SearchAnswerDto, StaffSearchAnswerDto, TranslationDto } from './knowledge-answers.dto';
import { KnowledgeSearchQueryDto, StaffKnowledgeSearchQueryDto } from './knowledge-query.dto';

/** Searching the knowledge base and reading its articles: call takers' and department staff's view. */
@ApiTags('knowledge')
@ApiExtraModels(TranslationDto)
@Controller('knowledge')
export class KnowledgeController {
  constructor(
    private readonly index: KnowledgeSearchIndex,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(CONTACT_COMMANDS) private readonly contacts: ContactCommandHandler,
  ) {}

  /**
   * Articles and service types ranked for a resident's words, each flagged when retired, out of
   * season or overdue for review. With `contactId`, the search is recorded on that contact
   * (`KnowledgeSearched`: the search log of the gaps list) before it is answered; the contact
   * domain judges it (an open contact, its own operator), and `recorded` says where it went.
   */
  @Get('search')
  async search(@Query() query: StaffKnowledgeSearchQueryDto, @CommandMetadata() meta: CommandMeta): Promise<StaffSearchAnswerDto> {
    await this.readYourWrites.reach(query.position);
    const answer = await searchAt(this.index, this.clock.now(), this.catalog, query);
    if (query.contactId === undefined) return answer;
    const recorded = await this.contacts.execute(
      {
        type: 'RecordSearch',
        contactId: query.contactId,
        query: query.q,
        ...(query.language ? { language: query.language } : {}),
        resultCount: answer.hits.length,
      },
      meta,
    );
    return { ...answer, recorded: { contactId: recorded.id, revision: recorded.revision, position: recorded.position } };
  }

  /**
   * The published articles in the import format, ordered by id: a file `SWITCHBOARD_KNOWLEDGE_BASE`
   * imports into another Switchboard (or this one after a new log). Drafts and retired articles are
   * left out, since an import publishes every article it holds.
   */
  @Get('export')
  async export(@Query() query: ReadPositionQuery): Promise<KnowledgeBaseFileDto> {
    await this.readYourWrites.reach(query.position);
    return knowledgeBaseFileOf(await projectedArticles(this.readStore.db));
  }

  /** An article with everything its owner and call takers see (the call-taker note too) and its standing now. */
  @Get('articles/:id')
  async article(@Param('id') articleId: string, @Query() query: ReadPositionQuery): Promise<ArticleView> {
    await this.readYourWrites.reach(query.position);
    const article = await projectedArticle(this.readStore.db, articleId);
    if (!article) throw new ArticleNotFound(articleId);
    return { article, standing: articleStanding(article, this.clock.now(), this.catalog.config.calendar.timeZone) };
  }
}

/**
 * The residents' read-only knowledge base: published, in-season answers and their public fields
 * only (never a call taker's note), for residents' apps with an Open311 api_key.
 */
@ApiTags('knowledge')
@ApiExtraModels(TranslationDto)
@OpenToResidents()
@Controller('public/knowledge')
export class PublicKnowledgeController {
  constructor(
    private readonly index: KnowledgeSearchIndex,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
  ) {}

  /** Answers and service types for a resident's words; what is retired, out of season or due for review is left out. */
  @Get('search')
  async search(@Query() query: KnowledgeSearchQueryDto): Promise<SearchAnswerDto> {
    const answer = await searchAt(this.index, this.clock.now(), this.catalog, query);
    return { ...answer, hits: answer.hits.filter((hit) => hit.flags.length === 0) };
  }

  /** A published article's public fields in every language it has. */
  @Get('articles/:id')
  async article(@Param('id') articleId: string): Promise<PublicArticleDto> {
    const article = await projectedArticle(this.readStore.db, articleId);
    const shown = article && articleStanding(article, this.clock.now(), this.catalog.config.calendar.timeZone).servable ? publicArticle(article) : undefined;
    if (!shown) throw new ArticleNotFound(articleId);
    return shown;
  }
}

function searchAt(index: KnowledgeSearchIndex, now: Date, catalog: ServiceCatalog, query: KnowledgeSearchQueryDto): Promise<SearchAnswer> {
  return index.search(query.q, {
    now,
    today: localDateOf(now, catalog.config.calendar.timeZone),
    language: query.language,
    limit: query.limit === undefined ? undefined : Number(query.limit),
  });
}
