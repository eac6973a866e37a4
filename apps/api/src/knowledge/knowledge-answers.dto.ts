import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { RecordCommandResult } from '@switchboard/command-handling';
import type {
  ArticleContent,
  ArticleStanding,
  ArticleState,
  ArticleStatus,
  FieldChange,
  PendingProposal,
  PublicArticle,
  Season,
  StandingFlag,
  Translation,
} from '@switchboard/knowledge';
import type { SearchAnswer, SearchFlag, SearchHit, SearchKind } from '@switchboard/read-models';
import { ActorDto } from '../tickets/reading/ticket-view.dto';

/*
 * What the knowledge base's routes answer, as the OpenAPI document describes it. Each class
 * `implements` the domain's or the read side's interface it is built from, so the document cannot
 * drift from what the controllers return (the controllers return these classes).
 */

/** One language's version of an article: the question as residents ask it, and its answer. */
export class TranslationDto implements Translation {
  readonly title!: string;
  /** Plain text; links as bare URLs, lists as lines starting with "- ". */
  readonly answer!: string;
}

/** When an article applies: local dates, both ends included. */
export class SeasonDto implements Season {
  readonly from?: string;
  readonly until?: string;
}

/** The versions of an article by language code (`en` always, `es`, …). */
const TRANSLATIONS = { type: 'object', additionalProperties: { $ref: getSchemaPath(TranslationDto) } } as const;

/** What an article's field holds: text, a number (the review cycle), a list of words or codes, or a season. */
const FIELD_VALUE = [{ type: 'string' }, { type: 'number' }, { type: 'array', items: { type: 'string' } }, { $ref: getSchemaPath(SeasonDto) }];

/** Every field an article's author writes (docs/api.md, "The knowledge base"). */
export class ArticleContentDto implements ArticleContent {
  @ApiProperty(TRANSLATIONS)
  readonly translations!: Readonly<Record<string, TranslationDto>>;
  /** For the call taker only; never public. */
  readonly callTakerNote?: string;
  @ApiProperty({ type: [String] })
  readonly keywords!: readonly string[];
  @ApiProperty({ type: [String] })
  readonly synonyms!: readonly string[];
  /** Service types to open a ticket of when the article does not settle it. */
  @ApiProperty({ type: [String] })
  readonly serviceCodes!: readonly string[];
  readonly transferDepartment?: string;
  readonly season?: SeasonDto;
  readonly reviewEveryDays!: number;
}

/** One article of an export: its id and owner, then its content's fields, as the import format takes them. */
export class KnowledgeBaseFileArticleDto extends ArticleContentDto {
  readonly id!: string;
  readonly ownerDepartment!: string;
}

/** GET /knowledge/export: the published articles in the import format (what `SWITCHBOARD_KNOWLEDGE_BASE` takes). */
export class KnowledgeBaseFileDto {
  @ApiProperty({ type: [KnowledgeBaseFileArticleDto] })
  readonly articles!: readonly KnowledgeBaseFileArticleDto[];
}

/** A field as it changed: its path (`translations.es.answer`, `keywords`) and its value before and after (absent when unset). */
export class FieldChangeDto implements FieldChange {
  readonly field!: string;
  /** A string, a number, a list of strings or a season. */
  @ApiProperty({ required: false, oneOf: FIELD_VALUE })
  readonly before?: FieldChange['before'];
  @ApiProperty({ required: false, oneOf: FIELD_VALUE })
  readonly after?: FieldChange['after'];
}

/** A change waiting for the owner's decision. */
export class PendingProposalDto implements PendingProposal {
  readonly proposalId!: string;
  readonly proposedBy!: ActorDto;
  readonly proposedAt!: string;
  @ApiProperty({ type: [FieldChangeDto] })
  readonly changes!: readonly FieldChangeDto[];
  readonly reason!: string;
}

/** Whether an article may be served now, and what is wrong with it. */
export class ArticleStandingDto implements ArticleStanding {
  /** Published and in season: it may be given as the answer (flagged if its review is overdue). */
  readonly servable!: boolean;
  @ApiProperty({ enum: ['draft', 'retired', 'out_of_season', 'review_overdue'] satisfies StandingFlag[], isArray: true })
  readonly flags!: readonly StandingFlag[];
  /** When the next review falls due; absent until first published. */
  readonly reviewDueAt?: string;
}

/** An article folded from its stream. */
export class ArticleStateDto implements ArticleState {
  readonly status!: ArticleStatus;
  readonly articleId?: string;
  readonly ownerDepartment?: string;
  readonly content?: ArticleContentDto;
  /** Publications and revisions so far (not the stream's revision: the history answers that). */
  readonly revision!: number;
  readonly draftedAt?: string;
  readonly publishedAt?: string;
  /** The last publication, revision or review: where the review cycle counts from. */
  readonly reviewedAt?: string;
  readonly updatedAt?: string;
  readonly retiredAt?: string;
  @ApiProperty({ type: [PendingProposalDto] })
  readonly pendingProposals!: readonly PendingProposalDto[];
}

