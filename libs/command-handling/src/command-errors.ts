import type { KnowledgeDomainError } from '@switchboard/knowledge';
import type { DomainError } from '@switchboard/ticketing';

/** A refusal of any of our domains: tickets, articles, contacts share its four shapes. */
export type AnyDomainError = DomainError | KnowledgeDomainError;

/** The domain refused a command: the error says which rule or field, and what is allowed now. */
export class CommandRefused extends Error {
  constructor(
    readonly error: AnyDomainError,
    readonly problems: readonly AnyDomainError[] = [error],
  ) {
    super(error.message);
  }
}

/** The caller named a revision (`If-Match`) the ticket (or article, contact) is no longer (or not yet) at. */
export class RevisionMismatch extends Error {
  constructor(
    readonly ticketId: string,
    readonly expectedRevision: number,
    readonly currentRevision: number | undefined,
    what = 'Ticket',
  ) {
    super(
      `${what} ${ticketId} is at revision ${currentRevision ?? 'none'}, not ${expectedRevision}; ` +
        'reload it, check the change still makes sense, and retry with the new ETag.',
    );
  }
}

/** OpenTicket drew an id that another ticket already has; the caller draws another. */
export class TicketIdTaken extends Error {
  constructor(readonly ticketId: string) {
    super(`Ticket id ${ticketId} is taken.`);
  }
}

/** What about a request differs from the first one sent under the same Idempotency-Key. */
export type RequestDifference = 'caller' | 'command' | 'body';

/** An Idempotency-Key sent again with another request: answering the first result would lie. */
export class IdempotencyKeyReused extends Error {
  constructor(
    readonly key: string,
    readonly differs: readonly RequestDifference[],
    firstUse: { readonly ticketId: string; readonly commandType?: string },
  ) {
    const where = differs.includes('caller') ? 'by another caller' : `for ${firstUse.commandType ?? 'another command'} on ticket ${firstUse.ticketId}`;
    super(
      `Idempotency-Key ${key} was already used ${where}; this request differs in its ${differs.join(' and ')}. ` +
        'A retry must repeat the first request exactly; use a new Idempotency-Key for a new request.',
    );
  }
}
