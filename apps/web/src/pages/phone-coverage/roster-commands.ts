import { type ApiClient, newRequestKey } from '../../lib/api-client';
import type { RosterExceptionBody, WeeklyRosterBody } from '../../lib/phone-coverage-types';

/** A roster command as the API takes it: `PUT …/roster`, `PUT …/roster/exceptions/{date}`, `DELETE …/roster/exceptions/{date}`. */
export type RosterCommand =
  | { readonly kind: 'weekly'; readonly body: WeeklyRosterBody }
  | { readonly kind: 'exception'; readonly date: string; readonly body: RosterExceptionBody }
  | { readonly kind: 'clear'; readonly date: string };

/**
 * Sends a roster command for `department` against the revision the person saw (If-Match; none
 * before the roster was first set), under a fresh Idempotency-Key; a refusal is thrown as the
 * client throws it (an ApiProblem; a 401 signs out). Answers the position of what was recorded,
 * for reads that wait for the read models to include it.
 */
export async function sendRosterCommand(api: ApiClient, department: string, command: RosterCommand, revision: number | null): Promise<string | undefined> {
  const options = { idempotencyKey: newRequestKey(), ...(revision === null ? {} : { revision }) };
  const answer =
    command.kind === 'weekly'
      ? await api.put('/departments/{id}/roster', { path: { id: department } }, command.body, options)
      : command.kind === 'exception'
        ? await api.put('/departments/{id}/roster/exceptions/{date}', { path: { id: department, date: command.date } }, command.body, options)
        : await api.delete('/departments/{id}/roster/exceptions/{date}', { path: { id: department, date: command.date } }, options);
  return (answer as { position?: string } | undefined)?.position;
}
