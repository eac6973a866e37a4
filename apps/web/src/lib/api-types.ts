/**
 * The console's wire types (docs/api.md), taken from the API's OpenAPI document: `api-schema.d.ts`
 * is generated from that document (`npm run api-types`), and `npm run typecheck` fails when it is
 * stale. From the document: every route and its path parameters, the query parameters of each
 * route, the request bodies of the commands, and the success answers of the routes the console
 * calls (the API's response DTOs, so a page reading a field the API does not send fails to
 * compile). Declared here by hand only what the document cannot describe: the error answer (the
 * API's problem shape is one exception filter's output, not a route's answer, so the document
 * describes no error answers) and the queue feed's events (text/event-stream: OpenAPI describes
 * the stream, not the events in it).
 */
import type { paths } from './api-schema';

// ——— Routes, parameters and bodies: from the document ———

type Method = 'get' | 'post' | 'put' | 'delete';

/** The routes of the document that answer `method` (path templates, e.g. `/tickets/{id}`). */
export type RouteOf<M extends Method> = { [R in keyof paths]: paths[R] extends { readonly [K in M]: object } ? R : never }[keyof paths];
export type GetRoute = RouteOf<'get'>;
export type PostRoute = RouteOf<'post'>;
export type PutRoute = RouteOf<'put'>;
export type DeleteRoute = RouteOf<'delete'>;

type Operation<R extends keyof paths, M extends Method> = NonNullable<paths[R][M]>;

/** The path and query parameters a route takes, as the document declares them (`{ path: { id }, query: { … } }`). */
export type RequestParams<R extends keyof paths, M extends Method> =
  Operation<R, M> extends { readonly parameters: infer P } ? Pick<P, ('path' & keyof P) | ('query' & keyof P)> : never;

/** The query parameters of a GET route. */
export type QueryOf<R extends GetRoute> = NonNullable<RequestParams<R, 'get'> extends { readonly query?: infer Q } ? Q : never>;
export type QueueQuery = QueryOf<'/departments/{id}/queue'>;
export type CompletionQuery = QueryOf<'/metrics/completion'>;
export type EscalationsQuery = QueryOf<'/escalations'>;
export type TicketListQuery = QueryOf<'/tickets'>;

/** The ticket commands: `POST /tickets/{id}/<route>` (not the erasure of its resident data, which is no lifecycle command and answers otherwise). */
export type CommandRoute = PostRoute extends infer R ? (R extends `/tickets/{id}/${infer C}` ? (C extends 'erase-resident-data' ? never : C) : never) : never;

/** The JSON body a ticket command takes. */
export type CommandBody<C extends CommandRoute> =
  Operation<`/tickets/{id}/${C}`, 'post'> extends { readonly requestBody: { readonly content: { readonly 'application/json': infer B } } } ? B : never;

// ——— Answers: from the document ———

/** A JSON schema of the document that says nothing of its content: absent, or a bare object. */
type Undescribed<T> = [T] extends [never] ? true : unknown extends T ? true : T extends Record<string, never> ? true : false;

/** `Described` unless the document left it undescribed; then `Declared`. */
export type DescribedOr<Described, Declared> = Undescribed<Described> extends true ? Declared : Described;

type Success<O> = O extends { readonly responses: infer S }
  ? S extends { readonly 200: infer A }
    ? A
    : S extends { readonly 201: infer A }
      ? A
      : never
  : never;
type JsonOf<A> = A extends { readonly content: { readonly 'application/json': infer J } } ? J : never;

/** What a route answers on success; `unknown` (so a page reading it fails to compile) where the document describes no answer. */
export type AnswerOf<R extends keyof paths, M extends Method> = DescribedOr<JsonOf<Success<Operation<R, M>>>, unknown>;

