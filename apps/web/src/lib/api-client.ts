import type { Problem } from './api-types';

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

  get<T>(path: string, query: Record<string, string | undefined> = {}, signal?: AbortSignal): Promise<T> {
    const search = new URLSearchParams(Object.entries(query).filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== ''));
    const url = `${path}${search.size > 0 ? `?${search}` : ''}`;
    return this.send<T>(url, { method: 'GET', headers: this.headers(), signal });
  }

  post<T>(path: string, body: unknown = {}, options: CommandOptions = {}): Promise<T> {
    const headers = this.headers({ 'content-type': 'application/json' });
    if (options.revision !== undefined) headers['if-match'] = `W/"${options.revision}"`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    return this.send<T>(path, { method: 'POST', headers, body: JSON.stringify(body) });
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
      const problem = body && typeof body === 'object' && 'error' in body ? (body as Problem) : { statusCode: response.status, error: `HTTP ${response.status}`, message: text.slice(0, 200) || response.statusText };
      if (response.status === 401) this.onUnauthorized(problem);
      throw new ApiProblem(problem);
    }
    return body as T;
  }
}

/** A fresh idempotency key. */
export function newRequestKey(): string {
  return crypto.randomUUID();
}
