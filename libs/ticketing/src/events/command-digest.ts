import { createHash } from 'node:crypto';
import type { TicketCommand } from '../commands/ticket-commands';

/**
 * A digest of what a command asks, so a command id (an Idempotency-Key) can be bound to one
 * request: the same command again digests the same; any other field or value does not. An
 * open's ticket id is left out (it is drawn from the command id, so it is the same anyway).
 */
export function commandDigest(command: TicketCommand): string {
  const { type: _type, ...fields } = command;
  const asked = command.type === 'OpenTicket' ? { ...fields, ticketId: undefined } : fields;
  return createHash('sha256').update(canonicalJson(asked)).digest('base64url');
}

/** JSON with object keys sorted and undefined members dropped: equal values, equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