export type Me = AnswerOf<'/me', 'get'>;
export type Role = Me['role'];
export type Catalog = AnswerOf<'/departments', 'get'>;
export type DepartmentInfo = Catalog['departments'][number];
export type ServiceInfo = DepartmentInfo['services'][number];
export type Queue = AnswerOf<'/departments/{id}/queue', 'get'>;
export type QueueEntry = Queue['entries'][number];
export type CompletionReport = AnswerOf<'/metrics/completion', 'get'>;
export type CompletionFigures = CompletionReport['figures'][number];
export type DurationFigures = CompletionFigures['timeToComplete'];
export type EscalationsPage = AnswerOf<'/escalations', 'get'>;
export type EscalationView = EscalationsPage['tickets'][number];
export type TicketList = AnswerOf<'/tickets', 'get'>;
export type TicketSummary = TicketList['tickets'][number];
export type TicketView = AnswerOf<'/tickets/{id}', 'get'>;
export type TicketHistory = AnswerOf<'/tickets/{id}/history', 'get'>;
export type HistoryEntry = TicketHistory['events'][number];
/** What a command answers. */
export type CommandAnswer = AnswerOf<'/tickets/{id}/start', 'post'>;

// ——— Not in the document at all ———

/** A change the queue feed sends (`GET /departments/{id}/queue/events`, text/event-stream: the document cannot describe its events). */
export interface QueueChange {
  readonly ticketId: string;
  readonly kind: 'added' | 'updated' | 'removed';
  readonly entry: { readonly revision: number } | null;
}

/** An error answer: `{ statusCode, error, message, …details }` (the document describes no error answers). */
export interface Problem {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
  readonly correlationId?: string;
  readonly problems?: readonly { readonly field: string; readonly message: string }[];
  readonly whoMay?: readonly { readonly role: string; readonly department?: string }[];
  readonly rule?: string;
  readonly state?: string;
  readonly command?: string;
  readonly allowed?: readonly string[];
  readonly currentRevision?: number;
  readonly what?: string;
  readonly id?: string;
}

// ——— The knowledge base: answers from the document; the command bodies declared (the commands take any JSON object, judged by the domain) ———

export type ArticleView = AnswerOf<'/knowledge/articles/{id}', 'get'>;
export type ArticleState = ArticleView['article'];
export type ArticleStanding = ArticleView['standing'];
export type ArticleContent = NonNullable<ArticleState['content']>;
export type ArticleTranslation = ArticleContent['translations'][string];
export type PendingProposal = ArticleState['pendingProposals'][number];
export type FieldChange = PendingProposal['changes'][number];
export type ArticleList = AnswerOf<'/knowledge/articles', 'get'>;
export type ArticleListEntry = ArticleList['articles'][number];
export type ArticleListQuery = QueryOf<'/knowledge/articles'>;
export type ArticleHistory = AnswerOf<'/knowledge/articles/{id}/history', 'get'>;
export type ArticleHistoryEntry = ArticleHistory['events'][number];
export type KnowledgeSearch = AnswerOf<'/knowledge/search', 'get'>;
export type KnowledgeHit = KnowledgeSearch['hits'][number];
/** What an article command answers. */
export type ArticleCommandAnswer = AnswerOf<'/knowledge/articles/{id}/{action}', 'post'>;
export type ContactView = AnswerOf<'/contacts/{id}', 'get'>;
/** What a contact command answers. */
export type ContactCommandAnswer = AnswerOf<'/contacts/{id}/{action}', 'post'>;

/** A change to an article's content: the fields given replace the current ones; `null` removes an optional one. */
export type ArticleChanges = {
  readonly [K in keyof ArticleContent]?: K extends 'translations'
    ? Readonly<Record<string, ArticleTranslation | null>>
    : undefined extends ArticleContent[K]
      ? ArticleContent[K] | null
      : ArticleContent[K];
};

// ——— Contact metrics: answers from the document ———

export type ContactMetricsQuery = QueryOf<'/metrics/contacts'>;
export type ContactMetricsReport = AnswerOf<'/metrics/contacts', 'get'>;
export type ContactCounts = ContactMetricsReport['contacts'][number];
export type TransferFigures = ContactMetricsReport['transfers'][number];
export type CallbackFigures = ContactMetricsReport['callbacks'][number];
export type ArticleUse = ContactMetricsReport['topArticles'][number];
export type KnowledgeGapsReport = AnswerOf<'/metrics/contacts/gaps', 'get'>;
export type KnowledgeGap = KnowledgeGapsReport['gaps'][number];
export type BusiestTimesReport = AnswerOf<'/metrics/contacts/busiest', 'get'>;
export type LineBusiestTimes = BusiestTimesReport['lines'][number];
