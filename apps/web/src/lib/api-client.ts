import type { paths } from './api-schema';
import type { AnswerOf, DeleteRoute, GetRoute, PostRoute, Problem, PutRoute, RequestParams } from './api-types';

/** An API answer that was not 2xx, with the problem the API sent (or one made up for a network failure). */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

export interface CommandOptions {
  /** The revision the person saw: sent as If-Match, so a stale view gets 412 instead of overwriting. */
  readonly revision?: number;
  /** Makes the request safe to retry (a retried claim answers the first claim). */
  readonly idempotencyKey?: string;
}

/** The public HTTP API as the signed-in person: every call carries their token and nothing else. */
export class ApiClient {
  constructor(
    readonly token: string,
    /** Called when the API stops accepting the token (expired, revoked): the console signs out. */
    private readonly onUnauthorized: (problem: Problem) => void = () => undefined,
  ) {}

  /** GET a route of the API's document, e.g. `get('/tickets/{id}', { path: { id } })`; empty query values are left out. */
  get<R extends GetRoute>(route: R, params: RequestParams<R, 'get'>, signal?: AbortSignal): Promise<AnswerOf<R, 'get'>> {
    const { path, query } = params as { path?: Readonly<Record<string, string>>; query?: Readonly<Record<string, unknown>> };
    const search = new URLSearchParams(
      Object.entries(query ?? {})
        .filter(([, value]) => value !== undefined && value !== '')
        .map(([name, value]) => [name, String(value)]),
    );
    const url = `${pathOf(route, path)}${search.size > 0 ? `?${search}` : ''}`;
    return this.send<AnswerOf<R, 'get'>>(url, { method: 'GET', headers: this.headers(), signal });
  }

  /** POST to a route of the API's document (a command), with the JSON `body`. */
  post<R extends PostRoute>(route: R, params: RequestParams<R, 'post'>, body: unknown = {}, options: CommandOptions = {}): Promise<AnswerOf<R, 'post'>> {
    return this.command('POST', route, params, body, options);
  }

  /** PUT to a route of the API's document (a command that sets a whole record, e.g. a roster), with the JSON `body`. */
  put<R extends PutRoute>(route: R, params: RequestParams<R, 'put'>, body: unknown, options: CommandOptions = {}): Promise<AnswerOf<R, 'put'>> {
    return this.command('PUT', route, params, body, options);
  }

  /** DELETE a route of the API's document (a command that takes something back), without a body. */
  delete<R extends DeleteRoute>(route: R, params: RequestParams<R, 'delete'>, options: CommandOptions = {}): Promise<AnswerOf<R, 'delete'>> {
    return this.command('DELETE', route, params, undefined, options);
  }

  /** Sends a command: If-Match from the revision seen, the Idempotency-Key given, the JSON body when there is one. */
  private command<T>(method: 'POST' | 'PUT' | 'DELETE', route: keyof paths, params: unknown, body: unknown, options: CommandOptions): Promise<T> {
    const headers = this.headers(body === undefined ? {} : { 'content-type': 'application/json' });
    if (options.revision !== undefined) headers['if-match'] = `W/"${options.revision}"`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const { path } = params as { path?: Readonly<Record<string, string>> };
    return this.send<T>(pathOf(route, path), { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  }

  /** Sends a multipart form (a photo upload) to a route of the API's document; the browser writes the boundary. */
  upload<R extends PostRoute>(route: R, params: RequestParams<R, 'post'>, form: FormData, options: CommandOptions = {}): Promise<AnswerOf<R, 'post'>> {
    const headers = this.headers();
    if (options.revision !== undefined) headers['if-match'] = `W/"${options.revision}"`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const { path } = params as { path?: Readonly<Record<string, string>> };
    return this.send<AnswerOf<R, 'post'>>(pathOf(route, path), { method: 'POST', headers, body: form });
  }

  /**
   * The bytes of a GET route (a photo) as an object URL: an <img> cannot send the token itself. The
   * caller revokes it (URL.revokeObjectURL) when the image leaves the page.
   */
  async objectUrl(route: GetRoute, path: Readonly<Record<string, string>>, signal?: AbortSignal): Promise<string> {
    const response = await fetch(pathOf(route, path), { headers: { authorization: `Bearer ${this.token}` }, signal });
    if (!response.ok)
      throw new ApiProblem({ statusCode: response.status, error: `HTTP ${response.status}`, message: `${response.status} ${response.statusText}` });
    return URL.createObjectURL(await response.blob());
  }

  /** Reports a 401 received outside `get`/`post` (the live feed), so the console signs out the same way. */
  unauthorized(problem: Problem): void {
    this.onUnauthorized(problem);
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, accept: 'application/json', ...extra };
  }

  private async send<T>(url: string, init: RequestInit): Promise<T> {
    let response: Response;
    try {
      response = await fetch(url, init);
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiProblem({ statusCode: 0, error: 'NetworkError', message: String((error as Error).message ?? error) });
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const problem =
        body && typeof body === 'object' && 'error' in body
          ? (body as Problem)
          : { statusCode: response.status, error: `HTTP ${response.status}`, message: text.slice(0, 200) || response.statusText };
      if (response.status === 401) this.onUnauthorized(problem);
      throw new ApiProblem(problem);
    }
    return body as T;
  }
}

/** A route of the API's document with its path parameters filled in, each percent-encoded: `pathOf('/tickets/{id}', { id })`. */
export function pathOf(route: keyof paths, path: Readonly<Record<string, string>> = {}): string {
  return route.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = path[name];
    if (value === undefined) throw new Error(`${route}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
}

/** A fresh idempotency key. */
export function newRequestKey(): string {
  return crypto.randomUUID();
}
