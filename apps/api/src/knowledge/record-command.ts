import { NotFoundException } from '@nestjs/common';
import { InvalidRequest } from '../errors/api-exceptions';

/**
 * The command a `POST /<route>/:id/<action>` of a knowledge record (an article, a contact) asks
 * for: the action's command type, the body's fields and the record's id. An unknown action is no
 * such route, answered as every unknown route is; a body must be a JSON object.
 */
export function recordCommandOf<C>(
  route: string,
  actions: Readonly<Record<string, string>>,
  request: { readonly id: string; readonly idField: string; readonly action: string; readonly body: unknown },
): C {
  const { id, idField, action, body } = request;
  const type = Object.hasOwn(actions, action) ? actions[action] : undefined;
  if (!type) throw new NotFoundException(`Cannot POST /${route}/${encodeURIComponent(id)}/${encodeURIComponent(action)}`);
  return { ...commandFieldsOf(body), type, [idField]: id } as C;
}

/** A command's fields from its request body: a JSON object (or no body: none); anything else is a 400 naming the body. The domain judges the fields. */
export function commandFieldsOf(body: unknown): object {
  if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
    throw new InvalidRequest([{ field: '(body)', message: 'must be a JSON object with the command’s fields' }]);
  }
  return body ?? {};
}
