import type { DomainError } from '@switchboard/ticketing';

/** One invalid field of a request. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** The domain refused a command; the filter maps its kind to a status. */
export class DomainRefusal extends Error {
  constructor(
    readonly error: DomainError,
    readonly problems: readonly DomainError[] = [error],
  ) {
    super(error.message);
  }
}

/** The request body or query failed validation; carries every invalid field. */
export class InvalidRequest extends Error {
  constructor(readonly problems: readonly FieldProblem[]) {
    super(`The request has ${problems.length} invalid field(s): ${problems.map((p) => p.field).join(', ')}.`);
  }
}

/** `If-Match` named a revision the ticket is no longer (or not yet) at. */
export class RevisionMismatch extends Error {
  constructor(
    readonly ticketId: string,
    readonly expectedRevision: number,
    readonly currentRevision: number | undefined,
  ) {
    super(
      `Ticket ${ticketId} is at revision ${currentRevision ?? 'none'}, not ${expectedRevision}; ` +
        'reload it, check the change still makes sense, and retry with the new ETag.',
    );
  }
}

/** The ticket does not exist (queries; commands learn it from the domain). */
export class TicketNotFound extends Error {
  constructor(readonly ticketId: string) {
    super(`Ticket ${ticketId} does not exist.`);
  }
}
