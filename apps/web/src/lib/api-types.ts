/**
 * The console's wire types (docs/api.md), taken from the API's OpenAPI document wherever it
 * describes them: `api-schema.d.ts` is generated from that document (`npm run api-types`), and
 * `npm run typecheck` fails when it is stale. From the document: every route and its path
 * parameters, the query parameters of each route, and the request bodies of the commands. The
 * document does not describe the answers yet (the controllers return interfaces, which the
 * @nestjs/swagger plugin cannot see), nor the error shape or the queue feed's events; those are
 * declared here by hand. Each answer type takes the document's schema as soon as the document has
 * one (see `AnswerOf`), so a response DTO added to the API replaces the hand-made type after
 * `npm run api-types`, and a page reading a field the API does not send fails to compile.
 */
import type { paths } from './api-schema';

// ——— Routes, parameters and bodies: from the document ———

type Method = 'get' | 'post';

/** The routes of the document that answer `method` (path templates, e.g. `/tickets/{id}`). */
export type RouteOf<M extends Method> = { [R in keyof paths]: paths[R] extends { readonly [K in M]: object } ? R : never }[keyof paths];
export type GetRoute = RouteOf<'get'>;
export type PostRoute = RouteOf<'post'>;

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

/** The ticket commands: `POST /tickets/{id}/<route>`. */
export type CommandRoute = PostRoute extends infer R ? (R extends `/tickets/{id}/${infer C}` ? C : never) : never;

/** The JSON body a ticket command takes. */
export type CommandBody<C extends CommandRoute> =
  Operation<`/tickets/{id}/${C}`, 'post'> extends { readonly requestBody: { readonly content: { readonly 'application/json': infer B } } } ? B : never;

// ——— Answers: the document's schema where it has one, else declared here ———

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

/** What a route answers on success. */
export type AnswerOf<R extends keyof paths, M extends Method> = DescribedOr<
  JsonOf<Success<Operation<R, M>>>,
  `${M} ${R}` extends keyof DeclaredAnswers ? DeclaredAnswers[`${M} ${R}`] : unknown
>;

export type Role = 'operator' | 'staff' | 'department_head' | 'director' | 'resident';

export type Me = AnswerOf<'/me', 'get'>;
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

/** The answers the document does not describe yet, by `<method> <route>`. */
type DeclaredAnswers = {
  readonly 'get /me': DeclaredMe;
  readonly 'get /departments': DeclaredCatalog;
  readonly 'get /departments/{id}/queue': DeclaredQueue;
  readonly 'get /metrics/completion': DeclaredCompletionReport;
  readonly 'get /escalations': DeclaredEscalationsPage;
  readonly 'get /tickets': DeclaredTicketList;
  readonly 'get /tickets/{id}': DeclaredTicketView;
  readonly 'get /tickets/{id}/history': DeclaredTicketHistory;
  readonly 'post /departments/{id}/queue/claim': DeclaredCommandAnswer;
} & { readonly [C in CommandRoute as `post /tickets/{id}/${C}`]: DeclaredCommandAnswer };

interface DeclaredMe {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly department: string | null;
  /** What the read rules let the caller read and claim: the console shows what they allow, it does not restate them. */
  readonly may: {
    readonly readQueuesOf: readonly string[];
    readonly claimFromQueuesOf: readonly string[];
    readonly completionMetricsBy: readonly ('department' | 'service' | 'channel')[];
    readonly escalations: boolean;
    readonly staffApi: boolean;
  };
  /** The API's clock: the console's "now". */
  readonly now: string;
}

interface DeclaredCatalog {
  readonly timeZone: string;
  readonly departments: readonly {
    readonly id: string;
    readonly name: string;
    readonly mainLineRoutedTo311?: boolean;
    readonly services: readonly { readonly code: string; readonly name: string }[];
  }[];
}

interface DeclaredQueueEntry {
  readonly ticketId: string;
  readonly revision: number;
  readonly status: string;
  readonly assignee: string | null;
  readonly priority: string;
  readonly escalationTier: number;
  readonly onHold: boolean;
  readonly openedAt: string;
  readonly ageSeconds?: number;
  readonly dueAt: string | null;
  readonly overdue: boolean;
  readonly overdueSince: string | null;
  readonly atRisk?: boolean;
  readonly serviceCode: string;
  readonly channel: string;
  readonly department: string;
  readonly description: string;
  readonly address: string | null;
  /** The work commands the caller may send for this ticket now, as the API's lifecycle judges them. */
  readonly actions: readonly string[];
}

interface DeclaredQueue {
  readonly department: string;
  readonly asOf: string;
  readonly entries: readonly DeclaredQueueEntry[];
}

interface DeclaredDurationFigures {
  readonly samples: number;
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
  readonly medianBusinessHours: number | null;
  readonly p90BusinessHours: number | null;
}

interface DeclaredCompletionReport {
  readonly from: string;
  readonly to: string;
  readonly asOf?: string;
  readonly source?: string;
  readonly groupBy: string;
  readonly period: string;
  readonly timeZone: string;
  readonly figures: readonly {
    readonly group: string;
    readonly period: string;
    readonly periodStart: string;
    readonly periodEnd: string;
    readonly opened: number;
    readonly completed: number;
    readonly closedWithoutCompletion: number;
    readonly completionRate: number | null;
    readonly backlogAtPeriodEnd: number;
    readonly timeToAssign: DeclaredDurationFigures;
    readonly timeToComplete: DeclaredDurationFigures;
    readonly onTimeRate: number | null;
    readonly escalationRate: number | null;
    readonly reopenRate: number | null;
    readonly firstContactResolutionRate: number | null;
  }[];
}

interface DeclaredEscalationsPage {
  readonly tickets: readonly {
    readonly ticketId: string;
    readonly department: string;
    readonly serviceCode: string;
    readonly status: string;
    readonly priority: string;
    readonly assignee: string | null;
    readonly tier: number;
    readonly reason: string | null;
    readonly escalatedAt: string | null;
    readonly dueAt: string | null;
    readonly overdueSince: string | null;
    readonly overdue: boolean;
    readonly breachedAt: string | null;
    readonly atRisk: boolean;
    readonly atRiskAt: string | null;
  }[];
  readonly nextCursor: string | null;
}

interface DeclaredTicketList {
  readonly tickets: readonly (DeclaredQueueEntry & { readonly updatedAt: string })[];
  readonly nextCursor: string | null;
}

interface DeclaredTicketView {
  readonly ticketId?: string;
  readonly status: string;
  readonly serviceCode?: string;
  readonly owningDepartment?: string;
  readonly channel?: string;
  readonly priority?: string;
  readonly openedAt?: string;
  readonly department?: string;
  readonly assignee?: string;
  readonly escalationTier: number;
  readonly dueAt?: string;
  readonly overdueSince?: string;
  readonly completedAt?: string;
  readonly closeReason?: string;
  readonly reopenCount: number;
  readonly revision: number;
  readonly description?: string;
  readonly location?: { readonly address?: string; readonly latitude?: number; readonly longitude?: number };
  readonly contact?: { readonly name?: string; readonly phone?: string; readonly email?: string };
  readonly allowedCommands: readonly string[];
}

interface DeclaredTicketHistory {
  readonly ticketId: string;
  readonly events: readonly {
    readonly revision: number;
    readonly position: string;
    readonly type: string;
    readonly data: Record<string, unknown>;
    readonly actor: unknown;
    readonly occurredAt: string;
    readonly stateBefore: string;
    readonly stateAfter: string;
  }[];
}

interface DeclaredCommandAnswer {
  readonly ticketId: string;
  readonly revision: number;
  readonly position: string;
}

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
