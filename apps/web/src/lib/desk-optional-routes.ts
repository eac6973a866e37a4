import { type ApiClient, ApiProblem } from './api-client';
import type { GetRoute, PostRoute } from './api-types';

/**
 * Routes the desk uses that the API's document may not have yet (possible duplicates, phone
 * coverage, resident look-up). While a route is not in the document it is called by its path,
 * and an API that does not serve it answers `404 what: "route"` (or, under `/tickets/`, a 404 for
 * a ticket named like the route's last word): that is `undefined` here ("this API does not offer
 * it"), so the desk says so instead of failing. Once the route is in the
 * document, the call type-checks as any other.
 */
export type OptionalGetRoute = '/tickets/possible-duplicates' | '/departments/{code}/phone-coverage/now' | '/residents';

export async function getIfServed<T>(
  api: ApiClient,
  route: OptionalGetRoute,
  params: { path?: Record<string, string>; query?: Record<string, string | undefined> },
  signal?: AbortSignal,
): Promise<T | undefined> {
  try {
    return (await api.get(route as GetRoute, params as never, signal)) as T;
  } catch (error) {
    if (notServed(error, route)) return undefined;
    throw error;
  }
}

function notServed(error: unknown, route: string): boolean {
  if (!(error instanceof ApiProblem) || error.problem.statusCode !== 404) return false;
  const words = route.split('/').filter((w) => w !== '' && !w.startsWith('{'));
  return error.problem.what === 'route' || (error.problem.id !== undefined && words.includes(error.problem.id));
}

/** A POST route the document may not have yet (`POST /tickets/{id}/reports`): `undefined` when the API does not serve it. */
export async function postIfServed<T>(
  api: ApiClient,
  route: '/tickets/{id}/reports',
  path: Record<string, string>,
  body: unknown,
  idempotencyKey: string,
): Promise<T | undefined> {
  try {
    return (await api.post(route as PostRoute, { path } as never, body, { idempotencyKey })) as T;
  } catch (error) {
    if (notServed(error, route)) return undefined;
    throw error;
  }
}
