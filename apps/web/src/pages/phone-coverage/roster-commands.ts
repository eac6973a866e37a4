import { type ApiClient, ApiProblem, newRequestKey, pathOf } from '../../lib/api-client';
import type { Problem } from '../../lib/api-types';
import type { RosterExceptionBody, WeeklyRosterBody } from '../../lib/phone-coverage-types';

/** A roster command as the API takes it: `PUT …/roster`, `PUT …/roster/exceptions/{date}`, `DELETE …/roster/exceptions/{date}`. */
export type RosterCommand =
  | { readonly kind: 'weekly'; readonly body: WeeklyRosterBody }
  | { readonly kind: 'exception'; readonly date: string; readonly body: RosterExceptionBody }
  | { readonly kind: 'clear'; readonly date: string };

/**
 * Sends a roster command for `department` against the revision the person saw (If-Match; none
 * before the roster was first set), under a fresh Idempotency-Key. The console's client speaks
 * GET and POST; the roster's commands are PUT and DELETE, sent here with the client's headers,
 * and a refusal is thrown as the client throws it (an ApiProblem; a 401 signs out). Answers the
 * position of what was recorded.
 */
export async function sendRosterCommand(api: ApiClient, department: string, command: RosterCommand, revision: number | null): Promise<string | undefined> {
  const url =
    command.kind === 'weekly'
      ? pathOf('/departments/{code}/roster', { code: department })
      : pathOf('/departments/{code}/roster/exceptions/{date}', { code: department, date: command.date });
  const body = command.kind === 'clear' ? undefined : JSON.stringify(command.body);
  const headers = api.headers({ 'idempotency-key': newRequestKey(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) });
  if (revision !== null) headers['if-match'] = `W/"${revision}"`;
  let response: Response;
  try {
    response = await fetch(url, { method: command.kind === 'clear' ? 'DELETE' : 'PUT', headers, body });
  } catch (error) {
    throw new ApiProblem({ statusCode: 0, error: 'NetworkError', message: String((error as Error).message ?? error) });
  }
  const answer: unknown = await response.json().catch(() => undefined);
  // What was recorded answers its position, for reads that wait for the read models to include it.
  if (response.ok) return (answer as { position?: string } | undefined)?.position;
  const problem: Problem =
    answer && typeof answer === 'object' && 'error' in answer
      ? (answer as Problem)
      : { statusCode: response.status, error: `HTTP ${response.status}`, message: response.statusText };
  if (response.status === 401) api.unauthorized(problem);
  throw new ApiProblem(problem);
}