/** GET /knowledge/articles/{id}: the article with everything its owner and call takers see, and its standing now. */
export class ArticleView {
  readonly article!: ArticleStateDto;
  readonly standing!: ArticleStandingDto;
}

/** One article of a list: what a department head needs to see what to look at first. */
export class ArticleListEntry {
  readonly articleId!: string;
  readonly ownerDepartment!: string;
  readonly status!: ArticleStatus;
  /** The English title (every article has one). */
  readonly title!: string;
  @ApiProperty({ type: [String] })
  readonly languages!: readonly string[];
  /** Publications and revisions so far (0 for a draft never published). */
  readonly revision!: number;
  readonly updatedAt?: string;
  readonly standing!: ArticleStandingDto;
  /** How many proposed changes wait for the owner. */
  readonly pendingProposals!: number;
}

/** GET /knowledge/articles: stale first (overdue for review, out of season), then by title. */
export class ArticleList {
  @ApiProperty({ type: [ArticleListEntry] })
  readonly articles!: readonly ArticleListEntry[];
}

/** One recorded event of an article, with the state it moved between. */
export class ArticleHistoryEntry {
  /** The stream revision the event was stored at (0 for the first). */
  readonly revision!: number;
  readonly type!: string;
  readonly occurredAt!: string;
  readonly actor?: ActorDto;
  readonly commandId?: string;
  readonly statusBefore!: ArticleStatus;
  readonly statusAfter!: ArticleStatus;
  /** What the event records: field changes (before and after), notes, reasons, proposal ids. */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** GET /knowledge/articles/{id}/history. */
export class ArticleHistory {
  readonly articleId!: string;
  /** The stream's revision now: what `If-Match` takes. */
  readonly revision!: number;
  /** The actions (`POST …/<action>`) the article's lifecycle would let the caller take now. */
  @ApiProperty({ type: [String] })
  readonly allowedActions!: readonly string[];
  @ApiProperty({ type: [ArticleHistoryEntry] })
  readonly events!: readonly ArticleHistoryEntry[];
}

/** An article or service type found for a resident's words. */
export class SearchHitDto implements SearchHit {
  readonly kind!: SearchKind;
  /** The article id or the service code. */
  readonly ref!: string;
  /** The language of the version that matched. */
  readonly language!: string;
  readonly title!: string;
  readonly ownerDepartment!: string | null;
  readonly score!: number;
  /** Empty for a current answer; otherwise each reason it is not (shown, never silently served). */
  @ApiProperty({ enum: ['retired', 'out_of_season', 'review_overdue'] satisfies SearchFlag[], isArray: true })
  readonly flags!: readonly SearchFlag[];
}

/** Where a search was recorded: the contact's stream, at this revision and position. */
export class RecordedSearchDto {
  readonly contactId!: string;
  readonly revision!: number;
  readonly position!: string;
}

/** GET /public/knowledge/search: ranked answers and service types. */
export class SearchAnswerDto implements SearchAnswer {
  @ApiProperty({ type: [SearchHitDto] })
  readonly hits!: readonly SearchHitDto[];
  /** The words searched for after spelling correction, e.g. `recyling` → `recycling`. */
  @ApiProperty({ type: [String] })
  readonly searchedFor!: readonly string[];
}

/** GET /knowledge/search: the answer, and where the search was logged when it named its contact. */
export class StaffSearchAnswerDto extends SearchAnswerDto {
  readonly recorded?: RecordedSearchDto;
}

/** GET /public/knowledge/articles/{id}: a published article's public fields only. */
export class PublicArticleDto implements PublicArticle {
  readonly articleId!: string;
  readonly revision!: number;
  readonly ownerDepartment!: string;
  @ApiProperty(TRANSLATIONS)
  readonly translations!: Readonly<Record<string, TranslationDto>>;
  @ApiProperty({ type: [String] })
  readonly keywords!: readonly string[];
  @ApiProperty({ type: [String] })
  readonly serviceCodes!: readonly string[];
  readonly transferDepartment?: string;
  readonly season?: SeasonDto;
  readonly updatedAt!: string;
}

/** What a command of an article or a contact answers. */
export class RecordCommandResultDto implements RecordCommandResult {
  /** The article's or contact's id. */
  readonly id!: string;
  /** The stream's revision after the command (also sent as `ETag`). */
  readonly revision!: number;
  /** Global position of the command's last event: queries can wait for read models to reach it. */
  readonly position!: string;
  readonly status!: string;
  /** Types of the events the command recorded, in order. */
  @ApiProperty({ type: [String] })
  readonly events!: readonly string[];
}
