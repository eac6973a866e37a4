import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CommandMeta } from '@switchboard/command-handling';
import { randomUUID } from 'node:crypto';
import { InvalidRequest } from '../../errors/api-exceptions';
import type { AuthenticatedRequest } from '../../auth/auth.guard';

/** Command metadata from the HTTP headers: `Idempotency-Key` (or a fresh UUID) and `If-Match`. */
export type { CommandMeta };

const IDEMPOTENCY_KEY = /^[\w.:-]{1,128}$/;

/** Parses `If-Match: W/"7"` (or `"7"`) into a revision. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  // A revision is a safe integer: 15 digits cover any ticket; more is no ETag this API sent.
  const match = /^(?:W\/)?"(\d{1,15})"$/.exec(header.trim());
  if (!match) throw new InvalidRequest([{ field: 'If-Match', message: 'must be the ETag of the ticket, e.g. W/"3"' }]);
  return Number(match[1]);
}

/** The command metadata of the request. */
export const CommandMetadata = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandMeta => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  const key = request.headers['idempotency-key'];
  if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
    throw new InvalidRequest([{ field: 'Idempotency-Key', message: 'must be 1-128 letters, digits, ".", ":", "_" or "-" (a UUID is ideal)' }]);
  }
  const ifMatch = request.headers['if-match'];
  return {
    actor: request.actor,
    commandId: key ?? randomUUID(),
    expectedRevision: parseIfMatch(typeof ifMatch === 'string' ? ifMatch : undefined),
    correlationId: request.id,
  };
});
